"""Whole-report test results with no level: runner summaries, Total/Passed/Failed boxes, plain statements."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from rte.docs.markdown import Block
from rte.docs.runners import key_pairs, runner_line, settle
from rte.docs.vocab import CONDITION, COUNT, FOREIGN_KEYS, strip_marks
from rte.docs.vocab import RUNNER_END as END
from rte.model import Level, Location, Suite, SuiteState

_BOX = re.compile(r"[│┃║|┌┐└┘├┤┬┴┼─━═╔╗╚╝╠╣]+")
_KEY_VALUE = re.compile(
    # `Tests failed: 2/4`, `Tests réussis : 18/19`
    # (and an evaluation's `Items Passed: 41/45`, `Total failures: 4`)
    r"^\W*(?:(?:tests|items|cases)\s+(?=passed|failed|skipped|réussis|échoués|aprobados|fallidos|bestanden)"
    r"|tests?\s+(?=executed)|total\s+(?=failures|failed))?"
    r"(?:(?:consistent|persistent)\s+(?=fail))?"  # a test analyser's `Consistent Failures | ❌ 1` over its runs
    r"(total(?: tests)?|tests(?: run)?|executed|passed|passing|pass|failed|failing|failures|fail|errors|skipped|pending|ignored"
    rf"|{'|'.join(sorted(FOREIGN_KEYS, key=len, reverse=True))})"
    r"(?:\s+consistently)?"
    r"(?:\s*\([\w\s/&,-]{1,40}\))?"  # `Failed (Parameter Mismatch) | 13`: why, in brackets
    # `✅ Passed:   740 tests (94.6%)`, `Errors: 🚨 4`: a unit word and the share may follow, a mark precede
    rf"\s*[:=]?\s*\W{{0,3}}?\s*({COUNT}|-)(?:\s*/\s*({COUNT})(?=\s*(?:\(|$)))?(?:\s+(?:tests?|specs?|cases?)|\s*[개个件项項건])?"
    r"(?:\s*\(\s*[\d.]+\s*%\s*\)|\s+\([^()]{1,80}\))?\W*$",  # a share or a note in brackets
    re.I,
)
_RUNNER = re.compile(
    rf"(?<![\w.-])({COUNT})\s+(?:tests?\s+|specs?\s+)?(passed|passing|failed|failing|failures|broken|skipped|deselected"
    # `(60 tests passés)`, `(53 tests en échec)`, `12 pruebas fallidas`
    r"|pass[ée]s|r[ée]ussis|en [ée]chec|[ée]chou[ée]s|pasaron|fallaron|fallidas?|passaram|falharam|bestanden"
    r"|fehlgeschlagen|fehler)\b" + END,
    re.I,
)
# `46个测试失败`, `3 件のテストが失敗`, `12개 테스트 통과`: a count, a classifier and the test noun before the outcome
# (`35 个包测试通过`: 35 packages' tests passed, counted as Go counts its packages)
_CJK_RUNNER = re.compile(
    r"(?<![\d.,])(\d+)\s*(?:个|個|件の?|项|項|개)?\s*(?:包|模块|模組|パッケージの?|패키지)?\s*(?:测试|測試|テスト|테스트)(?:用例|ケース|케이스)?\s*(?:が|이|가)?\s*"
    r"(失败|失敗|通过|通過|成功|跳过|スキップ|실패|통과|성공|건너뜀)"
)
_OF_FAILED = re.compile(r"\b(\d+)\s+of\s+(\d+)\s+(?:specs?\s+|tests?\s+)?failed\b", re.I)
_RATIO = re.compile(
    r"\b(\d+)\s*/\s*(\d+)\s+(?:tests?\s+|pruebas\s+|testes\s+)?(?:passed|passing|通过|通過|통과|合格"
    # `23/24 pruebas pasan`, `10/12 testes passaram`, `18/20 tests réussis`
    r"|pasan|pasaron|passam|passaram|r[ée]ussis|passati|superati|green|gr[üu]n)(?:\b|(?=\W))"
    r"|\b(\d+)\s+of\s+(\d+)\s+(?:tests?|specs?|cases?|stories|scenarios)\s+passed\b"
    # `Full suite passes: 68/68`
    r"|\b(?:suites?|tests?)\s+pass(?:es|ed)?\s*[:=]?\s*(\d+)\s*/\s*(\d+)\b",
    re.I,
)
# `Pass Rate: 100% (104/104 tests)`: the passed and the total in brackets after the rate.
_PASS_RATE = re.compile(
    r"(?:\bpass(?:ing)? rate|통과율|通过率|通過率|合格率)\W{0,3}\s*[\d.]+\s*%\s*\((\d+)\s*/\s*(\d+)(?:\s+\w+)?\)",
    re.I,
)
# What else a test may have been besides failed: `8/10 passed, 2 skipped`.
_OTHER_OUTCOME = re.compile(
    r"\b(skipped|pending|ignored|todo|xfail|flaky|not run|blocked|untested|n/a)\b", re.I
)
# A test counted as neither passed nor failed somewhere in the report: `1 test skipped (needs the live API)`.
_OTHER_COUNT = re.compile(
    r"\b[1-9]\d*\s+(?:tests?\s+|specs?\s+|cases?\s+)?(?:\w+ly\s+)?(?:skipped|pending|ignored|blocked|not run|xfail)"
    r"|\b(?:skipped|pending|ignored|blocked)\W{0,3}[:=]\s*\W{0,3}[1-9]",  # `4 tests properly skipped`, `Skipped: 4`
    re.I,
)
# "4 of 5 stories passed, 1 blocked": cases that never ran leave the run incomplete.
_NEVER_RAN = re.compile(r"\b(\d+)\s+(?:blocked|not run|not executed|untested)\b", re.I)
_NOT_RUN = re.compile(
    r"awaiting (?:test )?execution|ready for testing|not yet (?:been )?(?:run|executed)"
    r"|tests? (?:were|was|have|has) not (?:yet )?(?:been )?(?:run|executed|performed)"
    # `Client-side testing would require Playwright, which was not performed in this test cycle`
    r"|\btesting\b[^.]{0,100}?\b(?:which|that) (?:was|were) not (?:performed|run|executed)\b"
    r"|no tests? (?:were|was|have been) (?:run|executed)"
    # a runner that found nothing to run: `running 0 tests` (and `collected 0 items`, below)
    r"|\b(?:running|ran|executed) 0 tests\b"
    # `None of the manual cases has been run.`, `All 53 regression cases are `Not Run``: cases left to run
    r"|\bnone of the (?:\w+ )?(?:tests?|cases?|checks?|scenarios?) (?:has|have|was|were) (?:yet )?(?:been )?(?:run|executed)\b"
    r"|\b(?:tests?|cases?|scenarios?) (?:are|remain) (?:still )?`?not run\b"
    # `**Model Tests (20):** ⚠️ Skip (models not trained yet)`: a suite skipped whole
    r"|^\W*[\w /-]{1,40}\btests?\b(?:\s*\(\d+\))?\W*:\W*skip(?:ped)?\b(?!\s*\d)"
    # `Browser UI journeys were not fully executed`, `Not dynamically verified in this pass`: checks not made
    r"|\b(?:were|was) not (?:fully |actually )?executed\b|\bnot dynamically (?:executed|verified|tested)\b"
    # `214 tests did not run`, `3 tests were interrupted`, `Test run stopped prematurely`: an unfinished run
    r"|\b(?:tests?|specs?|cases?) (?:did not|didn't) (?:run|start|execute)\b"
    r"|\b(?:tests?|specs?|run) (?:were|was) interrupted\b|\b(?:run|suite|job) (?:stopped|ended|aborted) prematurely\b"
    r"|\bonly (\d+)\s*/\s*(?!\1\b)\d+ (?:tests? )?(?:executed|ran|run)\b"
    # `Runtime execution deferred — the SDK is not installed`: the tests were compiled, not run
    r"|\b(?:runtime |test )?execution (?:was |is |has been )?(?:deferred|postponed)\b"
    r"|\bstill (?:running|in progress|executing)\b|\bscheduled (?:for|on|to run)\b|\bcollected 0 items\b"
    r"|\b(?:run|job|suite|regression|testing) (?:is |are )?(?:still )?in progress\b"
    r"|\bno (?:qa )?sign-?off\b|\bnot (?:yet )?signed off\b|\bsign-?off (?:is )?(?:pending|withheld)\b"
    # `## ⏳ Not Tested`, `**Status:** Infrastructure ready, not tested`: a heading or a status, not prose
    r"|^\W*(?:status\W*:\W*)?(?:[^.:]{0,40},\s*)?not (?:yet )?tested\W*$"
    # `The TypeScript test files have … syntax errors with Jest`: suites that cannot load, so never ran
    r"|\btest (?:files?|suites?)\b[^.]{0,40}?\b(?:have|has|had|with|contain) (?:\w+ ){0,4}?(?:syntax|compil\w*) errors\b"
    # `### 4. Web Layer (API Routes) - Not Tested Yet`: an area of the suite that has not run
    r"|^\W*(?:\d+\.\s*)?[^.:]{1,60}?\s[-–—]\s+not (?:yet )?tested(?: yet)?\W*$"
    r"|^\W*(?:cannot|could not|couldn't|unable to) (?:test|run|execute)\b"  # a limitation: `- Cannot test …`
    # `While I cannot run the full test suite (missing packages), I have verified …`
    r"|\b(?:cannot|can't|could not|couldn't|unable to|was not able to) (?:run|execute) (?:the )?"
    r"(?:full |whole |entire |complete )?(?:test suite|tests|suite)\b",
    re.I,
)
_HISTORY = re.compile(
    r"\b(?:debugging|troubleshooting|journey|lessons learned|root cause|issues? (?:encountered|resolved|fixed)"
    r"|(?:resolved|fixed) issues|fixes applied|problems solved|(?:defects?|bugs?) found and fixed"
    r"|(?:previous|prior|earlier|initial) (?:failures?|runs?|results?)"
    # `### Reproduction before the fix`: the failing runs that show the bug, before the change fixed it
    r"|reproduc(?:tion|ing)(?: the (?:bug|failure|issue))?|before (?:the |this |my )?(?:fix|change|patch)(?:es)?)\b",
    re.I,
)
# `RED (before the fix):`, `Before the change:`: the lead-in of a run pasted from before the fix
# (and `RED -- npx vitest run tests/unit/a.test.ts:`, the run of a fault injected on purpose)
_BEFORE_FIX = re.compile(
    r"^\W*(?:red\b[^\n]{0,40}|red\s*(?:--|[—–])[^\n]{0,160}|(?:[^\n]{0,40}\b)?before (?:the |this |my )?(?:fix|change|patch)(?:es)?\b[^\n]{0,20})\W*:?\W*$",
    re.I,
)
# `Overall V1 status:`: the report's own status field, naming its subject
_OVERALL = r"(?:overall\s+(?:[\w.-]+\s+)?)?"
# `The first run had 5 failures …` (since fixed): a run before the one reported.
_EARLIER_RUN = re.compile(
    # (and `- Pre-fix baseline: findings.md (40 failures)`)
    r"\b(?:first|initial|earlier|previous|original) (?:test )?run\b|^\W*(?:pre-?fix\b|baseline\W*:)"
    r"|首轮|第一轮|初轮|初回",  # `首轮 9 failed，…`: the first round, before the fixes
    re.I,
)
# QA prose: "Regression: 2 open bugs, 1 blocker" — a blocker found by testing fails the run.
_BLOCKER = re.compile(
    r"\b(?:[1-9]\d*|an?|one)\s+(?:open\s+)?(?:release[- ])?(?:blockers?|blocking\s+(?:bugs?|defects?|issues?))\b",
    re.I,
)
_FAILURE = re.compile(
    r"\bended in (?:a )?failure\b"
    r"|\b(?:test|tests|scenario|step|case|run)\s+(?:has |have |was |are |is )?(?:failed|fails|failing)\b"
    # "the unit test's `expect(…)` assertion fails", `断言失败`
    r"|\bassertions?\s+(?:has |have |was |is )?(?:failed|fails|failing)\b|断言失败|アサーション失敗"
    # `Status: ❌ FAILS ACCEPTANCE TESTING`: the feature failed the test named
    r"|\bfail(?:s|ed)\s+(?:the\s+)?(?:acceptance|uat|qa|regression|smoke|end-to-end|e2e)\s+test"
    # `**Status**: ❌ **FAILED**` under a test's heading, `**Overall V1 status: FAIL**`
    rf"|^\W*{_OVERALL}(?:test\s+)?status\W*[:=]\W*fail(?:ed|s|ing)?\W*$",
    re.I,
)
_EMPTY_VALUE = re.compile(r":\s*(?:n/?a|none|nil|zero|0|-|—|–)\W*$", re.I)
# Lines that count test files or snapshots, not tests (jest `Test Suites:`, vitest `Test Files`).
_NOT_TESTS = re.compile(r"^\W*(test suites|test files|snapshots)\b", re.I)
# "all green", "unit and integration tests all passed": a stated result without numbers.
_ALL_PASSED = re.compile(
    r"\ball[- ]green\b|\b(?:is|are)\s+(?:all\s+)?green\b"
    r"|\ball\s+(?:\w+\s+){0,3}?(?:tests?|specs?|suites?|checks?)\s+(?:have\s+|were\s+)?passed\b"
    r"|\b(?:tests?|specs?|suites?)\s+(?:have\s+|were\s+)?all\s+passed\b"
    rf"|\ball\s+({COUNT})\s+(?:\w+\s+)?(?:tests?|specs?)\s+(?:now\s+)?pass(?:es|ed)?\b"
    # `152 tests, all passing`, `40 specs (all passed)`
    rf"|\b({COUNT})\s+(?:\w+\s+)?(?:tests?|specs?)\s*[,(—–-]\s*all\s+pass(?:ing|ed|es)?\b"
    # `All tests passing`, `**Test Status**: ✅ All Passing`
    r"|\ball\s+(?:\w+\s+){0,2}?(?:tests?|specs?|suites?)\s+(?:are\s+)?passing\b"
    r"|^\W*(?:test\s+)?(?:status|results?)\W*[:=]\W*all\s+pass(?:ing|ed)\W*$",
    re.I,
)
# `## Automated Tests` › `Result: Passed.`: a test section's stated result (not an audit's or a lint check's).
_RESULT_PASSED = re.compile(r"^\W*(?:result|outcome)\W*[:=]\s*\W*pass(?:ed|es)?\W*$", re.I)
_TESTS_SECTION = re.compile(r"\btests?\b|\btesting\b", re.I)
_UNSURE = re.compile(r"\b(not|once|until|unless|if|should|must|will|expect\w*|before)\b", re.I)
# A section listing the failing tests ("Known failures", "Failing tests").
_FAILURE_LIST = re.compile(r"^\W*(known\s+)?(failures|failing tests?|failed tests?|test failures)\W*$", re.I)
_RESULT_HEADER = re.compile(
    r"^\W*(results?|outcome|status|verdict|pass/fail|pass(?:ed)?\??"
    r"|状态|狀態|状態|结果|結果|상태|결과|estado|resultado|statut|r[ée]sultat|ergebnis|stato|risultato)\W*$",
    re.I,
)
_CHECKS_SECTION = re.compile(r"\b(verification|validation|checks)\b", re.I)
_CASE_HEADER = re.compile(
    r"\b(test|case|scenario|tc|spec|step|ac|criteri(?:on|a)|requirement|story|threshold)s?\b"
    r"|测试|測試|テスト|테스트|用例|ケース|케이스|\b(?:prueba|teste|caso|cas de test)s?\b",
    re.I,
)
# `Finding | Test | Result`: a table verifying security fixes, a suite only when its section says tests.
_FIX_TABLE = re.compile(r"^\W*(finding|vuln\w*|issue|fix|cve|defect|bug|sec\b)", re.I)
# `Fail`, `❌ Fail — printer timeout after 12 s`, `Blocked (no device)`, `⚠️ TIMEOUT`, `FIXTURE ERROR`: the
# result, then maybe why.
# Passed, failed and skipped in Chinese, Japanese and Korean case tables (`✅ 通过`, `🔴 失败`).
_CJK_PASS, _CJK_FAIL, _CJK_SKIP = "通过|通過|통과|合格|成功", "失败|失敗|실패|不合格", "跳过|スキップ|건너뜀"
_RESULT_CELL = re.compile(
    r"^\W*(pass(?:ed)?|(?:partial(?:ly)?\s+)?fail(?:ed)?|skip(?:ped)?|blocked|not run|pending|untested|✅|❌|✔️?|✖️?"
    r"|timeout|timed out|(?:[\w-]+\s+)?error(?:ed|s)?"
    rf"|{_CJK_PASS}|{_CJK_FAIL}|{_CJK_SKIP})"
    r"(?:\W*$|\s*[—–:(/-]\s*\S)",
    re.I,
)
_CELL_KEYS = {
    rf"pass|✅|✔|{_CJK_PASS}": "passed",
    rf"(?:partial(?:ly)?\s+)?fail|❌|✖|time|(?:[\w-]+\s+)?error|{_CJK_FAIL}": "failed",
    rf"skip|blocked|not run|pending|untested|{_CJK_SKIP}": "skipped",
}
_KEYS = {
    "total": "total",
    "total tests": "total",
    "tests": "total",
    "tests run": "total",
    "executed": "total",
    "pass": "passed",  # `| Pass | 20 |` beside `| Fail | 8 |`
    "passed": "passed",
    "passing": "passed",
    "fail": "failed",
    "failed": "failed",
    "failing": "failed",
    "failures": "failed",
    "broken": "failed",
    "error": "errors",  # beside `Failures: 0` (Maven, JUnit): a test that errored did not pass either
    "errors": "errors",
    "skipped": "skipped",
    "pending": "skipped",
    "ignored": "skipped",
    "deselected": "not_run",  # pytest `-m "not e2e"`: tests left out of this run
    **FOREIGN_KEYS,
}


def code_suite(block: Block, level: Level, rel: str) -> Suite | None:
    """A level's suite from runner output pasted in one code block, when it states counts."""
    counts: dict[str, int] = {}
    for line in block.text.split("\n"):
        if not runner_line(line, counts):
            plain = strip_marks(_BOX.sub(" ", line)).strip()
            _summary_line(plain, counts)
            _read_line(plain, counts)
    settle(counts)
    failed = counts.get("failed")
    passed = counts.get("passed")
    if passed is None and "total" in counts:
        passed = max(counts["total"] - (failed or 0) - counts.get("skipped", 0), 0)
    if passed is None and failed is None:
        return None
    where = Location(rel, block.line)
    state = SuiteState.PENDING if counts.get("not_run") and not failed else SuiteState.RAN
    skipped = counts.get("skipped")
    return Suite(
        level, where, name=level.value, passed=passed, failed=failed or 0, skipped=skipped, state=state
    )


