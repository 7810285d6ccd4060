"""Audits in layouts of the ninth round: code blocks (YAML, diff), boards, interviews, vendor responses."""

from __future__ import annotations

from rte.docs import parse_document
from rte.docs.security import read_security
from rte.model import FindingStatus, Severity

F, OPEN, M, A, U = (
    FindingStatus.FIXED,
    FindingStatus.OPEN,
    FindingStatus.MITIGATED,
    FindingStatus.ACCEPTED,
    FindingStatus.UNKNOWN,
)


def findings(text: str) -> dict[int, tuple[Severity, FindingStatus]]:
    doc = parse_document(text, "04-security-audit.md")
    result, _ = read_security(doc.blocks, "04-security-audit.md", doc.fm)
    return {f.location.line or 0: (f.severity, f.status) for f in result.findings}


def test_yaml_block_items_are_findings_at_their_first_line() -> None:
    text = (
        "# Audit\n\n## Findings\n\n```yaml\nfindings:\n  - id: QQ-1\n    title: Open redirect on login\n"
        "    severity: high\n    state: confirmed\n  - id: QQ-2\n    title: Debug page left on\n"
        "    severity: low\n    state: risk_accepted\n    note: internal only\n```\n"
    )
    assert findings(text) == {7: (Severity.HIGH, OPEN), 11: (Severity.LOW, A)}


def test_diff_block_keeps_current_and_unchanged_lines_only() -> None:
    text = (
        "# Audit\n\n```diff\n  ZZ-1  High    Open   Links never expire\n- ZZ-2  Medium  Open   No lockout\n"
        "+ ZZ-2  Medium  Fixed  No lockout\n+ ZZ-3  Low     Open   Verbose errors\n```\n"
    )
    assert findings(text) == {4: (Severity.HIGH, OPEN), 6: (Severity.MEDIUM, F), 7: (Severity.LOW, OPEN)}
