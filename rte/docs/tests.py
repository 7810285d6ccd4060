"""The test report: one Suite per test level (unit, integration, E2E…) with counts, coverage and state."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from rte.docs.frontmatter import FrontMatter
from rte.docs.markdown import Block
from rte.docs.overall import code_suite, overall_suites
from rte.docs.prose import (
    area_items,
    case_results,
    named_runs,
    result_lines,
    scorecard_items,
    sentence_suites,
)
from rte.docs.suitefields import NOT_RUN, from_fields, to_float, to_int
from rte.docs.testtables import table_suites
from rte.docs.vocab import COUNT, level_of, name_level_of, strip_marks
from rte.model import Level, Location, Problem, Suite, SuiteState

_FIELD = re.compile(
    r"^\W*(passed|passing|failed|failing|failures|errors|skipped|ignored|total|tests run|tests|coverage|status|result)"
    r"\W*[:=]\s*(.+)$",
    re.I,
)
_FIELD_PARTS = re.compile(
    r"[,;]\s*(?=(?:passed|failed|failures|errors|skipped|ignored|total)\s*[:=]\s*\d)", re.I
)
_OPENS_NOT_RUN = re.compile(
    r"^\W*(blocked|not (yet )?(run|executed)|skipped|pending|deferred|postponed|n/a)\b", re.I
)
# A load test's threshold that did not hold: k6 `✗ http_req_duration....: …`, "thresholds … crossed".
_THRESHOLD_FAILED = re.compile(
    r"^\s*(?:✗|✘)\s+[\w{}:.\[\]-]+\.{3,}|\bthresholds?\b.{0,80}\b(?:crossed|breached|exceeded)\b", re.I
)
_RUN_HEADING = re.compile(
    r"^\W*(?:test\s+|qa\s+)?(?:run|attempt|iteration|cycle|round)\s*#?\s*\d+\b"
    # (`### First full run — 7 failures`, `## Initial Test Result`, `## Final Php Artisan Test Result`)
    r"|^\W*(?:first|second|third|initial|final|latest)\s+(?:[\w-]+\s+){0,3}?(?:run|results?)\b|\bre-?run\b|\bre-?test\b"
    # `### Before Test Fixes` / `### After Test Fixes`: two runs, the one after the fixes of record
    r"|^\W*(?:before|after)\s+(?:the\s+)?(?:\w+\s+)?fix(?:es)?\b"
    r"|^\W*(?:pre|post)-?fix\b",  # `## Pre-Fix Baseline`, `## Post-Fix Results`
    re.I,
)
# `## Expected Test Results`, `### When Executed Successfully:`: what a run should print, not a run.
_HYPOTHETICAL = re.compile(
    r"^\W*(?:expected|sample|example)\s+(?:test\s+)?(?:results?|output)\b|\bwhen executed successfully\b"
    # `## Part 4: Acceptance Gap Analysis` › `### What's Missing`: work still to do, not a run
    r"|\bgap analysis\b|\bwhat['’]?s missing\b"
    # `## 🚀 How to run the E2E tests` › sample output: instructions, not a run
    r"|^\W*(?:how to run|c[oó]mo ejecutar|como executar|comment (?:ex[ée]cuter|lancer)|so f[üu]hren sie)\b",
    re.I,
)
# `🎯 **Goal**: 363/363 tests passing`, `- Target: 80% coverage`: what the team aims for, not a result.
_GOAL_LINE = re.compile(r"^\W*(?:goals?|targets?|objectives?)\W*:", re.I)
_RECORD_RUN = re.compile(
    r"\bfinal\b|\bof record\b|\blatest\b|\bafter (?:the )?(?:\w+ )?fix|\bpost-?fix\b", re.I
)


def read_tests(blocks: Sequence[Block], rel: str, fm: FrontMatter) -> tuple[tuple[Suite, ...], list[Problem]]:
    problems: list[Problem] = []
    if "suites" in fm.values:
        return _front_matter_suites(fm, rel, problems), problems
    if is_plan(blocks, rel):
        return (), problems
    blocks = [
        _without_goals(b)
        for b in latest_run(bold_headings(blocks))
        if not any(map(_HYPOTHETICAL.search, b.section[1:]))
    ]
    code = _code_suites(blocks, rel)
    by_strategy = [table_suites(blocks, rel), code, _section_suites(blocks, rel), _line_suites(blocks, rel)]
    by_strategy += [sentence_suites(blocks, rel), result_lines(blocks, rel), named_runs(blocks, rel)]
    by_strategy.append(_full_run_planned(blocks, rel) + _skipped_groups(blocks, rel))
    counted = any(s.total is not None for suites in by_strategy for s in suites)
    taken = {s.location.line for suites in by_strategy for s in suites if s.location}
    # Report-wide totals, unless the line they come from is already a level's own result.
    by_strategy.append(
        [
            s
            for s in overall_suites(
                blocks,
                rel,
                counted=counted,
                taken=frozenset(s.location.line for s in code if s.location and s.location.line),
            )
            if not s.location or s.location.line not in taken
        ]
    )
    by_strategy.append(_skipped_sections(blocks, rel))  # after the totals, which count these tests as skipped
    chosen: dict[Level, list[Suite]] = {}
    lines = {
        b.line + i: line
        for b in blocks
        if b.kind in ("paragraph", "item")
        for i, line in enumerate(b.text.split("\n"))
    }
    for suites in by_strategy:
        for level in dict.fromkeys(s.level for s in suites):
            group = [s for s in suites if s.level == level]
            # `| Unit | ✅ Complete |` in an overview, `### Unit Tests (212/212)` below: the counts win.
            if level not in chosen or (_uncounted_pass(chosen[level]) and any(s.total for s in group)):
                chosen[level] = group
            elif (
                level is not Level.OTHER
                and not any(s.failed for s in chosen[level])
                and all(s.state is SuiteState.RAN for s in chosen[level])
                and (not_run := [s for s in group if _said_not_run(s, lines)])
            ):
                # `| Integration Tests | 5 suites | ✅ 5 |` in a summary, `**Integration Tests**: Not run (Docker
                # not available)` below: the level is said not to have run, which leaves the report incomplete
                chosen[level] = chosen[level] + not_run
            elif level is Level.OTHER and not any(s.failed for s in chosen[level]):
                # `Regression: PASS` lines hide neither a failure in the report-wide totals nor a suite not yet run
                chosen[level] = chosen[level] + [
                    s for s in group if s.failed or s.state is SuiteState.PENDING
                ]
    _areas(chosen, area_items(blocks, rel))
    _stated_pass(chosen, blocks)
    cases = case_results(blocks, rel)  # a failed or unfinished case among `### Scenario N` headings
    ordered = sorted(
        [*(s for group in chosen.values() for s in group), *cases],
        key=lambda s: s.location.line if s.location and s.location.line else 0,
    )
    return tuple(ordered), problems


_NOT_RUN_SAID = re.compile(r"\bnot (?:yet )?(?:been )?(?:run|executed)\b|\bdid not run\b|\bnever ran\b", re.I)


def _said_not_run(suite: Suite, lines: dict[int, str]) -> bool:
    """A pending suite whose line says outright that the level did not run (`E2E Tests: Not run`)."""
    line = suite.location.line if suite.location else None
    return suite.state is SuiteState.PENDING and bool(_NOT_RUN_SAID.search(lines.get(line or 0, "")))


def _areas(chosen: dict[Level, list[Suite]], areas: list[Suite]) -> None:
    """A report naming no level lists its areas (`- ui.checkout — 40 passed`): they are its suites, unless
    the report-wide totals show more failures than the areas do."""
    if not areas or set(chosen) - {Level.OTHER}:
        return
    others = chosen.get(Level.OTHER, [])
    if sum(s.failed or 0 for s in others) > sum(s.failed or 0 for s in areas):
        return
    chosen[Level.OTHER] = areas + [s for s in others if s.state is SuiteState.PENDING and s.total is None]


# `**Full suite passes: 68/68**`, `all 68 tests pass`: the whole report's result in one statement.
_FULL_PASS = re.compile(
    r"\b(?:full|whole|entire)\s+(?:test\s+)?suite\s+pass(?:es|ed)?\b[^.\n]{0,20}?\b(\d+)\s*/\s*\1\b"
    r"|\ball\s+(\d+)\s+tests?\s+pass(?:es|ed)?\b",
    re.I,
)


def _stated_pass(chosen: dict[Level, list[Suite]], blocks: Sequence[Block]) -> None:
    """Suites a table lists without a result (`| src/a.rs (unit) | 31 | … |`) passed when the report states
    that the whole suite passed (`Full suite passes: 68/68`) and no suite failed or is unfinished."""
    suites = [s for group in chosen.values() for s in group]
    waiting = [s for s in suites if s.state is SuiteState.NO_RESULT]
    if not waiting or any(s.outcome != "pass" for s in suites if s.state is not SuiteState.NO_RESULT):
        return
    if not any(b.kind in ("paragraph", "item") and _FULL_PASS.search(strip_marks(b.text)) for b in blocks):
        return
    for level, group in chosen.items():
        chosen[level] = [
            replace(s, state=SuiteState.RAN) if s.state is SuiteState.NO_RESULT else s for s in group
        ]


def _uncounted_pass(group: list[Suite]) -> bool:
    return all(s.total is None and s.state is SuiteState.RAN for s in group)


def _code_suites(blocks: Sequence[Block], rel: str) -> list[Suite]:
    """Runner output in a code block right after a line naming its level: `Unit:` / `Cypress (e2e):`."""
    suites = []
    for index, block in enumerate(blocks):
        lead = blocks[index - 1] if index else None
        if block.kind != "code" or lead is None or lead.kind != "paragraph":
            continue
        last = strip_marks(lead.text.split("\n")[-1])
        # `Unit tests run headless with GUT: `godot -s gut_cmdln.gd``: a colon, maybe then the command
        ends = lead.text.rstrip().endswith(":") or re.search(r":\s*`[^`]+`\W*$", lead.text.rstrip())
        if not ends or len(last) > 120 or not _names_level_first(last):
            continue
        level = level_of(last)
        suite = code_suite(block, level, rel) if level else None
        if suite:
            suites.append(suite)
    return suites


def _without_goals(block: Block) -> Block:
    """The block with its goal lines blanked (kept as empty lines, so the lines below keep their numbers)."""
    if block.kind not in ("paragraph", "item"):
        return block
    lines = [("" if _GOAL_LINE.match(strip_marks(line)) else line) for line in block.text.split("\n")]
    return replace(block, text="\n".join(lines)) if any(not line for line in lines) else block


def bold_headings(blocks: Sequence[Block]) -> Sequence[Block]:
    """A document with no headings (a Confluence or Word export) heads its sections with bold lines:
    `**2.1 Unit tests**` is read as a heading, one level deeper per number (`2.1` -> level 3)."""
    if any(b.kind == "heading" for b in blocks):
        return blocks
    result = []
    for block in blocks:
        if block.kind == "paragraph" and block.strong and "\n" not in block.text and len(block.text) <= 80:
            number = re.match(r"^\s*(\d+(?:\.\d+)*)\.?\s", block.text)
            level = number.group(1).count(".") + 2 if number else 2
            block = Block("heading", block.text, block.line, level=level, section=block.section)
        result.append(block)
    return result


def latest_run(blocks: Sequence[Block]) -> Sequence[Block]:
    """A report of several runs (`### Run 1 — build a81c3e0`, `### Run 2 (final)`) states its result in the run
    it names final / of record / after fixes, else in the last one: the earlier runs' sections are dropped."""
    runs = [i for i, b in enumerate(blocks) if b.kind == "heading" and _RUN_HEADING.search(b.text)]
    top = min((blocks[i].level for i in runs), default=0)
    runs = [i for i in runs if blocks[i].level == top]  # not `### New issues found in retest` inside one
    if len(runs) == 1:
        runs = _first_round(blocks, runs[0]) + runs
    if len(runs) < 2:
        return blocks
    named = [i for i in runs if _RECORD_RUN.search(blocks[i].text)]
    kept = named[-1] if named else runs[-1]
    dropped: set[int] = set()
    for start in runs:
        if start == kept:
            continue
        dropped.add(start)
        for index in range(start + 1, len(blocks)):
            if blocks[index].kind == "heading" and blocks[index].level <= blocks[start].level:
                break
            dropped.add(index)
    return [b for i, b in enumerate(blocks) if i not in dropped]


