"""What a gate is: a function from a feature and the run's context to a GateResult."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from rte.model import Feature, Location

if TYPE_CHECKING:
    from rte.settings import Settings


class Status(StrEnum):
    PASS = "pass"
    FAIL = "fail"
    WARN = "warn"
    SKIP = "skip"

    @property
    def icon(self) -> str:
        return {"pass": "✅", "fail": "❌", "warn": "⚠️", "skip": "⏭️"}[self.value]


@dataclass(frozen=True)
class GateResult:
    id: str
    status: Status
    message: str
    locations: tuple[Location, ...] = ()
    blocking: bool = True

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "status": self.status.value,
            "blocking": self.blocking,
            "message": self.message,
            "locations": [loc.to_json() for loc in self.locations],
        }

    @property
    def fails_run(self) -> bool:
        return self.blocking and self.status is Status.FAIL


@dataclass(frozen=True)
class Context:
    """Everything a gate may look at besides the feature: settings and facts gathered at the edges.

    Facts that need I/O (git, a database, GitHub) are collected before the gates run and handed in
    here as values, so the gates themselves stay pure.
    """

    settings: Settings
    today: date
    # Facts keyed by gate family, filled by the edges (git, GitHub, PostgreSQL, evidence files).
    facts: Mapping[str, object] = field(default_factory=dict)

    @property
    def workspace(self) -> Path:
        return self.settings.workspace


Gate = Callable[[Feature, Context], GateResult]
