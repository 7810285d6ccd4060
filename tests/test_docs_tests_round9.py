"""Test-report layouts of round 9: checks lists, run-history dashboards, contract verification, runner tails."""

from __future__ import annotations

from rte.model import Level, SuiteState
from rte.model import TestVerdict as Verdict
from tests.docread import read, verdict


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


def test_level_word_between_count_and_tests_and_all_passed_after_a_total() -> None:
    found = read(
        "# Report\n\n## Unit\n\nAll 284 unit tests passed.\n\n## Integration\n\n42 tests in 5 suites, all passed.\n"
    )
    assert [(s.level, s.passed, s.failed) for s in found] == [
        (Level.UNIT, 284, 0),
        (Level.INTEGRATION, 42, 0),
    ]


def test_karma_browser_lines_add_up_and_the_total_line_is_not_counted_again() -> None:
    text = (
        "# Report\n\n```\nChrome 1 (Linux): Executed 10 of 10 SUCCESS (1 secs / 1 secs)\n"
        "Firefox 2 (Linux): Executed 10 of 10 (2 FAILED) (1 secs / 1 secs)\nTOTAL: 2 FAILED, 18 SUCCESS\n```\n"
    )
    assert [(s.passed, s.failed) for s in read(text)] == [(18, 2)]
    assert verdict(text) is Verdict.FAIL


def test_cucumber_counts_scenarios_not_steps() -> None:
    text = (
        "# Report\n\n```\n5 scenarios (1 failed, 4 passed)\n30 steps (1 failed, 2 skipped, 27 passed)\n```\n"
    )
    assert [(s.passed, s.failed, s.skipped) for s in read(text)] == [(4, 1, None)]


def test_a_table_of_checks_with_an_icon_column_under_a_level_heading() -> None:
    text = (
        "# Report\n\n## Performance budgets\n\n| Page | Metric | Budget | Measured | Within |\n|---|---|---|---|---|\n"
        "| / | LCP | 2.5 s | 2.1 s | ✅ |\n| /cart | LCP | 2.5 s | 2.3 s | ✅ |\n| /pay | LCP | 2.5 s | 2.9 s | ❌ |\n"
    )
    assert [(s.level, s.passed, s.failed) for s in read(text)] == [(Level.PERFORMANCE, 2, 1)]
    assert verdict(text) is Verdict.FAIL
