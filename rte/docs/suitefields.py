"""A test suite from what a report says about one level: `Key: value` fields, counts in free text, words."""

from __future__ import annotations

import re

from rte.docs.runners import key_pairs
from rte.docs.vocab import COUNT, RUNNER_END
from rte.model import Level, Location, Suite, SuiteState

_PASSED = re.compile(
    # (not the 2 of `E2E tests passed`: a count stands alone)
    rf"(?<![\w.])({COUNT})\s*(?:(?:[a-z][\w-]*\s+)?tests?\s+|specs?\s+)?(?:passed|passing)\b"
    rf"|(?<![\w.])({COUNT})\s*tests?\s+(?:pass|succeeded|successful|ok|green)\b",
    re.I,
)
_FAILED = re.compile(
    rf"(?<![\w.])({COUNT})\s*(?:tests?\s+|specs?\s+)?(?:failed|failing|failures?|errors?|broken)\b"
    + RUNNER_END,
    re.I,
)
_SKIPPED = re.compile(
    rf"(?<![\w.])({COUNT})\s*(?:tests?\s+)?(?:skipped|skips?|pending|ignored|xfail\w*|todo)\b", re.I
)
_RATIO = re.compile(
    # (not `iter 18 / 6,420s wall time`: a ratio of tests has no unit of time or size; not `Round 1/8`, `Step
    # 2/5`: a place in a sequence)
    # (nor `⭐⭐⭐⭐☆ (4/5)`: a rating in stars)
    # (the lookahead first: the lookbehinds are tried only where a number starts)
    r"(?=\d)(?<!\bround )(?<!\bstep )(?<!\bpage )(?<!\bphase )(?<!\bset )(?<!\bday )(?<!\bweek )(?<!\blevel )"
    r"(?<![⭐☆★] \()(?<![⭐☆★]\()(?<![⭐☆★] )(?<![⭐☆★])"
    # (nor a date, `01/06/2025`)
    rf"(?<![\d/])({COUNT})\s*/\s*({COUNT})(?![\d,.])(?!/\d)(?!s\b|ms\b|\s*(?:sec\w*|min\w*|hours?\b|h\b|[gmk]b\b))"
    # (nor `LLM tests (0/11 running)`: how many run, not how many passed; nor `12/18 end-to-end tests pending`)
    r"(?!\s*(?:tests?\s+)?(?:running|implemented|written|created)\b)"
    r"(?!\s*(?:[\w-]+\s+){0,2}(?:tests?\s+)?(?:pending|remaining|blocked|skipped|not run|not executed)\b)"
    r"\s*(?:tests?\s*)?(?:passed|passing|pass|✓|✅|green)?",
    re.I,
)
_TOTAL = re.compile(
    rf"({COUNT})\s+tests?(?:\s+run)?(?!\s+(?:passed|passing|failed|failing|skipped|pending))\b", re.I
)
# "48 tests, no failures", "342 tests in 41 suites, all passed"
_NO_FAILURES = re.compile(
    r"\bno (?:failures|failed tests|errors)\b|(?<!not )\ball (?:tests? )?(?:passed|pass|green)\b", re.I
)
_BARE_NUMBER = re.compile(r"\W*\d{1,3}(?:\.\d+)?\W*")
_SHARE_FIRST = re.compile(r"^\W*(\d{1,3}(?:\.\d+)?)\s*%(.*)$")
_MARKED_COUNT = re.compile(rf"(✔|✅|❌|✗|✖)\uFE0F?\s*({COUNT})\b(?![\d.,]*\s*%|\s*/)")
_COVERAGE = re.compile(
    r"(\d{1,3}(?:\.\d+)?)\s*%\s*(?:line\s+|statement\s+|branch\s+)?(?:code\s+)?"
    r"(?:coverage|covered|cov\b)|coverage\W{0,20}(\d{1,3}(?:\.\d+)?)\s*%",
    re.I,
)
NOT_RUN = re.compile(
    r"\b(pending|not (yet )?(run|executed|started|implemented|available)|did not (run|finish)"
    r"|skipped( entirely| whole)?|blocked|todo|tbd|to be (run|executed|written)|to follow|deferred"
    r"|in progress|incomplete|not tested|no tests|n/a|still running|scheduled (?:for|on|to run)"
    r"|collected 0 items|running 0 tests|ran 0 tests|executed 0 tests"
    r"|cancell?ed|aborted|no results|⏳|⏸️|🚧|ready (?:for|to) (?:execution|run|be run)"
    # the same in Portuguese, Spanish, French and German (`Testes NÃO Executados`, `pronto para execução`)
    r"|n[ãa]o (?:foram )?executad[oa]s?|no (?:se )?ejecutad[oa]s?|sin ejecutar|non ex[ée]cut[ée]e?s?"
    r"|nicht ausgef[üu]hrt|pronto para (?:execu[çc][ãa]o|executar)|listo para (?:ejecuci[óo]n|ejecutar)"
    # `4 test suites created`: tests written are not tests run
    r"|(?:tests?|suites?|specs?|cases?)\s+(?:were\s+|have\s+been\s+)?(?:created|written|added|scaffolded))\b|⏳|⏸|🚧"
    r"|^\W*skip\W*$"  # `| Editor.test.js | 0 tests | ⚠️ SKIP |`: a suite's outcome, skipped whole
    r"|^\W*ready\W*(?:\([^()]*\)\W*)?$",  # `| E2E | 77 | ✅ READY (Server Required) |`: written, not run
    re.I,
)
# `| Unit Tests | 150+ | Framework Complete |`: the tests were written, which says nothing of a run.
_BUILT = re.compile(
    r"\b(?:framework|scaffold\w*|set-?up|infrastructure|harness|written|created|authored|implementation)"
    r"\s+(?:is\s+)?(?:complete[d]?|done|ready)\b",
    re.I,
)
_PASS_WORD = re.compile(
    r"✅|✔|\b(pass(ed|ing)?|all (tests )?pass\w*|green|success(ful)?|ok)\b|(?<!not )\b(completed?|done)\b",
    re.I,
)
# (not `error handling`, `error messages`: what the tests cover)
_FAIL_WORD = re.compile(
    r"❌|✗|\b(fail(ed|ing|ures?)?|red|broken"
    r"|error(?!\s+(?:handling|handlers?|messages?|paths?|cases?|states?|boundar\w*|codes?|pages?|recovery)\b))\b",
    re.I,
)


