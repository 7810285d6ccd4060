"""Statuses given later to findings known only by their number: a changelog's `item 3 fixed …`, a retest
table's `| 4.1 | Resolved |` row for the finding under `### 4.1 Title` or the third item of a numbered list."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from rte.docs.leads import ID, ID_RANGE
from rte.docs.markdown import Block
from rte.docs.vocab import leading_status, same_title, severity_of, status_of, strip_marks
from rte.model import Finding, FindingStatus

# `### 4.1 Title`, `### 3. Title`: a heading's section number.
_HEADING_NUMBER = re.compile(r"^\W*(\d{1,3}(?:\.\d{1,3})*)[.)]?\s+\w")
# `item 3 fixed in …`, `finding 2 mitigated: …`, `#3 done` (one item, not `items 1–5 open`).
_MENTION = re.compile(
    r"(?:\b(?:item|finding|issue|no\.)\s*#?|(?<![\w#])#)(\d{1,3}(?:\.\d{1,3})*)\b[\s:—–-]*(.+)", re.I
)
# The first words of what a mention says, which must be a status (`fixed in fw 2.8.1`, `won't fix`).
_FIRST_WORDS = re.compile(r"^\W*((?:not\s+|un)?[\w']+(?:\s+(?:fix(?:ed)?|progress|review))?)", re.I)


def numbered_follow_ups(blocks: Sequence[Block], findings: list[Finding]) -> list[Finding]:
    """Statuses of findings without one, from later lines or rows naming their number; the latest wins."""
    numbers = _numbers(blocks)
    waiting: dict[str, Finding] = {}
    for finding in findings:
        number = numbers.get(finding.location.line or 0)
        if number and finding.status is FindingStatus.UNKNOWN and not finding.id:
            waiting.setdefault(number, finding)  # a number used twice keeps its first finding
    if len(waiting) < 2:
        return findings
    last = max((f.location.line or 0) for f in waiting.values())
    stated: dict[str, FindingStatus] = {}
    restated: set[int] = set()  # rows of a fixes table that name a finding above by its number
    for block in blocks:
        if block.line <= last:
            continue
        for number, said in _mentions(block):
            if number in waiting and (status := _said(said)):
                stated[number] = status
        if (number := _fixed_row(block)) and number in waiting and _same_grade(block, waiting[number]):
            # `## Fixes applied` › `| 1 | No API auth | Added API key middleware | HIGH |` for `### 1. …`
            stated.setdefault(number, FindingStatus.FIXED)
            restated.add(block.line)
    findings = [f for f in findings if (f.location.line or 0) not in restated]
    return _lend(findings, {waiting[n].location.line: s for n, s in stated.items()})


def _fixed_row(block: Block) -> str | None:
    """The number a row of a fixes-applied table opens with (`| 2 | Secrets in logs | Masked the URL |`)."""
    if block.kind != "row" or len(block.cells) < 3 or not block.section:
        return None
    if not _DONE_SECTION.search(block.section[-1]) and not _FIXES_TITLE.match(strip_marks(block.section[-1])):
        return None
    first = strip_marks(block.cells[0]).rstrip(".")
    return first if re.fullmatch(r"\d{1,3}", first) else None


def _same_grade(block: Block, finding: Finding) -> bool:
    """The row grades nothing, or grades as the finding does."""
    grades = {g for c in block.cells if (g := severity_of(strip_marks(c))) is not None}
    return not grades or grades == {finding.severity}


def _numbers(blocks: Sequence[Block]) -> dict[int, str]:
    """line → number of each numbered heading (`### 4.1 Title`) or ordered-list item."""
    numbers: dict[int, str] = {}
    for block in blocks:
        if block.kind == "heading" and (match := _HEADING_NUMBER.match(block.text)):
            numbers[block.line] = match.group(1)
        elif block.kind == "item" and block.number:
            numbers[block.line] = str(block.number)
    return numbers


def _lend(findings: list[Finding], by_line: dict[int | None, FindingStatus]) -> list[Finding]:
    """The findings, each id-less one still without a status taking the one stated for its line."""
    return [
        replace(f, status=by_line[f.location.line])
        if f.location.line in by_line and f.status is FindingStatus.UNKNOWN and not f.id
        else f
        for f in findings
    ]


# `- appointments: select restricted to owners → **fixed**`: a remediation line naming a finding by its title.
_NAMED = re.compile(r"^\W*([\w.:/ -]{1,40}?):\s+(.+)$")


def named_follow_ups(blocks: Sequence[Block], findings: list[Finding]) -> list[Finding]:
    """Statuses of findings named by a short title (a table name, an endpoint) from later list items that open
    with that name: the text after a closing arrow, else the status the line opens with."""
    waiting = {
        f.title.lower(): f
        for f in findings
        if f.status is FindingStatus.UNKNOWN and not f.id and len(f.title.split()) <= 3
    }
    if not waiting:
        return findings
    stated: dict[int, FindingStatus] = {}
    for block in blocks:
        if block.kind != "item" or not (match := _NAMED.match(strip_marks(" ".join(block.text.split("\n"))))):
            continue
        name, said = match.group(1).lower().strip(), match.group(2)
        finding = waiting.get(name) or next(
            (f for title, f in waiting.items() if re.search(rf"[\s:/]{re.escape(name)}$", title)), None
        )
        if finding is None or block.line <= (finding.location.line or 0):
            continue
        arrow = re.split(r"→|->", said)
        status = status_of(arrow[-1]) if len(arrow) > 1 else _said(said)
        if status:
            stated[finding.location.line or 0] = status
    return [
        replace(f, status=stated[f.location.line or 0])
        if (f.location.line or 0) in stated and f.status is FindingStatus.UNKNOWN and not f.id
        else f
        for f in findings
    ]


# A section of later updates: `## Changelog`, `## Status updates`, `## Retest (April)`, `## Revision history`.
# A later section listing what was done: `✅ Completed actions`, `Resolved issues`, `Fixes applied`.
_DONE_SECTION = re.compile(
    r"\b(completed|resolved|remediated|done)\s+(actions?|items?|issues?|findings?|tasks?|work)\b"
    r"|\bfix(es)?\s+(applied|implemented|made)\b|\bremediation (status|log)\b",
    re.I,
)
# `## Fixes`, `## Fixes Applied`, `## Applied fixes`: the section listing what was changed
_FIXES_TITLE = re.compile(r"^\W*(?:\d+[.)]?\s*)?(?:applied\s+)?fix(?:es)?(?:\s+applied)?\W*$", re.I)
_UPDATES = re.compile(r"\b(change-?\s?log|history|updates?|re-?tests?|revisions?|addend(um|a))\b", re.I)


def section_updates(blocks: Sequence[Block], findings: list[Finding]) -> list[Finding]:
    """Statuses a changelog or retest section gives findings by id after they were listed
    (`- 2025-02-01: F-2 fixed in 1.4`); these are later than the listing, so they win, the last one most."""
    listed = {f.id: f for f in findings if f.id}
    stated: dict[str, FindingStatus] = {}
    for block in blocks if listed else ():
        title = block.section[-1] if block.section else ""
        if block.kind not in ("item", "paragraph", "row") or not (
            _UPDATES.search(title) or _DONE_SECTION.search(title)
        ):
            continue
        done = bool(block.section and _DONE_SECTION.search(block.section[-1]))
        if block.kind == "row":
            state = next((c for c in block.cells[1:] if status_of(c)), "")
            short = strip_marks(block.cells[0]).strip()
            if (
                done
                and short in listed
                and (listed[short].location.line or 0) > block.line
                # (a numbered table's `| 1 |` closes the finding numbered 1 only when it names it too)
                and (not short.isdigit() or any(same_title(c, listed[short].title) for c in block.cells[1:]))
            ):
                # `## Remediation status (applied …)` › `| H1 | spoofing | source check added | ✅ |`, above
                # the `### H1. …` it closes: a remediation table is later than the findings, wherever it stands
                if said := leading_status(state):
                    stated[short] = said
                continue
            texts = [f"{block.cells[0]} {state}"]
        else:
            texts = re.split(r"(?<=[.;])\s+", strip_marks(" ".join(block.text.split("\n"))))
        for text in texts:
            for match in ID.finditer(text):
                finding = listed.get(match.group(1))
                # `1. ✅ Fixed the double restore (CRITICAL-1)` under `Completed actions`: the state comes first
                said = _said(text[match.end() :]) or (status_of(block.text) if done else None)
                if finding and block.line > (finding.location.line or 0) and said:
                    stated[match.group(1)] = said
    return [replace(f, status=stated[f.id]) if f.id in stated else f for f in findings]


# A section giving the state of the fixes: `## Fix status (2026-09-03)`, `## Status poprawek`, `## Remediation`.
_FIX_STATUS_SECTION = re.compile(
    r"\bstatus\b.*\b(?:fix|poprawek|napraw|corre[cç]|remediation)|\b(?:fix|remediation)\w*\s+status\b", re.I
)


def ranged_statuses(blocks: Sequence[Block], findings: list[Finding]) -> list[Finding]:
    """A fix-status section stating one state for a run of ids (`All findings FPB-01–FPB-11 were fixed.`):
    each finding in the run takes it."""
    by_id = {f.id: f for f in findings if f.id}
    stated: dict[str, FindingStatus] = {}
    for block in blocks if by_id else ():
        title = block.section[-1] if block.section else ""
        if block.kind not in ("paragraph", "item") or not (
            _FIX_STATUS_SECTION.search(title) or _UPDATES.search(title)
        ):
            continue
        for sentence in re.split(r"(?<=[.;])\s+", strip_marks(" ".join(block.text.split("\n")))):
            runs = list(ID_RANGE.finditer(sentence))
            said = status_of(sentence) if runs else None
            for run in runs if said else ():
                prefix, first, last = run.group(1), int(run.group(2)), int(run.group(3))
                width = len(run.group(2))
                for number in range(first, last + 1) if first < last <= first + 99 else ():
                    for ident in (f"{prefix}-{number:0{width}d}", f"{prefix}-{number}"):
                        if ident in by_id and said:
                            stated[ident] = said
    return [replace(f, status=stated[f.id]) if f.id in stated and f.status.is_open else f for f in findings]


def _mentions(block: Block) -> list[tuple[str, str]]:
    if block.kind == "row" and len(block.cells) >= 2:
        # `| 1 | 1.1 HttpOnly Cookies | Low | ✅ Done |`: a cell naming the section number of the finding (the
        # first cell's `1` ranks the work)
        for index, cell in enumerate(block.cells):
            if named := re.match(r"^(\d{1,3}\.\d{1,3})\s+[^\W\d]", strip_marks(cell)):
                said = next((c for c in block.cells[index + 1 :] if status_of(c)), "")
                return [(named.group(1), said)] if said else []
        first = strip_marks(block.cells[0]).rstrip(".")
        if re.fullmatch(r"\d{1,3}(?:\.\d{1,3})*", first):
            said = next((c for c in block.cells[1:] if status_of(c)), "")
            return [(first, said)] if said else []
        return []
    if block.kind in ("item", "paragraph"):
        text = strip_marks(" ".join(block.text.split("\n")))
        return [
            (m.group(1), m.group(2))
            for part in re.split(r"(?<=[.;])\s+", text)
            for m in _MENTION.finditer(part)
        ]
    return []


def _said(text: str) -> FindingStatus | None:
    """The status a mention opens with (`fixed in fw 2.8.1`, `Partially resolved`), else nothing."""
    first = _FIRST_WORDS.match(text)
    if not first or (not status_of(first.group(1)) and not re.match(r"\W*partial", text, re.I)):
        return None
    return leading_status(text)


# `Fixed:`, `Deferred (larger refactors):`: a line labelling the list of findings below it with their state
_STATE_LABEL = re.compile(r"^\W*([^:\n]{2,80}):\s*$")
# `#4 Vulnerable SQLite dependency — …`, `#5 / #11 Failing tests — …`: an item naming findings by number
_NUMBERS_FIRST = re.compile(r"^\W*#(\d{1,3})((?:\s*[/,&]\s*#\d{1,3})*)")
# `the auth-related findings below (#2, #3, #7) are accepted risks`
_NUMBERS_SAID = re.compile(
    r"\(?#(\d{1,3})((?:\s*,\s*(?:and\s+)?#\d{1,3})*)\)?\s+(?:are|is|were|was)\s+(.{3,60})", re.I
)


def remediation_lists(blocks: Sequence[Block], findings: list[Finding]) -> list[Finding]:
    """Statuses a remediation-status section gives numbered findings, before or after their list: items under
    a `Fixed:` / `Deferred:` label that open with `#4 …`, and sentences like `(#2, #3, #7) are accepted risks`."""
    numbers = _numbers(blocks)
    waiting = {
        numbers[f.location.line or 0]: f
        for f in findings
        if (f.location.line or 0) in numbers and f.status is FindingStatus.UNKNOWN and not f.id
    }
    if len(waiting) < 2:
        return findings
    stated: dict[str, FindingStatus] = {}
    label: FindingStatus | None = None
    for block in blocks:
        if not (block.section and _DONE_SECTION.search(block.section[-1])):
            continue
        plain = strip_marks(" ".join(block.text.split("\n")))
        if block.kind == "paragraph":
            labelled = _STATE_LABEL.match(block.text.strip())
            label = leading_status(labelled.group(1)) if labelled else label
            for said in _NUMBERS_SAID.finditer(plain):
                if status := leading_status(said.group(3)):
                    for number in re.findall(r"\d+", said.group(1) + said.group(2)):
                        stated.setdefault(number, status)
        elif block.kind == "item" and (first := _NUMBERS_FIRST.match(plain)):
            given = label or _said(plain[first.end() :])
            if given is not None:
                stated.update((number, given) for number in re.findall(r"\d+", first.group(0)))
    return _lend(findings, {waiting[n].location.line: s for n, s in stated.items() if n in waiting})


# `SEC-R001, SEC-R003 and SEC-R004 were fixed after this audit.`, `… foram corrigidos`: ids, then their state
_IDS_STATED = re.compile(
    r"^(?P<ids>.{2,300}?)\s+(?:were|have\s+(?:now\s+)?been|are\s+now|foram|fueron|han\s+sido|wurden)\s+"
    r"(?:all\s+|todos\s+|todas\s+)?(?P<state>fixed|resolved|remediated|closed|mitigated"
    r"|corrigid[oa]s|corregid[oa]s|resolvid[oa]s|resuelt[oa]s|mitigad[oa]s|behoben)\b",
    re.I,
)
_ID_JOINS = re.compile(r"\s*(?:,|;|&|\b(?:and|e|y|und|et)\b)\s*", re.I)


def stated_fixes(blocks: Sequence[Block], findings: list[Finding]) -> list[Finding]:
    """Statuses a sentence gives a list of findings by id (`> **Update:** H-1, H-3 and M-2 were fixed after
    this audit.`), wherever it stands; an entry that says more than the id (`the new-upload part of H-2`)
    states only part of a fix and leaves its finding as it was."""
    by_id = {f.id: f for f in findings if f.id}
    stated: dict[str, FindingStatus] = {}
    for block in blocks if len(by_id) >= 2 else ():
        if block.kind not in ("paragraph", "item") or not ID.search(block.text):
            continue
        text = strip_marks(" ".join(block.text.split("\n")))
        for sentence in re.split(r"(?<=[.;!])\s+|:\s+", text):
            match = _IDS_STATED.match(sentence.strip())
            if not match or re.search(r"\b(?:not|não|no|nicht)\b", match.group("ids"), re.I):
                continue
            state = status_of(match.group("state")) or FindingStatus.FIXED
            for entry in _ID_JOINS.split(match.group("ids")):
                ident = ID.fullmatch(entry.strip(" `*_"))
                if ident and ident.group(1) in by_id:
                    stated[ident.group(1)] = state
    return [replace(f, status=stated[f.id]) if f.id in stated else f for f in findings]
