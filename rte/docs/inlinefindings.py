"""Findings and statuses carried in running prose: `→ Finding LS-2 — Medium — Title.` with a follow-up line,
one line each under a heading naming their id range (`### H9-H12: Additional Issues` + `**H9:** Title`), and
statuses given only in footnotes (`Title.[^2]` … `[^2]: Fixed in 2025.03.1.`)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from rte.docs.leads import ID, ID_RANGE, SEVERITY_WORDS
from rte.docs.markdown import Block
from rte.docs.vocab import severity_of, status_of, strip_marks
from rte.model import Finding, FindingStatus, Location

_SEP = r"\s*[—–:|-]+\s*"
# `→ Finding LS-1 — High — Title.`, `=> Issue AB-3: Low: Title` (the id and the grade, then the title).
_RECORDED = re.compile(
    rf"^\W*(?:finding|issue|vulnerability)\s*(?:[:#-]\s*)?(?P<id>\S+){_SEP}(?P<sev>{SEVERITY_WORDS}(?:rmational)?)"
    rf"{_SEP}(?P<title>\S.*?)\.?\s*$",
    re.I,
)
_FOLLOW_UP = re.compile(r"^\W*(?:follow[- ]?up|status|state|resolution|outcome)\s*:\s*(.+)$", re.I)


def recorded_findings(blocks: Sequence[Block], rel: str) -> list[Finding]:
    findings: list[Finding] = []
    for block in blocks:
        if block.kind != "paragraph":
            continue
        lines = block.text.split("\n")
        for offset, line in enumerate(lines):
            match = _RECORDED.match(strip_marks(line))
            if not match or not ID.fullmatch(match.group("id")):
                continue
            severity = severity_of(match.group("sev"))
            if severity is None:
                continue
            status = FindingStatus.UNKNOWN
            after = []
            for later in lines[offset + 1 :]:
                if _RECORDED.match(strip_marks(later)):
                    break
                after.append(later)
            follow = _FOLLOW_UP.match(after[0]) if after else None
            if follow:
                status = status_of(" ".join([follow.group(1), *after[1:]])) or FindingStatus.UNKNOWN
            where = Location(rel, block.line + offset)
            findings.append(
                Finding(
                    match.group("title"), severity, status, where, id=match.group("id"), source="recorded"
                )
            )
    return findings


# `H9-H12`, `M2–M8`: a range of ids sharing one letter prefix.
_RANGE = re.compile(r"^([A-Z]{1,3})-?(\d{1,3})\s*[-–—]\s*\1-?(\d{1,3})$")


def ranged_findings(blocks: Sequence[Block], findings: list[Finding]) -> list[Finding]:
    """A finding whose id is a range (`### H9-H12: Additional Issues`) is the findings its lines list, one a
    line (`**H9:** Sweep failures are silent`, `- M10: tenant id not checked`), each graded as the range is."""
    by_line = {block.line: index for index, block in enumerate(blocks)}
    out: list[Finding] = []
    for finding in findings:
        start = by_line.get(finding.location.line or 0)
        # (`### VULN-010 à VULN-017` over a numbered list of eight titles: the range written out in words)
        ranged = _RANGE.match(finding.id or "") or (
            _range_heading(blocks[start]) if start is not None else None
        )
        listed = _range_lines(blocks, start, ranged) if ranged and start is not None else []
        out.extend(
            Finding(
                title,
                finding.severity,
                FindingStatus.UNKNOWN,
                replace(finding.location, line=line),
                id=ident or None,
            )
            for ident, title, line in listed
        )
        if not listed:
            out.append(finding)
    return out


def _range_heading(block: Block) -> re.Match[str] | None:
    """A heading that opens with a run of ids: `### VULN-010 à VULN-017`, `## HM-002 a HM-012: Otros Medios`."""
    title = strip_marks(block.text)
    run = ID_RANGE.search(title)
    return run if block.kind == "heading" and run and not re.search(r"\w", title[: run.start()]) else None


def _range_lines(blocks: Sequence[Block], start: int, ranged: re.Match[str]) -> list[tuple[str, str, int]]:
    prefix, low, high = ranged.group(1), int(ranged.group(2)), int(ranged.group(3))
    line_id = re.compile(rf"^\W*({prefix}-?(\d{{1,3}}))\W*\s*[:.)—–-]\s*(\S.*?)\s*$")
    found = []
    for block in blocks[start + 1 :]:
        if block.kind == "heading":
            break
        if block.kind not in ("paragraph", "item"):
            continue
        for offset, line in enumerate(block.text.split("\n")):
            match = line_id.match(strip_marks(line))
            if match and low <= int(match.group(2)) <= high:
                found.append((match.group(1), match.group(3), block.line + offset))
    return found or _numbered_titles(blocks, start, high - low + 1)


def _numbered_titles(blocks: Sequence[Block], start: int, size: int) -> list[tuple[str, str, int]]:
    """The range's findings as a numbered list of titles, one per id (`1. File extension trusted`), when the
    list is exactly as long as the range."""
    items = []
    for block in blocks[start + 1 :]:
        if block.kind == "heading":
            break
        if block.kind == "item" and block.number:
            items.append(block)
    top = min((b.level for b in items), default=0)
    items = [b for b in items if b.level == top]
    if len(items) != size or [b.number for b in items] != list(range(1, size + 1)):
        return []
    return [("", strip_marks(b.text.split("\n")[0]), b.line) for b in items]


_FOOTNOTE_REF = re.compile(r"\[\^([^\]\s]+)\](?!:)")
_FOOTNOTE_DEF = re.compile(r"^\s*\[\^([^\]\s]+)\]:\s*(.+)$")


def footnote_statuses(blocks: Sequence[Block], findings: list[Finding]) -> list[Finding]:
    """A finding of unknown status whose lead line cites a footnote takes the status that footnote states."""
    notes: dict[str, str] = {}
    for block in blocks:
        if block.kind in ("paragraph", "item"):
            for line in block.text.split("\n"):
                if note := _FOOTNOTE_DEF.match(line):
                    notes.setdefault(note.group(1), note.group(2))
    if not notes:
        return findings
    cited: dict[int, str] = {}
    for block in blocks:
        if block.kind in ("paragraph", "item", "heading", "row"):
            first = block.text.split("\n")[0]
            if (ref := _FOOTNOTE_REF.search(first)) and ref.group(1) in notes:
                cited.setdefault(block.line, notes[ref.group(1)])
    out = []
    for finding in findings:
        said = cited.get(finding.location.line or 0)
        status = status_of(said) if said and finding.status is FindingStatus.UNKNOWN else None
        out.append(replace(finding, status=status) if status else finding)
    return out
