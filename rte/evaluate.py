"""Run the gates over the features → an Evaluation (all results and the overall verdict). Pure."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rte.gates import Context, Gate, GateResult, Status, gates_for
from rte.gates.security import findings_of
from rte.gates.tests import suites_of
from rte.model import Feature, Finding, Problem, Suite, TestVerdict, tests_verdict
from rte.risk import LEVEL_NAMES, Factor, Risk, assess


@dataclass(frozen=True)
class FeatureReport:
    feature: Feature
    results: tuple[GateResult, ...]
    risk: Risk
    findings: tuple[Finding, ...]
    suites: tuple[Suite, ...]

    @property
    def verdict(self) -> str:
        return "fail" if any(r.fails_run for r in self.results) else "pass"

    @property
    def test_verdict(self) -> TestVerdict:
        """The tests' verdict over the suites the gates judged: the report's, with evidence where it exists."""
        return tests_verdict(self.suites, has_report="tests" in self.feature.documents)

    @property
    def failed(self) -> tuple[GateResult, ...]:
        return tuple(r for r in self.results if r.fails_run)

    @property
    def warnings(self) -> tuple[GateResult, ...]:
        return tuple(
            r for r in self.results if r.status is Status.WARN or (r.status is Status.FAIL and not r.blocking)
        )


@dataclass(frozen=True)
class Evaluation:
    features: tuple[FeatureReport, ...]
    errors: tuple[Problem, ...] = ()

    @property
    def verdict(self) -> str:
        return "fail" if any(f.verdict == "fail" for f in self.features) else "pass"

    @property
    def risk_level(self) -> str:
        levels = [f.risk.level for f in self.features] or ["low"]
        return max(levels, key=LEVEL_NAMES.index)


def evaluate(
    features: Sequence[Feature],
    ctx: Context,
    gates: Sequence[Gate] | None = None,
    errors: Sequence[Problem] = (),
) -> Evaluation:
    """`gates`: None runs GATES plus a gate for each extra level in `required-tests`."""
    if gates is None:
        gates = gates_for(ctx.settings.required_tests)
    reports = []
    extra_risk = ctx.facts.get("risk", {})
    for feature in features:
        results = tuple(_run(gate, feature, ctx) for gate in gates)
        extra: tuple[Factor, ...] = extra_risk.get(feature.slug, ()) if isinstance(extra_risk, dict) else ()
        reports.append(
            FeatureReport(
                feature,
                results,
                assess(feature, extra, ctx.settings.min_coverage, ctx.settings.risk_thresholds),
                findings_of(feature, ctx),
                suites_of(feature, ctx),
            )
        )
    return Evaluation(tuple(reports), tuple(errors))


def _run(gate: Gate, feature: Feature, ctx: Context) -> GateResult:
    result = gate(feature, ctx)
    if not result.blocking and result.status is Status.FAIL:
        return GateResult(result.id, Status.WARN, result.message, result.locations, blocking=False)
    return result
