"""What a parent heading says of the finding headings and leads below it: the grade of a group (`## CRITICAL —
Fix before any user`, `### Priority 1 Fixes (Critical)`) or of a reviewed area (`## 9. Dependencies 🔴 CRITICAL`)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from rte.docs.findingparts import groups_findings, sub_heading
from rte.docs.leads import (
    FINDING_LEAD,
    FOREIGN_FINDINGS,
    ID,
    PAREN_SEVERITY,
    SEVERITY_PREFIX,
    TAG,
    TRAILING_GRADE,
    Lead,
    marker_lead,
)
from rte.docs.markdown import Block
from rte.docs.vocab import severity_of, strip_marks
from rte.model import Severity

# `CRITICAL — Fix before any user`: a grade, a dash, the group's deadline or note.
_LEADING_GRADE = re.compile(
    r"^\W*(critical|high|medium|moderate|low|info(?:rmational)?|P[0-4])(?:\s*[—–:]|\s+-)\s*\w", re.I
)
# `## Priority 1 — Critical` over `### SEC-01: …`: a numbered rank, then the grade it stands for.
_RANKED = re.compile(
    r"^\W*(?:priority|tier|rank|level)\s*\d\s*(?:[—–:]|\s-)\s*(critical|high|medium|moderate|low|info(?:rmational)?)\b",
    re.I,
)
# What a group of findings is called (`Priority 1 Fixes (Critical)`), not a rule checked (`Money Rules (Critical)`).
_FINDING_GROUP = re.compile(
    rf"\b(priority|fix(?:es)?|findings?|issues?|vulnerabilit\w+|risks?|problems?|{FOREIGN_FINDINGS})\b"
    r"|脆弱性|漏洞|問題|问题|観察事項|発見事項|发现|취약점|문제",  # CJK words have no word boundaries
    re.I,
)


def group_grade(
    blocks: Sequence[Block], index: int, plain: str, terms: Mapping[str, Severity] | None = None
) -> Severity | None:
    """The grade a parent heading gives the finding headings below it: one it opens with (`## CRITICAL — Fix
    before any user` over `### C-1: …`) or one in brackets after a group's name (`### Priority 1 Fixes
    (Critical) - COMPLETED` over `#### 1. …`, but not `## Money Rules (Critical)`, a rule checked)."""
    opening = _LEADING_GRADE.match(plain)
    bracketed = PAREN_SEVERITY.search(plain) if blocks[index].kind == "heading" else None
    if bracketed and (not _FINDING_GROUP.search(plain) or ID.search(blocks[index].text)):
        bracketed = None
    grade = opening or bracketed or _RANKED.match(plain)
    if grade is None and blocks[index].kind == "heading" and _finding_below(blocks, index):
        # `### 🔴 1. A01:2021 – Broken Access Control` › `#### Finding 1.1: …`: the colour grades the group
        return marker_lead(blocks[index].text, terms)
    return severity_of(grade.group(1)) if grade and groups_findings(blocks, index) else None


def _finding_below(blocks: Sequence[Block], index: int) -> bool:
    """A heading whose first sub-heading opens a numbered finding (`#### Finding 1.1: …`)."""
    child = sub_heading(blocks, index)
    return child is not None and bool(FINDING_LEAD.match(strip_marks(child.text)))


def rated_area(blocks: Sequence[Block], leads: Sequence[Lead], index: int) -> Severity | None:
    """`## 9. Dependencies 🔴 CRITICAL` over `**CRITICAL - Symfony CVE-…**`: an area of the review rated at
    its end, over findings graded on their own, grades them; it is not a finding itself."""
    heading = blocks[index]
    trailing = TRAILING_GRADE.search(heading.text)
    if trailing is None or trailing.group(1) is None or ID.search(heading.text):
        return None
    for lead in leads:
        block = blocks[lead.index]
        if lead.index <= index:
            continue
        if block.kind == "heading" and block.level <= heading.level:
            return None
        if block.kind != "heading" and (lead.graded or SEVERITY_PREFIX.match(strip_marks(lead.text))):
            return severity_of(trailing.group(1))
    return None


# `C1`, `H-3`, `M2-M8`: an id whose letter is its grade in a report that codes every finding so.
# (`N4` and `I2`, notes and informational findings, grade but do not make a report coded)
_LETTER_ID = re.compile(r"^\W*([CHMLNI])-?\d{1,3}\b")
_LETTERS = {
    "C": Severity.CRITICAL,
    "H": Severity.HIGH,
    "M": Severity.MEDIUM,
    "L": Severity.LOW,
    "N": Severity.INFO,
    "I": Severity.INFO,
}


def letter_coded(blocks: Sequence[Block]) -> bool:
    """The headings number findings by grade letter (`### C1: …`, `### H1: …`, `### M1: …`): four or more,
    with two letters or more, and no heading grading itself otherwise (`### H-03: … (Medium)`: H for
    hardening)."""
    letters = []
    for block in blocks:
        if block.kind == "heading" and (match := _LETTER_ID.match(plain := strip_marks(block.text))):
            own = PAREN_SEVERITY.search(plain) or TAG.search(plain)
            if own and severity_of(own.group(0)) not in (None, _LETTERS[match.group(1)]):
                return False
            if match.group(1) in "CHML":
                letters.append(match.group(1))
    return _codes_grades(letters)


def _codes_grades(letters: Sequence[str]) -> bool:
    """Four coded ids or more, with two letters or more: the letters stand for grades."""
    return len(letters) >= 4 and len(set(letters)) >= 2


def letter_grade(ident: str | None) -> Severity | None:
    """The grade an id's letter codes (`H13` › high), for a report that is `letter_coded`."""
    match = _LETTER_ID.match(ident or "")
    return _LETTERS[match.group(1)] if match else None


def letter_coded_tables(blocks: Sequence[Block]) -> frozenset[int]:
    """Tables whose rows open by naming a finding with its grade letter (`| C1: Cancel has no auth | ✅ Fixed |`,
    `| H1: Socket open | ⚠️ Partial |`): four rows or more, two letters or more."""
    letters: dict[int, list[str]] = {}
    for block in blocks:
        match = _LETTER_ID.match(strip_marks(block.cells[0])) if block.kind == "row" and block.cells else None
        if match and match.group(1) in "CHML":
            letters.setdefault(block.table, []).append(match.group(1))
    return frozenset(t for t, found in letters.items() if _codes_grades(found))
