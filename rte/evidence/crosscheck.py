"""Report claims against machine evidence: contradictions, and evidence suites taking over their level."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from rte.evidence.values import Contradiction, Coverage
from rte.model import Level, Location, Suite

COVERAGE_TOLERANCE = 0.5


def cross_check(
    report_suites: Sequence[Suite],
    evidence_suites: Sequence[Suite],
    evidence_coverage: Sequence[Coverage],
    min_coverage: float | None = None,
) -> tuple[Contradiction, ...]:
    """Where the Markdown report and the JUnit/coverage files disagree, one Contradiction naming both places."""
    found: list[Contradiction] = []
    for suite in report_suites:
        if suite.source != "report":
            continue
        found.extend(_test_contradiction(suite, evidence_suites))
        found.extend(_coverage_contradiction(suite, evidence_coverage, min_coverage))
    return tuple(found)


def _test_contradiction(claim: Suite, evidence: Sequence[Suite]) -> list[Contradiction]:
    if claim.outcome != "pass":
        return []
    failing = [s for s in evidence if s.level is claim.level and s.failed]
    if not failing:
        return []
    total = sum(s.failed or 0 for s in failing)
    names = [n for s in failing for n in s.failing][:3]
    first = failing[0].location or Location("(JUnit XML)")
    more = f" (and {len(failing) - 1} more file{'s' if len(failing) > 2 else ''})" if len(failing) > 1 else ""
    which = f" ({', '.join(names)})" if names else ""
    message = (
        f"{_where(claim.location)} says {claim.level.value} tests all passed, but {first}{more} "
        f"has {total} failure{'s' if total != 1 else ''}{which}"
    )
    return [Contradiction("tests", claim.level, message, claim.location, first)]


def _coverage_contradiction(
    claim: Suite, coverage: Sequence[Coverage], min_coverage: float | None
) -> list[Contradiction]:
    stated = claim.coverage_percent
    candidates = [c for c in coverage if c.level is claim.level] or [c for c in coverage if c.level is None]
    if stated is None or not candidates:
        return []
    # Several files that could all be this level's: compare with the most generous, to never over-accuse.
    measured = max(candidates, key=lambda c: c.percent)
    above = stated > measured.percent + COVERAGE_TOLERANCE
    misses_minimum = min_coverage is not None and stated >= min_coverage and measured.percent < min_coverage
    if not (above or misses_minimum):
        return []
    message = (
        f"{_where(claim.location)} says {claim.level.value} coverage is {_pct(stated)}, but "
        f"{measured.location} measured {_pct(measured.percent)}"
    )
    if misses_minimum:
        message += f", below the {_pct(min_coverage or 0)} minimum"
    return [Contradiction("coverage", claim.level, message, claim.location, measured.location)]


def merge_suites(
    report: Iterable[Suite], evidence: Iterable[Suite], coverage: Sequence[Coverage] = ()
) -> tuple[Suite, ...]:
    """Evidence decides: its suites replace the report's for every level they cover, in the report's place;
    levels only the report covers stay; evidence-only levels follow. Coverage goes on the first suite of a
    level: measured by that level's coverage files (the lowest, if several) over the report's stated figure."""
    by_level: dict[Level, list[Suite]] = {}
    for suite in evidence:
        by_level.setdefault(suite.level, []).append(suite)
    merged: list[Suite] = []
    placed: set[Level] = set()
    for suite in report:
        if suite.level not in by_level:
            merged.append(suite)
        elif suite.level not in placed:
            first, *rest = by_level[suite.level]
            if first.coverage_percent is None and suite.coverage_percent is not None:
                first = replace(first, coverage_percent=suite.coverage_percent)
            merged.extend((first, *rest))
            placed.add(suite.level)
    for level, suites in by_level.items():
        if level not in placed:
            merged.extend(suites)
    return tuple(_with_measured(merged, coverage))


def _with_measured(suites: list[Suite], coverage: Sequence[Coverage]) -> list[Suite]:
    seen: set[Level] = set()
    out = []
    for suite in suites:
        if suite.level not in seen:
            seen.add(suite.level)
            measured = [c for c in coverage if c.level is suite.level]
            if measured:
                suite = replace(suite, coverage_percent=min(c.percent for c in measured))
        out.append(suite)
    return out


def _where(location: Location | None) -> str:
    return str(location) if location else "the test report"


def _pct(value: float) -> str:
    return f"{value:.1f}%".replace(".0%", "%")