# `## 1. Test Execution Results`: the section of a report's first round, before a `## Retest Round 1`.
_RESULTS_HEADING = re.compile(
    r"\btest(?:ing)?\s+(?:execution|results?)\b|^\W*(?:\d+\.\s*)?results?\W*$", re.I
)
_COUNTED_LINE = re.compile(rf"\b{COUNT}\s+(?:tests?|passed|passing|failures?|failed)\b", re.I)


def _first_round(blocks: Sequence[Block], retest: int) -> list[int]:
    """The results sections of the first round, when one later section re-runs the tests and counts them."""
    level = blocks[retest].level
    counted = False
    for block in blocks[retest + 1 :]:
        if block.kind == "heading" and block.level <= level:
            break
        counted = counted or bool(_COUNTED_LINE.search(block.text))
    if not counted:
        return []
    return [
        i
        for i, b in enumerate(blocks[:retest])
        if b.kind == "heading" and b.level == level and _RESULTS_HEADING.search(b.text)
    ]


def is_plan(blocks: Sequence[Block], rel: str) -> bool:
    """A test plan (`06-test-plan.md`, "# Test Plan") says what will be tested: it holds no results."""
    title = next((b.text for b in blocks if b.kind == "heading"), "")
    name = rel.rsplit("/", 1)[-1]
    if re.search(r"result|report", name, re.I):
        return False
    return bool(re.search(r"plan", name, re.I) or re.search(r"\btest(ing)? plan\b", title, re.I))


