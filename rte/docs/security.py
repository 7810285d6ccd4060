"""The security audit: individual findings (tables, headings, bold fields), the score, stated counts."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from rte.docs.counts import stated_open
from rte.docs.frontmatter import FrontMatter
from rte.docs.leads import (
    ID,
    ITEM_LEVEL,
    PAREN_SEVERITY,
    PAREN_SEVERITY_END,
    SEVERITY_PREFIX,
    SEVERITY_SECTION,
    SEVERITY_WORDS,
    TAG,
    candidates,
    field_severity,
    fields,
    lead_status,
    marker_lead,
    section_severity,
    title_of,
)
from rte.docs.legends import Legend, graded, legend
from rte.docs.markdown import Block
from rte.docs.scanners import follow_ups, tool_findings
from rte.docs.vocab import leading_status, severity_of, status_of, strip_marks
from rte.model import Finding, FindingStatus, Location, Problem, SecurityAudit, Severity

_SCORE = re.compile(
    r"\b(?:security\s+)?(?:score|rating)\b[^0-9\n]{0,30}(\d{1,3}(?:\.\d+)?\s*/\s*10{1,2})\b", re.I
)
# Sections that never hold findings, and sections that hold findings only when they carry a Severity field.
_NOT_FINDINGS = re.compile(
    r"\b(strengths?|positive|good practices?|best practices|what went well|checklist|legend|methodology"
    r"|scope|summary|overview|conclusion|appendix|passed checks?|compliance|references|sign[- ]?off"
    r"|approval|table of contents|contents|test scenarios?)\b",
    re.I,
)
_WEAK_NOT_FINDINGS = re.compile(r"\b(recommendations?|remediation|next steps?|action items?)\b", re.I)
# A heading that opens with a plural name of findings is a section (`Vulnerabilities Found & Remediated`).
_GROUP_HEADING = re.compile(r"^\W*(?:\w+\s+)?(?:findings|issues|vulnerabilities|risks)\b(?!\s*#?\d)", re.I)
_NAMES_FINDINGS = re.compile(r"\b(findings?|issues?|vulnerabilit\w*)\b", re.I)
_NONE = re.compile(r"^\W*\w+\W*(?:issues?|findings?|severity|priority)?\W*(none|n/?a|no \w+ found)\W*$", re.I)
_SEVERITY_WORDS = SEVERITY_WORDS
_SEVERITY_PREFIX = SEVERITY_PREFIX
_SEVERITY_PREFIX_ONLY = re.compile(
    rf"^\W*{_SEVERITY_WORDS}(?:\s+(?:severity|risk|priority))?\s*[:|\-–—]\s*", re.I
)
_SEVERITY_WORDING = re.compile(r"\b(critical|high|medium|moderate|low)[\s-]+(severity|risk)\b", re.I)
_TITLE_COLUMN = re.compile(
    r"finding|issue|title|vulnerab|description|name|problem|weakness|check|observation|threat|risk\b", re.I
)
_SEVERITY_COLUMN = re.compile(
    r"severity|criticality|priority|\brisk\b|cvss|\blevel\b|rating|^\W*sev\W*$", re.I
)
_ID_COLUMN = re.compile(r"^\W*(?:(?:finding|issue|vuln\w*|bug|ticket)\s+)?(id|#|ref|no\.?|key)\W*$", re.I)
# Status columns of successive passes: `Round 1 | Round 2`, `Initial | Retest`, `Before | After | Now`.
_ROUND_COLUMN = re.compile(
    r"\b(?:round|pass|iteration|sprint)\s*#?\d+|\b(?:current|now|latest|final|after|before|initial|original"
    r"|previous)\b|re-?test",
    re.I,
)
_LATEST_COLUMN = re.compile(r"\b(current|now|latest|final|after)\b|re-?test", re.I)
_SUMMARY = re.compile(r"\b(summary|overview)\b", re.I)
_STATUS_COLUMN = re.compile(r"status|state|resolution|fixed|remediat|triage|re-?test", re.I)
_CHECK_RESULT_COLUMN = re.compile(r"^\W*(result|outcome|verdict|pass/fail|compliant|assessment)\W*$", re.I)
_CHECK_FAILED = re.compile(
    r"❌|⚠|✗|✖|\b(fail(ed|s|ing)?|partial(ly)?|non[- ]?compliant|not met|vulnerable|gaps?)\b", re.I
)
# A section of earlier findings that says they are all closed ("Findings from the 2023 audit (resolved)").
_CLOSED_SECTION = re.compile(r"\b(all\s+)?(resolved|fixed|closed|remediated)\b", re.I)
_DRAFT = re.compile(r"\b(draft|in progress|incomplete|pending|not started|wip|tbd)\b", re.I)


def read_security(blocks: Sequence[Block], rel: str, fm: FrontMatter) -> tuple[SecurityAudit, list[Problem]]:
    problems: list[Problem] = []
    if "findings" in fm.values:
        findings = _front_matter_findings(fm, rel, problems)
    else:
        terms = legend(blocks)
        held: list[Finding] = []
        findings = (
            _table_findings(blocks, rel, terms, held)
            + _heading_findings(blocks, rel, terms)
            + tool_findings(blocks, rel, terms)
        )
        findings = findings or held  # a summary table is the list when nothing else lists findings
        findings.sort(key=lambda f: f.location.line or 0)
        findings = follow_ups(blocks, _tracked_statuses(blocks, findings))
    score = str(fm.values["score"]) if "score" in fm.values else _score(blocks)
    stated, stated_at = (0, None) if findings else stated_open(blocks, rel)
    status = str(fm.values.get("status", "")) or _status_line(blocks)
    complete = None if not status else not _DRAFT.search(status)
    return SecurityAudit(tuple(findings), score, stated, stated_at, complete), problems


def _front_matter_findings(fm: FrontMatter, rel: str, problems: list[Problem]) -> list[Finding]:
    items = fm.values.get("findings")
    lines = fm.item_lines.get("findings", ())
    if not isinstance(items, list):
        problems.append(Problem("`findings` must be a list", Location(rel, fm.lines.get("findings"))))
        return []
    findings = []
    for index, item in enumerate(items):
        where = Location(rel, lines[index] if index < len(lines) else fm.lines.get("findings"))
        if not isinstance(item, dict) or not item.get("title"):
            problems.append(Problem("each finding needs at least `title` and `severity`", where))
            continue
        try:
            severity = Severity.parse(str(item.get("severity", "unknown")))
        except ValueError as exc:
            problems.append(Problem(str(exc), where))
            severity = Severity.UNKNOWN
        status = status_of(str(item.get("status", ""))) or FindingStatus.UNKNOWN
        ident = item.get("id")
        findings.append(
            Finding(
                str(item["title"]),
                severity,
                status,
                where,
                id=str(ident) if ident else None,
                source="front-matter",
            )
        )
    return findings


def _table_findings(blocks: Sequence[Block], rel: str, terms: Legend, held: list[Finding]) -> list[Finding]:
    findings: list[Finding] = []
    for block in blocks:
        if block.kind != "row":
            continue
        header = [strip_marks(h) for h in block.header]
        closed_section = _closed_section(block)
        # A checklist (OWASP Top 10, controls) names a finding only in a row whose check failed.
        result_col = _column(header, _CHECK_RESULT_COLUMN)
        failed_check = result_col is not None and _CHECK_FAILED.search(_cell(block, result_col))
        explicit = any(re.search("severity", h, re.I) for h in header)
        into = findings
        if not (closed_section or failed_check) and _excluded(block, "", explicit):
            if not any(_SUMMARY.search(title) for title in block.section[1:]):
                continue
            into = held
        sev_col = _column(header, _SEVERITY_COLUMN)
        id_col = _column(header, _ID_COLUMN)
        status_cols = _status_columns(header)
        title_col = _column(header, _TITLE_COLUMN, exclude=(sev_col, id_col))
        if title_col is None and sev_col is not None and len(header) >= 3:
            # `Package | Advisory | Severity`: the first other column (a 2-column table is a legend)
            taken = {sev_col, id_col, *status_cols}
            title_col = next((i for i in range(len(header)) if i not in taken), None)
        if sev_col is None or title_col is None or len(block.cells) <= max(sev_col, title_col):
            continue
        severity = severity_of(block.cells[sev_col]) or graded(block.cells[sev_col], terms)
        if severity is None and re.search("cvss", header[sev_col], re.I):
            severity = severity_of(f"CVSS {strip_marks(block.cells[sev_col])}")
        title = strip_marks(block.cells[title_col])
        if severity is None or not title or re.fullmatch(r"\W*(total\W*|[\d\s.,%]+)", title, re.I):
            continue  # a severity × count table
        ident = strip_marks(block.cells[id_col]) if id_col is not None and id_col < len(block.cells) else None
        if not ident:
            match = ID.search(block.cells[title_col])
            ident = match.group(1) if match else None
        # Every status-like column counts: `Status: Closed` with `Resolution: Won't Do` is accepted.
        status_text = " ; ".join(
            block.cells[i] for i in status_cols if i != title_col and i < len(block.cells)
        )
        status = (
            leading_status(status_text)
            or (FindingStatus.OPEN if failed_check else None)
            or _struck(block.cells[title_col])
            or closed_section
            or FindingStatus.UNKNOWN
        )
        into.append(Finding(title.strip("~ "), severity, status, Location(rel, block.line), id=ident or None))
    return findings


def _status_columns(header: Sequence[str]) -> list[int]:
    """Status-like columns; of a re-test table's rounds (`Round 1 | Round 2`, `Initial | Retest`) the latest."""
    columns = [i for i, h in enumerate(header) if _STATUS_COLUMN.search(h) or _ROUND_COLUMN.search(h)]
    rounds = [i for i in columns if _ROUND_COLUMN.search(header[i])]
    if len(columns) < 2 or not rounds:
        return columns
    latest = [i for i in columns if _LATEST_COLUMN.search(header[i])]
    return latest[-1:] or rounds[-1:]


