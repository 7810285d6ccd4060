"""Which test level an evidence file or suite belongs to: the user's `junit-levels` globs, else its names."""

from __future__ import annotations

import re
from collections.abc import Mapping

from rte.errors import ConfigError
from rte.evidence.globs import glob_match
from rte.model import Level

_WORDS: dict[str, Level] = {
    **dict.fromkeys(("unit", "units", "unittest", "unittests", "surefire"), Level.UNIT),
    **dict.fromkeys(("integration", "integrations", "integ", "it", "failsafe"), Level.INTEGRATION),
    **dict.fromkeys(("e2e", "endtoend", "cypress", "playwright", "selenium", "webdriver"), Level.E2E),
    **dict.fromkeys(("security", "dast"), Level.SECURITY),
    **dict.fromkeys(("performance", "perf", "loadtest", "k6", "gatling", "jmeter"), Level.PERFORMANCE),
}
_SUFFIXES: tuple[tuple[str, Level], ...] = (
    ("integrationtests", Level.INTEGRATION),
    ("integrationtest", Level.INTEGRATION),
    ("unittests", Level.UNIT),
    ("unittest", Level.UNIT),
    ("e2etests", Level.E2E),
    ("e2etest", Level.E2E),
    ("e2espec", Level.E2E),
)
# Maven Failsafe's default includes: IT*, *IT, *ITCase (class names, case-sensitive).
_FAILSAFE_CLASS = re.compile(r"^IT[A-Z0-9_]|[a-z0-9]IT$|[a-z0-9]ITCase$")


def parse_levels(mapping: Mapping[str, str]) -> tuple[tuple[str, Level], ...]:
    """The `junit-levels` mapping as (glob, Level) pairs in the order written; ConfigError on a bad level."""
    pairs = []
    for pattern, value in mapping.items():
        try:
            pairs.append((pattern.strip().removeprefix("./"), Level.parse(value)))
        except ValueError as exc:
            raise ConfigError(f"`junit-levels` maps `{pattern}` to {exc}") from None
    return tuple(pairs)


def level_for_path(rel: str, mapping: tuple[tuple[str, Level], ...]) -> Level | None:
    """The first `junit-levels` glob that matches wins; otherwise the words of the path, file name first."""
    for pattern, level in mapping:
        if glob_match(pattern, rel):
            return level
    parts = rel.split("/")
    stem = parts[-1].rsplit(".", 1)[0]
    for part in [stem, *reversed(parts[:-1])]:
        found = level_from_name(part)
        if found is not None:
            return found
    return None


def level_from_name(name: str) -> Level | None:
    """The level a suite, class or folder name points to, or None when its words say nothing."""
    lowered = name.lower()
    if "end-to-end" in lowered or "end_to_end" in lowered or "end to end" in lowered:
        return Level.E2E
    for token in re.split(r"[^A-Za-z0-9]+", name):
        if not token:
            continue
        low = token.lower()
        if low in _WORDS:
            return _WORDS[low]
        for suffix, level in _SUFFIXES:
            if low.endswith(suffix):
                return level
        if _FAILSAFE_CLASS.search(token):
            return Level.INTEGRATION
    return None
