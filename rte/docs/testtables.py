"""Suites from a test report's tables: one row per level or area, level × platform matrices, merged cells."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from rte.docs.markdown import Block
from rte.docs.suitefields import from_fields, to_int
from rte.docs.vocab import COUNT, FOREIGN_HEADERS, level_of, name_level_of, strip_marks
from rte.model import Level, Location, Suite, SuiteState

_COUNT_HEADERS = re.compile(r"pass|fail|skip|total|tests|count|coverage|status|result|error|exit code", re.I)
_NAME_HEADERS = re.compile(
    r"suite|type|level|test|category|layer|tier|area|name|scope|component|section|module|phase|stage|feature"
    r"|package|project|crate|workspace|library",  # a monorepo's parts: `| Package | Passed | Failed |`
    re.I,
)
# `| Command / check | Result |` over `npm run test:local`: a command that runs tests, by its name.
_COMMAND_HEADER = re.compile(r"\b(?:command|script|check|step)s?\b", re.I)
_TEST_COMMAND = re.compile(
    r"(?:^|[\s`:/._-])(?:test|tests|pytest|jest|vitest|mocha|playwright|cypress)\b", re.I
)
_TOTAL_ROW = re.compile(
    r"^\W*(total|overall|sum|all\b|grand|gesamt|insgesamt|総合|総計|合計|总计|合计|总体|전체|합계)", re.I
)
_NOT_RUN_HEADER = re.compile(r"^\W*(blocked|not run|not executed|untested)\W*$", re.I)
_ICON_HEADERS = (("✅", "passed"), ("✔", "passed"), ("❌", "failed"), ("✖", "failed"), ("⏭", "skipped"))
# `58/60` in a matrix cell: passed of run.
_CELL_RATIO = re.compile(rf"^\W*({COUNT})\s*/\s*({COUNT})\W*$")
# A count cell carrying a footnote mark (`0*`, `0†`, `0¹`) and the footnote line that explains it.
_MARKED_CELL = re.compile(rf"^\s*({COUNT})\s*(\*+|†|‡|[¹²³])\s*$")
# A column counting runs over a history (`Runs`, `Failed runs`, `Flake rate`): a dashboard, not a run's result.
# `| Issue | Description | Resolution | Status |`: defects found and how they were resolved, not suites
_ISSUE_HEADER = re.compile(r"^\W*(?:issues?|bugs?|defects?|problems?)\W*$", re.I)
_HISTORY_HEADER = re.compile(r"\bruns\b|\bflak\w*\s+rate\b", re.I)
# A cell counting verified checks `14/15` (Pact interactions, contract checks): passed of run.
_VERIFIED_HEADER = re.compile(r"verified|interactions|checks|assertions|passed", re.I)
_ICON_CELL = re.compile(r"^\s*(✅|✔|❌|✖)\uFE0F?\s*$")
_FOOTNOTE_FAILED = re.compile(r"\bfail(?:ed|s|ing|ure)?\b|\bquarantin\w*|\bflak(?:y|ed)\b", re.I)


def table_suites(blocks: Sequence[Block], rel: str) -> list[Suite]:
    suites: list[Suite] = []
    above: dict[int, str] = {}  # a merged cell (blank) repeats the row above: `|  | billing | 140 |`
    merged: dict[tuple[int, str], int] = {}  # (table, name) -> index of the suite the blank rows add to
    columns: dict[int, list[tuple[int, Level]]] = {}  # a matrix table's level columns, found once
    notes = _failure_notes(blocks)
    for block in blocks:
        if block.kind != "row" or len(block.cells) < 2:
            continue
        header = [_header_name(h) for h in block.header]
        header = ["" if _HISTORY_HEADER.search(h) else h for h in header]
        if block.table not in columns:
            columns[block.table] = _level_columns(header)
        matrix = _matrix_suites(block, header, columns[block.table], rel)
        if matrix:
            suites += matrix
            continue
        if not any(_COUNT_HEADERS.search(h) for h in header[1:]) or _ISSUE_HEADER.match(header[0]):
            continue
        counted = [
            strip_marks(cell)
            for h, cell in zip(header[1:], block.cells[1:], strict=False)
            if _COUNT_HEADERS.search(h)
        ]  # the cells where counts would stand
        if (
            _described(counted)
            or _analyser_tally(block.text)
            or _sized_only(header, counted)
            or all(_ELSEWHERE.match(strip_marks(c)) for c in block.cells[1:] if strip_marks(c))
        ):
            continue
        inherited = not strip_marks(block.cells[0]) and block.table in above
        name = above[block.table] if inherited else strip_marks(block.cells[0])
        above[block.table] = name
        cells = dict(zip(header, block.cells, strict=False))
        named = bool(_NAME_HEADERS.search(header[0]))  # `Check | Result` rows are checks, not suites
        level = (name_level_of(name) if named else level_of(name)) or (
            level_of(" ".join(block.section[-1:])) if named else None
        )
        if level is None and _counted_row(header, cells) and not _TOTAL_ROW.match(name):
            level = Level.OTHER  # a QA sheet's area, a suite by another name: `Cart | 34 | 34 | 0`
        if level is None and _run_row(header, cells, name):
            level = Level.OTHER  # `| PASS | 34 | 34 | 0 |` under `Status | Tests run | Passed | Failed`
        if level is None and _verified_row(header, cells) and not _TOTAL_ROW.match(name):
            # `| web-checkout | 4f2a91c | 14/15 | failed |` under "## Contract tests": the section's level
            level = level_of(" ".join(block.section[-1:]))
        if level is None and _COMMAND_HEADER.search(header[0]) and _TEST_COMMAND.search(name):
            level = Level.OTHER  # `| npm run test:local | Passed: 105 tests |`; not `npm run build`, `ESLint`
        if level is None:
            continue
        suite = from_fields(level, Location(rel, block.line), name, cells, block.text)
        if suite is None:
            continue
        suite = _footnoted(_with_not_run(suite, header, cells), header, block.cells, notes)
        key = (block.table, name)
        if inherited and key in merged:
            suites[merged[key]] = _add(suites[merged[key]], suite)
            continue
        merged[key] = len(suites)
        suites.append(suite)
    taken = {s.location.line for s in suites if s.location}
    return (
        suites
        + _icon_tallies(blocks, rel, taken)
        + _outcome_tallies(blocks, rel, taken)
        + _check_matrices(blocks, rel, taken)
    )


# `| Static analysis | flutter analyze | 0 errors, 0 warnings | PASSED |`: an analyser's tally, not tests.
_WARNINGS = re.compile(r"\b\d+\s+warnings?\b", re.I)
# A count of tests in words: `12 tests`, `4/4 passed`, `3 failed`.
_COUNTED_WORDS = re.compile(
    r"\b\d+\s*(?:/\s*\d+\s*)?(?:tests?|specs?|cases?|passed|passing|failed|failing|skipped)\b", re.I
)
# `| Performance | See docs/reports/performance-baseline.md |`: a result kept in another report.
_ELSEWHERE = re.compile(r"^\W*(?:see|refer to|details in|in)\s+\S*(?:/|\.md\b|report)", re.I)


def _analyser_tally(text: str) -> bool:
    return bool(_WARNINGS.search(text)) and not _COUNTED_WORDS.search(text)


def _described(counted: Sequence[str]) -> bool:
    """`| Sign-in | Portal toggle; wrong password shows an error; show / hide password |` under `Area | Tests`:
    what the tests cover, in words, where a count would stand."""
    return bool(counted) and all(
        len(c.split()) >= 6
        and not re.match(r"\W*(?:\d|pass|fail|flak|skip|block|ok\b)", c, re.I)
        and not _COUNTED_WORDS.search(c)
        for c in counted
    )


# `| ✅ **Pass** | 54 | 90% |`: a row naming one outcome and how many cases had it.
_OUTCOME_ROW = re.compile(
    r"^\W*(pass(?:ed)?|fail(?:ed)?|skip(?:ped)?|blocked|not run|not executed|pending)\W*$", re.I
)
_NAMED_AFTER = re.compile(r"(?<=\d)\s*\([^()]*\)\s*$")
_OUTCOME_KEYS = {"pass": "passed", "fail": "failed", "skip": "skipped"}
_OUTCOME_HEADER = re.compile(r"^\W*(status|result|outcome|verdict)s?\W*$", re.I)


def _outcome_tallies(blocks: Sequence[Block], rel: str, taken: set[int | None]) -> list[Suite]:
    """`Status | Count` tables (`✅ Pass | 54`, `❌ Fail | 6`, `Not Run | 0`): one suite of all the cases."""
    tallies: dict[int, dict[str, int]] = {}
    starts: dict[int, int] = {}
    for block in blocks:
        if block.kind != "row" or len(block.cells) < 2 or block.line in taken:
            continue
        if not block.header or not _OUTCOME_HEADER.match(strip_marks(block.header[0])):
            continue
        outcome = _OUTCOME_ROW.match(strip_marks(block.cells[0]))
        # (`| fail | 1 (codecov/project) |`: the count, then which in brackets)
        count = to_int(_NAMED_AFTER.sub("", strip_marks(block.cells[1]))) if outcome else None
        if outcome is None or count is None:
            continue
        word = outcome.group(1).lower()
        key = next((v for k, v in _OUTCOME_KEYS.items() if word.startswith(k)), "not_run")
        counts = tallies.setdefault(block.table, {})
        counts[key] = counts.get(key, 0) + count
        starts.setdefault(block.table, block.line)
    suites = []
    for table, counts in tallies.items():
        if "passed" not in counts or len(counts) < 2:
            continue
        not_run = counts.get("not_run", 0)
        suites.append(
            Suite(
                Level.OTHER,
                Location(rel, starts[table]),
                name="all cases",
                passed=counts["passed"],
                failed=counts.get("failed", 0),
                skipped=counts.get("skipped", 0) + not_run,
                state=SuiteState.PENDING if not_run and not counts.get("failed") else SuiteState.RAN,
            )
        )
    return suites


def _icon_tallies(blocks: Sequence[Block], rel: str, taken: set[int | None]) -> list[Suite]:
    """`| /checkout | LCP | 2.5 s | 2.9 s | ❌ |` under "## Performance budgets": a table of checks whose last
    column is only ✅/❌ is one suite of the section's level, each row a check that passed or failed."""
    tallies: dict[int, Suite] = {}
    for block in blocks:
        if block.kind != "row" or len(block.cells) < 3 or block.line in taken:
            continue
        icon = _ICON_CELL.match(block.cells[-1])
        level = name_level_of(" ".join(block.section[-1:])) if icon else None
        if icon is None or level is None or _COUNT_HEADERS.search(" ".join(block.header)):
            continue
        first = tallies.get(block.table) or Suite(
            level, Location(rel, block.line), name=level.value, passed=0, failed=0
        )
        ok = icon.group(1) in "✅✔"
        tallies[block.table] = replace(
            first, passed=(first.passed or 0) + ok, failed=(first.failed or 0) + (not ok)
        )
    return [s for s in tallies.values() if (s.total or 0) >= 2]


