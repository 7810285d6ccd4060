"""Audits exported from other tools (HTML left in the Markdown) and audits whose statuses drift later on."""

from __future__ import annotations

from rte.docs.markdown import parse
from rte.model import Severity
from tests.docread import OPEN, A, F, M, U, findings


def test_html_table_rows_are_read_at_their_own_lines() -> None:
    text = (
        "# Audit\n\n## Findings\n\n<table>\n<tr><th>Key</th><th>Problem</th><th>Rating</th><th>State</th></tr>\n"
        "<tr><td>QX-1</td><td>Upload takes any <code>type</code><br/>even HTML</td><td>High</td>"
        "<td>Open</td></tr>\n"
        "<tr><td>QX-2</td><td>Weak session id</td><td>Low</td><td>Done<br>in 2.1</td></tr>\n</table>\n"
    )
    assert findings(text) == {7: (Severity.HIGH, OPEN), 8: (Severity.LOW, F)}


def test_html_headings_paragraphs_and_summaries_become_blocks() -> None:
    blocks = parse("<h2>Issues</h2>\n\n<details>\n<summary><strong>ZZ-9 · Title</strong> — Low</summary>\n")
    assert [(b.kind, b.text, b.line) for b in blocks] == [
        ("heading", "Issues", 1),
        ("paragraph", "ZZ-9 · Title — Low", 4),
    ]
    assert blocks[1].lead == "ZZ-9 · Title"


def test_toggles_html_findings_and_br_joined_fields() -> None:
    text = (
        "# Audit\n\n## Findings\n\n<details>\n<summary><strong>KP-1 · Replayable reset link</strong> — High"
        "</summary>\n\n**Status:** Open\n\n</details>\n\n"
        "### KP-2 · Logs keep card numbers\n**Severity:** Medium<br>**Status:** Mitigated<br>**Notes:** masked\n\n"
        "<h3>KP-3 · No rate limit</h3>\n<p><strong>Severity:</strong> Low<br><strong>Status:</strong> Fixed</p>\n"
    )
    assert findings(text) == {
        6: (Severity.HIGH, OPEN),
        12: (Severity.MEDIUM, M),
        15: (Severity.LOW, F),
    }


def test_a_coloured_span_severity_before_the_status_field() -> None:
    text = (
        "# Audit\n\n## Findings\n\n### 2.1 Cart total can be edited\n"
        '**<span style="color:red">Critical</span>** · Status: Open\n'
    )
    assert findings(text) == {5: (Severity.CRITICAL, OPEN)}


def test_blank_cells_of_a_merged_sheet_repeat_the_severity_above() -> None:
    text = (
        "# Tracker\n\n| Area | ID | Issue | Severity | Status |\n|---|---|---|---|---|\n"
        "| API | AB-01 | Keys never rotate | High | Open |\n"
        "|  | AB-02 | Debug route exposed |  | Fixed |\n"
    )
    assert findings(text) == {5: (Severity.HIGH, OPEN), 6: (Severity.HIGH, F)}


def test_a_legend_word_in_a_nested_priority_field() -> None:
    text = (
        "# Export\n\nPriority maps to severity: Blocker = Critical, Major = High, Minor = Low.\n\n"
        "* QA-7 Passwords emailed in clear\n  + Priority: Blocker\n  + Status: Todo\n"
    )
    assert findings(text) == {5: (Severity.CRITICAL, OPEN)}


def test_struck_values_yield_to_the_text_after_them() -> None:
    text = (
        "# Audit\n\n## Findings\n\n### Z-1 Token in URL\n**Severity:** ~~Critical~~ Medium\n"
        "**Status:** ~~Open~~ → Fixed 2025-01-02\n\n### Z-2 Old TLS\n**Severity:** High\n"
        "**Status:** ~~Fixed~~ → Reopened: the config was reverted\n"
    )
    assert findings(text) == {5: (Severity.MEDIUM, F), 9: (Severity.HIGH, OPEN)}


def test_a_changelog_gives_numbered_items_their_latest_status() -> None:
    text = (
        "# Audit\n\n## Findings\n\n1. **Firmware unsigned** — Critical.\n2. **Anonymous MQTT topic** — High.\n"
        "3. **Plain-text Wi-Fi keys** — Medium.\n\n## Changelog\n\n- Jan: item 1 fixed in 2.0\n"
        "- Feb: item 2 mitigated: ACL added\n- Mar: item 1 reopened after rollback\n"
        "- Apr: item 3 accepted for this hardware\n"
    )
    assert findings(text) == {5: (Severity.CRITICAL, OPEN), 6: (Severity.HIGH, M), 7: (Severity.MEDIUM, A)}


def test_a_retest_table_gives_numbered_sections_their_status() -> None:
    text = (
        "# Pentest\n\n## 3. Findings\n\n### 3.1 IDOR on invoices\n\nRisk: High\n\n"
        "### 3.2 Reflected XSS\n\nRisk: Medium\n\n## 4. Retest\n\n| Ref | Result |\n|---|---|\n"
        "| 3.1 | Resolved |\n| 3.2 | Not resolved |\n"
    )
    assert findings(text) == {5: (Severity.HIGH, F), 9: (Severity.MEDIUM, OPEN)}


def test_risk_bands_grade_bare_scores_and_implemented_mitigations_mitigate() -> None:
    text = (
        "# Threat model\n\nBands: 1–5 Low · 6–11 Medium · 12–25 High.\n\n"
        "| ID | Threat | Risk | Mitigation status |\n|---|---|---|---|\n"
        "| T1 | Key theft | 15 | Implemented |\n| T2 | Replay | 8 | Planned |\n"
    )
    assert findings(text) == {7: (Severity.HIGH, M), 8: (Severity.MEDIUM, OPEN)}