# `| Metric | Pre-Fix | Post-Fix | Change |`: a table comparing two runs, the later one in its own column
# (and `Önceki | Yeni`, `Antes | Después`, `Vorher | Nachher`, `Avant | Après`, `修复前 | 修复后`)
_BEFORE_HEADER = re.compile(
    r"^\W*(?:before|pre-?fix|previous|baseline|old|initial|original|önceki|antes|vorher|avant|prima|修复前)(?!\w)",
    re.I,
)
_AFTER_HEADER = re.compile(
    r"^\W*(?:after|post-?fix|current|now|new|final|latest|yeni|sonra(?:sı)?|después|depois|nachher|après|dopo"
    r"|修复后)(?!\w)",
    re.I,
)


def _after_column(header: Sequence[str]) -> int:
    """The column of a two-column comparison holding the later run, else the first value column."""
    if not any(_BEFORE_HEADER.match(strip_marks(h)) for h in header[1:]):
        return 1
    return next((i for i, h in enumerate(header) if i and _AFTER_HEADER.match(strip_marks(h))), 1)


def overall_suites(
    blocks: Sequence[Block], rel: str, *, counted: bool, taken: frozenset[int] = frozenset()
) -> list[Suite]:
    """One `other` suite for the report's own totals (when no level has counts, or when they show a
    failure), plus statements that testing has not run yet or that a test failed."""
    groups: list[tuple[int, dict[str, int]]] = []
    statements: list[Suite] = []
    passing: list[Suite] = []  # "all green": used only when nothing else states a result
    others = any(_OTHER_COUNT.search(b.text) for b in blocks)
    # the tallies of tables, and of runs of list items (keyed by minus their first line)
    tables: dict[int, tuple[int, dict[str, int]]] = {}
    run: int | None = None
    for index, block in enumerate(blocks):
        if block.line in taken:
            continue
        counts: dict[str, int] = {}
        first: int | None = None
        # `## Debugging Journey` › `Symptom: Test failed with …`: a failure met and fixed on the way
        history = any(_HISTORY.search(title) for title in block.section[1:])
        if block.kind == "code" and index and _BEFORE_FIX.match(strip_marks(blocks[index - 1].text)):
            continue  # `RED (before the fix):` over a pasted run: the failing test written first, as TDD asks
        value = _after_column(block.header) if block.kind == "row" else 1
        lines = (
            [f"{block.cells[0]} {block.cells[value]}"]
            if block.kind == "row" and len(block.cells) > value
            else []
        )
        # `| Full suite | `pytest tests/` | 88 passed, 1 failed (known) | PASS |`: a runner's tally in a cell
        # (and `vitest 40/42 通过；2 失败` beside a level's name)
        lines += (
            [c for c in block.cells[2:] if len(_RUNNER.findall(c)) >= 2 or _RATIO.search(c)] if lines else []
        )
        for offset, line in enumerate(lines or block.text.split("\n")):
            plain = strip_marks(_BOX.sub(" ", line)).strip()
            where = Location(rel, block.line + (offset if block.kind != "row" else 0))
            if block.kind == "code" and runner_line(line, counts):
                first = first if first is not None else where.line
                continue
            if history or _EARLIER_RUN.search(plain):
                continue
            if block.kind == "code":
                _summary_line(plain, counts)
            elif pairs := key_pairs(line):  # `Passed 45 | Failed 2 | Untested 3` in a paragraph
                for key, value in pairs.items():
                    counts.setdefault(key, value)
            _read_line(plain, counts)
            first = first if first is not None or not counts else where.line
            if _NOT_RUN.search(plain) and not CONDITION.match(
                plain
            ):  # (not `If the tests have not been run, …`)
                statements.append(Suite(Level.OTHER, where, name=plain[:120], state=SuiteState.PENDING))
            elif (
                _FAILURE.search(plain)
                and not history
                and not re.search(r"\b(no|0|zero|none of the|if|when|unless)\s+\w*\s*fail", plain, re.I)
                and not _EMPTY_VALUE.search(plain)  # `Tests Failed: N/A`
            ) or (
                ("block" in plain.lower() and _BLOCKER.search(plain) and not _UNSURE.search(plain))
                or _short_rate(plain)
            ):
                statements.append(Suite(Level.OTHER, where, name=plain[:120], state=SuiteState.FAILED))
            elif (
                (stated := _ALL_PASSED.search(plain))
                or (_RESULT_PASSED.match(plain) and _TESTS_SECTION.search(block.section[-1]))
            ) and not _UNSURE.search(plain):
                count = next((g for g in stated.groups() if g), None) if stated else None
                number = int(count.replace(",", "")) if count else None
                passing.append(
                    Suite(Level.OTHER, where, name=plain[:120], passed=number, failed=number and 0)
                )
        if block.kind == "item" and counts:
            # `- **Total:** 20`, `- **Passed:** 18`, `- **Failed:** 2`: a list's items, each a different count,
            # make one tally
            if run is None or set(counts) & set(tables[run][1]) or "short" in {*counts, *tables[run][1]}:
                run = -block.line
            start, tally = tables.setdefault(run, (first or block.line, {}))
            tally.update(counts)
            continue
        if block.kind != "item":
            run = None
        if block.kind == "row" and counts:
            # `| Total Tests | 161 |`, `| Failures | ❌ 1 |`: the rows of one table make one tally
            start, tally = tables.setdefault(block.table, (first or block.line, {}))
            for key, value in counts.items():
                tally.setdefault(key, value)
            continue
        _settle(counts, others, groups, first or block.line, passing, rel)
    for start, tally in tables.values():
        _settle(tally, others, groups, start, passing, rel)
    groups += _result_tables(blocks) + _failure_lists(blocks) + _marked_tests(blocks)
    if not groups:
        if not counted and not statements:
            # `- **Total Tests**: 77` beside `- **Status**: All Passing`: all of the stated total passed
            total = next((t["total"] for _, t in tables.values() if set(t) == {"total"}), None)
            return [
                replace(p, passed=total, failed=0) if p.passed is None and total else p for p in passing[:1]
            ]
        return statements if not counted else [s for s in statements if _kept(s)]
    # `Failed: 0` of 11 in the summary, `10/11 passed completely` in the closing remark: the failure read into a
    # ratio gives way to a tally of the same tests that states none
    cleared = {_total(g) for _, g in groups if g.get("failed") == 0 and "inferred" not in g}
    failing = [
        g for g in groups if g[1].get("failed") and not ("inferred" in g[1] and _total(g[1]) in cleared)
    ]
    start, counts = max(failing or groups, key=lambda g: _total(g[1]))
    if counted and not failing:
        return [s for s in statements if _kept(s)]
    passed = counts.get("passed")
    failed = counts.get("failed", 0)
    skipped = counts.get("skipped")
    if passed is None and "total" in counts:
        passed = max(counts["total"] - failed - (skipped or 0), 0)
    if passed is None and not failing:
        passed = max((g[1].get("passed") or 0 for g in groups), default=0) or None
    state = SuiteState.PENDING if counts.get("not_run") and not failed else SuiteState.RAN
    overall = Suite(
        Level.OTHER,
        Location(rel, start),
        name="all tests",
        passed=passed,
        failed=failed,
        skipped=skipped,
        state=state,
    )
    return [overall] + [s for s in statements if _kept(s)]


