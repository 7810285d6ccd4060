"""Audits in layouts of the ninth round: code blocks (YAML, diff), boards, interviews, vendor responses."""

from __future__ import annotations

from rte.model import Severity
from tests.docread import OPEN, A, F, M, U, findings


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


def test_board_columns_give_the_state_of_their_cards() -> None:
    text = (
        "# Board\n\n## Backlog\n\n- [sev:high] QB-1 Keys never rotate (@ana)\n\n## ✅ Done\n\n"
        "- [sev:low] QB-2 Server header shows version\n\n## Won't do\n\n- [sev:medium] QB-3 Room count shown\n"
    )
    assert findings(text) == {5: (Severity.HIGH, OPEN), 9: (Severity.LOW, F), 13: (Severity.MEDIUM, A)}


def test_portuguese_headings_with_bilingual_field_keys() -> None:
    text = (
        "# Auditoria\n\n### Achado 1 — Chave exposta\n\n- **Severidade / Severity:** Alta (High)\n"
        "- **Situação / Status:** Aberto\n\n### Achado 2 — Sessão não expira\n\n- **Severidade:** Média\n"
        "- **Situação:** Mitigado — timeout no proxy\n"
    )
    assert findings(text) == {3: (Severity.HIGH, OPEN), 8: (Severity.MEDIUM, M)}


def test_findings_recorded_inside_interview_answers() -> None:
    text = (
        "# Review notes\n\n**Q1. Are tokens hashed?**\n\nA: Yes; nothing to report.\n\n**Q2. Exports?**\n\n"
        "A: The export took the tenant from the query.\n→ Finding QI-1 — High — Cross-tenant export.\n"
        "Follow-up: fixed in 3.2.1.\n\nA: Impersonation has no approval.\n→ Finding QI-2 — High — Impersonation.\n"
        "Follow-up: now needs a ticket. The reviewer considers this mitigated, not fixed.\n"
    )
    assert findings(text) == {10: (Severity.HIGH, F), 14: (Severity.HIGH, M)}


def test_vendor_issue_response_table_grades_in_the_issue_cell() -> None:
    text = (
        "# Vendor response\n\n| Issue (tester's rating) | Our response |\n|---|---|\n"
        "| VR-01 (High) Reset tokens never expire | Fixed in 11.4.0. |\n"
        "| VR-02 (High) Stored XSS in labels | We are working on a fix, planned for 11.5. |\n"
        "| VR-03 (Low) Clickjacking on quotes | We accept this risk. |\n"
    )
    assert findings(text) == {5: (Severity.HIGH, F), 6: (Severity.HIGH, OPEN), 7: (Severity.LOW, A)}


def test_bounty_triage_skips_duplicates_and_reads_triage_states() -> None:
    text = (
        "# Bounty\n\n| Report | Summary | Severity (CVSS 3.1) | Triage | Bounty |\n|---|---|---|---|---|\n"
        "| #11 | Over-refund | High (8.1) | Resolved | $2,500 |\n| #12 | Payout change | High (7.6) | Triaged | pending |\n"
        "| #13 | Same over-refund by CSV | High (8.1) | Duplicate | $0 |\n| #14 | Banner | Low (3.1) | Informative | $50 |\n"
    )
    assert findings(text) == {5: (Severity.HIGH, F), 6: (Severity.HIGH, OPEN), 8: (Severity.LOW, A)}


def test_statuses_carried_by_footnotes() -> None:
    text = (
        "# Audit\n\n## Findings\n\n1. **Critical** — Export reachable by any manager role.[^1]\n"
        "2. **High** — Bank numbers stored unencrypted in the cache.[^2]\n"
        "3. **Low** — Filenames include internal cost codes.\n\n[^1]: Fixed in release 2025.03.1.\n"
        "[^2]: Mitigated: the cache is purged every 15 minutes.\n"
    )
    assert findings(text) == {5: (Severity.CRITICAL, F), 6: (Severity.HIGH, M), 7: (Severity.LOW, U)}


def test_bold_grade_tallies_are_not_findings() -> None:
    assert findings("# Scan\n\n### Findings by Severity\n\n- 🔴 **Critical**: 0\n- 🟠 **High**: 0\n") == {}


def test_checklist_fail_rows_take_the_follow_up_column_as_status() -> None:
    text = (
        "# ASVS\n\n| Req | Requirement | L1 | Result | Risk | Follow-up |\n|---|---|---|---|---|---|\n"
        "| 2.1.1 | Long passwords | ● | Pass | – | – |\n| 2.2.1 | Login anti-automation | ● | Fail | Medium | "
        "Rate limit shipped, verified |\n| 3.3.1 | Logout kills session | ● | Fail | High | Open |\n"
        "| 10.3.2 | Update integrity | ○ | Fail | Low | L3 only; not in target — no action |\n"
    )
    assert findings(text) == {6: (Severity.MEDIUM, F), 7: (Severity.HIGH, OPEN), 8: (Severity.LOW, A)}
