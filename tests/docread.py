"""Helpers the document-reader tests share: read an audit or a test report from text, in one call."""

from __future__ import annotations

from rte.docs import parse_document
from rte.docs.security import read_security
from rte.docs.tests import read_tests
from rte.model import Document, Feature, FindingStatus, Level, Severity, Suite
from rte.model import TestVerdict as Verdict

F, OPEN, M, A, U = (
    FindingStatus.FIXED,
    FindingStatus.OPEN,
    FindingStatus.MITIGATED,
    FindingStatus.ACCEPTED,
    FindingStatus.UNKNOWN,
)


def findings(text: str) -> dict[int, tuple[Severity, FindingStatus]]:
    """line → (severity, status) of every finding the audit reader finds in `text`."""
    doc = parse_document(text, "04-security-audit.md")
    result, _ = read_security(doc.blocks, "04-security-audit.md", doc.fm)
    return {f.location.line or 0: (f.severity, f.status) for f in result.findings}


def read(text: str) -> tuple[Suite, ...]:
    """The suites the test-report reader finds in `text` (which must raise no Problem)."""
    doc = parse_document(text, "06-test-report.md")
    found, problems = read_tests(doc.blocks, "06-test-report.md", doc.fm)
    assert problems == []
    return found


def verdict(text: str) -> Verdict:
    feature = Feature("f", "f", documents={"tests": Document("tests", "t.md")}, suites=read(text))
    return feature.test_verdict


def counts(found: tuple[Suite, ...]) -> list[tuple[Level, int | None, int | None, int | None]]:
    return [(s.level, s.passed, s.failed, s.skipped) for s in found]
