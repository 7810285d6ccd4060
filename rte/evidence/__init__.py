"""Machine evidence for a feature: JUnit XML, coverage (Cobertura, lcov) and SARIF, read safely."""

from __future__ import annotations

from rte.evidence.collect import MAX_EVIDENCE_BYTES, collect_evidence
from rte.evidence.crosscheck import cross_check, merge_suites
from rte.evidence.values import Contradiction, Coverage, Evidence
from rte.evidence.waivers import apply_waivers, unused_waivers

__all__ = [
    "MAX_EVIDENCE_BYTES",
    "Contradiction",
    "Coverage",
    "Evidence",
    "apply_waivers",
    "collect_evidence",
    "cross_check",
    "merge_suites",
    "unused_waivers",
]