def _cell(block: Block, column: int) -> str:
    return block.cells[column] if column < len(block.cells) else ""


def _closed_section(block: Block) -> FindingStatus | None:
    """The status a heading gives all the findings under it (`Findings from the last audit — all resolved`)."""
    title = block.section[-1] if len(block.section) > 1 else ""
    if _NAMES_FINDINGS.search(title) and _CLOSED_SECTION.search(title) and not re.search(r"\bnot\b", title):
        return status_of(title)
    return None


def _tracked_statuses(blocks: Sequence[Block], findings: list[Finding]) -> list[Finding]:
    """Statuses kept in a separate tracking table (`| FEN-1 | owner | Fixed |`), joined by the finding id."""
    ids = {f.id for f in findings if f.id and f.status is FindingStatus.UNKNOWN}
    if not ids:
        return findings
    tracked: dict[str, FindingStatus] = {}
    for block in blocks:
        if block.kind != "row" or not block.cells:
            continue
        column = _column([strip_marks(h) for h in block.header], _STATUS_COLUMN)
        ident = strip_marks(block.cells[0])
        if column is not None and column < len(block.cells) and ident in ids:
            status = status_of(block.cells[column])
            if status:
                tracked.setdefault(ident, status)
    return [
        replace(f, status=tracked[f.id]) if f.id in tracked and f.status is FindingStatus.UNKNOWN else f
        for f in findings
    ]


