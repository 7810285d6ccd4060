"""The container contract: entrypoint.py run as the runner runs a Docker action's container."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import yaml

from tests.conftest import ROOT, git
from tests.runnerfiles import parse_commands, parse_output_file

TOKEN = "ghs_TESTTOKEN0123456789abcdef"


def action_inputs() -> dict[str, str]:
    """Every input declared in action.yml, as the runner passes them: `INPUT_<NAME>` with hyphens kept."""
    spec = yaml.safe_load((ROOT / "action.yml").read_text())
    env = {}
    for name, item in spec["inputs"].items():
        default = str(item.get("default", ""))
        env[f"INPUT_{name.upper()}"] = TOKEN if "github.token" in default else default
    return env


def runner_env(ws: Path, tmp: Path, event_name: str, payload: dict, **inputs: str) -> dict[str, str]:
    commands = tmp / "_runner_file_commands"
    commands.mkdir(parents=True, exist_ok=True)
    (commands / "set_output_1").write_text("")
    (commands / "step_summary_1").write_text("")
    event = tmp / "_github_workflow" / "event.json"
    event.parent.mkdir(parents=True, exist_ok=True)
    event.write_text(json.dumps(payload))
    env = {
        "PATH": os.environ["PATH"],
        "HOME": str(tmp / "_github_home"),
        "GITHUB_ACTIONS": "true",
        "CI": "true",
        "GITHUB_WORKSPACE": str(ws),
        "GITHUB_EVENT_NAME": event_name,
        "GITHUB_EVENT_PATH": str(event),
        "GITHUB_OUTPUT": str(commands / "set_output_1"),
        "GITHUB_STEP_SUMMARY": str(commands / "step_summary_1"),
        "GITHUB_REPOSITORY": "acme/shop",
        "GITHUB_SERVER_URL": "https://github.com",
        "GITHUB_API_URL": "http://127.0.0.1:9",
        "GITHUB_SHA": "f" * 40,
        "GITHUB_REF": "refs/pull/7/merge",
        "RUNNER_TEMP": str(tmp / "runner_temp"),
    }
    env.update(action_inputs())
    env.update({f"INPUT_{k.upper().replace('_', '-')}": v for k, v in inputs.items()})
    return env


def run_entrypoint(env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "entrypoint.py")],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )


def pr_payload(ws: Path) -> dict:
    head = git(ws, "rev-parse", "HEAD").strip()
    return {
        "action": "synchronize",
        "number": 7,
        "pull_request": {
            "number": 7,
            "head": {"sha": head, "ref": "feature", "repo": {"fork": False, "full_name": "acme/shop"}},
            "base": {"sha": head, "ref": "main"},
        },
        "repository": {"full_name": "acme/shop", "default_branch": "main"},
        "sender": {"login": "dev"},
    }


def test_container_contract_on_a_pull_request(example_ws, tmp_path, report_schema):
    env = runner_env(example_ws, tmp_path, "pull_request", pr_payload(example_ws), all_features="true")
    proc = run_entrypoint(env, example_ws)
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr

    outputs = parse_output_file(Path(env["GITHUB_OUTPUT"]).read_text())
    assert outputs["verdict"] == "fail"
    assert json.loads(outputs["features"]) == ["bulk-export", "invoice-links"]
    failed = {(g["feature"], g["gate"]) for g in json.loads(outputs["failed-gates"])}
    assert ("bulk-export", "security.findings") in failed and ("bulk-export", "tests.e2e") in failed
    assert "## Summary" in outputs["pr-body"] and "## Rollback Procedure" in outputs["pr-body"]
    assert Path(outputs["pr-body-file"]).is_file()
    assert (example_ws / outputs["release-plan-file"]).is_file()
    report = json.loads(Path(outputs["report-file"]).read_text())
    jsonschema.validate(report, report_schema)

    summary = Path(env["GITHUB_STEP_SUMMARY"]).read_text()
    assert summary.startswith("# ❌ Release gate: FAIL")
    head = pr_payload(example_ws)["pull_request"]["head"]["sha"]
    assert (
        f"https://github.com/acme/shop/blob/{head}/docs/features/bulk-export/04-security-audit.md#L5"
        in summary
    )

    commands = parse_commands(proc.stdout)
    assert commands[0] == {"name": "add-mask", "props": {}, "message": TOKEN}
    errors = [c for c in commands if c["name"] == "error"]
    finding = next(c for c in errors if "security.findings" in c["props"]["title"])
    assert finding["props"]["file"] == "docs/features/bulk-export/04-security-audit.md"
    assert finding["props"]["line"] == "5"
    assert "BE-1" in finding["message"] and "Export links are guessable" in finding["message"]
    groups = [c["message"] for c in commands if c["name"] == "group"]
    assert groups == ["rte: bulk-export — fail", "rte: invoice-links — pass"]
    everything = proc.stdout + proc.stderr + summary + Path(env["GITHUB_OUTPUT"]).read_text()
    assert everything.count(TOKEN) == 1  # only inside the add-mask command


def test_passing_feature_exits_zero_and_writes_only_the_plan(example_ws, tmp_path):
    env = runner_env(example_ws, tmp_path, "workflow_dispatch", {"inputs": {}}, feature="invoice-links")
    proc = run_entrypoint(env, example_ws)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    outputs = parse_output_file(Path(env["GITHUB_OUTPUT"]).read_text())
    assert outputs["verdict"] == "pass" and json.loads(outputs["failed-gates"]) == []
    status = git(example_ws, "status", "--porcelain").splitlines()
    assert status == ["?? docs/features/invoice-links/07-release-plan.md"]


def test_bad_input_is_one_error_annotation_and_exit_2(example_ws, tmp_path):
    env = runner_env(example_ws, tmp_path, "workflow_dispatch", {}, all_features="maybe")
    proc = run_entrypoint(env, example_ws)
    assert proc.returncode == 2
    errors = [c for c in parse_commands(proc.stdout) if c["name"] == "error"]
    assert len(errors) == 1 and "all-features" in errors[0]["message"] and "maybe" in errors[0]["message"]
    assert "Traceback" not in proc.stderr
    assert parse_output_file(Path(env["GITHUB_OUTPUT"]).read_text())["verdict"] == "error"


def test_runs_without_runner_files(example_ws, tmp_path):
    env = runner_env(example_ws, tmp_path, "workflow_dispatch", {}, feature="invoice-links")
    del env["GITHUB_OUTPUT"], env["GITHUB_STEP_SUMMARY"]
    proc = run_entrypoint(env, example_ws)
    assert proc.returncode == 0
    assert "GITHUB_OUTPUT is not set" in proc.stdout


def test_pull_request_touching_no_feature_passes_with_a_notice(example_ws, tmp_path):
    git(example_ws, "checkout", "-q", "-b", "feature")
    (example_ws / "README.md").write_text("only the readme changes\n")
    git(example_ws, "commit", "-qam", "readme")
    payload = pr_payload(example_ws)
    payload["pull_request"]["base"]["sha"] = git(example_ws, "rev-parse", "main").strip()
    env = runner_env(example_ws, tmp_path, "pull_request", payload)
    proc = run_entrypoint(env, example_ws)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    notices = [c for c in parse_commands(proc.stdout) if c["name"] == "notice"]
    assert any("No feature checked" in str(c["message"]) for c in notices)
    outputs = parse_output_file(Path(env["GITHUB_OUTPUT"]).read_text())
    assert outputs["verdict"] == "pass" and json.loads(outputs["features"]) == []
    assert outputs["matrix"] == '{"feature":[]}'


def test_pull_request_selects_only_the_touched_feature(example_ws, tmp_path):
    git(example_ws, "checkout", "-q", "-b", "feature")
    report = example_ws / "docs/features/invoice-links/06-test-report.md"
    report.write_text(report.read_text() + "\nRe-run on staging.\n")
    git(example_ws, "commit", "-qam", "touch invoice-links")
    payload = pr_payload(example_ws)
    payload["pull_request"]["base"]["sha"] = git(example_ws, "rev-parse", "main").strip()
    env = runner_env(example_ws, tmp_path, "pull_request", payload)
    proc = run_entrypoint(env, example_ws)
    outputs = parse_output_file(Path(env["GITHUB_OUTPUT"]).read_text())
    assert json.loads(outputs["features"]) == ["invoice-links"]
    # In a PR the docs gates also want the claimed docs changed on the branch; this one changed none.
    failed = {g["gate"] for g in json.loads(outputs["failed-gates"])}
    assert failed == {"docs.api", "docs.adr", "docs.governance"} and proc.returncode == 1


def test_pr_section_falls_back_to_one_line_per_feature_when_too_long(example_ws, monkeypatch):
    from rte import action
    from rte.pipeline import run
    from rte.settings import Settings

    result = run(Settings.build(example_ws, {"all-features": "true"}))
    assert action.pr_section(result).count("## Summary") == 2
    monkeypatch.setattr(action, "PR_SECTION_LIMIT", 600)
    short = action.pr_section(result)
    assert len(short) <= 600 and "## Summary" not in short
    assert short.index("bulk-export") < short.index("invoice-links")  # failing first
    assert "`security.findings`" in short


def test_pull_request_in_a_repository_without_features_yet_passes(example_ws, tmp_path):
    git(example_ws, "checkout", "-q", "-b", "feature")
    for folder in (example_ws / "docs/features").iterdir():
        git(example_ws, "rm", "-rq", str(folder.relative_to(example_ws)))
    (example_ws / "docs/features").mkdir(exist_ok=True)
    (example_ws / "README.md").write_text("no features yet\n")
    git(example_ws, "add", "-A")
    git(example_ws, "commit", "-qm", "start over")
    payload = pr_payload(example_ws)
    payload["pull_request"]["base"]["sha"] = git(example_ws, "rev-parse", "main").strip()
    env = runner_env(example_ws, tmp_path, "pull_request", payload)
    proc = run_entrypoint(env, example_ws)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert parse_output_file(Path(env["GITHUB_OUTPUT"]).read_text())["verdict"] == "pass"
