"""Findings listed as table rows: the title, severity, id and status columns, re-test rounds, tracking tables."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from rte.docs.groupgrades import letter_coded_tables, letter_grade
from rte.docs.leads import HEAD_ID, ID, SEVERITY_WORDS, section_severity
from rte.docs.legends import Legend, graded
from rte.docs.markdown import Block
from rte.docs.rowstatus import (
    answered,
    asserted,
    cell_at,
    current,
    done,
    fix_status,
    mitigation,
    reaches_fix,
    resolution,
    struck,
    struck_row,
)
from rte.docs.sections import NAMES_FINDINGS, SUMMARY, closed_section, excluded, section_status
from rte.docs.vocab import (
    PRAISE,
    foreign_severity,
    id_severity,
    leading_status,
    same_title,
    severity_of,
    status_of,
    strip_marks,
)
from rte.model import Finding, FindingStatus, Location, Severity

_TITLE_COLUMN = re.compile(
    r"finding|issue|title|vulnerab|description|name|problem|weakness|check|observation|threat|risk\b", re.I
)
# Columns that name a finding when no column above does: its type beside an id (`| V1 | Session Refresh Bug |`,
# not an attack surface's `| /api/upload | API |`), then the package or component it is in.
_TYPE_COLUMN = re.compile(r"^\W*(?:type|requirement|control|category)(?:\s*\([^()]*\))?\W*$", re.I)
_PLACE_COLUMN = re.compile(r"^\W*(?:package|dependency|library|component)\W*$", re.I)

# `Risk Level`, `Risk Rating`: a grade, though `Risk` alone may name the finding
_RISK_GRADE = re.compile(r"\brisk\s+(?:level|rating|score|grade)\b", re.I)
_IMPACT_COLUMN = re.compile(r"^\W*impact\W*$", re.I)
_SEVERITY_COLUMN = re.compile(
    r"severity|criticality|\bpriori|\bprioryt|\brisk\b|cvss|\blevel\b|rating|^\W*sev\W*$"
    # (`Severidad`, `Gravidade`, `Sévérité`, `Schweregrad`, `Серьёзность`, `严重程度`, `심각도`)
    r"|severidade?|gravedad|gravidade|s[ée]v[ée]rit[ée]|schweregrad|criticidade?|серь[её]зность|критичность"
    r"|严重|深刻度|重大度|심각도",
    re.I,
)

_ID_COLUMN = re.compile(
    r"^\W*(?:(?:finding|issue|vuln\w*|bug|ticket|gap|risk|threat)\s+)?(id|#|ref|no\.?|key)\W*$", re.I
)

# Status columns of successive passes: `Round 1 | Round 2`, `Initial | Retest`, `Before | After | Now`.
_ROUND_COLUMN = re.compile(
    r"\b(?:round|pass|iteration|sprint)\s*#?\d+|\b(?:current|now|latest|final|after|before|initial|original"
    r"|previous)\b|re-?test",
    re.I,
)

_LATEST_COLUMN = re.compile(r"\b(current|now|latest|final|after)\b|re-?test", re.I)

_STATUS_COLUMN = re.compile(
    r"status|state|resolution|disposition|fixed|remediat|triage|re-?test|状态|状態|상태"
    r"|^\W*(?:estado|statut|situa[çc][ãa]o|стату?с)\W*$",
    re.I,
)

# A vendor's or owner's reply column, read for the status when no column names one (`Issue | Response`,
# `Auditor finding | Our action`).
_RESPONSE_COLUMN = re.compile(r"\b(response|reply|answer|follow[- ]?up)\b|^\W*our\s+actions?\W*$", re.I)

_NOTES_COLUMN = re.compile(r"^\W*(?:comments?|notes?|remarks?)\W*$", re.I)
_FIX_COLUMN = re.compile(r"^\W*(?:fix(?:es)?|fix applied|change|action taken)\W*$", re.I)

# A table rating the parts of a system (`Category | Rating | Notes`, `Endpoint | Auth | Risk Level`): its rows
# are areas assessed, not findings, unless a column names a finding or a cell an advisory.
_SUBJECT_COLUMN = re.compile(
    r"^\W*(?:category|area|domain|aspect|component|endpoint|entry point|route|event|module|feature|control|asset|service"
    r"|surface|layer|resource|dimension|principle|requirement)s?\W*$",
    re.I,
)
_NAMES_FINDING = re.compile(
    r"finding|issue|title|vulnerab|description|problem|weakness|observation|threat|gap|concern", re.I
)
_ADVISORY = re.compile(r"\b(?:CVE-\d{4}-\d+|GHSA(?:-\w{4}){3})\b", re.I)

_COUNT_COLUMN = re.compile(
    r"^\W*(count|number|no\.? of \w+|#|qty|total|findings|issues"
    r"|nombre|n[úu]mero|cantidad|quantidade|anzahl|aantal|jumlah|количество|数量|件数|개수)\W*$",
    re.I,
)
_WORST = re.compile(r"^\W*(?:highest|max(?:imum)?|worst|top)\s+(?:severity|risk)\W*$", re.I)
_BARE = re.compile(rf"\W*{SEVERITY_WORDS}\W*", re.I)

_ID_CELL = re.compile(r"^\s*(?:#\d{1,6}|[A-Z][A-Z0-9]{0,9}-[A-Z0-9-]{0,12}\d)\s*$")

# A row closed as the duplicate of another in the same list is not a finding of its own.
_DUPLICATE = re.compile(r"^\W*duplicate\b", re.I)

# `FS-01 (Critical) Server-side request forgery`: the id and the grade in brackets opening the title cell.
_GRADED_TITLE = re.compile(
    r"^\W*(?:(\S+)\s+)?\((critical|high|medium|moderate|low|info(?:rmational)?)\)\s*[:\-–—]?\s*(\S.*)$", re.I
)

_CHECK_RESULT_COLUMN = re.compile(r"^\W*(result|outcome|verdict|pass/fail|compliant|assessment)\W*$", re.I)

# `❌ Vulnerable (High)`, `⚠️ Needs review (Low)`: a failed or flagged check and its grade in brackets.
_FLAGGED = re.compile(
    r"^\s*(?:❌|⚠️?|✗|✖|✘)[^()]{0,40}\((critical|high|medium|moderate|low|info(?:rmational)?)\)", re.I
)

_STATE_LEGEND = re.compile(r"\b(?:state|status)(?:es)?\s*:\s*(.+)$", re.I)
_STATE_PAIR = re.compile(
    r"(?:^|(?<=[\s,;]))(\S{1,3})\s+(fixed|open|accepted|mitigated|resolved|closed)\b", re.I
)


_WORD = re.compile(r"[^\W_]")

_CHECK_FAILED = re.compile(
    r"❌|⚠|✗|✖|\b(fail(ed|s|ing)?|partial(ly)?|non[- ]?compliant|not met|vulnerable|gaps?)\b", re.I
)


_PASSED_CHECK = re.compile(
    r"^\W*(?:pass(?:ed)?|good|secure|ok)\W*$", re.I
)  # (`| F-09 | Config | LOW | Good |`)
_CURRENT_VERSION = re.compile(r"^\W*(?:current|installed)(?: version)?\W*$", re.I)
_LATEST_VERSION = re.compile(r"^\W*(?:latest|newest|available|wanted)(?: version)?\W*$", re.I)


def table_findings(blocks: Sequence[Block], rel: str, terms: Legend, held: list[Finding]) -> list[Finding]:
    findings: list[Finding] = []
    merged = _merged_tables(blocks)
    above: dict[int, str] = {}  # the last non-blank severity cell of each merged table
    headers: dict[int, list[str]] = {}
    states = _state_legend(blocks)
    graded_checks = _graded_checks(blocks)
    coded = letter_coded_tables(blocks)
    for block in blocks:
        if block.kind != "row":
            continue
        header = headers.get(block.table) or headers.setdefault(
            block.table, [strip_marks(h) for h in block.header]
        )
        closing = closed_section(block)
        sev_col = _severity_column(header)
        # A checklist (OWASP Top 10, controls) names a finding only in a row whose check failed.
        result_col = _column(header, _CHECK_RESULT_COLUMN)
        failed_check = bool(result_col is not None and _CHECK_FAILED.search(cell_at(block, result_col)))
        if block.table in graded_checks and sev_col is not None:
            # `| 16 | DB role | Medium | … |` among `| 8 | CORS | Pass | … |` rows: a check that found something
            failed_check = failed_check or severity_of(cell_at(block, sev_col)) is not None
        explicit = any(re.search("severity", h, re.I) for h in header)
        into = findings
        if not (closing or failed_check) and excluded(block, "", explicit):
            if not any(SUMMARY.search(title) for title in block.section[1:]):
                continue
            into = held
        if not failed_check and _rates_parts(block, header):
            continue
        if _inside_finding(block, header):
            continue  # `## SPR-002` › `### Remediation Status Matrix` › `| Admin auth | High | Remediated |`
        if _column(header, _CURRENT_VERSION) is not None and _column(header, _LATEST_VERSION) is not None:
            continue  # `| Package | Current | Latest | Priority |`: upgrades to schedule, not findings
        id_col = _column(header, _ID_COLUMN)
        status_cols = _status_columns(header)
        if not failed_check and any(_PASSED_CHECK.match(strip_marks(cell_at(block, c))) for c in status_cols):
            continue  # `| A01 - Broken Access Control | PASS | LOW | ✓ Secure |`: a check that found nothing
        title_col = next(
            (
                col
                for pattern in (_TITLE_COLUMN, _TYPE_COLUMN if id_col is not None else None, _PLACE_COLUMN)
                if pattern and (col := _column(header, pattern, exclude=(sev_col, id_col))) is not None
            ),
            None,
        )
        if title_col is None and sev_col is not None and _names_and_grades(header[sev_col], block):
            title_col = sev_col  # `Issue (tester's rating)`: one column names the issue and grades it
        if not status_cols and (reply := _column(header, _RESPONSE_COLUMN, exclude=(title_col,))) is not None:
            status_cols = [reply]
        if title_col is None and sev_col is not None and len(header) >= 3:
            # `Package | Advisory | Severity`: the first other column (a 2-column table is a legend)
            taken = {sev_col, id_col, *status_cols}
            title_col = next((i for i in range(len(header)) if i not in taken), None)
        if sev_col is None and (flagged := _flagged(block, rel)):
            into.append(flagged)
            continue
        fix_col = _column(header, _FIX_COLUMN)
        if (
            sev_col is None
            and title_col is not None
            and (id_col is not None or status_cols or fix_col is not None)
        ):
            # `### CRITICAL (4/4 fixed)` over `| ID | Issue | Fix |`: the heading grades every row below it
            graded_section = next(
                (g for title in reversed(block.section[1:]) if (g := section_severity((title,))) is not None),
                None,
            )
            ident = cell_at(block, id_col).strip() if id_col is not None else None
            # `| SEC-MEDIUM-009 | Container runs as root |`: the id carries the grade
            if graded_section in (None, Severity.UNKNOWN):
                graded_section = id_severity(ident) or graded_section
            if graded_section in (None, Severity.UNKNOWN) and block.table in coded and title_col == 0:
                graded_section = letter_grade(strip_marks(block.cells[0]))  # `| H1: Socket open | Partial |`
            if (
                graded_section is not None
                and graded_section is not Severity.UNKNOWN
                and title_col < len(block.cells)
            ):
                title = strip_marks(block.cells[title_col])
                if title and not _ID_CELL.match(title):
                    status = fix_status(block, status_cols, fix_col, title_col)
                    if status is FindingStatus.UNKNOWN:
                        # `| ~~H-1~~ ✅ | ~~Key sent to the browser~~ — fixed in 2.2 |`: struck out, done with
                        status = struck(block.cells[title_col]) or struck(ident or "") or status
                    into.append(
                        Finding(
                            title.strip("~ "),
                            graded_section,
                            status,
                            Location(rel, block.line),
                            id=strip_marks(ident or "").strip("~ []") or None,
                        )
                    )
                continue
        if sev_col is None or title_col is None or len(block.cells) <= max(sev_col, title_col):
            continue
        if _WORST.match(header[sev_col]):
            continue  # `| Package | Vulnerabilities | Highest Severity |`: one row sums up several findings
        sev_cell = current(block.cells[sev_col])
        if block.table in merged:
            if _WORD.search(sev_cell):
                above[block.table] = sev_cell
            else:
                sev_cell = above.get(block.table, "")  # a merged cell: the value above repeats
        if PRAISE.fullmatch(strip_marks(sev_cell)):
            continue  # `| 🟢 **GOOD** | Strong typing for the client |`: a strength rated, not a finding
        severity = severity_of(sev_cell) or foreign_severity(strip_marks(sev_cell)) or graded(sev_cell, terms)
        if severity is None and re.search("cvss", header[sev_col], re.I):
            severity = severity_of(f"CVSS {strip_marks(block.cells[sev_col])}")
        if severity is None and (impact := _column(header, _IMPACT_COLUMN, exclude=(sev_col,))) is not None:
            # `| Threat ID | … | Impact | Likelihood | Risk Score |`: a score, and the impact that grades it
            severity = severity_of(cell_at(block, impact))
        title = strip_marks(block.cells[title_col])
        graded_title = _GRADED_TITLE.match(title) if title_col == sev_col else None
        if graded_title:
            title = graded_title.group(3)
            severity = severity_of(graded_title.group(2))
        if id_col is None and _ID_CELL.match(title):  # `| #2207 | Summary … |`: the id column comes first
            id_col = title_col
            title_col = next(
                (i for i in range(title_col + 1, len(header)) if i not in (sev_col, *status_cols)), title_col
            )
            title = strip_marks(block.cells[title_col]) if title_col < len(block.cells) else ""
        if severity is None or not title or re.fullmatch(r"\W*(total\W*|[\d\s.,%]+)", title, re.I):
            continue  # a severity × count table
        if _BARE.fullmatch(title) and title_col == sev_col and failed_check:
            # `Req | Requirement | Result | Risk` with a failed result: the row names the requirement
            title_col = next(
                (i for i in range(len(header)) if i not in (sev_col, id_col, *status_cols)), title_col
            )
            title = strip_marks(block.cells[title_col]) if title_col < len(block.cells) else ""
        if _BARE.fullmatch(title) or not title:
            continue  # `| Token storage | bearer | Medium | ⚠️ |`: the grade of an aspect, not a finding's title
        if (
            sev_col == 0
            and _BARE.fullmatch(strip_marks(sev_cell))
            and _column(header, _COUNT_COLUMN) is not None
        ):
            continue  # `| 🔴 CRITICAL | 12 | data changed without auth |`: how many, and what kind
        ident = (
            strip_marks(block.cells[id_col]).strip("~ []")
            if id_col is not None and id_col < len(block.cells)
            else None
        )
        if not ident:
            match = ID.search(block.cells[title_col])
            match = ID.match(graded_title.group(1)) if graded_title and graded_title.group(1) else match
            # `| F1: Token entropy (8 chars) | MEDIUM | Accepted |`: a short id opening the title
            match = match or HEAD_ID.match(strip_marks(block.cells[title_col]))
            ident = match.group(1) if match else None
        # Every status-like column counts: `Status: Closed` with `Resolution: Won't Do` is accepted.
        status_text = " ; ".join(
            current(block.cells[i]) for i in status_cols if i != title_col and i < len(block.cells)
        )
        if _DUPLICATE.match(strip_marks(status_text)):
            continue
        status = (
            struck_row(block)
            or states.get(status_text.strip())
            or answered(block, header)
            or resolution(block, status_cols, title_col)
            or mitigation(leading_status(status_text), header, status_cols)
            # `| Fixed on | Comments |` › `| Apr 2 | Dismissed. Used by the dev server |`: the comment opens with it
            or (
                leading_status(cell_at(block, notes))
                if (notes := _column(header, _NOTES_COLUMN)) is not None
                else None
            )
            or reaches_fix(block, header, status_cols)
            or (FindingStatus.OPEN if failed_check else None)
            or struck(block.cells[title_col])
            or closing
            or asserted(block, header)
            or done(block, status_cols, title_col)
            or section_status(block)  # `### FIXED` over `| ID | Severity | Finding | Evidence |`
            or FindingStatus.UNKNOWN
        )
        into.append(Finding(title.strip("~ "), severity, status, Location(rel, block.line), id=ident or None))
    return findings


def _names_and_grades(heading: str, block: Block) -> bool:
    """A severity column that also names the finding (`Issue (tester's rating)`); `Risk Level` under a section
    of risks (`## Accepted Risks` › `| Item | Risk Level | Rationale |`) only grades the item the row names."""
    if _RISK_GRADE.search(heading) and any(NAMES_FINDINGS.search(t) for t in block.section[1:]):
        return False
    return _TITLE_COLUMN.search(heading) is not None


def _inside_finding(block: Block, header: Sequence[str]) -> bool:
    """A table of the parts of one finding, under a heading that opens with the finding's id (`## SPR-002`,
    `### H-1: …`) and giving none of its rows an id of its own."""
    return (
        any(ID.match(strip_marks(title)) for title in block.section[1:])
        and _column(header, _ID_COLUMN) is None
        and not ID.search(cell_at(block, 0))
    )


def _graded_checks(blocks: Sequence[Block]) -> frozenset[int]:
    """Tables of checks whose severity column says `Pass` where a check found nothing (`| CORS | Pass |`)."""
    columns: dict[int, int | None] = {}  # each table's severity column, found once
    tables = set()
    for block in blocks:
        if block.kind != "row":
            continue
        if block.table not in columns:
            columns[block.table] = _column([strip_marks(h) for h in block.header], _SEVERITY_COLUMN)
        col = columns[block.table]
        if col is not None and re.match(r"^\W*pass(?:ed)?\b", strip_marks(cell_at(block, col)), re.I):
            tables.add(block.table)
    return frozenset(tables)


def _rates_parts(block: Block, header: Sequence[str]) -> bool:
    """A row of a table assessing the parts of a system (`| CORS | Critical | wildcard origin |` under
    `Category | Rating | Notes`): no column names a finding or an id, and no cell cites an advisory."""
    return (
        bool(header)
        and _SUBJECT_COLUMN.match(header[0]) is not None
        and not any(_NAMES_FINDING.search(h) or _ID_COLUMN.match(h) for h in header)
        and not any(_ADVISORY.search(cell) for cell in block.cells)
    )


def _flagged(block: Block, rel: str) -> Finding | None:
    """A row of a check table without a severity column whose verdict cell fails with a graded note
    (`| messages | yes | ❌ Vulnerable (Critical) | … |`): a finding named by the row's first cell."""
    for index, cell in enumerate(block.cells):
        verdict = _FLAGGED.match(cell)
        if verdict and index > 0 and (title := strip_marks(block.cells[0])):
            severity = severity_of(verdict.group(1))
            if severity is not None:
                return Finding(title, severity, FindingStatus.UNKNOWN, Location(rel, block.line))
    return None