def _heading_findings(blocks: Sequence[Block], rel: str, terms: Legend) -> list[Finding]:
    """Findings written as headings (`### H-1: …`), bold lead lines (`**Issue 2: …**`) or list items."""
    findings = []
    sections: dict[int, Severity] = {}
    leads = candidates(blocks, terms)
    starts = frozenset(lead.index for lead in leads)  # once: fields() stops at the next one
    parents = _parent_headings(blocks)
    for lead in leads:
        index, level, text = lead.index, lead.level, lead.text
        block = blocks[index]
        for lvl in [lvl for lvl in sections if lvl >= level]:
            del sections[lvl]
        plain = strip_marks(text)
        grouped = (
            section_severity((text,)) if block.kind == "heading" or SEVERITY_SECTION.match(plain) else None
        )
        if grouped is not None:
            sections[level] = grouped
            continue
        inherited = next((sections[lvl] for lvl in sorted(sections, reverse=True)), None)
        found = fields(blocks, lead, starts)
        prefix = _SEVERITY_PREFIX.match(plain)
        marker = marker_lead(text if block.kind == "heading" else "")
        closing = block.kind == "heading" and PAREN_SEVERITY_END.search(plain)
        has_marker = bool(
            ID.search(text)
            or TAG.search(text)
            or prefix
            or marker
            or closing
            or level == ITEM_LEVEL
            or lead.graded
        )
        explicit = "severity" in found
        if level == 1 or _excluded(block, text, explicit) or _NONE.search(plain):
            continue
        if block.kind == "heading" and not explicit and _GROUP_HEADING.match(plain) and not ID.search(text):
            continue  # `🚨 Vulnerabilities Found & Remediated` names the findings below it
        prose = (
            Severity(found["prose"])
            if "prose" in found and block.kind == "heading" and index not in parents and not inherited
            else None
        )
        if not (has_marker or inherited or explicit or prose or "priority" in found or "risk" in found):
            if _SEVERITY_WORDING.search(plain):
                sections[level] = severity_of(text) or Severity.UNKNOWN
            continue
        tag = TAG.search(text) or PAREN_SEVERITY.search(text)
        severity = (
            field_severity(found)
            or (severity_of(prefix.group(1)) if prefix else None)
            or (severity_of(tag.group(1)) if tag else None)
            or (graded(block.lead, terms) if block.lead else None)
            or marker
            or inherited
            or severity_of(text)
            or prose
        )
        if severity is None:
            continue
        status = (
            lead_status(lead, found)
            or (FindingStatus.FIXED if block.checked else None)
            or _section_status(block)
            or FindingStatus.UNKNOWN
        )
        findings.append(_finding(title_of(text), severity, status, Location(rel, block.line)))
    return findings