# `**Status**: Some tests failing after the API change`: a suite's own status field, standing beside the counts.
_STATUS_FIELD = re.compile(rf"^\W*{_OVERALL}status\W*[:=]", re.I)


def _kept(statement: Suite) -> bool:
    """A statement kept beside counted results: that testing has not run, a status field saying tests fail, or
    a success rate short of 100%."""
    return (
        statement.state is SuiteState.PENDING
        or bool(_STATUS_FIELD.match(statement.name))
        or _short_rate(statement.name)
    )


# `**Overall Success Rate**: 96.5% across all test categories`: a share of the tests, with no counts, short of all
# (not a load test's `Success Rate: 99.8%` of its requests)
_SUCCESS_RATE = re.compile(
    r"^\W*(?:overall\s+(?:test\s+)?|test\s+)(?:success|pass(?:ing)?)\s+rate\W*[:=]?\s*\**\s*(\d{1,2}(?:\.\d+)?)\s*%(?!\s*\()",
    re.I,
)


# `Общий процент успешных тестов равен 47.05%` (the share of tests that passed, said mid-paragraph)
# (and `P0 优先级模块测试通过率: 75%`, `テスト合格率: 90%`, `테스트 통과율: 80%`)
_FOREIGN_RATE = re.compile(
    r"процент\s+(?:успешных|пройденных)\s+(?:авто)?тестов\s*(?:равен|составляет|[:—–-])?\s*(\d{1,2}(?:[.,]\d+)?)\s*%"
    r"|(?:测试|測試|テスト|테스트\s?)(?:通过率|通過率|合格率|통과율)\W{0,3}[:：]?\s*\**\s*(\d{1,2}(?:\.\d+)?)\s*%(?!\s*[(（])",
    re.I,
)


