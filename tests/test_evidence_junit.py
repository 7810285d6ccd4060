"""JUnit XML in the flavours tools write: counts, levels, failure lines and names."""

from __future__ import annotations

from pathlib import Path

import pytest

from rte.errors import DocError
from rte.evidence.junit import parse_junit
from rte.evidence.levels import level_for_path, level_from_name, parse_levels
from rte.model import Level, Location, Suite

FIXTURES = Path(__file__).parent / "fixtures" / "evidence"


def fixture(rel: str) -> bytes:
    path = FIXTURES / rel
    assert path.is_file(), f"missing fixture {path}"
    return path.read_bytes()


def parse(rel: str, levels: dict[str, str] | None = None) -> tuple[Suite, ...]:
    return parse_junit(fixture(rel), rel, parse_levels(levels or {}))


def only(rel: str) -> Suite:
    suites = parse(rel)
    assert len(suites) == 1, suites
    return suites[0]


def test_pytest_counts_failure_line_and_level_from_classname() -> None:
    suite = only("junit/pytest.xml")
    assert (suite.level, suite.passed, suite.failed, suite.skipped) == (Level.UNIT, 3, 1, 1)
    assert suite.location == Location("junit/pytest.xml", 6)
    assert suite.failing == ("tests.unit.test_cart.test_total_with_discount",)
    assert suite.source == "junit"
    assert suite.outcome == "fail"


def test_jest_junit_level_from_suite_names_and_no_failure_is_line_one() -> None:
    suite = only("junit/jest-junit.xml")
    assert (suite.level, suite.passed, suite.failed, suite.skipped) == (Level.UNIT, 3, 0, 1)
    assert suite.location == Location("junit/jest-junit.xml", 1)
    assert suite.outcome == "pass"


def test_surefire_bare_testsuite_root_errors_count_as_failed_and_flaky_passes() -> None:
    rel = "junit/target/surefire-reports/TEST-com.example.shop.CartServiceTest.xml"
    suite = only(rel)
    assert (suite.level, suite.passed, suite.failed, suite.skipped) == (Level.UNIT, 2, 1, 1)
    assert suite.location == Location(rel, 11)
    assert suite.failing == ("com.example.shop.CartServiceTest.appliesVoucher",)


def test_failsafe_is_integration() -> None:
    suite = only("junit/target/failsafe-reports/TEST-com.example.shop.CartRepositoryIT.xml")
    assert (suite.level, suite.passed, suite.failed) == (Level.INTEGRATION, 2, 0)


def test_go_junit_report() -> None:
    suite = only("junit/go-junit-report.xml")
    assert (suite.level, suite.passed, suite.failed, suite.skipped) == (Level.INTEGRATION, 2, 1, 0)
    assert suite.location == Location("junit/go-junit-report.xml", 8)
    assert suite.failing == ("example.com/shop/cart/integration.TestCheckoutEmptyCart",)


def test_nested_suites_split_by_level_and_count_each_case_once() -> None:
    suites = {s.level: s for s in parse("junit/nested.xml")}
    assert set(suites) == {Level.UNIT, Level.E2E}
    assert (suites[Level.UNIT].passed, suites[Level.UNIT].failed) == (2, 0)
    assert (suites[Level.E2E].passed, suites[Level.E2E].failed) == (1, 2)
    assert suites[Level.E2E].location == Location("junit/nested.xml", 10)
    assert suites[Level.E2E].failing == ("shop.browser.checks_out", "shop.browser.logs_out")


def test_counts_from_attributes_when_there_are_no_testcases() -> None:
    suite = only("junit/counts-only.xml")
    assert (suite.level, suite.passed, suite.failed, suite.skipped) == (Level.INTEGRATION, 4, 3, 3)
    assert suite.location == Location("junit/counts-only.xml", 3)


def test_cypress_path_is_e2e() -> None:
    suite = only("junit/cypress/results/results-3f2a.xml")
    assert (suite.level, suite.passed, suite.failed) == (Level.E2E, 2, 0)


def test_unknown_level_is_other_and_mapping_overrides() -> None:
    assert only("junit/results.xml").level is Level.OTHER
    (mapped,) = parse("junit/results.xml", {"junit/*.xml": "performance"})
    assert mapped.level is Level.PERFORMANCE
    # the mapping also beats what the path itself says
    (forced,) = parse("junit/pytest.xml", {"**/pytest.xml": "integration"})
    assert forced.level is Level.INTEGRATION


def test_failing_names_are_capped() -> None:
    cases = "".join(f'<testcase name="t{i}"><failure/></testcase>' for i in range(9))
    (suite,) = parse_junit(f'<testsuite name="unit">{cases}</testsuite>'.encode(), "u.xml")
    assert suite.failed == 9
    assert suite.failing == ("t0", "t1", "t2", "t3", "t4")


def test_empty_suite_is_incomplete() -> None:
    (suite,) = parse_junit(b'<testsuites name="unit"/>', "reports/unit.xml")
    assert suite.level is Level.UNIT
    assert suite.total == 0
    assert suite.outcome == "incomplete"


def test_not_junit_names_the_root() -> None:
    with pytest.raises(DocError) as err:
        parse_junit(fixture("hostile/not-junit.xml"), "hostile/not-junit.xml")
    assert "<coverage>" in err.value.message
    assert err.value.location == Location("hostile/not-junit.xml", 2)


@pytest.mark.parametrize(
    ("name", "level"),
    [
        ("unit", Level.UNIT),
        ("integration", Level.INTEGRATION),
        ("it", Level.INTEGRATION),
        ("e2e", Level.E2E),
        ("end-to-end", Level.E2E),
        ("cypress", Level.E2E),
        ("playwright-report", Level.E2E),
        ("failsafe-reports", Level.INTEGRATION),
        ("surefire-reports", Level.UNIT),
        ("com.example.OrderIT", Level.INTEGRATION),
        ("com.example.ITOrder", Level.INTEGRATION),
        ("com.example.OrderITCase", Level.INTEGRATION),
        ("UserServiceIntegrationTest", Level.INTEGRATION),
        ("JUnitReport", None),
        ("junit", None),
        ("Commit", None),
        ("upload", None),
    ],
)
def test_level_from_name(name: str, level: Level | None) -> None:
    assert level_from_name(name) is level


def test_level_for_path_prefers_the_file_name_then_nearest_folder() -> None:
    assert level_for_path("reports/e2e/unit.xml", ()) is Level.UNIT
    assert level_for_path("reports/e2e/results.xml", ()) is Level.E2E
    assert level_for_path("reports/results.xml", ()) is None
