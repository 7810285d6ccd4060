"""Console output of test runners pasted into a report: Maven, PHPUnit, RSpec, go test, unittest, Gradle,
GoogleTest, CTest."""

from __future__ import annotations

import re

from rte.docs.vocab import COUNT

# Maven/Gradle/JUnit summaries: `Tests run: 84, Failures: 0, Errors: 0, Skipped: 2` (per class and in total).
_TESTS_RUN = re.compile(
    r"\btests? run:\s*(\d+),\s*failures:\s*(\d+)(?:,\s*errors:\s*(\d+))?(?:,\s*skipped:\s*(\d+))?", re.I
)
# PHPUnit `OK (120 tests, 412 assertions)` / `Tests: 120, Assertions: 400, Failures: 2, Skipped: 1.`;
# RSpec `512 examples, 3 failures, 7 pending`.
_PHPUNIT_OK = re.compile(r"^\s*OK \((\d+) tests?,", re.I)
_PHPUNIT = re.compile(r"^\s*Tests:\s*(\d+),\s*Assertions:\s*\d+((?:,\s*\w+:\s*\d+)*)", re.I)
_RSPEC = re.compile(r"\b(\d+) examples?, (\d+) failures?(?:, (\d+) pending)?", re.I)
# go test: `--- FAIL: TestX (0.5s)` per test, `FAIL  pkg  1.2s` / `ok  pkg  0.4s` per package.
_GO_TEST = re.compile(r"^\s*--- (PASS|FAIL|SKIP):\s+\S")
_GO_PACKAGE = re.compile(r"^(ok|FAIL)\s+\S+\s+(?:\d+(?:\.\d+)?s|\(cached\))")
# `Failed: 0, Passed: 120, Skipped: 2, Total: 122` (dotnet), `tests="23" failures="0" errors="1"` (JUnit XML):
# counts written after their word, two or more on one line.
_PAIR = re.compile(
    rf"\b(total|tests(?: run)?|passed|failed|failures|errors|skipped|ignored)\s*[:=]\s*\"?({COUNT})\"?(?![\d.%])",
    re.I,
)
_PAIR_KEYS = {
    "tests": "total",
    "tests run": "total",
    "failures": "failed",
    "errors": "failed",
    "ignored": "skipped",
}
# Python unittest: `Ran 76 tests in 4.907s`, then `OK`, `OK (skipped=2)` or `FAILED (failures=2, errors=1)`.
_UNITTEST_RAN = re.compile(r"^\s*Ran (\d+) tests? in \d", re.I)
_UNITTEST_END = re.compile(r"^\s*(OK|FAILED)(?:\s+\(([\w=, ]*)\))?\s*$")
# Cypress run table's last line: `✔  All specs passed!  00:44  13  13  -  -  -` (tests, passing, failing,
# pending, skipped); `✖  2 of 9 failed (22%)  01:10  40  37  3  -  -`.
_CYPRESS = re.compile(
    r"^\W*(?:✔|✖)\s+(?:all specs passed!|\d+ of \d+ failed \(\d+%\))\s+[\d:]+\s+(\d+)\s+(\d+|-)\s+(\d+|-)"
    r"\s+(\d+|-)\s+(\d+|-)",
    re.I,
)
# Gradle: `312 tests completed, 1 failed, 4 skipped`.
_GRADLE = re.compile(r"^\s*(\d+) tests? completed(?:, (\d+) failed)?(?:, (\d+) skipped)?", re.I)

# GoogleTest's closing summary: `[  PASSED  ] 32 tests.`, `[  FAILED  ] 1 test, listed below:`, `[  SKIPPED ] 2 tests,
# listed below:` (the per-test `[  FAILED  ] Suite.Name` lines after it name them; they are not counted again).
_GTEST = re.compile(r"^\s*\[\s*(PASSED|FAILED|SKIPPED)\s*\]\s+(\d+) tests?(?:,\s*listed below:|\.)?\s*$")
_GTEST_KEYS = {"PASSED": "passed", "FAILED": "failed", "SKIPPED": "skipped"}

# CTest's closing summary: `79% tests passed, 85 tests failed out of 407` (`100% tests passed, 0 tests failed out of 12`).
_CTEST = re.compile(r"^\s*\d{1,3}% tests passed, (\d+) tests? failed out of (\d+)\b", re.I)

# Karma, one line per browser: `Chrome 124 (Linux): Executed 120 of 120 (1 FAILED) (4.8 secs / 4.3 secs)`,
# `… Executed 120 of 120 SUCCESS …`; the browsers' lines add up (the `TOTAL:` line repeats them).
_KARMA = re.compile(
    r"\bExecuted (\d+) of (\d+)(?: \((\d+) FAILED\))?(?: \((?:skipped )?(\d+)(?: SKIPPED)?\))?", re.I
)
# Cucumber: `12 scenarios (1 failed, 11 passed)` counts the tests; `87 steps (…)` counts their steps.
_CUCUMBER = re.compile(r"^\s*(\d+) (scenarios?|steps?) \(([^)]*)\)\s*$", re.I)


