"""Findings listed in tables and recaps reconciled with the findings detailed under their own headings.

Audits list one finding in several places: a summary table (`| # | Severity | Issue | Status |`) before
the details, a ranked table with the same ids, a risk matrix or a "✅ issues fixed" recap after them. The
detail is the finding (its line is where the reader looks); the other places lend it the status it does
not state, and a row that no section details is a finding of its own. A summary table that matches none
of the detailed findings is an overview of something else and lends nothing, unless each of its rows has an
id and none of the details has one (a register of `V-001` rows after a scanner's notes on packages).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import replace

from rte.docs.leads import FINDING_LEAD, FOREIGN_FINDINGS, HEAD_ID, ID
from rte.docs.markdown import Block
from rte.docs.vocab import same_title, strip_marks
from rte.model import Finding, FindingStatus, Severity

_WORDS = re.compile(r"[^\W_]+")
_LEADING_NUMBER = re.compile(r"^\W*(\d{1,3})[.):]\s")
_GRADE = re.compile(r"\b(critical|high|medium|moderate|low|info(?:rmational)?)\b", re.I)
_ORDINAL_ID = re.compile(r"^#?(\d{1,3})$")
_PAIRS = 250_000  # rows × findings compared by title at most; beyond, rows join by id only
_NOISE = frozenset(
    {"critical", "high", "medium", "moderate", "low", "info", "the", "a", "an", "of", "in", "on"}
)


def rows_with_details(blocks: Sequence[Block], rows: list[Finding], details: list[Finding]) -> list[Finding]:
    """Table rows and heading findings as one list, each finding once.

    - A row and a heading with the same id are one finding: the heading's, with the row's status when the
      heading states none (`| BR-01 | High | ✅ Fixed |` … `### BR-01 — …`).
    - A row whose title names detailed findings by id (`CRIT-01 + CRIT-02: …` in a priority table) repeats
      them.
    - The rows of a table inside a finding's own section (`npm audit` output under `### H-3 …`) are its
      evidence, not findings of their own.
    - A list item after the table naming a row's id restates the row.
    """
    rows = _hash_numbered(blocks, rows, details)
    listed = {f.id: f for f in rows if f.id}
    # `1. **TM-001** - JWT theft` in a list after the table that has the TM-001 row restates that row
    items = {b.line for b in blocks if b.kind == "item"}
    details = [
        f
        for f in details
        if not (
            f.id in listed
            and f.location.line in items
            and (f.location.line or 0) > (listed[f.id].location.line or 0)
        )
    ]
    details = [
        replace(f, status=listed[f.id].status)
        if f.id in listed
        and f.status is FindingStatus.UNKNOWN
        and f.location.line != listed[f.id].location.line
        else f
        for f in details
    ]
    detail_lines: dict[str, int | None] = {}
    for finding in details:
        if finding.id:
            detail_lines.setdefault(finding.id, finding.location.line)
    detailed = {i for i, line in detail_lines.items() if i in listed and line != listed[i].location.line}
    heading_lines = sorted(b.line for b in blocks if b.kind == "heading")
    owned = {f.location.line or 0: f for f in details}
    groups: set[int] = set()  # headings that only name the table of findings below them
    kept = []
    for row in rows:
        if row.id in detailed:
            continue
        named = ID.match(title := strip_marks(row.title)) or HEAD_ID.match(title)  # `H1 — …` too
        if named and named.group(1) in detail_lines and row.id != named.group(1):
            continue
        owner = _owner(row.location.line or 0, heading_lines)
        if owner is not None and owner in owned:
            if owned[owner].id:  # `### LOW-03: Dependency vulnerabilities` over its npm audit table
                continue
            groups.add(owner)  # `### Authorization` over `| ID | Finding |` rows: the rows are the findings
        kept.append(row)
    return kept + [f for f in details if f.location.line not in groups]


def _hash_numbered(blocks: Sequence[Block], rows: list[Finding], details: list[Finding]) -> list[Finding]:
    """`| **1** | Weak login |` is the finding headed `#### ❌ CRITICAL ISSUE #1: Login accepts any password`
    when at least half the numbered rows of its table name the finding `#N` in like words (a table numbering its own rows
    from 1 lists other findings)."""
    hashed = {f.id: f for f in details if f.id and f.id.startswith("#")}
    if len(hashed) < 2:
        return rows
    table_of = {b.line: b.table for b in blocks if b.kind == "row"}
    alike: dict[int, list[bool]] = {}
    for row in rows:
        if row.id and row.id.isdigit() and (detail := hashed.get(f"#{row.id}")):
            same = _overlap(_words(row.title), _words(detail.title)) >= 0.5
            alike.setdefault(table_of.get(row.location.line or 0, -1), []).append(same)
    renumbered = {table for table, votes in alike.items() if sum(votes) * 2 >= len(votes)}
    return [
        replace(f, id=f"#{f.id}")
        if f.id and f.id.isdigit() and table_of.get(f.location.line or 0, -1) in renumbered
        else f
        for f in rows
    ]


def _owner(line: int, heading_lines: Sequence[int]) -> int | None:
    """The line of the heading a line sits under."""
    at = bisect.bisect_left(heading_lines, line)
    return heading_lines[at - 1] if at else None


def join_summary(
    findings: Sequence[Finding], rows: Sequence[Finding], titles: dict[int, str]
) -> list[Finding]:
    """`findings` (detailed) with the statuses of their summary `rows`, plus the rows nothing details.

    `titles`: each detailed finding's line → its lead text as written (for its leading number)."""
    if not findings or not rows:
        return list(findings) or list(rows)
    joined = list(findings)
    if len(rows) * len(joined) > _PAIRS:  # a register of thousands: rows join their details by id only
        by_id = {f.id: i for i, f in enumerate(joined) if f.id}
        hits = [(row, by_id.get(row.id or "")) for row in rows]
        for row, index in hits:
            if index is not None and joined[index].status is FindingStatus.UNKNOWN:
                joined[index] = replace(joined[index], status=row.status)
        found = any(index is not None for _, index in hits)
        return joined + [row for row, index in hits if index is None] if found else joined
    words = [_words(f.title) for f in joined]
    matched: set[int] = set()
    unmatched_rows = []
    in_order = _in_order(rows, joined)
    for number, row in enumerate(rows):
        index = _match(row, joined, words, titles, matched)
        if index is None and in_order:
            index = number  # `| DB passwords default to empty | CRITICAL |` for `### 1. Database Password Security`
        if index is None:
            unmatched_rows.append(row)
            continue
        matched.add(index)
        detail = joined[index]
        if detail.status is FindingStatus.UNKNOWN and row.status is not FindingStatus.UNKNOWN:
            detail = replace(detail, status=row.status)
        if detail.severity is not row.severity and not _GRADE.search(
            titles.get(detail.location.line or 0, "")
        ):
            detail = replace(detail, severity=row.severity)  # `## P0-A: …` is an id; the column grades it
        joined[index] = detail
    if not matched and all(
        r.id and _ORDINAL_ID.match(r.id) and r.status in (FindingStatus.FIXED, FindingStatus.MITIGATED)
        for r in rows
    ):
        # `## Summary of fixes applied` › `| 1 | Open redirect | Critical | Fixed |` beside a `## Pending` table
        # numbering other issues 1, 2, 3: the closed issues this summary lists are listed nowhere else
        return joined + unmatched_rows
    if not matched and not (all(r.id for r in rows) and not any(f.id for f in joined)):
        return joined
    if matched and len(findings) >= len(rows):
        return joined  # the details list at least as many findings as the table: its other rows reword them
    return joined + unmatched_rows