def _parent_headings(blocks: Sequence[Block]) -> frozenset[int]:
    """Indexes of headings whose next heading is a sub-heading (not leaves: their prose introduces others)."""
    parents = set()
    last: int | None = None
    for index, block in enumerate(blocks):
        if block.kind == "heading":
            if last is not None and block.level > blocks[last].level:
                parents.add(last)
            last = index
    return frozenset(parents)


def _section_status(block: Block) -> FindingStatus | None:
    """The status a short section title gives its items (`## Open issues`, `## Closed issues`)."""
    title = strip_marks(block.section[-1]) if len(block.section) > 1 else ""
    if len(title.split()) <= 4 and _NAMES_FINDINGS.search(title):
        return status_of(title)
    return None


def _finding(text: str, severity: Severity, status: FindingStatus, where: Location) -> Finding:
    match = ID.search(text)
    title = TAG.sub("", ID.sub("", text, count=1) if match else text)
    title = strip_marks(_SEVERITY_PREFIX_ONLY.sub("", strip_marks(title)))
    title = strip_marks(
        re.sub(r"^\W*(?:(?:finding|issue|vulnerability)\s*#?\d*|\d+[.)])\W*", "", title, flags=re.I)
    ) or strip_marks(text)
    return Finding(title.strip("~ "), severity, status, where, id=match.group(1) if match else None)


def _struck(text: str) -> FindingStatus | None:
    return FindingStatus.FIXED if text.strip().startswith("~~") else None


def _excluded(block: Block, text: str, explicit: bool) -> bool:
    """Under a strengths/summary/legend… heading; under a recommendations heading unless it has a Severity."""
    sections = block.section[1:]
    # A section naming findings lifts its parents' exclusion (`## Summary` › `### Issues Identified`).
    named = [
        i for i, title in enumerate(sections) if _NAMES_FINDINGS.search(title) and not _not_findings(title)
    ]
    if named and all(_SUMMARY.search(title) or not _not_findings(title) for title in sections[: named[-1]]):
        sections = sections[named[-1] :]
    own = () if ID.search(text) else (text,)  # `**[SEC-03]** Summary rendered as HTML` is a finding
    if any(_not_findings(title) for title in (*sections, *own)):
        return True
    return not explicit and any(
        _WEAK_NOT_FINDINGS.search(title)
        and not _NAMES_FINDINGS.search(title)
        and section_severity((title,)) is None  # `Recommendations (Should Fix)` grades its items
        for title in sections
    )


def _not_findings(title: str) -> bool:
    """A strengths/summary/legend… title; a checklist only when it does not name findings."""
    if _NAMES_FINDINGS.search(title):
        title = re.sub(r"check-?lists?", "", title, flags=re.I)
    return bool(_NOT_FINDINGS.search(title))


def _column(
    header: Sequence[str], pattern: re.Pattern[str], exclude: tuple[int | None, ...] = ()
) -> int | None:
    for index, name in enumerate(header):
        if index not in exclude and pattern.search(name):
            return index
    return None


def _score(blocks: Sequence[Block]) -> str | None:
    for block in blocks:
        match = _SCORE.search(block.text)
        if match:
            return re.sub(r"\s+", "", match.group(1))
    return None


def _status_line(blocks: Sequence[Block]) -> str:
    for block in blocks[:15]:
        for line in block.text.split("\n"):
            match = re.match(r"^\W*(?:audit\s+)?status\W*[:=]\s*(.+)$", strip_marks(line), re.I)
            if match:
                return match.group(1)
    return ""
