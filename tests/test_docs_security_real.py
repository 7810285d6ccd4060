"""Audit layouts met in real reports measured blind (scripts/measure_docs.py): summary tables with details,
severity headings over tables, fix columns, report-wide fields that are not findings. Own text throughout."""

from __future__ import annotations

from rte.docs import parse_document
from rte.docs.security import read_security
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
        9: (Severity.LOW, OPEN),
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


def test_a_ranked_table_and_the_details_with_the_same_ids_are_one_list() -> None:
    text = (
        "# Audit\n\n## Ranked findings\n\n| ID | Severity | Status | Finding |\n|---|---|---|---|\n"
        "| QX-01 | High | ✅ Fixed | Login state not bound to the browser |\n"
        "| QX-02 | Medium | ☐ Open | No audit log |\n\n## High\n\n### QX-01 — Login state not bound\n\nDetails.\n\n"
        "## Medium\n\n### QX-02 — No audit log\n\nDetails.\n"
    )
    assert findings(text) == {12: (Severity.HIGH, F), 18: (Severity.MEDIUM, OPEN)}


def test_priority_tables_naming_findings_by_id_and_tables_inside_a_finding_repeat_them() -> None:
    text = (
        "# Pentest\n\n### QY-01: Debug routes reachable in production\n\n**Severity:** Critical\n\n"
        "### QY-02: Packages with known advisories\n\n**Severity:** High\n\n| Package | Severity | Issue |\n"
        "|---|---|---|\n| `globber` 4.0 | **High** | ReDoS in patterns |\n| `cookie-ish` 0.6 | Low | Lax names |\n\n"
        "## Remediation priority\n\n| # | Finding | Severity | Effort |\n|---|---|---|---|\n"
        "| 1 | QY-01: Debug routes reachable | Critical | Low |\n| 2 | QY-02: Advisories | High | Low |\n"
    )
    assert findings(text) == {3: (Severity.CRITICAL, U), 7: (Severity.HIGH, U)}


def test_headings_tagged_with_a_grade_or_a_state_before_a_dash_are_findings() -> None:
    text = (
        "# Capture audit\n\n## Findings, severity order\n\n### CRITICAL for the next release — sign-up floods\n\n"
        "Text.\n\n### SHOULD FIX — headers missing\n\nText.\n\n### RESOLVED / closed — old key leak\n\nText.\n\n"
        "### ACCEPTED TRADE-OFF — public map key\n\nText.\n\n### Side notes — nothing to do\n\nText.\n"
    )
    assert findings(text) == {
        5: (Severity.CRITICAL, U),
        9: (Severity.MEDIUM, U),
        13: (Severity.UNKNOWN, F),
        17: (Severity.UNKNOWN, A),
    }


def test_a_severity_group_heading_may_state_the_group_state_after_a_dash() -> None:
    text = (
        "# Audit\n\n## HIGH Issues — Fixed\n\n### QZ-01: Profile update accepts any field (FIXED)\n"
        "- **Impact:** a caller could set the plan\n- **Status:** ✅ FIXED\n\n"
        "## MEDIUM Issues — Fixed or Documented\n\n### QZ-02: No HSTS header\n- **Status:** ⚠️ DEFERRED\n"
    )
    assert findings(text) == {5: (Severity.HIGH, F), 11: (Severity.MEDIUM, OPEN)}


def test_attack_scenarios_and_impact_dimensions_are_not_findings() -> None:
    text = (
        "# Audit\n\n### QW-1: Path traversal in the loader\n\n**Severity:** High\n\n**Risk Assessment**:\n"
        "- **CVSS 3.1 Score**: 7.3 (HIGH)\n- **Confidentiality Impact**: HIGH\n\n#### Confidentiality\n\n"
        "- **Impact:** High\n\n## Attack Scenarios\n\n### Scenario 1: Code execution via a package\n\n"
        "**Severity:** Critical\n"
    )
    assert findings(text) == {3: (Severity.HIGH, U)}


def test_a_column_named_as_implemented_states_the_row_is_in_place() -> None:
    text = (
        "# Risk matrix\n\n| ID | Finding | Risk Level | Vector | Mitigation Implemented |\n|---|---|---|---|---|\n"
        "| QM-01 | Role chosen by the client | **High** | `role` in the body | Server forces the role |\n"
        "| QM-02 | Open CORS | Medium | any origin | TBD |\n"
    )
    assert findings(text) == {5: (Severity.HIGH, M), 6: (Severity.MEDIUM, U)}


def test_completed_actions_naming_finding_ids_close_them() -> None:
    text = (
        "# Review\n\n### 🔴 QC-1: Stock restored twice\n\n**Priority:** 🔴 **CRITICAL** - Fix immediately\n\n"
        "### 🟠 QH-1: No row lock\n\n**Priority:** 🟠 **HIGH**\n\n## Summary\n\n### ✅ Completed Actions\n\n"
        "1. **✅ Removed the second restore** (QC-1)\n2. **✅ Added row locking** (QH-1)\n"
    )
    assert findings(text) == {3: (Severity.CRITICAL, F), 7: (Severity.HIGH, F)}


def test_dependency_tables_under_severity_headings_and_category_counts() -> None:
    text = (
        "# Dependency report\n\n## Risk assessment\n\n1. **4 High Severity Vulnerabilities:**\n   - fix soon\n\n"
        "## Alerts\n\n### High Severity (2 vulnerabilities)\n\n| # | Package | Alert # | Status |\n|---|---|---|---|\n"
        "| 1 | **router-x** | #24 | Open |\n| 2 | **qs-lite** | #19 | Dismissed: no action |\n\n"
        "## Medium findings\n\n### Input Validation Gaps (87 findings)\n\nSee the tracker.\n"
    )
    assert findings(text) == {14: (Severity.HIGH, OPEN), 15: (Severity.HIGH, A)}


def test_area_headings_over_id_tables_are_groups_not_findings() -> None:
    text = (
        "# Audit\n\n## High Findings (2)\n\n### Sessions\n\n| ID | Finding | File |\n|---|---|---|\n"
        "| QH1 | Cookies readable by scripts | `auth.ts` |\n| QH2 | Sign-out outside CSRF scope | `signout.ts` |\n"
    )
    assert findings(text) == {9: (Severity.HIGH, U), 10: (Severity.HIGH, U)}


def test_a_recap_of_fixes_restates_findings_and_lends_them_its_status() -> None:
    text = (
        "# Assessment\n\n### 🔴 CRITICAL Issues\n\n#### 1. **Debug logs expose tokens**\n\nDetails.\n\n"
        "#### 2. **Plaintext password storage** ✅ FIXED\n\nDetails.\n\n## Completed improvements summary\n\n"
        "### ✅ Critical issues fixed\n1. **Debug logs**: removed every token from the logs\n"
        "2. **Password storage**: bcrypt now\n"
    )
    assert findings(text) == {5: (Severity.CRITICAL, F), 9: (Severity.CRITICAL, F)}


def test_a_number_after_a_space_is_an_id() -> None:
    text = (
        "# Assessment\n\n## 🔥 Critical Issue #1: Key rotation is not atomic (RESOLVED)\n\n"
        "### Vulnerability description\n\nText.\n\n## 🔥 Critical Issue #2: Names not validated\n\n"
        "### Impact assessment\n\nText.\n"
    )
    assert findings(text) == {3: (Severity.CRITICAL, F), 9: (Severity.CRITICAL, U)}


def test_a_grade_and_a_deadline_over_id_headings_grade_them() -> None:
    text = (
        "# Findings\n\n## CRITICAL — Fix before any user\n\n### QT-1: Two-factor bypass via cached session\n\nText.\n\n"
        "## HIGH — Fix before the first customer\n\n### QT-2: `unsafe-eval` in the CSP\n\nText.\n\n"
        "## P1-D: Linter warnings\n\n### Finding\nPermissive policies.\n"
    )
    # `P1-D` is an id whose prefix grades it, not a group over the `### Finding` part below
    assert findings(text) == {5: (Severity.CRITICAL, U), 11: (Severity.HIGH, U), 15: (Severity.HIGH, U)}


def test_a_severity_group_heading_with_a_status_suffix() -> None:
    text = (
        "# Results\n\n## 🔴 Critical Issues - STATUS: ✅ RESOLVED\n\n### 1. **Pickled sessions** ✅ FULLY RESOLVED\n\n"
        "Text.\n"
    )
    assert findings(text) == {5: (Severity.CRITICAL, F)}


def test_bracket_tags_with_a_class_after_the_grade() -> None:
    text = "# Audit\n\n### C1. [High · Class 1 SSRF] Favicon fetch follows redirects\n\nText.\n"
    assert findings(text) == {3: (Severity.HIGH, U)}


def test_a_bold_lead_opening_with_its_grade_and_a_gaps_group() -> None:
    text = (
        "# Review\n\n## 2. Authentication\n\n### ⚠️ Security Gaps (FIXED)\n\n"
        "**CRITICAL: Session creation bypass** (Status: ✅ FIXED)\n\n- **Issue**: the client signed in directly.\n"
    )
    assert findings(text) == {7: (Severity.CRITICAL, F)}


def test_recommendations_graded_on_their_own_lead_and_strengths_sections() -> None:
    text = (
        "# Review\n\n## ✅ SECURE - What's Working Well\n\n### 2. XSS Protection - GOOD ✅\n**Status:** escaped\n\n"
        "**Risk Level:** LOW\n\n## 1. Architecture\n\n### ⚠️ Recommendations\n\n"
        "1. **Frontend role checks** (Priority: Medium)\n   - checks only hide buttons\n"
    )
    assert findings(text) == {14: (Severity.MEDIUM, U)}


def test_a_heading_grade_wins_over_a_priority_field() -> None:
    text = (
        "# Audit\n\n## ⚠️ Issues found\n\n### 🟡 LOW SEVERITY: Cookie without the secure flag\n\n"
        "**Priority:** HIGH - set it before production\n"
    )
    assert findings(text) == {5: (Severity.LOW, U)}


def test_issues_fixed_sections_close_their_findings_however_deep() -> None:
    text = (
        "# Fix report\n\n## First cycle - Issues Fixed (2 High/Medium)\n\n### 1. High: Template URL injection\n\n"
        "**Fix Applied:** schemes are checked\n\n### 2. Medium: Weak page CSP\n\n#### 2a. inline scripts\n\n"
        "Text.\n"
    )
    found = findings(text)
    assert found[5] == (Severity.HIGH, F) and found[9] == (Severity.MEDIUM, F)


def test_an_issue_line_under_a_finding_heading_describes_it() -> None:
    text = (
        "# Fix report\n\n## Critical Issues Fixed (1)\n\n### 1. ✅ Callbacks leak memory\n"
        "**Issue:** `new Callbacks()` is never freed\n**Impact:** memory runs out\n"
    )
    assert findings(text) == {5: (Severity.CRITICAL, F)}


def test_a_numbered_heading_with_a_marker_and_its_grade_and_recommended_fixes() -> None:
    text = (
        "# Audit\n\n## Critical Vulnerabilities\n\n### 1. 🔴 CRITICAL: Fee call drains the contract ✅ FIXED\n\n"
        "Text.\n\n## Recommended Fixes\n\n### Immediate Actions (CRITICAL)\n\n1. Check the caller\n"
    )
    assert findings(text) == {5: (Severity.CRITICAL, F)}


def test_a_remediation_cell_telling_what_was_changed_is_a_fix() -> None:
    text = (
        "# PR 16 audit\n\n| ID | Severity | Finding | Remediation |\n|---|---|---|---|\n"
        "| QO-1 | High | No rate limit on login | Added a limiter of 5 attempts per minute |\n"
        "| QO-2 | High | Secrets in history | Rotate every value that was ever real |\n"
    )
    assert findings(text) == {5: (Severity.HIGH, F), 6: (Severity.HIGH, U)}


def test_a_partial_item_in_an_identified_and_fixed_section_stays_open() -> None:
    text = (
        "# Review\n\n## Critical Issues Identified & Fixed\n\n### ✅ **1. Tokens now expire**\n**Status**: FIXED\n\n"
        "### ⚠️ **2. CSRF protection**\n**Status**: PARTIAL (origin check only)\n"
    )
    assert findings(text) == {5: (Severity.CRITICAL, F), 8: (Severity.CRITICAL, OPEN)}


def test_a_bold_critical_issue_line_names_one_finding() -> None:
    text = (
        "# RLS audit\n\n**Overall posture:** ✅ SECURE for the MVP\n\n## Picks table\n\n"
        "**Critical Issue - Picks can be deleted:**\n\n- users delete graded picks\n"
    )
    assert findings(text) == {7: (Severity.CRITICAL, U)}


def test_a_short_id_and_a_double_dash_grade_open_a_detail_heading() -> None:
    text = (
        "# Audit\n\n## Findings Summary\n\n| ID | Severity | Title | Status |\n|---|---|---|---|\n"
        "| F1 | HIGH | Signing key in the bundle | Fixed |\n| F2 | LOW | Weak list hash | Open |\n\n"
        "## Architect notes\n\n### F1: HIGH -- Signing key in the bundle ships to every client\n\nConfirmed.\n\n"
        "### F2: LOW -- Weak list hash\n\nCosmetic.\n\n## Extra review\n\n"
        "### A1: MEDIUM -- Subscription is never ended\n\nLeaks.\n\n### Q1: Why not rotate?\n\nPlanned.\n"
    )
    assert findings(text) == {
        12: (Severity.HIGH, F),
        16: (Severity.LOW, OPEN),
        22: (Severity.MEDIUM, U),
    }


def test_sub_headings_and_reference_items_under_an_id_heading_are_parts_of_it() -> None:
    text = (
        "# Audit\n\n## HIGH Severity Issues\n\n### HIGH-001: Unused crypto package with known CVEs\n"
        "- **Tool:** dependency scan\n- **Vulnerabilities:**\n  - **PYSEC-2024-11 (CVE-2024-1):** key confusion\n"
        "  - **PYSEC-2024-12 (CVE-2024-2):** token bomb\n\n#### Code Analysis\n\nNothing imports it.\n\n"
        "#### Removal Plan\n\n1. Delete the line\n\n#### Impact\n\n- **Status:** ✅ FIXED\n\n"
        "### HIGH-002: Old multipart parser\n- **Status:** Open\n"
    )
    assert findings(text) == {5: (Severity.HIGH, F), 23: (Severity.HIGH, OPEN)}


def test_a_heading_without_id_or_grade_may_group_the_headings_below_it() -> None:
    text = (
        "# Review\n\n## Critical\n\n### 2. Security Vulnerabilities ✅ RESOLVED\n\n"
        "#### Session files unpickled ✅ ELIMINATED\n- **Before**: pickle\n\n"
        "#### Passwords printed to logs ✅ ELIMINATED\n- **Before**: print()\n"
    )
    found = findings(text)
    assert {7, 10} <= set(found)
    assert found[7] == (Severity.CRITICAL, F)


def test_issue_lines_under_a_finding_heading_describe_it() -> None:
    text = (
        "# Pentest retest\n\n### MEDIUM VULNERABILITIES (PARTIALLY FIXED)\n\n"
        "#### 10. SESSION LIMITS - PARTIAL ⚠️\n\n**Issue:** No limit on concurrent sessions  \n"
        "**Risk:** Takeover goes unseen\n\n#### 11. INPUT CHECKS - PARTIAL ⚠️\n\n"
        "**Issue:** Client-side checks only  \n**Risk:** Bad rows\n"
    )
    assert findings(text) == {5: (Severity.MEDIUM, OPEN), 10: (Severity.MEDIUM, OPEN)}


def test_a_table_rating_the_parts_of_a_system_lists_no_findings() -> None:
    text = (
        "# Audit\n\n## Posture\n\n| Component | Current State | Risk Level |\n|---|---|---|\n"
        "| Token handling | Adequate | Medium |\n| Input checks | Inconsistent | High |\n\n"
        "## Dependencies\n\n| Component | Version | Severity |\n|---|---|---|\n"
        "| libfoo | 1.2 (CVE-2024-1234) | High |\n\n## Findings\n\n### C-1: Wildcard CORS with credentials\n"
        "**Severity:** Critical\n\n## Risk Assessment\n\n| Category | Rating | Notes |\n|---|---|---|\n"
        "| CORS | Critical | wildcard origin |\n"
    )
    assert findings(text) == {14: (Severity.HIGH, U), 18: (Severity.CRITICAL, U)}


def test_a_severity_definitions_list_is_not_findings() -> None:
    text = (
        "# Audit\n\n### 1. 🔴 CRITICAL: Proofs are not zero knowledge\n\nText.\n\n## Severity Definitions\n\n"
        "- **🔴 CRITICAL:** Exploitable, total failure\n- **🟠 HIGH:** Serious, fix before release\n"
    )
    assert findings(text) == {3: (Severity.CRITICAL, U)}


def test_a_follow_up_table_naming_findings_by_short_id_restates_them() -> None:
    text = (
        "# Audit\n\n## High\n\n### H1 — Mutations skip the permission check\n\nText.\n\n"
        "## Medium\n\n### M1 — Raw database error in a 409\n\nText.\n\n## Follow-up work\n\n"
        "| Finding | Ticket | Priority |\n|---|---|---|\n| H1 — Mutations skip the check | new | P1 |\n"
        "| M1 — Raw database error | new | P2 |\n"
    )
    assert findings(text) == {5: (Severity.HIGH, U), 11: (Severity.MEDIUM, U)}


def test_an_original_severity_field_grades_and_a_wont_fix_heading_accepts() -> None:
    text = (
        "# Audit\n\n# ✅ RESOLVED ISSUES\n\n## 1. Table names reach SQL ✅\n\n**Original Issue:** concatenated\n\n"
        "**Original Severity:** 🔴 Critical (CVSS 9.8)\n\n## 7. No HTTPS redirect ➖ WON’T FIX\n\n"
        "**Original Severity:** 🟠 High (CVSS 5.9)\n"
    )
    assert findings(text) == {5: (Severity.CRITICAL, F), 11: (Severity.HIGH, A)}


def test_findings_written_as_plain_records_and_their_template_is_not_one() -> None:
    text = (
        "# Findings log\n\n## Template\n\n[FINDING-XXX]\nSeverity: CRITICAL | HIGH | MEDIUM | LOW\n"
        "Status: OPEN | RESOLVED\n\n## Findings\n\n[FINDING-001]\nDate: 2026-01-02\nSeverity: HIGH\n"
        "Description: Tag update mixes placeholder styles. The query fails.\nStatus: RESOLVED\n\n"
        "[FINDING-002]\nSeverity: MEDIUM\nDescription: No limit on one-time code tries\nStatus: OPEN\n"
    )
    doc = parse_document(text, "04-security-audit.md")
    audit, _ = read_security(doc.blocks, "04-security-audit.md", doc.fm)
    assert [(f.location.line, f.id, f.severity, f.status) for f in audit.findings] == [
        (11, "FINDING-001", Severity.HIGH, F),
        (17, "FINDING-002", Severity.MEDIUM, OPEN),
    ]
    assert audit.findings[0].title == "Tag update mixes placeholder styles"


def test_a_graded_heading_over_part_lines_is_one_finding_not_a_group() -> None:
    text = (
        "# Review\n\n## Issues Found & Fixed\n\n### 🔴 CRITICAL - Error text rendered as HTML\n"
        "- **Location**: `main.jsx:48`\n- **Issue**: message put into innerHTML\n"
        "- **Fix**: ✅ uses textContent\n- **Status**: FIXED\n\n### 🟢 LOW - Sender not checked\n"
        "- **Issue**: any extension may post\n- **Risk**: spoofed messages\n\n## 🟠 High - Must fix\n\n"
        "- Tokens never expire\n- Reset links reusable\n"
    )
    assert findings(text) == {
        5: (Severity.CRITICAL, F),
        11: (Severity.LOW, F),  # the section says the issues were fixed
        17: (Severity.HIGH, U),
        18: (Severity.HIGH, U),
    }


def test_npm_audit_text_pasted_raw_or_fenced_gives_one_finding_per_package() -> None:
    advisory = "https://github.com/advisories/GHSA-aaaa-bbbb-cccc"
    raw = (
        "# npm audit report\n\nleft-pad  <1.3.0\nSeverity: high\n"
        f"Pads too much in left-pad - {advisory}\nfix available via `npm audit fix`\nnode_modules/left-pad\n"
        "  wrapper  1.0.0 - 2.0.0\n  Depends on vulnerable versions of left-pad\n\n"
        "tiny-md  2.0.0\nSeverity: moderate\nScript in links - https://github.com/advisories/GHSA-dddd-eeee-ffff\n\n"
        "2 vulnerabilities (1 moderate, 1 high)\n"
    )
    assert findings(raw) == {3: (Severity.HIGH, U), 11: (Severity.MEDIUM, U)}
    fenced = "# Audit\n\n```\nleft-pad  <1.3.0\nSeverity: critical\nPads too much - " + advisory + "\n```\n"
    doc = parse_document(fenced, "04-security-audit.md")
    audit, _ = read_security(doc.blocks, "04-security-audit.md", doc.fm)
    assert [(f.location.line, f.id, f.severity) for f in audit.findings] == [
        (4, "GHSA-aaaa-bbbb-cccc", Severity.CRITICAL)
    ]
    assert audit.findings[0].title == "left-pad <1.3.0: Pads too much"


def _stated(text: str) -> int:
    doc = parse_document(text, "04-security-audit.md")
    audit, _ = read_security(doc.blocks, "04-security-audit.md", doc.fm)
    assert audit.findings == ()
    return audit.stated_open_blocking


def test_a_scan_counting_what_it_found_per_image_blocks_without_a_list() -> None:
    table = (
        "# Image scan\n\n## Summary\n\n| Image | 🔴 Critical | 🟠 High | 🟡 Medium |\n|---|---|---|---|\n"
        "| api-mock-2.6 | 2 | 6 | 34 |\n| clamav | 0 | 0 | 0 |\n| **Total** | **2** | **6** | **34** |\n"
    )
    assert _stated(table) == 8
    assert _stated(table.replace("## Summary", "## Summary (all fixed since)")) == 0
    assert _stated("# Scan\n\nAct now: 3 critical vulnerabilities found.\n") == 3
    assert _stated("# Scan\n\n3 critical vulnerabilities found and fixed in 2.1.\n") == 0


def test_a_severity_count_table_and_fix_priority_lines_are_not_findings() -> None:
    text = (
        "# Endpoint audit\n\n| Risk Level | Count | Status |\n|---|---|---|\n"
        "| 🔴 **CRITICAL** | 2 | Data changed without auth |\n| ✅ **PROTECTED** | 9 | Auth in place |\n\n"
        "## 🔴 CRITICAL - Unprotected Endpoints (2)\n\n### 1. **deleteItem** - DELETE item\n"
        "- **Risk:** anyone deletes any item\n- **Fix Priority:** P0 - LAUNCH BLOCKER\n"
    )
    assert findings(text) == {10: (Severity.CRITICAL, U)}


def test_numbered_items_followed_by_their_part_lines_are_the_findings_of_a_heading() -> None:
    text = (
        "# Endpoint audit\n\n## 🟠 HIGH RISK - Unprotected Endpoints (2)\n\n### Data Access Without Auth\n\n"
        "13. **getWeek** - GET current week\n- **Risk:** read any user's week\n- **Fix Priority:** P1\n\n"
        "14. **getScores** - GET scores\n- **Risk:** read any user's scores\n- **Fix Priority:** P1\n"
    )
    assert findings(text) == {7: (Severity.HIGH, U), 11: (Severity.HIGH, U)}


def test_field_items_under_a_finding_heading_do_not_replace_it() -> None:
    text = (
        "# Review\n\n## Identified Issues\n\n### **Issue 1: Inconsistent annotations**\n"
        "- **Problem:** some endpoints lack them\n- **Impact:** confusing docs\n- **Severity:** Medium\n\n"
        "## High\n\n#### Session files unpickled ✅ FIXED\n- **Security Features**:\n"
        "  - ✅ AES-256 encryption with key derivation\n  - ✅ SHA-256 checksums\n"
    )
    assert findings(text) == {5: (Severity.MEDIUM, U), 12: (Severity.HIGH, F)}


def test_code_review_grades_and_a_done_suffix() -> None:
    text = (
        "# App audit\n\n## Findings\n\n### 🚨 CRITICAL: Shell execute allowed but unused (DONE)\nWhere: caps.json\n\n"
        "### ⚠️ MAJOR: Raw usage payloads logged\nWhere: useUsage.ts\n\n"
        "### 🔧 MINOR: Prediction logic duplicated (DONE)\nWhere: usage.rs\n\n"
        "### 🧹 NITPICK: README mentions the old shell\nWhere: README.md\n"
    )
    assert findings(text) == {
        5: (Severity.CRITICAL, F),
        8: (Severity.HIGH, U),
        11: (Severity.LOW, F),
        14: (Severity.INFO, U),
    }


def test_recommended_actions_with_a_priority_are_work_not_findings() -> None:
    text = (
        "# Review\n\n### Auth\n\n**Issue:** tokens never expire\n**Severity:** High\n\n#### Recommendations\n\n"
        "1. **Implement Multi-Factor Authentication** - Priority: Medium\n   - TOTP for admins\n"
        "2. **Add Session Timeout Warnings** - Priority: Low\n\n## 🟢 LOW PRIORITY / RECOMMENDATIONS\n\n"
        "### 10. Add Security Headers\nSet CSP in the host config.\n"
    )
    assert findings(text) == {5: (Severity.HIGH, U), 16: (Severity.LOW, U)}


def test_a_table_grading_aspects_has_no_findings_unless_a_check_failed() -> None:
    text = (
        "# Review\n\n| Security Aspect | Implementation | Risk Level | Status |\n|---|---|---|---|\n"
        "| Signing | HMAC-SHA256 | Low | ✅ PASS |\n| Token storage | bearer | Medium | ⚠️ WARN |\n\n"
        "| Req | Requirement | Result | Risk |\n|---|---|---|---|\n| 2.2.1 | Anti-automation on login | Fail | Medium |\n"
        "| 2.5.4 | No default accounts | Pass | – |\n"
    )
    assert findings(text) == {10: (Severity.MEDIUM, OPEN)}


