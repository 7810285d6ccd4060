"""The test report: one Suite per test level (unit, integration, E2E…) with counts, coverage and state."""

from __future__ import annotations

import re
from collections.abc import Sequence

from rte.docs.frontmatter import FrontMatter
from rte.docs.markdown import Block
from rte.docs.overall import key_pairs, overall_suites
from rte.docs.vocab import RUNNER_END, level_of, strip_marks
from rte.model import Level, Location, Problem, Suite, SuiteState

_PASSED = re.compile(
    r"(\d[\d,]*)\s*(?:tests?\s+|specs?\s+)?(?:passed|passing)\b"
    r"|(\d[\d,]*)\s*tests?\s+(?:pass|succeeded|successful|ok|green)\b",
    re.I,
)
_FAILED = re.compile(
    r"(\d[\d,]*)\s*(?:tests?\s+|specs?\s+)?(?:failed|failing|failures?|errors?)\b" + RUNNER_END, re.I
)
_SKIPPED = re.compile(r"(\d[\d,]*)\s*(?:tests?\s+)?(?:skipped|pending|ignored|xfail\w*|todo)\b", re.I)
_OF_FAILED = re.compile(r"(\d+)\s+of\s+(\d+)\s+(?:specs?\s+|tests?\s+)?failed", re.I)
_RATIO = re.compile(r"(\d[\d,]*)\s*/\s*(\d[\d,]*)\s*(?:tests?\s*)?(?:passed|passing|pass|✓|✅|green)?", re.I)
_COVERAGE = re.compile(
    r"(\d{1,3}(?:\.\d+)?)\s*%\s*(?:line\s+|statement\s+|branch\s+)?(?:code\s+)?"
    r"(?:coverage|covered|cov\b)|coverage\W{0,20}(\d{1,3}(?:\.\d+)?)\s*%",
    re.I,
)
_FIELD = re.compile(
    r"^\W*(passed|passing|failed|failing|failures|skipped|total|tests run|coverage|status|result)"
    r"\W*[:=]\s*(.+)$",
    re.I,
)
_NOT_RUN = re.compile(
    r"\b(pending|not (yet )?(run|executed|started|implemented|available)|did not (run|finish)"
    r"|skipped( entirely| whole)?|blocked|todo|tbd|to be (run|executed|written)|deferred"
    r"|in progress|incomplete|not tested|no tests|n/a|⏳|⏸️|🚧)\b|⏳|🚧",
    re.I,
)
_OPENS_NOT_RUN = re.compile(
    r"^\W*(blocked|not (yet )?(run|executed)|skipped|pending|deferred|postponed|n/a)\b", re.I
)
# A load test's threshold that did not hold: k6 `✗ http_req_duration....: …`, "thresholds … crossed".
_THRESHOLD_FAILED = re.compile(
    r"^\s*(?:✗|✘)\s+[\w{}:.\[\]-]+\.{3,}|\bthresholds?\b.{0,80}\b(?:crossed|breached|exceeded)\b", re.I
)
_PASS_WORD = re.compile(r"✅|✔|\b(pass(ed|ing)?|all (tests )?pass\w*|green|success(ful)?|ok)\b", re.I)
_FAIL_WORD = re.compile(r"❌|✗|\b(fail(ed|ing|ures?)?|red|broken|error)\b", re.I)
_COUNT_HEADERS = re.compile(r"pass|fail|skip|total|tests|count|coverage|status|result|error", re.I)
_NAME_HEADERS = re.compile(r"suite|type|level|test|category|layer|tier|area|name|scope|component", re.I)