def _merged_tables(blocks: Sequence[Block]) -> frozenset[int]:
    """Tables pasted from a spreadsheet with merged cells: a blank first cell in a row that has other values
    (`| Fleet API | WR-01 | … |` then `|  | WR-02 | … |`) means "same as above"."""
    return frozenset(
        block.table
        for block in blocks
        if block.kind == "row"
        and len(block.cells) >= 3
        and _WORD.search(block.cells[0]) is None
        and sum(1 for cell in block.cells[1:] if _WORD.search(cell)) >= 2
    )


def _status_columns(header: Sequence[str]) -> list[int]:
    """Status-like columns; of a re-test table's rounds (`Round 1 | Round 2`, `Initial | Retest`) the latest."""
    columns = [i for i, h in enumerate(header) if _STATUS_COLUMN.search(h) or _ROUND_COLUMN.search(h)]
    rounds = [i for i in columns if _ROUND_COLUMN.search(header[i])]
    if len(columns) < 2 or not rounds:
        return columns
    latest = [i for i in columns if _LATEST_COLUMN.search(header[i])]
    return latest[-1:] or rounds[-1:]


def _state_legend(blocks: Sequence[Block]) -> dict[str, FindingStatus]:
    """Symbols a document defines for its states: `State: ✔ fixed, ✖ open, ~ accepted.`"""
    found: dict[str, FindingStatus] = {}
    for block in blocks:
        if block.kind not in ("paragraph", "item") or len(block.text) > 2000:
            continue
        for line in block.text.split("\n"):
            legend = _STATE_LEGEND.search(line)
            pairs = _STATE_PAIR.findall(legend.group(1)) if legend else []
            for symbol, word in pairs if len(pairs) >= 2 else ():
                found.setdefault(symbol, status_of(word) or FindingStatus.UNKNOWN)
    return found