def _short_rate(line: str) -> bool:
    return bool(_SUCCESS_RATE.match(line) or _FOREIGN_RATE.search(line))


def _settle(
    counts: dict[str, int],
    others: bool,
    groups: list[tuple[int, dict[str, int]]],
    start: int,
    passing: list[Suite],
    rel: str,
) -> None:
    """Close one block's (or one table's) tally and keep it when it states a result."""
    if "short" in counts and "failed" not in counts and not others:
        counts["failed"] = counts["short"]  # no line says the missing ones were skipped or pending
        counts["inferred"] = 1
    if "passed_short" in counts and "failed" not in counts and "skipped" not in counts:
        counts["failed"] = counts["passed_short"]  # and no `Tests failed:` line beside it says otherwise
        counts["inferred"] = 1
    settle(counts)
    if counts.get("passed") is not None or counts.get("failed") is not None:
        groups.append((start, counts))
    elif ok := counts.get("packages_ok"):
        # `ok  github.com/…/filter  0.025s` for every package: the run passed, its tests uncounted
        passing.append(Suite(Level.OTHER, Location(rel, start), name=f"{ok} go package(s) ok"))


def _summary_line(plain: str, counts: dict[str, int]) -> None:
    """Runners that print a tally per suite and then the run's (`14 tests, 14 passed, 0 failed` … `29 tests,
    28 passed, 1 failed`): a line stating both passed and failed replaces a smaller such line before it."""
    line: dict[str, int] = {}
    _read_line(plain, line)
    if "passed" in line and "failed" in line:
        size = line["passed"] + line["failed"]
        if size > counts.get("summary_size", -1):
            counts.update(line, summary_size=size)