def test_a_graded_heading_over_items_with_their_own_parts_groups_them() -> None:
    text = (
        "# Edge function audit\n\n### 🔴 HIGH RISK - Public Facing Endpoints\nThese should use the anon key:\n\n"
        "1. **guestbook** - ✅ FIXED\n   - **Issue:** uses the service key\n   - **Fix:** anon key now\n\n"
        "2. **vote** - ⚠️ NEEDS REVIEW\n   - **Issue:** uses the service key\n   - **Usage:** public voting\n\n"
        "### 5. Routing conflict\n- **Issue**: two services claim one host\n- **Current State**:\n"
        "  - portal: `Host(a)`\n  - shop: `Host(a)`\n- **Recommendation**: drop one\n"
    )
    found = findings(text)
    assert found[6] == (Severity.HIGH, F) and found[10] == (Severity.HIGH, U)
    assert 3 not in found and 18 not in found


def test_a_section_grade_outranks_a_priority_field_and_compounds_name_no_status() -> None:
    text = (
        "# Audit\n\n### Medium Severity Issues: 2 ⚠️\n\n1. **CSP allows eval**\n   - **Risk**: XSS via eval\n"
        "   - **Priority**: High\n\n## Open Findings\n\n### P1\n"
        "- [ ] Ban checks are still not fail-closed when the store is down\n"
    )
    assert findings(text) == {5: (Severity.MEDIUM, U), 12: (Severity.HIGH, U)}


def test_a_problem_statement_heading_is_part_of_its_finding() -> None:
    text = (
        "# Remediation log\n\n## 🔴 CRITICAL-001: Webhook signatures unchecked\n\n### Problem Statement\n\n"
        "**Severity:** CRITICAL (CVSS 9.1)\n\n### Fix Implemented\n\n**Status:** ✅ FIXED\n"
    )
    assert findings(text) == {3: (Severity.CRITICAL, F)}


def test_a_top_level_id_heading_takes_its_grade_from_a_severity_part() -> None:
    text = (
        "# Cloud risk assessment\n\n# 3. Finding Summary\n\nSee below.\n\n# 4. AWS-001: Broad IAM permissions\n\n"
        "## Severity\n\n**High**\n\n## Description\n\nRoles use wildcards.\n\n"
        "# 5. AWS-002: Public bucket\n\n## Severity\n\n**Critical**\n\n## Status\n\n- **Status:** ✅ Fixed\n"
    )
    assert findings(text) == {7: (Severity.HIGH, U), 17: (Severity.CRITICAL, F)}


def test_a_threat_landscape_lists_threats_considered_not_findings() -> None:
    text = (
        "# AI security audit\n\n## THREAT LANDSCAPE ANALYSIS\n\n#### 1. **Many-shot jailbreaking** ⚠️ **HIGH RISK**\n"
        "- **Risk Level:** HIGH\n\n## Findings\n\n### AI-0001: Prompt passed to the model unfiltered\n"
        "**Severity:** High\n"
    )
    assert findings(text) == {10: (Severity.HIGH, U)}


def test_a_header_status_closes_the_findings_that_state_none_of_their_own() -> None:
    text = (
        "# Review: sync daemon\n\n**Module:** `sync/peer.rs`\n**Status:** 🟢 **REMEDIATED** (patched 3 March, PR open)\n\n"
        "## Findings\n\n### 1. Critical: Peers can write outside the share\n\nThe path is trusted.\n\n"
        "### 2. High: Peers can read any file\n\nSame root cause.\n\n"
        "### 3. Medium: Transfer ids are guessable\n\n**Status:** Open\n"
    )
    assert findings(text) == {8: (Severity.CRITICAL, F), 12: (Severity.HIGH, F), 16: (Severity.MEDIUM, OPEN)}


def test_a_header_status_closes_only_the_grades_it_names_and_nothing_when_scoped() -> None:
    graded = (
        "# Audit\n\n**Status:** All critical and high issues resolved\n\n## Findings\n\n"
        "### C-1: Admin route has no auth check (Critical)\n\nDetails.\n\n"
        "### M-1: Verbose errors in production (Medium)\n\nDetails.\n"
    )
    assert findings(graded) == {7: (Severity.CRITICAL, F), 11: (Severity.MEDIUM, U)}
    scoped = graded.replace("All critical and high issues resolved", "✅ FIXED for the upload endpoint")
    assert findings(scoped) == {7: (Severity.CRITICAL, U), 11: (Severity.MEDIUM, U)}
    below = "# Audit\n\n## Notes\n\n**Status:** Fixed\n\n## Findings\n\n### H-1: Redirect target unchecked (High)\n\nDetails.\n"
    assert findings(below) == {9: (Severity.HIGH, U)}


def test_a_field_whose_value_sits_in_the_nested_item_below() -> None:
    text = (
        "# Findings, week 3\n\n### WEB-AUTH-004 Session cookie lacks the Secure flag\n"
        "- Severity:\n  - High\n- Evidence:\n  - `app/session.ts:40` sets the cookie\n"
        "- Remediation Status:\n  - `Remediated` (flag set, checked in the staging build)\n\n"
        "### WEB-AUTH-005 Password hints shown on the login page\n- Severity: Low\n- Remediation Status:\n"
        "  - `Open` (design asked to keep them)\n"
    )
    assert findings(text) == {3: (Severity.HIGH, F), 11: (Severity.LOW, OPEN)}


def test_a_sentence_under_a_status_heading_above_the_findings_closes_them() -> None:
    text = (
        "# Pentest: billing API\n\n## Remediation Status\n\n"
        "All findings below have been fixed and each now has a regression test.\n\n"
        "## Findings\n\n### CRIT-01: Webhook signature never checked\n\nDetails.\n\n"
        "### MED-01: Invoice ids are sequential\n\nDetails.\n"
    )
    assert findings(text) == {9: (Severity.CRITICAL, F), 13: (Severity.MEDIUM, F)}
    hedged = text.replace("have been fixed and", "have been fixed except CRIT-01, and")
    assert findings(hedged) == {9: (Severity.CRITICAL, U), 13: (Severity.MEDIUM, U)}


def test_a_register_with_ids_after_scanner_notes_without_ids_keeps_its_rows() -> None:
    text = (
        "# Security report\n\n## Dependency scan\n\n**Key findings:**\n"
        "- **left-pad** (moderate) — unbounded padding\n- **tarball** (high) — path traversal on extract\n\n"
        "## Findings Summary\n\n| ID | Area | Severity | Status |\n|---|---|---|---|\n"
        "| SR-1 | Dependency tarball | HIGH | Open |\n| SR-2 | Login throttling | MEDIUM | Fixed |\n"
    )
    got = findings(text)
    assert got[13] == (Severity.HIGH, OPEN) and got[14] == (Severity.MEDIUM, F)


def test_a_response_sentence_states_the_findings_status() -> None:
    text = (
        "# Audit response\n\n## High Findings\n\n### H-01: Relayer can replay a batch\n\n"
        "Report: see the contest page.\n\nThis finding has been fixed here: PR 41.\n\n"
        "## Low Findings\n\n### L-01: Limits counted on reverted calls\n\nThis finding is intended behaviour.\n\n"
        "### L-02: Extra masking in the decoder\n\nThis finding is acknowledged and will be addressed later.\n\n"
        "### L-03: Event lacks the caller\n\nWe will look at it.\n"
    )
    assert findings(text) == {
        5: (Severity.HIGH, F),
        13: (Severity.LOW, A),
        17: (Severity.LOW, A),
        21: (Severity.LOW, U),
    }


def test_a_heading_grades_itself_at_its_end() -> None:
    text = (
        "# iOS review\n\n## Issues found\n\n### 1. Session key made on every call ⚠️ CRITICAL\n\n"
        "**Resolution:** ✅ Fixed\n\n### 2. Cache files are not encrypted 🟡 MEDIUM\n\nStill to do.\n\n"
        "### 3. Listing popup builds HTML from data — high impact if the feed is tampered with\n\nDetails.\n\n"
        "### 4. Huge ids give a 500 — low severity input defect\n\nDetails.\n\n"
        "### 5. Notes on the release — what we looked at\n\nNothing graded here.\n"
    )
    assert findings(text) == {
        5: (Severity.CRITICAL, F),
        9: (Severity.MEDIUM, U),
        13: (Severity.HIGH, U),
        17: (Severity.LOW, U),
    }


def test_a_scanner_package_summary_and_its_fix_version_field() -> None:
    text = (
        "# Dependency report\n\n## Packages\n\n| Package | Version | Vulnerabilities | Highest Severity |\n"
        "|---|---|---|---|\n| `yaml-lite` | 1.0.2 | 2 | High |\n\n## Details\n\n### yaml-lite@1.0.2\n\n"
        "**Vulnerabilities**:\n\n- **Unbounded alias expansion** (HIGH)\n  - CVSS: 7.5\n  - Fixed in: 1.0.9\n"
    )
    assert findings(text) == {15: (Severity.HIGH, U)}


def test_a_coloured_group_heading_grades_the_numbered_findings_below_it() -> None:
    text = (
        "# Code review\n\n## 🟡 CODE QUALITY ISSUES\n\n### 1. **Errors handled three ways**\n- Some routes swallow them\n\n"
        "### 2. **No request validation**\n- Bodies are trusted\n\n## 🟢 WHAT'S DONE WELL\n\n"
        "### 1. **Parameterised queries**\n- Everywhere\n\n## 🚨 CRITICAL VULNERABILITIES\n\n"
        "### 1. **Input Validation Vulnerabilities**\n\n#### A. Upload size unbounded ✅ FIXED\n- Limit set\n\n"
        "#### B. Branch names unchecked\n- Passed to git\n\n## Server\n\n### 🚨 **User Account Issues**\n\n"
        "1. Unused accounts remain\n2. Password policy off\n"
    )
    got = findings(text)
    assert got[5] == (Severity.MEDIUM, U) and got[8] == (Severity.MEDIUM, U)
    assert 13 not in got and 3 not in got and 11 not in got and 16 not in got and 18 not in got
    assert got[20] == (Severity.CRITICAL, F) and got[23] == (Severity.CRITICAL, U)
    assert got[28] == (Severity.CRITICAL, U) and 30 not in got  # a leaf heading names one finding


def test_a_priority_group_grades_its_fix_headings_and_impact_lines_are_parts() -> None:
    text = (
        "# Retest\n\n## Fixes implemented\n\n### Priority 1 Fixes (Critical) - COMPLETED ✅\n\n"
        "#### 1. Stack traces shown to users - FIXED ✅\n- **Status**: ✅ RESOLVED\n"
        "- **Security Impact**: HIGH - hides internals\n\n"
        "### Priority 2 Fixes (High) - COMPLETED ✅\n\n#### 2. No lockout after failed logins\n"
        "- **Security Impact**: MEDIUM - slows guessing\n\n## Billing Rules (Critical)\n\n### ✅ COMPLIANT\n\n"
        "**Finding:** Amounts are rounded once.\n\n### Rounding\n\nDone in one place.\n"
    )
    got = findings(text)
    assert got[7] == (Severity.CRITICAL, F) and got[13] == (Severity.HIGH, U)
    assert not {5, 9, 11, 14, 18, 22} & set(got)  # groups, impact lines, a checked rule's parts


def test_a_must_fix_list_of_actions_is_the_work_not_more_findings() -> None:
    text = (
        "# Review\n\n## Findings\n\n### 1) Helper runs `ps` from PATH\n- Severity: Medium\n\n"
        "## Must-Fix Before 1.0\n\n1. Harden the helper lookup (absolute path).\n"
        "2. Redact secrets from stored task output.\n3. Session cookie sent over plain HTTP\n"
    )
    assert findings(text) == {5: (Severity.MEDIUM, U), 12: (Severity.HIGH, U)}


def test_owasp_tables_and_must_fix_lists_restate_the_numbered_findings() -> None:
    text = (
        "# Audit\n\n## High Priority Vulnerabilities\n\n### 4. Missing Rate Limiting\n\nLogin is open to guessing.\n\n"
        "### 5. Upload Ownership Never Checked\n\n**Severity:** Critical\n\n"
        "## Detailed Vulnerability Assessment\n\n### A04:2021 - Insecure Design\n\n"
        "| Issue | Severity | Status |\n|---|---|---|\n| Rate limiting | HIGH | ❌ Not Implemented |\n"
        "| Password reset tokens reused | HIGH | ❌ Open |\n\n"
        "## Immediate Action Required\n\n### 🔴 Must Fix Before Production:\n\n"
        "1. **Check Upload Ownership** (CRITICAL)\n   - compare the owner id\n\n"
        "## Critical Issues (MUST FIX)\n\n### C-1: Webhook secret in the repo\n\nRotate it.\n"
    )
    got = findings(text)
    assert got[5] == (Severity.HIGH, OPEN) and got[9] == (Severity.CRITICAL, U)
    assert 19 not in got and got[20] == (Severity.HIGH, OPEN)  # the new row stays, the restated row goes
    assert 26 not in got and 27 not in got and got[31] == (Severity.CRITICAL, U)


def test_must_address_fixes_are_high_and_a_heading_saying_none_is_no_finding() -> None:
    text = (
        "# Code Review: PR #7\n\n## 2. Required Fixes (Must Address Before Merge)\n\n"
        "### Fix #1: Audience claim never checked\n\n* **Problem:** tokens for one service work on another.\n\n"
        "## Dependency Security\n\n### High-Risk Dependencies: **None**\n### Known CVEs: **None**\n"
    )
    assert findings(text) == {5: (Severity.HIGH, U)}


def test_a_remediation_status_section_after_the_findings_closes_them_all() -> None:
    text = (
        "# Release review\n\n## Findings\n\n#### RV-001: Registry token echoed in errors (High)\n\nDetails.\n\n"
        "#### RV-002: Output format unversioned (Medium)\n\nDetails.\n\n## Remediation status\n\n"
        "The candidate implements remediation for all twelve findings above. Verified in the re-audit.\n"
    )
    assert findings(text) == {5: (Severity.HIGH, F), 9: (Severity.MEDIUM, F)}
    pending = text.replace("Verified in the re-audit.", "RV-002 is still pending review.")
    assert findings(pending) == {
        5: (Severity.HIGH, F),
        9: (Severity.MEDIUM, OPEN),
    }  # a finding named in a later sentence keeps what that sentence says
    other = text.replace("## Remediation status", "## Notes")
    assert findings(other) == {5: (Severity.HIGH, U), 9: (Severity.MEDIUM, U)}


def test_emoji_shortcodes_read_as_the_emoji_github_shows() -> None:
    text = "# Audit\n\n## Findings\n\n### :red_circle: Admin export has no auth check\n\n**Status:** :white_check_mark: Fixed\n"
    assert findings(text) == {5: (Severity.HIGH, F)}


def test_fix_actions_under_a_blocking_must_fix_heading_are_work_items() -> None:
    text = (
        "# Verification\n\n## Critical Issues Found\n\n### 🔴 CRITICAL #1: QR codes sign other tenants' tables\n\n"
        "**Severity**: CRITICAL\n\n## Required Actions Before Production\n\n### 🔴 BLOCKING ISSUES (MUST FIX)\n\n"
        "1. **Fix the QR tenant check** (qr-token.service.js)\n   - add the tenant to the query\n\n"
        "2. **Run and verify the full suite**\n   - all remediation tests\n"
    )
    assert findings(text) == {5: (Severity.CRITICAL, U)}


def test_a_component_review_rated_low_risk_with_a_tick_is_not_a_finding() -> None:
    text = (
        "# Rules review\n\n## Collection analysis\n\n### Orders Collection\n- **Security**: ✅ Owner-only access\n"
        "- **Risk Level**: LOW\n\n### Export Jobs Collection\n- **Security**: readable by any signed-in user\n"
        "- **Risk Level**: LOW\n"
    )
    assert findings(text) == {9: (Severity.LOW, U)}


def test_a_priority_list_naming_detailed_findings_by_id_restates_them() -> None:
    text = (
        "# OWASP review\n\n### FINDING B02-1: Session cookie lacks Secure (MEDIUM)\n\nDetails.\n\n"
        "### FINDING B05-2: No security headers (HIGH)\n\nDetails.\n\n## Recommended Priority Order\n\n"
        "1. **B05-2** — Add security headers (quick win, high impact)\n2. **B02-1** — Set the Secure flag (medium)\n"
    )
    assert findings(text) == {3: (Severity.MEDIUM, U), 7: (Severity.HIGH, U)}


def test_a_high_risk_adjective_is_not_a_grade_but_grade_ids_still_are() -> None:
    text = (
        "# Plugin audit\n\n## High-risk surfaces — verdicts\n\n| Surface | Verdict |\n|---|---|\n"
        "| Public beacon route | **SAFE.** allowlisted events only |\n\n## Findings\n\n"
        "### MEDIUM-001: Event log keeps request bodies\n\nDetails.\n\n### P0-A: Admin key in query string\n\n"
        "**Severity:** High\n"
    )
    assert findings(text) == {11: (Severity.MEDIUM, U), 15: (Severity.HIGH, U)}


def test_a_one_row_table_under_a_named_finding_grades_that_finding() -> None:
    text = (
        "# OWASP audit\n\n### A04: Insecure Design\n\n**Finding 1: Payment webhook never verified**\n\n"
        "| Severity | Location | Description |\n|---|---|---|\n| **CRITICAL** | `Webhook.cs:18` | Throws instead of checking. |\n"
    )
    got = findings(text)
    assert got == {5: (Severity.CRITICAL, U)}


def test_an_original_risk_field_grades_a_retested_finding() -> None:
    text = (
        "# Retest\n\n## 2. Vulnerability remediation validation\n\n### 2.1 CVE-2031-004: Secrets baked into the compose file\n\n"
        "**Original Risk:** CRITICAL (CVSS 9.8)\n**Remediation Status:** ✅ **VERIFIED FIXED**\n"
    )
    assert findings(text) == {5: (Severity.CRITICAL, F)}


def test_a_plan_phase_heading_over_work_items_is_not_a_finding() -> None:
    text = (
        "# Payments audit\n\n## Findings\n\n### C-1: Amount overflow on conversion\n\n**Severity:** Critical\n\n"
        "## Schedule\n\n### Weeks 2-3 (High Priority)\n\n7. ✅ Add rate limiting per user\n"
        "8. ✅ Add security headers middleware\n\n### Known gaps (High Priority)\n\n- Refund race between two workers\n"
    )
    got = findings(text)
    assert got[5] == (Severity.CRITICAL, U) and 11 not in got and 13 not in got and 14 not in got


def test_a_fix_told_in_the_past_tense_closes_the_finding() -> None:
    text = (
        "# Game audit\n\n### V-01: Debug overlay builds HTML from state (Medium)\n\n"
        "**Fix:** Replaced with `textContent` nodes.\n\n### H-01: No security headers (High)\n\n"
        "**Fix applied:** Added CSP and frame headers to the deploy config.\n\n"
        "### H-02: Scores trusted from the client (High)\n\n**Fix:** Validate scores on the server.\n"
    )
    assert findings(text) == {3: (Severity.MEDIUM, F), 7: (Severity.HIGH, F), 11: (Severity.HIGH, U)}
    migrated = text.replace("Replaced with `textContent` nodes.", "Migrated API keys to local storage.")
    assert findings(migrated)[3] == (Severity.MEDIUM, F)


def test_a_stressed_step_in_a_procedure_is_not_a_finding() -> None:
    text = (
        "# Rules audit\n\n## Findings\n\n### C-1: Admin bootstrap reachable by anyone (Critical) ✅ FIXED\n\n"
        "## Setup\n\n### The first admin\n\n1. Deploy the functions\n"
        "2. **CRITICAL**: Disable the bootstrap endpoint after use\n3. **HIGH**: Tokens never expire on mobile\n"
    )
    got = findings(text)
    assert got[5] == (Severity.CRITICAL, F) and 12 not in got and got[13] == (Severity.HIGH, U)


def test_a_roadmap_metrics_or_testing_section_holds_no_findings() -> None:
    text = (
        "# Shop audit\n\n## Findings\n\n### H-1: Coupons stack without limit\n\n**Severity:** High\n\n"
        "## Priority Roadmap\n\n### 🔴 URGENT (this week)\n\n1. **Cap coupons per order** (2 hours)\n\n"
        "## Metrics & KPIs\n\n- **High Risk**: 50% done, 50% in progress\n\n"
        "## Testing Requirements\n\n### Load tests added\n\n**Priority:** HIGH\n"
    )
    assert findings(text) == {5: (Severity.HIGH, U)}


def test_a_closing_register_named_by_type_adds_the_rows_its_numbered_details_leave_out() -> None:
    text = (
        "# Auth audit\n\n## Critical vulnerabilities\n\n### 🔴 VULNERABILITY #1: Unauthorized Invoice Access\n\n"
        "**Severity**: CRITICAL\n\n## Summary table\n\n| ID | Type | Severity | Component | Status |\n"
        "|---|---|---|---|---|\n| V1 | Unauthorized Invoice Access | 🔴 CRITICAL | InvoiceService.get() | ❌ Not Fixed |\n"
        "| V2 | Missing Rate Limiting | 🟠 HIGH | Login endpoint | ❌ Not Implemented |\n"
        "| V3 | No Anomaly Detection | 🔵 LOW | Logging | ❌ Not Implemented |\n"
    )
    got = findings(text)
    assert got == {5: (Severity.CRITICAL, OPEN), 14: (Severity.HIGH, OPEN), 15: (Severity.LOW, OPEN)}


def test_a_scanner_risk_score_on_a_scale_of_one_does_not_grade_and_attack_analyses_are_not_findings() -> None:
    text = (
        "# Scan report\n\n## Critical Findings\n\n### 🔴 Command injection in the run endpoint\n\n"
        "**Risk Score:** 0.91 (Exploitability: 1.00, Confidence: 0.80)\n**Endpoint:** `POST /api/run`\n\n"
        "## Attack Surface Analysis\n\n| Endpoint | Risk | Vulnerabilities | Attack Feasibility |\n|---|---|---|---|\n"
        "| `POST /api/run` | 🔴 91% | Command Injection | High |\n\n## Potential Attack Chains\n\n"
        "### 🔴 Injection → Host takeover\n\n**Likelihood:** high | **Impact:** critical\n"
    )
    assert findings(text) == {5: (Severity.CRITICAL, U)}
    assert findings(text.replace("0.91 (", "8.2 (")) == {5: (Severity.HIGH, U)}
    assert findings(text.replace("### 🔴", "### 🟠")) == {5: (Severity.HIGH, U)}  # orange marks high


def test_a_minor_section_grades_its_items_and_improvement_sections_or_praise_rows_hold_none() -> None:
    text = (
        "# Extension review\n\n## 1. Security\n\n### 🟡 Minor (non-blocking)\n\n"
        "- **Sender not validated** – the background handler accepts any sender.\n\n## 2. Data layer\n\n"
        "| Severity | Finding | Recommendation |\n|---|---|---|\n| 🟡 **LOW** | Placeholder URL when env is unset | Fail the build |\n"
        "| 🟢 **GOOD** | Strong typing for the client | Keep it |\n\n## Potential Improvements\n\n"
        "### Minor Enhancements (Optional)\n\n1. **Rate limits**: consider request limits in rules\n"
    )
    assert findings(text) == {7: (Severity.LOW, U), 13: (Severity.LOW, U)}


def test_a_dotted_section_number_before_a_grade_opens_a_finding_whatever_its_title() -> None:
    text = (
        "# Firmware review\n\n## 2. Code Quality\n\n### 2.1 HIGH: Lack of Error Handling\n\n**Issue:** Calls ignore errors\n\n"
        "### 2.10 LOW: Hardcoded Pin Definitions\n\n**Issue:** Pins fixed at build time\n"
    )
    got = read_security(parse_document(text, "a.md").blocks, "a.md", parse_document(text, "a.md").fm)[0]
    assert [(f.location.line, f.severity, f.title) for f in got.findings] == [
        (5, Severity.HIGH, "Lack of Error Handling"),
        (9, Severity.LOW, "Hardcoded Pin Definitions"),
    ]
    tagged = "# API report\n\n### [CRITICAL] Insecure Direct Object References (IDOR)\n\n**Type:** SAST\n"
    assert findings(tagged) == {3: (Severity.CRITICAL, U)}


def test_a_mitigation_still_to_be_verified_closes_nothing() -> None:
    text = (
        "# Sensitive files\n\n### 🔴 HIGH — API key in source\n\n**Risk**: anyone can call the API.\n"
        "**Mitigated by**: row-level policies — verify these are enabled.\n"
    )
    assert findings(text) == {3: (Severity.HIGH, U)}
    assert findings(text.replace(" — verify these are enabled", "")) == {3: (Severity.HIGH, M)}


def test_a_fix_made_with_work_remaining_leaves_the_finding_open() -> None:
    text = (
        "# Token audit\n\n### 🟡 MEDIUM\n\n1. **Access control**\n   - **Issue:** One owner key\n"
        "   - **Fix:** Added role-based access\n   - **Remaining:** Multi-sig wallet still to set up\n"
    )
    assert findings(text) == {5: (Severity.MEDIUM, OPEN)}
    assert findings(text.replace("Multi-sig wallet still to set up", "None")) == {5: (Severity.MEDIUM, F)}


def test_key_findings_in_a_summary_recap_and_a_package_counting_its_cves_is_one_finding() -> None:
    text = (
        "# Library audit\n\n## Executive Summary\n\n### Key Findings:\n- **HIGH RISK**: 4 dependency vulnerabilities\n"
        "- **MEDIUM RISK**: token gaps\n\n## 5. Dependencies\n\n#### 🔴 HIGH:\n1. **protobuf (3.10.0)** - 2 vulnerabilities\n"
        "   - CVE-2021-22569: Deserialization flaw\n   - CVE-2022-1941: Null pointer dereference\n\n"
        "2. **aiohttp (3.9.0)** - 1 vulnerability\n   - CVE-2024-23334: Directory traversal\n"
    )
    assert findings(text) == {12: (Severity.HIGH, U), 16: (Severity.HIGH, U)}


def test_a_cve_id_is_read_whole() -> None:
    text = "# Scan\n\n## Findings\n\n### CVE-2024-23334: Directory traversal in static routes\n\n**Severity:** High\n"
    doc = parse_document(text, "a.md")
    (finding,) = read_security(doc.blocks, "a.md", doc.fm)[0].findings
    assert finding.id == "CVE-2024-23334" and finding.title == "Directory traversal in static routes"


