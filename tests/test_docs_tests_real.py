"""Test-report layouts met in real reports measured blind (scripts/measure_docs.py). Own text throughout."""

from __future__ import annotations

from rte.model import TestVerdict as Verdict
from tests.docread import read, verdict


def test_a_ratio_of_passing_tests_below_the_total_is_a_failure() -> None:
    text = (
        "# Testing overview\n\n| Metric | Value | Status |\n|---|---|---|\n"
        "| **Success rate** | 98.0% (98/100 tests passing) | ✅ **EXCELLENT** |\n"
        "| **Coverage** | 91% | ✅ |\n"
    )
    assert verdict(text) is Verdict.FAIL


def test_a_ratio_whose_missing_tests_were_skipped_stays_a_pass() -> None:
    text = (
        "# Report\n\n**Overall: 19/20 passing**\n\n- ✅ 19 tests passed\n- ❌ 0 tests failed\n"
        "- 🟡 1 test skipped (needs the sandbox)\n"
    )
    assert verdict(text) is Verdict.PASS


def test_an_empty_failed_field_is_not_a_failure() -> None:
    text = (
        "# Load tests\n\n## Compliance\n\n**Tests planned:** 6  \n**Tests executed:** 0 (0%)  \n"
        "**Tests passed:** N/A  \n**Tests failed:** N/A  \n**Tests blocked:** 6 (100%)  \n"
    )
    assert verdict(text) is Verdict.INCOMPLETE


def test_a_screenshot_file_name_is_not_a_suite() -> None:
    text = (
        "# Verification report\n\n## Summary\n\n- ✅ **OVERALL STATUS**: **PASSED**\n- Total test cases executed: 4\n"
        "- Passed: 4\n- Failed: 0\n\n#### T1: Access control ✅ PASSED\n**Status**: PASSED\n\n"
        "**Screenshots**:\n- `.playwright-out/denied-error.png`\n"
    )
    assert verdict(text) is Verdict.PASS


def test_failures_counted_in_a_note_fail_the_run() -> None:
    text = (
        "# Story report\n\n| Suite | Status |\n|---|---|\n| Unit | ✅ 8/8 |\n| Integration | PENDING |\n\n"
        "**Tests skipped** (12 failures in the full run):\n- ledger posting\n"
    )
    assert verdict(text) is Verdict.FAIL


def test_cases_blocked_in_a_result_table_leave_the_run_incomplete() -> None:
    text = (
        "# UAT results\n\n| Test | Status | Notes |\n|---|---|---|\n| T-001 | ✅ PASS | search works |\n"
        "| T-002 | ⏸️ BLOCKED | needs gateway credentials |\n| T-003 | ✅ PASS | export works |\n"
    )
    assert verdict(text) is Verdict.INCOMPLETE


def test_a_criterion_marked_completed_ran() -> None:
    text = (
        "# Integration test results\n\n| Criteria | Status | Details |\n|---|---|---|\n"
        "| ✅ Validate every command | **COMPLETED** | all commands answer |\n"
        "| ✅ Performance testing | **COMPLETED** | within budget |\n\n**Total tests:** 40 · **Pass rate:** 100% (40/40)\n"
    )
    assert verdict(text) is Verdict.PASS


def test_a_to_do_in_a_next_steps_list_is_a_plan_not_a_pending_suite() -> None:
    text = (
        "# Integration Test Report\n\n**Total Tests:** 31  \n**Passed:** 31  \n**Failed:** 0\n\n"
        "## Recommendations\n\n### Next Steps\n1. ✅ **DONE:** backend wired\n2. **TODO:** Add end-to-end tests\n"
        "3. Add load tests for the queue\n"
    )
    assert verdict(text) is Verdict.PASS
    said = text.replace("## Recommendations\n\n### Next Steps\n", "## Status\n\n")
    assert verdict(said) is Verdict.INCOMPLETE  # outside a planning section a to-do is a gap


def test_a_suite_marked_failed_with_zero_counts_crashed_before_counting() -> None:
    text = (
        "# Test Report\n\n| Test Suite | Status | Passed | Failed | Skipped |\n|---|---|---|---|---|\n"
        "| Backend Jest Tests | ❌ FAIL | 0 | 0 | 0 |\n| Frontend Lint | ✅ PASS | 0 | 0 | 0 |\n"
    )
    assert verdict(text) is Verdict.FAIL


def test_stat_lines_with_a_unit_and_a_share_are_the_run_totals() -> None:
    text = (
        "# Release test summary\n\n**Status**: ✅ READY FOR RELEASE\n\n## Quick Stats\n\n```\n"
        "✅ Passed:   120 tests (95.2%)\n❌ Failed:     6 tests ( 4.8%)\n⏭️ Ignored:    3 tests\n```\n"
    )
    assert verdict(text) is Verdict.FAIL


def test_a_status_count_table_is_one_suite_of_all_cases() -> None:
    head = "# Manual QA\n\n## Status summary\n\n| Status | Count | Share |\n|---|---|---|\n"
    failing = head + "| ✅ **Pass** | 40 | 87% |\n| ❌ **Fail** | 6 | 13% |\n| Not Run | 0 | 0% |\n"
    assert verdict(failing) is Verdict.FAIL
    passing = head + "| Pass | 40 | 98% |\n| Fail | 0 | 0% |\n| Skipped | 1 | 2% |\n"
    assert verdict(passing) is Verdict.PASS
    blocked = head + "| Pass | 40 | 80% |\n| Fail | 0 | 0% |\n| Blocked | 10 | 20% |\n"
    assert verdict(blocked) is Verdict.INCOMPLETE


def test_a_ratio_short_of_the_total_by_skips_stated_elsewhere_still_passes() -> None:
    text = (
        "# Test status\n\n## Summary\n\n- **442/446 tests passing**\n- **4 tests properly skipped** (need a GPU)\n"
        "- **0 test failures**\n"
    )
    assert verdict(text) is Verdict.PASS
    assert verdict(text.replace("- **4 tests properly skipped** (need a GPU)\n", "")) is Verdict.FAIL


def test_collection_errors_with_nothing_passed_fail_the_run() -> None:
    text = (
        "# Test Execution Report\n\n**Status**: ❌ FAILED\n\n## Test Statistics\n\n- **Total Tests**: 350\n"
        "- **Passed**: ✅ 0\n- **Failed**: ❌ 0\n- **Skipped**: ⏭️ 0\n- **Errors**: 🚨 4\n"
    )
    assert verdict(text) is Verdict.FAIL


def test_a_count_before_a_comma_belongs_to_the_word_before_it() -> None:
    text = (
        "# Acceptance results\n\n| Metric | Value |\n|---|---|\n"
        "| Requirements | 24 total — satisfied 17, deferred 7, failed 0 |\n| Critical | pass 8, fail 0 |\n"
    )
    assert verdict(text) is not Verdict.FAIL


def test_a_level_section_whose_metric_table_counts_zero_tests_did_not_run() -> None:
    text = (
        "# QA report\n\n## Backend API Tests\n\n| Metric | Value |\n|---|---|\n| Passed | ✅ 143 |\n| Failed | ❌ 0 |\n\n"
        "## Frontend E2E Tests (Playwright)\n\n| Metric | Value |\n|---|---|\n| Total Tests | 0 |\n| Passed | ✅ 0 |\n"
        "| Failed | ❌ 0 |\n\n✅ All E2E tests passed!\n"
    )
    assert verdict(text) is Verdict.INCOMPLETE


def test_an_unfinished_scenario_among_passing_case_headings_leaves_the_run_incomplete() -> None:
    head = (
        "# End-to-End Migration Test Report\n\n| Component | Tests | Result |\n|---|---|---|\n"
        "| Commands | 31 | PASSED |\n\n## Scenarios\n\n"
    )
    cases = "### Scenario 1: Validate ✅\n\n**Result**: ✅ PASSED\n\n### Scenario 2: Sync ✅\n\n**Result**: ✅ PASSED\n\n"
    assert verdict(head + cases) is Verdict.PASS
    pending = cases + "### Scenario 3: Cutover (In Progress) 🔄\n\n**Result**: ⏳ PENDING COMPLETION\n"
    assert verdict(head + pending) is Verdict.INCOMPLETE
    failing = cases + "### Scenario 3: Cutover\n\n**Result**: ❌ FAILED (timeout)\n"
    assert verdict(head + failing) is Verdict.FAIL


def test_release_scenarios_whose_outcome_is_a_forecast_figure_are_not_test_cases() -> None:
    head = "# Launch readiness\n\n| Suite | Passed | Failed |\n|---|---|---|\n| Unit | 40 | 0 |\n\n## Options\n\n"
    options = (
        "### Scenario 1: Finish every suite ✅\n\n**Tasks**: run the load tests\n\n"
        "**Outcome**: 100% suites run, 95% confidence\n\n"
        "### Scenario 2: Ship today ❌\n\n**Status**: 40/52 tests (77%), all green\n\n"
        "**Outcome**: 60% confidence\n"
    )
    assert verdict(head + options) is Verdict.PASS


def test_suites_listed_without_results_pass_when_the_report_says_the_whole_suite_passed() -> None:
    table = (
        "# QA\n\n## Suite — 6 tests\n\n| Location | Tests | Covers |\n|---|---|---|\n"
        "| `src/a.rs` (unit) | 4 | parsing |\n| `tests/cli.rs` (end-to-end) | 2 | the binary |\n\n"
    )
    assert verdict(table + "**Full suite passes: 6/6**, in both lanes.\n") is Verdict.PASS
    assert verdict(table + "Run `cargo test` to reproduce.\n") is Verdict.INCOMPLETE


def test_a_title_naming_a_level_is_not_its_section_and_tests_written_did_not_run() -> None:
    text = (
        "# Phase 6: Integration Testing - Results Summary\n\n**Status:** ✅ COMPLETED\n\n## Summary\n\n"
        "- ✅ **Unit Tests:** 7/7 passing\n- ✅ **Integration Tests:** 4 test suites created\n\n"
        "## Unit Test Results\n\n7 passed, 0 failed\n"
    )
    assert verdict(text) is Verdict.INCOMPLETE
    ran = text.replace("4 test suites created", "12/12 passing")
    assert verdict(ran) is Verdict.PASS