_VALUES_GLOSS = re.compile(r"\s*\([^()]*/[^()]*\)\s*$")
_NO_TESTS = re.compile(r"^\W*0\s+(?:tests?|specs?|cases?)\W*$", re.I)


def _result_tables(blocks: Sequence[Block]) -> list[tuple[int, dict[str, int]]]:
    """Tables of test cases with a Result column (`TC-05 | … | Fail`): one tally per table."""
    tallies: dict[int, tuple[int, dict[str, int]]] = {}
    for block in blocks:
        if block.kind != "row":
            continue
        header = [strip_marks(h).lower() for h in block.header]
        # (`Status (Pass/Fail/Block/Not Run)`: the values the column takes, in brackets after its name)
        column = next(
            (i for i, h in enumerate(header) if _RESULT_HEADER.search(_VALUES_GLOSS.sub("", h))), None
        )
        if column is None or column >= len(block.cells):
            continue
        # `## 2.1 Contract Code Verification` › `| # | Contract | owner() | Pass |`: checks, each a case
        if not any(_CASE_HEADER.search(h) for h in header) and not _CHECKS_SECTION.search(
            " ".join(block.section[-1:])
        ):
            continue
        if _FIX_TABLE.match(header[0]) and not re.search(r"\btests?\b", " ".join(block.section[-1:]), re.I):
            continue
        word = _RESULT_CELL.match(strip_marks(block.cells[column]) or block.cells[column].strip())
        if not word:
            continue
        key = _CELL_KEYS[next(k for k in _CELL_KEYS if re.match(k, word.group(1), re.I))]
        _, tally = tallies.setdefault(block.table, (block.line, {"passed": 0, "failed": 0, "skipped": 0}))
        tally[key] += 1
        if re.match(r"blocked|not run|pending|untested", word.group(1), re.I) or (
            key == "skipped" and any(_NO_TESTS.match(strip_marks(cell)) for cell in block.cells[1:])
        ):
            # a case not run leaves the run open, and so does `| Editor.test.js | 0 tests | ⚠️ SKIP |`, a
            # suite skipped whole
            tally["not_run"] = tally.get("not_run", 0) + 1
    return list(tallies.values())