def test_a_heading_graded_after_a_spaced_hyphen_or_by_a_range_of_risk() -> None:
    text = (
        "# App audit\n\n## 🚨 Critical Security Vulnerabilities\n\n### 1. **API key handling** - HIGH RISK\n\nDetails.\n\n"
        "### 2. **Dependencies** - MEDIUM to HIGH RISK\n\nDetails.\n\n## 🔍 Additional Security Concerns\n\n"
        "### 3. **Verbose errors** - MEDIUM RISK\n\nDetails.\n"
    )
    assert findings(text) == {5: (Severity.HIGH, U), 9: (Severity.HIGH, U), 15: (Severity.MEDIUM, U)}


def test_one_step_of_a_numbered_plan_done_does_not_close_the_finding() -> None:
    text = (
        "# Alert tracker\n\n### 2. Path traversal in the restore endpoint (#1584)\n\n**Severity:** HIGH\n\n"
        "**Remediation Plan**:\n1. Create a reusable validation helper ✅ (DONE - `security/paths.py`)\n"
        "2. Use the helper in the restore endpoint\n"
    )
    assert findings(text) == {3: (Severity.HIGH, U)}
    assert findings(
        text.replace(
            "**Remediation Plan**:\n1. Create", "Validation helper created (done in #1600).\n\n1. Create"
        )
    ) == {3: (Severity.HIGH, F)}


def test_an_issue_paragraph_below_a_bold_lead_and_its_code_is_that_finding_body() -> None:
    text = (
        "# CI audit\n\n#### Low Priority Issues (P3)\n\n**P3 - Upload token passed to a third party**\n"
        "```yaml\ntoken: ${{ secrets.UPLOAD_TOKEN }}\n```\n**Issue:** Token is sent to the coverage service\n"
        "**Risk:** Low (trusted, but may leak in logs)\n\n**P3 - Scanner pinned to a branch**\n"
        "```yaml\nuses: scanner/action@main\n```\n**Issue:** Using @main instead of a pinned SHA\n**Risk:** Supply chain\n"
    )
    assert findings(text) == {5: (Severity.LOW, U), 12: (Severity.LOW, U)}


def test_an_executive_summary_recaps_and_a_rated_area_grades_the_findings_below_it() -> None:
    text = (
        "# Blog platform audit\n\n## Executive Summary\n\n### Critical Findings\n- Missing CSRF protection in forms\n"
        "- Session configuration gaps\n\n## 1. Authentication ✅ GOOD\n\n### Status: **SECURE**\n\nAll routes checked.\n\n"
        "## 9. Dependencies 🔴 CRITICAL\n\n### Status: **VULNERABLE**\n\n**CRITICAL - HTTP foundation CVE-2025-64500**\n"
        "- **Package**: symfony/http-foundation\n"
    )
    assert findings(text) == {19: (Severity.CRITICAL, U)}


def test_a_previous_severity_grades_a_resolved_finding_and_fixes_to_apply_hold_none() -> None:
    text = (
        "# Dependency check\n\n## Resolved\n\n### 1. Spring Framework (spring-core) - RESOLVED ✅\n\n"
        "- **Previous Severity**: Medium\n- **Status**: **RESOLVED**\n\n## Fixes to Apply\n\n### Immediate (High Priority)\n\n"
        '```toml\nprometheus = "0.14"\n```\n'
    )
    assert findings(text) == {5: (Severity.MEDIUM, F)}


def test_risk_assessment_lines_are_one_finding_impact_and_a_good_rating_is_no_finding() -> None:
    text = (
        "# Platform assessment\n\n## Detailed analysis\n\n### 1. Cross-site scripting\n**Severity**: 🔴 **CRITICAL** (2/10)\n\n"
        "1. **Unescaped templates**\n   - 52 files build HTML from strings\n2. **Risk Assessment**:\n"
        "   - **HIGH**: user data inserted without escaping\n   - **CRITICAL**: session hijacking possible\n\n"
        "### 2. Cross-site request forgery\n**Severity**: 🟡 **MEDIUM** (6/10)\n\n#### Risk Assessment:\n"
        "- **MEDIUM**: users can be tricked into unwanted actions\n- **LOW**: SameSite cookies soften it\n\n"
        "### 3. Authentication\n**Severity**: 🟢 **GOOD** (8.5/10)\n\nHelpers enforce auth on every query.\n"
    )
    assert findings(text) == {5: (Severity.CRITICAL, U), 14: (Severity.MEDIUM, U)}


def test_an_owasp_mapping_beside_detailed_findings_adds_none() -> None:
    detailed = "".join(
        f"### {n}. {title}\n   - **Severity:** HIGH\n   - **Status:** ❌ Not Fixed\n\n"
        for n, title in enumerate(("Upload IDOR", "Refresh token reuse", "Open redirect"), 1)
    )
    text = (
        "# Platform audit\n\n## High Priority\n\n"
        + detailed
        + "## OWASP Top 10\n\n### A06:2021 - Vulnerable Components\n\n"
        "| Issue | Severity | Status |\n|---|---|---|\n| Dependency audit | MEDIUM | ⚠️ Needs Scan |\n"
        "| Session fixation | HIGH | ❌ Open |\n"
    )
    assert sorted(findings(text)) == [5, 9, 13, 24]  # only an open HIGH the mapping alone names stays
    short = text.replace(detailed, detailed.split("### 2.")[0])
    assert sorted(findings(short)) == [5, 15, 16]  # one finding detailed: the mapping may hold more


def test_scanner_package_items_that_a_register_lists_again_are_its_evidence() -> None:
    text = (
        "# Pentest\n\n## npm audit\n\n**Key Findings:**\n- **tar** (high) — path traversal (GHSA-8qq5-rm4j-mr97)\n"
        "- **lodash** (moderate) — prototype pollution (GHSA-xxjr-mmjv-4gpg)\n\n## Register\n\n"
        "| ID | Category | Severity | Affected Component | Status |\n|---|---|---|---|---|\n"
        "| V-001 | Dependency vulnerability | HIGH | tar 6.2.1 (npm) | Open |\n"
        "| V-002 | Dependency vulnerability | HIGH | glob 10.4.5 (npm) | Open |\n"
        "| V-003 | Tooling gap | MEDIUM | Snyk auth | Open |\n"
    )
    assert sorted(findings(text)) == [7, 13, 14, 15]  # lodash stays: the register does not list it


def test_a_component_weighed_by_strengths_and_weaknesses_is_a_review_not_a_finding() -> None:
    text = (
        "# AI platform audit\n\n## Findings\n\n#### AI-0001: **Prompt passed unfiltered**\n- **Severity:** HIGH\n\n"
        "## Provider integrations\n\n#### **Router Integration**\n- ✅ **Strengths:** multi-model routing\n"
        "- ❌ **Weaknesses:** limited validation\n- **Risk Level:** HIGH\n"
    )
    assert findings(text) == {5: (Severity.HIGH, U)}


def test_a_migration_files_section_describes_fixes_not_findings() -> None:
    text = (
        "# Database audit\n\n## Issues by severity\n\n### 🔴 CRITICAL\n\n#### 1. Aggregates table has no RLS\n\nAny user reads all rows.\n\n"
        "## Migration Files\n\n### Migration 001: Aggregates RLS\n**File:** `migrations/001.sql`\n**Priority:** CRITICAL\n\n"
        "**Changes:**\n- Adds four policies\n"
    )
    assert findings(text) == {7: (Severity.CRITICAL, U)}


def test_no_fixes_implemented_and_confirmed_exploitable_are_open() -> None:
    text = (
        "# Retest report\n\n### VULN-001: Tenant boundary bypass\n**Retest Status: CONFIRMED EXPLOITABLE**\n"
        "- **Severity:** Critical\n- **Remediation Status:** **NO FIXES IMPLEMENTED**\n"
    )
    assert findings(text) == {3: (Severity.CRITICAL, OPEN)}
    assert findings(text.replace("**NO FIXES IMPLEMENTED**", "**FIX NOT IMPLEMENTED**")) == {
        3: (Severity.CRITICAL, OPEN)
    }


def test_a_gap_table_under_a_graded_heading_lists_one_finding_a_row() -> None:
    text = (
        "# SOC 2 readiness\n\n## ⚠️ High Priority Gaps (2)\n\n| Gap ID | TSC | Requirement | Remediation | Timeline |\n"
        "|---|---|---|---|---|\n| **HIGH-SOC2-001** | CC1.4 | No security awareness training | Annual training | Q1 |\n"
        "| **HIGH-SOC2-002** | CC2.2 | No incident communication plan | Write the plan | Q1 |\n"
    )
    got = findings(text)
    assert got == {7: (Severity.HIGH, U), 8: (Severity.HIGH, U)}


def test_a_section_that_says_it_holds_no_findings_holds_none_and_a_disposition_is_a_status() -> None:
    text = (
        "# Security review\n\n## Phase 0\n\n| ID | Finding | Severity | Disposition |\n|---|---|---|---|\n"
        "| P0-3 | CSP allows unsafe-inline styles | Low | **CLOSED in Phase 4** — nonce-based CSP |\n\n"
        "## Phase 4 — environmental carry (not a finding)\n\n| ID | Item | Severity | Disposition |\n|---|---|---|---|\n"
        "| P4-1 | DAST not executed (no browser on the build host) | Info | Carried to Phase 12 |\n"
    )
    assert findings(text) == {7: (Severity.LOW, F)}


def test_a_list_after_a_threat_table_naming_its_ids_restates_the_rows() -> None:
    text = (
        "# Threats table\n\n## Spoofing threats (2)\n\n| ID | Threat Title | Severity | Priority |\n|---|---|---|---|\n"
        "| TM-001 | Token theft via XSS | **HIGH** | P0 |\n| TM-002 | Credential stuffing on login | **MEDIUM** | P1 |\n\n"
        "## Threats by severity\n\n### HIGH Severity (1 threat)\n\n1. **TM-001** - Token theft via XSS\n"
    )
    assert findings(text) == {7: (Severity.HIGH, U), 8: (Severity.MEDIUM, U)}


def test_a_numbered_heading_graded_after_a_dash_is_a_finding_and_the_grade_leaves_its_title() -> None:
    text = (
        "# Review\n\n## Summary\n\n| # | Finding | Severity | Status |\n|---|---|---|---|\n"
        "| 1 | Open redirect on the login page | High | Fixed |\n| 2 | Invite codes can be reused | Low | Open |\n\n"
        "## 1. Open redirect on the login page — HIGH (fixed)\n\nThe target is now checked.\n\n"
        "## 2. Invite codes reusable — LOW–MEDIUM (noted)\n\nNeeds a store.\n"
    )
    assert findings(text) == {10: (Severity.HIGH, F), 14: (Severity.MEDIUM, OPEN)}
    doc = parse_document(text, "04-security-audit.md")
    audit, _ = read_security(doc.blocks, "04-security-audit.md", doc.fm)
    assert [f.title for f in audit.findings] == ["Open redirect on the login page", "Invite codes reusable"]


def test_a_finding_heading_graded_in_brackets_after_its_number_is_a_finding() -> None:
    text = (
        "# Review\n\n## Finding 1 (High): queued messages are never size-checked\n\n### Root cause\n\nText.\n\n"
        "### Severity justification\n\nHigh: remote and cheap for an attacker.\n\n"
        "## Finding 2 (Low, deployment dependent): a verifier error stops the worker\n\nText.\n"
    )
    assert findings(text) == {3: (Severity.HIGH, U), 13: (Severity.LOW, U)}


def test_a_plain_label_line_grades_the_numbered_items_below_and_their_bullets_describe_them() -> None:
    text = (
        "Review results\n\n  The service has 2 CRITICAL and 1 HIGH severity issues that need attention:\n\n"
        "  🔴 CRITICAL ISSUES (fix first):\n\n  1. Signing key committed\n\n  - the key sits in config/dev.pem\n"
        "  - Risk: forged sessions\n\n  2. Admin route unauthenticated\n\n  - anyone can call /admin/reset\n\n"
        "  🟠 HIGH PRIORITY ISSUES:\n\n  3. Uploads not size-limited\n\n  - Risk: disk exhaustion\n\n"
        "  NEXT STEPS:\n\n  1. Rotate the key?\n  2. Add the guard?\n"
    )
    assert findings(text) == {7: (Severity.CRITICAL, U), 12: (Severity.CRITICAL, U), 18: (Severity.HIGH, U)}


def test_bullets_between_numbered_findings_under_a_severity_heading_are_their_details() -> None:
    text = (
        "# Audit\n\n## Critical\n\n1. Signing key committed\n\n- the key sits in config/dev.pem\n"
        "- forged sessions are possible\n\n2. Admin route unauthenticated\n\n- anyone can call /admin/reset\n"
    )
    assert findings(text) == {5: (Severity.CRITICAL, U), 10: (Severity.CRITICAL, U)}


def test_a_sentence_saying_the_code_has_so_many_critical_and_high_issues_states_the_open_count() -> None:
    assert _stated("# Scan\n\nThe codebase has 3 CRITICAL and 5 HIGH severity vulnerabilities to fix.\n") == 8
    assert _stated("# Scan\n\nThe codebase had 3 CRITICAL and 5 HIGH issues; all were fixed.\n") == 0


def test_a_heading_naming_a_numbered_fix_then_a_grade_is_an_open_finding() -> None:
    text = (
        "# Review — apply before the next wave\n\n## Fix 1 — CRITICAL: the token is logged at debug level\n\n"
        "Mask it.\n\n## Fix 2 — HIGH: path names are not checked\n\nCall the validator.\n"
    )
    assert findings(text) == {3: (Severity.CRITICAL, U), 7: (Severity.HIGH, U)}
    doc = parse_document(text, "04-security-audit.md")
    audit, _ = read_security(doc.blocks, "04-security-audit.md", doc.fm)
    assert audit.findings[1].title == "path names are not checked"


def test_failed_checks_under_a_compliance_section_are_findings_and_a_conditional_grade_is_not_theirs() -> (
    None
):
    text = (
        "# Feature review\n\n## 1. Sessions\n\n### Compliance against our playbook\n\n"
        "#### ✅ PASS: Tokens refresh on expiry\n- handled by the SDK\n\n"
        "#### ⚠️ GAP: Guest behaviour undefined\n**Status:** Not defined in code\n**Risk:** Low - no guest access yet\n\n"
        "#### 🔴 GAP: No central error log\n**Risk:** Medium - failures go unseen\n\n"
        "#### ⚠️ RISK: Env files tracked in git\n**Assessment:** ACCEPTABLE for the web SDK (its keys are public)\n"
        "**Caveat:** If service keys are added later, this becomes HIGH RISK\n"
    )
    assert findings(text) == {10: (Severity.LOW, U), 14: (Severity.MEDIUM, U)}
    doc = parse_document(text, "04-security-audit.md")
    audit, _ = read_security(doc.blocks, "04-security-audit.md", doc.fm)
    assert [f.title for f in audit.findings] == ["Guest behaviour undefined", "No central error log"]
    graded = text.replace(
        "#### ⚠️ RISK: Env files tracked in git\n", "#### ⚠️ RISK: Env files tracked in git (Low)\n"
    )
    assert findings(graded)[17] == (Severity.LOW, A)


def test_a_fix_implemented_with_only_its_deployment_pending_is_fixed() -> None:
    text = (
        "# Audit\n\n### ✅ RESOLVED: Storage rules written\n**Previous Status:** NOT IMPLEMENTED (BLOCKER)\n"
        "**Severity:** Critical\n**Current Status:** ✅ IMPLEMENTED (deployment pending bucket setup)\n"
    )
    assert findings(text) == {3: (Severity.CRITICAL, F)}


def test_a_heading_naming_an_id_range_lists_one_finding_a_line() -> None:
    text = (
        "# Audit\n\n## HIGH Severity Issues\n\n### H1: Leases renew after expiry\n\nText.\n\n"
        "### H2-H4: Further issues\n\nIn short:\n\n**H2:** Sweeps fail silently  \n**H3:** No lock on the sweep  \n"
        "**H4:** Cancel skips the owner check  \n\n## MEDIUM Severity Issues\n\n### M1-M2: Smaller issues\n\n"
        "- M1: Tenant id not parsed as a UUID\n- M2: Errors show table names\n"
    )
    assert findings(text) == {
        5: (Severity.HIGH, U),
        13: (Severity.HIGH, U),
        14: (Severity.HIGH, U),
        15: (Severity.HIGH, U),
        21: (Severity.MEDIUM, U),
        22: (Severity.MEDIUM, U),
    }
    doc = parse_document(text, "04-security-audit.md")
    audit, _ = read_security(doc.blocks, "04-security-audit.md", doc.fm)
    assert [(f.id, f.title) for f in audit.findings][1:3] == [
        ("H2", "Sweeps fail silently"),
        ("H3", "No lock on the sweep"),
    ]


def test_in_a_report_coding_grades_by_id_letter_the_letter_outranks_the_section() -> None:
    text = (
        "# Audit\n\n## CRITICAL Issues\n\n### C1: Tenant filter missing\n\nText.\n\n## HIGH Issues\n\n"
        "### H1: Idempotency key ignored\n\nText.\n\n## CRITICAL Findings (second pass)\n\n### C2: Origins all allowed\n\n"
        "Text.\n\n### H2: Naive datetimes\n\nText.\n\n### M1: Names compared case-sensitively\n\nText.\n"
    )
    got = findings(text)
    assert got[5] == (Severity.CRITICAL, U) and got[11] == (Severity.HIGH, U)
    assert (
        got[17] == (Severity.CRITICAL, U)
        and got[21] == (Severity.HIGH, U)
        and got[25] == (Severity.MEDIUM, U)
    )


def test_bold_leads_opening_with_a_short_id_and_a_dash_are_findings_of_their_section() -> None:
    text = (
        "# Audit\n\n## High\n\n**H1 — `importCsv` has no auth check**\nFile: `src/import.ts`\n_Fix:_ call the guard.\n\n"
        "## Low\n\n**L1 — Rate-limit fail-open when the cache is down**\nFile: `src/limit.ts`\n\n"
        "**L2 — User id sent as an error-tracker scope tag**\nFile: `src/tags.ts`\n"
    )
    assert findings(text) == {5: (Severity.HIGH, U), 11: (Severity.LOW, U), 14: (Severity.LOW, U)}
    doc = parse_document(text, "04-security-audit.md")
    audit, _ = read_security(doc.blocks, "04-security-audit.md", doc.fm)
    assert [(f.id, f.title) for f in audit.findings] == [
        ("H1", "importCsv has no auth check"),
        ("L1", "Rate-limit fail-open when the cache is down"),
        ("L2", "User id sent as an error-tracker scope tag"),
    ]


def test_a_priority_rank_heading_naming_a_grade_groups_the_finding_headings_below_it() -> None:
    text = (
        "# Audit\n\n## Priority 1 — Critical\n\n### SEC-01: Tokens accepted with alg none\n\n**Status:** ✔ Fixed\n\n"
        "## Priority 2 — High\n\n### SEC-02: Sessions never revoked\n\n**Status:** ⬜ Deferred\n\n"
        "## Plan\n\n### Priority 3: Medium (this month)\n1. **Monitoring Dashboard**: live alerts\n"
    )
    assert findings(text) == {5: (Severity.CRITICAL, F), 11: (Severity.HIGH, OPEN)}


def test_a_heading_graded_with_a_range_in_brackets_takes_its_upper_end() -> None:
    text = "# Module audit\n\n## 2. Security\n\n### 2.1 Template values not escaped (MEDIUM-HIGH)\n\nText.\n"
    assert findings(text) == {5: (Severity.HIGH, U)}


def test_a_threshold_policy_naming_grades_is_no_finding_but_a_finding_about_thresholds_is() -> None:
    text = (
        "# Dependency audit\n\n## Guidelines\n\n### Security Thresholds\n- **Critical:** 0 tolerance - block deploys\n"
        "- **High:** Max 2 allowed in production\n\n## Findings\n\n### M-1: Breaker thresholds set too high\n\n"
        "**Severity:** Medium\n"
    )
    assert findings(text) == {11: (Severity.MEDIUM, U)}


def test_a_prioritized_remediation_table_restating_the_findings_adds_none() -> None:
    text = (
        "# Review\n\n## Findings\n\n### 1. Scans bypass the path allowlist\n\n**Severity:** HIGH\n\n"
        "### 2. Restore trusts the bundle's scrypt parameters\n\n**Severity:** MEDIUM\n\n"
        "### 3. Log filter masks only the first word of a secret\n\n**Severity:** LOW\n\n"
        "## Prioritized remediation table\n\n| # | Severity | Finding | Fix |\n|---|---|---|---|\n"
        "| 1 | HIGH | Scans bypass the path allowlist → local file read | Check the path |\n"
        "| 2 | MEDIUM | Bundle scrypt params trusted → OOM before the passphrase | Clamp them |\n"
        "| 3 | LOW | Log filter masks only the first word of a secret | Match the whole value |\n"
    )
    assert sorted(findings(text)) == [5, 9, 13]


def test_a_level_events_are_logged_at_does_not_grade_the_section() -> None:
    text = (
        "# Pen test\n\n## Findings\n\n### A09 - Logging Failures\n\n**Status: PASS**\n\n#### Review areas\n\n"
        "**1. Audit log coverage**\n\nTampered tokens are logged as `invalid_token` at high severity.\n"
    )
    assert findings(text) == {}


def test_a_fix_field_opening_with_acceptable_as_is_accepts_the_risk() -> None:
    text = (
        "# Review\n\n## Medium\n\n### M5: CI database uses fixed credentials\n**Where:** ci.yml\n"
        "**Fix:** Acceptable as-is for throwaway CI databases. Never reuse the password.\n\n"
        "### M6: Log store has auth disabled\n**Fix:** Enable auth before exposing it.\n"
    )
    assert findings(text) == {5: (Severity.MEDIUM, A), 9: (Severity.MEDIUM, U)}


def test_mostly_resolved_and_some_instances_fixed_leave_a_finding_open() -> None:
    text = (
        "# Advisory\n\n#### 2. Mutable function search path ✅ MOSTLY RESOLVED\n**Severity**: HIGH\n"
        "**Status**: ✅ **20/22 FIXED** in migration 069\n"
    )
    assert findings(text) == {3: (Severity.HIGH, OPEN)}
    assert findings(text.replace("20/22 FIXED", "22/22 FIXED").replace("MOSTLY ", "")) == {
        3: (Severity.HIGH, F)
    }


def test_accepted_as_a_verb_in_an_unchecked_item_is_no_accepted_risk() -> None:
    text = (
        "# Audit\n\n## Critical\n\n- [ ] **[CRIT-1]** In `upload.php` SVG accepted for logo uploads; stored XSS.\n"
        "- [ ] **[CRIT-2]** Default admin password in `seed.php` (risk accepted for now)\n"
    )
    assert findings(text) == {5: (Severity.CRITICAL, U), 6: (Severity.CRITICAL, A)}


def test_a_response_to_an_audit_grades_bracketed_ids_by_letter_and_reads_each_reply() -> None:
    text = (
        "## Vendor review, March\n\n#### [H01] Owner can drain the fee pool\n\nFixed as part of #41.\n\n"
        "#### [H02] Price feed may be stale\n\nTBD\n\n#### [M01] Events lack indexed fields\n\n"
        "Won't currently fix - the indexer reads every log.\n\n#### [M02] Pausing skips the queue\n\n"
        "Acknowledged, the queue drains on unpause.\n\n#### [L01] Typos in comments\n\nFixed in #40.\n\n"
        "#### [N01] Unused import\n\nFixed in #40.\n"
    )
    assert findings(text) == {
        3: (Severity.HIGH, F),
        7: (Severity.HIGH, U),
        11: (Severity.MEDIUM, A),
        15: (Severity.MEDIUM, A),
        19: (Severity.LOW, F),
        23: (Severity.INFO, F),
    }


def test_id_letters_that_headings_grade_otherwise_code_no_grade() -> None:
    # H for hardening, M for manual checks: the headings' own grades show the letters are not grades
    text = (
        "# Audit\n\n### H-01: Headers missing (High)\n\nText.\n\n### H-02: Debug flag in production (Medium)\n\n"
        "Text.\n\n### L-01: Scores unsigned (Low)\n\nText.\n\n## Manual checks\n\n### M-01: Analytics tag\n\n"
        "Verify it loads.\n\n### M-02: Native plugins\n\nVerify they are unused.\n"
    )
    assert findings(text) == {3: (Severity.HIGH, U), 7: (Severity.MEDIUM, U), 11: (Severity.LOW, U)}


def test_a_closing_table_grades_the_numbered_headings_above_it() -> None:
    text = (
        "# Review\n\n## Issues\n\n### 1. Counter races under load — `limit.ts`\n\nTwo requests pass.\n\n"
        "### 2. Chat has no quota\n\nAny client can loop.\n\n### 3. Key sent in the query string\n\nUse a header.\n\n"
        "## Summary\n\n| # | Severity | Issue |\n|---|---|---|\n| 1 | Critical | Non-atomic increment |\n"
        "| 2 | High | Unlimited chat |\n| 3 | Medium | Key in URL |\n"
    )
    assert findings(text) == {5: (Severity.CRITICAL, U), 9: (Severity.HIGH, U), 13: (Severity.MEDIUM, U)}
    doc = parse_document(text, "04-security-audit.md")
    audit, _ = read_security(doc.blocks, "04-security-audit.md", doc.fm)
    assert audit.findings[0].title == "Counter races under load — limit.ts"


def test_a_group_label_closing_with_its_counts_heads_the_list_below_it() -> None:
    text = (
        "  🔴 Critical Issues: 0 Remaining, 2 Fixed ✅\n\n  1. ✅ Open CORS policy - FIXED: origins listed\n"
        "  2. ✅ Unsigned cookies - FIXED: signed\n\n  🟠 High Severity: 1 Remaining, 1 Fixed ✅\n\n"
        "  - Stats endpoint needs no login\n  - ✅ Missing headers - FIXED: added\n  - And more...\n\n"
        "  🟡 Medium Severity: 1\n\n  - Deleted files can be recovered\n"
    )
    assert findings(text) == {
        3: (Severity.CRITICAL, F),
        4: (Severity.CRITICAL, F),
        8: (Severity.HIGH, U),
        9: (Severity.HIGH, F),
        14: (Severity.MEDIUM, U),
    }


