"""Test results told in sentences: "Surefire reported 212 tests run for the unit module, with 0 failures"."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from rte.docs.markdown import Block
from rte.docs.suitefields import from_fields
from rte.docs.vocab import CONDITION, COUNT, level_of, name_level_of, strip_marks
from rte.model import Level, Location, Suite, SuiteState

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z(])")
_COUNTED = re.compile(rf"\b{COUNT}[^\S\n]+(?:tests?|specs?|cases?)\b", re.I)  # not `2025-10-07` ⏎ `Test …`
_COVERAGE = re.compile(r"(\d{1,3}(?:\.\d+)?)\s*%", re.I)


def sentence_suites(blocks: Sequence[Block], rel: str) -> list[Suite]:
    """One suite per sentence that names a level and counts its tests; a later sentence giving that level's
    coverage ("Line coverage … was 78.4% for the unit module") adds it."""
    suites: dict[Level, Suite] = {}
    for block in blocks:
        if block.kind != "paragraph":
            continue
        offset = 0
        for sentence in _SENTENCE_END.split(block.text):
            line = block.line + block.text.count("\n", 0, block.text.find(sentence, offset))
            offset += len(sentence)
            counted = _COUNTED.search(sentence)
            if not counted and _NOT_EXECUTED.search(sentence) and not CONDITION.match(sentence):
                # `The end-to-end suite needs a live database; none was available, so it has not been executed`
                if (level := level_of(sentence)) is not None and level not in suites:
                    fields = {"status": "not run"}
                    if suite := from_fields(
                        level, Location(rel, line), "", fields, sentence, judge_words=False
                    ):
                        suites[level] = suite
                continue
            if not counted and "coverage" not in sentence.lower():
                continue
            level = level_of(sentence)
            if level is None:
                continue
            if level in suites and "coverage" in sentence.lower() and (match := _COVERAGE.search(sentence)):
                if suites[level].coverage_percent is None and float(match.group(1)) <= 100:
                    suites[level] = replace(suites[level], coverage_percent=float(match.group(1)))
                continue
            if level in suites or not counted:
                continue
            suite = from_fields(level, Location(rel, line), "", {}, sentence, judge_words=False)
            if suite and (suite.passed is not None or suite.failed is not None):
                suites[level] = suite
    return list(suites.values())


_NOT_EXECUTED = re.compile(
    r"\b(?:has|have|had|was|were)\s+not\s+(?:yet\s+)?(?:been\s+)?(?:run|executed)\b|\bcould\s+not\s+be\s+(?:run|executed)\b"
    r"|\b(?:was|were)\s+never\s+(?:run|executed)\b",
    re.I,
)


# `Regression: PASS`, `Performance: NOT RUN (load environment being rebuilt)`: a named run and its result.
_RESULT_LINE = re.compile(
    r"^\W*([A-Za-z][\w /&+()-]{1,40}?)\s*:\s*(pass(?:ed)?|fail(?:ed)?|not run|not executed|blocked|skipped"
    r"|pending|green|red)\b(?!\s*:)",
    re.I,
)
_FIELD_NAMES = re.compile(r"^(status|result|results|verdict|overall|outcome|summary|sign-?off|build)\b", re.I)


def result_lines(blocks: Sequence[Block], rel: str) -> list[Suite]:
    """A list of runs each with a bare result word, two lines or more in one paragraph or list: one suite
    per line, of the level its name states (else `other`)."""
    suites = []
    for block in blocks:
        if block.kind != "paragraph":
            continue
        lines = block.text.split("\n")
        found = [(i, m) for i, line in enumerate(lines) if (m := _RESULT_LINE.match(line))]
        if len(found) < 2:
            continue
        for offset, match in found:
            name = match.group(1).strip()
            if _FIELD_NAMES.match(name):
                continue
            level = name_level_of(name) or Level.OTHER
            where = Location(rel, block.line + offset)
            suite = from_fields(level, where, name, {"status": lines[offset][match.start(2) :]}, "")
            if suite:
                suites.append(suite)
    return suites


_AREA_ITEM = re.compile(r"^\W*([\w./:-]+(?: [\w./:-]+){0,3}?)\s+[—–]\s+(\S.*)$")


def area_items(blocks: Sequence[Block], rel: str) -> list[Suite]:
    """`- ui.account — 37 passed, 2 broken`: list items naming an area (not a level) and its counts, two
    or more of them; each is an `other` suite."""
    suites = []
    for block in blocks:
        match = _AREA_ITEM.match(block.text) if block.kind == "item" and "\n" not in block.text else None
        if match is None or level_of(match.group(1)):
            continue
        suite = from_fields(Level.OTHER, Location(rel, block.line), match.group(1), {}, match.group(2))
        if suite and suite.passed is not None and suite.failed is not None:
            suites.append(suite)
    return suites if len(suites) >= 2 else []


# `Scene smoke tests (headless, each level played for 30 s): 18/18 passed.`
_NAMED_RUN = re.compile(r"^\W*([A-Z][\w-]*(?: [\w-]+){0,3} tests)(?:\s*\([^)]{0,160}\))?\s*:\s*(\S.{0,120})$")


# `Flaky tests: ✅ 0 tests`: how many tests are flaky, a measure of the suite and no run of its own
_FLAKY = re.compile(r"^\W*flaky\b", re.I)


def named_runs(blocks: Sequence[Block], rel: str) -> list[Suite]:
    """A line naming a kind of tests that is no level and giving its counts: an `other` suite."""
    suites = []
    for block in blocks:
        if block.kind not in ("paragraph", "item"):
            continue
        for offset, line in enumerate(block.text.split("\n")):
            match = _NAMED_RUN.match(line)
            if match is None or level_of(match.group(1)) or _FLAKY.match(match.group(1)):
                continue
            where = Location(rel, block.line + offset)
            suite = from_fields(Level.OTHER, where, match.group(1), {}, match.group(2))
            if suite and suite.passed is not None and suite.failed is not None:
                suites.append(suite)
    return suites


# `### Scenario 7: Cutover (In Progress)` over `**Result**: ⏳ PENDING`: a case heading and its result line.
_CASE_HEADING = re.compile(r"^\W*(?:test\s+)?(?:scenario|case|tc)[\s#-]*\d+\b|^\W*TC-\d+", re.I)
_CASE_RESULT = re.compile(r"^\W*(?:result|status|outcome|verdict)\W*[:=]\s*(\S.*)$", re.I)
# `Outcome: 75% test coverage` under `### Scenario 2: Ship now`: a forecast figure, not the outcome of a case.
_FIGURE_FIRST = re.compile(r"^\W*\d")


def case_results(blocks: Sequence[Block], rel: str) -> list[Suite]:
    """Test cases written as headings, each with a `Result:` line: one `other` suite of their outcomes, kept
    only when a case failed or did not finish (so that a list of cases cannot hide one)."""
    outcomes: list[Suite] = []
    for index, block in enumerate(blocks):
        if block.kind != "heading" or not _CASE_HEADING.match(block.text):
            continue
        for inner in blocks[index + 1 : index + 8]:
            if inner.kind == "heading":
                break
            result = next(
                (m for line in inner.text.split("\n") if (m := _CASE_RESULT.match(line.replace("*", "")))),
                None,
            )
            if result is None:
                continue
            if not _FIGURE_FIRST.match(result.group(1)):
                suite = from_fields(
                    Level.OTHER, Location(rel, block.line), block.text, {"status": result.group(1)}, ""
                )
                if suite:
                    outcomes.append(suite)
            break
    if len(outcomes) < 2 or all(s.outcome == "pass" for s in outcomes):
        return []
    failed = sum(1 for s in outcomes if s.outcome == "fail")
    unfinished = sum(1 for s in outcomes if s.outcome == "incomplete")
    first = outcomes[0]
    return [
        replace(
            first,
            name="test cases",
            passed=len(outcomes) - failed - unfinished,
            failed=failed,
            skipped=unfinished,
            state=SuiteState.PENDING if unfinished and not failed else SuiteState.RAN,
        )
    ]


# `- Performance: 95/100 ✅`: one line of a score card (each area rated out of the same maximum).
_SCORE_LINE = re.compile(
    r"^\W*([^\W\d_][\w\s&/-]{0,40}):\s*\d{1,3}(?:\.\d+)?\s*/\s*(10|100|5)\b(?!\s*(?:tests?|specs?|cases?)\b)"
)


def scorecard_items(blocks: Sequence[Block]) -> frozenset[int]:
    """List items rating three or more areas out of one maximum (`Core: 100/100`, `Performance: 95/100`,
    `Documentation: 90/100`), at least one of them no test level: a score card, not test counts."""
    found: set[int] = set()
    run: list[tuple[int, str, str]] = []  # (index, area, maximum) of consecutive score lines
    for index, block in enumerate([*blocks, Block("heading", "", 0)]):
        score = _SCORE_LINE.match(block.text) if block.kind == "item" and "\n" not in block.text else None
        if run and (score is None or score.group(2) != run[0][2]):
            if len(run) >= 3 and any(level_of(strip_marks(area)) is None for _, area, _ in run):
                found.update(i for i, _, _ in run)
            run = []
        if score is not None:
            run.append((index, score.group(1), score.group(2)))
    return frozenset(found)