def _front_matter_suites(fm: FrontMatter, rel: str, problems: list[Problem]) -> tuple[Suite, ...]:
    items = fm.values["suites"]
    lines = fm.item_lines.get("suites", ())
    if not isinstance(items, list):
        problems.append(Problem("`suites` must be a list", Location(rel, fm.lines.get("suites"))))
        return ()
    suites = []
    for index, item in enumerate(items):
        where = Location(rel, lines[index] if index < len(lines) else fm.lines.get("suites"))
        if not isinstance(item, dict) or "level" not in item:
            problems.append(Problem("each suite needs a `level` (unit, integration, e2e…)", where))
            continue
        try:
            level = Level.parse(str(item["level"]))
        except ValueError as exc:
            problems.append(Problem(str(exc), where))
            continue
        state = SuiteState.PENDING if NOT_RUN.search(str(item.get("status", ""))) else SuiteState.RAN
        suites.append(
            Suite(
                level,
                where,
                name=str(item.get("name", level.value)),
                passed=to_int(item.get("passed")),
                failed=to_int(item.get("failed")),
                skipped=to_int(item.get("skipped")),
                coverage_percent=to_float(item.get("coverage")),
                state=state,
            )
        )
    return tuple(suites)


def _section_suites(blocks: Sequence[Block], rel: str) -> list[Suite]:
    """A heading naming a level ("## Unit tests") with `Passed: 12` lines or a runner summary under it."""
    suites = []
    for index, block in enumerate(blocks):
        if block.kind != "heading":
            continue
        level = name_level_of(block.text)
        # `### doc_tests` › `- Passed: 10, Failed: 0`: a group of tests the runner names, of no level
        group = level is None and block.level > 1 and bool(_NAMED_GROUP.match(strip_marks(block.text)))
        level = Level.OTHER if group else level
        if level is None or (block.level == 1 and _names_other_level(blocks, index, level)):
            continue  # `# Phase 6: Integration Testing` over `✅ Unit Tests: 7/7 passing`: a title, not a section
        fields: dict[str, str] = {}
        texts = [block.text]
        opening = ""  # the section's first line: "Blocked: the stub is not deployed" is its result
        for inner in blocks[index + 1 :]:
            opening = opening or (inner.text.split("\n")[0] if inner.kind == "paragraph" else "")
            if inner.kind == "heading" and inner.level <= block.level:
                break
            if inner.kind == "heading" and level_of(inner.text) not in (None, level):
                break
            rows = (
                [f"{inner.cells[0]}: {inner.cells[1]}"]
                if inner.kind == "row" and len(inner.cells) == 2
                else []
            )
            for line in rows or inner.text.split("\n"):  # `| Total Tests | 0 |` is a field too
                if _THRESHOLD_FAILED.search(line):
                    fields.setdefault("status", "failed: a threshold was crossed")
                # `Passed: 424, Failed: 0, Ignored: 0`: several fields on one line
                parts = [m for part in _FIELD_PARTS.split(strip_marks(line)) if (m := _FIELD.match(part))]
                for match in parts:
                    key = match.group(1).lower()
                    fields.setdefault("skipped" if key == "ignored" else key, match.group(2))
                if not parts and inner.kind in ("paragraph", "item", "code"):
                    texts.append(line)
        if "passed" not in fields and "failed" not in fields and (tally := _item_ratios(texts[1:])):
            fields.update(passed=str(tally[0]), failed=str(tally[1]))
        if group and not ("passed" in fields and "failed" in fields):
            continue  # (only its counts make such a heading a group of tests)
        if _OPENS_NOT_RUN.match(strip_marks(opening)):
            fields.setdefault("status", opening)
        if NOT_RUN.search(block.text):  # `### E2E Tests ⏳ Pending`: the heading states the result
            fields.setdefault("status", block.text)
        suite = from_fields(
            level,
            Location(rel, block.line),
            strip_marks(block.text),
            fields,
            "\n".join(texts),
            judge_words=False,
        )
        if suite and suite.state is SuiteState.PENDING and _in_plan(block.section):
            continue  # `## Next steps` › `### K6 stress test (TODO)`: work planned, not a run left unfinished
        if suite and (suite.total is not None or suite.state is not SuiteState.NO_RESULT):
            suites.append(suite)
    return suites


