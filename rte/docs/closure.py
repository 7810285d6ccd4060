"""A status the whole report gives its findings at once: in its header, or in a remediation status section.

`**Status:** 🟢 **REMEDIATED** (Fixed Dec 28 - PR submitted)` over findings that state no status of their own
closes them all; `**Status:** All CRITICAL and HIGH findings resolved` closes the critical and high ones, and
so does a sentence under a status heading above the findings (`## Remediation Status` › "All findings listed in
this report have been remediated in code"), or a `## Remediation status` section anywhere ("implements remediation
for all twelve findings above"). A count table whose `Remediated` column equals `Found` for a grade
(`| High | 4 | 4 |`) closes that grade.
A finding's own status always wins, and a header status with a scope (`FIXED for the guestbook endpoint`),
a hedge (`partially`, `except`) or a negation closes nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from rte.docs.markdown import Block
from rte.docs.rowstatus import cell_at
from rte.docs.sections import STATUS_TITLE
from rte.docs.vocab import severity_of, status_of, strip_marks
from rte.model import Finding, FindingStatus, Severity

_HEADER_BLOCKS = 15  # the metadata lines under a report's title
_STATUS_LINE = re.compile(r"^\W*(?:audit\s+|overall\s+|remediation\s+)?status\W*[:=]\s*(.+)$", re.I)
_GRADE = r"(?:critical|high|medium|moderate|low)"
_GRADES = rf"{_GRADE}(?:\s*(?:,|/|&|\+|and)\s*{_GRADE})*\s+(?:(?:priority|severity)\s+)?"
_CLOSED_ALL = re.compile(
    rf"^\W*(?:all\s+)?(?P<grades>{_GRADES})?"
    r"(?:security\s+)?(?:findings?\s+|issues?\s+|vulnerabilit(?:y|ies)\s+)?"
    r"(?:(?:have\s+been|has\s+been|are|were)\s+)?"
    r"(?P<word>remediated|fixed|resolved|closed)\W*$",
    re.I,
)
_ASIDE = re.compile(r"\([^()]*\)")
_STATUS_SECTION = re.compile(r"\b(status|remediation|update|summary|overview)\b", re.I)
_ALL_CLOSED = re.compile(
    rf"^\W*all\s+(?:the\s+)?(?P<grades>{_GRADES})?(?:security\s+)?"
    r"(?:findings|issues|vulnerabilities)\b[^.;:]{0,60}?\b(?:have|has)\s+been\s+(?:fully\s+)?"
    r"(?P<word>remediated|fixed|resolved|closed)\b",
    re.I,
)
# `… implements remediation for all twelve source/repository findings above`
_REMEDIATION_FOR_ALL = re.compile(
    r"\b(?:remediation|fix(?:es)?)\s+(?:for|of)\s+(?:all|every)\s+(?:[\w/-]+\s+){0,3}(?:findings|issues|vulnerabilities)\b",
    re.I,
)
_STATUS_REPORT = re.compile(r"\b(?:remediation|fix)\s+(?:status|summary)\b", re.I)
_HEDGE = re.compile(r"\b(not|except|but|remain\w*|pending|partial\w*|unless|still)\b", re.I)


def header_status(blocks: Sequence[Block], findings: list[Finding]) -> list[Finding]:
    """Close the findings with no status of their own when the report's header says they are closed."""
    closed = _closed_grades(blocks)
    if closed is None:
        closed = _closed_by_sentence(blocks, min((f.location.line or 0 for f in findings), default=0))
    if closed is None:
        closed = _closed_by_counts(blocks)
    if closed is None:
        return findings
    return [
        replace(f, status=FindingStatus.FIXED)
        if f.status is FindingStatus.UNKNOWN and (not closed or f.severity in closed)
        else f
        for f in findings
    ]


def _closed_grades(blocks: Sequence[Block]) -> frozenset[Severity] | None:
    """The grades the header's status line closes (empty: all of them), or None when it closes nothing."""
    for block in blocks[:_HEADER_BLOCKS]:
        if block.kind == "heading" and block.level > 1:
            return None  # past the header
        if block.kind not in ("paragraph", "item"):
            continue
        for line in block.text.split("\n"):
            match = _STATUS_LINE.match(strip_marks(line))
            if not match:
                continue
            value = _ASIDE.sub(" ", match.group(1)).strip()
            closing = _CLOSED_ALL.match(value)
            if not closing or status_of(closing.group("word")) is not FindingStatus.FIXED:
                return None
            return _grades(closing)
    return None


