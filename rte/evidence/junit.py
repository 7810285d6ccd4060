"""JUnit XML (pytest, jest-junit, Surefire/Failsafe, go-junit-report…) → one Suite per file and level."""

from __future__ import annotations

from dataclasses import dataclass, field

from rte.errors import DocError
from rte.evidence.levels import level_for_path, level_from_name
from rte.evidence.xmlread import XmlNode, parse_xml
from rte.model import Level, Location, Suite

MAX_FAILING_NAMES = 5
FAILED_TAGS = ("failure", "error")
GENERIC_SUITE_NAMES = frozenset({"", "pytest", "jest tests", "root", "all tests", "tests"})


@dataclass
class _Tally:
    passed: int = 0
    failed: int = 0
    skipped: int = 0
    first_failure_line: int | None = None
    failing: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)

    def fail(self, line: int, name: str | None) -> None:
        self.failed += 1
        if self.first_failure_line is None:
            self.first_failure_line = line
        if name and len(self.failing) < MAX_FAILING_NAMES:
            self.failing.append(name)


def parse_junit(data: bytes, rel: str, levels: tuple[tuple[str, Level], ...] = ()) -> tuple[Suite, ...]:
    """Counts per level for one JUnit XML file (bytes in, values out); DocError when it is not JUnit XML."""
    root = parse_xml(data, rel, what="JUnit XML file")
    if root.tag not in ("testsuites", "testsuite"):
        raise DocError(
            f"the JUnit XML file's root element is <{root.tag}>, not <testsuites> or <testsuite>",
            Location(rel, root.line),
            tip="point the `junit` input at test-result files only (coverage goes in `coverage`)",
        )
    path_level = level_for_path(rel, levels)
    tallies: dict[Level, _Tally] = {}
    if not root.iter("testcase"):
        _tally_attributes(root, path_level, tallies)
    else:
        _tally_cases(root, (), path_level, tallies)
    if not tallies:
        tallies[path_level or Level.OTHER] = _Tally()
    return tuple(
        Suite(
            level=level,
            location=Location(rel, tally.first_failure_line or 1),
            name=_suite_name(tally.names, rel),
            passed=tally.passed,
            failed=tally.failed,
            skipped=tally.skipped,
            source="junit",
            failing=tuple(tally.failing),
        )
        for level, tally in tallies.items()
    )


def _tally_cases(
    node: XmlNode, names: tuple[str, ...], path_level: Level | None, tallies: dict[Level, _Tally]
) -> None:
    """Walk suites depth-first; each testcase counts once, under the level of its nearest telling name."""
    if node.tag == "testsuite":
        names = (node.attrs.get("name", ""), *names)
    for child in node.children:
        if child.tag in ("testsuite", "testsuites"):
            _tally_cases(child, names, path_level, tallies)
        elif child.tag == "testcase":
            classname = child.attrs.get("classname", "")
            level = path_level or _first_level((*names, classname, child.attrs.get("file", "")))
            tally = tallies.setdefault(level, _Tally())
            if names and names[0] not in tally.names:
                tally.names.append(names[0])
            _count_case(child, tally)


def _count_case(case: XmlNode, tally: _Tally) -> None:
    tags = {c.tag for c in case.children}
    if tags & set(FAILED_TAGS):
        tally.fail(case.line, _case_name(case))
    elif "skipped" in tags:
        tally.skipped += 1
    else:
        tally.passed += 1


def _tally_attributes(root: XmlNode, path_level: Level | None, tallies: dict[Level, _Tally]) -> None:
    """No <testcase> at all: fall back to the counts written on the innermost suites."""
    suites = [s for s in [root, *root.iter("testsuite")] if not any(c.tag == "testsuite" for c in s.children)]
    for suite in suites:
        name = suite.attrs.get("name", "")
        tally = tallies.setdefault(path_level or _first_level((name,)), _Tally())
        if name and name not in tally.names:
            tally.names.append(name)
        tests, skipped = _count(suite, "tests"), _count(suite, "skipped") + _count(suite, "disabled")
        failed = _count(suite, "failures") + _count(suite, "errors")
        tally.passed += max(tests - failed - skipped, 0)
        tally.skipped += skipped
        if failed:
            tally.failed += failed - 1
            tally.fail(suite.line, None)


def _count(node: XmlNode, attr: str) -> int:
    try:
        return max(int(float(node.attrs.get(attr, "0") or "0")), 0)
    except ValueError:
        return 0


def _first_level(names: tuple[str, ...]) -> Level:
    for name in names:
        level = level_from_name(name) if name else None
        if level is not None:
            return level
    return Level.OTHER


def _case_name(case: XmlNode) -> str:
    name = case.attrs.get("name", "").strip()
    classname = case.attrs.get("classname", "").strip()
    if classname and classname not in name:
        return f"{classname}.{name}" if name else classname
    return name or "(unnamed test)"


def _suite_name(names: list[str], rel: str) -> str:
    telling = [n for n in names if n.strip().lower() not in GENERIC_SUITE_NAMES]
    if len(telling) == 1:
        return telling[0]
    return rel.rsplit("/", 1)[-1]
