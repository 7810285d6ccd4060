"""The feature model: frozen values in which every fact keeps the file and line it came from."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum


@dataclass(frozen=True, order=True)
class Location:
    """A place in the workspace: a path relative to the workspace root (forward slashes), 1-based line."""

    file: str
    line: int | None = None

    def __str__(self) -> str:
        return f"{self.file}:{self.line}" if self.line else self.file

    def to_json(self) -> dict[str, object]:
        return {"file": self.file, "line": self.line}


@dataclass(frozen=True)
class Problem:
    """Something wrong with an input that is not a gate result: unreadable file, bad front matter…"""

    message: str
    location: Location | None = None

    def to_json(self) -> dict[str, object]:
        return {
            "message": self.message,
            "location": self.location.to_json() if self.location else None,
        }


class Severity(StrEnum):
    CRITICAL = "critical"
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"
    INFO = "info"
    UNKNOWN = "unknown"

    @property
    def rank(self) -> int:
        """Higher is worse; unknown ranks with high so that it is never silently ignored."""
        return _SEVERITY_RANK[self]

    def at_least(self, threshold: Severity) -> bool:
        return self.rank >= threshold.rank

    @classmethod
    def from_cvss(cls, score: float) -> Severity:
        """CVSS v3 bands: >= 9.0 critical, >= 7.0 high, >= 4.0 medium, > 0 low, else info."""
        for floor, severity in ((9.0, cls.CRITICAL), (7.0, cls.HIGH), (4.0, cls.MEDIUM)):
            if score >= floor:
                return severity
        return cls.LOW if score > 0 else cls.INFO

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls(value.strip().lower())
        except ValueError:
            names = ", ".join(m.value for m in cls if m is not cls.UNKNOWN)
            raise ValueError(f"unknown severity {value!r}; use one of {names}") from None


_SEVERITY_RANK = {
    Severity.INFO: 0,
    Severity.LOW: 1,
    Severity.MEDIUM: 2,
    Severity.UNKNOWN: 3,
    Severity.HIGH: 3,
    Severity.CRITICAL: 4,
}


class FindingStatus(StrEnum):
    OPEN = "open"
    FIXED = "fixed"
    MITIGATED = "mitigated"
    ACCEPTED = "accepted"
    UNKNOWN = "unknown"

    @property
    def is_open(self) -> bool:
        """A finding whose status is unknown counts as open."""
        return self in (FindingStatus.OPEN, FindingStatus.UNKNOWN)


@dataclass(frozen=True)
class Waiver:
    """An approved exception for one finding, from the configuration file."""

    reason: str
    approved_by: str
    expires: str  # ISO date
    id: str | None = None
    title: str | None = None
    location: Location | None = None


@dataclass(frozen=True)
class Finding:
    title: str
    severity: Severity
    status: FindingStatus
    location: Location
    id: str | None = None
    source: str = "report"  # report | sarif | front-matter
    waiver: Waiver | None = None
    waiver_expired: bool = False

    @property
    def waived(self) -> bool:
        return self.waiver is not None and not self.waiver_expired

    def blocks(self, threshold: Severity) -> bool:
        return self.status.is_open and self.severity.at_least(threshold) and not self.waived

    @property
    def label(self) -> str:
        return f"{self.id}: {self.title}" if self.id else self.title


@dataclass(frozen=True)
class SecurityAudit:
    findings: tuple[Finding, ...] = ()
    score: str | None = None
    # Open HIGH/CRITICAL issues the audit counts but does not list: the counts of a report that lists no
    # findings, or what a graded group's heading counts beyond the open findings under it.
    stated_open_blocking: int = 0
    stated_open_location: Location | None = None
    complete: bool | None = None  # None: the audit says nothing about completeness
    complete_location: Location | None = None


class Level(StrEnum):
    UNIT = "unit"
    INTEGRATION = "integration"
    E2E = "e2e"
    SECURITY = "security"
    PERFORMANCE = "performance"
    OTHER = "other"

    @classmethod
    def parse(cls, value: str) -> Level:
        key = value.strip().lower().replace("-", "").replace(" ", "").replace("_", "")
        aliases = {"endtoend": "e2e", "e2e": "e2e", "int": "integration", "perf": "performance"}
        try:
            return cls(aliases.get(key, key))
        except ValueError:
            names = ", ".join(m.value for m in cls)
            raise ValueError(f"unknown test level {value!r}; use one of {names}") from None


class SuiteState(StrEnum):
    RAN = "ran"
    PENDING = "pending"  # said not to have run, pending, skipped whole or unfinished
    NO_RESULT = "no-result"  # named, but no outcome stated
    FAILED = "failed"  # said to have failed, without counts ("the last step ended in a failure")


@dataclass(frozen=True)
class Suite:
    level: Level
    location: Location | None
    name: str = ""
    passed: int | None = None
    failed: int | None = None
    skipped: int | None = None
    coverage_percent: float | None = None
    state: SuiteState = SuiteState.RAN
    source: str = "report"  # report | junit | coverage | sarif
    failing: tuple[str, ...] = ()  # names of the first failing tests, when the source lists them

    @property
    def total(self) -> int | None:
        if self.passed is None and self.failed is None:
            return None
        return (self.passed or 0) + (self.failed or 0)

    @property
    def outcome(self) -> str:
        """pass | fail | incomplete for one suite."""
        if self.failed or self.state is SuiteState.FAILED:
            return "fail"
        if self.state is not SuiteState.RAN or self.total == 0:
            return "incomplete"
        return "pass"


class TestVerdict(StrEnum):
    PASS = "pass"
    FAIL = "fail"
    INCOMPLETE = "incomplete"
    MISSING = "missing"


@dataclass(frozen=True)
class ChecklistItem:
    text: str
    checked: bool
    location: Location


@dataclass(frozen=True)
class Named:
    """A named thing mentioned in the docs: env var, feature flag, metric, worker, service, endpoint…"""

    name: str
    location: Location
    detail: str = ""


@dataclass(frozen=True)
class DocClaim:
    """A documentation file the documentation summary says was written or updated."""

    kind: str  # api | adr | governance | other
    path: str
    location: Location


@dataclass(frozen=True)
class Document:
    """One of the feature's documents as found on disk."""

    role: str  # bsa | architecture | migration | security | documentation | tests
    path: str  # relative to the workspace
    front_matter: Mapping[str, object] = field(default_factory=dict)
    status: str | None = None


