"""SARIF from CodeQL-, Trivy- and Semgrep-shaped files → findings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rte.errors import DocError
from rte.evidence.sarif import parse_sarif
from rte.model import Finding, FindingStatus, Location, Severity

FIXTURES = Path(__file__).parent / "fixtures" / "evidence"


def findings(rel: str, workspace: Path | None = None) -> dict[str, Finding]:
    path = FIXTURES / rel
    assert path.is_file(), f"missing fixture {path}"
    found = parse_sarif(path.read_bytes(), rel, workspace)
    return {f.id or "": f for f in found}


def test_codeql_rules_in_an_extension_security_severity_8_1_is_high() -> None:
    found = findings("sarif/codeql.sarif")
    sqli = found["js/sql-injection"]
    assert sqli.severity is Severity.HIGH
    assert sqli.status is FindingStatus.OPEN
    assert sqli.title == "Database query built from user-controlled sources"
    assert sqli.location == Location("src/db/orders.js", 42)
    assert sqli.source == "sarif"
    assert sqli.blocks(Severity.HIGH)


def test_codeql_note_without_security_severity_is_low() -> None:
    assert findings("sarif/codeql.sarif")["js/unused-local-variable"].severity is Severity.LOW


def test_accepted_suppression_does_not_block() -> None:
    xss = findings("sarif/codeql.sarif")["js/reflected-xss"]
    assert (xss.status, xss.severity) == (FindingStatus.ACCEPTED, Severity.MEDIUM)
    assert not xss.blocks(Severity.LOW)


def test_trivy_cvss_bands_and_absent_baseline_is_fixed() -> None:
    found = findings("sarif/trivy.sarif")
    assert found["CVE-2099-0001"].severity is Severity.CRITICAL
    assert found["CVE-2099-0001"].title == "left-pad: prototype pollution in pad()"
    assert found["CVE-2099-0002"].severity is Severity.MEDIUM
    assert found["CVE-2099-0002"].location == Location("package-lock.json", 88)
    assert found["CVE-2099-0003"].status is FindingStatus.FIXED
    assert not found["CVE-2099-0003"].blocks(Severity.HIGH)


def test_semgrep_default_level_artifact_index_under_review_and_pass_results() -> None:
    found = findings("sarif/semgrep.sarif")
    assert len(found) == 2  # the `kind: pass` result is not a finding
    inj = found["python.flask.security.injection.os-system-injection"]
    assert inj.severity is Severity.HIGH  # rule defaultConfiguration.level error
    assert inj.location == Location("app/routes.py", 27)
    open_file = found["python.lang.best-practice.open-never-closed"]
    assert open_file.status is FindingStatus.OPEN  # underReview suppression is not in effect
    assert open_file.severity is Severity.MEDIUM


def test_absolute_file_uri_becomes_workspace_relative(tmp_path: Path) -> None:
    doc = {
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "x"}},
                "results": [
                    {
                        "ruleId": "R1",
                        "level": "error",
                        "message": {"text": "m"},
                        "locations": [
                            {
                                "physicalLocation": {
                                    "artifactLocation": {"uri": (tmp_path / "src" / "my file.py").as_uri()},
                                    "region": {"startLine": 5},
                                }
                            }
                        ],
                    }
                ],
            }
        ],
    }
    (finding,) = parse_sarif(json.dumps(doc).encode(), "x.sarif", tmp_path)
    assert finding.location == Location("src/my file.py", 5)


def test_result_security_severity_beats_rule_and_level() -> None:
    doc = {
        "runs": [
            {
                "tool": {"driver": {"rules": [{"id": "R", "properties": {"security-severity": "9.5"}}]}},
                "results": [
                    {
                        "ruleId": "R",
                        "level": "note",
                        "properties": {"security-severity": "4.0"},
                        "message": {"text": "first line\nsecond"},
                    }
                ],
            }
        ]
    }
    (finding,) = parse_sarif(json.dumps(doc).encode(), "x.sarif")
    assert finding.severity is Severity.MEDIUM
    assert finding.title == "first line"
    assert finding.location == Location("x.sarif")


@pytest.mark.parametrize(
    ("score", "severity"),
    [
        (10.0, Severity.CRITICAL),
        (9.0, Severity.CRITICAL),
        (8.9, Severity.HIGH),
        (7.0, Severity.HIGH),
        (6.9, Severity.MEDIUM),
        (4.0, Severity.MEDIUM),
        (3.9, Severity.LOW),
        (0.1, Severity.LOW),
        (0.0, Severity.INFO),
    ],
)
def test_cvss_bands(score: float, severity: Severity) -> None:
    assert Severity.from_cvss(score) is severity


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"{not json", "not valid JSON"),
        (b'{"version": "2.1.0"}', "no top-level `runs`"),
        (b"\xff\xfe", "UTF-8"),
        (b"[" * 100000, "too deeply"),
    ],
)
def test_bad_sarif_is_a_doc_error(data: bytes, message: str) -> None:
    with pytest.raises(DocError, match=message):
        parse_sarif(data, "bad.sarif")
