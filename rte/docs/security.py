"""The security audit: individual findings (tables, headings, bold fields), the score, stated counts."""

from __future__ import annotations

import re
from collections.abc import Sequence

from rte.docs.frontmatter import FrontMatter
from rte.docs.markdown import Block
from rte.docs.vocab import severity_of, status_of, strip_marks
from rte.model import Finding, FindingStatus, Location, Problem, SecurityAudit, Severity

_ID = re.compile(r"\b([A-Z][A-Z0-9]{0,9}-\d{1,4}(?:\.\d+)?|#\d{1,4})\b")
_TAG = re.compile(r"\[(critical|high|medium|moderate|low|info|P[0-4])\]", re.I)
_FIELD = re.compile(
    r"^\W*(severity|risk(?: level)?|priority|impact level|cvss[^:]*|status|state|resolution)"
    r"\W*[:=]\s*(.+)$",
    re.I,
)
_SCORE = re.compile(
    r"\b(?:security\s+)?(?:score|rating)\b[^0-9\n]{0,30}(\d{1,3}(?:\.\d+)?\s*/\s*10{1,2})\b", re.I
)
_NOT_FINDINGS = re.compile(
    r"strength|positive|good practice|what went well|recommendation|remediation plan|checklist|legend"
    r"|methodology|scope|next step|summary|overview|conclusion|appendix|passed check|compliance"
    r"|references|sign[- ]?off|approval|table of contents|contents",
    re.I,
)
_SEVERITY_SECTION = re.compile(
    r"^\W*(critical|high|medium|moderate|low|info(?:rmational)?|P[0-4])\b"
    r"[\w\s()/-]*(issues?|findings?|vulnerabilit\w*|severity|priority|risks?)?\W*$",
    re.I,
)
_TITLE_COLUMN = re.compile(
    r"finding|issue|title|vulnerab|description|name|problem|weakness|check|risk\b", re.I
)
_SEVERITY_COLUMN = re.compile(r"severity|criticality|priority|\brisk\b|cvss|\blevel\b", re.I)
_ID_COLUMN = re.compile(r"^\W*(id|#|ref|no\.?|key)\W*$", re.I)
_STATUS_COLUMN = re.compile(r"status|state|resolution|fixed|remediat", re.I)
_COUNT_COLUMN = re.compile(r"count|number|total|^\W*#\W*$|open|found|issues", re.I)
_DRAFT = re.compile(r"\b(draft|in progress|incomplete|pending|not started|wip|tbd)\b", re.I)
_OPEN_COUNT = re.compile(
    r"(\d+)\s+(?:open|unresolved|outstanding|remaining)\s+(critical|high|p0|p1)"
    r"|(critical|high|p0|p1)\b[^:\n]{0,30}\b(?:open|unresolved|remaining)\W+(\d+)",
    re.I,
)


def read_security(blocks: Sequence[Block], rel: str, fm: FrontMatter) -> tuple[SecurityAudit, list[Problem]]:
    problems: list[Problem] = []
    if "findings" in fm.values:
        findings = _front_matter_findings(fm, rel, problems)
    else:
        findings = _table_findings(blocks, rel) + _heading_findings(blocks, rel)
        findings.sort(key=lambda f: f.location.line or 0)
    score = str(fm.values["score"]) if "score" in fm.values else _score(blocks)
    stated, stated_at = (0, None) if findings else _stated_open(blocks, rel)
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


def _table_findings(blocks: Sequence[Block], rel: str) -> list[Finding]:
    findings = []
    for block in blocks:
        if block.kind != "row" or _excluded(block):
            continue
        header = [strip_marks(h) for h in block.header]
        sev_col = _column(header, _SEVERITY_COLUMN)
        title_col = _column(header, _TITLE_COLUMN, exclude=sev_col)
        if sev_col is None or title_col is None or len(block.cells) <= max(sev_col, title_col):
            continue
        severity = severity_of(block.cells[sev_col])
        title = strip_marks(block.cells[title_col])
        if severity is None or not title or re.fullmatch(r"\W*total\W*", title, re.I):
            continue
        id_col = _column(header, _ID_COLUMN)
        status_col = _column(header, _STATUS_COLUMN, exclude=title_col)
        ident = strip_marks(block.cells[id_col]) if id_col is not None and id_col < len(block.cells) else None
        if not ident:
            match = _ID.search(block.cells[title_col])
            ident = match.group(1) if match else None
        status_text = (
            block.cells[status_col] if status_col is not None and status_col < len(block.cells) else ""
        )
        status = status_of(status_text) or _struck(block.cells[title_col]) or FindingStatus.UNKNOWN
        findings.append(
            Finding(title.strip("~ "), severity, status, Location(rel, block.line), id=ident or None)
        )
    return findings


