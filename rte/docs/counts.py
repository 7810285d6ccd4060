"""Open HIGH/CRITICAL counts an audit states without listing the findings (`Open findings:` + `- High: 3`)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from rte.docs.markdown import Block
from rte.docs.vocab import severity_of, strip_marks
from rte.model import Finding, Location, Severity

_OPEN = re.compile(
    r"\b(open|unresolved|outstanding|remaining|active|unfixed|unpatched|not (yet )?(fixed|resolved))\b", re.I
)
_CLOSED = re.compile(r"\b(closed|fixed|resolved|remediated|mitigated|patched)\b", re.I)
_COUNT_LINE = re.compile(
    r"^\W*(critical|high|p0|p1)\b[\w\s()/-]{0,30}?(?:[:=–—-]|\s)\s*(\d{1,6})\s*(?:\(|$|open\b|issues?\b|findings?\b)",
    re.I,
)
_PROSE = re.compile(
    r"(\d+)\s+(?:open|unresolved|outstanding|remaining|unfixed)\s+(critical|high|p0|p1)\b"
    r"|\b(critical|high|p0|p1)\b[^:\n]{0,30}\b(?:open|unresolved|remaining|outstanding)\W+(\d+)",
    re.I,
)
# A scanner's result: `2 critical vulnerabilities found` (what a scan finds is open until a line says otherwise).
_FOUND = re.compile(
    r"(\d+)\s+(critical|high)\s+(?:severity\s+)?(?:vulnerabilit\w+|issues?|findings?|cves?)\s+"
    r"(?:were\s+|was\s+)?(?:found|detected|identified|reported)\b",
    re.I,
)
# `Your codebase has 3 CRITICAL and 5 HIGH severity vulnerabilities that need immediate attention`
_HAS = re.compile(
    r"\b(?:has|have|contains?|with)\s+(\d+)\s+(critical|high)(?:\s*(?:,|and)\s*(\d+)\s+(critical|high))?"
    r"\s+(?:severity\s+)?(?:security\s+)?(?:vulnerabilit\w+|issues?|findings?|cves?)\b",
    re.I,
)
_TOTAL_ROW = re.compile(r"^\W*(total|sum|all)\b", re.I)
_COUNT_HEADER = re.compile(r"count|number|total|^\W*#\W*$|found|issues|findings", re.I)
_BLOCKING = (Severity.CRITICAL, Severity.HIGH)
# `## 🟡 HIGH PRIORITY ISSUES (3 fixed, 1 pending)`: a graded group's heading that counts its open findings.
_TALLY = re.compile(
    r"\([^()]*?\b(\d{1,3})\s+(?:open|pending|unresolved|outstanding|remaining|pendientes?|abiertos?|offen"
    r"|ouverts?|en attente|pendentes?|abertos?|aperti|in sospeso)\b[^()]*\)",
    re.I,
)


def stated_open(blocks: Sequence[Block], rel: str) -> tuple[int, Location | None]:
    """The largest open HIGH/CRITICAL total one list, table or sentence states, and where it is.

    Counts in one list or table add up; separate statements (a summary and a later breakdown) do not,
    since they usually repeat each other. A count counts only when its lead-in says the issues are open
    (an `Open` column, "Open findings:", "3 unresolved high…"), never when it says they are closed.
    """
    groups: dict[object, list[tuple[int, int]]] = {}
    lead = ""
    for block in blocks:
        if block.kind == "heading":
            lead = block.text
            continue
        if block.kind == "row":
            count = _row_count(block, lead)
            if count:
                groups.setdefault(("table", block.table), []).append((count, block.line))
            elif (found_count := _column_count(block, lead)) is not None:
                key = ("total" if _TOTAL_ROW.match(strip_marks(block.cells[0])) else "columns", block.table)
                groups.setdefault(key, []).append((found_count, block.line))
            continue
        lines = block.text.split("\n")
        for offset, line in enumerate(lines):
            plain = strip_marks(line)
            for match in _PROSE.finditer(plain):
                stated = int(match.group(1) or match.group(4))
                groups.setdefault(("line", block.line + offset), []).append((stated, block.line + offset))
            if not _CLOSED.search(plain):
                for match in _FOUND.finditer(plain):
                    groups.setdefault(("line", block.line + offset), []).append(
                        (int(match.group(1)), block.line + offset)
                    )
                for match in _HAS.finditer(plain):
                    stated = int(match.group(1)) + int(match.group(3) or 0)
                    groups.setdefault(("line", block.line + offset), []).append((stated, block.line + offset))
            found = _COUNT_LINE.match(plain)
            if found and _says_open(lead) and int(found.group(2)):
                groups.setdefault(("lead", lead), []).append((int(found.group(2)), block.line + offset))
            elif (
                found
                and _FOUND_KIND.match(plain)
                and int(found.group(2))
                and not _closed_near(block, lead, plain)
            ):
                # `## Security Metrics` › `- Critical vulnerabilities: 2`: what was found, and nothing says it
                # was fixed (the report lists no finding of its own)
                groups.setdefault(("found", block.section), []).append(
                    (int(found.group(2)), block.line + offset)
                )
            elif block.kind == "paragraph" and not found:
                lead = plain
    best, where = 0, None
    for counts in groups.values():
        total = sum(c for c, _ in counts)
        if total > best:
            best, where = total, Location(rel, min(line for _, line in counts))
    return best, where


_FOUND_KIND = re.compile(
    r"^\W*(?:critical|high)\s+(?:severity\s+)?(?:vulnerabilit\w+|issues|findings|cves)\W*[:=]", re.I
)


def _closed_near(block: Block, lead: str, line: str) -> bool:
    return any(_CLOSED.search(text) for text in (line, lead, *block.section[-1:]))


def _says_open(text: str) -> bool:
    return bool(_OPEN.search(text)) and not (_CLOSED.search(text) and not re.search(r"\bnot\b", text, re.I))


def _column_count(block: Block, lead: str) -> int | None:
    """`| image-a | 2 | 6 | 34 |` under `Image | Critical | High | Medium`: the row's HIGH and CRITICAL cells,
    unless the table's heading or lead-in says they are closed."""
    columns = [i for i, h in enumerate(block.header) if i and severity_of(strip_marks(h)) in _BLOCKING]
    if not columns or _CLOSED.search(" ".join((*block.section[-1:], lead))):
        return None
    total = 0
    for index in columns:
        cell = strip_marks(block.cells[index]) if index < len(block.cells) else ""
        count = re.fullmatch(r"\s*(\d{1,6})\s*", cell)
        if count is None:
            return None
        total += int(count.group(1))
    return total


