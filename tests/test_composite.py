"""composite/action.yml (macOS/Windows) matches the container action and runs the same entry point."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT
from tests.runnerfiles import parse_output_file
from tests.test_action import TOKEN, runner_env

CONTAINER = yaml.safe_load((ROOT / "action.yml").read_text())
COMPOSITE = yaml.safe_load((ROOT / "composite" / "action.yml").read_text())
STEPS = {step.get("id"): step for step in COMPOSITE["runs"]["steps"]}
EXPRESSION = re.compile(r"\$\{\{\s*(inputs|github)\.([A-Za-z0-9_-]+)\s*\}\}")


def test_inputs_are_identical():
    assert list(COMPOSITE["inputs"]) == list(CONTAINER["inputs"])
    for name, spec in CONTAINER["inputs"].items():
        assert COMPOSITE["inputs"][name] == spec, name


def test_outputs_are_identical_and_come_from_the_run_step():
    assert list(COMPOSITE["outputs"]) == list(CONTAINER["outputs"])
    for name, spec in CONTAINER["outputs"].items():
        declared = COMPOSITE["outputs"][name]
        assert declared["description"] == spec["description"], name
        assert declared["value"] == f"${{{{ steps.rte.outputs.{name} }}}}", name


def test_every_input_reaches_the_entry_point_as_the_runner_names_it():
    env = STEPS["rte"]["env"]
    mapped = {key: value for key, value in env.items() if key.startswith("INPUT_")}
    assert mapped == {f"INPUT_{name.upper()}": f"${{{{ inputs.{name} }}}}" for name in CONTAINER["inputs"]}
    assert set(env) - set(mapped) == {"RTE_PYTHON"}


def test_metadata_and_runs():
    assert COMPOSITE["runs"]["using"] == "composite"
    for key in ("description", "author", "branding"):
        assert COMPOSITE[key] == CONTAINER[key]
    install = STEPS["install"]["run"]
    assert "--require-hashes" in install and "../requirements.txt" in install
    assert "../entrypoint.py" in STEPS["rte"]["run"]


def test_shell_steps_parse():
    bash = shutil.which("bash")
    assert bash, "bash is needed"
    for step in COMPOSITE["runs"]["steps"]:
        proc = subprocess.run([bash, "-n"], input=step["run"], capture_output=True, text=True)
        assert proc.returncode == 0, proc.stderr


def _step_env(with_: dict[str, str]) -> dict[str, str]:
    """The run step's `env:` evaluated the way the runner evaluates a composite action's inputs."""
    values = {}
    for name, spec in COMPOSITE["inputs"].items():
        default = str(spec.get("default", ""))
        values[name] = with_.get(name, TOKEN if "github.token" in default else default)

    def evaluate(text: str) -> str:
        return EXPRESSION.sub(lambda m: values[m.group(2)] if m.group(1) == "inputs" else "", text)

    return {key: evaluate(str(value)) for key, value in STEPS["rte"]["env"].items()}


@pytest.mark.parametrize(
    ("feature", "verdict", "code"), [("invoice-links", "pass", 0), ("bulk-export", "fail", 1)]
)
def test_run_step_runs_the_entry_point_with_the_inputs(
    example_ws: Path, tmp_path: Path, feature, verdict, code
):
    import sys

    env = runner_env(example_ws, tmp_path, "workflow_dispatch", {})
    env = {k: v for k, v in env.items() if not k.startswith("INPUT_")}  # the composite sets them itself
    env.update(_step_env({"feature": feature, "labels": "false"}))
    env["RTE_PYTHON"] = sys.executable
    env["GITHUB_ACTION_PATH"] = str(ROOT / "composite")
    proc = subprocess.run(
        ["bash", "-e", "-c", STEPS["rte"]["run"]],
        env=env,
        cwd=example_ws,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == code, proc.stdout + proc.stderr
    written = parse_output_file(Path(env["GITHUB_OUTPUT"]).read_text())
    assert written["verdict"] == verdict
    assert written["features"] == f'["{feature}"]'
    assert set(written) <= set(COMPOSITE["outputs"])


def _renamed(monkeypatch) -> tuple:  # type: ignore[type-arg]
    """INPUTS as if `fail-on-severity` had been called `severity-threshold` before."""
    import dataclasses

    from rte import settings

    renamed = tuple(
        dataclasses.replace(i, deprecated_alias="severity-threshold") if i.name == "fail-on-severity" else i
        for i in settings.INPUTS
    )
    monkeypatch.setattr(settings, "INPUTS", renamed)
    return renamed


def test_a_renamed_input_is_declared_deprecated_in_action_yml(monkeypatch):
    sys_path = str(ROOT / "scripts")
    monkeypatch.syspath_prepend(sys_path)
    import sync_inputs

    block = yaml.safe_load(sync_inputs.action_inputs_block(_renamed(monkeypatch)))["inputs"]
    names = list(block)
    assert names.index("severity-threshold") == names.index("fail-on-severity") + 1
    old = block["severity-threshold"]
    assert "renamed `fail-on-severity`" in old["deprecationMessage"]
    assert "default" not in old  # an unset old name must not shadow the new one


def test_a_renamed_input_still_works_and_the_new_name_wins(monkeypatch, example_ws):
    from rte.model import Severity
    from rte.settings import Settings

    _renamed(monkeypatch)
    env = {"GITHUB_WORKSPACE": str(example_ws), "INPUT_SEVERITY-THRESHOLD": "medium"}
    assert Settings.from_env(env).fail_on_severity is Severity.MEDIUM
    env["INPUT_FAIL-ON-SEVERITY"] = "critical"
    assert Settings.from_env(env).fail_on_severity is Severity.CRITICAL