_EARLIER_IDS = re.compile(r"\b(?:prior|previous|earlier|old|original)\b", re.I)


def tracked_statuses(blocks: Sequence[Block], findings: list[Finding]) -> list[Finding]:
    """Statuses kept in a separate tracking table (`| FEN-1 | owner | Fixed |`), joined by the finding id."""
    ids = {f.id: f.title for f in findings if f.id and f.status is FindingStatus.UNKNOWN}
    if not ids:
        return findings
    tracked: dict[str, FindingStatus] = {}
    for block in blocks:
        if block.kind != "row" or not block.cells or _EARLIER_IDS.search(block.header[0]):
            continue  # `| Prior ID | Topic | Status |`: the ids of an earlier report, reused by this one
        column = _column([strip_marks(h) for h in block.header], _STATUS_COLUMN)
        ident = strip_marks(block.cells[0])
        if ident.isdigit() and ident in ids and not any(same_title(c, ids[ident]) for c in block.cells[1:]):
            continue  # (rows numbered 1, 2, 3 in two tables: the number alone names no finding)
        if column is not None and column < len(block.cells) and ident in ids:
            status = status_of(block.cells[column])
            if status:
                tracked.setdefault(ident, status)
    return [
        replace(f, status=tracked[f.id]) if f.id in tracked and f.status is FindingStatus.UNKNOWN else f
        for f in findings
    ]