ROLES = ("bsa", "architecture", "migration", "security", "documentation", "tests")


@dataclass(frozen=True)
class Migration:
    """The feature's migration SQL: the file, its forward part and how to roll it back."""

    path: str
    convention: str = "none"  # dbmate | goose | sql-migrate | liquibase | separate-file | psql-if | none
    down_path: str | None = None
    tool: str = "psql"
    destructive: tuple[Named, ...] = ()


@dataclass(frozen=True)
class Feature:
    """Everything rte knows about one feature, read from its folder."""

    slug: str
    path: str
    documents: Mapping[str, Document] = field(default_factory=dict)
    title: str | None = None
    summary: str | None = None
    summary_location: Location | None = None
    security: SecurityAudit | None = None
    suites: tuple[Suite, ...] = ()
    checklists: tuple[ChecklistItem, ...] = ()
    env_vars: tuple[Named, ...] = ()
    feature_flags: tuple[Named, ...] = ()
    metrics: tuple[Named, ...] = ()
    alerts: tuple[Named, ...] = ()
    workers: tuple[Named, ...] = ()
    services: tuple[Named, ...] = ()
    endpoints: tuple[Named, ...] = ()
    acceptance: tuple[Named, ...] = ()
    breaking_changes: tuple[Named, ...] = ()
    doc_claims: tuple[DocClaim, ...] = ()
    migration: Migration | None = None
    data_loss: Location | None = None  # where the docs declare that the change loses data on purpose
    problems: tuple[Problem, ...] = ()

    @property
    def declares_data_loss(self) -> bool:
        return self.data_loss is not None

    def doc_path(self, role: str) -> str | None:
        doc = self.documents.get(role)
        return doc.path if doc else None

    @property
    def test_verdict(self) -> TestVerdict:
        """What the test report itself says (see `tests_verdict`)."""
        return tests_verdict(self.suites, has_report="tests" in self.documents)


def tests_verdict(suites: tuple[Suite, ...], *, has_report: bool) -> TestVerdict:
    """fail when anything failed; incomplete when a suite did not run or none was reported; pass when every
    reported suite passed; missing when there are no suites and no test report at all."""
    if not suites and not has_report:
        return TestVerdict.MISSING
    outcomes = [s.outcome for s in suites]
    if "fail" in outcomes:
        return TestVerdict.FAIL
    if not outcomes or "incomplete" in outcomes:
        return TestVerdict.INCOMPLETE
    return TestVerdict.PASS
