"""Findings in pasted tool output (Bandit, gosec, tracker exports in code blocks) and later triage lines."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from rte.docs.leads import GHSA_ID
from rte.docs.legends import Legend, graded
from rte.docs.markdown import Block
from rte.docs.vocab import leading_status, severity_of, status_of, strip_marks
from rte.model import Finding, FindingStatus, Location, Severity

# Bandit: `>> Issue: [B602:subprocess_popen_with_shell_equals_true] text` then `Severity: High   Confidence: …`.
_BANDIT = re.compile(r"^>>\s*Issue:\s*\[([A-Z]\d{2,4})(?::[\w-]+)?\]\s*(.+)$")
_BANDIT_SEVERITY = re.compile(r"^\s*Severity:\s*(\w+)", re.I)
# gosec: `[file.go:38] - G402 (CWE-295): text (Confidence: HIGH, Severity: HIGH)`.
_GOSEC = re.compile(
    r"^\[[^\]\n]+:\d+(?::\d+)?\]\s*-\s*([A-Z]\d{2,4})\b[^:\n]*:\s*(.+?)\s*\(Confidence:\s*\w+,\s*Severity:\s*(\w+)\)"
)
# A tracker export: `SEC-412  P1  Done  OAuth refresh tokens stored…` (columns two spaces apart).
_TRACKER_ID = re.compile(r"^\s*([A-Z][A-Z0-9]{0,9}-\d{1,6})\s{2,}\S")
_COLUMNS = re.compile(r"\s{2,}|\t+")
# A later line naming a finding by its id: `- B602: replaced…`, `SEC-421 canceled: risk accepted`.
_MENTION = re.compile(
    rf"^\W*(#\d{{1,4}}|{GHSA_ID}|[A-Z][A-Z0-9]{{0,9}}(?:-[A-Z0-9]{{1,10}})*-?\d{{1,6}})\b\W*(.+)$"
)
_SENTENCE = re.compile(r"(?<=[.;])\s+")
# `npm audit` text: `minimist  <1.2.6`, then `Severity: critical`, then `Prototype Pollution in minimist - https://…`.
_NPM_PACKAGE = re.compile(r"^(@?[\w.-]+(?:/[\w.-]+)?)\s+([<>=~^*\d].*)$")
_NPM_SEVERITY = re.compile(r"^Severity:\s*(critical|high|moderate|low|info)\s*$", re.I)
_ADVISORY = re.compile(r"^(.*?)\s+-\s+https?://\S*?/advisories/(GHSA[\w-]+)")


def tool_findings(blocks: Sequence[Block], rel: str, terms: Legend) -> list[Finding]:
    """One finding per result of scanner output or tracker line pasted in a code block."""
    findings: list[Finding] = []
    for block in blocks:
        if block.kind == "paragraph" or block.kind == "code":
            findings.extend(_npm_audit(block, rel))
        if block.kind != "code":
            continue
        lines = block.text.split("\n")
        for offset, line in enumerate(lines):
            where = Location(rel, block.line + offset)
            if bandit := _BANDIT.match(line):
                following = (m for m in map(_BANDIT_SEVERITY.match, lines[offset + 1 : offset + 4]) if m)
                severity = severity_of(next((m.group(1) for m in following), ""))
                if severity is not None:
                    findings.append(_tool(bandit.group(2), severity, where, bandit.group(1)))
            elif gosec := _GOSEC.match(line.strip()):
                severity = severity_of(gosec.group(3))
                if severity is not None:
                    findings.append(_tool(gosec.group(2), severity, where, gosec.group(1)))
            elif tracked := _TRACKER_ID.match(line):
                finding = _tracker_line(line, tracked.group(1), where, terms)
                if finding:
                    findings.append(finding)
    return findings


def _npm_audit(block: Block, rel: str) -> list[Finding]:
    """The advisories of `npm audit` text output, pasted raw or in a code block: one per vulnerable package."""
    lines = block.text.split("\n")
    found = []
    for offset, line in enumerate(lines[:-1]):
        package = _NPM_PACKAGE.match(line)
        grade = _NPM_SEVERITY.match(lines[offset + 1].strip()) if package else None
        if package is None or grade is None:
            continue
        severity = severity_of(grade.group(1))
        advisory = _ADVISORY.match(lines[offset + 2].strip()) if offset + 2 < len(lines) else None
        title = f"{package.group(1)} {package.group(2).strip()}"
        if advisory:
            title = f"{title}: {advisory.group(1)}"
        if severity is not None:
            where = Location(rel, block.line + offset)
            found.append(_tool(title, severity, where, advisory.group(2) if advisory else ""))
    return found


def _tool(title: str, severity: Severity, where: Location, ident: str) -> Finding:
    return Finding(title.strip(), severity, FindingStatus.UNKNOWN, where, id=ident or None)


def _tracker_line(line: str, ident: str, where: Location, terms: Legend) -> Finding | None:
    columns = [c for c in _COLUMNS.split(line.strip())[1:] if c]
    if len(columns) < 2:
        return None
    severity = next((s for c in columns if len(c) <= 12 and (s := severity_of(c) or graded(c, terms))), None)
    status = next((state for c in columns if len(c) <= 20 and (state := status_of(c))), None)
    if severity is None:
        return None
    title = max(columns, key=len)
    return Finding(strip_marks(title), severity, status or FindingStatus.UNKNOWN, where, id=ident)


def follow_ups(blocks: Sequence[Block], findings: list[Finding]) -> list[Finding]:
    """Statuses of findings without one, from a later line or row that names them by id (`- B602: fixed …`)."""
    waiting = {f.id: f for f in findings if f.id and f.status is FindingStatus.UNKNOWN}
    if not waiting:
        return findings
    stated: dict[str, FindingStatus] = {}
    for block in blocks:
        if block.kind == "row" and len(block.cells) >= 2:
            # `| G304 | serve.go:55 | Mitigated: … |`: the first cell stating a status decides
            said = next((c for c in block.cells[1:] if status_of(re.split(r"[.,:;(]", c)[0])), "")
            texts = [f"{strip_marks(block.cells[0])} {said or ' '.join(block.cells[1:])}"]
        elif block.kind == "item":
            texts = [block.text.replace("\n", " ")]
        elif block.kind == "paragraph":
            texts = _SENTENCE.split(block.text.replace("\n", " "))
        else:
            continue
        for text in texts:
            mention = _MENTION.match(text)
            if not mention or mention.group(1) not in waiting:
                continue
            finding = waiting[mention.group(1)]
            said = mention.group(2)
            if block.line > (finding.location.line or 0) and (status := leading_status(said)):
                stated.setdefault(mention.group(1), status)
    return [replace(f, status=stated[f.id]) if f.id in stated and f.id in waiting else f for f in findings]
