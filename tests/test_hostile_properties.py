"""Property tests over Markdown → model: any text gives rte's own errors at most, and every line is in the file."""

from __future__ import annotations

import inspect
from dataclasses import fields, is_dataclass

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from rte.docs import design, parse_document
from rte.docs.security import read_security
from rte.docs.tests import read_tests
from rte.errors import RteError
from rte.model import Location

PIECES = [
    "# ",
    "## ",
    "### ",
    "- ",
    "* ",
    "1. ",
    "> ",
    "| ",
    " | ",
    "|---|",
    "```",
    "~~~",
    "---\n",
    "`",
    "**",
    "[x] ",
    "[ ] ",
    "H-1: ",
    "Severity: High",
    "**Status:** Open",
    "Critical",
    "passed",
    "failed",
    "%",
    "Unit tests",
    "E2E",
    "coverage 91%",
    "<!-- ",
    " -->",
    "\t",
    "\r\n",
    "\n",
    "\n\n",
    "\x00",
    "\ufeff",
    "status: [",
    "env:\n  - name: X\n",
    ": ",
    "&a ",
    "*a",
    "{{ x }}",
    "@org/team",
    "#12",
    "é",
    "   ",
]
TEXT = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), max_size=60).map("".join)
REL = "docs/features/x/doc.md"


def locations(value: object, seen: set[int] | None = None) -> list[Location]:
    seen = seen if seen is not None else set()
    if id(value) in seen:
        return []
    seen.add(id(value))
    if isinstance(value, Location):
        return [value]
    if isinstance(value, list | tuple | set | frozenset):
        return [loc for item in value for loc in locations(item, seen)]
    if isinstance(value, dict):
        return [loc for item in value.values() for loc in locations(item, seen)]
    if is_dataclass(value) and not isinstance(value, type):
        return [loc for f in fields(value) for loc in locations(getattr(value, f.name), seen)]
    if hasattr(value, "__dict__") and not isinstance(value, type):
        return [loc for item in vars(value).values() for loc in locations(item, seen)]
    return []


def readers():
    yield lambda d: read_security(d.blocks, d.rel, d.fm)
    yield lambda d: read_tests(d.blocks, d.rel, d.fm)
    for name, fn in inspect.getmembers(design, inspect.isfunction):
        if fn.__module__ != design.__name__ or name.startswith("_"):
            continue
        params = list(inspect.signature(fn).parameters)
        if params in (["blocks", "rel"], ["blocks", "rel", "fm"]):
            yield (lambda f, p: lambda d: f(d.blocks, d.rel, d.fm) if "fm" in p else f(d.blocks, d.rel))(
                fn, params
            )


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
@example("0\x0c0# Unit testscoverage 91%")  # a form feed is no line break: the suite stays on line 1
def test_any_markdown_reads_without_surprise(text):
    lines = max(1, text.replace("\r\n", "\n").replace("\r", "\n").count("\n") + 1)
    try:
        doc = parse_document(text, REL)
        results = [doc.problems] + [read(doc) for read in readers()]
    except RteError:
        return
    for loc in locations(results):
        assert loc.file == REL
        assert loc.line is None or 1 <= loc.line <= lines, (loc, lines)