def _in_order(rows: Sequence[Finding], findings: Sequence[Finding]) -> bool:
    """A summary table listing the detailed findings one for one, in their order and with their grades (its
    rows may word the titles differently)."""
    return (
        len(rows) == len(findings) >= 3
        and all(r.severity is f.severity for r, f in zip(rows, findings, strict=True))
        and len({r.severity for r in rows}) >= 2
        and all((r.location.line or 0) < (f.location.line or 0) for r, f in zip(rows, findings, strict=True))
    )


def _match(
    row: Finding,
    findings: list[Finding],
    titles_words: list[frozenset[str]],
    titles: dict[int, str],
    taken: set[int],
) -> int | None:
    words = _words(row.title)
    for index, finding in enumerate(findings):
        if index in taken:
            continue
        lead = titles.get(finding.location.line or 0, "")
        if row.id and re.match(rf"^\W*{re.escape(row.id)}(?![\w-])", lead):
            return index  # `## P0-B: …` details the row `| P0-B | …`
        # `### VULNERABILITY #1: …` numbers the detail; a row's `V1` is not that number, but may name it
        if row.id and finding.id and not (_ORDINAL_ID.match(finding.id) and not _ORDINAL_ID.match(row.id)):
            if row.id == finding.id and (
                lead or not _ORDINAL_ID.match(row.id) or _overlap(words, titles_words[index]) >= 0.5
            ):
                return index  # (two tables numbering their rows 1, 2, 3 share no finding by number alone)
            continue
        if row.id and row.id.isdigit():
            number = _LEADING_NUMBER.match(lead)
            if number and number.group(1) == row.id and _overlap(words, titles_words[index]) >= 0.5:
                return index
        if words and _overlap(words, titles_words[index]) >= 0.75:
            return index
    return None