def _states_outcome(text: str) -> bool:
    return bool(_PASS_WORD.search(text) or _FAIL_WORD.search(text) or NOT_RUN.search(text))


def from_fields(
    level: Level, where: Location, name: str, fields: dict[str, str], text: str, *, judge_words: bool = True
) -> Suite | None:
    """A suite from `Key: value` fields and free text; pass/fail words count only on a single line/row."""

    short = False  # a share of the tests below 100% passed, and no count says how many failed

    def field(*keys: str) -> str | None:
        for key, value in fields.items():
            if any(k in key for k in keys):
                return value
        return None

    passed = to_int(_first_number(field("pass")))
    failed = to_int(_first_number(field("fail", "error")))
    errors = to_int(_first_number(field("error")))
    if errors and field("fail") is not None:
        # `Failures: 0` + `Errors: 3` (or `| - | 1 |`): an error fails the test as surely as a failure
        failed = (failed or 0) + errors
    # `| Tests Passed | 100% (15/15 entities) |`, `95% (some handler tests failing)`: a share, not a count
    share = _SHARE_FIRST.match(field("pass") or "")
    if share:
        ratio = _RATIO.search(share.group(2))
        passed = to_int(ratio.group(1)) if ratio else None
        if ratio and failed is None:
            failed = max((to_int(ratio.group(2)) or 0) - (passed or 0), 0)
        elif not ratio and float(share.group(1)) < 100 and failed is None:
            short = True
    skipped = to_int(_first_number(field("skip")))
    # `| File Input | 12/19 (63%) |` under `Pass Rate`: 12 of 19 passed, so 7 did not
    of_total = re.match(rf"^\W*({COUNT})\s*/\s*({COUNT})\b", field("pass") or "") if not share else None
    if of_total and failed is None and passed is not None:
        failed = max((to_int(of_total.group(2)) or 0) - passed - (skipped or 0), 0)
    total = to_int(_first_number(field("total", "tests run", "tests", "count")))
    # `| Auth | 8 | 100% |` under `Tests | Pass Rate`: the share of the count that passed
    if share and passed is None and failed is None and total:
        passed = round(total * float(share.group(1)) / 100)
        failed = total - passed
    stated = field("coverage") or ""
    # `Coverage: 87%`, `Coverage: 87`, but not `Coverage: All 10 phases` (what was covered, not how much)
    coverage = to_float(_first_number(stated)) if "%" in stated or _BARE_NUMBER.fullmatch(stated) else None
    # `| Target | Result | Status |` = `| < 10s | 6.2s | PASS |`: the column that states an outcome
    outcomes = [v for k, v in fields.items() if "status" in k or "result" in k]
    status_text = next((v for v in outcomes if _states_outcome(v)), outcomes[0] if outcomes else "")
    whole = f"{text} {status_text}"
    judged = _BUILT.sub(" ", status_text or (text if judge_words else ""))
    never_ran = None
    if passed is None and failed is None:
        pairs = key_pairs(whole)  # `Failed: 0, Passed: 120` / `PASS 62 · FAIL 0 · TODO 5` (5 never ran)
        never_ran = pairs.get("not_run")
        passed, failed, skipped_text = _counts(whole, pairs)
        skipped = skipped if skipped is not None else skipped_text
    if passed is None and total is not None and failed is not None:
        passed = max(total - failed - (skipped or 0), 0)  # `| 122 | - | - | 1 | 121 |`: none passed
    # (not `✅ READY (server required)`: a green mark on tests not yet run)
    if (
        passed is None
        and failed is None
        and total is not None
        and _PASS_WORD.search(judged)
        and not NOT_RUN.search(judged)
    ):
        passed, failed = total, 0
    if coverage is None:
        match = _COVERAGE.search(whole)
        coverage = float(match.group(1) or match.group(2)) if match else None
    state = SuiteState.RAN
    # `| Frontend tests | pnpm test | 1 |` under `Exit Code`: the command failed, whatever it counted
    exit_code = to_int(_first_number(field("exit code", "exit status")))
    if short or (exit_code and not failed):
        state = SuiteState.FAILED
    elif (
        not passed
        and not failed
        and status_text
        and _FAIL_WORD.search(status_text)
        and not never_ran
        and not NOT_RUN.search(status_text)  # `❌ TODO`, `❌ Not run`: marked red, but never ran
    ):
        state = SuiteState.FAILED  # `| Backend Jest | ❌ FAIL | 0 | 0 | 0 |`: the run crashed before counting
    elif not failed and (never_ran or ((NOT_RUN.search(judged) or skipped) and not passed)):
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


