"""The `rte` command on the bundled example: exit codes, formats, the JSON report contract."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from rte.cli import main
from tests.conftest import ROOT, write


def run_json(ws: Path, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, dict]:
    code = main(["check", "--workspace", str(ws), "--format", "json", *args])
    return code, json.loads(capsys.readouterr().out)


def test_example_fails_on_the_blocked_feature_and_passes_the_other(example_ws, capsys, report_schema):
    code, report = run_json(example_ws, capsys=capsys)
    assert code == 1
    jsonschema.validate(report, report_schema)
    by_slug = {f["slug"]: f for f in report["features"]}
    assert by_slug["invoice-links"]["verdict"] == "pass"
    blocked = by_slug["bulk-export"]
    assert blocked["verdict"] == "fail"
    failed = {g["id"] for g in blocked["gates"] if g["status"] == "fail"}
    assert {"tests.e2e", "security.findings"} <= failed
    assert blocked["security"]["open_blocking"] == 1
    assert blocked["tests"]["verdict"] == "fail"


def test_every_finding_and_suite_points_at_a_line(example_ws, capsys):
    _, report = run_json(example_ws, capsys=capsys)
    for feature in report["features"]:
        for finding in feature["security"]["findings"]:
            assert finding["location"]["line"] >= 1
            assert (example_ws / finding["location"]["file"]).is_file()
        for suite in feature["tests"]["suites"]:
            assert suite["location"]["line"] >= 1


def test_passing_feature_exits_zero(example_ws, capsys):
    assert main(["check", "--workspace", str(example_ws), "--feature", "invoice-links"]) == 0
    assert "verdict: PASS" in capsys.readouterr().out


def test_unknown_feature_is_a_usage_error_naming_it(example_ws, capsys):
    assert main(["check", "--workspace", str(example_ws), "--feature", "nope"]) == 2
    err = capsys.readouterr().err
    assert "nope" in err and "invoice-links" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("slug", ["../outside", "/etc", "a/../../b"])
def test_feature_outside_the_workspace_is_refused(example_ws, capsys, slug):
    assert main(["check", "--workspace", str(example_ws), "--feature", slug]) == 2
    assert "feature" in capsys.readouterr().err


def test_symlinked_feature_leaving_the_workspace_is_refused(example_ws, tmp_path, capsys):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (example_ws / "docs/features/escape").symlink_to(outside)
    assert main(["check", "--workspace", str(example_ws), "--feature", "escape"]) == 2
    assert "outside the workspace" in capsys.readouterr().err


def test_missing_document_fails_docs_present_not_an_error(example_ws, capsys):
    (example_ws / "docs/features/invoice-links/04-security-audit.md").unlink()
    code, report = run_json(example_ws, "--feature", "invoice-links", capsys=capsys)
    assert code == 1
    gates = {g["id"]: g for g in report["features"][0]["gates"]}
    assert gates["docs.present"]["status"] == "fail"
    assert "04-security-audit.md" in gates["docs.present"]["message"]


def test_fail_on_severity_medium_blocks_medium_findings(example_ws, capsys):
    write(
        example_ws / "docs/features/invoice-links/04-security-audit.md",
        "# Audit\n\n**Status:** Complete\n\n| ID | Finding | Severity | Status |\n|---|---|---|---|\n"
        "| X-1 | Verbose errors | Medium | Open |\n",
    )
    assert main(["check", "--workspace", str(example_ws), "--feature", "invoice-links"]) == 0
    capsys.readouterr()
    code = main(
        [
            "check",
            "--workspace",
            str(example_ws),
            "--feature",
            "invoice-links",
            "--fail-on-severity",
            "medium",
        ]
    )
    assert code == 1
    assert "X-1" in capsys.readouterr().out


def test_bad_config_value_names_file_and_line(example_ws, capsys):
    write(example_ws / ".github/rte.yml", "fail-on-severity: high\nmin-coverag: 80\n")
    assert main(["check", "--workspace", str(example_ws)]) == 2
    err = capsys.readouterr().err
    assert ".github/rte.yml:2" in err and "min-coverage" in err


def test_all_and_feature_together_is_a_usage_error(example_ws, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["check", "--workspace", str(example_ws), "--all", "--feature", "x"])
    assert exc.value.code == 2


def test_markdown_format_prints_the_job_summary(example_ws, capsys):
    main(["check", "--workspace", str(example_ws), "--format", "markdown"])
    out = capsys.readouterr().out
    assert out.startswith("# ❌ Release gate: FAIL")


def test_plan_writes_only_the_release_plans_into_the_workspace(example_ws, tmp_path, capsys):
    out = tmp_path / "out"
    code = main(["plan", "--workspace", str(example_ws), "--out-dir", str(out)])
    assert code == 1
    status = subprocess.run(
        ["git", "status", "--porcelain"], cwd=example_ws, capture_output=True, text=True
    ).stdout
    assert sorted(line[3:] for line in status.splitlines()) == [
        "docs/features/bulk-export/07-release-plan.md",
        "docs/features/invoice-links/07-release-plan.md",
    ]
    assert (out / "pr-body-invoice-links.md").is_file() and (out / "report.json").is_file()
    assert str(out / "summary.md") in capsys.readouterr().err


def test_python_dash_m_rte_runs(example_ws):
    proc = subprocess.run(
        [sys.executable, "-m", "rte", "check", "--workspace", str(example_ws), "--feature", "invoice-links"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr
    assert "invoice-links: PASS" in proc.stdout


def test_vendored_schema_matches_shared(shared):
    assert (shared / "report.schema.json").read_text() == (ROOT / "schemas/report.schema.json").read_text()


def test_required_levels_beyond_unit_integration_e2e_get_a_gate(example_ws, capsys):
    args = ["check", "--workspace", str(example_ws), "--feature", "invoice-links"]
    assert main(args) == 0
    assert "tests.security" not in capsys.readouterr().out
    assert main([*args, "--required-tests", "unit,security"]) == 1
    out = capsys.readouterr().out
    assert "❌ tests.security: no security tests reported; security tests are required" in out
    assert out.index("tests.e2e") < out.index("tests.security") < out.index("tests.coverage")