def _closed_by_sentence(blocks: Sequence[Block], first: int) -> frozenset[Severity] | None:
    """The grades a sentence under a status heading above the first finding, or under a remediation status
    heading anywhere, closes, as `_closed_grades`."""
    for block in blocks:
        if block.kind != "paragraph" or not block.section:
            continue
        title = block.section[-1]
        above = block.line < first and _STATUS_SECTION.search(title)
        if not (above or _STATUS_REPORT.search(title)):  # `## Remediation status` after the findings too
            continue
        for sentence in re.split(r"(?<=[.;!])\s+", strip_marks(" ".join(block.text.split("\n")))):
            if _HEDGE.search(sentence):
                continue
            if closing := _ALL_CLOSED.match(sentence):
                return _grades(closing)
            if _REMEDIATION_FOR_ALL.search(sentence):
                return frozenset()
    return None


_FOUND_COLUMN = re.compile(r"^\W*(?:found|identified|total|reported)\W*$", re.I)
_CLOSED_COLUMN = re.compile(r"^\W*(?:remediated|fixed|resolved|closed)\W*$", re.I)
_COUNT = re.compile(r"^\W*(\d{1,4})\W*$")


def _closed_by_counts(blocks: Sequence[Block]) -> frozenset[Severity] | None:
    """`| Severity | Found | Remediated |` with `| High | 4 | 4 |`: the grades whose every finding the report
    counts as remediated (never all grades at once: a grade the table leaves out stays as it is)."""
    closed: set[Severity] = set()
    for block in blocks:
        if block.kind != "row" or len(block.cells) < 3:
            continue
        header = [strip_marks(h) for h in block.header]
        found = next((i for i, h in enumerate(header) if _FOUND_COLUMN.match(h)), None)
        fixed = next((i for i, h in enumerate(header) if _CLOSED_COLUMN.match(h)), None)
        if found is None or fixed is None:
            continue
        grade = severity_of(strip_marks(block.cells[0]))
        counts = [_COUNT.match(strip_marks(cell_at(block, i))) for i in (found, fixed)]
        if grade is not None and counts[0] and counts[1] and int(counts[0][1]) == int(counts[1][1]) > 0:
            closed.add(grade)
    return frozenset(closed) or None


def _grades(closing: re.Match[str]) -> frozenset[Severity]:
    """The grades a closing statement names (`All critical and high issues resolved`); empty: all of them."""
    named = re.findall(_GRADE, closing.group("grades") or "", re.I)
    return frozenset(s for s in map(severity_of, named) if s)


# A section that lists what it found, then what was done about it: `**Issues Found:**` … `**Fixes Implemented:**`
# under `### Status: SECURED`, or `#### Initial Findings` … `#### Remediation` › `**Status:** ✅ RESOLVED`.
_FOUND_LABEL = re.compile(
    r"^\W*(?:initial\s+|original\s+)?(?:issues?|findings?|vulnerabilit(?:y|ies)|problems?)"
    r"(?:\s+(?:found|identified|detected))?\W*$",
    re.I,
)
_REMEDIED_LABEL = re.compile(
    r"^\W*(?:remediation|resolution|fix(?:es)?\s+(?:implemented|applied)|actions?\s+taken)\W*$", re.I
)


def remedied_sections(blocks: Sequence[Block], findings: list[Finding]) -> list[Finding]:
    """Findings listed under `Issues Found` take the status the same section states after its `Fixes
    Implemented` (or `Remediation`) part, unless their own text says otherwise (a ❌ only marks the issue)."""
    stated: list[tuple[int, int, FindingStatus]] = []  # (first line, last line, status) of each such list
    for index, block in enumerate(blocks):
        label = _label(block)
        if label is not None and _FOUND_LABEL.match(label):
            end, status = _remedied(blocks, index)
            if end is not None and status in (FindingStatus.FIXED, FindingStatus.MITIGATED):
                stated.append((block.line, end, status))
    if not stated:
        return findings
    out = []
    for finding in findings:
        line = finding.location.line or 0
        status = next((s for first, last, s in stated if first < line < last), None)
        own = status_of(strip_marks(finding.title).replace("❌", ""))
        closes = finding.status in (FindingStatus.UNKNOWN, FindingStatus.OPEN) and own is None
        out.append(replace(finding, status=status) if status and closes else finding)
    return out


def _label(block: Block) -> str | None:
    if block.kind == "heading" or (block.kind == "paragraph" and "\n" not in block.text.strip()):
        return strip_marks(block.text)
    return None


