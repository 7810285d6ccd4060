"""Cobertura XML and lcov → measured line coverage."""

from __future__ import annotations

from pathlib import Path

import pytest

from rte.errors import DocError
from rte.evidence.coverage import parse_cobertura, parse_lcov
from rte.model import Level, Location

FIXTURES = Path(__file__).parent / "fixtures" / "evidence"


def fixture(rel: str) -> bytes:
    path = FIXTURES / rel
    assert path.is_file(), f"missing fixture {path}"
    return path.read_bytes()


def test_coverage_py_cobertura_uses_line_counts() -> None:
    cov = parse_cobertura(fixture("coverage/coverage.xml"), "coverage.xml")
    assert cov.percent == 85.5
    assert (cov.lines_covered, cov.lines_valid) == (171, 200)
    assert cov.location == Location("coverage.xml", 2)


def test_istanbul_cobertura_with_bare_doctype_uses_line_rate() -> None:
    cov = parse_cobertura(fixture("coverage/unit/cobertura-coverage.xml"), "c.xml", Level.UNIT)
    assert cov.percent == 72.31
    assert cov.level is Level.UNIT


def test_cobertura_without_a_usable_rate_is_an_error() -> None:
    with pytest.raises(DocError, match="line-rate"):
        parse_cobertura(b'<coverage line-rate="1.7"/>', "c.xml")


def test_wrong_root_is_named() -> None:
    with pytest.raises(DocError, match="<testsuite>"):
        parse_cobertura(b'<testsuite name="x"/>', "c.xml")


def test_lcov_sums_records() -> None:
    cov = parse_lcov(fixture("coverage/lcov.info").decode(), "coverage/lcov.info")
    assert cov.percent == 72.5
    assert (cov.lines_covered, cov.lines_valid) == (29, 40)


def test_lcov_with_nothing_found_is_zero() -> None:
    assert parse_lcov("SF:a.ts\nLF:0\nLH:0\nend_of_record\n", "l.info").percent == 0.0


@pytest.mark.parametrize(
    ("text", "line"),
    [("SF:a\nLF:ten\n", 2), ("nothing here\n", 1), ("SF:a\nLF:3\nLH:4\n", 1)],
)
def test_bad_lcov_is_an_error_with_a_line(text: str, line: int) -> None:
    with pytest.raises(DocError) as err:
        parse_lcov(text, "l.info")
    assert err.value.location == Location("l.info", line)
