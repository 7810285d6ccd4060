"""Test-report layouts of round 9: checks lists, run-history dashboards, contract verification, runner tails."""

from __future__ import annotations

from rte.docs import parse_document
from rte.docs.tests import read_tests
from rte.model import Document, Feature, Level, Suite, SuiteState
from rte.model import TestVerdict as Verdict


def read(text: str) -> tuple[Suite, ...]:
    doc = parse_document(text, "06-test-report.md")
    found, problems = read_tests(doc.blocks, "06-test-report.md", doc.fm)
    assert problems == []
    return found


def verdict(text: str) -> Verdict:
    feature = Feature("f", "f", documents={"tests": Document("tests", "t.md")}, suites=read(text))
    return feature.test_verdict


def test_a_cancelled_check_leaves_its_level_without_result() -> None:
    text = "# Report\n\n- ✅ unit — 40 tests passed\n- ⚪ e2e — aborted after 10m; no results\n"
    found = read(text)
    assert [(s.level, s.state) for s in found] == [
        (Level.UNIT, SuiteState.RAN),
        (Level.E2E, SuiteState.PENDING),
    ]
    assert verdict(text) is Verdict.INCOMPLETE


def test_run_history_columns_are_not_a_runs_result() -> None:
    text = (
        "# Report\n\n## Run of record\n\n- Unit: 50 passed, 0 failed\n\n## History\n\n"
        "| Test | Runs | Failed runs | Flake rate |\n|---|---|---|---|\n| unit/test_a | 90 | 4 | 4.4% |\n"
    )
    found = read(text)
    assert [(s.level, s.passed, s.failed) for s in found] == [(Level.UNIT, 50, 0)]
    assert verdict(text) is Verdict.PASS


def test_verified_ratio_rows_under_a_level_heading() -> None:
    text = (
        "# Report\n\n## Contract tests\n\n| Consumer | Checks verified | Result |\n|---|---|---|\n"
        "| web | 9/10 | failed |\n| app | 4/4 | passed |\n"
    )
    found = read(text)
    assert [(s.level, s.passed, s.failed) for s in found] == [
        (Level.INTEGRATION, 9, 1),
        (Level.INTEGRATION, 4, 0),
    ]
    assert verdict(text) is Verdict.FAIL
