"""Findings recorded on one line inside running prose: `→ Finding LS-2 — Medium — Title.` and a follow-up line."""

from __future__ import annotations

import re
from collections.abc import Sequence

from rte.docs.leads import ID, SEVERITY_WORDS
from rte.docs.markdown import Block
from rte.docs.vocab import severity_of, status_of, strip_marks
from rte.model import Finding, FindingStatus, Location

_SEP = r"\s*[—–:|-]+\s*"
# `→ Finding LS-1 — High — Title.`, `=> Issue AB-3: Low: Title` (the id and the grade, then the title).
_RECORDED = re.compile(
    rf"^\W*(?:finding|issue|vulnerability)\s*(?:[:#-]\s*)?(?P<id>\S+){_SEP}(?P<sev>{SEVERITY_WORDS}(?:rmational)?)"
    rf"{_SEP}(?P<title>\S.*?)\.?\s*$",
    re.I,
)
_FOLLOW_UP = re.compile(r"^\W*(?:follow[- ]?up|status|state|resolution|outcome)\s*:\s*(.+)$", re.I)


def recorded_findings(blocks: Sequence[Block], rel: str) -> list[Finding]:
    findings: list[Finding] = []
    for block in blocks:
        if block.kind != "paragraph":
            continue
        lines = block.text.split("\n")
        for offset, line in enumerate(lines):
            match = _RECORDED.match(strip_marks(line))
            if not match or not ID.fullmatch(match.group("id")):
                continue
            severity = severity_of(match.group("sev"))
            if severity is None:
                continue
            status = FindingStatus.UNKNOWN
            after = []
            for later in lines[offset + 1 :]:
                if _RECORDED.match(strip_marks(later)):
                    break
                after.append(later)
            follow = _FOLLOW_UP.match(after[0]) if after else None
            if follow:
                status = status_of(" ".join([follow.group(1), *after[1:]])) or FindingStatus.UNKNOWN
            where = Location(rel, block.line + offset)
            findings.append(
                Finding(
                    match.group("title"), severity, status, where, id=match.group("id"), source="recorded"
                )
            )
    return findings