def read_tests(blocks: Sequence[Block], rel: str, fm: FrontMatter) -> tuple[tuple[Suite, ...], list[Problem]]:
    problems: list[Problem] = []
    if "suites" in fm.values:
        return _front_matter_suites(fm, rel, problems), problems
    if is_plan(blocks, rel):
        return (), problems
    by_strategy = [_table_suites(blocks, rel), _section_suites(blocks, rel), _line_suites(blocks, rel)]
    counted = any(s.total is not None for suites in by_strategy for s in suites)
    taken = {s.location.line for suites in by_strategy for s in suites if s.location}
    # Report-wide totals, unless the line they come from is already a level's own result.
    by_strategy.append(
        [
            s
            for s in overall_suites(blocks, rel, counted=counted)
            if not s.location or s.location.line not in taken
        ]
    )
    chosen: dict[Level, list[Suite]] = {}
    for suites in by_strategy:
        for level in dict.fromkeys(s.level for s in suites):
            if level not in chosen:
                chosen[level] = [s for s in suites if s.level == level]
    ordered = sorted(
        (s for group in chosen.values() for s in group),
        key=lambda s: s.location.line if s.location and s.location.line else 0,
    )
    return tuple(ordered), problems


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
        state = SuiteState.PENDING if _NOT_RUN.search(str(item.get("status", ""))) else SuiteState.RAN
        suites.append(
            Suite(
                level,
                where,
                name=str(item.get("name", level.value)),
                passed=_int(item.get("passed")),
                failed=_int(item.get("failed")),
                skipped=_int(item.get("skipped")),
                coverage_percent=_float(item.get("coverage")),
                state=state,
            )
        )
    return tuple(suites)


def _table_suites(blocks: Sequence[Block], rel: str) -> list[Suite]:
    suites = []
    for block in blocks:
        if block.kind != "row" or len(block.cells) < 2:
            continue
        header = [strip_marks(h).lower() for h in block.header]
        if not any(_COUNT_HEADERS.search(h) for h in header[1:]):
            continue
        level = level_of(block.cells[0]) or (
            level_of(" ".join(block.section[-1:])) if _NAME_HEADERS.search(header[0]) else None
        )
        if level is None:
            continue
        cells = dict(zip(header, block.cells, strict=False))
        suite = _from_fields(level, Location(rel, block.line), strip_marks(block.cells[0]), cells, block.text)
        if suite:
            suites.append(suite)
    return suites


def _section_suites(blocks: Sequence[Block], rel: str) -> list[Suite]:
    """A heading naming a level ("## Unit tests") with `Passed: 12` lines or a runner summary under it."""
    suites = []
    for index, block in enumerate(blocks):
        if block.kind != "heading":
            continue
        level = level_of(block.text)
        if level is None:
            continue
        fields: dict[str, str] = {}
        texts = [block.text]
        opening = ""  # the section's first line: "Blocked: the stub is not deployed" is its result
        for inner in blocks[index + 1 :]:
            opening = opening or (inner.text.split("\n")[0] if inner.kind == "paragraph" else "")
            if inner.kind == "heading" and inner.level <= block.level:
                break
            if inner.kind == "heading" and level_of(inner.text) not in (None, level):
                break
            for line in inner.text.split("\n"):
                if _THRESHOLD_FAILED.search(line):
                    fields.setdefault("status", "failed: a threshold was crossed")
                match = _FIELD.match(strip_marks(line))
                if match:
                    fields.setdefault(match.group(1).lower(), match.group(2))
                elif inner.kind in ("paragraph", "item", "code"):
                    texts.append(line)
        if _OPENS_NOT_RUN.match(strip_marks(opening)):
            fields.setdefault("status", opening)
        if _NOT_RUN.search(block.text):  # `### E2E Tests ⏳ Pending`: the heading states the result
            fields.setdefault("status", block.text)
        suite = _from_fields(
            level,
            Location(rel, block.line),
            strip_marks(block.text),
            fields,
            "\n".join(texts),
            judge_words=False,
        )
        if suite and (suite.total is not None or suite.state is not SuiteState.NO_RESULT):
            suites.append(suite)
    return suites


def _line_suites(blocks: Sequence[Block], rel: str) -> list[Suite]:
    """One line that names a level and says how it went: `✅ Unit tests (95% coverage)`, `E2E: pending`."""
    suites: list[tuple[Suite, str]] = []
    for block in blocks:
        if block.kind not in ("paragraph", "item"):
            continue
        for offset, whole in enumerate(block.text.split("\n")):
            for line in _segments(whole):
                plain = strip_marks(line)
                level = level_of(plain)
                if level is None or len(plain) > 140 or not _names_level_first(plain):
                    continue
                suite = _from_fields(level, Location(rel, block.line + offset), "", {}, line)
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
    cues = {m.group(0).lower() for m in _NOT_RUN.finditer(plain)}
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
    return segments if starts >= 2 else [line]