def test_a_case_table_marked_with_emoji_shortcodes_and_a_results_column() -> None:
    text = (
        "# :warning: Had failures in the nightly regression\n\n## Tests:\n\n|Status|Results|Test|\n|---|---|---|\n"
        "| :white_check_mark: | passed | Login as viewer |\n| :white_check_mark: | passed | Search by kind |\n"
        "| :x: | failed | Add a cloud connection |\n"
    )
    assert verdict(text) is Verdict.FAIL
    assert verdict(text.replace(":x: | failed", ":white_check_mark: | passed")) is Verdict.PASS


def test_a_passed_column_giving_a_share_reads_its_ratio_or_a_shortfall() -> None:
    text = (
        "# ERP test report\n\n## Unit Tests Status\n\n| Module | Status | Tests Passed | Coverage |\n|---|---|---|---|\n"
        "| **Catalogue** | ✅ PASSED | 100% (15/15 entities) | Full |\n| **Billing** | ✅ PASSED | 100% (8/8 entities) | High |\n"
    )
    assert verdict(text) is Verdict.PASS
    shortfall = text.replace("100% (8/8 entities)", "95% (some handler tests failing)")
    assert verdict(shortfall) is Verdict.FAIL
    assert verdict(text.replace("100% (8/8 entities)", "100% (7/8 entities)")) is Verdict.FAIL


def test_a_matrix_of_pass_and_fail_checks_is_one_suite() -> None:
    text = (
        "# Browser matrix, launch candidate\n\n## Results\n\n| Browser | Sign-in | Checkout | Export | Overall |\n"
        "| --- | --- | --- | --- | --- |\n| Chrome | Pass | Pass | Pass | **Pass** |\n"
        "| Firefox | Pass | Fail | Pass | **Fail** |\n"
    )
    assert verdict(text) is Verdict.FAIL
    assert verdict(text.replace("| Fail | Pass | **Fail** |", "| Pass | Pass | **Pass** |")) is Verdict.PASS


def test_a_part_of_the_flow_marked_not_tested_leaves_the_run_incomplete() -> None:
    text = (
        "# Checkout E2E results\n\n## ✅ Results: SUCCESSFUL\n\n### 1. Cart\n**Status:** ✅ PASS\n\n"
        "### 2. Payment\n**Status:** ✅ PASS\n\n## ⏳ Not Tested\n\n### Refunds\n"
        "**Status:** Endpoint ready, not tested\n**Reason:** needs a sandbox merchant\n"
    )
    assert verdict(text) is Verdict.INCOMPLETE
    assert (
        verdict(text.split("## ⏳")[0] + "Refund paths are out of scope; edge cases were not tested here.\n")
        is Verdict.PASS
    )


def test_a_limitation_that_a_flow_could_not_be_tested_leaves_the_run_incomplete() -> None:
    text = (
        "# Manual test results\n\n## Tests performed\n\n### 1. Unit tests ✅\n\n```\nTests: 9 passed, 9 total\n```\n\n"
        "## Known limitations\n\n- Cannot test the full sign-out flow in a real browser\n"
    )
    assert verdict(text) is Verdict.INCOMPLETE
    assert (
        verdict(text.replace("- Cannot test", "- The flow we cannot test by hand is covered by"))
        is Verdict.PASS
    )


def test_a_failed_count_qualified_in_brackets_is_still_a_failure() -> None:
    text = (
        "# Manual command testing\n\n| Metric | Count | Share |\n|---|---|---|\n| **Total commands** | 20 | 100% |\n"
        "| **Passed** | 12 | 60% |\n| **Failed (Parameter Mismatch)** | 8 | 40% |\n"
    )
    assert verdict(text) is Verdict.FAIL
    assert verdict(text.replace("| **Failed (Parameter Mismatch)** | 8 | 40% |\n", "")) is Verdict.PASS


def test_a_pass_rate_with_its_ratio_counts_and_a_failure_in_a_debugging_story_does_not() -> None:
    text = (
        "# Day 4 complete\n\n### Pass Rate: 100% (57/57 tests)\n\n## Debugging Journey\n\n### Issue 1: trust score test\n\n"
        "**Symptom**: Test failed with message `expected < 0.5, got 0.77`\n\n**Solution**: adjusted the assertion.\n"
    )
    assert verdict(text) is Verdict.PASS
    story = text.replace("### Pass Rate: 100% (57/57 tests)\n\n", "")
    assert verdict(story) is not Verdict.FAIL
    assert verdict(story.replace("## Debugging Journey", "## Results")) is Verdict.FAIL
    assert (
        verdict(text.replace("100% (57/57 tests)", "98% (56/57 tests)").split("## Debugging")[0])
        is Verdict.FAIL
    )


def test_phpunit_result_fields_count_tests_and_errors() -> None:
    text = (
        "# PHPUnit run\n\n### 1. ✅ PHPUnit Unit Tests\n\n**Results:**\n- **Tests:** 120\n- **Assertions:** 400\n"
        "- **Failures:** 0\n- **Errors:** 0\n- **Status:** ✅ **PASS**\n"
    )
    assert verdict(text) is Verdict.PASS
    assert (
        verdict(text.replace("**Errors:** 0", "**Errors:** 3").replace("✅ **PASS**", "see above"))
        is Verdict.FAIL
    )


def test_testing_that_was_not_performed_leaves_the_run_incomplete() -> None:
    text = (
        "# Patch QA report\n\n## Build\n\n**Status:** Completed successfully\n\n## API tests\n\n12 tests passed, 0 failed.\n\n"
        "## Browser testing\n\nClient-side testing would require Playwright, which was not performed in this cycle.\n"
    )
    assert verdict(text) is Verdict.INCOMPLETE
    assert verdict(text.replace("which was not performed", "which we ran as well")) is Verdict.PASS


def test_tests_failed_as_a_share_of_those_executed_is_a_failure() -> None:
    text = (
        "# Feature verification\n\n**Testing Status**:\n- Tests executed: 4/12 scenarios (33%)\n"
        "- Tests passed: 2/4 (Feature #1 both tests)\n- Tests failed: 2/4 (Feature #2 Test 2.2)\n"
    )
    assert verdict(text) is Verdict.FAIL
    assert verdict(text.replace("Tests failed: 2/4", "Tests failed: 0/4")) is not Verdict.FAIL


def test_a_ratio_of_times_is_not_a_ratio_of_tests() -> None:
    text = (
        "# Regression test report: solver performance\n\n## Test C\n\n"
        "*Test still running at iter 18 / 6,420s wall time.*\n"
    )
    assert verdict(text) is Verdict.INCOMPLETE


def test_a_feature_that_fails_acceptance_testing_fails_the_run() -> None:
    text = "# Setup wizard UAT\n\n**Status:** ❌ **FAILS ACCEPTANCE TESTING**\n\nThe wizard stops before the port prompt.\n"
    assert verdict(text) is Verdict.FAIL
    assert verdict(text.replace("FAILS ACCEPTANCE TESTING", "PASSES ACCEPTANCE TESTING")) is not Verdict.FAIL


def test_a_test_section_whose_result_is_passed_passes() -> None:
    text = "# QA report\n\n## Automated Tests\n\n```bash\nnpm test\n```\n\nResult: Passed.\n\n- Tests: 7\n"
    assert verdict(text) is Verdict.PASS
    assert verdict(text.replace("## Automated Tests", "## Dependency audit")) is not Verdict.PASS


def test_a_score_card_out_of_100_is_no_test_count_and_a_covered_scope_no_coverage() -> None:
    text = (
        "# Extension test report\n\n**Result:** 12 passing, 0 failing\n\n## Suites\n\n### Journey test\n\n"
        "**Status:** ✅ PASSED\n**Coverage:** All 6 steps of the journey\n\n## Rating\n\n**Score breakdown:**\n\n"
        "- Core features: 100/100 ✅\n- Performance: 95/100 ✅\n- Documentation: 90/100 ✅\n"
    )
    assert verdict(text) is Verdict.PASS
    assert all(suite.coverage_percent is None for suite in read(text))
    assert (
        verdict(text.replace("- Core features", "- Unit tests: 40/40 passed\n- Core features"))
        is Verdict.PASS
    )
    assert verdict("# Report\n\n- Unit: 98/100\n- Integration: 40/40\n- E2E: 10/10\n") is Verdict.FAIL


def test_a_command_table_counts_the_commands_that_run_tests_and_leaves_builds_and_linters_out() -> None:
    text = (
        "# QA report\n\n| Command / check | Result |\n| --- | --- |\n| `npm run typecheck` | Passed. |\n"
        "| `npm run test:local` | Passed: **64/64** tests. |\n| `npm run test:browser` | Passed: **12/12** specs. |\n"
        "| ESLint | **Not run.** No configuration in the repository. |\n"
    )
    assert verdict(text) is Verdict.PASS
    assert verdict(text.replace("**12/12** specs", "**11/12** specs")) is Verdict.FAIL


def test_a_criterion_marked_partial_fail_fails_the_run_and_skip_slash_stub_is_skipped() -> None:
    text = (
        "# QA gate\n\n| Criterion | Status | Evidence |\n|---|---|---|\n| Sign-in works | **Skip / stub Pass** | no auth env |\n"
        "| Reports render | **Pass** | 200 |\n| Search | **Partial Fail** | GET returns 400 |\n| Export | **Pass** | ok |\n"
    )
    assert verdict(text) is Verdict.FAIL
    assert verdict(text.replace("**Partial Fail**", "**Pass**")) is Verdict.PASS


def test_a_retest_round_that_counts_its_run_replaces_the_first_round_that_could_not_run() -> None:
    text = (
        "# QA report\n\n## 1. Test Execution Results\n\n### 1.1 Backend\n\nThe tests could not be run here.\n\n"
        "| Test class | Tests | Review |\n|---|---|---|\n| `OrderServiceTest` | 9 unit tests | Reviewed by reading |\n\n"
        "## 2. Bugs Found\n\n- BUG-1: totals off by one\n\n## Retest Round 1\n\n### Test Execution\n\n"
        "**Backend tests:** `mvn test` — 31 tests, 0 failures, 0 errors.\n\n### New issues found in retest\n\nNone.\n"
    )
    assert verdict(text) is Verdict.PASS
    assert verdict(text.replace("31 tests, 0 failures", "31 tests, 2 failures")) is Verdict.FAIL


