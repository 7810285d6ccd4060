"""Config waivers applied to findings: a valid one stops a finding blocking, an expired one blocks again."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import replace

from rte.model import Finding, Waiver


def waiver_matches(waiver: Waiver, finding: Finding) -> bool:
    """By id (the finding's id, which is the ruleId for SARIF), case-insensitive; by title, case-insensitive,
    exact or contained in the finding's title. A waiver naming both must match both."""
    if not waiver.id and not waiver.title:
        return False
    if waiver.id and (finding.id or "").strip().lower() != waiver.id.strip().lower():
        return False
    if waiver.title:
        wanted, title = waiver.title.strip().lower(), finding.title.strip().lower()
        if not wanted or wanted not in title:
            return False
    return True


def is_expired(waiver: Waiver, today: dt.date) -> bool:
    """Expired once today is after `expires`; the expiry day itself is still covered."""
    return today > dt.date.fromisoformat(waiver.expires)


def apply_waivers(
    findings: Iterable[Finding], waivers: Iterable[Waiver], today: dt.date
) -> tuple[Finding, ...]:
    """Each finding without a waiver gets the first valid matching one, else the first expired one
    (with `waiver_expired=True`, so it blocks again and messages can say since when)."""
    waiver_list = tuple(waivers)
    out = []
    for finding in findings:
        if finding.waiver is None:
            matching = [w for w in waiver_list if waiver_matches(w, finding)]
            valid = [w for w in matching if not is_expired(w, today)]
            if valid:
                finding = replace(finding, waiver=valid[0], waiver_expired=False)
            elif matching:
                finding = replace(finding, waiver=matching[0], waiver_expired=True)
        out.append(finding)
    return tuple(out)


def unused_waivers(findings: Iterable[Finding], waivers: Iterable[Waiver]) -> tuple[Waiver, ...]:
    """Waivers that match no finding at all: worth a warning, since they may hide a typo or be stale."""
    finding_list = tuple(findings)
    return tuple(w for w in waivers if not any(waiver_matches(w, f) for f in finding_list))


def waiver_note(finding: Finding) -> str:
    """A short phrase for messages: 'waived by @x until 2026-01-31' or 'waiver expired on 2025-12-31'."""
    waiver = finding.waiver
    if waiver is None:
        return ""
    if finding.waiver_expired:
        return f"waiver by {waiver.approved_by} expired on {waiver.expires}"
    return f"waived by {waiver.approved_by} until {waiver.expires}: {waiver.reason}"
