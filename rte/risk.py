"""Risk: a level from explained factors, each with a weight and the line it came from."""

from __future__ import annotations

from dataclasses import dataclass

from rte.model import Feature, Location, Severity

# Weight sum → level. Thresholds are inclusive lower bounds.
LEVELS = (("critical", 8.0), ("high", 5.0), ("medium", 2.0), ("low", 0.0))


@dataclass(frozen=True)
class Factor:
    reason: str
    weight: float
    location: Location | None = None

    def to_json(self) -> dict[str, object]:
        return {
            "reason": self.reason,
            "weight": self.weight,
            "location": self.location.to_json() if self.location else None,
        }


@dataclass(frozen=True)
class Risk:
    level: str
    factors: tuple[Factor, ...]

    @property
    def score(self) -> float:
        return sum(f.weight for f in self.factors)

    def to_json(self) -> dict[str, object]:
        return {"level": self.level, "score": self.score, "factors": [f.to_json() for f in self.factors]}


def assess(feature: Feature, extra: tuple[Factor, ...] = (), min_coverage: float | None = None) -> Risk:
    """Risk factors found in the feature's own docs, plus those the edges found (migration lint…)."""
    factors: list[Factor] = list(extra)
    if feature.migration:
        factors.append(
            Factor(f"database migration `{feature.migration.path}`", 1.0, Location(feature.migration.path))
        )
        for statement in feature.migration.destructive:
            factors.append(Factor(f"destructive statement: {statement.name}", 3.0, statement.location))
    for worker in feature.workers[:3]:
        factors.append(Factor(f"new background worker or queue `{worker.name}`", 1.0, worker.location))
    for service in feature.services[:3]:
        factors.append(Factor(f"external dependency: {service.name}", 0.5, service.location))
    if feature.security:
        for finding in feature.security.findings:
            if finding.status.is_open and finding.severity is Severity.MEDIUM and not finding.waived:
                factors.append(Factor(f"open medium finding: {finding.label}", 1.0, finding.location))
            if finding.waived:
                factors.append(Factor(f"waived finding: {finding.label}", 1.0, finding.location))
    for change in feature.breaking_changes:
        factors.append(Factor(f"breaking change: {change.name[:80]}", 3.0, change.location))
    if min_coverage is not None:
        for suite in feature.suites:
            if suite.coverage_percent is not None and suite.coverage_percent < min_coverage:
                factors.append(
                    Factor(
                        f"{suite.level.value} coverage {suite.coverage_percent:g}% below {min_coverage:g}%",
                        1.5,
                        suite.location,
                    )
                )
    if len(feature.env_vars) >= 5:
        factors.append(
            Factor(
                f"{len(feature.env_vars)} new environment variables to configure",
                1.0,
                feature.env_vars[0].location,
            )
        )
    score = sum(f.weight for f in factors)
    level = next(name for name, floor in LEVELS if score >= floor)
    return Risk(level, tuple(factors))
