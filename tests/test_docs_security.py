"""Reading security audits: findings in tables, headings and bold lines; counts; what is not a finding."""

from __future__ import annotations

from pathlib import Path

from rte.docs import parse_document
from rte.docs.security import read_security
from rte.model import FindingStatus, SecurityAudit, Severity

FIXTURES = Path(__file__).parent / "fixtures" / "docs"


def audit(name: str) -> SecurityAudit:
    doc = parse_document((FIXTURES / name).read_text(encoding="utf-8"), name)
    result, problems = read_security(doc.blocks, name, doc.fm)
    assert problems == []
    return result


def by_line(result: SecurityAudit) -> dict[int, tuple[Severity, FindingStatus, str | None]]:
    return {f.location.line or 0: (f.severity, f.status, f.id) for f in result.findings}


def test_table_rows_are_findings_but_legends_summaries_and_strengths_are_not() -> None:
    result = audit("audit-table.md")
    assert by_line(result) == {
        23: (Severity.HIGH, FindingStatus.FIXED, "SEC-1"),
        24: (Severity.HIGH, FindingStatus.OPEN, "SEC-2"),  # "mitigation planned" is not mitigated
        25: (Severity.LOW, FindingStatus.FIXED, "SEC-3"),  # struck through
        26: (Severity.CRITICAL, FindingStatus.ACCEPTED, "SEC-4"),  # CVSS 9.1 → critical
    }
    assert result.score == "8/10"
    assert [f.title for f in result.findings][:2] == [
        "Link tokens are guessable",
        "No expiry on shared links",
    ]


def test_headings_bold_lines_and_fields() -> None:
    result = audit("audit-headings.md")
    found = by_line(result)
    assert found[7] == (Severity.HIGH, FindingStatus.OPEN, "H-1")  # inherits the section's severity
    assert found[11] == (Severity.CRITICAL, FindingStatus.FIXED, "H-2")  # P0 field beats the section
    assert found[16] == (Severity.MEDIUM, FindingStatus.MITIGATED, None)
    assert found[20][0] is Severity.LOW  # "LOW: title"
    assert found[22][:2] == (Severity.CRITICAL, FindingStatus.UNKNOWN)
    # bold "Issue N:" lines under a status heading that states the severity
    assert found[30] == (Severity.HIGH, FindingStatus.UNKNOWN, None)
    assert found[34] == (Severity.HIGH, FindingStatus.FIXED, None)
    # a recommendation with only a priority is not a finding; one with a Severity field is
    assert 40 not in found
    assert found[44] == (Severity.LOW, FindingStatus.ACCEPTED, None)  # words beat the 🟡 colour
    assert 50 not in found  # under "Positive findings"
    assert len(found) == 8


def test_verdict_wording_never_closes_an_open_finding() -> None:
    blocking = [f for f in audit("audit-headings.md").findings if f.blocks(Severity.HIGH)]
    assert {f.location.line for f in blocking} == {7, 22, 30}


def test_every_finding_has_a_title_and_line() -> None:
    for name in ("audit-table.md", "audit-headings.md"):
        for finding in audit(name).findings:
            assert finding.title and finding.location.line


def test_stated_open_counts_block_when_nothing_is_listed() -> None:
    result = audit("audit-counts.md")
    assert result.findings == ()
    assert result.stated_open_blocking == 7
    assert result.stated_open_location is not None and result.stated_open_location.line == 5


def test_closed_counts_do_not_block() -> None:
    assert audit("audit-counts-closed.md").stated_open_blocking == 0


def test_front_matter_findings_problems_name_the_line() -> None:
    text = "---\nfindings:\n  - {id: A-1, title: Weak hash, severity: severe}\n  - just text\n---\n# Audit\n"
    doc = parse_document(text, "a.md")
    result, problems = read_security(doc.blocks, "a.md", doc.fm)
    assert [(p.location.line if p.location else None) for p in problems] == [3, 4]
    assert "unknown severity" in problems[0].message
    assert result.findings[0].severity is Severity.UNKNOWN


def audit_text(text: str) -> SecurityAudit:
    doc = parse_document(text, "04-security-audit.md")
    result, problems = read_security(doc.blocks, "04-security-audit.md", doc.fm)
    assert problems == []
    return result


def test_severity_closing_a_heading_and_several_fields_on_one_line() -> None:
    result = audit_text(
        "# Audit\n\n## Findings\n\n"
        "### 3.1 Session cookie lacks SameSite (Low)\n\nNo status given.\n\n"
        "### 3.2 Admin API reachable without VPN (Critical)\n\n"
        "**Severity:** Critical · **Status:** ✅ Closed by commit 12ab34c\n\n"
        "### 3.3 About this review\n\nWritten by the platform team.\n"
    )
    assert by_line(result) == {
        5: (Severity.LOW, FindingStatus.UNKNOWN, None),
        9: (Severity.CRITICAL, FindingStatus.FIXED, None),  # the ✅ in the value counts
    }


def test_moscow_sections_grade_their_items_and_item_statuses_in_parentheses() -> None:
    result = audit_text(
        "# Audit\n\n## Must Fix\n\n"
        "- Webhook secret logged – printed at startup (fixed in #88)\n"
        "- Password reset ignores lockout – attackers can retry forever\n\n"
        "## Should Fix\n\n- Verbose stack traces – shown on 500 pages\n"
        "  Resolved in release 4.2.\n\n"
        "## Strengths\n\n- Uploads scanned – by ClamAV\n"
    )
    assert by_line(result) == {
        5: (Severity.HIGH, FindingStatus.FIXED, None),
        6: (Severity.HIGH, FindingStatus.UNKNOWN, None),
        10: (Severity.MEDIUM, FindingStatus.FIXED, None),
    }


def test_failed_rows_of_a_checklist_table_are_findings_and_passed_rows_are_not() -> None:
    result = audit_text(
        "# Audit\n\n## Controls checklist\n\n"
        "| Control | Outcome | Severity |\n|---|---|---|\n"
        "| MFA for admins | ✅ Pass | – |\n"
        "| Secrets rotation | ❌ Fail | High |\n"
        "| Backups encrypted | Pass | High |\n"
    )
    assert by_line(result) == {8: (Severity.HIGH, FindingStatus.OPEN, None)}


def test_field_keys_and_values_in_another_language() -> None:
    result = audit_text(
        "# Revisión\n\n## Hallazgos\n\n### SEG-1 Contraseñas en texto plano\n\n"
        "- Severidad / Severity: Alta\n- Estado / Status: Resuelto\n\n"
        "### SEG-2 Cabeceras CSP ausentes\n\n- Severidad: Baja\n- Estado: Abierto\n"
    )
    assert by_line(result) == {
        5: (Severity.HIGH, FindingStatus.FIXED, "SEG-1"),
        10: (Severity.LOW, FindingStatus.OPEN, "SEG-2"),
    }
