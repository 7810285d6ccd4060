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