def test_flagged_check_rows_and_a_remediation_list_naming_them() -> None:
    text = (
        "# Policy review\n\n| Table | Check | Notes |\n|---|---|---|\n| users | ✅ Secure | |\n"
        "| orders | ❌ Vulnerable (High) | any row readable |\n| files | ⚠️ Needs review (Low) | |\n\n"
        "## Remediation\n\n- orders: owner-only select policy → **fixed**\n- files: later\n"
    )
    assert findings(text) == {6: (Severity.HIGH, F), 7: (Severity.LOW, U)}


def test_a_closing_sentence_stating_the_state() -> None:
    text = (
        "# Audit\n\n### Medium\n\n- **Embeds can be framed** — the flag is off by default, so this is "
        "mitigated for now.\n"
    )
    assert findings(text) == {5: (Severity.MEDIUM, M)}


def test_a_state_legend_and_a_wont_do_resolution() -> None:
    text = (
        "# Audit\n\nState: ✔ fixed, ✖ open, ~ accepted.\n\n| ID | Sev | Finding | State |\n|---|---|---|---|\n"
        "| KL-1 | High | Shared admin account | ~ |\n\n## Tracker\n\n"
        "| Key | Summary | Priority | Status | Resolution |\n|---|---|---|---|---|\n"
        "| KL-2 | Verbose errors | Medium | Closed | Won't Do |\n| KL-3 | Weak TLS | High | Closed | Done |\n"
    )
    assert findings(text) == {7: (Severity.HIGH, A), 13: (Severity.MEDIUM, A), 14: (Severity.HIGH, F)}


def test_hash_numbers_in_a_later_update_close_numbered_items() -> None:
    text = (
        "# Review\n\n## Findings\n\n1. **Amount trusted from the client** — High.\n"
        "2. **Callback accepts GET** — Low.\n\nUpdate: #2 done (POST only). #1 in progress, PR #5521.\n"
    )
    assert findings(text) == {5: (Severity.HIGH, OPEN), 6: (Severity.LOW, F)}


def test_a_dependency_row_whose_note_reaches_the_fixed_version() -> None:
    text = (
        "# Scan\n\n| Package | Advisory | Severity | Fixed in | Triage |\n|---|---|---|---|---|\n"
        "| cookie-jar | CVE-1 | critical | 4.1.3 | Pinned via overrides, now 4.1.3 |\n"
        "| xml-lib | CVE-2 | high | 0.5.0 | Blocked by sdk 0.4.1 |\n"
    )
    assert findings(text) == {5: (Severity.CRITICAL, F), 6: (Severity.HIGH, OPEN)}


def test_word_tables_with_a_bold_first_row_and_plain_toggle_titles() -> None:
    text = (
        "# Audit\n\n## Findings\n\n<table>\n<tr><td><strong>ID</strong></td><td><b>Issue</b></td>"
        "<td><strong>Severity</strong></td><td><strong>Status</strong></td></tr>\n"
        "<tr><td>WX-3</td><td>Weak hash</td><td>Medium</td><td>Open</td></tr>\n</table>\n\n"
        "<details>\n<summary>WX-4: Token in referrer (Critical)</summary>\n\nStatus: Fixed\n\n</details>\n"
    )
    assert findings(text) == {7: (Severity.MEDIUM, OPEN), 11: (Severity.CRITICAL, F)}


def test_a_second_html_table_does_not_inherit_the_first_ones_header() -> None:
    blocks = parse(
        "<table><tr><th>ID</th><th>Severity</th></tr>\n<tr><td>A-1</td><td>High</td></tr></table>\n\n"
        "<table>\n<tr><td>x</td><td>y</td></tr>\n</table>\n"
    )
    rows = [b for b in blocks if b.kind == "row"]
    assert [(r.header, r.line) for r in rows] == [(("ID", "Severity"), 2), ((), 5)]
    assert rows[0].table != rows[1].table


def test_table_cells_edited_in_place() -> None:
    text = (
        "# Audit\n\n| ID | Finding | Severity | Status |\n|---|---|---|---|\n"
        "| E-1 | Token reuse | ~~Critical~~ High | ~~Open~~ → Fixed 2025-02-01 |\n"
        "| E-2 | ~~Old cipher~~ | Low | Open |\n| E-3 | Weak PIN | Medium | ~~Open~~ |\n"
    )
    assert findings(text) == {5: (Severity.HIGH, F), 6: (Severity.LOW, OPEN), 7: (Severity.MEDIUM, OPEN)}


def test_a_changelog_by_id_overrides_the_listed_status_latest_last() -> None:
    text = (
        "# Audit\n\n## Findings\n\n| ID | Finding | Severity | Status |\n|---|---|---|---|\n"
        "| F-1 | Token reuse | High | Open |\n| F-2 | Open bucket | Critical | Open |\n\n## Changelog\n\n"
        "- 2025-01-02: F-1 fixed in 1.2\n- 2025-01-05: F-2 mitigated by a deny policy\n- 2025-01-09: F-1 reopened\n"
    )
    assert findings(text) == {7: (Severity.HIGH, OPEN), 8: (Severity.CRITICAL, M)}


def test_threat_headings_with_a_banded_score_and_a_mitigation_status() -> None:
    text = (
        "# TM\n\nRisk bands: 1-4 Low, 5-9 Medium, 10-16 High, 17-25 Critical.\n\n## Threats\n\n"
        "### T1 Key theft\n\nRisk: 12\nMitigation status: Implemented\n\n"
        "### T2 Replay\n\nRisk: 20\nMitigation status: Planned\n"
    )
    assert findings(text) == {7: (Severity.HIGH, M), 12: (Severity.CRITICAL, OPEN)}
