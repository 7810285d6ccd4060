"""Waivers from the config file applied to findings."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from rte.evidence.sarif import parse_sarif
from rte.evidence.waivers import apply_waivers, unused_waivers, waiver_note
from rte.model import Finding, FindingStatus, Location, Severity, Waiver

FIXTURES = Path(__file__).parent / "fixtures" / "evidence"
TODAY = dt.date(2026, 3, 1)


def sqli() -> Finding:
    found = parse_sarif((FIXTURES / "sarif" / "codeql.sarif").read_bytes(), "codeql.sarif")
    (finding,) = [f for f in found if f.id == "js/sql-injection"]
    return finding


def waiver(expires: str = "2026-06-30", **match: str) -> Waiver:
    return Waiver(
        reason="parameterised in #812",
        approved_by="@org/security",
        expires=expires,
        location=Location(".github/rte.yml", 4),
        **match,
    )  # type: ignore[arg-type]


def test_sarif_high_blocks_until_a_valid_waiver_by_rule_id() -> None:
    finding = sqli()
    assert finding.severity is Severity.HIGH and finding.blocks(Severity.HIGH)
    (waived,) = apply_waivers([finding], [waiver(id="JS/SQL-Injection")], TODAY)
    assert waived.waiver is not None and not waived.waiver_expired
    assert not waived.blocks(Severity.HIGH)
    assert "until 2026-06-30" in waiver_note(waived)


def test_expiry_day_still_covers_and_the_day_after_blocks_again() -> None:
    w = waiver(expires="2026-03-01", id="js/sql-injection")
    (on_the_day,) = apply_waivers([sqli()], [w], dt.date(2026, 3, 1))
    assert not on_the_day.blocks(Severity.HIGH)
    (after,) = apply_waivers([sqli()], [w], dt.date(2026, 3, 2))
    assert after.waiver == w and after.waiver_expired
    assert after.blocks(Severity.HIGH)
    assert waiver_note(after) == "waiver by @org/security expired on 2026-03-01"


def test_match_by_title_exact_or_contained_case_insensitive() -> None:
    (exact,) = apply_waivers(
        [sqli()], [waiver(title="database query built from USER-controlled sources")], TODAY
    )
    assert exact.waived
    (part,) = apply_waivers([sqli()], [waiver(title="user-controlled")], TODAY)
    assert part.waived
    (other,) = apply_waivers([sqli()], [waiver(title="cross-site")], TODAY)
    assert other.waiver is None


def test_id_and_title_together_must_both_match() -> None:
    (wrong_title,) = apply_waivers([sqli()], [waiver(id="js/sql-injection", title="xss")], TODAY)
    assert wrong_title.waiver is None


def test_a_valid_waiver_wins_over_an_expired_one() -> None:
    old, new = waiver(expires="2025-01-01", id="js/sql-injection"), waiver(title="Database query")
    (finding,) = apply_waivers([sqli()], [old, new], TODAY)
    assert finding.waiver == new and finding.waived


def test_report_findings_match_by_their_id_and_existing_waivers_stay() -> None:
    mine = Waiver(reason="r", approved_by="@a", expires="2030-01-01", id="H-1")
    report = Finding(
        "Weak TLS", Severity.HIGH, FindingStatus.OPEN, Location("04-security-audit.md", 9), id="H-1"
    )
    already = Finding("Other", Severity.HIGH, FindingStatus.OPEN, Location("x.md", 1), id="H-1", waiver=mine)
    w = waiver(id="h-1")
    first, second = apply_waivers([report, already], [w], TODAY)
    assert first.waiver == w
    assert second.waiver == mine


def test_unused_waivers() -> None:
    used, stale = waiver(id="js/sql-injection"), waiver(id="CVE-2000-0001")
    assert unused_waivers([sqli()], [used, stale]) == (stale,)
