"""Evidence end to end: JUnit, coverage and SARIF decide the gates of `rte check`, waivers included."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from rte.cli import main
from tests.conftest import write

FIXTURES = Path(__file__).parent / "fixtures" / "evidence"

UNIT_JUNIT = """<?xml version="1.0" encoding="UTF-8"?>
<testsuite name="unit" tests="3" failures="1" errors="0" skipped="0">
  <testcase classname="links.test_tokens" name="test_hash_is_stored"/>
  <testcase classname="links.test_tokens" name="test_token_expires">
    <failure message="expired link still opens">AssertionError</failure>
  </testcase>
  <testcase classname="links.test_tokens" name="test_revoke"/>
</testsuite>
"""

SARIF = {
    "version": "2.1.0",
    "runs": [
        {
            "tool": {
                "driver": {
                    "name": "scanner",
                    "rules": [
                        {
                            "id": "py/open-redirect",
                            "shortDescription": {"text": "Open redirect after login"},
                            "properties": {"security-severity": "8.1"},
                        }
                    ],
                }
            },
            "results": [
                {
                    "ruleId": "py/open-redirect",
                    "level": "error",
                    "message": {"text": "Untrusted URL in redirect"},
                    "locations": [
                        {
                            "physicalLocation": {
                                "artifactLocation": {"uri": "app/login.py"},
                                "region": {"startLine": 42},
                            }
                        }
                    ],
                }
            ],
        }
    ],
}


def _report(ws: Path, capsys, *args: str) -> tuple[int, dict]:  # type: ignore[no-untyped-def]
    code = main(["check", "--workspace", str(ws), "--feature", "invoice-links", "--format", "json", *args])
    return code, json.loads(capsys.readouterr().out)


def _gate(report: dict, gate_id: str) -> dict:
    return next(g for g in report["features"][0]["gates"] if g["id"] == gate_id)


def test_junit_failure_beats_a_report_that_says_all_passed(example_ws, capsys):
    write(example_ws / "reports/junit/unit.xml", UNIT_JUNIT)
    write(example_ws / ".github/rte.yml", 'junit: "reports/**/*.xml"\n')
    code, report = _report(example_ws, capsys)
    assert code == 1
    gate = _gate(report, "tests.unit")
    assert gate["status"] == "fail"
    assert "docs/features/invoice-links/06-test-report.md:5" in gate["message"]
    assert "reports/junit/unit.xml:" in gate["message"] and "test_token_expires" in gate["message"]
    files = {loc["file"] for loc in gate["locations"]}
    assert files == {"reports/junit/unit.xml", "docs/features/invoice-links/06-test-report.md"}


def test_sarif_high_blocks_until_waived_and_again_after_the_waiver_expires(example_ws, capsys):
    write(example_ws / "reports/scan.sarif", json.dumps(SARIF))
    config = example_ws / ".github/rte.yml"
    write(config, 'sarif: "reports/*.sarif"\n')
    code, report = _report(example_ws, capsys)
    finding = next(f for f in report["features"][0]["security"]["findings"] if f["id"] == "py/open-redirect")
    assert (code, finding["severity"], finding["location"]) == (
        1,
        "high",
        {"file": "app/login.py", "line": 42},
    )

    waiver = (
        'waivers:\n  - id: py/open-redirect\n    reason: "Redirects are checked by the gateway"\n'
        '    approved-by: "@acme/security"\n    expires: {date}\n'
    )
    write(config, 'sarif: "reports/*.sarif"\n' + waiver.format(date="2999-12-31"))
    code, report = _report(example_ws, capsys)
    assert code == 0 and report["features"][0]["security"]["open_blocking"] == 0
    assert any(f["waived"] for f in report["features"][0]["security"]["findings"])

    write(config, 'sarif: "reports/*.sarif"\n' + waiver.format(date="2020-01-31"))
    code, report = _report(example_ws, capsys)
    assert code == 1
    assert "expired on 2020-01-31" in _gate(report, "security.findings")["message"]


def test_hostile_xml_stops_the_run_and_writes_nothing(example_ws, tmp_path, capsys):
    shutil.copy(FIXTURES / "hostile" / "billion-laughs.xml", example_ws / "unit-results.xml")
    write(example_ws / ".github/rte.yml", "junit: unit-results.xml\n")
    code = main(["plan", "--workspace", str(example_ws), "--out-dir", str(tmp_path / "out")])
    assert code == 2
    err = capsys.readouterr().err
    assert "unit-results.xml" in err and "Traceback" not in err
    status = subprocess.run(["git", "status", "--porcelain"], cwd=example_ws, capture_output=True, text=True)
    assert "07-release-plan.md" not in status.stdout
    assert not (tmp_path / "out").exists()


def test_summary_states_the_verdict_of_the_evidence_not_the_claim(example_ws, capsys):
    write(example_ws / "reports/junit/unit.xml", UNIT_JUNIT)
    write(example_ws / ".github/rte.yml", 'junit: "reports/**/*.xml"\n')
    main(["check", "--workspace", str(example_ws), "--feature", "invoice-links", "--format", "markdown"])
    summary = capsys.readouterr().out
    assert "**Tests** (fail)" in summary
    _, report = _report(example_ws, capsys)
    assert report["features"][0]["tests"]["verdict"] == "fail"