def _failure_lists(blocks: Sequence[Block]) -> list[tuple[int, dict[str, int]]]:
    """A "Known failures" / "Failing tests" section: each top-level list item is a failed test."""
    found = []
    for index, block in enumerate(blocks):
        if block.kind != "heading" or not _FAILURE_LIST.match(strip_marks(block.text)):
            continue
        items = []
        for inner in blocks[index + 1 :]:
            if inner.kind == "heading":
                break
            if inner.kind == "item":
                items.append(inner)
        top = min((i.level for i in items), default=0)
        count = sum(1 for i in items if i.level == top and not re.match(r"^\W*(none|n/a)\b", i.text, re.I))
        if count:
            found.append((block.line, {"failed": count}))
    return found


# `- ✅ test_sign_in - ok`, `- ❌ test_refund - 500`: one named test and how it came out
_MARKED_TEST = re.compile(
    # (a test file behind a ✅, `✅ orders.spec.ts - 4 tests`, may only be written, not run)
    r"^\W{0,3}?(✅|✔️?|✓|☑️?|❌|✖️?|✗)\s*`?(?:test_\w+|Test[A-Z]\w*|\w+Test\.\w+)"
)


# `## ✅ 测试 1: Python analysis writes the JSON`, `### ❌ Test 3 – Export`: a numbered test's heading behind its mark.
_MARKED_TEST_HEADING = re.compile(
    r"^\W{0,3}?(✅|✔️?|✓|☑️?|❌|✖️?|✗)\s*(?:test(?:\s+case)?|tc|测试|測試|テスト|테스트|teste|prueba|essai)\s*#?\d{1,3}\s*[:：.)—–-]",
    re.I,
)


