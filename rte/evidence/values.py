"""The evidence values: measured coverage, contradictions, and everything collected for a run."""

from __future__ import annotations

from dataclasses import dataclass

from rte.model import Finding, Level, Location, Problem, Suite


@dataclass(frozen=True)
class Coverage:
    """Measured line coverage of one file; `level` when the file's path or `junit-levels` tells it."""

    percent: float
    location: Location
    level: Level | None = None
    lines_covered: int | None = None
    lines_valid: int | None = None


@dataclass(frozen=True)
class Contradiction:
    """The Markdown report claims one thing and a machine-written file says another."""

    kind: str  # tests | coverage
    level: Level
    message: str
    report: Location | None
    evidence: Location

    def to_json(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "level": self.level.value,
            "message": self.message,
            "report": self.report.to_json() if self.report else None,
            "evidence": self.evidence.to_json(),
        }


@dataclass(frozen=True)
class Evidence:
    """Everything read from the `junit`, `coverage` and `sarif` files of a run."""

    suites: tuple[Suite, ...] = ()
    coverage: tuple[Coverage, ...] = ()
    findings: tuple[Finding, ...] = ()
    problems: tuple[Problem, ...] = ()
    files: tuple[str, ...] = ()  # every file read, workspace-relative, in reading order

    @property
    def empty(self) -> bool:
        return not (self.suites or self.coverage or self.findings)