def test_a_timeout_or_a_fixture_error_in_a_result_column_fails_the_run() -> None:
    text = (
        "# E2E report\n\n### Execution Status\n\n| Test Category | Status | Notes |\n|---|---|---|\n"
        "| **Setup Check** | ✅ PASS | ok |\n| **Login Checks** | ⚠️ TIMEOUT | selector not found |\n"
        "| **Upload Checks** | ⚠️ FIXTURE ERROR | setup issue |\n"
    )
    assert verdict(text) is Verdict.FAIL
    assert verdict(text.replace("⚠️ TIMEOUT", "✅ PASS").replace("⚠️ FIXTURE ERROR", "✅ PASS")) is Verdict.PASS


def test_the_output_a_run_is_expected_to_print_is_no_result() -> None:
    text = (
        "# E2E Test Report\n\n**Status**: ✅ Setup complete - ready for execution\n\n## Specs written\n\n"
        "- `checkout.cy.ts`: pays with a saved card\n\n## Expected Test Results\n\n### When Executed Successfully:\n"
        "```\n  ✓ pays with a saved card (12s)\n  ✓ rejects an expired card (9s)\n\nTotal: 2 tests passing\n```\n"
    )
    assert verdict(text) is not Verdict.PASS


def test_counts_under_an_expected_output_heading_are_not_read() -> None:
    text = "# Test Report\n\nSpecs for the checkout.\n\n## Expected Output\n\n```\nTotal: 40 tests passing\n```\n"
    assert read(text) == ()


def test_a_gate_table_reads_exit_codes_and_a_test_command_skipped() -> None:
    gates = "# QA\n\n## Gates\n\n| Check | Command | Exit Code | Notes |\n|---|---|---|---|\n"
    backend = "| Backend tests | `pytest` | 0 | 64/64 passed |\n"
    assert verdict(gates + backend + "| Frontend unit tests | `pnpm test` | SKIPPED | wrong Node |\n") is (
        Verdict.INCOMPLETE
    )
    assert (
        verdict(gates + backend + "| Frontend unit tests | `pnpm test` | 1 | crashed at start |\n")
        is Verdict.FAIL
    )
    assert verdict(gates + backend + "| Frontend build | `pnpm build` | 0 | 10 routes |\n") is Verdict.PASS


def test_a_table_of_phases_counts_like_a_table_of_suites() -> None:
    text = (
        "# Test Report\n\n## Summary\n\n| Phase | Tests | Passed | Failed | Blocked |\n|---|---|---|---|---|\n"
        "| 1. Setup command | 6 | 6 | 0 | 0 |\n| 2. Search | 4 | 3 | 1 | 0 |\n| **Total** | **10** | **9** | **1** | **0** |\n\n"
        "## Automated\n\nAll 48 automated tests pass.\n"
    )
    assert verdict(text) is Verdict.FAIL


def test_tests_compiled_with_their_run_deferred_are_not_a_pass() -> None:
    text = (
        "# Test Report\n\n| Metric | Unit |\n|---|---|\n| Passed | 54 |\n| Failed | 0 |\n\n"
        "All 54 tests are compile-verified (0 errors). Runtime execution deferred: the SDK is not installed.\n"
    )
    assert verdict(text) is Verdict.INCOMPLETE


def test_a_table_of_what_the_tests_cover_and_a_first_run_fixed_since_are_no_results() -> None:
    text = (
        "# UI test report\n\n## Result\n\n| Suite | Tests | Passed | Failed |\n|---|---|---|---|\n"
        "| UI tests | 12 | 12 | 0 |\n\n## What the UI tests cover\n\n| Area | Tests |\n|---|---|\n"
        "| Login | wrong password shows an error and the form stays open for another try |\n"
        "| Reports | period buttons (30 / 90 / 365 days) redraw the chart with the right buckets |\n\n"
        "## Defects found and fixed\n\nThe first run had 3 failures; each defect now has a regression test.\n"
    )
    assert verdict(text) is Verdict.PASS


def test_a_static_analysers_tally_in_a_suite_table_counts_no_tests() -> None:
    text = (
        "# QA report\n\n| Module | Runner | Tests | Status |\n|---|---|---|---|\n"
        "| Cart | `cart_test.dart` | 4 / 4 | **PASSED** |\n"
        "| Static analysis | `flutter analyze` | 0 errors, 0 warnings | **PASSED** |\n"
    )
    assert verdict(text) is Verdict.PASS


def test_a_maven_summary_quoted_in_a_list_item_counts_its_tests() -> None:
    text = (
        "**Test Report**\n\n- **Maven:** `mvn clean test`\n"
        "- **Summary:** Tests run: 7, Failures: 0, Errors: 0, Skipped: 0\n- **Build:** BUILD SUCCESS\n"
    )
    assert verdict(text) is Verdict.PASS
    assert verdict(text.replace("Failures: 0", "Failures: 2")) is Verdict.FAIL


def test_a_test_analysers_metric_table_is_one_tally() -> None:
    text = (
        "# Failed Test Report\n\n## Summary\n\n| Metric | Value |\n|---|---|\n| Total Tests | 52 |\n"
        "| Passed Consistently | 51 |\n| Consistent Failures | ❌ 1 |\n| Flaky Tests | ⚠️ 0 |\n"
    )
    assert verdict(text) is Verdict.FAIL
    assert [(s.passed, s.failed) for s in read(text)] == [(51, 1)]


def test_a_runs_own_row_counts_and_a_breakdown_of_tests_per_module_states_no_outcome() -> None:
    text = (
        "# Unit Test Report\n\n## Result\n\n| Status | Tests run | Passed | Failed | Errors |\n|---|---|---|---|---|\n"
        "| PASS | 20 | 20 | 0 | 0 |\n\n## Coverage by test module\n\n| Module | Tests | Coverage |\n|---|---|---|\n"
        "| `tests.test_intent` | 8 | trend parsing, date ranges |\n| `tests.test_main` | 12 | routing, health |\n"
    )
    assert verdict(text) is Verdict.PASS
    assert verdict(text.replace("| PASS | 20 | 20 | 0 | 0 |", "| FAIL | 20 | 19 | 1 | 0 |")) is Verdict.FAIL


def test_a_suite_that_passes_n_of_n_is_a_pass() -> None:
    text = (
        "# QA Report\n\n## Suite\n\n| Location | Tests | Covers |\n|---|---|---|\n| `src/a.rs` (unit) | 5 | parsing |\n"
        "| `tests/cli.rs` (end-to-end) | 2 | the binary |\n\n## Result\n\n**Full suite passes: 7/7**.\n"
    )
    assert verdict(text) is Verdict.PASS
    assert verdict(text.replace("7/7", "6/7")) is Verdict.FAIL


def test_a_reproduced_earlier_failure_and_a_result_kept_elsewhere_do_not_decide_the_verdict() -> None:
    text = (
        "# Test Report\n\n## Verdict\n\n| Dimension | Result |\n|---|---|\n| Functional | **PASS** — 40 passed |\n"
        "| Performance | See `docs/reports/perf.md` |\n\n## Reproduction of Previous Failures\n\n"
        "- 3 failed, 37 passed\n\n## Final Verification Run\n\n- 40 passed in 2.1s\n"
    )
    assert verdict(text) is Verdict.PASS
    assert verdict(text.split("\n\n## Reproduction")[0] + "\n") is Verdict.PASS


def test_a_gap_analysis_lists_work_still_to_do_not_failed_tests() -> None:
    text = (
        "# Test Report\n\n## Part 1: Results\n\nAll 76 tests pass (76/76 passed).\n\n"
        "## Part 4: Acceptance Gap Analysis\n\n### What's Missing ⚠️:\n"
        "1. ❌ **Same-Hardware Benchmarks** (run baselines on identical machines)\n"
        "2. ❌ **Third-Party Code Audit**\n"
    )
    assert verdict(text) is Verdict.PASS


def test_an_area_table_giving_tests_and_a_pass_rate_counts_its_passes() -> None:
    text = (
        "# Suite summary\n\n## By area\n\n| Feature | Tests | Pass Rate | Priority |\n|---|---|---|---|\n"
        "| Sign-in | 8 | 100% | P0 |\n| Invoices | 10 | 90% | P1 |\n"
    )
    assert [(s.passed, s.failed) for s in read(text)] == [(8, 0), (9, 1)]
    assert verdict(text) is Verdict.FAIL


def test_a_breakdown_by_type_with_a_share_of_the_suite_states_no_outcome() -> None:
    text = (
        "# Suite summary\n\n**Result:** 40 tests, 40 passed, 0 failed\n\n## By type\n\n"
        "| Type | P0 | P1 | Total | % of Suite |\n|---|---|---|---|---|\n"
        "| **E2E** | 8 | 8 | **16** | 40% |\n| **Unit** | 12 | 12 | **24** | 60% |\n"
    )
    assert verdict(text) is Verdict.PASS


def test_a_date_line_above_a_test_field_is_not_a_count_of_tests() -> None:
    text = (
        "# Summary\n\n**Result:** 12 tests, 12 passed, 0 failed\n\n**Generated**: 2025-10-07\n**Test Framework**: Playwright 1.56\n"
        "**Quality Score**: A (98/100)\n"
    )
    assert verdict(text) is Verdict.PASS


def test_a_suite_table_whose_status_says_the_tests_were_written_states_no_run() -> None:
    text = (
        "# QA sign-off\n\n## Test Coverage\n\n| Category | Modules | Test Cases | Status |\n|---|---|---|---|\n"
        "| Unit Tests | 12 | 150+ | Framework Complete |\n| E2E Tests | 4 | 30+ | Framework Complete |\n"
    )
    assert verdict(text) is Verdict.INCOMPLETE


