"""Pathological Markdown documents (shared by the hostile tests and benchmarks/pathological.py)."""

from __future__ import annotations

N = 10_000

CASES: dict[str, str] = {
    "nested-list": "- " * N + "item\n",
    "nested-ordered": "1. " * N + "item\n",
    "nested-quote": ">" * N + " deep\n",
    "open-brackets": "[" * 100_000 + "\n",
    "stars": "*" * 100_000 + "\n",
    "underscores": "_a" * 5_000 + "\n",  # marko's emphasis pass is quadratic here: see the benchmark
    "backticks": "`" * 50_000 + "x\n",
    "html-comment": "<!--" * 50_000 + "\n",
    "huge-table": "| a | b |\n|---|---|\n" + "| x | y |\n" * 50_000,
    "wide-table": "|" + " c |" * 20_000 + "\n|" + "---|" * 20_000 + "\n",
    "long-line": "word " * 400_000 + "\n",
    "many-headings": "### H-1: x\n**Severity:** High\n" * 20_000,
    "links": "[a](b) " * 50_000 + "\n",
}
