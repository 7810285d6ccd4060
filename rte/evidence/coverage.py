"""Measured line coverage: Cobertura XML (coverage.py, istanbul/jest) and lcov `.info` → a Coverage value."""

from __future__ import annotations

from rte.errors import DocError
from rte.evidence.values import Coverage
from rte.evidence.xmlread import parse_xml
from rte.model import Level, Location


def parse_cobertura(data: bytes, rel: str, level: Level | None = None) -> Coverage:
    """Percent from the root's lines-covered/lines-valid when both are there, else from its line-rate."""
    root = parse_xml(data, rel, what="Cobertura XML file", depth=1)
    if root.tag != "coverage":
        raise DocError(
            f"the coverage file's root element is <{root.tag}>, not Cobertura's <coverage>",
            Location(rel, root.line),
            tip="write Cobertura XML (`coverage xml`, jest `coverageReporters: ['cobertura']`) or lcov",
        )
    covered, valid = _int(root.attrs.get("lines-covered")), _int(root.attrs.get("lines-valid"))
    if covered is not None and valid:
        percent = 100.0 * covered / valid
    else:
        rate = _float(root.attrs.get("line-rate"))
        if rate is None or not 0 <= rate <= 1:
            raise DocError(
                f"the Cobertura file's <coverage> has no usable line-rate ({root.attrs.get('line-rate')!r})",
                Location(rel, root.line),
            )
        percent, covered, valid = 100.0 * rate, None, None
    return Coverage(round(percent, 2), Location(rel, root.line), level, covered, valid)


def parse_lcov(text: str, rel: str, level: Level | None = None) -> Coverage:
    """Percent from the sums of every record's LH (lines hit) over LF (lines found)."""
    found = hit = 0
    records = 0
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        key, _, value = line.partition(":")
        if key in ("LF", "LH"):
            amount = _int(value)
            if amount is None or amount < 0:
                raise DocError(
                    f"the lcov file has `{line}`, which is not a count of lines", Location(rel, number)
                )
            if key == "LF":
                found += amount
            else:
                hit += amount
        elif key == "SF":
            records += 1
    if not records and not found:
        raise DocError(
            "the lcov file has no records (no `SF:` or `LF:` lines)",
            Location(rel, 1),
            tip="check the path: lcov reports are usually `coverage/lcov.info`",
        )
    if hit > found:
        raise DocError(f"the lcov file says {hit} lines were hit out of {found}", Location(rel, 1))
    percent = 100.0 * hit / found if found else 0.0
    return Coverage(round(percent, 2), Location(rel, 1), level, hit, found)


def _int(text: str | None) -> int | None:
    try:
        return int(text.strip()) if text is not None else None
    except ValueError:
        return None


def _float(text: str | None) -> float | None:
    try:
        return float(text) if text is not None else None
    except ValueError:
        return None