def test_findings_listed_before_a_fix_take_the_grade_and_state_of_the_section_above() -> None:
    text = (
        "# Auth Review\n\n## 🚨 Critical Vulnerabilities Fixed\n\n### ❌ Before: Major Flaws\n"
        "1. **No role checks** - any user reached any dashboard\n2. **Stale sessions** - expiry never checked\n\n"
        "### ✅ After: Hardened Store\n\n## 1. New Store\n\n- ✅ **Session checks** - expiry enforced\n"
    )
    assert findings(text) == {6: (Severity.CRITICAL, F), 7: (Severity.CRITICAL, F)}


def test_a_grade_inside_a_table_id_grades_the_row_and_a_risk_level_heading_is_no_finding() -> None:
    text = (
        "# Container issues\n\n## Issues Summary\n\n| ID | Description | File | Status |\n|---|---|---|---|\n"
        "| SEC-MEDIUM-009 | Service runs as root | compose.yml | open |\n"
        "| SEC-LOW-010 | No read-only filesystem | compose.yml | fixed |\n\n"
        "## Risk Assessment\n\n### Risk Level: 🟡 HIGH\n\n### Potential Impact\nPrivilege escalation.\n"
    )
    assert findings(text) == {7: (Severity.MEDIUM, OPEN), 8: (Severity.LOW, F)}


def test_a_value_changed_by_an_arrow_reads_as_it_is_now() -> None:
    text = (
        "# Final Report\n\n## At a glance\n\n**Risk Level:** 🔴 SEVERE → 🟢 EXCELLENT\n\n"
        "## 3. Session fixation ✅\n\n**Analysis:** strict mode already rejects unknown ids.\n\n"
        "**Original Severity:** 🔴 Critical (CVSS 8.1) → **Mitigated**\n"
    )
    assert findings(text) == {7: (Severity.CRITICAL, M)}


def test_a_table_of_upgrades_to_schedule_lists_no_findings() -> None:
    text = (
        "# Dependency audit\n\n## 🔴 Vulnerabilities\n\n| CVE | Severity | Description |\n|---|---|---|\n"
        "| CVE-2024-0001 | HIGH | Archive extraction escapes the target folder |\n\n"
        "## 🟡 OUTDATED PACKAGES (12 packages)\n\n| Package | Current | Latest | Priority |\n|---|---|---|---|\n"
        "| cryptography | 41.0 | 46.0 | 🔴 P0 |\n| numpy | 1.26 | 2.3 | 🟡 P1 |\n\n"
        "### Medium-Priority Updates\n\n| Package | Installed | Available |\n|---|---|---|\n| fastapi | 0.1 | 0.2 |\n"
    )
    assert findings(text) == {7: (Severity.HIGH, U)}


def test_a_week_or_phase_of_the_plan_is_no_finding_though_it_names_a_grade() -> None:
    text = (
        "# Payment review\n\n### 1. 🔴 Unsigned payment links (CRITICAL)\n\nAnyone can replay them.\n\n"
        "## Timeline\n\n### Week 1 (CRITICAL)\n- [ ] Signed links\n- [ ] Ownership checks\n\n"
        "### Phase 2: High-priority hardening\n- [ ] Secure key handling\n- [ ] Input sanitization\n"
    )
    assert findings(text) == {3: (Severity.CRITICAL, U)}


def test_a_heading_marked_partially_fixed_stays_open() -> None:
    text = (
        "# Review\n\n## High Risk Issues\n\n### 4. **Session handling** 🔄 **PARTIALLY FIXED**\n**Severity:** HIGH\n\n"
        "- No refresh tokens ⚠️ Still needs work\n\n### 5. **Security headers** ✅ **FIXED**\n**Severity:** HIGH\n\n"
        "### 6. **Upload limits** partly fixed\n**Severity:** MEDIUM\n"
    )
    assert findings(text) == {5: (Severity.HIGH, OPEN), 10: (Severity.HIGH, F), 13: (Severity.MEDIUM, OPEN)}


def test_work_left_for_the_future_leaves_the_finding_open_under_a_fixed_section() -> None:
    text = (
        "# Review\n\n## 🚨 Vulnerabilities Found & Fixed\n\n### 1. **Weak passwords** - MEDIUM RISK ✅ FIXED\n"
        "**Fix Applied**: Added a blocklist\n\n### 2. **Rate limits reset on restart** - MEDIUM RISK ⚠️ RECOMMENDATION\n"
        "**Status**: Documented for future Redis implementation\n"
    )
    assert findings(text) == {5: (Severity.MEDIUM, F), 8: (Severity.MEDIUM, OPEN)}


def test_a_check_graded_where_the_others_say_pass_is_a_finding() -> None:
    text = (
        "# Final review\n\n## Areas reviewed (full checklist coverage)\n\n| # | Area | Severity | Finding | Status |\n"
        "|---|---|---|---|---|\n| 8 | CORS | Pass | Origins are listed | Verified |\n"
        "| 9 | XSS | Pass | Output is escaped | Verified |\n"
        "| 10 | Database role | Medium | One role runs migrations and the API | **Open** |\n"
    )
    assert findings(text) == {9: (Severity.MEDIUM, OPEN)}


def test_records_of_fields_under_a_severity_group_are_findings_titled_by_their_issue() -> None:
    text = (
        "# Code Review\n\n## Issues Found\n\n### CRITICAL Issues\n\n**severity**: critical  \n**file**: src/view.js  \n"
        "**issue**: Article HTML injected unsanitised  \n**suggestion**: use textContent\n\n### HIGH Issues\n\n"
        "**severity**: high  \n**file**: src/content.js  \n**issue**: Race in the message handler\n"
    )
    assert findings(text) == {7: (Severity.CRITICAL, U), 14: (Severity.HIGH, U)}
    doc = parse_document(text, "04-security-audit.md")
    audit, _ = read_security(doc.blocks, "04-security-audit.md", doc.fm)
    assert audit.findings[1].title == "Race in the message handler"


def test_a_field_block_under_a_finding_heading_is_part_of_it() -> None:
    text = (
        "# Audit\n\n### H-1: XSS in comments\n\n**Severity:** High  \n**Issue:** comments render raw HTML\n"
    )
    assert findings(text) == {3: (Severity.HIGH, U)}


def test_a_sub_heading_of_an_id_finding_is_part_of_it_though_the_findings_fields_close_it() -> None:
    text = (
        "# Updated audit\n\n## Status update\n\n### 🔴 CRITICAL-002: Jailbreak checks incomplete\n**Status:** ✅ RESOLVED\n\n"
        "#### ✅ Fork detection (lines 39-51)\nChecks the sandbox.\n\n#### ✅ Debugger detection (lines 100-113)\n"
        "Uses sysctl.\n\n**CVSS Score:** 8.2 → 0.0 (RESOLVED)\n"
    )
    assert findings(text) == {5: (Severity.CRITICAL, F)}


def test_a_progress_checklist_and_untested_areas_restate_or_add_no_findings() -> None:
    text = (
        "# Vulnerabilities found\n\n## 1. SQL injection in the search endpoint\n\n**Severity:** CRITICAL\n"
        "**Status:** ❌ UNFIXED\n\n## Not yet covered\n\n#### Untested Attack Vectors (High Risk)\n\n"
        "1. **IDOR** - can users read drafts of others?\n\n## Progress Tracking\n\n### Vulnerabilities Fixed: 0/1\n\n"
        "- [ ] **CRITICAL**: SQL injection in search\n"
    )
    assert findings(text) == {3: (Severity.CRITICAL, OPEN)}


def test_test_coverage_gaps_are_tests_to_write_not_findings() -> None:
    text = (
        "# Remaining issues\n\n## High (1 open)\n\n| ID | Issue | Package |\n|---|---|---|\n"
        "| H-01 | Tokens accepted after expiry | auth |\n\n## Test Coverage Gaps (open)\n\n"
        "| ID | Issue | Priority |\n|---|---|---|\n| T-04 | Transport packages — zero coverage | CRITICAL |\n"
    )
    assert findings(text) == {7: (Severity.HIGH, OPEN)}


def test_plain_text_findings_and_controls_reviewed_without_a_vulnerability() -> None:
    text = (
        "# API Security Testing Report\n\nFinding 2: Missing Rate Limiting\n\nSeverity: Medium\nEndpoint: POST /login\n\n"
        "Impact:\nPassword guessing.\n\n## High-impact controls reviewed without a confirmed new vulnerability\n\n"
        "- Session regeneration after login\n- CSRF handling for uploads\n"
    )
    assert findings(text) == {3: (Severity.MEDIUM, U)}


def test_a_grade_spelled_in_the_id_beats_the_band_of_a_cvss_score() -> None:
    text = (
        "# Review\n\n## Critical\n\n### 🔴 CRIT-002: Webhook replay\n**CVSS:** 7.5 | **File:** hooks.py\n\n"
        "## High\n\n### 🟠 HIGH-001: Stack traces in replies\n**CVSS Score:** 6.1\n\n"
        "### 🟠 Finding 3: Open redirect\n**CVSS Score:** 6.1\n"
    )
    assert findings(text) == {
        5: (Severity.CRITICAL, U),
        10: (Severity.HIGH, U),
        13: (Severity.MEDIUM, U),
    }


def test_non_security_issues_success_criteria_and_next_actions_add_no_findings() -> None:
    text = (
        "# Review\n\n## High Severity Issues\n\n### HIGH-001: Tokens in logs\n\nSeen in the worker.\n\n"
        "## Code Quality Issues (Non-Security)\n\n| ID | Issue | Effort |\n|---|---|---|\n"
        "| CQ-HIGH-001 | No retry logic | 2h |\n\n"
        "## Success Criteria\n\n- [ ] All P0 (CRITICAL) issues resolved\n\n"
        "## Next Actions\n\n### This Week\n\n1. Implement all P1 (HIGH) fixes\n"
    )
    assert findings(text) == {5: (Severity.HIGH, U)}


def test_issues_found_then_fixes_implemented_under_a_secured_status_are_fixed() -> None:
    text = (
        "# Audit\n\n## A01 - Access Control\n\n### Status: **SECURED**\n\n**Issues Found:**\n"
        "- ❌ **CRITICAL**: Report export had no login check\n\n**Fixes Implemented:**\n"
        "- ✅ Export now behind the session guard\n\n## A05 - Misconfiguration\n\n### Status: **OPEN**\n\n"
        "**Issues Found:**\n- ❌ **HIGH**: Debug toolbar reachable in production\n\n"
        "**Fixes Implemented:**\n- Planned for next sprint\n"
    )
    assert findings(text) == {8: (Severity.CRITICAL, F), 18: (Severity.HIGH, OPEN)}


def test_initial_findings_take_the_status_of_the_remediation_section_beside_them() -> None:
    text = (
        "# Audit\n\n## Dependencies\n\n### 1.1 Scanner results\n\n#### Initial Findings\n\n"
        "1. **ADV-2025-01** - Crash on crafted token (HIGH)\n   - **Fixed Version:** v1.7.0\n\n"
        "#### Remediation\n- **Action Taken:** Upgraded the library\n- **Status:** ✅ **RESOLVED**\n\n"
        "### 1.2 Licences\n\n#### Initial Findings\n\n1. **ADV-2025-02** - Leak in debug output (HIGH)\n\n"
        "#### Notes\n- **Status:** ✅ RESOLVED upstream\n"
    )
    got = findings(text)
    assert got[9] == (Severity.HIGH, F)
    assert got[20][1] != F


def test_a_numbered_bold_sentence_opening_with_its_grade_is_a_finding() -> None:
    text = (
        "# Review\n\n## Found\n\n**1. Critical — the search matched every account (FIXED).** Wildcards\n"
        "were passed through; they are escaped now.\n\n**2. Medium — two webhooks still need a decision.** See below.\n"
    )
    assert findings(text) == {5: (Severity.CRITICAL, F), 8: (Severity.MEDIUM, U)}


def test_a_headings_own_grade_beats_its_section_when_a_priority_schedules_it() -> None:
    text = (
        "# Audit\n\n## 🚨 Critical Vulnerabilities\n\n### 1. **Uploads served publicly** ⚠️ CRITICAL\n"
        "- **Issue:** files under /public\n- **Priority:** P0 - Fix Today\n\n"
        "### 2. **Weak passwords** ⚠️ MEDIUM\n- **Issue:** six characters suffice\n- **Priority:** P1 - This Week\n"
    )
    assert findings(text) == {5: (Severity.CRITICAL, U), 9: (Severity.MEDIUM, U)}


def test_a_tracker_lists_pending_ids_before_detailing_them_and_strikes_the_fixed_ones() -> None:
    text = (
        "# Payment issues\n\n## 🚩 Pending\n- [Critical] P0-12: Webhooks not rate limited per provider.\n\n"
        "## 🚨 P0 Issues\n\n### Gateway (1 P0 Issue)\n\n#### P0-12: No webhook rate limiting 🔴 CRITICAL\n"
        "**Fix**: limit per route\n\n## ✅ Resolved\n- ~~[FIXED ✅] P0-1: Hard-coded gateway key removed.~~\n"
    )
    assert findings(text) == {10: (Severity.CRITICAL, OPEN), 14: (Severity.CRITICAL, F)}


def test_a_fixed_question_column_answered_yes_or_no_gives_the_status() -> None:
    text = (
        "# Audit\n\n## Summary table\n\n| Severity | Area | Issue | Fixed? |\n|---|---|---|---|\n"
        "| P1 | Payables | Mark-as-paid race | **Yes** (see the ledger audit) |\n"
        "| P2 | Limits | No shared rate limiting | No — needs a Redis |\n"
    )
    assert findings(text) == {7: (Severity.HIGH, F), 8: (Severity.MEDIUM, OPEN)}


def test_no_fix_needed_closes_a_concern_the_controls_already_answer() -> None:
    text = (
        "# Review\n\n## Findings\n\n### S-4 (High) — Lockfile URLs match the anonymity grep\n\n"
        "The gate already excludes lockfiles. No new fix needed; confirmed and documented.\n\n"
        "### S-5 (High) — Admin port open\n\nNo fix needed if the firewall stays. Close the port.\n"
    )
    got = findings(text)
    assert got[5] == (Severity.HIGH, M)
    assert got[9][1] in (OPEN, U)  # a condition follows: nothing is closed


def test_a_graded_heading_over_its_file_and_risk_level_fields_is_one_finding() -> None:
    text = (
        "# Docker audit\n\n## Detailed analysis\n\n### 2. Network assessment\n\n"
        "#### 🔴 HIGH - Excessive port exposure\n**File:** `compose.yml` ports\n**Risk Level:** HIGH\n"
        "**CVSS Score:** 6.8\n\n**Issues:**\n- every service is reachable from the host\n"
    )
    assert findings(text) == {7: (Severity.HIGH, U)}


def test_a_named_risk_under_a_finding_is_a_property_not_a_finding() -> None:
    text = (
        "# Dependency audit\n\n## High\n\n#### 2. node-forge: ASN.1 parsing flaw\n\n**Impact on the app:**\n"
        "- only the dev certificate tooling uses it\n- **Production Risk:** LOW\n\n"
        "**Risk if Deferred:** LOW - dev tools only\n\n- **High Risk:** tokens logged in plain text\n"
    )
    got = findings(text)
    assert got[5] == (Severity.HIGH, U)
    assert 9 not in got and 11 not in got


def test_a_severity_rating_tag_grades_a_heading_and_a_praised_info_entry_is_a_strength() -> None:
    text = (
        "# Review\n\n## Critical/High Vulnerabilities\n\n#### [Severity Rating: HIGH] - Workspace owners get "
        "global admin\n\n* **Location:** `authz.js`\n\n## Informational\n\n"
        "#### [Severity Rating: INFO] - Dependency audit is currently clean\n\n* **Location:** `package.json`\n\n"
        "#### [Severity Rating: INFO] - Debug logging could leak ids\n\n* **Location:** `log.js`\n"
    )
    assert findings(text) == {5: (Severity.HIGH, U), 15: (Severity.INFO, U)}


def test_a_vulnerability_id_field_under_a_finding_heading_is_its_id_not_another_finding() -> None:
    text = (
        "# CVSS scoring\n\n## CRITICAL VULNERABILITIES\n\n### 1. Certificate checks disabled (CVSS 9.8) - FIXED ✓\n\n"
        "**Vulnerability ID:** CRITICAL-001-TLS-VERIFY\n**Status:** RESOLVED (peer verification on)\n\n"
        "**CVSS v3.1 Vector:** `CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H`\n"
    )
    assert findings(text) == {5: (Severity.CRITICAL, F)}


def test_a_bracketed_grade_with_a_qualifier_or_a_closing_state_grades_the_heading() -> None:
    text = (
        "# Follow-up audit\n\n## Verified Security Fixes (Initial Audit)\n\n"
        "### ✅ 1. CORS origins (CRITICAL) - VERIFIED\n**File:** `app.py:82`\n\nOrigins come from the environment.\n\n"
        "## New findings\n\n### F1 — Action label shown as trusted UI (High, latent)\n\n**Evidence**\n\nA screenshot.\n"
    )
    assert findings(text) == {5: (Severity.CRITICAL, F), 12: (Severity.HIGH, U)}


def test_a_reaudit_fix_applied_and_a_verification_table_of_letter_coded_findings() -> None:
    text = (
        "# Re-audit\n\n## 🔴 CRITICAL\n\n### FINDING #1: Dice rolled twice\n**Severity:** CRITICAL\n"
        "**Fix:** ✅ APPLIED — phases validated\n\n## V1 Fix Verification\n\n| V1 Finding | Status | Notes |\n"
        "|---|---|---|\n| C1: Cancel has no auth | ✅ Fixed | session checked |\n"
        "| C3: Provider key exposed | ⚠️ Not verified | env not checked |\n"
        "| H1: Socket has no auth | ⚠️ Partial | permissive |\n| M9: Reconnect hijack | ✅ Fixed | wallet checked |\n"
    )
    assert findings(text) == {
        5: (Severity.CRITICAL, F),
        13: (Severity.CRITICAL, F),
        14: (Severity.CRITICAL, OPEN),
        15: (Severity.HIGH, OPEN),
        16: (Severity.MEDIUM, F),
    }


def test_id_headings_under_a_summary_of_findings_are_the_findings() -> None:
    text = (
        "# Sprint audit\n\n## Findings Summary\n\n| Severity | Count | Status |\n|---|---|---|\n"
        "| MEDIUM | 1 | deferred |\n| LOW | 1 | noted |\n\n"
        "### MED-001: Envelope hashed before it is decoded\n\n**File**: `envelope.ts:43`\n\n"
        "### LOW-001: Event kind matched by substring\n\n**File**: `kinds.ts:19`\n"
    )
    assert findings(text) == {10: (Severity.MEDIUM, U), 14: (Severity.LOW, U)}


def test_a_summary_row_opening_with_a_short_id_restates_the_heading_of_that_id() -> None:
    text = "# Feature audit\n\n## Findings\n\n"
    for number, (title, grade, disposition) in enumerate(
        [
            ("Token is short (8 characters)", "MEDIUM", "Action: Accept with documentation"),
            ("Token shown once on creation", "NONE", "Status: Correct behavior"),
            ("Tokens kept in plaintext in auth.yaml", "LOW", "Action: Accept"),
            ("Endpoint reachable over the tunnel", "INFO", "Status: Correct by design"),
        ],
        1,
    ):
        text += f"### F{number} — {title}\n\n**Severity: {grade} | {disposition}**\n\nWhy.\n\n**Accepted.** Fine.\n\n"
    text += (
        "## Security Summary\n\n| Finding | Severity | Disposition |\n|---|---|---|\n"
        "| F1: Token entropy | MEDIUM | Accepted — adequate |\n| F2: Token in the response | NONE | Correct |\n"
        "| F3: Plaintext storage | LOW | Accepted — consistent |\n| F4: Endpoint over the tunnel | INFO | Correct |\n"
    )
    assert findings(text) == {5: (Severity.MEDIUM, A), 21: (Severity.LOW, A), 29: (Severity.INFO, A)}


def test_a_header_status_closing_critical_plus_high_priority_issues_closes_those_grades() -> None:
    text = (
        "# MVP Security Review\n**Date:** 2025-01-01\n**Status:** ✅ All CRITICAL + HIGH priority issues FIXED\n\n"
        "## 🔴 CRITICAL ISSUES\n### 1. Admin password compared in plain text\n**Severity:** CRITICAL\n\n"
        "## 🟡 MEDIUM PRIORITY ISSUES\n### 2. No input length limits\n**Severity:** MEDIUM\n"
    )
    assert findings(text) == {6: (Severity.CRITICAL, F), 10: (Severity.MEDIUM, U)}


def test_an_attack_impact_heading_and_required_fixes_are_not_findings() -> None:
    text = (
        "# Webhook audit\n\n## 🚨 CRITICAL FINDINGS\n\n### Attack Impact\n- Fake payment confirmations\n\n"
        "## Status by provider\n\n| # | Provider | Status | Vulnerability | Priority |\n|---|---|---|---|---|\n"
        "| 1 | **Acme Pay** | ⚠️ VULNERABLE | Optional signature check | P0 - CRITICAL |\n\n"
        "## Required Fixes (Priority Order)\n\n### P0 - Deploy Within 24 Hours\n\n#### Fix 1: Acme Pay webhook\n\n"
        "Verify the signature always.\n"
    )
    assert findings(text) == {12: (Severity.CRITICAL, U)}


def test_an_improvements_group_grades_its_findings_and_completed_tasks_are_not_findings() -> None:
    text = (
        "# Audit summary\n\n## 🟡 OTHER SECURITY IMPROVEMENTS\n\n### 4. ✅ Upload limits added\n"
        "**Severity:** 🟡 MEDIUM (denial of service)\n\n## ✅ COMPLETED TASKS\n\n### Medium Priority\n"
        "- [x] **Add security headers** ✅ DONE\n- [ ] Make the OAuth state mandatory\n\n"
        "## Final status\n\n### Outstanding Items (Low Priority)\n\n- [ ] Add CSRF tokens\n- [ ] Add request ids\n"
    )
    assert findings(text) == {5: (Severity.MEDIUM, F)}


def test_a_status_heading_rating_an_area_does_not_hide_the_findings_below_it() -> None:
    text = (
        "# Upload audit\n\n## 6. GDPR & Privacy\n\n### Status: ⚠️ PARTIAL COMPLIANCE\n\n#### Findings\n\n"
        "**[HIGH] H-GDPR-001: Files stay on disk after erasure**\n\n**Location**: delete route\n"
    )
    assert findings(text) == {9: (Severity.HIGH, U)}


def test_a_severity_key_in_a_code_sample_grades_no_finding() -> None:
    text = (
        "# Audit\n\n## Findings\n\n**[HIGH] H-1: Files stay on disk**\n\n**Location**: delete route\n\n"
        "## Recommendations\n\n**BP-5: Set up monitoring**\n\n**Priority**: RECOMMENDED\n\n"
        "```typescript\nawait sendAlert({\n  severity: 'HIGH',\n  message: 'too many rejected uploads',\n});\n```\n"
    )
    assert findings(text) == {5: (Severity.HIGH, U)}


def test_a_register_names_its_findings_in_the_category_column_not_the_confidence_column() -> None:
    text = (
        "# Review\n\n## Findings register\n\n| ID | Sev | Conf | Category (CWE) | File | Status |\n"
        "|---|---|---|---|---|---|\n| RV-03 | High | High | Missing authz (CWE-862) | `select.ts:45` | **Fixed** |\n"
        "| RV-04 | Low | Med | No-ping consistency | `post.ts:61` | **Fixed** |\n"
        "| **RV-D1** | **High** | High | RPC verbs lack authz | `rpc.ts` | **Documented** |\n"
    )
    assert findings(text) == {7: (Severity.HIGH, F), 8: (Severity.LOW, F), 9: (Severity.HIGH, OPEN)}


def test_a_triage_table_grades_by_the_settled_severity_not_the_claimed_one() -> None:
    text = (
        "# Sprint audit\n\n## Triage: agent claims vs reality\n\n"
        "| Agent Claim | Claimed Severity | Actual Severity | Reason |\n|---|---|---|---|\n"
        "| Type coercion in settle() | CRITICAL | **FALSE POSITIVE** | the guard rejects objects |\n"
        "| Registry prototype lookup | CRITICAL | **LOW** | strict equality downstream |\n"
    )
    assert {line: grade for line, (grade, _) in findings(text).items()} == {8: Severity.LOW}


def test_a_count_table_remediating_every_finding_of_a_grade_closes_that_grade() -> None:
    text = (
        "# Pentest\n\n## Findings summary\n\n| Severity | Found | Remediated |\n|---|---|---|\n"
        "| High | 2 | 2 |\n| Medium | 2 | 1 |\n\n## Findings\n\n| # | Finding | Severity | Fix |\n|---|---|---|---|\n"
        "| AD-H1 | HTML injection in mail templates | High | values escaped |\n"
        "| AD-H2 | Nonce check races its insert | High | unique constraint |\n"
        "| AD-M1 | CSV formula injection | Medium | cells prefixed |\n"
    )
    assert findings(text) == {14: (Severity.HIGH, F), 15: (Severity.HIGH, F), 16: (Severity.MEDIUM, U)}


def test_a_failed_checks_section_of_a_checklist_holds_a_finding_closing_with_its_grade() -> None:
    text = (
        "# Story audit\n\n## Security Checklist Results\n\n### ✅ Passed Checks (9/10)\n\n"
        "#### 1. Error Handling (PASSED)\n\nGood.\n\n### ❌ Critical Security Issues (1/10)\n\n"
        "#### 10. Token Storage (CRITICAL - MUST FIX)\n\n**Issue:** tokens are kept in localStorage.\n\n"
        "**Location:** `login/page.tsx:32`\n"
    )
    assert findings(text) == {13: (Severity.CRITICAL, U)}


def test_a_priority_fix_order_lists_work_not_findings() -> None:
    text = (
        "# Re-audit\n\n## CRITICAL FINDINGS\n\n### C1: Transfer amount never verified\n- **File:** `route.ts:77`\n"
        "- **Impact:** theft\n\n## PRIORITY FIX ORDER\n\n### Must Fix Before Mainnet (CRITICAL):\n"
        "1. **C1** -- Verify the amount and recipient on chain\n2. **C2/C3** -- Run the refunds in the cron jobs\n"
    )
    assert findings(text) == {5: (Severity.CRITICAL, U)}