def test_an_area_heading_saying_it_is_not_tested_yet_leaves_the_run_incomplete() -> None:
    text = (
        "# Backend test review\n\n## Coverage by layer\n\n| Layer | Tests | Status |\n|---|---|---|\n"
        "| Domain | 54 | ✅ Met |\n| Infrastructure | 25 | ✅ Met |\n\n## Details\n\n"
        "### 3. Web Layer (API Routes) - Not Tested Yet\n\n**Status**: one test file started\n"
    )
    assert verdict(text) is Verdict.INCOMPLETE


def test_a_place_in_a_sequence_is_not_a_ratio_of_tests() -> None:
    text = (
        "# Playwright E2E Test Report\n**Date:** Feb 16\n\n## Test Results: ✅ 3/3 PASSED\n\n"
        "### Test 1: App loads ✅\n- **Result:** ✅ PASS\n\n### Test 2: Exercise phase ✅\n- **Result:** ✅ PASS\n"
        '- **Details:**\n  - Phase text: "EXERCISE - Round 1/8"\n\n### Test 3: Reset ✅\n- **Result:** ✅ PASS\n'
    )
    assert verdict(text) is Verdict.PASS


def test_test_files_that_have_syntax_errors_leave_the_run_incomplete() -> None:
    text = (
        "# Feature test report\n\n**Status:** ✅ ALL TESTS PASSED\n\n## Summary\n\n- **Total Tests:** 47\n"
        "- **Passed:** 47 ✅\n- **Failed:** 0\n\n## Known issues\n\n"
        "The TypeScript test files have arrow function annotation syntax errors with Jest. A JavaScript file was "
        "written as a workaround.\n"
    )
    assert verdict(text) is Verdict.INCOMPLETE


def test_a_goal_line_is_not_a_result_and_tests_that_did_not_run_leave_the_run_incomplete() -> None:
    text = (
        "# Checkout E2E status\n\n## Blocker\n\nThe last run is incomplete:\n- 89 tests did not run\n"
        "- the run stopped prematurely\n\n## Summary\n\n🎯 **Goal**: 120/120 tests passing  \n"
        "📊 **Actual**: 30/30 tests that ran passed\n"
    )
    found = read(text)
    assert all(s.passed != 120 for s in found)
    assert verdict(text) is Verdict.INCOMPLETE


def test_a_target_line_gives_no_coverage_and_a_finished_run_still_passes() -> None:
    text = "# Unit tests\n\n- Target: 90% coverage\n- 42 passed, 0 failed\n"
    assert [(s.passed, s.failed, s.coverage_percent) for s in read(text)] == [(42, 0, None)]
    assert verdict(text) is Verdict.PASS


def test_a_status_column_beside_a_measured_result_gives_the_outcome() -> None:
    text = (
        "# QA report\n\n## Performance Test Results\n\n| Test ID | Description | Target | Result | Status |\n"
        "|---|---|---|---|---|\n| P-1 | Cold start | < 3s | 1.4s | PASS |\n| P-2 | Search latency | < 200ms | 90ms | PASS |\n"
    )
    assert verdict(text) is Verdict.PASS


def test_a_table_of_issues_resolved_is_not_a_suite() -> None:
    text = (
        "# QA report\n\n## Unit tests\n\n- 40 passed, 0 failed\n\n## Issues found and resolved\n\n"
        "| Issue | Description | Resolution | Status |\n|---|---|---|---|\n"
        "| Export performance | export blocked the UI | moved to a worker | VERIFIED |\n"
    )
    assert [s.level.value for s in read(text)] == ["unit"]
    assert verdict(text) is Verdict.PASS


def test_a_red_mark_beside_todo_is_a_suite_not_yet_run_not_a_failure() -> None:
    text = (
        "# App tests\n\n## Results\n\n- 14 widget tests passed, 0 failed\n\n## Coverage\n\n"
        "| Category | Files | Coverage | Status |\n|---|---|---|---|\n| Unit Tests | 0 | 0% | ❌ TODO |\n"
    )
    assert verdict(text) is Verdict.INCOMPLETE


def test_a_paused_mobile_flow_suite_leaves_the_run_incomplete() -> None:
    text = (
        "# Feature log\n\n## Verification\n\n- Unit tests: ✅ 120 passed\n- Playwright E2E: ✅ 30 passed\n"
        "- Maestro: ⏸️ needs an emulator\n"
    )
    assert verdict(text) is Verdict.INCOMPLETE


def test_a_report_that_could_not_run_the_suite_is_incomplete_whatever_it_checked() -> None:
    text = (
        "# Release check\n\n## Summary\n\nWe could not run the full test suite here (no database), but we verified:\n\n"
        "| Category | Passed | Total | Status |\n|---|---|---|---|\n| Syntax | 40 | 40 | ✅ |\n| Imports | 3 | 3 | ✅ |\n"
    )
    assert verdict(text) is Verdict.INCOMPLETE


def test_a_before_fixes_run_is_history_and_the_after_fixes_run_decides() -> None:
    text = (
        "# Test suite status\n\n## Comparison\n\n### Before Test Fixes\n```\nTests:       40 failed, 300 passed, 340 total\n```\n\n"
        "### After Test Fixes\n```\nTests:       340 passed, 340 total\n```\n"
    )
    assert verdict(text) is Verdict.PASS


def test_a_pass_rate_cell_written_as_passed_of_total_counts_the_rest_as_failed() -> None:
    text = (
        "# Component tests\n\n## Cypress\n\n| Component | Pass Rate | Status |\n|---|---|---|\n"
        "| Date picker | 12/19 (63%) | core works |\n| Modal | 11/11 (100%) | good |\n"
    )
    assert [(s.passed, s.failed) for s in read(text)] == [(12, 7), (11, 0)]
    assert verdict(text) is Verdict.FAIL


def test_a_level_said_not_run_below_a_summary_claiming_it_passed_is_incomplete() -> None:
    text = (
        "# Test report\n\n| Test Type | Total | Passed | Failed |\n|---|---|---|---|\n| Unit Tests | 15 | 15 | 0 |\n"
        "| E2E Tests | 3 flows | 3 | 0 |\n\n## Fix loop\n\n**E2E Tests**: Not run (the app server was not up)\n"
    )
    assert verdict(text) is Verdict.INCOMPLETE
    skipped_note = (
        "# Test report\n\n| Suite | Passed | Failed | Skipped |\n|---|---|---|---|\n| Unit | 40 | 0 | 2 |\n\n"
        "Skipped unit tests are the two Windows-only path tests.\n"
    )
    assert verdict(skipped_note) is Verdict.PASS


def test_k6_check_totals_pasted_as_plain_text_are_read() -> None:
    failing = (
        "  █ TOTAL RESULTS\n\n    checks_total.......: 5000 40.1/s\n    checks_succeeded...: 99.98% 4999 out of 5000\n"
        "    checks_failed......: 0.02%  1 out of 5000\n"
    )
    assert verdict(failing) is Verdict.FAIL
    passing = (
        "  █ TOTAL RESULTS\n\n    checks_total.......: 800 10.0/s\n    checks_succeeded...: 100.00% 800 out of 800\n"
        "    checks_failed......: 0.00%   0 out of 800\n"
    )
    assert verdict(passing) is Verdict.PASS


def test_chinese_pass_ratios_and_checks_not_executed() -> None:
    passing = "# 测试报告\n\n### 1. 配置文件语法测试 - 6/6 通过 ✅\n\n### 2. 接口测试 - 12/12 通过 ✅\n"
    assert verdict(passing) is Verdict.PASS
    failing = "# 测试报告\n\n### 后端测试\n\n- 认证模块: 9/11 通过\n"
    assert verdict(failing) is Verdict.FAIL
    partial = (
        "# Test report\n\n## Summary\n\n- Passed: 40\n- Failed: 0\n\n"
        "Browser UI journeys were not fully executed end-to-end (the API server was down).\n"
    )
    assert verdict(partial) is Verdict.INCOMPLETE


def test_a_korean_summary_table_counts_the_run() -> None:
    text = (
        "# 테스트 결과\n\n| 항목 | 값 |\n|---|---|\n| 전체 | 20개 |\n| 통과 | 19개 |\n| 실패 | 1개 |\n"
        "| 건너뜀 | 0개 |\n"
    )
    assert verdict(text) is Verdict.FAIL
    assert [(s.passed, s.failed, s.skipped) for s in read(text)] == [(19, 1, 0)]


def test_a_chinese_tally_line_counts_the_run() -> None:
    assert verdict("# 测试报告\n\n总计：12 个，通过：12，失败：0\n\n- 通过：12\n- 失败：0\n") is Verdict.PASS


def test_a_module_whose_status_says_some_tests_are_failing_fails_the_run() -> None:
    text = (
        "# Test summary\n\n## ✅ CORE MODULE: ALL TESTS PASSING\n- **Tests**: 8/8 tests passing\n\n"
        "## ⚠️ PLUGIN MODULE: TEST LIMITATIONS\n- **Status**: Some tests failing after the API change\n"
    )
    assert verdict(text) is Verdict.FAIL
    assert verdict(text.replace("Some tests failing", "No tests failing")) is Verdict.PASS


def test_tests_listed_behind_check_and_cross_marks_are_counted() -> None:
    text = (
        "# Test report\n\n**Status:** Partially complete\n\n## Passed tests (3 of 5)\n\n### Auth (2/2)\n"
        "- ✅ test_register - works\n- ✅ test_login - works\n\n### Orders (1/3)\n- ✅ test_get_order - ok\n"
        "- ❌ test_create_order - 401\n- ❌ `test_update_order` - 401\n\n## Fixed on the way\n"
        "- ❌ ~~test_old_fixture~~ → ✅ fixed\n"
    )
    assert verdict(text) is Verdict.FAIL
    assert [(s.passed, s.failed) for s in read(text)] == [(3, 2)]


