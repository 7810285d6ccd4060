"""Reading test reports: suites per level, whole-report totals, and the report's verdict."""

from __future__ import annotations

from pathlib import Path

import pytest

from rte.docs import parse_document
from rte.docs.tests import read_tests
from rte.model import Document, Feature, Level, Suite, SuiteState
from rte.model import TestVerdict as Verdict

FIXTURES = Path(__file__).parent / "fixtures" / "docs"


def suites(name: str, text: str | None = None) -> tuple[Suite, ...]:
    body = text if text is not None else (FIXTURES / name).read_text(encoding="utf-8")
    doc = parse_document(body, name)
    result, problems = read_tests(doc.blocks, name, doc.fm)
    assert problems == []
    return result


def verdict(name: str, text: str | None = None) -> Verdict:
    feature = Feature("f", "f", documents={"tests": Document("tests", name)}, suites=suites(name, text))
    return feature.test_verdict


def test_levels_from_a_table_and_from_lines() -> None:
    found = suites("tests-levels.md")
    unit = next(s for s in found if s.level is Level.UNIT)
    assert (unit.passed, unit.failed, unit.skipped, unit.coverage_percent) == (163, 0, 2, 91.0)
    assert unit.location is not None and unit.location.line == 7
    e2e = next(s for s in found if s.level is Level.E2E)
    assert e2e.state is SuiteState.PENDING and e2e.location is not None and e2e.location.line == 11
    assert verdict("tests-levels.md") is Verdict.INCOMPLETE


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("tests-levels.md", Verdict.INCOMPLETE),  # E2E pending
        ("tests-pytest.md", Verdict.PASS),  # "failed requests" are not failed tests
        ("tests-failing.md", Verdict.FAIL),
        ("tests-narrative.md", Verdict.FAIL),  # a failure stated without counts
        ("tests-not-run.md", Verdict.INCOMPLETE),  # code review passed, tests still to run
        ("tests-skipped-whole.md", Verdict.INCOMPLETE),  # one suite skipped entirely
        ("tests-fields.md", Verdict.PASS),
    ],
)
def test_verdicts(name: str, expected: Verdict) -> None:
    assert verdict(name) is expected


def test_whole_report_totals_use_level_other() -> None:
    (overall,) = suites("tests-pytest.md")
    assert (overall.level, overall.passed, overall.failed) == (Level.OTHER, 212, 0)
    assert overall.location is not None and overall.location.line == 4


def test_failure_without_counts_keeps_counts_unknown() -> None:
    (failed,) = suites("tests-narrative.md")
    assert failed.state is SuiteState.FAILED and failed.passed is None and failed.failed is None
    assert failed.location is not None and failed.location.line == 5


def test_a_test_plan_holds_no_results() -> None:
    text = "# Test plan\n\n| Suite | Status |\n|---|---|\n| Unit tests | ✅ READY |\n"
    assert suites("06-test-plan.md", text) == ()
    assert verdict("06-test-plan.md", text) is Verdict.INCOMPLETE


def test_zero_tests_and_no_result_are_incomplete() -> None:
    assert verdict("r.md", "# Report\n\nUnit tests: 0 passed, 0 failed\n") is Verdict.INCOMPLETE
    assert verdict("r.md", "# Report\n\nWe wrote some tests.\n") is Verdict.INCOMPLETE


def test_missing_report() -> None:
    assert Feature("f", "f").test_verdict is Verdict.MISSING


def test_front_matter_suites_win_and_bad_levels_name_the_line() -> None:
    text = "---\nsuites:\n  - {level: unit, passed: 3, failed: 0}\n  - {level: smoke}\n---\n# R\n\n1 failed\n"
    doc = parse_document(text, "r.md")
    result, problems = read_tests(doc.blocks, "r.md", doc.fm)
    assert [(s.level, s.passed) for s in result] == [(Level.UNIT, 3)]
    assert problems and problems[0].location is not None and problems[0].location.line == 4


def test_a_level_line_is_not_counted_again_as_report_totals():
    from rte.docs import parse_document
    from rte.docs.frontmatter import FrontMatter
    from rte.docs.tests import read_tests

    text = "# Results\n\n- Unit tests: 40 passed, 0 failed\n- E2E tests: 3 passed, 1 failed\n"
    doc = parse_document(text, "r.md")
    suites, _ = read_tests(doc.blocks, "r.md", FrontMatter())
    assert [(s.level.value, s.passed, s.failed) for s in suites] == [("unit", 40, 0), ("e2e", 3, 1)]


def test_a_level_heading_that_says_pending_and_result_cells_with_a_reason() -> None:
    text = "# Report\n\n### Unit ✅ (30/30)\n\nAll good.\n\n### Performance 🚧 Not run\n\nNo load rig yet.\n"
    found = {s.level: s for s in suites("06-test-report.md", text)}
    assert found[Level.UNIT].passed == 30
    assert found[Level.PERFORMANCE].state is SuiteState.PENDING
    assert verdict("06-test-report.md", text) is Verdict.INCOMPLETE
    table = (
        "# Report\n\n| Case | Steps | Result |\n|---|---|---|\n"
        "| TC-1 | login | Pass |\n| TC-2 | logout | Failed: session kept alive |\n"
    )
    assert verdict("06-test-report.md", table) is Verdict.FAIL


def test_a_count_stated_in_one_sentence_and_a_level_to_follow() -> None:
    alone = "# Report\n\nAll 87 tests pass on the release branch.\n"
    assert [(s.passed, s.failed) for s in suites("06-test-report.md", alone)] == [(87, 0)]
    assert verdict("06-test-report.md", alone) is Verdict.PASS
    later = "# Report\n\nAll 87 tests pass on the release branch; integration tests to follow.\n"
    assert verdict("06-test-report.md", later) is Verdict.INCOMPLETE
