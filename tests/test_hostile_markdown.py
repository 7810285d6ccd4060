"""Pathological Markdown finishes (no timing assertion: speed is in benchmarks/pathological.py)."""

from __future__ import annotations

import pytest

from rte.docs import parse_document
from rte.docs.security import read_security
from rte.docs.tests import read_tests
from tests.hostile import time_limit
from tests.pathological import CASES


@pytest.mark.parametrize("name", sorted(CASES))
def test_pathological_document_reads_without_exception(name):
    with time_limit(300):
        doc = parse_document(CASES[name], "doc.md")
        read_security(doc.blocks, doc.rel, doc.fm)
        read_tests(doc.blocks, doc.rel, doc.fm)
    for problem in doc.problems:
        assert problem.location is None or problem.location.file == "doc.md"


def test_too_deep_nesting_is_a_problem_not_a_crash():
    doc = parse_document("> " * 10_000 + "deep\n", "doc.md")
    assert any("too deeply" in p.message for p in doc.problems)


def test_markdown_that_parses_too_slowly_is_read_line_by_line(monkeypatch):
    from rte.docs import markdown

    monkeypatch.setattr(markdown, "PARSE_SECONDS", 0.3)
    text = (
        "# Audit\n\n" + "_a" * 40_000 + "\n\n### H-1: Open redirect\n**Severity:** High\n**Status:** Open\n"
    )
    doc = parse_document(text, "doc.md")
    assert any("read line by line" in p.message for p in doc.problems)
    audit, _ = read_security(doc.blocks, doc.rel, doc.fm)
    assert [b.line for b in doc.blocks if "Open redirect" in b.text] == [5]
    assert audit is not None
