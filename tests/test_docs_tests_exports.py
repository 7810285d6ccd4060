"""Test-report layouts of rounds 7–8: tool exports, matrices, merged cells, footnotes, counts in prose."""

from __future__ import annotations

from rte.model import Level, SuiteState
from rte.model import TestVerdict as Verdict
from tests.docread import counts, read, verdict


def test_word_first_tally_with_broken_counts_as_failed() -> None:
    text = "# Nightly\n\n    Passed 30 · Failed 0 · Broken 1 · Skipped 2 · Unknown 0\n"
    assert counts(read(text)) == [(Level.OTHER, 30, 1, 2)]
    assert verdict(text) is Verdict.FAIL


def test_pipe_tally_with_untested_cases_is_incomplete() -> None:
    text = "# Run 12\n\nPassed 20 | Failed 0 | Blocked 0 | Untested 4\n"
    (suite,) = read(text)
    assert (suite.passed, suite.failed, suite.skipped, suite.state) == (20, 0, 4, SuiteState.PENDING)
    assert verdict(text) is Verdict.INCOMPLETE


def test_tally_under_a_level_heading_with_todo_is_that_level_pending() -> None:
    text = "# Execution\n\n## API integration tests\n\nBreakdown: PASS 10 · FAIL 0 · TODO 1\n"
    (suite,) = read(text)
    assert (suite.level, suite.passed, suite.skipped, suite.state) == (
        Level.INTEGRATION,
        10,
        1,
        SuiteState.PENDING,
    )


def test_level_columns_of_a_platform_matrix_are_suites() -> None:
    text = "| Platform | Unit | UI |\n|---|---|---|\n| Linux | 10/10 | 7/9 |\n| Mac | 10/10 | 9/9 |\n"
    assert counts(read(text)) == [
        (Level.UNIT, 10, 0, None),
        (Level.E2E, 7, 2, None),
        (Level.UNIT, 10, 0, None),
        (Level.E2E, 9, 0, None),
    ]
    assert verdict(text) is Verdict.FAIL


def test_blank_level_cells_repeat_the_row_above_and_add_up() -> None:
    text = (
        "| Level | Module | Passed | Failed | Not run |\n|---|---|---|---|---|\n"
        "| Unit | a | 5 | 0 | 0 |\n|  | b | 6 | 0 | 0 |\n| Integration | c | 2 | 0 | 1 |\n"
    )
    found = read(text)
    assert counts(found) == [(Level.UNIT, 11, 0, None), (Level.INTEGRATION, 2, 0, 1)]
    assert verdict(text) is Verdict.INCOMPLETE


def test_footnoted_zero_failed_cell_counts_the_quarantined_failure() -> None:
    text = (
        "| Level | Passed | Failed |\n|---|---|---|\n| Unit | 40 | 0* |\n\n"
        "\\* `test_retry` failed in this run and was moved to quarantine.\n\nAll green.\n"
    )
    assert counts(read(text)) == [(Level.UNIT, 40, 1, None)]
    assert verdict(text) is Verdict.FAIL


def test_footnote_not_about_a_failure_changes_nothing() -> None:
    text = "| Level | Passed | Failed |\n|---|---|---|\n| Unit | 40 | 0* |\n\n\\* counted on the nightly runner.\n"
    assert counts(read(text)) == [(Level.UNIT, 40, 0, None)]


def test_bold_lines_head_sections_when_the_document_has_no_headings() -> None:
    text = (
        "**Report**\n\n**2.1 Unit tests**\n\nExecuted: 12 · Passed: 12 · Failed: 0\n\n"
        "**2.2 End to end tests**\n\nNot run – the sandbox was down.\n"
    )
    found = read(text)
    assert [(s.level, s.passed, s.state) for s in found] == [
        (Level.UNIT, 12, SuiteState.RAN),
        (Level.E2E, None, SuiteState.PENDING),
    ]


def test_counts_told_in_sentences_make_suites() -> None:
    text = (
        "# Report\n\nThe build passed. Surefire reported 50 tests run for the unit module, with 0 failures and "
        "2 skipped. The integration module then ran 9 tests, no failures. Coverage was 70% for the unit module.\n"
    )
    found = read(text)
    assert counts(found) == [(Level.UNIT, 48, 0, 2), (Level.INTEGRATION, 9, 0, None)]
    assert found[0].coverage_percent == 70.0
    assert verdict(text) is Verdict.PASS


def test_a_sentence_naming_a_level_without_counts_is_no_suite() -> None:
    assert read("# Report\n\nNo end-to-end suite exists for this service.\n") == ()


def test_lines_of_named_runs_with_result_words() -> None:
    text = "# Summary\n\nRegression: PASS\nPerformance: NOT RUN (rig rebuilt)\nStatus: PASS\n"
    found = read(text)
    assert [(s.level, s.state) for s in found] == [
        (Level.OTHER, SuiteState.RAN),
        (Level.PERFORMANCE, SuiteState.PENDING),
    ]
    assert found[0].name == "Regression"
    assert verdict(text) is Verdict.INCOMPLETE


def test_stories_passed_of_total_with_blocked_ones_is_incomplete() -> None:
    text = "# QA\n\n3 of 4 stories passed, 1 blocked.\n"
    assert counts(read(text)) == [(Level.OTHER, 3, 0, 1)]
    assert verdict(text) is Verdict.INCOMPLETE


def test_unity_modes_and_hardware_in_the_loop_levels() -> None:
    text = (
        "# Log\n\n- EditMode: 10 tests — 10 passed\n- PlayMode: 4 tests — 3 passed, 1 failed\n\n"
        "## Hardware-in-the-loop\n\nResult: 8/9 PASS, 1 SKIP (board away)\n"
    )
    assert counts(read(text)) == [
        (Level.UNIT, 10, 0, None),
        (Level.E2E, 3, 1, None),
        (Level.INTEGRATION, 8, 0, 1),
    ]


def test_runner_output_after_a_level_line_ending_in_its_command() -> None:
    text = "# R\n\nUnit tests run headless: `godot -s gut.gd`\n\n```\nTests 5\nPassing 4\nPending 1\n```\n"
    assert counts(read(text)) == [(Level.UNIT, 4, 0, 1)]


def test_area_items_are_the_suites_of_a_report_naming_no_level() -> None:
    text = "# Run\n\n- web.cart — 10 passed\n- web.login — 8 passed, 1 broken\n"
    assert counts(read(text)) == [(Level.OTHER, 10, 0, None), (Level.OTHER, 8, 1, None)]
    assert verdict(text) is Verdict.FAIL


def test_a_named_kind_of_tests_with_counts_is_an_other_suite() -> None:
    text = "# R\n\n## Unit tests\n\nPassed: 4\nFailed: 0\n\nScene smoke tests (bot, 30 s each): 6/6 passed.\n"
    assert counts(read(text)) == [(Level.UNIT, 4, 0, None), (Level.OTHER, 6, 0, None)]


def test_result_lines_do_not_hide_a_failure_in_the_totals() -> None:
    text = "# R\n\nRegression: PASS\nSmoke: PASS\n\n```\nTotal: 10\nPassed: 9\nFailed: 1\n```\n"
    assert verdict(text) is Verdict.FAIL
