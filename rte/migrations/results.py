"""What the migration edges found, as plain values the gates read: rehearsal steps and per-feature facts."""

from __future__ import annotations

from dataclasses import dataclass

from rte.migrations.catalog import CatalogDiff
from rte.migrations.sql import SplitMigration
from rte.migrations.squawk import Violation
from rte.model import Location, Problem

ENABLE_HINT = (
    "set the `database-url` input (for example from a `services: postgres` container) to rehearse "
    "migrations on a scratch database"
)


@dataclass(frozen=True)
class Step:
    name: str  # up | down | up again
    ok: bool
    seconds: float
    statements: int  # statements that ran successfully
    error: str | None = None
    location: Location | None = None


@dataclass(frozen=True)
class Rehearsal:
    database: str
    steps: tuple[Step, ...] = ()
    diff: CatalogDiff | None = None  # catalog before up against after down
    error: str | None = None  # the rehearsal could not start (connection, CREATE DATABASE)
    cleanup_error: str | None = None

    @property
    def ok(self) -> bool:
        return (
            self.error is None
            and len(self.steps) == 3
            and all(s.ok for s in self.steps)
            and self.diff is not None
            and self.diff.empty
        )

    def describe(self) -> str:
        if self.error:
            return self.error
        failures = [
            f"the `{s.name}` step failed{f' at {s.location}' if s.location else ''}: {s.error}"
            for s in self.steps
            if not s.ok
        ]
        if self.diff is not None and not self.diff.empty:
            failures.insert(0, f"the down step does not undo the up step: {self.diff.describe()}")
        if failures:
            return "; ".join(failures)
        timings = ", ".join(f"{s.name} {s.seconds:.2f}s" for s in self.steps)
        return f"up, down and up again all succeeded and down restored the schema ({timings})"


@dataclass(frozen=True)
class MigrationFacts:
    """What is known about one feature's migration; `split` is None when the feature has none."""

    split: SplitMigration | None = None
    problem: Problem | None = None  # the migration exists but could not be read
    violations: tuple[Violation, ...] = ()
    squawk_error: str | None = None  # squawk did not judge this migration, and why
    squawk_available: bool = True
    rehearsal: Rehearsal | None = None  # None: not rehearsed (no `database-url`, or nothing to roll back)
    declared_data_loss: bool = False
    data_loss_location: Location | None = None  # where the docs declare it
