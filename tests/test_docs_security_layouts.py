"""Audit layouts read by general rules: bold leads, legends, pasted scanner output, re-test rounds."""

from __future__ import annotations

from rte.model import FindingStatus, Severity
from tests.docread import findings


def test_bold_lead_with_grade_after_it_and_status_in_a_quote() -> None:
    text = (
        "# Audit\n\n## Findings\n\n"
        "**[AB-1]** 🔴 High — Tokens leak into logs\n\n> **Status:** ✅ Mitigated\n\n"
        "1. **Cache is shared** (Medium) - keys collide across tenants.\n"
    )
    assert findings(text) == {
        5: (Severity.HIGH, FindingStatus.MITIGATED),
        9: (Severity.MEDIUM, FindingStatus.UNKNOWN),
    }


def test_the_documents_own_legend_grades_labels_and_numbers() -> None:
    text = (
        "# Review\n\nConvention: Must = must fix (counts as high), Could = low.\n\n"
        "**Must:** the reset token never expires.\n> fixed in 1a2b3c\n\n"
        "**Could:** trim the log line.\n"
    )
    assert findings(text) == {
        5: (Severity.HIGH, FindingStatus.FIXED),
        8: (Severity.LOW, FindingStatus.UNKNOWN),
    }


def test_scanner_output_in_a_code_block_with_statuses_from_a_later_triage_list() -> None:
    text = (
        "# Scan\n\n```\n"
        ">> Issue: [B999:thing] Something unsafe.\n   Severity: High   Confidence: Low\n"
        "[/a/b.go:3] - G777 (CWE-1): Another thing (Confidence: HIGH, Severity: MEDIUM)\n"
        "```\n\nTriage:\n\n- B999: switched to the safe call. Fixed in abc123.\n- G777: not looked at yet.\n"
    )
    assert findings(text) == {
        4: (Severity.HIGH, FindingStatus.FIXED),
        6: (Severity.MEDIUM, FindingStatus.UNKNOWN),
    }


def test_retest_table_takes_the_latest_round_and_a_leading_status_decides() -> None:
    text = (
        "# Re-audit\n\n## Previous findings\n\n| ID | Issue | Severity | Round 1 | Round 2 |\n|--|--|--|--|--|\n"
        "| Q-1 | Open bucket | High | ❌ Open | ✅ Mitigated (signing pending) |\n"
        "| Q-2 | Weak hash | High | ❌ Open | ❌ Still open |\n"
    )
    assert findings(text) == {
        7: (Severity.HIGH, FindingStatus.MITIGATED),
        8: (Severity.HIGH, FindingStatus.OPEN),
    }


def test_section_titles_give_status_and_plain_tallies_are_not_findings() -> None:
    text = (
        "# Audit\n\n## Open issues\n\n- Payout target changes without re-auth (high)\n\n"
        "## Closed issues\n\n- Amounts computed client-side (critical)\n\n"
        "## Counts\n\n- 0-7 days: 3 findings (high)\n"
    )
    assert findings(text) == {
        5: (Severity.HIGH, FindingStatus.OPEN),
        9: (Severity.CRITICAL, FindingStatus.FIXED),
    }