def _row_count(block: Block, lead: str) -> int:
    header = [strip_marks(h).lower() for h in block.header]
    if not block.cells or severity_of(block.cells[0]) not in _BLOCKING:
        return 0
    column = next((i for i, h in enumerate(header) if _OPEN.search(h)), None)
    if column is None and _says_open(" ".join((*block.section[-1:], lead))):
        column = next((i for i, h in enumerate(header) if i and _COUNT_HEADER.search(h)), None)
    if column is None or column >= len(block.cells):
        return 0
    count = re.fullmatch(r"\D{0,3}(\d{1,6})\D{0,12}", strip_marks(block.cells[column]))
    return int(count.group(1)) if count else 0


def untallied_open(
    blocks: Sequence[Block], findings: Sequence[Finding], rel: str
) -> tuple[int, Location | None]:
    """Open HIGH/CRITICAL issues a graded group's heading counts (`## HIGH PRIORITY (3 fixed, 1 pending)`)
    beyond the open findings it lists, and the first heading that counts them."""
    missing, where = 0, None
    for index, block in enumerate(blocks):
        tally = _TALLY.search(block.text) if block.kind == "heading" else None
        if tally is None or severity_of(strip_marks(block.text[: tally.start()])) not in _BLOCKING:
            continue
        ends = (b.line for b in blocks[index + 1 :] if b.kind == "heading" and b.level <= block.level)
        end = next(ends, None)
        listed = sum(
            1
            for f in findings
            if block.line < (line := f.location.line or 0)
            and (end is None or line < end)
            and f.severity in _BLOCKING
            and f.status.is_open
        )
        if int(tally.group(1)) > listed:
            missing += int(tally.group(1)) - listed
            where = where or Location(rel, block.line)
    return missing, where