def _counts(text: str, pairs: dict[str, int]) -> tuple[int | None, int | None, int | None]:
    if pairs:
        return pairs.get("passed"), pairs.get("failed", 0), pairs.get("skipped")
    passed = _PASSED.search(text)
    failed = _FAILED.search(text)
    skipped = _SKIPPED.search(text)
    p = to_int(passed.group(1) or passed.group(2)) if passed else None
    f = to_int(failed.group(1)) if failed else None
    ratio = _RATIO.search(text)
    if ratio and passed and ratio.end() >= passed.end():  # "34/37 passed": 34 of 37, not 37
        p = None
    if p is None and ratio and "%" not in text[ratio.end() : ratio.end() + 1]:
        done, total = to_int(ratio.group(1)) or 0, to_int(ratio.group(2)) or 0
        if total >= done:
            rest = total - done - (to_int(skipped.group(1)) or 0 if skipped else 0)
            p, f = done, (f if f is not None else max(rest, 0))
    marked = _MARKED_COUNT.search(text) if "\n" not in text.strip() else None  # one line, not a console
    if p is None and f is None and marked:  # `unit ✔ 412`, `e2e ❌ 3`
        p, f = (to_int(marked.group(2)), 0) if marked.group(1) in "✔✅" else (None, to_int(marked.group(2)))
    run = _TOTAL.search(text) if p is None else None
    if run:  # "212 tests run …, 0 failures … and 3 skipped", "48 tests, no failures": run includes skipped
        f = f if f is not None else (0 if _NO_FAILURES.search(text) else None)
        if f is not None:
            p = max((to_int(run.group(1)) or 0) - f - (to_int(skipped.group(1)) or 0 if skipped else 0), 0)
    if p is not None and f is None:
        f = 0
    return p, f, to_int(skipped.group(1)) if skipped else None


def _first_number(text: str | None) -> str | None:
    if text is None:
        return None
    match = re.search(rf"{COUNT}(?:\.\d+)?", text)
    return match.group() if match else None


def to_int(value: object) -> int | None:
    if value is None or value == "":
        return None
    try:
        return int(str(value).replace(",", "").split(".")[0])
    except ValueError:
        return None


def to_float(value: object) -> float | None:
    if value is None or value == "":
        return None
    try:
        return float(str(value).rstrip("%"))
    except ValueError:
        return None