def _heading_findings(blocks: Sequence[Block], rel: str) -> list[Finding]:
    findings = []
    section_severity: dict[int, Severity] = {}
    for index, block in enumerate(blocks):
        if block.kind != "heading":
            continue
        for level in [lvl for lvl in section_severity if lvl >= block.level]:
            del section_severity[level]
        text = block.text
        if _SEVERITY_SECTION.match(strip_marks(text)) and not _ID.search(text):
            section_severity[block.level] = severity_of(text) or Severity.UNKNOWN
            continue
        inherited = next((section_severity[lvl] for lvl in sorted(section_severity, reverse=True)), None)
        fields = _fields(blocks, index)
        has_marker = bool(_ID.search(text) or _TAG.search(text))
        if _excluded(block) or not (has_marker or inherited or "severity" in fields):
            continue
        if block.level == 1:
            continue
        severity = (
            (severity_of(fields["severity"]) if "severity" in fields else None)
            or severity_of(text)
            or inherited
        )
        if severity is None:
            continue
        status = (
            (status_of(fields["status"]) if "status" in fields else None)
            or _heading_status(text)
            or _struck(text)
            or FindingStatus.UNKNOWN
        )
        match = _ID.search(text)
        title = _TAG.sub("", _ID.sub("", text, count=1) if match else text)
        title = strip_marks(
            re.sub(r"^\W*(finding|issue|vulnerability)\s*\d*\W*", "", strip_marks(title), flags=re.I)
        ) or strip_marks(text)
        findings.append(
            Finding(
                title.strip("~ "),
                severity,
                status,
                Location(rel, block.line),
                id=match.group(1) if match else None,
            )
        )
    return findings


def _fields(blocks: Sequence[Block], index: int) -> dict[str, str]:
    """`Severity:` / `Status:` fields in the blocks under heading `index`, up to the next heading."""
    fields: dict[str, str] = {}
    for block in blocks[index + 1 :]:
        if block.kind == "heading":
            break
        lines = [block.text] if block.kind != "paragraph" else block.text.split("\n")
        if block.kind == "row" and len(block.cells) >= 2:
            lines = [f"{block.cells[0]}: {block.cells[1]}"]
        for line in lines:
            match = _FIELD.match(strip_marks(line) if block.kind != "row" else line.replace("*", ""))
            if not match:
                continue
            key = match.group(1).lower()
            name = "status" if key in ("status", "state", "resolution") else "severity"
            fields.setdefault(name, match.group(2))
    return fields


def _heading_status(text: str) -> FindingStatus | None:
    marker = re.search(r"\b(fixed|resolved|mitigated|accepted|open|closed)\b|✅|❌", text, re.I)
    return status_of(marker.group(0)) if marker else None


def _struck(text: str) -> FindingStatus | None:
    return FindingStatus.FIXED if text.strip().startswith("~~") else None


def _excluded(block: Block) -> bool:
    return any(
        _NOT_FINDINGS.search(title)
        for title in block.section[1:] + ((block.text,) if block.kind == "heading" else ())
    )


def _column(header: Sequence[str], pattern: re.Pattern[str], exclude: int | None = None) -> int | None:
    for index, name in enumerate(header):
        if index != exclude and pattern.search(name):
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


def _stated_open(blocks: Sequence[Block], rel: str) -> tuple[int, Location | None]:
    """Open HIGH/CRITICAL counts stated in prose or a count table, for audits that list no finding."""
    total, first = 0, None
    for block in blocks:
        if block.kind == "row":
            header = [strip_marks(h).lower() for h in block.header]
            open_col = next((i for i, h in enumerate(header) if "open" in h or "unresolved" in h), None)
            if open_col is None or open_col >= len(block.cells) or not block.cells:
                continue
            severity = severity_of(block.cells[0])
            count = re.search(r"\d+", block.cells[open_col])
            if severity in (Severity.CRITICAL, Severity.HIGH) and count and int(count.group()) > 0:
                total += int(count.group())
                first = first or Location(rel, block.line)
            continue
        for match in _OPEN_COUNT.finditer(block.text):
            stated = int(match.group(1) or match.group(4))
            if stated:
                total += stated
                first = first or Location(rel, block.line)
    return total, first
