"""A summary table of findings joined to the findings detailed below it.

Many audits open with `| # | Severity | Issue | Status |` and then detail some of the findings under
their own headings, often without repeating the status. The detail is the finding (its line is where the
reader looks); the row lends it the status it does not state, and a row that no section details is a
finding of its own. A summary table that matches none of the detailed findings is an overview of
something else and lends nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from rte.model import Finding, FindingStatus

_WORDS = re.compile(r"[^\W_]+")
_LEADING_NUMBER = re.compile(r"^\W*(\d{1,3})[.):]\s")
_GRADE = re.compile(r"\b(critical|high|medium|moderate|low|info(?:rmational)?)\b", re.I)
_NOISE = frozenset(
    {"critical", "high", "medium", "moderate", "low", "info", "the", "a", "an", "of", "in", "on"}
)


def join_summary(
    findings: Sequence[Finding], rows: Sequence[Finding], titles: dict[int, str]
) -> list[Finding]:
    """`findings` (detailed) with the statuses of their summary `rows`, plus the rows nothing details.

    `titles`: each detailed finding's line → its lead text as written (for its leading number)."""
    if not findings or not rows:
        return list(findings) or list(rows)
    joined = list(findings)
    matched: set[int] = set()
    unmatched_rows = []
    for row in rows:
        index = _match(row, joined, titles, matched)
        if index is None:
            unmatched_rows.append(row)
            continue
        matched.add(index)
        detail = joined[index]
        if detail.status is FindingStatus.UNKNOWN and row.status is not FindingStatus.UNKNOWN:
            detail = replace(detail, status=row.status)
        if detail.severity is not row.severity and not _GRADE.search(
            titles.get(detail.location.line or 0, "")
        ):
            detail = replace(detail, severity=row.severity)  # `## P0-A: …` is an id; the column grades it
        joined[index] = detail
    if not matched:
        return joined
    return joined + unmatched_rows


def _match(row: Finding, findings: list[Finding], titles: dict[int, str], taken: set[int]) -> int | None:
    words = _words(row.title)
    for index, finding in enumerate(findings):
        if index in taken:
            continue
        lead = titles.get(finding.location.line or 0, "")
        if row.id and re.match(rf"^\W*{re.escape(row.id)}(?![\w-])", lead):
            return index  # `## P0-B: …` details the row `| P0-B | …`
        if row.id and finding.id:
            if row.id == finding.id:
                return index
            continue
        if row.id and row.id.isdigit():
            number = _LEADING_NUMBER.match(lead)
            if number and number.group(1) == row.id and _overlap(words, _words(finding.title)) >= 0.5:
                return index
        if words and _overlap(words, _words(finding.title)) >= 0.75:
            return index
    return None


def _words(title: str) -> frozenset[str]:
    return frozenset(w for w in _WORDS.findall(title.lower()) if w not in _NOISE)


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """The share of the shorter title's words that the other title has too."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))
