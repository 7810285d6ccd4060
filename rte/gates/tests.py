"""Test gates: every required level present and passing ("no PR without tests"), coverage threshold."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rte.gates.base import Context, Gate, GateResult, Status
from rte.model import Feature, Level, Location, Suite, SuiteState

if TYPE_CHECKING:  # the evidence package loads its XML readers; a check without evidence needs none
    from rte.evidence.values import Contradiction


def _describe(suite: Suite) -> str:
    if suite.state is SuiteState.PENDING:
        return "not run (pending)"
    if suite.state is SuiteState.NO_RESULT:
        return "no result stated"
    if suite.state is SuiteState.FAILED and not suite.failed:
        return "failed (the report gives no counts)"
    parts = []
    if suite.passed is not None:
        parts.append(f"{suite.passed} passed")
    if suite.failed:
        parts.append(f"{suite.failed} failed")
    if suite.skipped:
        parts.append(f"{suite.skipped} skipped")
    if suite.coverage_percent is not None:
        parts.append(f"{suite.coverage_percent:g}% coverage")
    return ", ".join(parts) or "passed"


def level_gate(level: Level) -> Gate:
    gate_id = f"tests.{level.value}"
    label = {"e2e": "E2E"}.get(level.value, level.value)

    def gate(feature: Feature, ctx: Context) -> GateResult:
        required = level in ctx.settings.required_tests
        suites = [s for s in suites_of(feature, ctx) if s.level is level]
        where = tuple(s.location for s in suites if s.location)
        if not suites:
            if not required:
                return GateResult(gate_id, Status.SKIP, f"no {label} tests reported (not required)")
            doc = feature.doc_path("tests")
            message = f"no {label} tests reported" if doc else "there is no test report"
            return GateResult(
                gate_id,
                Status.FAIL,
                f"{message}; {label} tests are required",
                (Location(doc or feature.path),),
            )
        contradictions = [c for c in _contradictions(feature, ctx) if c.kind == "tests" and c.level is level]
        if contradictions:
            return GateResult(
                gate_id,
                Status.FAIL,
                " ".join(c.message for c in contradictions),
                tuple(loc for c in contradictions for loc in (c.evidence, c.report) if loc),
                blocking=required,
            )
        failing = [s for s in suites if s.outcome == "fail"]
        unfinished = [s for s in suites if s.outcome == "incomplete"]
        summary = "; ".join(f"{s.name or label}: {_describe(s)}" for s in suites)
        status = Status.PASS
        if failing or (unfinished and required):
            status = Status.FAIL
        elif unfinished:
            status = Status.WARN
        return GateResult(gate_id, status, f"{label} tests — {summary}", where, blocking=required)

    gate.__name__ = level.value
    return gate


def _contradictions(feature: Feature, ctx: Context) -> tuple[Contradiction, ...]:
    found = ctx.facts.get("contradictions", {})
    return found.get(feature.slug, ()) if isinstance(found, dict) else ()


def suites_of(feature: Feature, ctx: Context) -> tuple[Suite, ...]:
    evidence = ctx.facts.get("suites", {})
    if isinstance(evidence, dict) and feature.slug in evidence:
        return evidence[feature.slug]  # type: ignore[no-any-return]
    return feature.suites


def coverage(feature: Feature, ctx: Context) -> GateResult:
    threshold = ctx.settings.min_coverage
    measured = [s for s in suites_of(feature, ctx) if s.coverage_percent is not None]
    contradictions = [c for c in _contradictions(feature, ctx) if c.kind == "coverage"]
    if contradictions:
        return GateResult(
            "tests.coverage",
            Status.FAIL,
            " ".join(c.message for c in contradictions),
            tuple(loc for c in contradictions for loc in (c.evidence, c.report) if loc),
        )
    if threshold is None:
        return GateResult("tests.coverage", Status.SKIP, "no `min-coverage` threshold set")
    if not measured:
        return GateResult(
            "tests.coverage",
            Status.FAIL,
            f"no coverage figure stated; {threshold:g}% required",
            (Location(feature.doc_path("tests") or feature.path),),
        )
    low = [s for s in measured if (s.coverage_percent or 0) < threshold]
    figures = ", ".join(f"{s.level.value} {s.coverage_percent:g}%" for s in measured)
    if low:
        return GateResult(
            "tests.coverage",
            Status.FAIL,
            f"coverage below {threshold:g}%: {figures}",
            tuple(s.location for s in low if s.location),
        )
    return GateResult("tests.coverage", Status.PASS, f"coverage at or above {threshold:g}%: {figures}")