def test_a_bare_status_heading_over_a_findings_table_gives_its_rows_that_status() -> None:
    text = (
        "# Re-verification\n\n## Tier 1\n\n### FIXED\n\n| ID | Severity | Finding | Evidence |\n|---|---|---|---|\n"
        "| H096 | HIGH | No bounds check after decode | validators check every account |\n\n### NOT FIXED\n\n"
        "| ID | Severity | Finding | Evidence |\n|---|---|---|---|\n| H013 | HIGH | Vault display bug | unchanged |\n"
    )
    assert findings(text) == {9: (Severity.HIGH, F), 15: (Severity.HIGH, OPEN)}


def test_a_checklist_category_counting_its_passed_checks_is_not_a_finding() -> None:
    text = (
        "# OWASP Top 10 audit\n\n## Category results\n\n### ❌ A01:2021 – Broken Access Control\n\n"
        "**Priority**: CRITICAL\n\n**Results**: 3/4 passed, 1 failed\n\n- ✅ **Middleware** (A01-001)\n"
        "- ❌ **Endpoint protection** (A01-003)\n\n## Detailed Findings\n\n### Failed Checks (1)\n\n"
        "#### ❌ Endpoint protection (A01-003)\n\n**Severity**: CRITICAL\n"
    )
    assert findings(text) == {18: (Severity.CRITICAL, OPEN)}


def test_a_finding_about_a_secrets_strength_is_not_a_strengths_section() -> None:
    text = (
        "# Review\n\n## 🟡 MEDIUM PRIORITY ISSUES\n\n### 8. JWT Secret Strength Not Validated\n"
        "**File:** `api/tokens.js:3`\n**Severity:** MEDIUM\n\n## Strengths\n\n### Strength: parameterised queries\n"
        "**Severity:** INFO\n"
    )
    assert findings(text) == {5: (Severity.MEDIUM, U)}


def test_a_row_struck_through_whole_is_a_fixed_finding_and_its_id_loses_the_marks() -> None:
    text = (
        "# Audit\n\n## Findings\n\n| ID | Severity | Finding | Status |\n|---|---|---|---|\n"
        "| ~~K7~~ | ~~High~~ | ~~Tokens kept in local storage~~ | ~~Open~~ |\n"
        "| K8 | High | Admin route lacks a role check | Open |\n"
    )
    doc = parse_document(text, "audit.md")
    audit, _ = read_security(doc.blocks, "audit.md", doc.fm)
    assert [(f.id, f.status) for f in audit.findings] == [("K7", F), ("K8", OPEN)]


def test_severity_groups_closing_with_their_score_span_and_fixes_written_out_below() -> None:
    text = (
        "# Audit\n\n## CRITICAL VULNERABILITIES (Severity: 9-10/10)\n\n### AX-1: Storage rules missing\n"
        "**CVSS Score:** 9.6\n**Status:** FIX PROVIDED BELOW\n\n## MEDIUM ISSUES (CVSS 4.0-6.9)\n\n"
        "### AX-2: Verbose errors\n**Status:** Fixed in 2.1\n"
    )
    assert findings(text) == {5: (Severity.CRITICAL, OPEN), 11: (Severity.MEDIUM, F)}


def test_a_risk_level_column_grades_the_items_of_an_accepted_risks_table() -> None:
    text = (
        "# Audit\n\n## Limitations & Accepted Risks\n\n| Item | Risk Level | Rationale |\n|---|---|---|\n"
        "| Geo lookup file optional | Low | degrades to an empty country |\n"
        "| Local model served without TLS | Medium | loopback only |\n"
    )
    assert findings(text) == {7: (Severity.LOW, A), 8: (Severity.MEDIUM, A)}


def test_no_fix_required_in_a_resolution_column_accepts_the_finding() -> None:
    text = (
        "# Scan\n\n## Bandit\n\n| Severity | Finding | Resolution |\n|---|---|---|\n"
        "| Low | md5 used for cache keys | Informational only; no fix required. |\n"
    )
    assert findings(text) == {7: (Severity.LOW, A)}


def test_consequences_listed_under_impact_are_part_of_the_finding_and_by_design_is_accepted() -> None:
    text = (
        "# Contract audit\n\n## Findings\n\n### HIGH SEVERITY\n\n#### H-1: Admins can vote twice\n\n"
        "**Impact**:\n- **CRITICAL**: breaks the one-member-one-vote rule\n- tallies can be forced\n\n"
        "```js\nawait jury.vote(admin)\n```\n\n**Status**: ❌ **NOT FIXED**\n\n### LOW SEVERITY\n\n"
        "#### L-1: Duplicate check counts accounts\n\n**Status**: ✅ Working as intended\n"
    )
    assert findings(text) == {7: (Severity.HIGH, OPEN), 21: (Severity.LOW, A)}


def test_a_short_id_with_its_grade_in_brackets_before_the_dash_heads_a_finding() -> None:
    text = (
        "# Review\n\n## Layering Violations\n\n### V01 (High) — Screen reimplements the rule engine\n"
        "- **File:** `app/screen.tsx`\n\n## Best Practice Deviations\n\n### D02 (Low) — Magic numbers inline\n"
        "Name them in one config module.\n"
    )
    assert findings(text) == {5: (Severity.HIGH, U), 10: (Severity.LOW, U)}


def test_a_whole_scanner_dump_and_example_outputs_grade_nothing_and_a_severity_score_is_a_field() -> None:
    text = (
        "# npm audit notes\n\n## Raw output\n\n### Full JSON Report\n\n```json\n"
        '{"a": {"severity": "high"},\n "b": {"severity": "high"}}\n```\n\n'
        "## Each entry\n\n### 1. left-pad (CVSS 7.5 - HIGH)\n\n**Interpretation:**\n"
        "- **Issue:** prototype pollution\n- **Severity score:** 7.5 out of 10 (HIGH)\n\n"
        "## How to Read Different Audit Output\n\n#### Audit with Fixable Issues\n\n```bash\n"
        "found X vulnerabilities\nSeverity: HIGH\n```\n"
    )
    assert findings(text) == {14: (Severity.HIGH, U)}


def test_bold_findings_with_part_labels_an_assessment_field_and_a_false_positive_group() -> None:
    text = (
        "# Scan report\n\n## Findings Summary\n\n#### HIGH Severity (1 finding - FALSE POSITIVE)\n\n"
        "**B324: md5 used for the device handshake**\n- **File:** `proto.py:12`\n- **Code:**\n"
        "  ```python\n  md5(x)\n  ```\n- **Assessment:** FALSE POSITIVE - PROTOCOL MANDATED\n"
        "- **Justification:**\n  - the device protocol requires it\n\n#### MEDIUM Severity (2 findings)\n\n"
        "**B608: SQL built from a table name**\n- **Assessment:** Confirmed - the name comes from the request\n"
        "- **Code Pattern:**\n  ```python\n  f'SELECT * FROM {t}'\n  ```\n"
    )
    assert findings(text) == {7: (Severity.HIGH, A), 19: (Severity.MEDIUM, OPEN)}


def test_a_recap_table_rewording_detailed_findings_adds_none_of_its_own() -> None:
    text = (
        "# Mobile audit\n\n## Findings\n\n### CRITICAL - Session tokens kept in plain storage\n\n"
        "**Issue:** tokens sit in plain storage\n\n**Severity:** CRITICAL\n\n### HIGH - Cleartext traffic allowed\n\n"
        "**Issue:** the manifest allows HTTP\n\n**Severity:** HIGH\n\n### MEDIUM - Weak e-mail check\n\n"
        "**Issue:** the regex accepts a@b\n\n**Severity:** MEDIUM\n\n## Summary Table: All Issues\n\n"
        "| # | Issue | Severity |\n|---|---|---|\n| 1 | Tokens in plain storage | CRITICAL |\n"
        "| 2 | HTTP allowed by the manifest | HIGH |\n| 3 | Weak e-mail check | MEDIUM |\n"
    )
    assert findings(text) == {
        5: (Severity.CRITICAL, U),
        11: (Severity.HIGH, U),
        17: (Severity.MEDIUM, U),
    }


def test_a_graded_heading_over_prose_only_is_one_finding_and_over_a_list_a_group() -> None:
    text = (
        "# Audit\n\n## Findings\n\n### HIGH - Cleartext traffic allowed\n\n**Severity:** HIGH\n\n"
        "The manifest lets the app call the API over plain HTTP.\n\n### MEDIUM - Input handling\n\n"
        "1. **Search box accepts markup** - rendered as HTML\n"
    )
    assert findings(text) == {5: (Severity.HIGH, U), 13: (Severity.MEDIUM, U)}


def test_an_items_own_risk_grade_beats_its_sections_and_compliance_issues_are_findings() -> None:
    text = (
        "# Issues by module\n\n## CRITICAL ISSUES (Fix Immediately)\n\n1. **Deprecated ACL usage** - HIGH RISK\n"
        "   - **File**: `s3/main.tf`\n   - **Fix**: use bucket policies\n\n## COMPLIANCE ISSUES\n\n"
        "2. **Missing audit trail** - MEDIUM RISK\n   - **Files**: all modules\n   - **Fix**: add CloudTrail\n"
    )
    assert findings(text) == {5: (Severity.HIGH, U), 11: (Severity.MEDIUM, U)}


def test_a_finding_repeating_its_sections_colour_takes_the_sections_word() -> None:
    text = (
        "# Code audit\n\n## 🟡 HIGH PRIORITY ISSUES\n\n### 7. 🟡 Register route has no rate limit\n\n"
        "**Location:** `routes/auth.ts:15`\n\n## 🟠 MEDIUM PRIORITY ISSUES\n\n### 11. 🟠 No e-mail verification\n\n"
        "**Location:** `services/auth.ts:18`\n"
    )
    assert findings(text) == {5: (Severity.HIGH, U), 11: (Severity.MEDIUM, U)}


def test_a_ranked_plan_table_naming_section_numbers_gives_their_findings_status() -> None:
    text = (
        "# Hardening plan\n\n## Phase 1: High Priority Fixes\n\n### 1.1 Add HttpOnly to shared cookies\n\n"
        "**Risk Level**: Medium\n\n### 1.2 Escape the provider name in the error page\n\n**Risk Level**: Low\n\n"
        "## Implementation Order\n\n| Priority | Item | Effort | Status |\n|---|---|---|---|\n"
        "| 1 | 1.1 HttpOnly cookies | Low | ✅ Done |\n| 2 | 1.2 Escape provider | Low | Deferred |\n"
    )
    assert findings(text) == {5: (Severity.MEDIUM, F), 9: (Severity.LOW, OPEN)}


def test_grades_and_groups_written_in_french_spanish_and_german() -> None:
    french = (
        "# Audit de sécurité\n\n## Vulnérabilités Critiques\n\n#### CRITIQUE #1: Jeton stocké en clair\n\n"
        "**Fichier**: `src/store.ts`\n\n## Vulnérabilités Hautes\n\n| # | Description | Fichier |\n|---|---|---|\n"
        "| 1 | Messages externes sans authentification | `bg.ts` |\n"
    )
    assert findings(french) == {5: (Severity.CRITICAL, U), 13: (Severity.HIGH, U)}
    spanish = (
        "# Auditoría\n\n## 🚨 VULNERABILIDADES CRÍTICAS ENCONTRADAS\n\n### 🔴 CRÍTICA #1: Inyección de comandos\n\n"
        "**Archivo**: `scan.py`\n\n## VULNERABILIDADES MEDIAS\n\n### 🟡 MEDIA #1: Tiempo de espera excesivo\n\n"
        "**Archivo**: `net.py`\n"
    )
    assert findings(spanish) == {5: (Severity.CRITICAL, U), 11: (Severity.MEDIUM, U)}
    german = "# Prüfbericht\n\n## Befunde\n\n### HOCH: Sitzungs-Cookie ohne Secure-Flag\n\nDas Cookie wird gesetzt.\n"
    assert findings(german) == {5: (Severity.HIGH, U)}


def test_a_state_heading_right_under_a_finding_heading_is_its_status() -> None:
    text = (
        "# Audit\n## Gateway - Security Analysis\n\n**Overall Rating:** ⚠️ **HIGH RISK - DO NOT DEPLOY**\n\n"
        "## Critical vulnerabilities\n\n### 🔴 CRITICAL #1: Queries built with f-strings\n### ✅ **FIXED** (2025-11-21)\n"
        "**File:** `server.py:310`\n\n### 🔴 CRITICAL #2: No authentication\n### ⚠️ **OUT OF SCOPE** - the proxy handles it\n"
        "**File:** `server.py`\n\n### 🔴 CRITICAL #3: Statement instead of PreparedStatement\n"
        "### ⚠️ **CANNOT FIX** - architectural limit (well-mitigated)\n**File:** `Query.java:42`\n"
    )
    assert findings(text) == {
        8: (Severity.CRITICAL, F),
        12: (Severity.CRITICAL, A),
        16: (Severity.CRITICAL, M),
    }


def test_applied_remediations_closing_states_and_a_verified_good_section() -> None:
    text = (
        "# Review\n\n## HIGH\n\n### H-1 — Unlimited password guesses\n`routes/auth.ts` has no lockout.\n\n"
        "**Remediation (applied):** five failures lock the account for 15 minutes.\n\n## LOW\n\n"
        "- **L-1 — Sessions never idle out.** Fixed 12 h lifetime is the policy; idle timeout left for later. *Not changed.*\n"
        "- **L-2 — Recovery codes have 40 bits.** Raised to 80 bits. *Applied.*\n\n"
        "## Verified good (informational)\n\n- **SQL injection:** every query is bound. Clean.\n"
    )
    assert findings(text) == {5: (Severity.HIGH, F), 12: (Severity.LOW, OPEN), 13: (Severity.LOW, F)}


def test_plain_numbered_findings_closing_with_a_bracketed_risk() -> None:
    text = (
        "# Scan report\n\nKey Findings:\n\n1. SQL Injection (High Risk)\n   - Count: 7\n   - Evidence: payload accepted\n\n"
        "2. Missing Security Headers (Medium to Low Risk)\n   - CSP header not set\n\n"
        "3. Server banner disclosure (Low Risk)\n   - version in the Server header\n"
    )
    assert findings(text) == {5: (Severity.HIGH, U), 9: (Severity.MEDIUM, U), 12: (Severity.LOW, U)}


def test_findings_with_a_severity_after_a_verified_ok_list_are_still_findings() -> None:
    text = (
        "# Payments audit\n\n## Verified OK (no issue, no change needed)\n\n- **Webhook authenticity**: re-fetched.\n\n"
        "---\n\n### [PAY-01] Paid amount never compared with the order\n- Severity: High\n- Status: Fixed\n\n"
        "### [PAY-02] Success page shows another buyer's order\n- Severity: High\n- Status: Open\n"
    )
    assert findings(text) == {9: (Severity.HIGH, F), 13: (Severity.HIGH, OPEN)}


def test_a_threat_table_graded_by_impact_beside_a_numeric_risk_score() -> None:
    text = (
        "# Threat model\n\n#### 1.1 Spoofing Threats\n\n"
        "| Threat ID | Description | Impact | Likelihood | Risk Score | Mitigation | Status |\n|---|---|---|---|---|---|---|\n"
        "| API-S-001 | Forged tokens accepted | High | Medium | 7.5 | signature check | ✅ Implemented |\n"
        "| API-S-002 | Replayed sessions | Medium | Low | 4.0 | nonce per request | 🟡 Partial |\n"
    )
    assert findings(text) == {7: (Severity.HIGH, M), 8: (Severity.MEDIUM, OPEN)}


def test_a_remediation_status_section_above_numbered_findings_gives_their_states() -> None:
    text = (
        "# Readiness audit\n\n## Remediation status (2026-06-26)\n\n"
        "Single-team tool, so the sign-in findings below (#2, #3) are accepted risks, not bugs.\n\nFixed:\n\n"
        "- **#1 Vulnerable driver** — upgraded to 3.0.\n\nDeferred (low impact at this scale):\n\n"
        "- **#4 Rows filtered in memory** — revisit later.\n\n## Top issues\n\n"
        "1. **[High] Vulnerable native driver.** The scanner flags it.\n\n"
        "2. **[High] Mutation routes need no sign-in.** Any client can call them.\n\n"
        "3. **[Medium] No audit trail of edits.** Only timestamps are kept.\n\n"
        "4. **[Medium] Project reads load every row.** Slow on big data.\n"
    )
    assert findings(text) == {
        17: (Severity.HIGH, F),
        19: (Severity.HIGH, A),
        21: (Severity.MEDIUM, A),
        23: (Severity.MEDIUM, OPEN),
    }


def test_none_under_a_grade_and_graded_next_actions_are_not_findings() -> None:
    text = (
        "# Workspace audit\n\n## Security findings\n\n### Critical\n\n- None confirmed. No secret file is tracked.\n\n"
        "### High\n\n- Remaining: raw action errors reach the client.\n\n## Remaining risks and next actions\n\n"
        "1. High: replace raw action errors with domain errors.\n2. Medium: add read-only smoke checks.\n"
    )
    assert findings(text) == {11: (Severity.HIGH, U)}


def test_work_items_under_a_graded_recommendations_heading_are_not_findings() -> None:
    text = (
        "# Auth review\n\n## Findings\n\n### ⚠️ CRITICAL: No HTTPS enforcement\n\n**Status:** pending\n\n"
        "## Critical Recommendations\n\n1. ✅ **Enable HTTPS** - put a proxy in front\n"
        "2. ✅ **Verify .env in .gitignore** - never commit credentials\n"
    )
    assert findings(text) == {5: (Severity.CRITICAL, OPEN)}


def test_chinese_grade_tags_and_a_fix_log_naming_findings_by_title() -> None:
    text = (
        "# 安全审查报告\n\n### 发现的问题\n\n#### 问题1: JWT 默认密钥硬编码 [高危]\n\n**文件**: `JwtUtils.java:20`\n\n"
        "#### 问题2: 预约详情接口越权访问 [中危]\n\n**文件**: `ReservationController.java:53`\n\n## 修复记录\n\n"
        "| 日期 | 问题 | 状态 |\n|---|---|---|\n| 2026-05-06 | JWT 默认密钥硬编码 | ✅ 已修复 |\n"
        "| 2026-05-06 | 预约详情越权访问 | ⚠️ 待修复 |\n"
    )
    assert findings(text) == {5: (Severity.HIGH, F), 9: (Severity.MEDIUM, OPEN)}


def test_a_remediation_matrix_inside_a_findings_section_restates_its_parts() -> None:
    text = (
        "# Audit\n\n## SPR-002\n\n**Severity:** Medium\n**Status:** Remediated\n\n### Remediation Status Matrix\n\n"
        "| Component / Finding | Severity | Status |\n|---|---|---|\n| Admin authentication | High | **Remediated** |\n"
        "| IP allowlisting | Medium | **Documented** |\n"
    )
    assert findings(text) == {3: (Severity.MEDIUM, F)}


def test_a_portuguese_remediation_plan_graded_by_priority_lists_no_findings() -> None:
    text = (
        "# Reauditoria\n\n## C. Achados\n\n### SEC-R005 — Consultas sem paginação\n\n**Severidade:** Média\n\n"
        "## I. Plano de remediação priorizado\n\n### P0 — antes de qualquer publicação\n\n1. Verificação de e-mail obrigatória.\n\n"
        "### P1 — antes de habilitar workspaces\n\n1. Transações no ciclo de convites.\n"
    )
    assert findings(text) == {5: (Severity.MEDIUM, U)}


def test_informational_entries_saying_a_check_found_nothing_are_not_findings() -> None:
    text = (
        "# Audit\n\n## Findings\n\n### F-01 — Service key pasted into a chat (High)\n\n- **Status**: Needs action\n\n"
        "### F-02 — scanner hits in build caches are non-issues (Info)\n\n- **Status**: no action\n\n"
        "### F-03 — Untracked secret files verified (Info, Fixed by verification)\n\n- **Status**: verified\n\n"
        "### F-04 — Verbose error pages in staging (Info)\n\n- **Status**: open\n"
    )
    assert findings(text) == {5: (Severity.HIGH, OPEN), 17: (Severity.INFO, OPEN)}


def test_a_title_ending_in_a_state_word_keeps_its_words() -> None:
    text = "# Audit\n\n## Findings\n\n### F-03 — Ignored secret files verified (Low)\n\n### F-04 — Token leak — Fixed (High)\n"
    doc = parse_document(text, "audit.md")
    audit, _ = read_security(doc.blocks, "audit.md", doc.fm)
    assert [f.title.strip() for f in audit.findings] == ["Ignored secret files verified", "Token leak"]


def test_graded_gaps_in_a_compliance_section_are_findings() -> None:
    text = (
        "# Audit\n\n## Privacy and Compliance Assessment\n\n### Retention rules\n"
        "- [ ] **HIGH**: Voice clips are kept forever\n- [x] **MEDIUM**: No export of a user's data\n"
        "- [ ] **HIGH**: GDPR2 erasure requests go nowhere\n\n"
        "### Compliance scorecard\n\n- [x] Encryption at rest\n"
    )
    assert findings(text) == {6: (Severity.HIGH, U), 7: (Severity.MEDIUM, F), 8: (Severity.HIGH, U)}


def test_an_effort_assessment_graded_by_complexity_lists_no_findings() -> None:
    text = (
        "# Audit\n\n## Findings\n\n### H-1: Uploads skip the auth check\n\n**Severity:** High\n\n"
        "## Implementation Complexity Assessment\n\n### High Priority Vulnerabilities\n"
        "- **Upload Security**: **HIGH** complexity - 1-2 weeks\n- **Cache Security**: **LOW** complexity - 1-2 days\n"
    )
    assert findings(text) == {5: (Severity.HIGH, U)}


def test_a_dated_status_update_table_closes_findings_an_older_summary_calls_open() -> None:
    text = (
        "# Audit\n\n## Remediation Status (Updated 2026-01-05)\n\n| # | Finding | Risk | Status |\n|---|---|---|---|\n"
        "| 1 | Export dumps every tenant | HIGH | **FIXED** - endpoint removed |\n"
        "| 2 | Images carry no tenant | LOW | Accepted Risk |\n| 3 | Rotate the signing keys | MEDIUM | Done |\n\n"
        "## Findings\n\n### Finding 1: Export dumps every tenant's data\n\n**Risk Level:** HIGH\n\n"
        "### Finding 2: Images table has no tenant column\n\n**Risk Level:** LOW\n\n"
        "### Finding 3: Sessions survive a password change\n\n**Risk Level:** MEDIUM\n\n"
        "## Summary Table\n\n| # | Finding | Risk | Status |\n|---|---|---|---|\n"
        "| 1 | Export dumps every tenant | HIGH | Open |\n| 2 | Images carry no tenant | LOW | Accept Risk |\n"
        "| 3 | Sessions survive a password change | MEDIUM | Open |\n"
    )
    assert findings(text) == {
        13: (Severity.HIGH, F),
        17: (Severity.LOW, A),
        21: (Severity.MEDIUM, OPEN),
    }


def test_a_report_pasted_as_plain_text_is_graded_by_its_short_lines() -> None:
    text = (
        "Review of the upload service\nScope and method notes.\n\nCritical\n"
        "1. Any caller can overwrite another user's file\nThe handler trusts the path it is given.\n\n"
        "Recommendation: derive the path from the session.\n\n"
        "2. Signed URLs never expire\nThey are valid forever.\n\nHigh\n3. Upload size is unbounded\nA single request fills the disk.\n\n"
        "Recommendation: cap it.\n\n4. Thumbnails run an old image library\nKnown parser bugs.\n"
    )
    assert findings(text) == {
        5: (Severity.CRITICAL, U),
        10: (Severity.CRITICAL, U),
        14: (Severity.HIGH, U),
        19: (Severity.HIGH, U),
    }


def test_japanese_group_headings_grade_and_part_headings_describe() -> None:
    text = (
        "# 監査\n\n## 🔴 重大な脆弱性 (Critical)\n\n### 1. 管理画面に認証がない\n\n#### 該当箇所\n- `admin.py`\n\n"
        "#### リスク評価\n- **CVSS スコア**: 9.1 (Critical)\n\n#### 修正方法\n1. 認証を追加\n\n"
        "## 🟡 中リスクの問題 (Medium)\n\n### 2. ログにトークンが残る\n\n#### 影響\n- 漏洩の恐れ\n"
    )
    assert findings(text) == {5: (Severity.CRITICAL, U), 18: (Severity.MEDIUM, U)}


def test_german_severity_groups_grade_the_findings_below() -> None:
    text = (
        "# Audit\n\n## 🔴 KRITISCHE PROBLEME (Sofortiger Handlungsbedarf)\n\n### K1: Admin-Konto ohne Passwort\n\n"
        "**Status:** ⚠️ Offen\n\n## 🟡 MITTLERE PROBLEME\n\n### M1: Fehlende CSP\n\n**Status:** ✅ Behoben\n"
    )
    assert findings(text) == {5: (Severity.CRITICAL, OPEN), 11: (Severity.MEDIUM, F)}


def test_a_mitigation_applied_field_mitigates_in_english_and_spanish() -> None:
    text = (
        "# Findings\n\n## FINDING 1 — Key in `.env` (CRITICAL)\n\n- **File:** `.env`\n"
        "- **Mitigation applied:** `.gitignore` now excludes it\n\n"
        "## HALLAZGO 2 — Sin cabeceras (ALTO)\n\n- **Riesgo:** MEDIO — solo en staging\n- **Mitigación aplicada:** cabeceras añadidas\n\n"
        "## FINDING 3 — Open redirect (HIGH)\n\n- **Mitigation applied:** none\n"
    )
    assert findings(text) == {3: (Severity.CRITICAL, M), 8: (Severity.HIGH, M), 13: (Severity.HIGH, U)}


def test_a_status_line_outranks_a_fix_applied_line() -> None:
    text = (
        "# Audit\n\n### [P-1] Prompt text echoed unescaped\n- Severity: Medium\n"
        "- Fix applied: Not fixed — a product decision\n- Status: Needs Human Decision\n\n"
        "### [P-2] Upload cap missing\n- Severity: High\n- Mitigation applied: `throttle:10,1` added\n- Status: Open\n"
    )
    assert findings(text) == {3: (Severity.MEDIUM, U), 8: (Severity.HIGH, OPEN)}