def _level_columns(header: list[str]) -> list[tuple[int, Level]]:
    """`| Platform | Unit | UI |`: the columns after the first that name a level, when none names a count."""
    if _COUNT_HEADERS.search(" ".join(header[1:])):
        return []
    found = [(i, name_level_of(h)) for i, h in enumerate(header) if i]
    return [(i, level) for i, level in found if level is not None]


def _matrix_suites(
    block: Block, header: list[str], columns: list[tuple[int, Level]], rel: str
) -> list[Suite]:
    """`| iOS | 412/412 | 58/60 |` under level columns: each cell is the suite of its column's level."""
    suites = []
    for index, level in columns:
        ratio = _CELL_RATIO.match(block.cells[index]) if index < len(block.cells) else None
        if ratio is None:
            continue
        passed, run = to_int(ratio.group(1)) or 0, to_int(ratio.group(2)) or 0
        if run < passed:
            continue
        name = f"{strip_marks(block.cells[0])} {strip_marks(block.header[index])}".strip()
        suites.append(
            Suite(level, Location(rel, block.line), name=name[:120], passed=passed, failed=run - passed)
        )
    return suites


def _add(first: Suite, more: Suite) -> Suite:
    """Rows of one merged level cell are one suite: their counts add up."""

    def plus(a: int | None, b: int | None) -> int | None:
        return None if a is None and b is None else (a or 0) + (b or 0)

    failed = plus(first.failed, more.failed)
    states = {first.state, more.state}
    state = (
        SuiteState.FAILED
        if SuiteState.FAILED in states
        else SuiteState.PENDING
        if SuiteState.PENDING in states and not failed
        else first.state
    )
    return replace(
        first,
        passed=plus(first.passed, more.passed),
        failed=failed,
        skipped=plus(first.skipped, more.skipped),
        state=state,
    )