_NAMED_GROUP = re.compile(
    r"^\W*(?!(?:all|total|the|our|failed|failing|passed|passing|skipped|flaky|new|other)\b)"
    r"[^\W\d_][\w-]*(?:[ _][^\W\d_][\w-]*)?[ _]tests?\W*$",
    re.I,
)


# `- Storage: 73/73 ✅`, `- Consensus: 9/10 ✅ (one setup problem)`: one area of the level's run per line
_ITEM_RATIO = re.compile(rf"^\W*[^\W\d][^:]{{0,60}}:\s*({COUNT})\s*/\s*({COUNT})(?![\d/.,%])")


def _item_ratios(lines: Sequence[str]) -> tuple[int, int] | None:
    """Passed and failed summed over two or more `Area: N/M` lines (not a score card out of 10 or 100)."""
    ratios = [
        (to_int(m.group(1)) or 0, to_int(m.group(2)) or 0)
        for line in lines
        if (m := _ITEM_RATIO.match(strip_marks(line)))
    ]
    ratios = [(done, total) for done, total in ratios if done <= total]
    if len(ratios) < 2 or all(total in (5, 10, 100) for _, total in ratios):
        return None
    return sum(done for done, _ in ratios), sum(total - done for done, total in ratios)


def _names_other_level(blocks: Sequence[Block], index: int, level: Level) -> bool:
    """A line below a heading that reports on another level (`✅ **Unit Tests:** 7/7 passing`)."""
    for block in blocks[index + 1 :]:
        if block.kind == "heading" and block.level <= blocks[index].level:
            return False
        if block.kind in ("paragraph", "item"):
            for line in block.text.split("\n"):
                plain = strip_marks(line)
                other = level_of(plain) if len(plain) <= 140 and _names_level_first(plain) else None
                if other is not None and other is not level:
                    return True
    return False