def test_a_title_bracketed_grade_outranks_a_risk_field() -> None:
    text = (
        "# Findings\n\n## FINDING 1 — Key in `.env` (CRITICAL)\n\n- **Risk:** MEDIUM — not in the history\n"
    )
    assert findings(text) == {3: (Severity.CRITICAL, U)}


def test_a_document_title_naming_a_grade_grades_nothing() -> None:
    text = (
        "# 🔴 CRITICAL CONSIDERATIONS - PAYMENT CLI\n\n## English\n\n### Recent updates\n- Docs are bilingual now.\n\n"
        "## Full list\n\n## ⚠️ HIGH ISSUES\n\n### 1. Shell commands built from user text\n\nDetails.\n"
    )
    assert findings(text) == {12: (Severity.HIGH, U)}


def test_numbered_recaps_restate_findings_by_number_and_conclusions_list_none() -> None:
    text = (
        "# Review\n\n## Issues\n\n### 1. **Shell commands built from user text**\n\n**Severity:** Critical\n\n"
        "### 2. **Packages installed from any mirror**\n\n**Severity:** High\n\n## Risk Matrix\n\n| # | Issue | Risk |\n|---|---|---|\n"
        "| 1 | Shell injection | 🔴 CRITICAL |\n| 2 | Mirror trust | 🟡 HIGH |\n\n## Conclusions\n\n"
        "1. ✗ **Shell injection** (CRITICAL)\n2. ✗ **No logging** (HIGH)\n"
    )
    assert set(findings(text)) == {5, 9}


def test_check_marks_on_every_item_of_a_findings_list_mark_the_items_not_fixes() -> None:
    text = (
        "# Readiness\n\n## Analysis\n\n### 1. Authentication\n\n**Findings:**\n"
        "- ✅ **CRITICAL**: Session tokens never expire\n- ✅ **HIGH**: Reports readable by any tenant\n"
        "- ✅ **MEDIUM**: Session cookie lacks SameSite — fixed in 4.2\n\n**Positive Findings:**\n- ✅ ORM queries everywhere\n"
    )
    assert findings(text) == {8: (Severity.CRITICAL, U), 9: (Severity.HIGH, U), 10: (Severity.MEDIUM, F)}


def test_bare_titles_over_risk_level_lines_are_findings_and_a_hedged_fix_is_partial() -> None:
    text = (
        "# PR review\n\n## GitHub comments\n\n**Line 117** — **HIGH** — Deploy step skips the host key checks\n\n"
        "## Findings\n\n---\nDeploy step skips host key checks\n\nRisk Level: HIGH\nFile Path: deploy.yml\n\n"
        "Description:\nFixed in the shell script, but the workflow no longer calls it.\n\n---\n"
        "Port flag passed in lower case\n\nRisk Level: MEDIUM\nFile Path: deploy.sh\n\nDescription:\nFixed in 2.1.\n"
    )
    assert findings(text) == {10: (Severity.HIGH, OPEN), 19: (Severity.MEDIUM, F)}


def test_dutch_severity_groups_grade_the_findings_below() -> None:
    text = (
        "# Pentest\n\n## 🚨 KRITIEKE BEVINDINGEN\n\n### 1. Beheerpagina zonder login\n\n**Status:** Open\n\n"
        "## 🟠 HOGE RISICO BEVINDINGEN\n\n### 2. Geen rate limiting op login\n\nUitleg.\n"
    )
    assert findings(text) == {5: (Severity.CRITICAL, OPEN), 11: (Severity.HIGH, U)}


def test_a_heading_state_after_an_arrow_is_the_state_now() -> None:
    text = (
        "# Audit\n\n## 1. Build\n\n### 1.1 CRITICAL: Firmware update server left on ❌ → ✅ FIXED\n\n**Severity**: CRITICAL\n\n"
        "### 1.2 HIGH: Debug UART enabled ✅ → ❌ REOPENED\n\n**Severity**: HIGH\n"
    )
    assert findings(text) == {5: (Severity.CRITICAL, F), 9: (Severity.HIGH, OPEN)}


def test_indonesian_groups_graded_in_brackets_grade_the_findings_below() -> None:
    text = (
        "# Audit\n\n## 1. Temuan Tingkat Kritis (CRITICAL)\n\n### 1.1 Pompa bisa dinyalakan tanpa login\n"
        "- **Deskripsi**: endpoint publik\n\n## 2. Temuan Tingkat Rendah\n\n### 2.1 Skrip inline berulang\n- **Deskripsi**: rapikan\n"
    )
    assert findings(text) == {5: (Severity.CRITICAL, U), 10: (Severity.LOW, U)}


def test_a_foreign_grade_heading_with_its_count_groups_the_findings() -> None:
    text = (
        "# Auditoría\n\n### 🔴 CRÍTICO (1)\n\n#### 1. **Cabeceras de seguridad ausentes**\n**Severidad:** CRÍTICA\n\n"
        "### 🟡 BAJO (1)\n\n#### 2. **Versión del servidor visible**\n**Severidad:** BAJA\n"
    )
    assert findings(text) == {5: (Severity.CRITICAL, U), 10: (Severity.LOW, U)}


def test_a_table_row_numbered_n_restates_the_finding_headed_issue_hash_n() -> None:
    text = (
        "# Audit\n\n## Findings\n\n#### ❌ CRITICAL ISSUE #1: Fake login\n\nDetails.\n\n"
        "#### ❌ HIGH ISSUE #2: eval() on CSV\n\nDetails.\n\n## Deliverables\n\n### Critical Issues (MUST FIX)\n\n"
        "| # | Issue | Risk |\n|---|---|---|\n| **1** | Fake login page | **CRITICAL** |\n| **2** | XSS via eval() | **HIGH** |\n"
    )
    assert set(findings(text)) == {5, 9}


def test_advisory_ids_name_findings_and_a_later_fixed_list_closes_them() -> None:
    text = (
        "# Dependency audit\n\n## Details\n\n#### GHSA-aaaa-bbbb-cccc\n- **Severity:** 🔴 HIGH\n\n"
        "#### CVE-2023-91 (PYSEC-2023-91)\n- **Severity:** 🟠 MEDIUM\n\n#### GHSA-dddd-eeee-ffff\n- **Severity:** 🔴 HIGH\n\n"
        "## Remediation results\n\n- ✅ GHSA-aaaa-bbbb-cccc (weak cipher) - FIXED\n- ✅ PYSEC-2023-91 (crash on bad input) - FIXED\n"
        "- ❌ GHSA-dddd-eeee-ffff (path escape) - NOT FIXED\n"
    )
    assert findings(text) == {5: (Severity.HIGH, F), 8: (Severity.MEDIUM, F), 11: (Severity.HIGH, OPEN)}


def test_a_revised_severity_replaces_the_first_and_a_correct_implementation_is_no_finding() -> None:
    text = (
        "# Audit\n\n### MEDIUM-07: Event emits the same tag twice\n\n**Severity:** Medium\n\nDetails.\n\n"
        "**Revised Severity:** Informational — the double emission is intended.\n\n"
        "### INFORMATIONAL-04: Token burn implementation is correct\n\nBurns are checked.\n"
    )
    assert findings(text) == {3: (Severity.INFO, U)}


def test_a_status_requiring_a_fix_is_open() -> None:
    text = (
        "# Review\n\n## Architecture\n\n**Status:** ✅ COMPLETE — 2 CRITICAL findings identified\n\n"
        "#### ARCH-001: Audit emit swallows errors 🔴 CRITICAL\n\n**Status:** REQUIRES FIX\n\n"
        "#### ARCH-002: Paths resolved without checks 🔴 CRITICAL\n\n**Status:** REQUIRES SYSTEMATIC REFACTORING\n"
    )
    assert findings(text) == {7: (Severity.CRITICAL, OPEN), 11: (Severity.CRITICAL, OPEN)}


def test_a_fix_applied_line_describing_the_fix_in_state_words_still_fixes() -> None:
    text = (
        "# Audit\n\n### HIGH\n\n**SEC-H2: Links rendered without URL checks**\n- `format.ts:103`\n"
        "- **Fix applied**: the URL is only accepted if it starts with https; remaining links go through `safeHref()`.\n\n"
        "**SEC-H3: Avatars fetched from any host**\n- **Fix applied**: Not fixed — needs a product decision.\n"
    )
    assert findings(text) == {5: (Severity.HIGH, F), 9: (Severity.HIGH, OPEN)}


def test_a_scanners_warnings_group_grades_its_entries_medium() -> None:
    text = (
        "# OWASP check\n\n### Failures (1)\n\n#### ❌ Weak hashing (A02-001)\n\n**Severity**: HIGH\n\n"
        "### Warnings (2)\n\n#### ⚠️ Debug code (A05-003)\n\n**Findings**: debug output left on\n\n"
        "#### ⚠️ No CI pipeline (A08-001)\n\n**Findings**: nothing runs the checks\n"
    )
    assert findings(text) == {5: (Severity.HIGH, OPEN), 11: (Severity.MEDIUM, U), 15: (Severity.MEDIUM, U)}


def test_a_disputed_or_acknowledged_resolution_is_accepted() -> None:
    text = (
        "# Audit\n\n#### M-03: Registry can be set by anyone first\n\n**Severity:** Medium\n\n"
        "**Resolution:** Disputed, only the owner can call it.\n\n#### I-02: Unused import\n\n**Severity:** Info\n\n"
        "**Resolution:** Acknowleged.\n"
    )
    assert findings(text) == {3: (Severity.MEDIUM, A), 9: (Severity.INFO, A)}


def test_a_spelled_out_informational_tag_grades_a_heading() -> None:
    text = (
        "# Review\n\n### FINDING 1.1 — Tokens never expire [MEDIUM]\n\nA token stays valid for a year.\n\n"
        "### FINDING 1.2 — Error pages show stack frames [INFORMATIONAL]\n\nThe handler returns the exception text.\n"
    )
    assert findings(text) == {3: (Severity.MEDIUM, U), 7: (Severity.INFO, U)}
    doc = parse_document(text, "04.md")
    audit, _ = read_security(doc.blocks, "04.md", doc.fm)
    assert [f.title for f in audit.findings] == ["Tokens never expire", "Error pages show stack frames"]


def test_the_teams_action_column_answers_the_auditors_findings() -> None:
    text = (
        "# Audit response\n\n### `vault.sol`\n\n| ID | Severity | Auditor finding | Our action | Our response |\n"
        "|---|---|---|---|---|\n| HI-01 | High | Withdraw skips the lock | **Fixed** (v1.2 `abc123`) | |\n"
        "| ME-01 | Medium | Fee rounds down | **Acknowledged** | Kept on purpose. |\n"
    )
    assert findings(text) == {7: (Severity.HIGH, F), 8: (Severity.MEDIUM, A)}


def test_a_numbered_summary_table_gives_its_place_to_the_numbered_details_below() -> None:
    text = (
        "# Scan report\n\n### Alerts\n\n| No | Vulnerability | Risk Level |\n|---|---|---|\n"
        "| 1 | No CSP header | High |\n| 2 | Directory listing on /files | Medium |\n"
        "| 3 | Cookie without HttpOnly | Low |\n\n## Details\n\n### 1. No CSP header\n\nAdd one.\n\n"
        "### 2. Directory listing on /files\n\nTurn it off.\n\n### 3. Cookie without HttpOnly flag\n\nSet it.\n"
    )
    assert findings(text) == {13: (Severity.HIGH, U), 17: (Severity.MEDIUM, U), 21: (Severity.LOW, U)}


def test_numbered_sections_below_a_numbered_table_on_other_subjects_stay_apart() -> None:
    text = (
        "# Scan report\n\n### Alerts\n\n| No | Vulnerability | Risk Level |\n|---|---|---|\n"
        "| 1 | No CSP header | High |\n| 2 | Directory listing on /files | Medium |\n"
        "| 3 | Cookie without HttpOnly | Low |\n\n## Method\n\n### 1. Scope\n\nThe web app.\n\n"
        "### 2. Tools\n\nA proxy.\n\n### 3. Timeline\n\nTwo days.\n"
    )
    assert findings(text) == {7: (Severity.HIGH, U), 8: (Severity.MEDIUM, U), 9: (Severity.LOW, U)}


def test_a_graded_heading_with_its_own_severity_field_keeps_its_sub_headings_as_parts() -> None:
    text = (
        "# Review\n\n## P0 Critical Issues\n\n### CRITICAL: 9 known CVEs in dependencies\n\n"
        "**Severity:** P0 - CRITICAL\n\n#### flask 2.0 → 2.3\n\n- CVE-2023-30861 - session leak\n\n"
        "#### jinja2 3.0 → 3.1.4\n\n- CVE-2024-34064 - attribute injection\n\n"
        "## P0 Critical Issues (Auth)\n\n### To Be Investigated\n\n_(Placeholder until the review)_\n"
    )
    assert findings(text) == {5: (Severity.CRITICAL, U)}


def test_a_finding_title_may_name_a_scope() -> None:
    text = (
        "# Review\n\n## Scope\n\nThe API.\n\n## High\n\n### Token scope check skipped on refresh\n\n"
        "**Severity:** High\n\n### Out of Scope\n\nThe mobile app.\n"
    )
    assert findings(text) == {9: (Severity.HIGH, U)}


def test_french_grade_groups_with_their_priority_grade_the_findings_below() -> None:
    text = (
        "# Audit\n\n## Résultats\n\n### Critiques (P0)\n\n#### ✅ RÉSOLU — Upload rejects macro files\n\n"
        "Fixed in the route.\n\n### Majeures (P1)\n\n#### No rate limit on report generation\n\nStill open.\n\n"
        "### Mineures (P2)\n\n#### Import is not atomic\n\nBy design.\n"
    )
    assert findings(text) == {7: (Severity.CRITICAL, F), 13: (Severity.HIGH, U), 19: (Severity.LOW, U)}
    doc = parse_document(text, "04.md")
    audit, _ = read_security(doc.blocks, "04.md", doc.fm)
    assert audit.findings[0].title == "Upload rejects macro files"


def test_marked_grade_items_in_the_only_list_a_summary_gives_are_the_findings() -> None:
    text = (
        "# Audit\n\n## Vulnerabilities (Summary)\n\n- ~~🔴 CRITICAL: Admin password in the code~~ ✅\n"
        "- 🟠 HIGH: `debug=True` in production\n- 🟡 MEDIA: Logs keep request bodies\n\n"
        "## Severity legend\n\n- 🔴 Critical: fix before release\n\n## Plan\n\n1. Rotate the password\n"
    )
    assert findings(text) == {5: (Severity.CRITICAL, F), 6: (Severity.HIGH, U), 7: (Severity.MEDIUM, U)}


def test_a_summary_restating_detailed_findings_still_adds_none() -> None:
    text = (
        "# Audit\n\n## Summary\n\n- 🔴 CRITICAL: Admin password in the code\n\n## Findings\n\n"
        "### C-1: Admin password in the code\n\n**Severity:** Critical\n"
    )
    assert findings(text) == {9: (Severity.CRITICAL, U)}


def test_a_comments_column_opening_with_a_state_gives_the_rows_status() -> None:
    text = (
        "# Alerts log\n\n| Alert | Severity | Alerted on | Fixed on | Comments |\n|---|---|---|---|---|\n"
        "| left-pad | high severity | May 1 | May 3 | Dismissed. Only the docs site uses it |\n"
        "| tar | high severity | May 1 | May 4 | Fixed. Bumped to 6.2 |\n| qs | moderate severity | May 2 | | |\n"
    )
    assert findings(text) == {5: (Severity.HIGH, A), 6: (Severity.HIGH, F), 7: (Severity.MEDIUM, U)}


def test_impact_and_likelihood_grade_a_finding_as_a_risk_matrix() -> None:
    text = (
        "# Audit\n\n## [M-01] Refund skips blocked tokens\n\n### Severity\n\n**Impact:** High, funds stay stuck\n\n"
        "**Likelihood:** Low, only some tokens block\n\n## [L-01] Events miss the sender\n\n### Severity\n\n"
        "**Impact:** Low\n\n## [H-01] Anyone can mint\n\n**Impact:** High\n\n**Likelihood:** High\n\n"
        "## [M-02] Fee rounds down\n\n**Impact:** Medium\n"
    )
    assert findings(text) == {
        3: (Severity.MEDIUM, U),
        11: (Severity.LOW, U),
        17: (Severity.CRITICAL, U),
        23: (Severity.MEDIUM, U),
    }


def test_a_discussion_part_answering_the_finding_gives_its_status() -> None:
    text = (
        "# Audit\n\n| ID | Title | Severity |\n|---|---|---|\n| [M-01] | Refund skips blocked tokens | Medium |\n"
        "| [L-01] | Events miss the sender | Low |\n\n# [M-01] Refund skips blocked tokens\n\n## Discussion\n\n"
        "**auditor:** Acknowledged, the team will not support such tokens.\n\n# [L-01] Events miss the sender\n\n"
        "## Discussion\n\n**auditor:** Fixed in [1a2b3c4](https://example.com/c/1a2b3c4).\n"
    )
    assert findings(text) == {8: (Severity.MEDIUM, A), 14: (Severity.LOW, F)}
    doc = parse_document(text, "04.md")
    audit, _ = read_security(doc.blocks, "04.md", doc.fm)
    assert [(f.id, f.title) for f in audit.findings] == [
        ("M-01", "Refund skips blocked tokens"),
        ("L-01", "Events miss the sender"),
    ]


def test_polish_priority_column_grades_and_a_fix_status_section_closes_a_run_of_ids() -> None:
    text = (
        "# Raport\n\n| ID | Tytuł | Priorytet |\n|---|---|---|\n| BOT-01 | Healthcheck fails behind auth | **Wysoki** |\n"
        "| BOT-02 | Errors shown raw | **Średni** |\n| BOT-03 | Logo missing from the wheel | **Niski** |\n\n"
        "## Szczegóły\n\n### BOT-01: Healthcheck fails behind auth\n\nText.\n\n### BOT-02: Errors shown raw\n\nText.\n\n"
        "## Status poprawek\n\nWszystkie ustalenia BOT-01–BOT-03 zostały poprawione.\n\n"
        "### BOT-03: Logo missing from the wheel\n\nText.\n"
    )
    assert findings(text) == {11: (Severity.HIGH, F), 15: (Severity.MEDIUM, F), 23: (Severity.LOW, F)}


def test_a_bold_title_under_a_severity_heading_is_a_finding_it_grades() -> None:
    text = (
        "# Dependency audit\n\n#### HIGH SEVERITY (1)\n\n**1. semver - ReDoS in range parsing**\n"
        "- **Package:** semver@7.0.0\n\n**Problems:**\n1. Dev tooling pulls it in\n\n#### LOW SEVERITY (1)\n\n"
        "**diff - ReDoS in split**\n- **Package:** diff\n\n#### CRITICAL\n\n**None identified.**\n"
    )
    assert findings(text) == {5: (Severity.HIGH, U), 13: (Severity.LOW, U)}


def test_a_report_grouping_findings_by_grade_grades_them_over_their_cvss_bands() -> None:
    text = (
        "# Audit\n\n## Findings\n\n### CRITICAL SEVERITY\n\n#### VULN-001: Outcome endpoints skip ownership\n\n"
        "- **CVSS:** 8.6 (High)\n\n### HIGH SEVERITY\n\n#### VULN-002: Emails logged in plain text\n\n"
        "- **CVSS:** 6.5 (Medium)\n"
    )
    assert findings(text) == {7: (Severity.CRITICAL, U), 13: (Severity.HIGH, U)}
    # one section naming every finding critical is the report's headline, not a grouping by grade
    single = "# Audit\n\n## 🚨 Critical vulnerabilities found\n\n### 1. SQL injection\n\n**CVSS Score:** 7.5/10 - HIGH\n"
    assert findings(single) == {5: (Severity.HIGH, U)}


def test_struck_recommendations_marked_done_close_the_findings_they_name() -> None:
    text = (
        "# Audit\n\n### 1.1 Default session secret — **HIGH**\n\nText.\n\n### 1.2 Image proxy allowlist bypass — **MEDIUM**\n\n"
        "Text.\n\n### 1.3 Debug page left on — **LOW**\n\nText.\n\n## Recommendations\n\n"
        "1. ~~**HIGH — Require a strong session secret**~~ **DONE** — startup fails without one.\n"
        "2. ~~**MEDIUM — Fix the image proxy allowlist**~~ **DONE** — exact host match.\n"
        "3. **LOW — Turn the debug page off**\n"
    )
    assert findings(text) == {3: (Severity.HIGH, F), 7: (Severity.MEDIUM, F), 11: (Severity.LOW, U)}


def test_a_weakness_class_line_under_a_finding_is_part_of_it() -> None:
    text = (
        "# Review\n\n## F-01 — Media actions skip the daily spend cap\n\n"
        "**Vulnerability:** CWE-770 — allocation of resources without limits\n**Platform:** backend\n"
        "**Severity:** High · **CVSS: 6.5**\n\n**Status:** Fixed in 4f2a91c.\n"
    )
    assert findings(text) == {3: (Severity.HIGH, F)}


def test_a_verdict_lead_is_part_of_its_finding_and_a_state_colour_does_not_grade() -> None:
    text = (
        "# Remediation\n\n| ID | Severity | Verdict | Status |\n|---|---|---|---|\n| CX-H01 | High | Confirmed | ✅ Fixed |\n"
        "| CX-H02 | High | Confirmed | 🟡 Deferred |\n\n## Fixed\n\n### CX-H01 — Any timestamp mints a new policy\n"
        "**Confirmed (High).** The call accepted any date.\n\n## Deferred\n\n"
        "### CX-H02 — Outcomes are public before settlement — 🟡 Deferred\nNeeds a vault redesign.\n"
    )
    assert findings(text) == {10: (Severity.HIGH, F), 15: (Severity.HIGH, OPEN)}


def test_grade_tallies_plan_phases_and_bracketed_categories_are_read_as_such() -> None:
    text = (
        "# Audit\n\n## Summary\n\n- **P0 (Critical)**: 1件 - fix now\n- **P1 (High)**: 1件 - this week\n\n"
        "## 🔴 P0: Critical（fix now）\n\n### 1. No authentication on the search API (OWASP A01)\n\nText.\n\n"
        "## 🟠 P1: High（this week）\n\n### 2. Loose index access policy (AWS Security Best Practices)\n\nText.\n\n"
        "## Priorities\n\n### Phase 1: this week - P0/P1\n\n1. **Add authentication** (P0-1)\n"
        "2. **Tighten the index policy** (P1-2)\n"
    )
    assert findings(text) == {10: (Severity.CRITICAL, U), 16: (Severity.HIGH, U)}


def test_graded_consequences_under_a_foreign_impact_label_are_part_of_the_finding() -> None:
    text = (
        "# Auditoría\n\n## Vulnerabilidades críticas\n\n### VULN-001: Clave de servicio expuesta\n\n"
        "**Impacto:**\n- **Crítico**: Bypass completo de RLS\n- **Alto**: acceso total\n\n**Recomendación:** rotar.\n"
    )
    assert findings(text) == {5: (Severity.CRITICAL, U)}


def test_a_section_of_improvements_implemented_lists_no_findings() -> None:
    text = (
        "# Security report\n\n## 1. Security Improvements Implemented\n\n### 1.1 Session Security ✅\n\n"
        "**Risk Level:** LOW\n\n## 2. Remaining Risks\n\n| Issue | Severity | Mitigation |\n|---|---|---|\n"
        "| validator URL bypass | Moderate | Monitor |\n"
    )
    assert findings(text) == {13: (Severity.MEDIUM, OPEN)}


def test_an_attack_surface_inventory_rates_entry_points_not_findings() -> None:
    text = (
        "# Threat model\n\n## 4. Attack Surface Inventory\n\n| ID | Entry Point | Type | Risk Level |\n|---|---|---|---|\n"
        "| EP-1 | `make dev ISSUE=<n>` | CLI | MEDIUM |\n| EP-2 | `localhost:8000` | HTTP | LOW |\n\n## 5. Threats\n\n"
        "| ID | Threat | Severity |\n|---|---|---|\n| T-01 | Issue number reaches the shell unquoted | HIGH |\n"
    )
    assert findings(text) == {14: (Severity.HIGH, U)}


def test_yaml_in_a_named_finding_is_its_evidence_and_term_plans_list_work() -> None:
    text = (
        "# Review\n\n### ISSUE #7: Image scan blocks every deploy\n**Severity:** 🟠 HIGH\n\n```yaml\n"
        "- name: Fail on HIGH/CRITICAL vulnerabilities\n  with:\n    severity: 'CRITICAL,HIGH'\n```\n\n"
        "## Roadmap\n\n### MEDIUM-TERM (Month 1-2):\n1. ✅ Tune resource limits\n2. ⚠️ SKIP: Custom seccomp profiles\n"
    )
    assert findings(text) == {3: (Severity.HIGH, U)}


def test_a_group_counted_in_one_grade_grades_its_items() -> None:
    text = (
        "# Status\n\n## What was fixed\n\n### Server Vulnerabilities (2 High → 0)\n\n"
        "1. **Axios SSRF** - Fixed by upgrading to 1.7.7\n2. **Multer crash** - Fixed by upgrading to 1.4.5\n"
    )
    assert findings(text) == {7: (Severity.HIGH, F), 8: (Severity.HIGH, F)}


def test_a_table_of_an_earlier_reports_ids_does_not_close_todays_findings() -> None:
    text = (
        "# Review\n\n## Resolved since the last review\n\n| Prior ID | Topic | Status |\n|---|---|---|\n"
        "| M-1 | Upload folders shared by emails | **Fixed** (#61) |\n\n## Findings\n\n### Medium\n\n"
        "#### M-1 — Password change sends the plaintext\n\nThe form posts both passwords.\n"
    )
    assert findings(text)[13] == (Severity.MEDIUM, U)


def test_an_id_range_heading_over_a_numbered_list_is_one_finding_per_item() -> None:
    text = (
        "# Audit\n\n## 🟡 Medium (P2)\n\n### VULN-010 à VULN-012\n\n_[condensed list]_\n\n"
        "1. Upload trusts the extension\n2. No virus scan on uploads\n3. CSRF token missing\n"
    )
    assert findings(text) == {9: (Severity.MEDIUM, U), 10: (Severity.MEDIUM, U), 11: (Severity.MEDIUM, U)}