def test_russian_and_spanish_tallies_count_the_run() -> None:
    russian = "# Отчёт\n\n- **Всего тестов:** 20\n- **Пройдено:** 18 (90%)\n- **Провалено:** 2 (10%)\n- **Пропущено:** 0\n"
    assert verdict(russian) is Verdict.FAIL
    assert [(s.passed, s.failed) for s in read(russian)] == [(18, 2)]
    assert verdict("# Informe\n\n- Total: 12\n- Exitosos: 12\n- Fallidos: 0\n") is Verdict.PASS


def test_a_runner_tally_in_a_table_cell_counts_the_run() -> None:
    text = (
        "# Verification\n\n| Check | Command | Result | Status |\n|---|---|---|---|\n"
        "| Full suite | `pytest tests/` | 88 passed, 1 failed (known), 41% coverage | PASS |\n"
    )
    assert verdict(text) is Verdict.FAIL


def test_manual_cases_that_nobody_ran_leave_the_run_incomplete() -> None:
    text = (
        "# Test report\n\n## Automated results\n\n```\n88 passed, 0 failed in 2.1s\n```\n\n"
        "## Manual cases\n\n**None of the manual cases has been run.** Nothing here says how the app behaves.\n"
    )
    assert verdict(text) is Verdict.INCOMPLETE


def test_a_failed_status_field_and_a_ratio_beside_a_level_fail_the_run() -> None:
    text = (
        "# RBAC tests\n\n### 1. Admin user test\n\n**Test**: `Admin › opens every page`\n"
        "**Status**: ❌ **FAILED**\n**Error**: timeout in the login hook\n"
    )
    assert verdict(text) is Verdict.FAIL
    table = "# 状态\n\n| 项 | 状态 | 说明 |\n|---|---|---|\n| unit | PARTIAL | vitest 40/42 通过；2 失败 |\n"
    assert verdict(table) is Verdict.FAIL


def test_a_passed_count_out_of_a_larger_total_is_short_of_a_pass() -> None:
    assert verdict("# Report\n\n**Status:** ✅ EXCELLENT\n**Tests passed:** 18/19\n") is Verdict.FAIL
    assert verdict("# Rapport\n\n**Statut :** ✅ EXCELLENT\n**Tests réussis :** 18/19\n") is Verdict.FAIL
    assert verdict("# Report\n\n**Tests passed:** 19/19\n") is Verdict.PASS


def test_an_overall_success_rate_short_of_all_fails_the_run() -> None:
    text = (
        "# QA summary\n\n- **Overall Success Rate**: 96.5% across all test categories\n\n## E2E\n\n"
        "- Test completion: **100%** (4/4 tests passed)\n"
    )
    assert verdict(text) is Verdict.FAIL
    assert verdict(text.replace("96.5%", "100%")) is Verdict.PASS


def test_a_load_tests_request_success_rate_is_no_test_result() -> None:
    text = (
        "# Results\n\n#### ✅ Load test: 100 users\n- **Status:** PASSED\n- **Success Rate:** 99.8%\n\n"
        "All 12 tests passed.\n"
    )
    assert verdict(text) is Verdict.PASS


def test_a_suite_marked_skip_whole_leaves_the_run_incomplete() -> None:
    text = (
        "# CI fix\n\n## CI run\n\n**Data Tests (18):** ✅ Pass\n**Model Tests (20):** ⚠️ Skip (no trained model yet)\n\n"
        "```\n18 passed, 20 skipped\n```\n"
    )
    assert verdict(text) is Verdict.INCOMPLETE


def test_an_italian_summary_list_gives_the_counts() -> None:
    text = "# Rapporto\n\n## Sommario\n\n- **Test Totali:** 9\n- **Passati:** 8 ✅\n- **Falliti:** 1 ❌\n"
    assert verdict(text) is Verdict.FAIL
    assert verdict(text.replace("Passati:** 8", "Passati:** 9").replace("Falliti:** 1", "Falliti:** 0")) is (
        Verdict.PASS
    )


def test_a_tables_portuguese_columns_count_the_failures() -> None:
    text = (
        "# Resumo\n\n| Tipo | Total | Passou | Falhou |\n|---|---|---|---|\n"
        "| Unit | 20 | 20 | 0 |\n| Playwright | 12 | 4 | 8 |\n"
    )
    assert verdict(text) is Verdict.FAIL
    assert [(s.passed, s.failed) for s in read(text)] == [(20, 0), (4, 8)]


def test_suites_planned_under_next_steps_leave_a_finished_run_passing() -> None:
    text = (
        "# 테스트 결과\n\n## 결과\n\n- ✅ 7 unit tests passed\n\n## 🚀 다음 단계\n\n### 1. K6 stress test (TODO)\n"
        "Install k6 and run it.\n\n### 2. Gatling simulation (TODO)\nRun the simulation.\n"
    )
    assert verdict(text) is Verdict.PASS
    assert verdict(text.replace("## 🚀 다음 단계", "## Later")) is Verdict.INCOMPLETE


def test_korean_ratios_of_passed_tests_give_the_counts() -> None:
    text = (
        "# 보고서\n\n### Task 1: 단위 테스트 ✅\n\n**결과**: ✅ **12/12 통과**\n\n## 요약\n\n"
        "- ✅ 테스트 통과율: 100% (12/12)\n"
    )
    assert verdict(text) is Verdict.PASS
    assert (
        verdict(text.replace("12/12 통과", "11/12 통과").replace("100% (12/12)", "92% (11/12)"))
        is Verdict.FAIL
    )


def test_numbered_test_headings_behind_a_mark_tally_the_run() -> None:
    text = (
        "# 测试结果报告\n\n## ✅ 测试 1: CLI writes the JSON\n\n### 结果\n✅ **成功**\n\n"
        "## ✅ 测试 2: Parser reads it back\n\n### 结果\n✅ **成功**\n\n## ✅ 测试 3: Graph export\n\n### 结果\n✅ **成功**\n"
    )
    assert verdict(text) is Verdict.PASS
    assert verdict(text.replace("## ✅ 测试 3", "## ❌ 测试 3")) is Verdict.FAIL


def test_a_next_step_to_run_the_whole_suite_leaves_a_partial_run_incomplete() -> None:
    text = (
        "# Pipeline tests\n\n## Parser layer\n\n```\n18 tests PASSED in 0.2s\n```\n\n"
        "## Other layers\n\nWriter layer: about 20 tests. Loader layer: about 12 tests.\n\n"
        "## Next Steps\n\n1. **Run the complete suite**\n   ```bash\n   pytest tests/\n   ```\n"
        "2. **Publish coverage**\n"
    )
    assert verdict(text) is Verdict.INCOMPLETE
    assert verdict(text.replace("Run the complete suite", "Re-run the complete suite")) is Verdict.PASS
    assert verdict(text.replace("**Run the complete suite**", "✅ Run the complete suite")) is Verdict.PASS


def test_a_failing_assertion_told_in_prose_fails_the_run() -> None:
    text = (
        "# 单元测试报告\n\n## 已编写\n\n| 模块 | 用例 |\n|---|---|\n| 服务层 | 30 |\n\n"
        "## 发现的问题\n\n### BUG-7: 上传未调用接口\n\n- 测试暴露: `expect(api.send).toHaveBeenCalled()` 断言失败\n"
    )
    assert verdict(text) is Verdict.FAIL
    english = text.replace("断言失败", "assertion fails")
    assert verdict(english) is Verdict.FAIL
    assert verdict(text.replace("断言失败", "断言通过")) is not Verdict.FAIL


def test_a_verification_table_with_a_pass_column_counts_its_checks() -> None:
    text = (
        "# Release check\n\n## 1. Unit tests: all passed\n\n12 tests, 0 failed\n\n"
        "## 2. Deployment verification\n\n| # | Service | Health URL | Pass |\n|---|---|---|---|\n"
        "| 1 | api | /healthz | PASS |\n| 2 | worker | /ready | **FAIL** |\n| 3 | web | / | PASS |\n"
    )
    assert verdict(text) is Verdict.FAIL
    assert verdict(text.replace("**FAIL**", "PASS")) is Verdict.PASS
    assert verdict(text.replace("Deployment verification", "Deployment inventory")) is Verdict.PASS


def test_cases_still_pending_in_a_result_column_leave_the_run_incomplete() -> None:
    text = (
        "# API checks\n\n| Test ID | Name | Status |\n|---|---|---|\n| TC-1 | Health | ✅ PASS |\n"
        "| TC-2 | Create order | 🔄 PENDING |\n| TC-3 | Cancel order | 🔄 PENDING |\n"
    )
    assert verdict(text) is Verdict.INCOMPLETE
    assert verdict(text.replace("🔄 PENDING", "✅ PASS")) is Verdict.PASS


def test_a_count_of_tests_all_passing_is_a_passing_run() -> None:
    text = "# Contract check\n\n**Date:** 2026-03-02 · **Suite:** 88 tests, all passing (`make test` → OK)\n"
    assert verdict(text) is Verdict.PASS
    assert [(s.passed, s.failed) for s in read(text)] == [(88, 0)]


def test_a_russian_share_of_passed_tests_short_of_all_fails_the_run() -> None:
    text = "# Отчёт\n\nВсего проведено 12 автотестов. Общий процент успешных тестов равен 75%.\n"
    assert verdict(text) is Verdict.FAIL


def test_a_star_rating_is_no_tally_and_a_how_to_run_section_is_no_run() -> None:
    text = (
        "# Relatório E2E\n\n**Status:** ✅ Cypress configurado e pronto para execução\n\n"
        "## Como executar os testes E2E\n\n```\n  5 passing (3s)\n```\n\n"
        "## Conclusão\n\n### Status final: Cypress pronto para uso\n\n- ✅ 30 testes implementados\n\n"
        "**Confiança:** ⭐⭐⭐⭐☆ (4/5)\n"
    )
    assert verdict(text) is Verdict.INCOMPLETE
    assert not any(s.failed for s in read(text))


def test_portuguese_and_spanish_words_for_tests_not_run_leave_the_run_incomplete() -> None:
    for words in ("Testes NÃO executados", "Pruebas no ejecutadas"):
        text = f"# Relatório\n\n## Unit tests\n\n12 passed, 0 failed\n\n## E2E tests\n\n**Status:** {words}\n"
        assert verdict(text) is Verdict.INCOMPLETE
        assert verdict(text.replace(words, "12 passed")) is Verdict.PASS