# A fix log (`## 修复记录`, `## Fix log`, `## Remediation history`) and its column naming the issue fixed
_FIX_LOG = re.compile(
    r"修复|\bfix(?:es)?\s+(?:log|record|history)\b|\bremediation\s+(?:log|record|history)\b", re.I
)
_LOGGED_ISSUE = re.compile(r"^\W*(?:问题|漏洞|issues?|findings?|vulnerabilit(?:y|ies)|problems?)\W*$", re.I)


def titled_statuses(blocks: Sequence[Block], findings: list[Finding]) -> list[Finding]:
    """Statuses a later fix log gives findings without an id, naming them by (nearly) their title
    (`| 2026-05-06 | Refresh Token 空指针 | AuthController.java | ✅ 已修复 |`)."""
    waiting = [f for f in findings if f.status is FindingStatus.UNKNOWN and not f.id]
    tracked: dict[int, FindingStatus] = {}
    for block in blocks if waiting else ():
        if block.kind != "row":
            continue
        header = [strip_marks(h) for h in block.header]
        column = _column(header, _STATUS_COLUMN)
        title = _column(header, _LOGGED_ISSUE)
        if column is None or title is None or not (block.section and _FIX_LOG.search(block.section[-1])):
            continue
        status = status_of(cell_at(block, column))
        named = next((f for f in waiting if same_title(strip_marks(cell_at(block, title)), f.title)), None)
        if status is not None and named is not None and block.line > (named.location.line or 0):
            tracked[named.location.line or 0] = status
    return [
        replace(f, status=tracked[f.location.line or 0]) if (f.location.line or 0) in tracked else f
        for f in findings
    ]