def test_a_numbered_section_naming_a_graded_group_grades_the_titles_below() -> None:
    text = (
        "# Review\n\n## 3. Assessment\n\n### 3.2 Critical Security Issues 🔴\n\n**1. Webhook signature never checked**\n\n"
        "Anyone can post a payment event.\n"
    )
    assert findings(text) == {7: (Severity.CRITICAL, U)}


def test_a_german_grade_heading_saying_when_to_act_groups_its_findings_and_solutions_are_parts() -> None:
    text = (
        "# Sicherheitsprüfung\n\n## 🔴 KRITISCH (Sofort beheben)\n\n### 1. Passwort-Reset ohne Ablauf\n\n"
        "#### Problem:\nDer Link gilt für immer.\n\n#### Lösung:\nAblauf nach 30 Minuten.\n\n"
        "## 🟡 MITTEL (Vor dem Release)\n\n### 2. Kein CSRF-Token\n\n#### Empfehlung:\nToken einführen.\n"
    )
    assert findings(text) == {5: (Severity.CRITICAL, U), 15: (Severity.MEDIUM, U)}


def test_a_status_field_with_some_parts_done_and_some_not_is_open() -> None:
    text = (
        "# Audit\n\n## High\n\n### 1. Login throttling missing\n\n"
        "**Status:** Table ✅ | Counter ❌ | Admin page ✅ | Middleware ❌\n\nThe counter is a stub.\n"
    )
    assert findings(text) == {5: (Severity.HIGH, OPEN)}
    assert findings(text.replace("❌", "✅")) == {5: (Severity.HIGH, F)}


def test_top_level_headings_are_sections_when_a_report_has_several() -> None:
    text = (
        "# Introduction\n\nA review of the vault.\n\n# Severity Classification\n\n"
        "- **High** - Large loss of funds.\n\n- **Low** - Small loss of funds.\n\n# Findings Summary\n\n"
        "| ID | Title | Severity |\n|---|---|---|\n| [H-01] | Anyone can drain the vault | High |\n"
        "| [L-01] | Events miss the amount | Low |\n\n# [H-01] Anyone can drain the vault\n\n## Severity\n\n"
        "**Impact:** High\n\n## Discussion\n\n**team:** Fixed in abc123.\n\n# [L-01] Events miss the amount\n\n"
        "Add the amount.\n"
    )
    assert findings(text) == {18: (Severity.HIGH, F), 28: (Severity.LOW, U)}


def test_a_grade_between_medium_and_high_reads_as_high_and_low_moderate_as_low() -> None:
    text = (
        "# Audit\n\n### 1. Stack traces shown to users\n\n**Severity:** MEDIUM-HIGH\n\nThe errors are echoed.\n\n"
        "### 2. Unwrap on config\n\n**Severity:** LOW-MODERATE\n\nIt panics.\n"
    )
    assert findings(text) == {3: (Severity.HIGH, U), 9: (Severity.LOW, U)}


def test_a_finding_that_says_action_is_required_stays_open_under_a_fixed_banner() -> None:
    text = (
        "# Review\n\n**Status:** ✅ Issues Fixed\n\n## Issues Found & Fixed\n\n### 🔴 CRITICAL: Token in app.json\n\n"
        "**Fix:** Read from the environment instead\n\n### 🔴 CRITICAL: Token Rotation\n\n"
        "**Action Required:**\n1. Revoke the old token\n2. Issue a new one\n"
    )
    assert findings(text) == {7: (Severity.CRITICAL, F), 11: (Severity.CRITICAL, OPEN)}
    assert findings(
        text.replace("Token Rotation", "Token Rotation Required").replace("**Action Required:**", "Steps:")
    ) == {
        7: (Severity.CRITICAL, F),
        11: (Severity.CRITICAL, OPEN),
    }


def test_spanish_priority_groups_with_a_tally_grade_the_problems_below() -> None:
    text = (
        "# Auditoría\n\n## 🟡 PROBLEMAS DE ALTA PRIORIDAD (2 Corregidos, 1 Pendiente)\n\n"
        "### ✅ Problema #5: Token sin firma - CORREGIDO\n\nSe firma ahora.\n\n"
        "## 🟠 PROBLEMAS DE PRIORIDAD MEDIA (TODOS CORREGIDOS ✅)\n\n### ✅ Problema #9: Logout incompleto - CORREGIDO\n\n"
        "Se limpia la sesión.\n"
    )
    assert findings(text) == {5: (Severity.HIGH, F), 11: (Severity.MEDIUM, F)}


def test_a_bracketed_short_id_opens_a_bold_finding_and_files_reviewed_are_no_findings() -> None:
    text = (
        "# Review\n\n## Findings\n\n### Minor\n\n**[M1] Chart JSON printed raw** ✅ FIXED\n- **Issue:** raw output.\n\n"
        "**[M2] CSP allows inline styles**\n- **Issue:** unsafe-inline.\n\n## Files Reviewed\n\n### Critical Priority\n\n"
        "- `app/crypto.py`\n- `app/settings.py`\n"
    )
    doc = parse_document(text, "04-security-audit.md")
    result, _ = read_security(doc.blocks, "04-security-audit.md", doc.fm)
    assert [(f.location.line, f.id, f.title, f.severity, f.status) for f in result.findings] == [
        (7, "M1", "Chart JSON printed raw", Severity.LOW, F),
        (10, "M2", "CSP allows inline styles", Severity.LOW, U),
    ]


def test_a_numbered_heading_over_numbered_sub_findings_groups_them_and_a_subtitle_is_no_finding() -> None:
    text = (
        "# Security checklist\n## Shop app - action items\n\n**Risk Level:** CRITICAL\n\n## 🚨 CRITICAL ISSUES\n\n"
        "### 1. **EXPOSED SECRETS**\n\n#### 1.1 Database password\n- [x] **Status**: ✅ **COMPLETED**\n\n"
        "#### 1.2 Mail API key\n- [ ] **Status**: open\n"
    )
    assert findings(text) == {10: (Severity.CRITICAL, F), 13: (Severity.CRITICAL, OPEN)}


def test_a_grade_heading_saying_when_to_fix_grades_its_table_and_struck_rows_are_fixed() -> None:
    text = (
        "# Audit\n\n## 🟠 High — fix soon\n\n| # | Finding | Location |\n|---|---|---|\n"
        "| ~~H-1~~ ✅ | ~~Partner key sent to the browser~~ — fixed in 2.2 | `page.tsx` |\n"
        "| H-2 | No rate limiting anywhere | app-wide |\n\n## Order of work\n\n"
        "1. **H-2** — throttle the public routes; keep the webhook fail-closed.\n"
    )
    doc = parse_document(text, "04-security-audit.md")
    result, _ = read_security(doc.blocks, "04-security-audit.md", doc.fm)
    assert [(f.location.line, f.id, f.severity, f.status) for f in result.findings] == [
        (7, "H-1", Severity.HIGH, F),
        (8, "H-2", Severity.HIGH, U),
    ]


def test_numbered_remediation_headings_propose_fixes_and_are_no_findings() -> None:
    text = (
        "# RLS audit\n\n## 3. Grants\n\n**Finding #2 (MEDIUM):** Broad grants let definer functions escalate.\n\n"
        "## 8. Proposed Remediations\n\n### Remediation #1: Revoke EXECUTE on cleanup()\n\n**Priority:** HIGH\n"
    )
    assert findings(text) == {5: (Severity.MEDIUM, U)}


def test_a_cjk_grade_glossed_in_english_groups_and_an_effort_table_is_a_plan() -> None:
    text = (
        "# 安全审计报告\n\n## 严重 (Critical)\n\n### C-1: 任意文件读写\n\n路径未校验。\n\n## 低危 (Low)\n\n"
        "### L-1: 日志过多 ✅ 已修复\n\n## 📈 Effort Estimation\n\n| Phase | Component | Effort (hours) | Priority |\n"
        "|---|---|---|---|\n| 1 | HTTPS | 8h | 🔴 Critical |\n"
    )
    assert findings(text) == {5: (Severity.CRITICAL, U), 11: (Severity.LOW, F)}


def test_a_korean_safety_confirmation_section_holds_no_findings() -> None:
    text = (
        "# 보안 감사\n\n## 6. 기타\n\n### LOW\n\n- **L-3 설정 중복**: 변수명 혼재.\n\n### INFO (안전 확인)\n\n"
        "- **I-2 SQL 파라미터 바인딩** 확인.\n- **I-3 비밀번호 검증기** 활성.\n"
    )
    assert findings(text) == {7: (Severity.LOW, U)}


def test_a_fix_heading_naming_a_findings_id_is_that_findings_fix() -> None:
    text = (
        "# Audit\n\n## Critical\n\n### C1: Tokens never expire\n\nThey live forever.\n\n## Fixes\n\n"
        "### Fix C1: Expire tokens after a day\n\n**Priority:** CRITICAL\n"
    )
    assert findings(text) == {5: (Severity.CRITICAL, U)}


def test_a_grade_glossed_best_practices_holds_findings_and_a_score_calculation_none() -> None:
    text = (
        "# Audit\n\n### INFORMATIONAL (Best Practices)\n\n#### INFO-01: Publish a security.txt\n\nAdd the file.\n\n"
        "## Risk Score Calculation\n\n- **Critical:** 2 × 10 = 20 points\n- **High:** 3 × 7 = 21 points\n"
    )
    assert findings(text) == {5: (Severity.INFO, U)}


def test_a_graded_groups_tally_of_pending_issues_beyond_those_listed_blocks() -> None:
    text = (
        "# Auditoría\n\n## 🔴 PROBLEMAS DE ALTA PRIORIDAD (2 corregidos, 1 pendiente)\n\n"
        "### ✅ Problema #1: Sesión sin caducidad\n\n**Estado:** ✅ CORREGIDO\n\n"
        "### ✅ Problema #2: CORS abierto\n\n**Estado:** ✅ CORREGIDO\n\n"
        "## 🟡 PRIORIDAD MEDIA (1 pendiente)\n\n### Problema #3: Mensajes de error verbosos\n"
    )
    doc = parse_document(text, "04-security-audit.md")
    audit, _ = read_security(doc.blocks, "04-security-audit.md", doc.fm)
    assert [(f.severity, f.status) for f in audit.findings] == [(Severity.HIGH, F)] * 2 + [
        (Severity.MEDIUM, U)
    ]
    assert audit.stated_open_blocking == 1
    assert audit.stated_open_location is not None and audit.stated_open_location.line == 3
    # a tally the listed open findings already make up adds nothing
    listed = text.replace(
        "✅ Problema #2: CORS abierto\n\n**Estado:** ✅ CORREGIDO", "Problema #2: CORS abierto"
    )
    doc = parse_document(listed, "04-security-audit.md")
    assert read_security(doc.blocks, "04-security-audit.md", doc.fm)[0].stated_open_blocking == 0


def test_a_grade_then_only_how_the_group_stands_heads_a_group() -> None:
    text = (
        "# Review\n\n## HIGH — Partially Fixed\n\n### Fixed\n\n| # | Vulnerability | Commit |\n|---|---|---|\n"
        "| E4 | Proxy forwards any path | `0dd4ee1` |\n\n## MEDIUM — Pending\n\n| # | Description | File |\n|---|---|---|\n"
        "| M1 | Webhook origin unchecked | hooks.py |\n\n## High — Open redirect after login\n\nThe `next` parameter.\n"
    )
    assert findings(text) == {
        9: (Severity.HIGH, F),
        15: (Severity.MEDIUM, OPEN),
        17: (Severity.HIGH, U),
    }


def test_graded_items_under_a_gaps_and_recommendations_heading_are_the_gaps_found() -> None:
    text = (
        "# HIPAA review\n\n## 1. Access control\n\n### 1.3 Gaps & Recommendations\n\n"
        "1. **CRITICAL: Require a second factor for staff**\n   - TOTP for every account\n\n"
        "2. **MEDIUM: Lock accounts after failed logins**\n   - five attempts\n\n"
        "## 2. Next steps\n\n1. **HIGH: Enable audit logging in the console**\n"
    )
    assert findings(text) == {7: (Severity.CRITICAL, U), 10: (Severity.MEDIUM, U)}


def test_a_russian_owasp_section_details_the_vulnerabilities_found_under_it() -> None:
    text = (
        "# Аудит\n\n## OWASP Top 10\n\n### A01:2021 – Broken Access Control 🔴 КРИТИЧНО\n\n"
        "#### ❌ Найденные уязвимости:\n\n##### 1. **Роль хранится на клиенте**\n**Риск:** 🔴 Критический\n\n"
        "##### 2. **Профили видны всем**\n**Риск:** 🟡 Средний\n\n"
        "## Дополнительно\n\n#### 1. **Clickjacking**\n**Риск:** 🟢 Низкий\n\n"
        "## Приоритетный план исправлений\n\n### 🔴 Критично (1 неделя):\n\n1. ✅ Проверять роль на сервере\n"
    )
    assert findings(text) == {
        9: (Severity.CRITICAL, U),
        12: (Severity.MEDIUM, U),
        17: (Severity.LOW, U),
    }


def test_a_coloured_category_over_numbered_findings_grades_them_as_the_legend_says() -> None:
    text = (
        "# Review\n**Severity Levels:** 🔴 Critical | 🟠 High | 🟡 Medium\n\n## OWASP Top 10\n\n"
        "### 🔴 1. A01:2021 – Broken Access Control\n\n#### Finding 1.1: Room joined without membership\n"
        "**File:** `chat/consumers.py`\n\n### 🟡 2. A09:2021 – Logging\n\n#### Finding 2.1: Logins never logged\n"
        "**File:** `auth/views.py`\n"
    )
    assert findings(text) == {8: (Severity.CRITICAL, U), 13: (Severity.MEDIUM, U)}
    # without a legend, red is the common high
    assert findings(text.replace("🔴 Critical | ", ""))[8] == (Severity.HIGH, U)


def test_a_spanish_summary_matrix_lends_grades_and_states_to_the_findings_detailed_below() -> None:
    text = (
        "# Auditoría\n\n## 1. Matriz Resumen\n\n| ID | Vulnerabilidad | Severidad | Estado |\n|---|---|---|---|\n"
        "| SEC-01 | Middleware nunca se ejecuta | **Crítica** | Pendiente |\n| SEC-02 | Bucket público | Media | Resuelto |\n\n"
        "## 2. Detalle\n\n### SEC-01: Middleware nunca se ejecuta\n\n* **Ubicación:** `src/proxy.ts`\n\n"
        "### SEC-02: Bucket público\n\n* **Ubicación:** `storage.sql`\n\n"
        "## 3. Résumé\n\n| Sévérité | Nombre | Description |\n|---|---|---|\n| 🔴 **CRITIQUE** | 1 | middleware |\n"
    )
    assert findings(text) == {12: (Severity.CRITICAL, OPEN), 16: (Severity.MEDIUM, F)}


def test_a_heading_opening_with_an_id_range_lists_those_findings_and_none_found_is_none() -> None:
    text = (
        "# Auditoría\n\n# 🔴 HALLAZGOS CRÍTICOS\n\n## ✅ HC-000: Ninguno Detectado\n\nNada bloquea.\n\n"
        "# 🟡 HALLAZGOS MEDIOS\n\n## HM-001 a HM-002: Otros Medios\n\n- **HM-001:** Sin lazy loading\n"
        "- **HM-002:** Sin robots.txt\n"
    )
    assert findings(text) == {13: (Severity.MEDIUM, U), 14: (Severity.MEDIUM, U)}


def test_an_implementation_priority_table_schedules_the_findings_it_names() -> None:
    text = (
        "# Terraform review\n\n## Critical Issues\n\n### 1. 🔴 State file unencrypted\n\nThe bucket has no KMS key.\n\n"
        "## Implementation Priority\n\n| Issue | Severity | Time | Action |\n|---|---|---|---|\n"
        "| Encrypt state | CRITICAL | 2 days | Block deploys |\n| IMDSv2 | HIGH | 0.5 days | Enforce on nodes |\n"
    )
    assert findings(text) == {5: (Severity.CRITICAL, U)}


def test_a_bold_title_closing_with_its_category_and_grade_is_a_finding() -> None:
    text = (
        "# Audit\n\n## Blocking issues\n\n1. **Bundle endpoint leaks other courses (Security, Critical)**  \n"
        "   `bundle.php` checks login only.\n\n## Other issues\n\n"
        "- **Keys inserted without a timestamp (Data integrity, Medium)** – `ctime` never set.\n\n"
        "## Reviewed\n\n### Release (verified, Info)\n\n- Shrinking is on.\n"
    )
    assert findings(text) == {5: (Severity.CRITICAL, U), 10: (Severity.MEDIUM, U)}


def test_findings_written_inside_fences_of_markdown_are_read_and_code_fences_stay_code() -> None:
    text = (
        "# Audit\n\n## Detailed findings\n\n~~~\n### CRITICAL BUG: Session id reused\n**File:** server/session.go\n"
        "**Severity:** High\n**Description:** Two logins share one id.\n~~~\n\n"
        "~~~\n### ✅ FIXED: Panic on unknown effect\n**Severity:** High\n**Status:** RESOLVED\n~~~\n\n"
        "```\n# Severity: High\n**Note:** a shell comment, then a note\n```\n"
    )
    assert findings(text) == {6: (Severity.HIGH, U), 13: (Severity.HIGH, F)}


def test_unfenced_keeps_every_line_where_it_was() -> None:
    from rte.docs.markdown import unfenced

    text = "a\n~~~\n### H-1: x\n**Severity:** High\n~~~\n```go\n~~~\n```\nz"
    out = unfenced(text)
    assert out.split("\n") == ["a", "", "### H-1: x", "**Severity:** High", "", "```go", "~~~", "```", "z"]


def test_a_call_to_act_and_a_count_of_vulnerabilities_are_no_findings() -> None:
    text = (
        "# Bot audit\n\n## Findings\n\n### 1. Token committed to git (Critical)\n\n**Status:** ✅ RESOLVED\n\n"
        "## Critical Actions Required\n\n### 🚨 IMMEDIATE ACTION REQUIRED\n1. **Reset the bot token**:\n"
        "   - open the developer portal\n\n## Applications Reviewed\n\n### API server\n"
        "- **Initial Vulnerabilities:** 2 (High severity)\n- **Status:** ✅ **All vulnerabilities fixed**\n"
    )
    assert findings(text) == {5: (Severity.CRITICAL, F)}


def test_a_numeric_legend_does_not_grade_a_numbered_heading_as_a_colour() -> None:
    text = "# Audit\nRisk levels: 1 = critical, 2 = high, 3 = medium.\n\n## Findings\n\n### 3. Verbose errors\n\nTraces leak.\n"
    assert findings(text) == {}
    coloured = text.replace(
        "Risk levels: 1 = critical, 2 = high, 3 = medium.", "Colours: 🔴 Critical | 🟠 High"
    )
    assert findings(coloured.replace("### 3. Verbose", "### 3. 🔴 Verbose")) == {6: (Severity.CRITICAL, U)}


def test_a_numbered_grade_word_grades_its_heading_over_the_colour_before_it() -> None:
    # `🔴` alone reads high; the word after it says critical, in English and in Portuguese
    for heading in ("🔴 CRITICAL 1 — Session token in the log", "🔴 CRÍTICO 1 — Token de sessão no log"):
        text = f"# Audit\n\n## {heading}\n\nThe token shows in clear text.\n\n**Fix:** mask it.\n"
        assert findings(text) == {3: (Severity.CRITICAL, U)}


def test_a_portuguese_resolved_line_closes_its_finding() -> None:
    text = (
        "# Auditoria\n\n## 🔴 CRÍTICO: Token de sessão no log\n\nO token aparece no log.\n\n"
        "**✅ Resolvido (o log agora mascara o token).** Migration `0042`.\n"
    )
    assert findings(text) == {3: (Severity.CRITICAL, F)}


def test_a_foreign_grade_with_a_qualifier_after_a_slash_groups_its_items() -> None:
    text = (
        "# Auditoria\n\n## 🟡 BAIXO / endurecimento\n\n- [x] Grants antigos — revogados.\n"
        "- [~] CORS `*` na função — **Pendente:** definir a env.\n"
    )
    assert findings(text) == {5: (Severity.LOW, F), 6: (Severity.LOW, U)}


def test_a_word_in_an_items_description_does_not_make_it_a_kind_of_section() -> None:
    # `References` titles a section of links; in the description of a fix it is a grant's name
    text = (
        "# Audit\n\n## Low\n\n- [x] Legacy grants — revoked `TRUNCATE/TRIGGER/REFERENCES` from `anon`.\n"
        "- [x] Functions without `pg_temp` — fixed.\n\n## References\n\n- OWASP cheat sheet — a summary.\n"
    )
    assert findings(text) == {5: (Severity.LOW, F), 6: (Severity.LOW, F)}


def test_a_rule_opening_a_markdown_document_is_no_front_matter() -> None:
    # `---` … `---` around Markdown that is no YAML: GitHub shows a rule, then the report; the reader reads it
    text = (
        "---\n# Review — cycle 3\n\n## P1 Issues\n### AUTH-1 — Tokens signed with a shared secret\n"
        "Fix: move to RS256.\n\n## P2 Issues\n| ID | Description | Status |\n|---|---|---|\n"
        "| LOG-2 | Tenant id in logs | Open |\n\n---\n"
    )
    doc = parse_document(text, "a.md")
    result, problems = read_security(doc.blocks, "a.md", doc.fm)
    assert doc.problems == problems == []
    assert {f.id: (f.severity, f.location.line) for f in result.findings} == {
        "AUTH-1": (Severity.HIGH, 5),
        "LOG-2": (Severity.MEDIUM, 11),
    }
    # front matter that is YAML gone wrong is still reported, on its line
    broken = parse_document("---\nfindings: [\n---\n# Audit\n", "a.md")
    assert [p.location.line if p.location else None for p in broken.problems] == [2]


def test_a_later_table_repeating_an_id_restates_the_finding_and_lends_its_status() -> None:
    text = (
        "# Review\n\n## Medium Issues\n| ID | Description | Status |\n|---|---|---|\n"
        "| CODE-5 | Broad exception swallowed | |\n| CODE-9 | Sync call in the event loop | Open |\n\n"
        "## Carry-forward\n| ID | Sev | Description | Status |\n|---|---|---|---|\n"
        "| CODE-5 | P2 | Silent exception fallback | Open |\n| FIX-6 | P1 | Guard used assert | Closed |\n"
    )
    assert findings(text) == {
        6: (Severity.MEDIUM, OPEN),
        7: (Severity.MEDIUM, OPEN),
        13: (Severity.HIGH, F),
    }


def test_a_package_counted_in_vulnerabilities_is_one_finding_and_a_next_steps_heading_none() -> None:
    text = (
        "# Dependency audit\n\n## Vulnerabilities by package\n\n### CRITICAL (Security Impact)\n\n"
        "#### 1. **cryptography** (4 vulnerabilities)\n```\nCurrent Version: 41.0.7\nFix Required: 43.0.1+\n```\n\n"
        "### MEDIUM\n\n#### 2. **urllib3** (1 vulnerability)\n```\nFix Required: 2.5.0+\n```\n\n"
        "## Input Validation Gaps (12 findings)\n\nSee the table.\n\n"
        "## ✅ NEXT STEPS\n\n1. ⏳ Pin the new versions\n\n**Priority:** P0 - CRITICAL\n"
    )
    assert findings(text) == {7: (Severity.CRITICAL, U), 15: (Severity.MEDIUM, U)}


def test_an_italian_audit_groups_by_priority_and_states_status_in_stato_fields() -> None:
    text = (
        "# Audit di sicurezza\n\n## Indice\n\n### 🔴 Priorità alta\n- [V-1] Link simbolico fuori dalla radice\n\n"
        "## 🔴 Priorità alta\n\n### [V-1] Link simbolico fuori dalla radice\n\n**Stato:** ✅ Risolto in 3.1\n\n"
        "## 🟠 Priorità media\n\n### [V-2] Richiesta malformata → 500\n\n**Stato:** ⬜ Da affrontare\n\n"
        "## 🟡 Priorità bassa / hardening\n\n### [V-3] Confronto di prefisso senza separatore\n\n"
        "**Stato:** ⬜ Da valutare\n"
    )
    assert findings(text) == {10: (Severity.HIGH, F), 16: (Severity.MEDIUM, OPEN), 22: (Severity.LOW, OPEN)}


def test_a_chinese_audit_grades_numbered_headings_and_reads_its_status_fields() -> None:
    text = (
        "# 安全审计报告\n\n## 二、敏感信息检查\n\n### 2.1 ✅ 环境变量配置（良好）\n\n**检查结果**: 通过\n\n"
        "### 2.2 🔴 高危：默认口令写在代码里\n\n**风险等级**: 高危\n\n"
        "### 2.3 ✅ 已修复：组件缺少认证\n\n**原风险等级**: 中危\n**状态**: ✅ 已修复\n\n"
        "### 2.4 🟡 低危：记住密码明文保存\n\n**风险等级**: 低危\n"
    )
    assert findings(text) == {9: (Severity.HIGH, U), 13: (Severity.MEDIUM, F), 18: (Severity.LOW, U)}


def test_a_status_line_holding_only_a_grade_rates_its_category_and_a_tick_marks_it_sound() -> None:
    text = (
        "# Audit\n\n## 4. OWASP Top 10\n\n### A01:2021 – Broken Access Control\n**Status**: 🔴 **KRITISCH**\n\n"
        "The tool endpoint checks no session.\n\n### A03:2021 – Injection\n**Status**: ✅ **LOW** (the client escapes it)\n\n"
        "### A05:2021 – Security Misconfiguration\n**Status**: ⚠️ **MEDIUM** - headers missing\n\n"
        "## Comparison to the previous audit\n\n### Before Security Fix (commit abc123)\n- **Status**: 🔴 CRITICAL\n"
    )
    assert findings(text) == {5: (Severity.CRITICAL, U), 13: (Severity.MEDIUM, U)}