def test_a_ratio_of_tests_running_is_no_ratio_of_tests_passed() -> None:
    text = (
        "# Test review\n\n## Unit Tests (26/26 passing)\n\nAll green.\n\n"
        "## Integration Tests (0/11 running)\n\n- 11 ignored: they need an API key\n"
    )
    assert verdict(text) is Verdict.INCOMPLETE
    assert not any(s.failed for s in read(text))


def test_a_threshold_table_with_a_failed_row_fails_the_load_run() -> None:
    text = (
        "# Load test\n\n## Results\n\n| Threshold | Target | Actual | Status |\n|---|---|---|---|\n"
        "| p95 latency | < 500ms | 2ms | ✅ **PASSED** |\n| Error rate | < 1% | 36% | ❌ **FAILED** |\n"
    )
    assert verdict(text) is Verdict.FAIL
    assert verdict(text.replace("❌ **FAILED**", "✅ **PASSED**")) is Verdict.PASS


def test_a_generated_summary_of_red_spec_lines_fails_the_run() -> None:
    text = (
        "<details>\n  <summary>🔴 <strong>cart &gt; adds an item</strong> - e2e/cart.spec.ts <strong>[chromium]</strong></summary>\n"
        "  <pre>Error: expected 2</pre>\n</details>\n"
        "<details>\n  <summary>🔴 <strong>cart &gt; adds an item</strong> - e2e/cart.spec.ts <strong>[firefox]</strong></summary>\n"
        "  <pre>Error: expected 2</pre>\n</details>\n"
        "<details>\n  <summary>🔴 <strong>cart &gt; times out</strong> - e2e/cart.spec.ts <strong>[webkit]</strong></summary>\n"
        "  <pre>Timeout of 500ms exceeded.</pre>\n</details>\n"
    )
    assert verdict(text) is Verdict.FAIL


def test_a_group_of_tests_skipped_whole_leaves_a_green_run_incomplete() -> None:
    text = (
        "# Upgrade check\n\n**Result:** 512 passed, 0 failed, 9 skipped\n\n## Skipped\n\n"
        "**Live Network Tests (9 skipped)**\nThey need a real chain and are left out of CI.\n"
    )
    assert verdict(text) is Verdict.INCOMPLETE
    assert (
        verdict(text.replace("**Live Network Tests (9 skipped)**", "**Live Network Tests**")) is Verdict.PASS
    )


def test_a_runner_that_found_no_tests_leaves_a_green_run_incomplete() -> None:
    text = (
        "# Contract tests\n\n## Main package\n\n```\nTests: 40 passed, 0 failed\n```\n\n## Lite package\n\n"
        "- Reported: `running 0 tests` (unit and integration)\n"
    )
    assert verdict(text) is Verdict.INCOMPLETE
    assert verdict(text.replace("running 0 tests", "running 12 tests, 12 passed")) is Verdict.PASS


def test_a_total_beside_a_status_of_all_passing_is_a_passing_run_of_that_total() -> None:
    text = "# Coverage\n\n## Overview\n- **Total Tests**: 41 tests\n- **Test Status**: ✅ All Passing\n- **Coverage**: 70%\n"
    assert verdict(text) is Verdict.PASS
    assert [(s.passed, s.failed) for s in read(text)] == [(41, 0)]
    assert verdict("# Smoke\n\nAll API tests passing on the staging box.\n") is Verdict.PASS


def test_portuguese_fields_of_tests_passing_and_failing_count_the_run() -> None:
    text = "# Relatório\n\n## Resumo\n- **Total de Testes**: 30\n- **Testes Passando**: 30 ✅\n- **Testes Falhando**: 0 ❌\n"
    assert verdict(text) is Verdict.PASS
    assert [(s.passed, s.failed) for s in read(text)] == [(30, 0)]
    assert verdict(text.replace("Falhando**: 0", "Falhando**: 2")) is Verdict.FAIL


def test_french_counts_of_tests_passed_and_failing_state_the_run() -> None:
    text = "# Rapport\n\n### ✅ Tests opérationnels (40 tests passés)\n\n### ❌ Tests à corriger (7 tests en échec)\n"
    assert verdict(text) is Verdict.FAIL
    assert [s.failed for s in read(text)] == [7]
    assert verdict(text.split("\n\n### ❌")[0]) is Verdict.PASS


def test_a_dbt_result_line_counts_its_errors_as_failures() -> None:
    text = "# dbt run\n\n**Results:** PASS=120 | WARN=3 | ERROR=2 | SKIP=0\n"
    assert verdict(text) is Verdict.FAIL
    assert [(s.passed, s.failed, s.skipped) for s in read(text)] == [(120, 2, 0)]
    assert verdict(text.replace("ERROR=2", "ERROR=0")) is Verdict.PASS


def test_an_overall_status_of_fail_beside_passing_counts_fails_the_run() -> None:
    text = (
        "# V1 regression\n\n**Overall V1 status: FAIL**\n\n## Evidence\n\n"
        "- `pytest`: **80 collected, 80 passed, 0 failed**.\n- Journey A rerun could not see the new account.\n"
    )
    assert verdict(text) is Verdict.FAIL
    assert verdict(text.replace("status: FAIL", "status: PASS")) is Verdict.PASS


def test_dotnet_test_output_in_spanish_counts_the_run() -> None:
    text = "# Informe\n\n### Resultado final\n\n```text\nPruebas totales: 9\nCorrecto: 9\nErrores: 0\nOmitido: 0\n```\n"
    assert verdict(text) is Verdict.PASS
    assert [(s.passed, s.failed, s.skipped) for s in read(text)] == [(9, 0, 0)]
    assert verdict(text.replace("Correcto: 9\nErrores: 0", "Correcto: 8\nErrores: 1")) is Verdict.FAIL


def test_a_chinese_pass_rate_short_of_all_fails_the_run() -> None:
    text = "# 测试记录\n\n## 商品模块\n\n**P0 模块测试通过率: 80%**\n\n## 用户模块\n\n- 总测试用例数: 6\n- 通过: 6\n"
    assert verdict(text) is Verdict.FAIL
    assert verdict(text.replace("80%", "100%")) is Verdict.PASS


def test_a_suite_row_skipped_with_no_tests_leaves_the_run_incomplete() -> None:
    text = (
        "# Frontend tests\n\n| Test Suite | Test Count | Status | Coverage |\n|---|---|---|---|\n"
        "| **Login.test.js** | 6 tests | ✅ PASS | 100% coverage |\n| **Editor.test.js** | 0 tests | ⚠️ SKIP | 0% coverage |\n"
    )
    assert verdict(text) is Verdict.INCOMPLETE
    assert verdict(text.replace("0 tests | ⚠️ SKIP", "2 tests | ✅ PASS")) is Verdict.PASS
    suites = (
        "| Suite | Tests | Status | Notes |\n|---|---|---|---|\n| Login.test.js | 5 tests | ✅ PASS | ok |\n"
    )
    assert (
        verdict("# Tests\n\n" + suites + "| Editor.test.js | 0 tests | ⚠️ SKIP | none |\n")
        is Verdict.INCOMPLETE
    )


def test_a_chinese_table_of_cases_with_a_status_column_tallies_the_run() -> None:
    text = (
        "# 测试报告\n\n| 功能 | 状态 | 测试详情 |\n|---|:---:|---|\n| `patch` | ✅ 通过 | 三种操作 |\n"
        "| 幂等性 | 🔴 **失败** | 重复追加 |\n| `plan` | ✅ 通过 | diff 正常 |\n"
    )
    assert verdict(text) is Verdict.FAIL
    assert [(s.passed, s.failed) for s in read(text)] == [(2, 1)]
    assert verdict(text.replace("🔴 **失败**", "✅ 通过")) is Verdict.PASS


def test_errors_beside_zero_failures_fail_the_run() -> None:
    text = "# Backend\n\n```\nTests run: 40\nFailures: 0\nErrors: 1 (container start timed out)\nSkipped: 39\n```\n"
    assert verdict(text) is Verdict.FAIL
    assert [(s.passed, s.failed, s.skipped) for s in read(text)] == [(0, 1, 39)]
    assert verdict(text.replace("Errors: 1 (container start timed out)", "Errors: 0")) is not Verdict.FAIL


def test_a_red_run_before_the_fix_is_history_and_go_ok_lines_pass() -> None:
    text = (
        "# Hotfix\n\nRED (before the fix):\n\n```\n--- FAIL: TestRefusesEmptyPath (0.00s)\nFAIL\n"
        "FAIL\texample.com/app/cmd\t0.011s\n```\n\nGREEN (after the fix):\n\n```\nok  \texample.com/app/cmd\t0.012s\n"
        "ok  \texample.com/app/filter\t0.020s\n```\n"
    )
    assert verdict(text) is Verdict.PASS
    assert verdict(text.replace("RED (before the fix):", "First run:")) is Verdict.FAIL


def test_pass_and_fail_keys_and_a_status_column_glossed_with_its_values_count() -> None:
    summary = "# Manual run\n\n## Totals\n\n| Metric | Value |\n|---|---|\n| Total Test Cases | 12 |\n| Pass | 9 |\n| Fail | 3 |\n"
    assert [(s.passed, s.failed) for s in read(summary)] == [(9, 3)]
    cases = (
        "# Manual run\n\n## Execution\n\n| TC ID | Status (Pass/Fail/Block/Not Run) | Actual |\n|---|---|---|\n"
        "| TC-01 | Pass | shown |\n| TC-02 | **Fail** | wrong message |\n"
    )
    assert verdict(cases) is Verdict.FAIL
    assert verdict(cases.replace("**Fail**", "Pass")) is Verdict.PASS


def test_an_outcome_count_naming_which_in_brackets_still_counts() -> None:
    text = "# CI\n\n| Result | Count |\n|---|---|\n| pass | 7 |\n| pending | 19 |\n| fail | 1 (`lint/coverage`) |\n"
    assert [(s.passed, s.failed, s.skipped) for s in read(text)] == [(7, 1, 19)]
    assert verdict(text) is Verdict.FAIL


