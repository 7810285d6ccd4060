"""The Markdown report's claims against JUnit and coverage files."""

from __future__ import annotations

from pathlib import Path

from rte.evidence.collect import collect_evidence
from rte.evidence.crosscheck import cross_check, merge_suites
from rte.evidence.values import Coverage
from rte.model import Level, Location, Suite, SuiteState

REPORT = "docs/features/cart/06-test-report.md"
FIXTURES = Path(__file__).parent / "fixtures" / "evidence"


def claim(
    level: Level, line: int, passed: int = 40, failed: int | None = 0, cov: float | None = None
) -> Suite:
    return Suite(level, Location(REPORT, line), passed=passed, failed=failed, coverage_percent=cov)


def junit_evidence(tmp_path: Path) -> tuple[Suite, ...]:
    target = tmp_path / "reports" / "junit" / "unit.xml"
    target.parent.mkdir(parents=True)
    target.write_bytes((FIXTURES / "junit" / "pytest.xml").read_bytes())
    return collect_evidence(tmp_path, junit=("reports/junit/*.xml",), levels={}).suites


def test_report_says_passed_but_junit_has_a_failure(tmp_path: Path) -> None:
    (found,) = cross_check([claim(Level.UNIT, 12)], junit_evidence(tmp_path), [], None)
    assert found.kind == "tests" and found.level is Level.UNIT
    assert found.report == Location(REPORT, 12)
    assert found.evidence == Location("reports/junit/unit.xml", 6)
    assert found.message == (
        f"{REPORT}:12 says unit tests all passed, but reports/junit/unit.xml:6 has 1 failure "
        "(tests.unit.test_cart.test_total_with_discount)"
    )


def test_no_contradiction_when_the_report_admits_failures_or_levels_differ(tmp_path: Path) -> None:
    evidence = junit_evidence(tmp_path)
    assert cross_check([claim(Level.UNIT, 12, failed=1)], evidence, [], None) == ()
    assert cross_check([claim(Level.E2E, 14)], evidence, [], None) == ()
    pending = Suite(Level.UNIT, Location(REPORT, 3), state=SuiteState.PENDING)
    assert cross_check([pending], evidence, [], None) == ()


def test_coverage_claim_above_measured() -> None:
    measured = Coverage(72.31, Location("coverage/unit/cobertura-coverage.xml", 3), Level.UNIT)
    (found,) = cross_check([claim(Level.UNIT, 15, cov=90.0)], [], [measured], None)
    assert found.kind == "coverage"
    assert found.message == (
        f"{REPORT}:15 says unit coverage is 90%, but coverage/unit/cobertura-coverage.xml:3 measured 72.3%"
    )
    assert (found.report, found.evidence) == (Location(REPORT, 15), measured.location)


def test_coverage_within_tolerance_and_unlevelled_files() -> None:
    measured = Coverage(85.5, Location("coverage.xml", 2))
    assert cross_check([claim(Level.UNIT, 15, cov=86.0)], [], [measured], None) == ()
    assert len(cross_check([claim(Level.UNIT, 15, cov=86.1)], [], [measured], None)) == 1
    # several unlevelled files: the most generous one is compared, never over-accusing
    other = Coverage(88.0, Location("web/lcov.info", 1))
    assert cross_check([claim(Level.UNIT, 15, cov=88.0)], [], [measured, other], None) == ()


def test_claim_meeting_the_minimum_when_measured_misses_it() -> None:
    measured = Coverage(79.8, Location("coverage.xml", 2), Level.UNIT)
    (found,) = cross_check([claim(Level.UNIT, 15, cov=80.2)], [], [measured], 80.0)
    assert found.message.endswith("measured 79.8%, below the 80% minimum")


def test_merge_evidence_decides_its_levels() -> None:
    report = (claim(Level.UNIT, 12, cov=91.0), claim(Level.INTEGRATION, 13), claim(Level.E2E, 14))
    unit = Suite(Level.UNIT, Location("u.xml", 6), passed=3, failed=1, source="junit")
    perf = Suite(Level.PERFORMANCE, Location("k6.xml", 1), passed=2, failed=0, source="junit")
    merged = merge_suites(report, (unit, perf))
    assert [(s.level, s.source) for s in merged] == [
        (Level.UNIT, "junit"),
        (Level.INTEGRATION, "report"),
        (Level.E2E, "report"),
        (Level.PERFORMANCE, "junit"),
    ]
    assert merged[0].failed == 1 and merged[0].coverage_percent == 91.0  # the stated figure is kept
    measured = merge_suites(report, (unit,), [Coverage(70.0, Location("c.xml", 2), Level.UNIT)])
    assert measured[0].coverage_percent == 70.0
