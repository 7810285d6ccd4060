"""A fork-style pull request with every trick at once, run through entrypoint.py as the runner runs it."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import git, write
from tests.hostile import SECRET, outside_dir, snapshot
from tests.runnerfiles import parse_commands, parse_output_file
from tests.test_action import TOKEN, pr_payload, run_entrypoint, runner_env
from tests.test_hostile_text import HOSTILE_BSA

F = "docs/features/invoice-links"


def build(ws: Path, outside: Path) -> None:
    write(ws / F / "01-bsa-analysis.md", HOSTILE_BSA)
    audit = "# Audit\n\n**Status:** Complete\n\n### H-1: ::add-mask::x ::error::fake %0A ##[error]x\n\n"
    write(
        ws / F / "04-security-audit.md",
        audit + "**Severity:** Low\n**Status:** Open\n\n::stop-commands::abc\n",
    )
    (ws / F / "05-documentation-summary.md").write_bytes(b"\xef\xbb\xbf# Docs\r\n\r\ncaf\xe9 \x00\r\n")
    (ws / F / "07-release-plan.md").symlink_to(outside / "plan.md")
    (ws / "docs/features/bulk-export/06-test-report.md").unlink()
    (ws / "docs/features/bulk-export/06-test-report.md").symlink_to(outside / "secret.md")
    write(ws / "docs/features/bulk-export/02-architecture-design.md", "> " * 5000 + "deep\n" + "[" * 50_000)
    write(ws / ".github/rte.yml", "labels: true\njunit-levels:\n  'reports/**/*.xml': unit\n")
    write(
        ws / "reports/junit.xml",
        '<testsuite name="x" tests="1"><testcase name="{{ 7 }} @org/a"/></testsuite>',
    )
    git(ws, "add", "-A")
    git(ws, "commit", "-qm", "fork")


def test_hostile_fork_pull_request(example_ws, tmp_path):
    outside = outside_dir(tmp_path)
    build(example_ws, outside)
    payload = pr_payload(example_ws)
    payload["pull_request"]["head"]["repo"] = {"fork": True, "full_name": "stranger/shop"}
    env = runner_env(
        example_ws, tmp_path, "pull_request", payload, all_features="true", junit="reports/**/*.xml"
    )
    home = Path(env["HOME"])
    write(home / ".gitconfig", "[user]\n  name = me\n")
    before = snapshot(outside, home)
    proc = run_entrypoint(env, example_ws)
    assert proc.returncode in (0, 1), proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr
    assert snapshot(outside, home) == before
    outputs = parse_output_file(Path(env["GITHUB_OUTPUT"]).read_text())
    assert outputs["verdict"] in ("pass", "fail") and json.loads(outputs["features"])
    commands = parse_commands(proc.stdout + "\n" + proc.stderr)
    assert {c["name"] for c in commands} <= {"add-mask", "group", "endgroup", "error", "warning", "notice"}
    assert [c["message"] for c in commands if c["name"] == "add-mask"] == [TOKEN]
    plan = example_ws / F / "07-release-plan.md"
    assert not plan.is_symlink() and plan.is_file()
    written = [proc.stdout, proc.stderr, Path(env["GITHUB_STEP_SUMMARY"]).read_text(), plan.read_text()]
    written += [p.read_text() for p in Path(env["RUNNER_TEMP"]).rglob("*") if p.is_file()]
    everything = "\n".join(written)
    assert SECRET not in everything
    assert everything.count(TOKEN) == 1