def test_a_japanese_category_table_counts_per_row_and_its_total_row_is_no_suite() -> None:
    text = (
        "# テスト結果\n\n| カテゴリー | 成功 | 失敗 | スキップ |\n|---|---|---|---|\n| 動画生成 | 5 | 0 | 0 |\n"
        "| クライアント | 20 | 3 | 1 |\n| **総合** | **25** | **3** | **1** |\n"
    )
    assert [(s.name, s.passed, s.failed, s.skipped) for s in read(text)] == [
        ("動画生成", 5, 0, 0),
        ("クライアント", 20, 3, 1),
    ]
    assert verdict(text) is Verdict.FAIL


def test_an_error_beside_a_dash_for_failures_fails_the_row_and_nothing_passed() -> None:
    text = (
        "# Results\n\n| Category | Total | Passed | Failed | Error | Skipped |\n|---|---|---|---|---|---|\n"
        "| Unit Tests | 40 | 40 | 0 | 0 | 0 |\n| Mock Tests | 12 | - | - | 1 | 11 |\n"
    )
    assert [(s.passed, s.failed, s.skipped) for s in read(text)][1] == (0, 1, 11)
    assert verdict(text) is Verdict.FAIL


def test_an_evaluations_items_passed_and_failed_are_its_counts() -> None:
    text = "# Eval summary\n\n### Judge\n\n- **Items Passed**: 18/20\n- **Items Failed**: 2/20\n\nTotal failures: 2\n"
    assert [(s.passed, s.failed) for s in read(text)] == [(18, 2)]
    assert verdict(
        text.replace("18/20", "20/20").replace("2/20", "0/20").replace("failures: 2", "failures: 0")
    ) is (Verdict.PASS)


def test_a_ratio_of_tests_passing_in_spanish_portuguese_and_french_counts() -> None:
    for line in ("15/16 pruebas pasan", "15/16 testes passaram", "15/16 tests réussis"):
        text = f"# Resultados\n\n### Estado actual: **{line}**\n"
        assert [(s.passed, s.failed) for s in read(text)] == [(15, 1)], line
        assert verdict(text) is Verdict.FAIL


def test_a_pre_fix_baseline_is_history_and_a_comparison_table_reads_its_later_column() -> None:
    text = (
        "# Verify no new failures\n\n## Pre-Fix Baseline\n\n| Suite | Failing Tests |\n|---|---|\n| tokens | 4 |\n\n"
        "## Post-Fix Results\n\n| Metric | Pre-Fix | Post-Fix | Change |\n|---|---|---|---|\n"
        "| Tests Passed | 480 | 484 | +4 |\n| Tests Failed | 4 | 0 | -4 |\n\n"
        "## Artifacts\n\n- Pre-fix baseline: `audit.md` (4 failures)\n"
    )
    assert [(s.passed, s.failed) for s in read(text)] == [(484, 0)]
    assert verdict(text) is Verdict.PASS
    assert verdict(text.replace("| Tests Failed | 4 | 0 |", "| Tests Failed | 4 | 1 |")) is Verdict.FAIL


def test_an_initial_result_and_a_first_full_run_are_earlier_runs_than_the_final_one() -> None:
    text = (
        "# Fix report\n\n## Initial Test Result\n\nTests: 4 failed, 101 passed\n\n"
        "## Final Php Artisan Test Result\n\nTests: 105 passed\n"
    )
    assert verdict(text) is Verdict.PASS
    runs = (
        "# Log\n\n## Unit tests\n\n### First full run — 7 failures\n\n```\nRan 93 tests\nFAILED (failures=7)\n```\n\n"
        "### Final run — all green\n\n```\nRan 94 tests\n\nOK\n```\n"
    )
    assert verdict(runs) is Verdict.PASS


def test_a_turkish_comparison_table_reads_its_later_column_and_its_counts() -> None:
    text = (
        "# E2E karşılaştırma\n\n| Metrik | Önceki | Yeni |\n|---|---|---|\n"
        "| **Geçen Testler** | 9/12 | 12/12 |\n| **Başarısız Testler** | 3/12 | 0/12 |\n"
    )
    assert [(s.passed, s.failed) for s in read(text)] == [(12, 0)]
    assert verdict(text) is Verdict.PASS
    worse = text.replace("| 9/12 | 12/12 |", "| 12/12 | 8/12 |").replace("| 3/12 | 0/12 |", "| 0/12 | 4/12 |")
    assert [(s.passed, s.failed) for s in read(worse)] == [(8, 4)]
    assert verdict(worse) is Verdict.FAIL
    spanish = "# Informe\n\n| Métrica | Antes | Después |\n|---|---|---|\n| Aprobados | 40 | 38 |\n| Fallidos | 0 | 2 |\n"
    assert verdict(spanish) is Verdict.FAIL


def test_a_count_of_failed_tests_in_chinese_japanese_or_korean_fails_the_report() -> None:
    text = (
        "# 报告\n\n## 结果\n\n✅ **全部关键测试通过: 20/20**\n\n## 未解决的问题\n\n"
        "- `test_legacy.py`: {}\n- **原因**: 与本次修改无关\n"
    )
    for failed in ("7个测试失败", "7 个测试失败", "7件のテストが失敗", "7개 테스트 실패"):
        assert verdict(text.format(failed)) is Verdict.FAIL, failed
    assert verdict(text.format("7个测试通过")) is Verdict.PASS


def test_portuguese_level_sections_with_passed_and_failed_fields_fail_the_report() -> None:
    text = (
        "# Relatório de testes\n\n## Testes Unitários\n- **Total de Testes**: 40\n- **Testes Passados**: 38\n"
        "- **Testes Falhados**: 2\n\n## Testes de Integração\n- **Total de Testes**: 12\n"
        "- **Testes Passados**: 12\n- **Testes Falhados**: 0\n"
    )
    assert verdict(text) is Verdict.FAIL
    assert verdict(text.replace("**: 38", "**: 40").replace("**: 2\n", "**: 0\n")) is Verdict.PASS


def test_a_runner_count_closed_by_code_or_cjk_punctuation_is_read_and_a_first_round_is_history() -> None:
    row = (
        "# R\n\n## Tests\n\n| Item | Command | Result |\n|---|---|---|\n| Unit tests | `gradle test` | {} |\n"
    )
    assert verdict(row.format("`640 tests completed, 0 failed`")) is Verdict.PASS
    assert verdict(row.format("`640 tests completed, 0 failed`（含 12 个新用例）")) is Verdict.PASS
    assert verdict(row.format("`640 tests completed, 3 failed`")) is Verdict.FAIL
    report = (
        "# 验收报告\n\n| 项目 | 结果 |\n|---|---|\n| 测试用例数 | 30 |\n| 通过 | 30 |\n| 失败 | 0 |\n\n"
        "## 缺陷清单\n\n> 首轮（HEAD `abc123`）4 failed，定位 2 个缺陷，均已修复并复测通过。\n"
    )
    assert verdict(report) is Verdict.PASS


def test_a_googletest_summary_counts_its_passed_failed_and_skipped_tests() -> None:
    text = (
        "# Phase report\n\n## Regression run\n\n```\n[==========] Running 20 tests from 4 test suites.\n"
        "[  PASSED  ] 18 tests.\n[  SKIPPED ] 1 test, listed below:\n[  SKIPPED ] Cache.Cold\n"
        "[  FAILED  ] 1 test, listed below:\n[  FAILED  ] Paths.CachesFirstRoute\n```\n\n"
        "Result: ✅ maintained (no new failures)\n"
    )
    assert [(s.passed, s.failed, s.skipped) for s in read(text)] == [(18, 1, 1)]
    assert verdict(text) is Verdict.FAIL
    green = "# Run\n\n```\n[==========] 12 tests from 2 test suites ran. (9 ms total)\n[  PASSED  ] 12 tests.\n```\n"
    assert verdict(green) is Verdict.PASS


def test_a_ctest_summary_counts_its_failures_even_beside_a_claim_of_none() -> None:
    text = (
        "# Verification\n\n- **Tests Passed**: 40\n- **Tests Failed**: 0 (the rest are retired)\n\n## CTest\n\n"
        "```\nTest project /src/build\n83% tests passed, 8 tests failed out of 48\nTotal Test time (real) = 3.10 sec\n```\n"
    )
    assert [(s.passed, s.failed, s.location.line if s.location else 0) for s in read(text)] == [(40, 8, 10)]
    assert verdict(text) is Verdict.FAIL
    green = "# Run\n\n```\n100% tests passed, 0 tests failed out of 12\n```\n"
    assert [(s.passed, s.failed) for s in read(green)] == [(12, 0)]


def test_a_count_of_flaky_tests_is_a_measure_and_does_not_hide_the_run_below() -> None:
    text = (
        "# Isolation refactor\n\n## Full suite\n\n**Results:**\n```\n"
        "================ 96 passed, 3 skipped in 1.40s ================\n```\n\n"
        "## Reliability\n\n- Flaky tests: ✅ 0 tests\n- Order dependent: ✅ No\n"
    )
    assert [(s.passed, s.failed, s.skipped) for s in read(text)] == [(96, 0, 3)]


def test_a_ratio_short_of_all_gives_way_to_a_tally_of_the_same_tests_that_states_no_failure() -> None:
    text = (
        "# Invoice run\n\n## Summary\n\n```\nTotal tests: 11\nPassed: 11\nFailed: 0\n```\n\n## Closing\n\n"
        "**Grade**: 10/11 tests passed completely (one read the amount with low confidence)\n"
    )
    assert [(s.passed, s.failed) for s in read(text)] == [(11, 0)]
    assert verdict(text) is Verdict.PASS
    short = text.replace("Failed: 0\n", "")
    assert verdict(short) is Verdict.FAIL


def test_a_date_is_no_ratio_of_tests() -> None:
    text = '# Unit test report\n\n## Checks\n\n- Invoice date read: "01/06/2025"\n- Supplier read: yes\n'
    assert [(s.passed, s.failed) for s in read(text) if s.passed is not None or s.failed is not None] == []