_LONE_CODE = re.compile(r"\W*`[^`]+`\W*")
# Sections that plan work, and a line there saying what to do (`## Next Steps` › `5. TODO: Add end-to-end
# tests`): a plan, not a result.
_PLANNING = re.compile(
    r"\b(recommendations?|next steps?|future (?:work|enhancements?|improvements?)|action items?|roadmap"
    r"|suggested improvements?)\b"
    r"|다음 단계|향후|下一步|后续|後續|今后|次のステップ|今後|próximos pasos|próximos passos|prochaines étapes"
    r"|nächste schritte|prossimi passi|kolejne kroki|langkah selanjutnya|следующие шаги",
    re.I,
)


_TO_DO = re.compile(
    r"^\W*(?:\d+[.)]\s*)?\W*(?:todo\W*)?(?:add|create|write|implement|build|set up|introduce|consider|extend"
    r"|expand|increase)\b",
    re.I,
)


@lru_cache(maxsize=4096)
def _in_plan(section: tuple[str, ...]) -> bool:
    """Under a heading that plans work (`## Next Steps`, `## 다음 단계`), below the document's title."""
    return any(_PLANNING.search(title) for title in section[1:])


# `## Next Steps` › `1. **Run Full Test Suite**`: the whole suite has yet to run (a re-run, or a step ticked
# done, says nothing of the kind).
_RUN_ALL = re.compile(
    r"^(?:\d+[.)]\s*)?run (?:the )?(?:(?:full|complete|entire|whole) (?:test )?suite|all tests)\b", re.I
)
_DONE = re.compile(r"✅|☑|✔|\[x\]", re.I)