def _failure_notes(blocks: Sequence[Block]) -> dict[str, int]:
    """Footnotes saying tests failed (`* test_x failed … moved to quarantine`): mark -> tests named (>= 1)."""
    notes: dict[str, int] = {}
    for block in blocks:
        text = block.text.lstrip("\\ ")
        mark = re.match(r"\*+|†|‡|[¹²³]", text) if block.kind == "paragraph" else None
        if mark and mark.group() not in notes and _FOOTNOTE_FAILED.search(text[:500]):
            notes[mark.group()] = len(re.findall(r"`[^`]+`", text.split("\n")[0][:500])) or 1
    return notes


def _footnoted(suite: Suite, header: list[str], cells: Sequence[str], notes: dict[str, int]) -> Suite:
    """`Failed | 0*` with a footnote `* test_x failed in this run and was moved to quarantine`: the run had
    a failure the table leaves out; the footnote's named tests (at least one) are counted as failed."""
    for name, cell in zip(header, cells, strict=False):
        marked = _MARKED_CELL.match(cell)
        if marked and "fail" in name and marked.group(2) in notes:
            failed = max(suite.failed or 0, (to_int(marked.group(1)) or 0) + notes[marked.group(2)])
            return replace(suite, failed=failed, state=SuiteState.RAN)
    return suite


