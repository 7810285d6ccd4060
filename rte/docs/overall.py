"""Whole-report test results with no level: runner summaries, Total/Passed/Failed boxes, plain statements."""

from __future__ import annotations

import re
from collections.abc import Sequence

from rte.docs.markdown import Block
from rte.docs.vocab import RUNNER_END as END
from rte.docs.vocab import strip_marks
from rte.model import Level, Location, Suite, SuiteState

_BOX = re.compile(r"[│┃║|┌┐└┘├┤┬┴┼─━═╔╗╚╝╠╣]+")
_KEY_VALUE = re.compile(
    r"^\W*(total(?: tests)?|tests(?: run)?|passed|passing|failed|failing|failures|skipped|pending)"
    r"\s*[:=]?\s*(\d[\d,]*|-)\W*$",
    re.I,
)
_RUNNER = re.compile(
    r"(?<![\w.])(\d[\d,]*)\s+(?:tests?\s+|specs?\s+)?(passed|passing|failed|failing|skipped)\b" + END, re.I
)
_OF_FAILED = re.compile(r"\b(\d+)\s+of\s+(\d+)\s+(?:specs?\s+|tests?\s+)?failed\b", re.I)
_RATIO = re.compile(r"\b(\d+)\s*/\s*(\d+)\s+(?:tests?\s+)?passed\b", re.I)
_NOT_RUN = re.compile(
    r"awaiting (?:test )?execution|ready for testing|not yet (?:been )?(?:run|executed)"
    r"|tests? (?:were|was|have|has) not (?:yet )?(?:been )?(?:run|executed)"
    r"|no tests? (?:were|was|have been) (?:run|executed)",
    re.I,
)
_FAILURE = re.compile(
    r"\bended in (?:a )?failure\b"
    r"|\b(?:test|tests|scenario|step|case|run)\s+(?:has |have |was )?(?:failed|fails)\b",
    re.I,
)
_KEYS = {
    "total": "total",
    "total tests": "total",
    "tests": "total",
    "tests run": "total",
    "passed": "passed",
    "passing": "passed",
    "failed": "failed",
    "failing": "failed",
    "failures": "failed",
    "error": "failed",
    "errors": "failed",
    "skipped": "skipped",
    "pending": "skipped",
}


def overall_suites(blocks: Sequence[Block], rel: str, *, counted: bool) -> list[Suite]:
    """One `other` suite for the report's own totals (when no level has counts, or when they show a
    failure), plus statements that testing has not run yet or that a test failed."""
    groups: list[tuple[int, dict[str, int]]] = []
    statements: list[Suite] = []
    for block in blocks:
        counts: dict[str, int] = {}
        first: int | None = None
        lines = [f"{block.cells[0]} {block.cells[1]}"] if block.kind == "row" and len(block.cells) > 1 else []
        for offset, line in enumerate(lines or block.text.split("\n")):
            plain = strip_marks(_BOX.sub(" ", line)).strip()
            _read_line(plain, counts)
            where = Location(rel, block.line + (offset if block.kind != "row" else 0))
            first = first if first is not None or not counts else where.line
            if _NOT_RUN.search(plain):
                statements.append(Suite(Level.OTHER, where, name=plain[:120], state=SuiteState.PENDING))
            elif _FAILURE.search(plain) and not re.search(
                r"\b(no|0|if|when|unless)\s+\w*\s*fail", plain, re.I
            ):
                statements.append(Suite(Level.OTHER, where, name=plain[:120], state=SuiteState.FAILED))
        if counts.get("passed") is not None or counts.get("failed") is not None:
            groups.append((first or block.line, counts))
    if not groups:
        return statements if not counted else [s for s in statements if s.state is SuiteState.PENDING]
    failing = [g for g in groups if g[1].get("failed")]
    start, counts = max(failing or groups, key=lambda g: _total(g[1]))
    if counted and not failing:
        return [s for s in statements if s.state is SuiteState.PENDING]
    passed = counts.get("passed")
    failed = counts.get("failed", 0)
    skipped = counts.get("skipped")
    if passed is None and "total" in counts:
        passed = max(counts["total"] - failed - (skipped or 0), 0)
    overall = Suite(
        Level.OTHER, Location(rel, start), name="all tests", passed=passed, failed=failed, skipped=skipped
    )
    return [overall] + [s for s in statements if s.state is SuiteState.PENDING]


def _total(counts: dict[str, int]) -> int:
    return counts.get("total") or counts.get("passed", 0) + counts.get("failed", 0)


def _read_line(plain: str, counts: dict[str, int]) -> None:
    pair = _KEY_VALUE.match(plain)
    if pair:
        key = _KEYS.get(pair.group(1).lower())
        value = 0 if pair.group(2) == "-" else int(pair.group(2).replace(",", ""))
        if key:
            counts.setdefault(key, value)
        return
    of_failed = _OF_FAILED.search(plain)
    if of_failed:
        counts.setdefault("failed", int(of_failed.group(1)))
    ratio = _RATIO.search(plain)
    if ratio:
        counts.setdefault("passed", int(ratio.group(1)))
        counts.setdefault("total", int(ratio.group(2)))
    for number, word in _RUNNER.findall(plain):
        key = _KEYS.get(word.lower())
        if key:
            counts.setdefault(key, int(number.replace(",", "")))
