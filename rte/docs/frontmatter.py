"""Optional YAML front matter: the authoritative structured form of a document's facts.

The schema (documented in README, "Front matter"):

    ---
    title: Invoice links            # any document
    status: approved                # any document
    summary: One to three sentences  # BSA
    findings:                       # security audit
      - {id: H-1, title: "…", severity: high, status: fixed}
    score: "8/10"
    suites:                         # test report
      - {level: unit, passed: 120, failed: 0, skipped: 2, coverage: 91.5}
    env: [{name: FOO_URL, description: "…"}]     # architecture (names or mappings)
    feature-flags: [invoice_links]
    metrics: [invoice_link_created_total]
    docs: [{kind: api, path: docs/api/invoices.md}]   # documentation summary
    breaking-changes: []
    ---
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

import yaml

from rte.errors import ConfigError
from rte.model import Location, Problem
from rte.safeyaml import compose_mapping, node_location, scalar_text, to_python

KEYS = (
    "title",
    "status",
    "owner",
    "summary",
    "findings",
    "score",
    "suites",
    "env",
    "feature-flags",
    "metrics",
    "alerts",
    "workers",
    "services",
    "endpoints",
    "docs",
    "breaking-changes",
    "acceptance-criteria",
    "data-loss",
)


# A Markdown heading of two or more `#` (`## Summary`): a YAML comment takes one, so such a line between the
# rules says they hold a document, not front matter gone wrong.
_HEADING = re.compile(r"^#{2,6}\s+\S", re.M)


@dataclass(frozen=True)
class FrontMatter:
    values: dict[str, object] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)  # key → line of the key
    item_lines: dict[str, tuple[int, ...]] = field(default_factory=dict)  # list key → line per item


def split(text: str, rel: str) -> tuple[FrontMatter, str, list[Problem]]:
    """Front matter and the body; the body keeps its line numbers (front matter lines become blank)."""
    if not text.startswith("---\n"):
        return FrontMatter(), text, []
    lines = text.split("\n")
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
    if end is None:
        return (
            FrontMatter(),
            text,
            [Problem("front matter starts with `---` but has no closing `---` line", Location(rel, 1))],
        )
    yaml_text = "\n".join(lines[1:end])
    body = "\n" * (end + 1) + "\n".join(lines[end + 1 :])
    try:
        root = compose_mapping(yaml_text, rel, what="front matter", line_offset=1)
    except ConfigError as exc:
        if _HEADING.search(yaml_text):
            # `---` over `# Review report` and `## Summary`: a rule opening the document, as GitHub shows it
            return FrontMatter(), text, []
        return FrontMatter(), body, [Problem(exc.message, exc.location)]
    if root is None:
        return FrontMatter(), body, []
    values: dict[str, object] = {}
    key_lines: dict[str, int] = {}
    item_lines: dict[str, tuple[int, ...]] = {}
    problems: list[Problem] = []
    for key_node, value_node in root.value:
        key = scalar_text(key_node)
        where = node_location(rel, key_node, 1)
        if key not in KEYS:
            close = difflib.get_close_matches(key, KEYS, n=1, cutoff=0.6)
            hint = f" (did you mean `{close[0]}`?)" if close else ""
            problems.append(Problem(f"unknown front matter key `{key}`{hint}; it is ignored", where))
            continue
        values[key] = to_python(value_node)
        key_lines[key] = where.line or 1
        if isinstance(value_node, yaml.SequenceNode):
            item_lines[key] = tuple(n.start_mark.line + 2 for n in value_node.value)
    return FrontMatter(values, key_lines, item_lines), body, problems