def _remedied(blocks: Sequence[Block], start: int) -> tuple[int | None, FindingStatus | None]:
    """Where the found list ends at a remedy part of the same section, and the status stated after that
    (or by the section's own `Status:` title): a label paragraph pairs with a label paragraph before the
    next heading, a heading with the next heading of its level."""
    found = blocks[start]
    heading = found.kind == "heading"
    remedy: int | None = None
    status: FindingStatus | None = None
    for block in blocks[start + 1 :]:
        if block.kind == "heading" and (not heading or block.level <= found.level):
            if remedy is not None or not heading or block.level < found.level:
                break
            if not _REMEDIED_LABEL.match(strip_marks(block.text)):
                return None, None  # another section began before any remedy
            remedy = block.line
            continue
        if remedy is None:
            if not heading and block.kind == "paragraph" and _REMEDIED_LABEL.match(_label(block) or "-"):
                remedy = block.line
            continue
        for line in block.text.split("\n") if block.kind in ("paragraph", "item") else ():
            if status is None and (said := _STATUS_LINE.match(strip_marks(line))):
                status = _closed(said.group(1))
    title = STATUS_TITLE.match(strip_marks(found.section[-1])) if not heading and found.section else None
    if remedy is not None and status is None and title:
        status = _closed(title.group(1))
    return remedy, status


def _closed(value: str) -> FindingStatus | None:
    return None if _HEDGE.search(value) else status_of(value)


# `**Findings:**` over `- ✅ **CRITICAL**: tokens accepted unsigned`: every item of a list of
# what was found carries a ✅, which marks the item, not a fix.
_FOUND_LIST = re.compile(
    r"^\W*(?:key\s+|security\s+)?(?:findings?|issues?|vulnerabilit(?:y|ies))(?:\s+(?:found|identified))?\W*$",
    re.I,
)
_FIX_WORD = re.compile(
    r"\b(?:fixed|resolved|remediated|mitigated|patched|closed|accepted risk|risk accepted)\b", re.I
)
_CHECKED_GRADE = re.compile(r"^\W*✅\uFE0F?\s*\**\s*(?:critical|high|medium|moderate|low|info)\b", re.I)


def found_marks(blocks: Sequence[Block], findings: list[Finding]) -> list[Finding]:
    """Findings listed under a `Findings:` label as `✅ GRADE: problem`, none saying it was fixed, are open."""
    marked: set[int] = set()
    label: str | None = None
    for block in blocks:
        if block.kind != "item":
            label = strip_marks(block.text) if block.kind in ("paragraph", "heading") else None
            continue
        found = label and _FOUND_LIST.match(label) and _CHECKED_GRADE.match(block.text)
        if found and not _FIX_WORD.search(block.text):
            marked.add(block.line)
    return [
        replace(f, status=FindingStatus.UNKNOWN)
        if f.location.line in marked and f.status is FindingStatus.FIXED
        else f
        for f in findings
    ]


# `1. ~~**HIGH — Require a strong JWT_SECRET**~~ **DONE** — the server exits without one`: recommended work struck
# through and marked done.
_STRUCK_DONE = re.compile(
    r"^\W*(?:\d+[.)]\s*)?~~(?P<work>[^~]{4,200})~~\W*(?:done|fixed|resolved|complete[d]?|✅)\b", re.I
)
_WORK_WORD = re.compile(r"[^\W\d_]{3,}")
# Words that name the work, not the weakness: `Require`, `Add`, `Sanitize`, the grade, little words.
_WORK_NOISE = frozenset(
    [
        "require",
        "add",
        "sanitize",
        "sanitise",
        "fix",
        "harden",
        "protect",
        "remove",
        "use",
        "enable",
        "implement",
        "the",
        "and",
        "for",
        "with",
        "from",
        "into",
        "critical",
        "high",
        "medium",
        "low",
        "strong",
    ]
)


def done_recommendations(blocks: Sequence[Block], findings: list[Finding]) -> list[Finding]:
    """A recommendations list whose items are struck through and marked done closes the findings they name:
    each item the finding sharing the most words with it (two at least, and no other as many)."""
    words = [frozenset(w.lower() for w in _WORK_WORD.findall(f.title)) - _WORK_NOISE for f in findings]
    closed: set[int] = set()
    for block in blocks:
        done = _STRUCK_DONE.match(block.text) if block.kind in ("item", "paragraph") else None
        if done is None:
            continue
        said = frozenset(w.lower() for w in _WORK_WORD.findall(done.group("work"))) - _WORK_NOISE
        shared = [len(said & own) for own in words]
        best = max(shared, default=0)
        if best >= 2 and shared.count(best) == 1:
            closed.add(shared.index(best))
    return [
        replace(f, status=FindingStatus.FIXED) if i in closed and f.status.is_open else f
        for i, f in enumerate(findings)
    ]
