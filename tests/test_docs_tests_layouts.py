"""Test-report layouts of rounds 5–6: QA sheets, console tails, several runs, prose about blockers."""

from __future__ import annotations

from rte.model import Level, SuiteState
from rte.model import TestVerdict as Verdict
from tests.docread import read, verdict


def test_qa_sheet_areas_with_blocked_and_not_run_columns() -> None:
    sheet = (
        "| Area | Total | Pass | Fail | Blocked | Not Run |\n|---|---|---|---|---|---|\n"
        "| Login | 20 | 20 | 0 | 0 | 0 |\n| Search | 9 | 7 | 0 | 1 | 1 |\n| **Total** | 29 | 27 | 0 | 1 | 1 |\n"
    )
    found = read(sheet)
    assert [(s.level, s.passed, s.failed, s.skipped) for s in found] == [
        (Level.OTHER, 20, 0, None),
        (Level.OTHER, 7, 0, 2),
    ]
    assert found[1].state is SuiteState.PENDING
    assert verdict(sheet) is Verdict.INCOMPLETE
    assert verdict(sheet.replace("| 9 | 7 | 0 |", "| 9 | 6 | 1 |")) is Verdict.FAIL


def test_icon_column_headers_and_short_suite_names() -> None:
    text = (
        "| Suite | Tests | ✅ | ❌ | ⏭️ |\n|---|---|---|---|---|\n| Unit | 10 | 10 | 0 | 0 |\n"
        "| System (browser) | 4 | 4 | 0 | 0 |\n| Security | 0 | 0 | 0 | 0 |\n"
    )
    found = {s.level: s for s in read(text)}
    assert (found[Level.UNIT].passed, found[Level.E2E].passed) == (10, 4)
    assert found[Level.SECURITY].total == 0
    assert verdict(text) is Verdict.INCOMPLETE  # a suite of zero tests


def test_acceptance_criteria_table_with_a_failed_row() -> None:
    text = (
        "| Suite | Passed | Failed |\n|---|---|---|\n| Unit | 5 | 0 |\n\n"
        "| AC | Criterion | Result |\n|---|---|---|\n| AC-1 | logs in | ✅ Pass |\n| AC-2 | logs out | ❌ Fail |\n\n"
        "Everything green except AC-2.\n"
    )
    assert verdict(text) is Verdict.FAIL


def test_a_security_fix_verification_table_is_not_a_suite() -> None:
    text = "## Fix verification\n\n| Finding | Test | Result |\n|---|---|---|\n| V1 | spec a | ✅ |\n"
    assert verdict(text) is Verdict.INCOMPLETE


def test_unittest_console_output() -> None:
    ok = "```\nRan 40 tests in 1.2s\n\nOK (skipped=3)\n```\n"
    (suite,) = read(ok)
    assert (suite.passed, suite.failed, suite.skipped) == (37, 0, 3)
    assert verdict(ok) is Verdict.PASS
    failed = "```\nRan 40 tests in 1.2s\n\nFAILED (failures=2, errors=1)\n```\n"
    (suite,) = read(failed)
    assert (suite.passed, suite.failed) == (37, 3)


def test_gradle_summary() -> None:
    text = "```\n50 tests completed, 2 failed, 1 skipped\n\nBUILD FAILED in 20s\n```\n"
    (suite,) = read(text)
    assert (suite.passed, suite.failed, suite.skipped) == (47, 2, 1)


def test_runs_still_going_scheduled_or_collecting_nothing_are_incomplete() -> None:
    assert (
        verdict("Unit: 10 passed, 0 failed.\nIntegration: the CI job is still running.\n")
        is Verdict.INCOMPLETE
    )
    assert verdict("- Unit: 10 passed\n- Smoke passed; the full regression is scheduled for Monday.\n") is (
        Verdict.INCOMPLETE
    )
    assert verdict("Unit: 10 passed, 0 failed.\nContract tests: `collected 0 items`.\n") is Verdict.INCOMPLETE


def test_a_blocker_stated_in_qa_prose_fails() -> None:
    text = (
        "> Smoke: fine.\n> Regression: 3 open bugs, 1 blocker (checkout total wrong).\n> No sign-off yet.\n"
    )
    assert verdict(text) is Verdict.FAIL
    assert (
        verdict("> Smoke: fine.\n> Regression: no blockers found.\n> No sign-off yet.\n")
        is Verdict.INCOMPLETE
    )


def test_the_run_of_record_wins_over_earlier_runs() -> None:
    text = (
        "## Runs\n\n### Run 1\n\n| Suite | Passed | Failed |\n|---|---|---|\n| Unit | 8 | 2 |\n\n"
        "### Run 2 (after fixes)\n\n| Suite | Passed | Failed |\n|---|---|---|\n| Unit | 10 | 0 |\n"
    )
    assert [(s.passed, s.failed) for s in read(text)] == [(10, 0)]
    assert verdict(text) is Verdict.PASS


def test_terse_bullets_with_a_check_mark_and_a_count() -> None:
    found = {s.level: s for s in read("- unit ✔ 300\n- e2e ✔ 12 (chromium)\n")}
    assert (found[Level.UNIT].passed, found[Level.E2E].passed, found[Level.E2E].failed) == (300, 12, 0)


def test_counts_in_level_headings_replace_an_overview_without_counts() -> None:
    text = (
        "| Level | Status |\n|---|---|\n| Unit | ✅ Complete |\n| Security regression | ✅ Complete |\n\n"
        "### ✅ Unit Tests (40/40)\n\nAll good.\n\n### ✅ Security Regression (5/5)\n\n"
        "| Check | Result |\n|---|---|\n| Security headers present | ✅ |\n"
    )
    found = sorted((s.level.value, s.passed, s.failed) for s in read(text))
    assert found == [("security", 5, 0), ("unit", 40, 0)]


def test_runner_output_after_a_line_naming_its_level() -> None:
    text = "Integration (sandbox):\n\n```\nRan 12 tests in 3.0s\n\nOK\n```\n"
    (suite,) = read(text)
    assert (suite.level, suite.passed, suite.failed) == (Level.INTEGRATION, 12, 0)