def test_german_green_ratio_and_error_count_are_read() -> None:
    text = "# Testbericht\n\n**Stand: Version 2 · 60 Tests, 0 Fehler.**\n\n| Lauf | Ergebnis |\n|---|---|\n| `bun test` | {} |\n"
    assert verdict(text.format("60 / 60 grün, ~20 s")) is Verdict.PASS
    assert verdict("# Testbericht\n\nStand: 60 Tests, 2 Fehler.\n") is Verdict.FAIL
    assert verdict("# Report\n\n| Run | Result |\n|---|---|\n| `npm test` | 58/60 green |\n") is Verdict.FAIL


def test_deselected_tests_left_out_of_the_run_leave_it_incomplete() -> None:
    text = "# Coverage run\n\n### Results\n- ✅ **640 passed**\n- ⏭️ **4 skipped**\n- 🔍 **{} deselected** (e2e tests)\n"
    assert verdict(text.format(12)) is Verdict.INCOMPLETE
    assert verdict(text.format(0)) is Verdict.PASS
    assert verdict("# Run\n\n```\n= 3 failed, 637 passed, 12 deselected in 41s =\n```\n") is Verdict.FAIL


def test_a_reproduction_before_the_fix_is_history_and_the_run_after_it_decides() -> None:
    text = (
        "# CI fix\n\n## Verification\n\n### Reproduction before the fix\n\n1. Ran the e2e suite on the old bundle:\n\n"
        "```text\nActivation failed: unregistered token\nError: 3 e2e test(s) failed\nExit code: 1\n```\n\n"
        "2. The new regression test failed on the same token:\n\n```text\nTest Suites: 1 failed, 1 total\n"
        "Tests:       2 failed, 2 total\n```\n\n### After the fix\n\n```text\nTest Suites: 12 passed, 12 total\n"
        "Tests:       210 passed, 210 total\n```\n"
    )
    assert verdict(text) is Verdict.PASS
    assert verdict(text.replace("210 passed, 210 total", "208 passed, 2 failed, 210 total")) is Verdict.FAIL


def test_a_red_run_of_a_fault_injected_on_purpose_is_not_the_result() -> None:
    text = (
        "# Review\n\n## Gates\n\n```\nTest Files  6 passed (6)\n     Tests  48 passed (48)\n```\n\n"
        "**7. Fault-injection proof:**\nSkipped the schema check on purpose.\n\n"
        "RED -- npx vitest run tests/unit/settings.test.ts tests/integration/store.test.ts:\n"
        "```\nTest Files  2 failed (2)\n     Tests  5 failed | 15 passed (20)\n```\n\n"
        "GREEN -- restored the file and re-ran the same two files:\n```\nTest Files  2 passed (2)\n"
        "     Tests  20 passed (20)\n```\n"
    )
    assert verdict(text) is Verdict.PASS


def test_a_monorepo_table_of_packages_with_passed_and_failed_columns_is_read() -> None:
    text = (
        "# Status\n\n## Verified test counts\n\n| Package | Passed | Failed | Skipped | Notes |\n|---|---|---|---|---|\n"
        "| core | ~1,200 | 0 | 0 | |\n| dashboard | 220 | {} | 7 | failures pre-existing |\n"
    )
    assert verdict(text.format(11)) is Verdict.FAIL
    assert verdict(text.format(0)) is Verdict.PASS


def test_tests_covering_error_handling_are_no_failure() -> None:
    text = (
        "# Audit\n\n## Results\n\n| Package | Tests | Status |\n|---|---|---|\n| shell | 446 | ✅ PASS |\n\n"
        "### Quality\n\n- ✅ **Integration Tests**: shell workflows tested end to end\n\n"
        "**Notable**: the shell suite covers commands, WASM integration and error handling.\n"
    )
    assert verdict(text) is Verdict.PASS


def test_a_ratio_of_tests_still_pending_counts_no_failure() -> None:
    text = (
        "# Readiness\n\n### 4. iOS Integration\n\n**Evidence**:\n- ✅ 6/6 backend integration tests passed\n"
        "- ⏳ 12/18 end-to-end tests pending manual execution\n"
    )
    assert verdict(text) is Verdict.INCOMPLETE


def test_spanish_feminine_tallies_are_read() -> None:
    text = "# Informe\n\n## Resumen\n\n```\nTotal de pruebas: 9\nExitosas: 8\nFallidas: 0\nSaltadas: 1\n```\n"
    assert [(s.passed, s.failed, s.skipped) for s in read(text)] == [(8, 0, 1)]


def test_area_ratios_listed_under_a_level_heading_add_up_and_keep_a_short_one() -> None:
    text = (
        "# Status\n\n### Test results\n\n#### Unit tests\n- Storage: 40/40 ✅\n- Ledger: 7/8 ✅ (fixture issue, not a bug)\n"
        "- Wallet: 12/12 ✅\n\n#### E2E tests\n- smoke.sh: 3/3 ✅\n- full.sh: 2/3 (config mismatch)\n"
    )
    assert [(s.level.value, s.passed, s.failed) for s in read(text)] == [("unit", 59, 1), ("e2e", 5, 1)]
    assert verdict(text) is Verdict.FAIL
    scores = "# Review\n\n## Unit tests\n\n- Readability: 8/10\n- Isolation: 9/10\n\nUnit tests: 30 passed, 0 failed\n"
    assert [(s.passed, s.failed) for s in read(scores)] == [(30, 0)]


def test_a_test_group_whose_every_item_was_skipped_leaves_the_run_incomplete() -> None:
    head = "# Contract tests\n\n## Coverage\n\n### Users (2 tests)\n- ✅ `GET /users`\n- ✅ `POST /users`\n\n"
    tail = "## Statistics\n\n- **Total**: 5\n- **Passing**: 3\n- **Skipped**: 2\n"
    some = "### Billing (3 tests)\n- ✅ `GET /invoices`\n- ⏭️ `POST /refunds` (skipped - needs keys)\n- ⏭️ `GET /refunds`\n\n"
    assert verdict(head + some + tail) is Verdict.PASS
    whole = (
        "### Exports (2 tests)\n- ⏭️ `POST /exports` (skipped - needs a queue)\n- ⏭️ `GET /exports/{id}`\n\n"
    )
    assert verdict(head + whole + tail) is Verdict.INCOMPLETE


def test_tests_marked_ready_have_not_run() -> None:
    table = "# Phase 4\n\n| Category | Tests | Status |\n|---|---|---|\n| Unit Tests | 5 | ✅ ALL PASS |\n{}"
    ready = table.format("| E2E Tests | 30 | ✅ **READY** (Server Required) |\n")
    assert verdict(ready) is Verdict.INCOMPLETE
    assert verdict(table.format("| E2E Tests | 30 | ✅ PASS |\n")) is Verdict.PASS


def test_chinese_package_counts_are_read_as_go_counts_its_packages() -> None:
    text = (
        "# 测试报告\n\n## 总体结果\n\n- ✅ 12 个包测试通过\n- ❌ 0 个测试失败\n- ⏭️ 1 个测试跳过（需要 API）\n"
    )
    assert [(s.passed, s.failed, s.skipped) for s in read(text)] == [(12, 0, 1)]
    assert verdict(text) is Verdict.PASS


def test_a_count_of_build_tasks_is_no_count_of_tests() -> None:
    text = (
        "# Completion\n\n## Results\n\n- Auth unit: 17 passed, 0 failed.\n- Auth integration: 8 passed, 0 failed.\n"
        "- Repository build/typecheck/unit task graphs: 73 successful tasks, 0 failed, 0 cached.\n"
    )
    assert verdict(text) is Verdict.PASS
    assert sum(s.passed or 0 for s in read(text)) == 25


def test_runner_target_headings_with_fields_on_one_line_and_a_target_that_ran_no_tests() -> None:
    text = (
        "# Coverage report\n\n## Summary\n\n- **Passed:** 35\n- **Failed:** 0\n\n## Categories\n\n"
        "### unit_tests\n- ✅ Status: PASSED\n- Passed: 25, Failed: 0, Ignored: 1\n\n"
        "### integration_tests\n- ✅ Status: PASSED\n- Passed: 6, Failed: 0, Ignored: 0\n\n"
        "### doc_tests\n- ✅ Status: PASSED\n- Passed: 4, Failed: 0, Ignored: 0\n\n"
        "### example_tests\n- ✅ Status: PASSED\n- Passed: 0, Failed: 0, Ignored: 0\n"
    )
    suites = read(text)
    assert [(s.level.value, s.passed, s.failed, s.skipped) for s in suites if s.name.endswith("_tests")] == [
        ("unit", 25, 0, 1),
        ("integration", 6, 0, 0),
        ("other", 4, 0, 0),
        ("other", 0, 0, 0),
    ]
    assert verdict(text) is Verdict.INCOMPLETE


def test_android_instrumented_tests_are_integration_tests_and_their_failures_count() -> None:
    text = (
        "# Test status\n\n## Unit Test Results\n\n- **Total Tests**: 120\n- **Failures**: 0\n\n"
        "| Category | Tests | Status |\n|---|---|---|\n| Model tests | 70 | ✅ All passing |\n"
        "| View tests | 50 | ✅ All passing |\n\n## Instrumented Test Results (IN PROGRESS)\n\n### Previous run\n"
        "- **Total Tests**: 90\n- **Passed**: 81\n- **Failed**: 9\n\n### Current run\n- **Status**: Running\n"
    )
    assert verdict(text) is Verdict.FAIL


def test_a_sentence_saying_a_level_has_not_been_executed_leaves_it_not_run_but_an_instruction_does_not() -> (
    None
):
    text = (
        "# Test report\n\nUnit: 42 passed, 0 failed.\n\nThe end-to-end suite needs a live database and an API key; "
        "neither was available, so it has not been executed yet.\n"
    )
    assert verdict(text) is Verdict.INCOMPLETE
    instruction = text.replace(
        "The end-to-end suite needs a live database and an API key; neither was available, so it has not been "
        "executed yet.",
        "If the integration tests have not been run, run them with `make it`.",
    )
    assert verdict(instruction) is Verdict.PASS