def _words(title: str) -> frozenset[str]:
    return frozenset(w for w in _WORDS.findall(title.lower()) if w not in _NOISE)


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """The share of the shorter title's words that the other title has too."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


# Sections that restate findings listed elsewhere: a recap of fixes, a risk matrix, a remediation plan.
_RECAP = re.compile(
    r"\b(summary|recap|completed|overview|conclusion|roadmap|action plan|next steps|progress tracking"
    r"|risk (?:assessment|matrix|register)|remediation (?:plan|priorit\w*|roadmap|table)|prioriti[sz]ed remediation"
    # `## GitHub comments` in a PR review: the findings as posted on the diff, each detailed below
    r"|(?:github|gitlab|pr|review|inline) comments)\b"
    r"|修复路线|路线图|修复计划|总结|总览|概览",  # `## 优先级修复路线` (the fixes in order of priority)
    re.I,
)
# A section that restates findings unless its title says it holds them (`## Critical Issues (MUST FIX)`):
# `## Immediate Action Required` › `### 🔴 Must Fix Before Production`, an OWASP `A01:2021` table.
_RESTATING = re.compile(
    r"\b(?:vulnerability|security) assessment\b|\bactions? required\b|\bmust[- ]fix\b|\bshould[- ]fix\b|\bA\d\d:20\d\d\b",
    re.I,
)
_OWASP = re.compile(r"\bA\d\d:20\d\d\b")
_MAPPED_AFTER = 3  # findings detailed outside recaps before an OWASP mapping counts as one
_HOLDS = re.compile(r"\b(?:findings?|issues?)\b", re.I)
_FOUND = re.compile(rf"\b(?:findings?|issues?|vulnerabilit(?:y|ies)|{FOREIGN_FINDINGS})\b", re.I)


def _recap(titles: Sequence[str]) -> bool:
    """A recap section, or one restating findings (`### A01:2021 – Broken Access Control`) unless a title
    under it names the findings found there (`#### ❌ Vulnerabilities found:`): then it details them."""
    return any(
        _RECAP.search(title)
        or (
            _RESTATING.search(title)
            and not _HOLDS.search(title)
            and not any(_FOUND.search(below) for below in titles[index + 1 :])
        )
        for index, title in enumerate(titles)
    )


_NAME_END = re.compile(r":|\s-\s")


def drop_recaps(blocks: Sequence[Block], findings: list[Finding]) -> list[Finding]:
    """Findings restated in a recap section (`✅ Critical issues fixed`, a risk matrix) by a title that a
    finding listed outside such sections already has: the restatement goes, lending its status when the
    original states none."""
    recap: dict[tuple[str, ...], bool] = {}  # blocks of one section share the answer
    for block in blocks:
        if block.section not in recap:
            recap[block.section] = _recap(block.section[1:])
    recap_lines = {b.line for b in blocks if recap[b.section]}
    mapping_lines = {b.line for b in blocks if any(_OWASP.search(t) for t in b.section[1:])}
    originals = [f for f in findings if f.location.line not in recap_lines]
    if len(originals) == len(findings):
        return findings
    words = {id(f): _words(f.title) for f in findings}
    having: dict[str, list[Finding]] = {}  # word → the originals whose title has it, in order
    for original in originals:
        for word in words[id(original)]:
            having.setdefault(word, []).append(original)
    lent: dict[int, FindingStatus] = {}
    twins: dict[int, Finding | None] = {}
    numbered = _numbered_originals(blocks, originals)
    rows = {b.line for b in blocks if b.kind == "row"}
    for finding in findings:
        if finding.location.line not in recap_lines:
            continue
        # `**Debug Logs**: removed all sensitive data`, `**路径遍历** - 完善验证逻辑`: a recap item's name is what
        # precedes its colon or dash
        name = _NAME_END.split(finding.title, maxsplit=1)[0]
        mine = _words(name) if name != finding.title else words[id(finding)]
        near = {id(o): o for word in mine for o in having.get(word, ())}
        twins[id(finding)] = next(
            (o for o in originals if id(o) in near and _same_finding(mine, words[id(o)])), None
        ) or (
            # `| 8 | No audit log | 🟡 HIGH |` in a risk matrix is `### 8. Audit events never recorded`
            numbered.get(finding.id or "") if finding.location.line in rows else None
        )
    restating = _restating_tables(blocks, findings, twins)
    kept_recaps = []
    for finding in findings:
        if finding.location.line not in recap_lines:
            continue
        twin = twins[id(finding)]
        mapped = finding.location.line in mapping_lines and len(originals) >= _MAPPED_AFTER
        if finding.location.line in restating and twin is None and not finding.blocks(Severity.HIGH):
            continue  # a row of a recap table most of whose rows restate findings, in other words
        if twin is None and not (mapped and not finding.blocks(Severity.HIGH)):
            kept_recaps.append(finding)
        elif twin is None:
            # an OWASP `A05:2021` table beside findings detailed elsewhere maps them under other names; only
            # an open HIGH or CRITICAL row it alone names stays (a gate errs on the side of blocking)
            continue
        elif twin.status is FindingStatus.UNKNOWN and finding.status is not FindingStatus.UNKNOWN:
            lent[id(twin)] = finding.status
    kept = {id(f) for f in originals} | {id(f) for f in kept_recaps}
    return [replace(f, status=lent[id(f)]) if id(f) in lent else f for f in findings if id(f) in kept]


def _numbered_originals(blocks: Sequence[Block], originals: list[Finding]) -> dict[str, Finding]:
    """The findings detailed under numbered headings (`### 8. …`), by their number, when each number is one."""
    leads = {b.line: b.text for b in blocks if b.kind == "heading"}
    by_number: dict[str, list[Finding]] = {}
    for finding in originals:
        number = _LEADING_NUMBER.match(strip_marks(leads.get(finding.location.line or 0, "")))
        if number:
            by_number.setdefault(number.group(1), []).append(finding)
    return {number: found[0] for number, found in by_number.items() if len(found) == 1}


def _restating_tables(
    blocks: Sequence[Block], findings: list[Finding], twins: dict[int, Finding | None]
) -> frozenset[int | None]:
    """Lines of the recap tables at least half of whose rows restate a finding detailed elsewhere."""
    table_of = {b.line: b.table for b in blocks if b.kind == "row"}
    rows: dict[int, list[Finding]] = {}
    for finding in findings:
        if id(finding) in twins and finding.location.line in table_of:
            rows.setdefault(table_of[finding.location.line], []).append(finding)
    return frozenset(
        f.location.line
        for listed in rows.values()
        if 2 * sum(twins[id(f)] is not None for f in listed) >= len(listed)
        for f in listed
    )


def _same_finding(a: frozenset[str], b: frozenset[str]) -> bool:
    return len(a & b) >= min(2, len(a)) and _overlap(a, b) >= 0.66


def drop_restated_ids(blocks: Sequence[Block], findings: list[Finding]) -> list[Finding]:
    """List items naming a finding detailed under a heading by its id (`1. **A05-2** — Add security headers
    (high impact)` after `### FINDING A05-2: …`, or a `- [High] P1-3: …` pending list before `#### P1-3: …`)
    restate it: they go, lending a status it lacks."""
    headings = {b.line for b in blocks if b.kind == "heading"}
    detailed: dict[str, Finding] = {}
    for finding in findings:
        if finding.id and finding.location.line in headings:
            detailed.setdefault(finding.id, finding)
    lent: dict[int, FindingStatus] = {}
    kept = []
    for finding in findings:
        first = detailed.get(finding.id or "")
        line = finding.location.line or 0
        if first is None or line in headings:
            kept.append(finding)
        elif first.status is FindingStatus.UNKNOWN and finding.status is not FindingStatus.UNKNOWN:
            lent[id(first)] = finding.status
    return [replace(f, status=lent[id(f)]) if id(f) in lent else f for f in kept]


def drop_repeated_rows(blocks: Sequence[Block], findings: list[Finding]) -> list[Finding]:
    """A row or list item naming an id that an earlier table or list lists (`## Carry-Forward Status` › `|
    CODE-5 | P2 | … | Open |` after `## P2 Issues` › `| CODE-5 | … |`; `## Deferred Items` › `- HIGH-03: … →
    Sprint 3` after `- HIGH-03: …` in its section) restates that finding: it goes, lending a status the first
    lacks. (Numbers alone are no ids here: each table may count its rows from 1.)"""
    container = {
        b.line: (b.table, ()) if b.kind == "row" else (-1, b.section)
        for b in blocks
        if b.kind in ("row", "item")
    }
    first: dict[str, tuple[Finding, tuple[int, tuple[str, ...]]]] = {}
    lent: dict[int, FindingStatus] = {}
    kept = []
    for finding in findings:
        listed = container.get(finding.location.line or 0)
        if listed is None or not finding.id or not re.search(r"[^\W\d_]", finding.id):
            kept.append(finding)
            continue
        earlier, listed_in = first.setdefault(finding.id, (finding, listed))
        if (
            earlier is finding
            or (listed_in == listed and earlier.location.line != finding.location.line)
            or not _words(earlier.title) & _words(finding.title)  # one id cut short from two (`ADV-2025-01`)
        ):
            kept.append(finding)
        elif earlier.status is FindingStatus.UNKNOWN and finding.status is not FindingStatus.UNKNOWN:
            lent[id(earlier)] = finding.status
    return [replace(f, status=lent[id(f)]) if id(f) in lent else f for f in kept]


def rows_under_leads(blocks: Sequence[Block], findings: list[Finding]) -> list[Finding]:
    """A one-row table grading the finding named just above it (`**Finding 1: Webhook not verified**` over
    `| Severity | Location | … |`): the finding starts at its name, which is also its title."""
    by_line = {b.line: i for i, b in enumerate(blocks)}
    sizes: dict[int, int] = {}
    for block in blocks:
        if block.kind == "row":
            sizes[block.table] = sizes.get(block.table, 0) + 1
    taken = {f.location.line for f in findings}
    moved = []
    for finding in findings:
        index = by_line.get(finding.location.line or 0)
        row = blocks[index] if index is not None else None
        above = blocks[index - 1] if index else None
        if (
            row is not None
            and above is not None
            and row.kind == "row"
            and sizes[row.table] == 1
            and above.kind in ("paragraph", "heading")
            and (above.kind == "heading" or above.strong)
            and (FINDING_LEAD.match(strip_marks(above.text)) or ID.match(strip_marks(above.text)))
            and above.line not in taken
        ):
            title = FINDING_LEAD.sub("", strip_marks(above.text), count=1).strip()
            finding = replace(
                finding, title=title or finding.title, location=replace(finding.location, line=above.line)
            )
        moved.append(finding)
    return moved


def numbered_headings_graded_below(blocks: Sequence[Block], findings: list[Finding]) -> list[Finding]:
    """A table (`| # | Severity | Issue |`) grading numbered headings that grade nothing themselves
    (`### 1. Race in the rate limiter`, …, `### 11. …`): each finding starts at its heading. The table's numbers
    and the headings' must be the same, three or more. A closing table grades the headings above it; a summary
    table the details below it, when most of their titles agree (the first place that details the finding)."""
    numbered = [
        (block, number.group(1))
        for block in blocks
        if block.kind == "heading" and block.level >= 2 and (number := _LEADING_NUMBER.match(block.text))
    ]
    row_of = {b.line: b for b in blocks if b.kind == "row"}
    tables: dict[int, list[tuple[Finding, str | None]]] = {}
    for finding in findings:
        if (block := row_of.get(finding.location.line or 0)) is not None:
            # the row's number: its id (`#3`), else its first cell (`| 3 | Missing CSP | High |`)
            number = _ORDINAL_ID.match(finding.id or "") or _ORDINAL_ID.match(strip_marks(block.cells[0]))
            tables.setdefault(block.table, []).append((finding, number.group(1) if number else None))
    taken = {f.location.line for f in findings}
    moved: dict[int, Finding] = {}
    for numbered_rows in tables.values():
        rows = [row for row, _ in numbered_rows]
        numbers = [number for _, number in numbered_rows if number is not None]
        if len(rows) < 3 or len(numbers) != len(rows):
            continue
        first = rows[0].location.line or 0
        heads = _numbered_heads([(b, n) for b, n in numbered if b.line < first], numbers) or _numbered_heads(
            [(b, n) for b, n in numbered if b.line > first], numbers
        )
        titles = {
            n: _LEADING_NUMBER.sub("", strip_marks(head.text), count=1).strip() for n, head in heads.items()
        }
        if (
            not heads
            or any(heads[n].line in taken for n in numbers)
            or (
                heads[numbers[0]].line > first
                and 2 * sum(same_title(titles[n], row.title) for row, n in zip(rows, numbers, strict=True))
                < len(rows)
            )
        ):
            continue
        for row, ordinal in zip(rows, numbers, strict=True):
            moved[id(row)] = replace(
                row, title=titles[ordinal], location=replace(row.location, line=heads[ordinal].line)
            )
    return [moved.get(id(f), f) for f in findings]


def _numbered_heads(numbered: list[tuple[Block, str]], numbers: list[str]) -> dict[str, Block]:
    """The headings of one level numbered exactly `numbers` (`## 1. Scope` numbers sections, `### 1. …`
    findings), each number's first."""
    levels: dict[int, dict[str, Block]] = {}
    for block, number in numbered:
        levels.setdefault(block.level, {}).setdefault(number, block)
    return next((heads for heads in levels.values() if set(heads) == set(numbers)), {})


_REGISTER_ID = re.compile(r"^[A-Z]{1,6}-\d{1,4}$")
_PACKAGE = re.compile(r"^[a-z0-9@][\w.@/-]{1,60}$")


def drop_register_echoes(blocks: Sequence[Block], findings: list[Finding]) -> list[Finding]:
    """Package items (`- **tar** (high) — path traversal (GHSA-…)`) that a register of ids lists again
    (`| V-006 | Dependency vulnerability | HIGH | tar 6.2.1 (npm) | Open |`): the register is the list, the
    scanner's items its evidence."""
    rows = {b.line: " ".join(b.cells).lower() for b in blocks if b.kind == "row"}
    register = [f for f in findings if f.id and _REGISTER_ID.match(f.id) and f.location.line in rows]
    if len(register) < 3:
        return findings
    listed = [rows[f.location.line or 0] for f in register]
    leads = {b.line: strip_marks(b.lead).lower() for b in blocks if b.kind == "item" and b.lead}

    def echoed(finding: Finding) -> bool:
        name = leads.get(finding.location.line or 0, "")
        if not _PACKAGE.match(name):
            return False
        return any(re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text) for text in listed)

    return [f for f in findings if not echoed(f)]
