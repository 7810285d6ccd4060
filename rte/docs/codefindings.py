"""Findings pasted as code blocks: a YAML list of finding mappings, or a fixed-width register (also as a diff)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from rte.docs.leads import ID, SEVERITY_WORDS
from rte.docs.markdown import Block
from rte.docs.vocab import severity_of, status_of
from rte.model import Finding, FindingStatus, Location

# `  - id: HM-101` / `- title: …`: the line opening one item of a YAML list of mappings.
_ITEM = re.compile(r"^(\s*)-\s+([A-Za-z_][\w ]*?)\s*:\s*(.*)$")
_KEY = re.compile(r"^(\s*)([A-Za-z_][\w ]*?)\s*:\s*(.*)$")
_SEVERITY_KEYS = ("severity", "risk", "rating", "priority", "impact")
_STATUS_KEYS = ("status", "state", "resolution", "triage")
_TITLE_KEYS = ("title", "name", "summary", "finding", "issue", "description")
# A register line: `TW-02  Critical  Fixed  Markdown renderer …` (columns two or more spaces apart).
_ROW_SEVERITY = re.compile(rf"^{SEVERITY_WORDS}$", re.I)
# State words a review tool writes for a finding still to fix (`new`, `confirmed`, `triaged`).
_OPEN_STATE = re.compile(r"^\W*(new|confirmed|triaged|reported|reopened)\W*$", re.I)


def code_findings(blocks: Sequence[Block], rel: str) -> list[Finding]:
    findings: list[Finding] = []
    for block in blocks:
        if block.kind != "code":
            continue
        lang = block.lang.lower()
        if lang in ("yaml", "yml"):
            findings.extend(_yaml_items(block, rel))
        elif lang == "diff":
            findings.extend(_register(block, rel, diff=True))
    return findings


def merge_code(blocks: Sequence[Block], others: list[Finding], code: list[Finding]) -> list[Finding]:
    """The code-block findings replace what the other readers made of the same lines, ids or the heading
    that owns the code block (`## Findings` above a YAML list read as one finding by its fields)."""
    if not code:
        return others
    # A finding heading with an id (`### ISSUE #7: Trivy scan blocks CI`) owns its code blocks: the YAML there
    # (`severity: 'CRITICAL,HIGH'`) is its evidence, not findings of their own.
    named = {f.location.line or 0 for f in others if f.id}
    owners: dict[int, int] = {}  # a code finding's line -> the line of the heading above its block
    heading = 0
    for block in blocks:
        if block.kind == "heading":
            heading = block.line
        elif block.kind == "code":
            for finding in code:
                if block.line <= (finding.location.line or 0) <= block.line + block.text.count("\n"):
                    owners[finding.location.line or 0] = heading
    code = [f for f in code if owners.get(f.location.line or 0) not in named]
    lines = {f.location.line or 0 for f in code}
    ids = {f.id for f in code if f.id}
    replaced = {owners[line] for line in lines if line in owners}
    kept = [
        f for f in others if (f.location.line or 0) not in lines | replaced and (not f.id or f.id not in ids)
    ]
    return kept + code


def _state(value: str) -> FindingStatus:
    if _OPEN_STATE.match(value):
        return FindingStatus.OPEN
    return status_of(value.replace("_", " ")) or FindingStatus.UNKNOWN


def _first_line(block: Block) -> int:
    return block.line  # the first line inside the fence


def _yaml_items(block: Block, rel: str) -> list[Finding]:
    findings: list[Finding] = []
    item: dict[str, str] = {}
    start = 0
    indent = -1

    def close() -> None:
        severity = next((severity_of(item[k]) for k in _SEVERITY_KEYS if k in item), None)
        title = next((item[k] for k in _TITLE_KEYS if item.get(k)), "")
        if severity is None or not title:
            return
        status = next((_state(item[k]) for k in _STATUS_KEYS if k in item), FindingStatus.UNKNOWN)
        ident = item.get("id") or None
        findings.append(Finding(title, severity, status, Location(rel, start), id=ident, source="code"))

    for offset, line in enumerate(block.text.split("\n")):
        opened = _ITEM.match(line)
        if opened:
            if item:
                close()
            indent = len(opened.group(1))
            item = {opened.group(2).lower(): opened.group(3).strip().strip("'\"")}
            start = _first_line(block) + offset
            continue
        field = _KEY.match(line)
        if item and field and len(field.group(1)) > indent:
            item[field.group(2).lower()] = field.group(3).strip().strip("'\"")
        elif item and line.strip() and len(line) - len(line.lstrip()) <= indent:
            close()
            item = {}
    if item:
        close()
    return findings


def _register(block: Block, rel: str, diff: bool) -> list[Finding]:
    findings: list[Finding] = []
    for offset, line in enumerate(block.text.split("\n")):
        if diff:
            if line.startswith("-"):
                continue  # the state before the change
            line = line[1:] if line[:1] in ("+", " ") else line
        cells = [c.strip() for c in re.split(r"\s{2,}|\t|\s*\|\s*", line.strip()) if c.strip()]
        if len(cells) < 3 or not ID.fullmatch(cells[0]):
            continue
        severity = next((severity_of(c) for c in cells[1:] if _ROW_SEVERITY.match(c)), None)
        if severity is None:
            continue
        rest = [c for c in cells[1:] if not _ROW_SEVERITY.match(c)]
        status = FindingStatus.UNKNOWN
        if rest and len(rest[0].split()) <= 3 and (_OPEN_STATE.match(rest[0]) or status_of(rest[0])):
            status = _state(rest[0])
            rest = rest[1:]
        if not rest:
            continue
        where = Location(rel, _first_line(block) + offset)
        findings.append(Finding(rest[-1], severity, status, where, id=cells[0], source="code"))
    return findings