# `🔴 examples > my failing test - library/har.spec.ts [chromium]`: one test, its file and a state colour
_MARKED_SPEC = re.compile(
    r"^\W{0,3}?(✅|🟢|❌|🔴)\s*[^\n]{1,200}?\s[\w./-]+\.(?:spec|test)\.[cm]?[jt]sx?\b[^\n]*$"
)


def _marked_tests(blocks: Sequence[Block]) -> list[tuple[int, dict[str, int]]]:
    """List items naming one test each behind a ✅ or ❌ (or numbered test headings so marked): together, one
    tally of the run."""
    counts = {"passed": 0, "failed": 0}
    first: int | None = None
    for block in blocks:
        if block.kind not in ("item", "heading", "paragraph") or any(
            _HISTORY.search(title) for title in block.section[1:]
        ):
            continue
        pattern = _MARKED_TEST if block.kind == "item" else _MARKED_TEST_HEADING
        # (and a report's `<summary>🔴 suite > my test - har.spec.ts</summary>`, a line or a bold heading)
        marked = (pattern.match(block.text) if block.kind != "paragraph" else None) or _MARKED_SPEC.match(
            block.text
        )
        if marked is None or "~~" in block.text:
            continue
        counts["passed" if marked.group(1)[0] in "✅✔✓☑🟢" else "failed"] += 1
        first = block.line if first is None else first
    return [(first, counts)] if first is not None and counts["passed"] + counts["failed"] >= 3 else []