def _names_level_first(plain: str) -> bool:
    """`Unit tests: 12 passed`, `✅ E2E (pending)`: the line is about a level, not a sentence naming one."""
    words = plain.split()
    return any(level_of(" ".join(words[: i + 1])) for i in range(min(len(words), 4)))


def _from_fields(
    level: Level, where: Location, name: str, fields: dict[str, str], text: str, *, judge_words: bool = True
) -> Suite | None:
    """A suite from `Key: value` fields and free text; pass/fail words count only on a single line/row."""

    def field(*keys: str) -> str | None:
        for key, value in fields.items():
            if any(k in key for k in keys):
                return value
        return None

    passed = _int(_first_number(field("pass")))
    failed = _int(_first_number(field("fail", "error")))
    skipped = _int(_first_number(field("skip")))
    total = _int(_first_number(field("total", "tests run", "tests", "count")))
    coverage = _float(_first_number(field("coverage")))
    status_text = field("status", "result") or ""
    whole = f"{text} {status_text}"
    judged = status_text or (text if judge_words else "")
    if passed is None and failed is None:
        passed, failed, skipped_text = _counts(whole)
        skipped = skipped if skipped is not None else skipped_text
    if passed is None and total is not None and failed is not None:
        passed = max(total - failed, 0)
    if passed is None and failed is None and total is not None and _PASS_WORD.search(judged):
        passed, failed = total, 0
    if coverage is None:
        match = _COVERAGE.search(whole)
        coverage = float(match.group(1) or match.group(2)) if match else None
    state = SuiteState.RAN
    if (_NOT_RUN.search(judged) or skipped) and not passed and not failed:
        state = SuiteState.PENDING
    elif passed is None and failed is None:
        if _FAIL_WORD.search(judged) and not re.search(r"\b0\s+fail|no fail|without fail", whole, re.I):
            state = SuiteState.FAILED
        elif not (_PASS_WORD.search(judged) or coverage is not None):
            state = SuiteState.NO_RESULT
    return Suite(
        level,
        where,
        name=name[:120],
        passed=passed,
        failed=failed,
        skipped=skipped,
        coverage_percent=coverage if coverage is None or coverage <= 100 else None,
        state=state,
    )


def _counts(text: str) -> tuple[int | None, int | None, int | None]:
    pairs = key_pairs(text)
    if pairs:
        return pairs.get("passed"), pairs.get("failed", 0), pairs.get("skipped")
    passed = _PASSED.search(text)
    failed = _FAILED.search(text)
    skipped = _SKIPPED.search(text)
    p = _int(passed.group(1) or passed.group(2)) if passed else None
    f = _int(failed.group(1)) if failed else None
    ratio = _RATIO.search(text)
    if ratio and passed and ratio.end() >= passed.end():  # "34/37 passed": 34 of 37, not 37
        p = None
    if p is None and ratio and "%" not in text[ratio.end() : ratio.end() + 1]:
        done, total = _int(ratio.group(1)) or 0, _int(ratio.group(2)) or 0
        if total >= done:
            rest = total - done - (_int(skipped.group(1)) or 0 if skipped else 0)
            p, f = done, (f if f is not None else max(rest, 0))
    if p is not None and f is None:
        f = 0
    return p, f, _int(skipped.group(1)) if skipped else None


def _first_number(text: str | None) -> str | None:
    if text is None:
        return None
    match = re.search(r"\d[\d,]*(?:\.\d+)?", text)
    return match.group() if match else None


def _int(value: object) -> int | None:
    if value is None or value == "":
        return None
    try:
        return int(str(value).replace(",", "").split(".")[0])
    except ValueError:
        return None


def _float(value: object) -> float | None:
    if value is None or value == "":
        return None
    try:
        return float(str(value).rstrip("%"))
    except ValueError:
        return None
