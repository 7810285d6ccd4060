"""Bad input through the CLI and the action: a clear message naming the input or file, exit 2, no traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

# (id, arguments after `python -m rte`, text the message must contain). `{ws}` is the example workspace.
CLI_CASES = [
    ("missing-workspace", ["check", "--workspace", "{ws}/nope"], "the workspace `"),
    ("file-as-workspace", ["check", "--workspace", "{ws}/afile.txt"], "is not a directory"),
    ("min-coverage-text", ["check", "--workspace", "{ws}", "--min-coverage", "abc"], "`min-coverage`"),
    ("min-coverage-range", ["check", "--workspace", "{ws}", "--min-coverage", "150"], "`min-coverage`"),
    (
        "required-tests-unknown",
        ["check", "--workspace", "{ws}", "--required-tests", "foo"],
        "`required-tests`",
    ),
    ("empty-features-dir", ["check", "--workspace", "{ws}", "--features-dir", "empty"], "`empty`"),
    ("missing-features-dir", ["check", "--workspace", "{ws}", "--features-dir", "nope"], "`nope`"),
    ("unknown-feature", ["check", "--workspace", "{ws}", "--feature", "nosuch"], "`nosuch`"),
    ("config-missing", ["check", "--workspace", "{ws}", "--config", "nope.yml"], "`nope.yml`"),
    (
        "config-is-directory",
        ["check", "--workspace", "{ws}", "--config", ".github/cfgdir"],
        "`.github/cfgdir`",
    ),
    (
        "config-control-character",
        ["check", "--workspace", "{ws}", "--config", ".github/ctrl.yml"],
        ".github/ctrl.yml:2",
    ),
    ("config-outside", ["check", "--workspace", "{ws}", "--config", "../rte.yml"], "`../rte.yml`"),
    (
        "template-dir-is-file",
        ["check", "--workspace", "{ws}", "--template-dir", "afile.txt"],
        "`template-dir`",
    ),
    ("template-dir-missing", ["check", "--workspace", "{ws}", "--template-dir", "nodir"], "`template-dir`"),
    ("out-dir-is-file", ["plan", "--workspace", "{ws}", "--out-dir", "{ws}/afile.txt"], "afile.txt"),
    (
        "event-path-missing",
        ["discover", "--workspace", "{ws}", "--event-path", "missing.json"],
        "missing.json",
    ),
    ("init-bad-slug", ["init", "Bad Slug!", "--workspace", "{ws}"], "`Bad Slug!`"),
    ("init-missing-workspace", ["init", "fine", "--workspace", "{ws}/nope"], "the workspace `"),
]

# (id, INPUT_* variables, text the message must contain)
ACTION_CASES = [
    ("severity", {"INPUT_FAIL-ON-SEVERITY": "HIGHEST"}, "`fail-on-severity`"),
    ("approvals-negative", {"INPUT_REQUIRED-APPROVALS": "-1"}, "`required-approvals`"),
    ("approvals-text", {"INPUT_REQUIRED_APPROVALS": "two"}, "`required-approvals`"),
    ("timezone", {"INPUT_TIMEZONE": "Mars/Base"}, "`timezone`"),
    ("staging-at", {"INPUT_STAGING-AT": "tomorrow"}, "`staging-at`"),
    ("production-window", {"INPUT_PRODUCTION-WINDOW": "late"}, "`production-window`"),
    ("risk-thresholds", {"INPUT_RISK-THRESHOLDS": "bogus"}, "`risk-thresholds`"),
    ("boolean", {"INPUT_LABELS": "yes"}, "`labels`"),
    ("junit-outside", {"INPUT_JUNIT": "../../etc/*"}, "`junit`"),
    (
        "event-path-missing",
        {"GITHUB_EVENT_NAME": "pull_request", "GITHUB_EVENT_PATH": "/nonexistent.json"},
        "/nonexistent.json",
    ),
    ("workspace-missing", {"GITHUB_WORKSPACE": "/nonexistent-workspace"}, "/nonexistent-workspace"),
]


@pytest.fixture
def ws(example_ws: Path) -> Path:
    (example_ws / "afile.txt").write_text("not a folder\n")
    (example_ws / ".github" / "cfgdir").mkdir(parents=True)
    (example_ws / ".github" / "ctrl.yml").write_text('fail-on-severity: high\nx: "\x07"\n')
    (example_ws / "empty").mkdir()
    return example_ws


def _assert_clear(proc: subprocess.CompletedProcess[str], expected: str) -> None:
    text = proc.stdout + proc.stderr
    assert proc.returncode == 2, text
    assert "Traceback" not in text, text
    assert expected in text, text


@pytest.mark.parametrize(("args", "expected"), [c[1:] for c in CLI_CASES], ids=[c[0] for c in CLI_CASES])
def test_cli_bad_input_is_a_message_and_exit_2(ws: Path, args: list[str], expected: str) -> None:
    argv = [a.replace("{ws}", str(ws)) for a in args]
    proc = subprocess.run(
        [sys.executable, "-m", "rte", *argv], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    _assert_clear(proc, expected)
    assert "rte: error:" in proc.stderr


@pytest.mark.parametrize(
    ("inputs", "expected"), [c[1:] for c in ACTION_CASES], ids=[c[0] for c in ACTION_CASES]
)
def test_action_bad_input_is_an_annotation_and_exit_2(
    ws: Path, tmp_path: Path, inputs: dict[str, str], expected: str
) -> None:
    summary = tmp_path / "summary.md"
    env = {
        "PATH": "/usr/bin:/bin",
        "GITHUB_WORKSPACE": str(ws),
        "GITHUB_STEP_SUMMARY": str(summary),
        "INPUT_ALL-FEATURES": "true",
        **inputs,
    }
    proc = subprocess.run(
        [sys.executable, str(ROOT / "entrypoint.py")],
        env=env,
        cwd=ws,
        capture_output=True,
        text=True,
        timeout=120,
    )
    _assert_clear(proc, expected)
    assert "::error title=rte%3A cannot run::" in proc.stdout
    assert "rte could not run" in summary.read_text(encoding="utf-8")


def test_discover_with_a_missing_features_folder_is_an_error(example_ws, capsys):
    from rte.cli import main

    assert main(["discover", "--workspace", str(example_ws), "--features-dir", "nope"]) == 2
    captured = capsys.readouterr()
    assert "`nope`" in captured.err and captured.out == ""