# `## Remediation Status (Updated 2026-02-01)`, `## Status update`: the findings' state since the audit
_UPDATE_SECTION = re.compile(
    r"\b(?:remediation|fix|resolution|current)\s+status\b|\bstatus\s+updates?\b|\b(?:updated|as of)\b[^)]*\d{4}",
    re.I,
)
_ROW_NUMBER = re.compile(r"^\W*#?(\d{1,3})\W*$")
_LEAD_NUMBER = re.compile(r"^\W*(?:(?:finding|issue|vulnerability|vuln)\s*)?#?(\d{1,3})\b", re.I)
_TITLE_WORD = re.compile(r"[^\W\d_]{4,}")


def status_updates(blocks: Sequence[Block], findings: list[Finding]) -> list[Finding]:
    """Statuses a status-update table gives findings detailed elsewhere, joined by id, by title, or by number
    when the titles share a word (`| 1 | Bulk export | HIGH | **FIXED** |` for `### Finding 1: …`). The
    update is later than the audit: it may close a finding stated open, never reopen one."""
    leads = {b.line: strip_marks(b.text) for b in blocks if b.kind == "heading"}
    title_words = [{w.lower() for w in _TITLE_WORD.findall(f.title)} for f in findings]
    updated: dict[int, FindingStatus] = {}
    for block in blocks:
        if block.kind != "row" or not block.section or not _UPDATE_SECTION.search(block.section[-1]):
            continue
        column = _column([strip_marks(h) for h in block.header], _STATUS_COLUMN)
        status = status_of(cell_at(block, column)) if column is not None else None
        if status is None:
            continue
        cells = [strip_marks(c) for c in block.cells]
        number = next((m.group(1) for c in cells[:1] if (m := _ROW_NUMBER.match(c))), None)
        words = {w.lower() for c in cells for w in _TITLE_WORD.findall(c)}
        for finding, its_words in zip(findings, title_words, strict=True):
            line = finding.location.line or 0
            lead = _LEAD_NUMBER.match(leads.get(line, ""))
            if (
                (finding.id and finding.id in cells)
                or any(same_title(c, finding.title) for c in cells if len(c) > 8)
                or (number is not None and lead is not None and lead.group(1) == number and words & its_words)
            ):
                updated.setdefault(line, status)
    return [
        replace(f, status=updated[line])
        if (line := f.location.line or 0) in updated and f.status.is_open
        else f
        for f in findings
    ]


# `| Claimed Severity | Actual Severity |`: the grade a triage settled on, over the one first reported.
_SETTLED_GRADE = re.compile(
    r"\b(?:actual|verified|assessed|revised|adjusted|confirmed|final|triaged)\b", re.I
)


def _severity_column(header: Sequence[str]) -> int | None:
    first = _column(header, _SEVERITY_COLUMN)
    settled = next(
        (i for i, h in enumerate(header) if _SEVERITY_COLUMN.search(h) and _SETTLED_GRADE.search(h)), None
    )
    return first if settled is None else settled


def _column(
    header: Sequence[str], pattern: re.Pattern[str], exclude: tuple[int | None, ...] = ()
) -> int | None:
    for index, name in enumerate(header):
        if index not in exclude and pattern.search(name):
            return index
    return None