def test_german_and_french_recommendation_sections_list_work_not_findings() -> None:
    for title in ("5. Empfohlene Maßnahmen (Priorisiert)", "Prochaines étapes"):
        text = (
            "# Audit\n\n## 4. Befunde\n\n### A01:2021 – Broken Access Control\n**Status**: 🔴 **KRITISCH**\n\n"
            f"## {title}\n\n### 🔴 KRITISCH (Sofort)\n\n1. **Backend bauen**\n   - Endpunkt prüfen\n"
        )
        assert findings(text) == {5: (Severity.CRITICAL, U)}, title


def test_a_later_list_restating_ids_lends_its_status_and_goes() -> None:
    text = (
        "# Sprint audit\n\n## Findings\n\n### HIGH (3 total)\n\n#### HIGH-01: Logs print tokens\n\n**Status:** ✅ FIXED\n\n"
        "#### HIGH-02 to HIGH-03: AI features (DEFERRED)\n\n- HIGH-02: Weak key validation\n- HIGH-03: Prompt not sanitised\n\n"
        "## Deferred Items\n\n- HIGH-02: Key validation → Sprint 3\n- HIGH-03: Prompt injection → Future\n"
    )
    assert findings(text) == {7: (Severity.HIGH, F), 13: (Severity.HIGH, OPEN), 14: (Severity.HIGH, OPEN)}


def test_a_fix_heading_tagged_with_its_findings_priority_is_the_fix_not_a_finding() -> None:
    text = (
        "# Audit\n\n## Threats\n\n### [P0] Replay before login\n**Impact:** bypasses auth.\n\n"
        "## Mitigations\n\n### Fix [P0] Replay before login\n**Solution:** use a session id.\n"
    )
    assert findings(text) == {5: (Severity.CRITICAL, U)}


def test_pending_issue_tables_with_estimated_times_under_remediation_status_schedule_work() -> None:
    text = (
        "# Audit\n\n## Findings\n\n### 1. Open redirect after login\n**Severity:** Critical\n\n"
        "## Remediation Status\n\n### ⏳ Pending Critical Issues\n\n| Issue | Severity | File | Estimated Time |\n"
        "|---|---|---|---|\n| Open redirect | 🔴 Critical | login.php | 30 minutes |\n"
    )
    assert findings(text) == {5: (Severity.CRITICAL, U)}


def test_a_list_a_sentence_introduces_as_what_each_severity_means_is_a_legend() -> None:
    text = (
        "# Audit\n\n## Method\n\n**Severity** reflects the worst impact if exploited:\n"
        "- **Critical:** Data disclosure or a broken ledger guarantee\n- **High:** Security control bypass or privilege"
        " escalation\n- **Medium:** Defense-in-depth violation, chained attacks\n\n"
        "## Findings\n\n- **High:** Tokens never expire on logout\n- **Low:** Verbose errors in the API\n"
    )
    assert findings(text) == {12: (Severity.HIGH, U), 13: (Severity.LOW, U)}


def test_a_final_assessment_section_grades_the_report_not_a_finding() -> None:
    text = (
        "# Mobile audit\n\n## Findings\n\n### 1. Card data cached on device\n**Severity:** High\n\n"
        "## 🚨 Final Assessment\n\n**Overall Security Rating**: **6/10** (Fair)\n\n**Risk:** Critical until fixed\n"
    )
    assert findings(text) == {5: (Severity.HIGH, U)}


def test_a_security_posture_section_rates_the_whole_report() -> None:
    text = (
        "# Wallet audit\n\n## Findings\n\n### H-1: Seed kept in memory\n**Severity:** High\n\n"
        "## 🔒 Security Posture Assessment\n\n### Current Status: MODERATE RISK 🟡 (Improved from MODERATE-LOW)\n\n"
        "**Strengths:**\n- ✅ Rate limiting on the server\n"
    )
    assert findings(text) == {5: (Severity.HIGH, U)}


HIGH, MEDIUM = Severity.HIGH, Severity.MEDIUM


def test_an_area_heading_counting_its_graded_issues_grades_the_numbered_items_below_it() -> None:
    text = (
        "# Gateway audit\n\n## HIGH Issues (4) - 2 OPEN\n\n"
        "### 01-auth (2 HIGH) - ALL FIXED\n1. **Default signing key** - ✅ FIXED\n   - Rejected at boot\n"
        "2. **Missing HSTS** - ✅ FIXED\n   - Set in middleware\n\n"
        "### 07-tests (2 HIGH) - ❌ OPEN\n1. **No integration suite** - ❌ OPEN\n   - TODO: add one\n"
        "2. **No contract tests** - ❌ OPEN\n   - TODO: add them\n"
    )
    assert findings(text) == {6: (HIGH, F), 8: (HIGH, F), 12: (HIGH, OPEN), 14: (HIGH, OPEN)}


def test_a_grades_summary_with_state_subheadings_lists_that_grades_findings_when_nothing_else_does() -> None:
    text = (
        "# Audit\n\n## HIGH Issues\n\n### 1. Open redirect on login (HIGH)\n\nFixed in v2.\n\n"
        "## 🟡 MEDIUM Issues - Summary\n\n### FIXED\n- ✅ Cache keys ignore the tenant - tenant added\n"
        "- ✅ No version header - added\n\n### REMAINING (Low Priority)\n- ⚠️ Retry storm on upstream outage\n"
        "- ⚠️ Missing CORS tests\n\n## Remaining Work\n\n### Low Priority\n1. Wire the breaker into the proxy\n"
    )
    found = findings(text)
    assert {line: grade for line, (grade, _) in found.items()} == {
        5: HIGH,
        12: MEDIUM,
        13: MEDIUM,
        16: MEDIUM,
        17: MEDIUM,
    }
    assert [found[line][1] for line in (12, 13, 16, 17)] == [F, F, OPEN, OPEN]


def test_a_status_requiring_review_is_open_and_a_state_glossed_in_brackets_is_that_state() -> None:
    text = (
        "# Dependency scan\n\n### HIGH SEVERITY (3 - All Fixed ✅)\n\n#### V-1: Raw SQL in the ORM\n"
        "**Severity:** High\n\n**Fix Applied:** ✅\n\n**Status:** Documented (requires manual code review)\n\n"
        "#### V-2: Token algorithm confusion\n**Severity:** High\n\n**Status:** Requires code review and hardening\n\n"
        "#### V-3: Old ORM major version\n**Severity:** High\n\n"
        "**Status:** ℹ️ Accepted (works today, migration planned for a future release)\n\n"
        "#### V-4: Session fixation\n**Severity:** High\n\n**Status:** ✅ FIXED (partially)\n"
    )
    assert [status for _, status in findings(text).values()] == [OPEN, OPEN, A, OPEN]


def test_a_remediation_status_table_above_the_findings_closes_them_by_short_id() -> None:
    text = (
        "# Network review\n\n## Remediation status (applied 2026-03-02)\n\n| ID | Issue | Fix | Test |\n"
        "|---|---|---|---|\n| C1 | token overflow | bound the decode | ✅ |\n| H1 | source spoofing | source check | ✅ |\n\n"
        "## CRITICAL\n\n### C1. Stack overflow decoding a join token\n\nBug class: overflow.\n\n"
        "## HIGH\n\n### H1. Inner source address not checked\n\nA peer can impersonate another.\n\n"
        "### H2. Resolver accepts spoofed answers\n\nQuery ids are constant.\n"
    )
    assert [status for _, status in findings(text).values()] == [F, F, U]


def test_an_informational_check_whose_title_closes_with_pass_is_no_finding() -> None:
    text = (
        "# Audit\n\n### FINDING-001: Token logged at debug level\n**Severity:** Medium\n**Status:** Open\n\n"
        "### FINDING-002: No hardcoded secrets — PASS\n**Severity:** Info\n**Status:** ✅ Pass\n\n"
        "### FINDING-003: Key sent only in a header — PASS\n**Severity:** Info\n**Status:** ✅ Pass\n"
    )
    assert list(findings(text)) == [3]


def test_a_status_that_expects_a_patch_without_confirming_it_leaves_the_finding_open() -> None:
    text = (
        "# Dependency audit\n\n### 1. Cookie parser overflow\n\n**Severity:** HIGH\n\n"
        "**Current Status:** release 4.2 should already be patched; check the lock file.\n\n"
        "### 2. Template escape bypass\n\n**Severity:** HIGH\n\n**Status:** Patched in 4.3.\n"
    )
    assert [status for _, status in findings(text).values()] == [OPEN, F]


def test_a_tick_beside_affected_in_a_compliance_list_confirms_the_exposure_and_closes_nothing() -> None:
    text = (
        "# CLI audit\n\n### CRITICAL: Shell injection in the runner (CWE-78)\n\n**CVSS Score:** 9.6\n\n"
        "### HIGH: Unchecked output path (CWE-22)\n\n**CVSS Score:** 7.7\n\n## Compliance Impact\n\n"
        "- CWE-78: OS Command Injection ✅ Affected\n- CWE-22: Path Traversal ✅ Affected\n"
    )
    assert [status for _, status in findings(text).values()] == [OPEN, OPEN]


def test_noted_in_a_status_column_is_a_finding_seen_and_not_yet_fixed() -> None:
    text = (
        "# Review\n\n### HIGH issues (All Fixed)\n\n| ID | Issue | Status |\n|---|---|---|\n"
        "| H-01 | Token never expires | Fixed |\n| H-02 | No CSRF token on forms | Noted |\n"
    )
    assert [status for _, status in findings(text).values()] == [F, OPEN]


def test_status_fields_keyed_in_korean_japanese_and_russian_give_the_status() -> None:
    for key in ("상태", "ステータス", "Состояние"):
        text = (
            f"# Review\n\n### 🔴 1: Session id in the URL\n\n**{key}**: ✅ done\n\n"
            "### 🔴 2: Admin route unauthenticated\n\nNo status given.\n"
        )
        assert [status for _, status in findings(text).values()] == [F, U], key


def test_full_width_bracketed_grades_and_a_chinese_fix_roadmap_that_restates_them() -> None:
    text = (
        "# 安全审计报告\n\n## 详细漏洞分析\n\n### 1. 命令注入（CRITICAL）\n\n**问题描述**: 参数直接拼接。\n\n"
        "### 2. 会话固定（MEDIUM）\n\n**问题描述**: 登录后未更换会话。\n\n## 优先级修复路线\n\n### P0 - 立即修复\n"
        "1. **命令注入** - 改用参数数组\n\n### P2 - 中优先级\n2. **会话固定** - 登录后重新生成会话\n"
    )
    assert findings(text) == {5: (Severity.CRITICAL, U), 9: (MEDIUM, U)}


def test_a_summary_row_whose_status_column_says_pass_is_a_check_that_found_nothing() -> None:
    text = (
        "# OWASP review\n\n## Summary Table\n\n| Vulnerability | Status | Risk | Status |\n|---|---|---|---|\n"
        "| A01 - Broken Access Control | PASS | LOW | ✓ Secure |\n| A03 - Injection | PASS | LOW | ✓ Secure |\n"
        "| A07 - Authentication Failures | PARTIAL | MEDIUM | ⚠ Review Needed |\n"
    )
    assert findings(text) == {9: (MEDIUM, OPEN)}


def test_a_priority_heading_over_actions_to_formalize_deploy_or_conduct_is_a_plan_step() -> None:
    text = (
        "# Review\n\n### HIGH: Session never expires\n\n**Status:** Fixed\n\n## Critical Action Items (Priority)\n\n"
        "### Immediate (Before Launch)\n1. Formalize the outbound URL allowlist\n2. Deploy alerting on failed logins\n"
        "3. Conduct a threat-modelling session\n"
    )
    assert findings(text) == {3: (HIGH, F)}


def test_a_portuguese_section_of_findings_found_and_fixed_closes_them_and_plural_medias_grades() -> None:
    text = (
        "# Relatório de testes de intrusão\n\n## 2. Vulnerabilidades Encontradas e Corrigidas\n\n"
        "### 🔴 Críticas (Critical)\n\n#### 1. Salários visíveis a todos\n- **Descrição:** a API devolve o salário.\n\n"
        "### 🟡 Médias (Medium)\n\n#### 2. Fórmulas na exportação CSV\n- **Descrição:** texto tratado como fórmula.\n"
    )
    assert findings(text) == {7: (Severity.CRITICAL, F), 12: (MEDIUM, F)}


def test_a_section_that_says_its_findings_are_not_fixed_leaves_them_open() -> None:
    text = (
        "# Auditoria\n\n## Vulnerabilidades não corrigidas\n\n### 1. Senha fraca aceita (HIGH)\n\n"
        "A senha de 4 caracteres é aceita.\n"
    )
    assert findings(text) == {5: (HIGH, OPEN)}


def test_a_foreign_grade_heading_may_say_after_a_dash_that_its_group_is_fixed() -> None:
    text = (
        "# Auditoría\n\n## HALLAZGOS\n\n### CRÍTICAS (2) - ✅ TODAS CORREGIDAS\n\n"
        "1. **INYECCIÓN DE ÓRDENES** - ✅ CORREGIDA\n   - Archivo: run.py\n\n"
        "2. **CLAVES EN TEXTO PLANO** - ✅ CORREGIDA\n   - Archivo: keys.py\n"
    )
    assert findings(text) == {7: (Severity.CRITICAL, F), 10: (Severity.CRITICAL, F)}


def test_a_status_line_outranks_ticked_fix_items_above_it() -> None:
    text = (
        "# Audit\n\n## Critical issues\n\n### 3. Verbose logging (HIGH)\n\n**Fix Applied:**\n"
        "- ✅ Added a logger that drops secrets\n- ✅ Fixed the login route\n\n"
        "**Status:** 🟡 **IN PROGRESS** - login route fixed, 40 routes left\n"
    )
    assert findings(text) == {5: (HIGH, OPEN)}


def test_graded_package_items_are_parts_and_the_status_line_after_them_is_the_headings() -> None:
    text = (
        "# Audit\n\n## Critical issues\n\n### 1. Vulnerable packages (CRITICAL)\n\n**Found:** advisories in two packages\n"
        "- **framework 1.2.3**: Critical vulnerabilities (SSRF, DoS)\n"
        "- **jwt-lib 4.0.0+**: High severity (signature checks)\n"
        "- **yaml-parser 2.0.0**: Moderate severity (prototype pollution)\n\n**Fix:**\n```bash\nnpm audit fix\n```\n\n"
        "**Status:** ✅ **FIXED** - all upgraded\n\n---\n\n### 2. Test routes in production (HIGH)\n\n**Status:** Open\n"
    )
    assert findings(text) == {5: (Severity.CRITICAL, F), 21: (HIGH, OPEN)}


def test_an_area_heading_whose_status_line_praises_it_is_no_finding() -> None:
    text = (
        "# Audit\n\n## 🔴 Critical issues\n\n### 1. Open admin route (CRITICAL)\n\n**Status:** Open\n\n"
        "### 2. Environment variables\n\n**Status:** ✅ **GOOD**\n- `.env` is ignored by git\n\n"
        "### 3. Database rules\n\n**Status:** ✅ **COMPREHENSIVE**\n"
    )
    assert findings(text) == {5: (Severity.CRITICAL, OPEN)}


def test_two_tables_numbering_their_rows_from_one_share_no_finding_by_number() -> None:
    text = (
        "# Audit\n\n## Summary of fixes applied\n\n| # | Issue | Severity | Status |\n|---|---|---|---|\n"
        "| 1 | Session cookie lacks the Secure flag | Critical | Fixed |\n"
        "| 2 | Upload type checked by extension only | High | Fixed |\n\n## Still pending\n\n"
        "| # | Issue | Severity | Notes |\n|---|---|---|---|\n| 1 | No rate limit on the login form | High | needs Redis |\n"
        "| 2 | No audit log for admin actions | Medium | needs a table |\n"
    )
    assert findings(text) == {7: (Severity.CRITICAL, F), 8: (HIGH, F), 14: (HIGH, OPEN), 15: (MEDIUM, OPEN)}


def test_numbered_grade_headings_grade_the_id_tables_below_them() -> None:
    text = (
        "# Audit\n\n## 6. Findings summary\n\n### 6.3 Medium Priority\n\n| ID | Finding | Location |\n|---|---|---|\n"
        "| SEC-009 | Missing CSP header | vercel.json |\n| SEC-010 | Weak password policy | auth |\n\n"
        "### 6.4 Low Priority\n\n| ID | Finding | Location |\n|---|---|---|\n| SEC-013 | Deprecated XSS header | vercel.json |\n"
    )
    assert findings(text) == {9: (MEDIUM, U), 10: (MEDIUM, U), 16: (Severity.LOW, U)}


def test_a_summary_table_listing_the_findings_in_order_gives_their_statuses_however_worded() -> None:
    text = (
        "# Infrastructure audit\n\n## Findings summary\n\n| Issue | Severity | Status |\n|---|---|---|\n"
        "| Empty default database passwords | CRITICAL | ALREADY FIXED |\n| Wildcard IAM actions | HIGH | FIXED |\n"
        "| No customer keys | MEDIUM | FIXED |\n\n## Detailed findings\n\n### 1. Database credentials (CRITICAL)\n\n"
        "**Initial Assessment**: already compliant\n\n### 2. IAM policies (HIGH)\n\n**Risk**: too broad\n\n"
        "### 3. Key management (MEDIUM)\n\n**Risk**: AWS-owned keys only\n"
    )
    assert findings(text) == {13: (Severity.CRITICAL, F), 17: (HIGH, F), 21: (MEDIUM, F)}


def test_accepted_after_what_was_accepted_describes_the_flaw_and_closes_nothing() -> None:
    text = (
        "# Audit\n\n### F-3: Expired tokens accepted (HIGH)\n\nThe API takes tokens past their expiry.\n\n"
        "### F-4: Debug banner (LOW) — Risk Accepted\n\nShown in staging only.\n\n"
        "### F-5: Verbose errors (LOW) — Accepted\n\nKept for support.\n\n"
        "### F-6: Null bytes in names accepted — MEDIUM ⚠️ KNOWN GAP\n\n**Status:** KNOWN GAP — a failing test marks it.\n"
    )
    assert findings(text) == {3: (HIGH, U), 7: (Severity.LOW, A), 11: (Severity.LOW, A), 15: (MEDIUM, OPEN)}


def test_an_id_heading_without_a_grade_is_graded_by_its_row_in_a_summary_table_below() -> None:
    text = (
        "# Audit\n\n## Fixes applied\n\n### FIX-1: Production key guard — APPLIED ✓\n\nThe server refuses a test key.\n\n"
        "### SEC-6: Stack traces in errors — HIGH\n\n**Status:** Open\n\n## Summary Table\n\n"
        "| ID | Severity | Status | Description |\n|---|---|---|---|\n| SEC-6 | HIGH | Open | Stack traces in errors |\n"
        "| FIX-1 | HIGH | ✓ Fixed | Production key guard applied |\n"
    )
    assert findings(text) == {5: (HIGH, F), 9: (HIGH, OPEN)}


def test_an_update_saying_which_ids_were_fixed_closes_them_but_not_a_part_of_one() -> None:
    text = (
        "# Re-audit\n\n> **Remediation update:** SEC-R001, SEC-R003 and the new-upload part of SEC-R002 were fixed "
        "after this audit.\n\n## Findings\n\n### SEC-R001 — Unverified email can take an invite\n\n**Severity:** Critical\n\n"
        "### SEC-R002 — Proof links never expire\n\n**Severity:** High\n\n### SEC-R003 — Invite race\n\n**Severity:** Medium\n"
    )
    assert findings(text) == {7: (Severity.CRITICAL, F), 11: (HIGH, U), 15: (MEDIUM, F)}
    portuguese = text.replace("Remediation update", "Atualização").replace(
        " and the new-upload part of", " e parte de"
    )
    portuguese = portuguese.replace("were fixed after this audit", "foram corrigidos após esta auditoria")
    assert findings(portuguese) == findings(text)


def test_a_findings_table_row_whose_status_says_good_is_a_check_that_found_nothing() -> None:
    text = (
        "# Review\n\n## Findings\n\n| ID | Area | Severity | Status | Summary |\n|---|---|---|---|---|\n"
        "| F-01 | Sessions | HIGH | Vulnerable | Session files are world-readable |\n"
        "| F-09 | Config files | LOW | Good | Written with mode 0600 |\n"
    )
    assert findings(text) == {7: (HIGH, U)}


def test_a_german_report_coding_low_findings_n_is_graded_by_its_niedrig_heading() -> None:
    text = (
        "# Sicherheitsprüfung\n\n## KRITISCH\n\n### K-1 · Passwort im Klartext\n\nText.\n\n### K-2 · Offene Admin-Route\n\n"
        "Text.\n\n## HOCH\n\n### H-1 · Kein Rate-Limit\n\nText.\n\n### H-2 · CSRF-Schutz fehlt\n\nText.\n\n"
        "## MITTEL\n\n### M-1 · Zu lange Sitzungen\n\nText.\n\n### M-2 · Fehlende CSP\n\nText.\n\n"
        "## NIEDRIG\n\n### N-1 · Logout löscht nur Cookies\n\nText.\n\n### N-2 · Keine API-Versionierung\n\nText.\n"
    )
    grades = [severity for severity, _ in findings(text).values()]
    assert grades == [Severity.CRITICAL] * 2 + [HIGH] * 2 + [MEDIUM] * 2 + [Severity.LOW] * 2


def test_weaknesses_listed_in_a_rating_after_the_findings_by_id_restate_them() -> None:
    text = (
        "# Android audit\n\n## Findings\n\n### C-1: No server-side receipt check\n\n**Severity:** Critical\n\n"
        "### H-1: Cleartext traffic allowed\n\n**Severity:** High\n\n## Overall Rating\n\n### Rating: B (Good)\n\n"
        "**Strengths:**\n- Encrypted preferences\n\n**Weaknesses:**\n- Receipts verified on the device only (Critical)\n"
        "- Cleartext traffic permitted (High)\n"
    )
    assert findings(text) == {5: (Severity.CRITICAL, U), 9: (HIGH, U)}
    without_ids = text.replace("C-1: ", "").replace("H-1: ", "")
    assert len(findings(without_ids)) == 4  # with nothing listed by id, the weaknesses may be the findings


def test_an_owasp_category_rated_by_status_and_risk_level_sub_headings_is_a_finding_unless_secure() -> None:
    text = (
        "# Security Review\n\n## A01: Broken Access Control\n\n### Status: ⚠️ Partially addressed\n\n"
        "### Risk Level: HIGH\n\nAdmin routes check the session but not the role.\n\n## A02: Cryptographic Failures\n\n"
        "### Status: ✅ Secure\n\n### Risk Level: LOW\n\nPasswords use bcrypt.\n\n## A03: Injection\n\n"
        "### Status: ❌ Vulnerable\n\n### Risk Level: CRITICAL\n\nThe search builds SQL from strings.\n"
    )
    assert findings(text) == {3: (HIGH, OPEN), 19: (Severity.CRITICAL, U)}


def test_a_risk_level_heading_under_a_risk_assessment_still_rates_the_report_not_a_finding() -> None:
    text = "# Review\n\n## Risk Assessment\n\n### Risk Level: 🟡 HIGH\n\nThe service is exposed to the internet.\n"
    assert findings(text) == {}


def test_metric_lines_counting_critical_and_high_vulnerabilities_state_them_open_unless_said_fixed() -> None:
    metrics = (
        "# Scan summary\n\n## Security Metrics\n\n- Critical vulnerabilities: 2\n- High vulnerabilities: 3\n"
        "- Medium vulnerabilities: 5\n\n## Next steps\n\nUpgrade the base image.\n"
    )
    assert _stated(metrics) == 5
    assert _stated(metrics.replace("## Security Metrics", "## Fixed in this release")) == 0
    assert (
        _stated(
            metrics.replace("vulnerabilities: 2", "vulnerabilities: 2 (both patched)").replace(
                "High vulnerabilities: 3", "High vulnerabilities: 0"
            )
        )
        == 0
    )


def test_a_fixes_applied_table_naming_numbered_findings_by_short_names_closes_them() -> None:
    text = (
        "# Security audit\n\n## Findings\n\n### 1. API endpoints have no authentication (HIGH)\n\nAnyone can call it.\n\n"
        "### 2. Secrets logged at startup (MEDIUM)\n\nThe loader prints the database URL.\n\n## Fixes applied\n\n"
        "| # | Issue | Fix | Severity |\n|---|---|---|---|\n| 1 | No API auth | Added API key middleware | HIGH |\n"
        "| 2 | Secrets in logs | Masked the URL | MEDIUM |\n"
    )
    assert findings(text) == {5: (HIGH, F), 9: (MEDIUM, F)}
    regraded = text.replace("| Masked the URL | MEDIUM |", "| Masked the URL | LOW |")
    assert findings(regraded)[9] == (MEDIUM, U)  # a row grading otherwise names another issue


def test_a_status_that_says_the_flaw_was_audited_and_documented_leaves_it_open() -> None:
    text = (
        "# Review\n\n### 2.2 Database rules review (HIGH)\n**Status:** ✅ AUDITED & DOCUMENTED\n\n"
        "Anyone can create admin notifications.\n\n### 2.3 Storage rules (HIGH)\n**Status:** ✅ Reviewed and fixed\n"
    )
    assert findings(text) == {3: (HIGH, OPEN), 8: (HIGH, F)}


def test_a_french_moyen_heading_grades_the_findings_under_it() -> None:
    text = (
        "# Audit\n\n## 🟠 ÉLEVÉ\n\n### [SEC-1] ⚠️ OUVERT — Injection CSS via le thème\n\nTexte.\n\n## 🟡 MOYEN\n\n"
        "### [SEC-2] ⚠️ OUVERT — Pas de vérification de l'e-mail\n\nTexte.\n"
    )
    assert [severity for severity, _ in findings(text).values()] == [HIGH, MEDIUM]


def test_an_owasp_category_whose_risk_level_heading_comes_after_its_evidence_is_still_rated_by_it() -> None:
    text = (
        "# OWASP audit\n\n## A04:2021 - Insecure Design\n\n### Status: PARTIAL\n\n### Evidence\n\n"
        "- Mock authentication still wired in production builds\n\n### Risk Level: **MEDIUM**\n\n"
        "## A05:2021 - Security Misconfiguration\n\n### Status: PASS\n\n### Evidence\n\n- Headers set\n\n"
        "### Risk Level: **LOW**\n"
    )
    assert findings(text) == {3: (MEDIUM, OPEN)}