def _total(counts: dict[str, int]) -> int:
    return counts.get("total") or counts.get("passed", 0) + counts.get("failed", 0)


_K6_CHECKS = re.compile(r"^\W*checks_(succeeded|failed)\.{2,}:\s*[\d.]+%\s+(\d[\d,]*)\s+out of\s+\d", re.I)


def _read_line(plain: str, counts: dict[str, int]) -> None:
    if _NOT_TESTS.match(plain):
        return
    if k6 := _K6_CHECKS.match(plain):  # k6's `checks_failed......: 0.00%  1 out of 959937`
        counts.setdefault(
            "passed" if k6.group(1).lower() == "succeeded" else "failed", int(k6.group(2).replace(",", ""))
        )
        return
    pair = _KEY_VALUE.match(plain)
    if pair:
        key = _KEYS.get(pair.group(1).lower())
        value = 0 if pair.group(2) == "-" else int(pair.group(2).replace(",", ""))
        if key:
            counts.setdefault(key, value)
            if key == "total" and re.match(r"^\W*total", plain, re.I):
                counts.setdefault("stated_total", value)
            out_of = int(pair.group(3).replace(",", "")) if pair.group(3) else 0
            if key == "passed" and out_of > value and not _OTHER_OUTCOME.search(plain):
                counts.setdefault("passed_short", out_of - value)  # `Tests passed: 18/19`: one did not pass
        return
    of_failed = _OF_FAILED.search(plain)
    if of_failed:
        counts.setdefault("failed", int(of_failed.group(1)))
    ratio = _RATIO.search(plain) or _PASS_RATE.search(plain)
    if ratio:
        passed = int(next(g for g in ratio.groups()[0::2] if g))
        total = int(next(g for g in ratio.groups()[1::2] if g))
        counts.setdefault("passed", passed)
        counts.setdefault("total", total)
        never = _NEVER_RAN.search(plain[ratio.end() :])
        if never and passed + int(never.group(1)) <= total:
            counts.setdefault("skipped", int(never.group(1)))
            counts.setdefault("not_run", int(never.group(1)))
            counts.setdefault("failed", total - passed - int(never.group(1)))
        elif passed < total and not _OTHER_OUTCOME.search(plain):
            counts.setdefault("short", total - passed)  # `195/197 tests passing`: two did not pass
    for number, word in _RUNNER.findall(plain) + _CJK_RUNNER.findall(plain):
        key = _KEYS.get(word.lower())
        if key:
            counts.setdefault(key, int(number.replace(",", "")))
