"""Audit layouts met in real reports measured blind (scripts/measure_docs.py): summary tables with details,
severity headings over tables, fix columns, report-wide fields that are not findings. Own text throughout."""

from __future__ import annotations

from rte.model import Severity
from tests.docread import OPEN, A, F, M, U, findings


def test_summary_table_lends_status_to_details_and_keeps_the_rows_nobody_details() -> None:
    text = (
        "# Audit\n\n## Summary of issues\n\n| # | Severity | Issue | Status |\n|---|---|---|---|\n"
        "| 1 | HIGH | Reset links never expire | ✅ FIXED |\n| 2 | MEDIUM | Login has no lockout | ✅ FIXED |\n"
        "| 3 | LOW | Server header shows version | 📋 Noted |\n\n## Details\n\n"
        "### 1. 🔴 HIGH: Reset links never expire\n\nBefore and after code.\n\n"
        "### 2. 🟡 MEDIUM: Login has no lockout at all\n\nThe limiter now applies.\n"
    )
    assert findings(text) == {
        13: (Severity.HIGH, F),
        17: (Severity.MEDIUM, F),
        9: (Severity.LOW, U),
    }


def test_an_id_heading_takes_the_grade_of_its_summary_row() -> None:
    text = (
        "# Register\n\n## Findings overview\n\n| ID | Severity | Finding | Status |\n|---|---|---|---|\n"
        "| P0-A | HIGH | Offer tokens can be enumerated | ✅ FIXED |\n"
        "| P0-B | MEDIUM | Mailbox rows readable by peers | ✅ MITIGATED |\n\n"
        "## P0-A: offers — token enumeration\n\nA fix plan.\n\n## P0-B: mailboxes — peer access\n\nNotes.\n"
    )
    assert findings(text) == {10: (Severity.HIGH, F), 14: (Severity.MEDIUM, M)}


def test_report_wide_fields_and_finding_parts_are_not_findings() -> None:
    text = (
        "# Audit\n\n## H-1: Tokens in query strings\n\n**Severity:** High\n**Status:** Open\n\n"
        "### Risk Assessment\n\n- **Impact:** Low if the proxy strips them\n- **Data Sensitivity:** LOW — ids only\n\n"
        "## Risk before fixes\n\n- **Overall Risk:** 🔴 HIGH\n- **Residual risk:** LOW\n"
    )
    assert findings(text) == {3: (Severity.HIGH, OPEN)}


def test_a_siren_on_a_group_of_concerns_is_not_a_finding() -> None:
    text = (
        "# Review\n\n## 🚨 Potential Concerns Addressed\n\n### Concern: admin routes are documented\n"
        "**Status**: NOT A SECURITY ISSUE ✅\n"
    )
    assert findings(text) == {}


def test_a_fix_field_opening_with_a_state_gives_the_status() -> None:
    text = (
        "# Audit\n\n## Critical\n\n### C1: Server fetches any URL\n\n| | |\n|---|---|\n"
        "| **Files** | `fetch.go` |\n| **Fix** | **Fixed** — outbound URLs are validated |\n\n"
        "## Medium\n\n### M1: API key accepted in the query\n\n| | |\n|---|---|\n"
        "| **Fix** | **Partial** — a warning is logged |\n"
    )
    assert findings(text) == {5: (Severity.CRITICAL, F), 14: (Severity.MEDIUM, OPEN)}


def test_severity_headings_grade_the_rows_of_tables_without_a_severity_column() -> None:
    text = (
        "# Report\n\n## Fixes applied\n\n### CRITICAL (2/2 fixed)\n| ID | Issue | Fix |\n|---|---|---|\n"
        "| C-01 | Tokens never verified | Real signature checks |\n| C-02 | Admin API without auth | Binds to localhost |\n\n"
        "### LOW (1/3 fixed, 2 in progress)\n| ID | Issue | Fix |\n|---|---|---|\n"
        "| L-02 | Context never cancelled | In progress — tied to the engine |\n"
        "| L-01 | Bare type assertions | Accepted — safe today |\n| L-03 | Hop headers kept | Fixed — filtered |\n"
    )
    assert findings(text) == {
        8: (Severity.CRITICAL, F),
        9: (Severity.CRITICAL, F),
        14: (Severity.LOW, OPEN),
        15: (Severity.LOW, A),
        16: (Severity.LOW, F),
    }


def test_risks_sections_with_severity_headings_list_findings_even_beside_recommendations() -> None:
    text = (
        "# Audit\n\n## 10. Identified Risks & Recommendations\n\n### 🚨 Critical\n\n"
        "| # | Issue | Details | Fix |\n|---|---|---|---|\n| 1 | `.env` not ignored | Holds secrets | Add it to `.gitignore` |\n\n"
        "### ⚠️ Medium\n\n| # | Issue | Details | Fix |\n|---|---|---|---|\n"
        "| 2 | Rate limits in memory | Reset on restart | Use Redis |\n"
    )
    assert findings(text) == {9: (Severity.CRITICAL, U), 15: (Severity.MEDIUM, U)}