def _full_run_planned(blocks: Sequence[Block], rel: str) -> list[Suite]:
    for block in blocks:
        if block.kind != "item":
            continue
        first = block.text.split("\n", 1)[0]
        if _RUN_ALL.match(strip_marks(first)) and not _DONE.search(first) and _in_plan(block.section):
            return [
                Suite(Level.OTHER, Location(rel, block.line), strip_marks(first), state=SuiteState.PENDING)
            ]
    return []


# `**RealEndpoint Tests (14 skipped)**` over why: a group of tests skipped whole
_SKIPPED_GROUP = re.compile(
    r"^\W*([A-Za-z][\w /&+.-]{1,40}?)\s+tests?\s*\(\s*(\d{1,5})\s+skipped\s*\)\W*$", re.I
)


def _skipped_groups(blocks: Sequence[Block], rel: str) -> list[Suite]:
    found = []
    for block in blocks:
        if block.kind in ("heading", "paragraph") and (
            group := _SKIPPED_GROUP.match(strip_marks(block.text.split("\n")[0]))
        ):
            level = level_of(group.group(1)) or Level.OTHER
            where = Location(rel, block.line)
            found.append(
                Suite(
                    level,
                    where,
                    strip_marks(group.group(0)),
                    skipped=int(group.group(2)),
                    state=SuiteState.PENDING,
                )
            )
    return found


_SKIP_MARK = re.compile(r"^\s*(?:⏭️?|⏸️?|⊘)|\(skipped\b", re.I)
_PASS_MARK = re.compile(r"^\s*(?:✅|✔️?)")