# Test-management exports put the word first and split the parts with `|` or `·`: TestRail `Passed 45 |
# Failed 2 | Blocked 1 | Untested 3`, Xray `PASS 62 · FAIL 0 · TODO 5`, Allure `Passed 119 · Broken 2`.
_TALLY_SPLIT = re.compile(r"\s*[|·•]\s*")
# (and dbt's `PASS=2095 | WARN=8 | ERROR=37 | SKIP=0`)
_TALLY_PART = re.compile(rf"^\W*(?:[\w ]{{1,30}}:\W*)?([a-z][a-z ]{{1,15}}?)\s*[:=]?\s*({COUNT})\W*$", re.I)
_TALLY_WORDS = {
    "passed": "passed",
    "pass": "passed",
    "passing": "passed",
    "failed": "failed",
    "fail": "failed",
    "failures": "failed",
    "broken": "failed",  # Allure: the test raised an unexpected error; it did not pass
    "errors": "failed",
    "error": "failed",
    "aborted": "failed",
    "retest": "failed",  # TestRail: failed once, waiting for a retest
    "skipped": "skipped",
    "skip": "skipped",
    "ignored": "skipped",
    "pending": "skipped",
    "todo": "not_run",  # never executed: the run is not complete
    "to do": "not_run",
    "untested": "not_run",
    "blocked": "not_run",
    "not run": "not_run",
    "not executed": "not_run",
    "executing": "not_run",
    "total": "total",
    "tests": "total",
    "tested": "total",
    "executed": "total",
    "tests run": "total",
    "test cases": "total",
    "unknown": "",
    "warn": "",  # dbt: a test that warned still passed its error threshold
    "warnings": "",
}


def _tally(line: str) -> dict[str, int]:
    """`Passed 45 | Failed 2 | Untested 3`: every part a known word and its number, two parts or more."""
    parts = [p for p in _TALLY_SPLIT.split(line.strip().strip("|")) if p.strip()]
    if len(parts) < 2:
        return {}
    counts: dict[str, int] = {}
    for part in parts:
        match = _TALLY_PART.match(part)
        key = _TALLY_WORDS.get(match.group(1).strip().lower()) if match else None
        if match is None or key is None:
            return {}
        if key:
            counts[key] = counts.get(key, 0) + int(match.group(2).replace(",", ""))
    return counts if counts.keys() & {"passed", "failed"} else {}


def key_pairs(text: str) -> dict[str, int]:
    """Counts from lines holding two or more `word: number` pairs, added up over the lines (one per DLL or
    per `<testsuite>`); empty when no line has them. Tests never run (`TODO 5`) are counted as skipped and
    also under `not_run`."""
    counts: dict[str, int] = {}
    for line in text.split("\n"):
        tally = _tally(line) if "|" in line or "·" in line or "•" in line else {}
        for key, value in tally.items():
            counts[key] = counts.get(key, 0) + value
            if key == "not_run":
                counts["skipped"] = counts.get("skipped", 0) + value
        if tally:
            continue
        pairs = _PAIR.findall(line) if ":" in line or "=" in line else []
        keys = {_PAIR_KEYS.get(k.lower(), k.lower()) for k, _ in pairs}
        if len(keys) < 2 or not keys & {"passed", "failed", "total"}:
            continue
        for key, value in pairs:
            name = _PAIR_KEYS.get(key.lower(), key.lower())
            counts[name] = counts.get(name, 0) + int(value.replace(",", ""))
    if "passed" not in counts and "total" in counts:
        counts["passed"] = max(counts["total"] - counts.get("failed", 0) - counts.get("skipped", 0), 0)
    return counts


