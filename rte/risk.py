"""Risk: a level from explained factors, each with a weight and the line it came from."""

from __future__ import annotations

from dataclasses import dataclass

from rte.mdtext import code
from rte.model import Feature, Location, Severity

# Weight sum → level: inclusive lower bounds, worst first. `risk-thresholds` overrides them.
LEVELS: tuple[tuple[str, float], ...] = (("critical", 8.0), ("high", 5.0), ("medium", 2.0), ("low", 0.0))
LEVEL_NAMES = ("low", "medium", "high", "critical")  # mildest first

# Weights, in one place so the plan can explain them.
W_MIGRATION = 1.0  # any schema change
W_DATA_LOSS = 3.0  # a forward statement that destroys data
W_DESTRUCTIVE = 1.5  # a forward statement that drops or rewrites schema objects
W_NO_DOWN = 1.5  # no way to roll the schema back by script
W_WORKER = 1.0  # new background worker / queue (at most three count)
W_SERVICE = 0.5  # new external dependency (at most three count)
W_MEDIUM = 1.0  # open medium finding
W_WAIVED = 1.0  # a waived finding
W_COVERAGE = 1.5  # a suite under the coverage threshold
W_BREAKING = 3.0  # a breaking change
W_SIZE = 1.0  # per size step (endpoints + env vars + workers + services)
SIZE_STEP = 5
W_NO_FLAG = 1.0  # user-facing change with no feature flag


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
    thresholds: tuple[tuple[str, float], ...] = LEVELS

    @property
    def score(self) -> float:
        return sum(f.weight for f in self.factors)

    def to_json(self) -> dict[str, object]:
        return {"level": self.level, "score": self.score, "factors": [f.to_json() for f in self.factors]}


def parse_thresholds(text: str) -> tuple[tuple[str, float], ...]:
    """`medium=2,high=5,critical=8` → LEVELS-shaped tuple; missing levels keep their default floor.

    Raises ValueError with a message naming the bad part (the settings layer adds the input name).
    """
    floors = {name: floor for name, floor in LEVELS}
    for part in text.replace("\n", ",").split(","):
        if not part.strip():
            continue
        name, sep, value = part.partition("=")
        name = name.strip().lower()
        if not sep or name not in ("medium", "high", "critical"):
            raise ValueError(f"write `level=score` pairs for medium, high and critical, not {part.strip()!r}")
        try:
            floors[name] = float(value)
        except ValueError:
            raise ValueError(f"{code(name)} needs a number, not {value.strip()!r}") from None
    if not 0 < floors["medium"] <= floors["high"] <= floors["critical"]:
        raise ValueError("the scores must rise: 0 < medium ≤ high ≤ critical")
    return tuple((name, floors[name]) for name, _ in LEVELS)


def level_of(score: float, thresholds: tuple[tuple[str, float], ...] = LEVELS) -> str:
    return next((name for name, floor in thresholds if score >= floor), "low")


def assess(
    feature: Feature,
    extra: tuple[Factor, ...] = (),
    min_coverage: float | None = None,
    thresholds: tuple[tuple[str, float], ...] = LEVELS,
) -> Risk:
    """Risk factors found in the feature's own docs, plus those the edges found (migration lint…)."""
    factors: list[Factor] = list(extra)
    factors += _migration(feature)
    for worker in feature.workers[:3]:
        factors.append(
            Factor(
                f"new infrastructure: background worker or queue {code(worker.name)}",
                W_WORKER,
                worker.location,
            )
        )
    for service in feature.services[:3]:
        factors.append(
            Factor(f"new infrastructure: external dependency {service.name}", W_SERVICE, service.location)
        )
    if feature.security:
        for finding in feature.security.findings:
            if finding.status.is_open and finding.severity is Severity.MEDIUM and not finding.waived:
                factors.append(Factor(f"open medium finding: {finding.label}", W_MEDIUM, finding.location))
            if finding.waived:
                factors.append(Factor(f"waived finding: {finding.label}", W_WAIVED, finding.location))
    for change in feature.breaking_changes:
        factors.append(Factor(f"breaking change: {change.name[:80]}", W_BREAKING, change.location))
    if min_coverage is not None:
        for suite in feature.suites:
            if suite.coverage_percent is not None and suite.coverage_percent < min_coverage:
                factors.append(
                    Factor(
                        f"{suite.level.value} coverage {suite.coverage_percent:g}% below {min_coverage:g}%",
                        W_COVERAGE,
                        suite.location,
                    )
                )
    factors += _size(feature)
    if not feature.feature_flags and (feature.endpoints or feature.acceptance):
        where = feature.endpoints[0].location if feature.endpoints else feature.acceptance[0].location
        factors.append(Factor("no feature flag: switching the change off needs a deploy", W_NO_FLAG, where))
    score = sum(f.weight for f in factors)
    return Risk(level_of(score, thresholds), tuple(factors), thresholds)


def _migration(feature: Feature) -> list[Factor]:
    migration = feature.migration
    if migration is None:
        return []
    factors = [Factor(f"database migration {code(migration.path)}", W_MIGRATION, Location(migration.path, 1))]
    for statement in migration.destructive:
        loses = statement.detail in (
            "drop table",
            "drop column",
            "drop schema",
            "drop database",
            "truncate",
            "delete without where",
        )
        kind = statement.detail or "destructive statement"
        factors.append(
            Factor(
                f"{'data-destroying' if loses else 'destructive'} statement ({kind}): {statement.name[:80]}",
                W_DATA_LOSS if loses else W_DESTRUCTIVE,
                statement.location,
            )
        )
    if migration.convention == "none":
        factors.append(
            Factor(
                "no down migration: the schema cannot be rolled back by script",
                W_NO_DOWN,
                Location(migration.path, 1),
            )
        )
    return factors


def _size(feature: Feature) -> list[Factor]:
    parts = [
        (len(feature.endpoints), "endpoint"),
        (len(feature.env_vars), "environment variable"),
        (len(feature.workers), "worker"),
        (len(feature.services), "external service"),
    ]
    total = sum(n for n, _ in parts)
    steps = total // SIZE_STEP
    if not steps:
        return []
    named = ", ".join(f"{n} {word}{'s' if n != 1 else ''}" for n, word in parts if n)
    first = next(
        (
            items[0].location
            for items in (feature.endpoints, feature.env_vars, feature.workers, feature.services)
            if items
        ),
        None,
    )
    return [Factor(f"size of the change: {named}", W_SIZE * steps, first)]