def _skipped_sections(blocks: Sequence[Block], rel: str) -> list[Suite]:
    """`### Processing Pipeline Endpoints (2 tests)` whose every item is marked skipped (`- ⏭️ POST /start`), in a
    list of such groups where others pass: a group of tests that did not run at all."""
    groups: list[tuple[Block, list[str]]] = []
    for block in blocks:
        if block.kind == "heading":
            groups.append((block, []))
        elif block.kind == "item" and groups:
            groups[-1][1].append(block.text.split("\n")[0])
    if not any(items and all(_PASS_MARK.match(i) for i in items) for _, items in groups):
        return []
    return [
        Suite(
            level_of(head.text) or Level.OTHER,
            Location(rel, head.line),
            strip_marks(head.text),
            skipped=len(items),
            state=SuiteState.PENDING,
        )
        for head, items in groups
        if len(items) >= 2 and all(_SKIP_MARK.search(i) for i in items)
    ]


_TASK_COUNT = re.compile(r"\b\d+\s+(?:of\s+\d+\s+)?(?:successful\s+|cached\s+|completed\s+)?tasks\b", re.I)
_TEST_COUNT = re.compile(r"\b\d+\s+(?:\w+\s+)?(?:tests?|specs?|cases?)\b", re.I)


def _line_suites(blocks: Sequence[Block], rel: str) -> list[Suite]:
    """One line that names a level and says how it went: `✅ Unit tests (95% coverage)`, `E2E: pending`."""
    suites: list[tuple[Suite, str]] = []
    scores = scorecard_items(blocks)
    for index, block in enumerate(blocks):
        if block.kind not in ("paragraph", "item") or index in scores:
            continue
        planning = _in_plan(block.section)
        for offset, whole in enumerate(block.text.split("\n")):
            if _LONE_CODE.fullmatch(whole):
                continue  # `.playwright-mcp/login-error.png`: a file's name says nothing about a run
            if _TASK_COUNT.search(whole) and not _TEST_COUNT.search(whole):
                continue  # `build/typecheck/unit task graphs: 73 successful tasks, 0 failed`: build tasks, not tests
            if planning and _TO_DO.match(strip_marks(whole)):
                continue
            for line in _segments(whole):
                plain = strip_marks(line)
                level = level_of(plain) if len(plain) <= 140 else None
                if level is None or not _names_level_first(plain):
                    continue
                suite = from_fields(level, Location(rel, block.line + offset), "", {}, line)
                if suite and suite.state is not SuiteState.NO_RESULT:
                    suites.append((suite, plain))
    # "the three skipped E2E specs are flaky" explains part of a counted run; it does not undo it.
    counted = {s.level for s, _ in suites if s.total}
    return [
        s
        for s, plain in suites
        if not (s.level in counted and s.total is None and _only_partly_skipped(plain))
    ]


def _only_partly_skipped(plain: str) -> bool:
    cues = {m.group(0).lower() for m in NOT_RUN.finditer(plain)}
    return cues == {"skipped"}


def _segments(line: str) -> list[str]:
    """`Unit ✅ 212/212, Integration ✅ 48/48, E2E 3 skipped`: one segment per level the line starts a
    comma/semicolon-separated part with; a line naming one level stays whole."""
    segments: list[str] = []
    for part in re.split(r"\s*[,;·]\s*", line):
        if segments and not _names_level_first(strip_marks(part)):
            segments[-1] += ", " + part
        else:
            segments.append(part)
    starts = sum(1 for s in segments if _names_level_first(strip_marks(s)))
    # `All 212 tests pass; E2E to follow`: a later part about another level is read on its own.
    later = any(_names_level_first(strip_marks(s)) for s in segments[1:])
    return segments if starts >= 2 or later else [line]


def _names_level_first(plain: str) -> bool:
    """`Unit tests: 12 passed`, `✅ E2E (pending)`: the line is about a level, not a sentence naming one."""
    words = plain.split()
    return any(level_of(" ".join(words[: i + 1])) for i in range(min(len(words), 4)))