def _header_name(cell: str) -> str:
    """A column's name (in English: `Falhou` is `failed`); a header that is only an icon (`✅`, `❌`, `⏭️`)
    names the count it holds."""
    plain = strip_marks(cell).lower()
    return FOREIGN_HEADERS.get(plain, plain) or next(
        (name for icon, name in _ICON_HEADERS if icon in cell), ""
    )


def _counted_row(header: list[str], cells: dict[str, str]) -> bool:
    """The first column names a suite and a pass/fail/total column holds a number."""
    return bool(_NAME_HEADERS.search(header[0])) and any(
        re.search(r"pass|fail|total|tests", h) and re.match(r"^\W*\d", cells.get(h, "")) for h in header[1:]
    )


_OUTCOME_COLUMN = re.compile(
    r"pass|fail|skip|status|result|error|exit code|outcome|verdict|%(?!\s*of\b)", re.I
)


def _sized_only(header: list[str], counted: Sequence[str]) -> bool:
    """`| tests.test_intent | 3 | Trend parsing, date ranges |` under `Module | Tests | Coverage`: how many
    tests each module holds, a breakdown of the run, stating no outcome of its own."""
    if any(_OUTCOME_COLUMN.search(h) for h in header):
        return False
    return bool(counted) and not any(_OUTCOME_COLUMN.search(c) or "✅" in c or "❌" in c for c in counted)


def _run_row(header: list[str], cells: dict[str, str], name: str) -> bool:
    """A run's own row, its outcome first and its passed and failed counts beside it."""
    numbers = [h for h in header[1:] if re.match(r"^\W*\d", cells.get(h, ""))]
    return bool(
        _OUTCOME_HEADER.match(header[0])
        and _OUTCOME_ROW.match(name)
        and any(re.search("pass", h, re.I) for h in numbers)
        and any(re.search("fail", h, re.I) for h in numbers)
    )


def _verified_row(header: list[str], cells: dict[str, str]) -> bool:
    """A row whose verified/checks column holds `passed/run` (a contract verification per consumer)."""
    return any(_VERIFIED_HEADER.search(h) and _CELL_RATIO.match(cells.get(h, "")) for h in header[1:])


def _with_not_run(suite: Suite, header: list[str], cells: dict[str, str]) -> Suite:
    """QA sheets count cases that did not run (`Blocked`, `Not Run`): they are skipped, and the area is
    incomplete unless something failed."""
    not_run = sum(to_int(_first_digits(cells.get(h, ""))) or 0 for h in header if _NOT_RUN_HEADER.match(h))
    if not not_run:
        return suite
    state = suite.state if suite.failed else SuiteState.PENDING
    return replace(suite, skipped=(suite.skipped or 0) + not_run, state=state)


def _first_digits(text: str) -> str:
    match = re.search(COUNT, text)
    return match.group() if match else ""


# `| Chrome | Fail | Pass | … | **Fail** |`: a matrix of checks (browsers × flows), every cell a verdict.
_VERDICT_CELL = re.compile(r"^\W*(pass(?:ed)?|fail(?:ed)?)\W*$", re.I)
_OVERALL_HEADER = re.compile(r"^\W*(overall|result|verdict|status|summary)\W*$", re.I)


def _check_matrices(blocks: Sequence[Block], rel: str, taken: set[int | None]) -> list[Suite]:
    """A table whose cells after the first column are all Pass/Fail is one suite: each cell one check, an
    `Overall` column left out (it sums up its row)."""
    tallies: dict[int, Suite] = {}
    spoiled: set[int] = set()
    for block in blocks:
        if block.kind != "row" or len(block.cells) < 3 or block.line in taken or block.table in spoiled:
            continue
        checks = [
            c
            for c, h in zip(block.cells[1:], block.header[1:], strict=False)
            if not _OVERALL_HEADER.match(strip_marks(h))
        ]
        verdicts = [_VERDICT_CELL.match(strip_marks(c)) for c in checks]
        if len(checks) < 2 or not all(verdicts):
            spoiled.add(block.table)
            tallies.pop(block.table, None)
            continue
        failed = sum(1 for v in verdicts if v and v.group(1).lower().startswith("fail"))
        first = tallies.get(block.table) or Suite(
            level_of(" ".join(block.section[-1:])) or Level.OTHER,
            Location(rel, block.line),
            name="check matrix",
            passed=0,
            failed=0,
        )
        tallies[block.table] = replace(
            first, passed=(first.passed or 0) + len(checks) - failed, failed=(first.failed or 0) + failed
        )
    return list(tallies.values())