def runner_line(line: str, counts: dict[str, int]) -> bool:
    """Console lines of runners that put the word before the number (Maven) or print one line per test (go)."""
    if _TESTS_RUN.search(line) is None and (pairs := key_pairs(line)):
        for key, value in pairs.items():
            counts[key] = counts.get(key, 0) + value
        return True
    if _unittest_line(line, counts):
        return True
    karma = _KARMA.search(line)
    if karma:
        failed, skipped = int(karma.group(3) or 0), int(karma.group(4) or 0)
        passed = max(int(karma.group(1)) - failed - skipped, 0)
        for key, value in (("passed", passed), ("failed", failed), ("skipped", skipped)):
            if value or key != "skipped":
                counts[key] = counts.get(key, 0) + value
        return True
    cucumber = _CUCUMBER.match(line)
    if cucumber:
        if cucumber.group(2).lower().startswith("scenario"):
            parts = {w.lower(): int(n) for n, w in re.findall(r"(\d+) (\w+)", cucumber.group(3))}
            parts["skipped"] = parts.get("skipped", 0) + parts.get("undefined", 0)
            counts.update(
                {k: parts.get(k, 0) for k in ("passed", "failed", "skipped") if k != "skipped" or parts[k]}
            )
        return True
    cypress = _CYPRESS.match(line)
    if cypress:
        passed, failed, pending, skipped = (int(n) if n != "-" else 0 for n in cypress.groups()[1:])
        counts.update(total=int(cypress.group(1)), passed=passed, failed=failed, skipped=pending + skipped)
        return True
    gtest = _GTEST.match(line)
    if gtest:
        counts[_GTEST_KEYS[gtest.group(1)]] = int(gtest.group(2))
        return True
    ctest = _CTEST.match(line)
    if ctest:
        failed, total = int(ctest.group(1)), int(ctest.group(2))
        counts.update(total=total, failed=failed, passed=max(total - failed, 0))
        return True
    gradle = _GRADLE.match(line)
    if gradle:
        failed, skipped = int(gradle.group(2) or 0), int(gradle.group(3) or 0)
        total = int(gradle.group(1))
        counts.update(total=total, failed=failed, skipped=skipped, passed=max(total - failed - skipped, 0))
        return True
    run = _TESTS_RUN.search(line)
    if run:
        total = int(run.group(1))
        if total >= counts.get("total", -1):  # the run's summary is the largest of the per-class lines
            failed = int(run.group(2)) + int(run.group(3) or 0)
            counts.update(total=total, failed=failed, skipped=int(run.group(4) or 0))
        return True
    ok = _PHPUNIT_OK.match(line)
    if ok:
        counts.update(total=int(ok.group(1)), failed=0)
        return True
    php = _PHPUNIT.match(line)
    if php:
        extra = {k.lower(): int(v) for k, v in re.findall(r"(\w+):\s*(\d+)", php.group(2))}
        failed = extra.get("failures", 0) + extra.get("errors", 0)
        skipped = extra.get("skipped", 0) + extra.get("incomplete", 0)
        counts.update(total=int(php.group(1)), failed=failed, skipped=skipped)
        return True
    spec = _RSPEC.search(line)
    if spec:
        counts.update(total=int(spec.group(1)), failed=int(spec.group(2)), skipped=int(spec.group(3) or 0))
        return True
    go = _GO_TEST.match(line)
    if go:
        key = {"PASS": "go_passed", "FAIL": "go_failed", "SKIP": "go_skipped"}[go.group(1)]
        counts[key] = counts.get(key, 0) + 1
        return True
    package = _GO_PACKAGE.match(line)
    if package:
        key = "go_ok" if package.group(1) == "ok" else "go_failed_packages"
        counts[key] = counts.get(key, 0) + 1
        return True
    return False


def settle(counts: dict[str, int]) -> None:
    """Turn go test tallies into counts; a stated total with fewer passed + skipped means failures."""
    go_failed = max(counts.pop("go_failed", 0), counts.pop("go_failed_packages", 0))
    go_passed, go_skipped, go_ok = (counts.pop(k, 0) for k in ("go_passed", "go_skipped", "go_ok"))
    if go_failed or go_passed or go_skipped:
        counts.setdefault("failed", go_failed)
        if go_passed:
            counts.setdefault("passed", go_passed)
        if go_skipped:
            counts.setdefault("skipped", go_skipped)
    elif go_ok:
        counts.setdefault("packages_ok", go_ok)
    if errors := counts.pop("errors", 0):
        counts["failed"] = counts.get("failed", 0) + errors
    counts.pop("summary_size", None)
    counts.pop("unittest_ran", None)  # `Ran N tests` cut off before its OK / FAILED line states no result
    stated = counts.pop("stated_total", None)
    if stated is not None and "failed" not in counts and counts.get("passed") is not None:
        rest = stated - counts["passed"] - counts.get("skipped", 0)
        if rest > 0:
            counts["failed"] = rest


def _unittest_line(line: str, counts: dict[str, int]) -> bool:
    """`Ran N tests in Xs` opens a unittest summary; the `OK` / `FAILED (…)` line after it closes it."""
    ran = _UNITTEST_RAN.match(line)
    if ran:
        counts["unittest_ran"] = int(ran.group(1))
        return True
    end = _UNITTEST_END.match(line) if "unittest_ran" in counts else None
    if end is None:
        return False
    total = counts.pop("unittest_ran")
    extra = {k.lower(): int(v) for k, v in re.findall(r"(\w+)=(\d+)", end.group(2) or "")}
    failed = extra.get("failures", 0) + extra.get("errors", 0) + extra.get("unexpected_successes", 0)
    if end.group(1) == "FAILED" and not failed:
        failed = 1  # FAILED without counts still means something failed
    skipped = extra.get("skipped", 0)
    counts.update(total=total, failed=failed, skipped=skipped, passed=max(total - failed - skipped, 0))
    return True
