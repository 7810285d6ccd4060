"""action.yml, the README tables, Settings and the Dockerfile stay in step, and pass their linters."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from rte.settings import INPUTS
from tests.conftest import ROOT

ACTION = yaml.safe_load((ROOT / "action.yml").read_text())
README = (ROOT / "README.md").read_text()


def _bin(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).parent / name)
    assert Path(found).exists(), f"{name} is not installed; run the README's test setup"
    return found


def _table_names(heading: str) -> list[str]:
    section = README.split(heading, 1)[1].split("\n## ", 1)[0].split("\n### ", 1)[0]
    return re.findall(r"^\| `([a-z0-9-]+)` \|", section, re.M)


def test_action_yml_validates_against_githubs_schema():
    proc = subprocess.run(
        [_bin("check-jsonschema"), "--builtin-schema", "vendor.github-actions", str(ROOT / "action.yml")],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_dockerfile_has_no_hadolint_error():
    proc = subprocess.run(
        [_bin("hadolint"), "--failure-threshold", "error", str(ROOT / "Dockerfile")],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_inputs_match_settings():
    assert list(ACTION["inputs"]) == [i.name for i in INPUTS]
    for spec in INPUTS:
        declared = ACTION["inputs"][spec.name]
        assert declared["description"].startswith(spec.description.rstrip(".")), spec.name
        expected_default = spec.action_default if spec.action_default is not None else ""
        assert str(declared.get("default", "")) == expected_default, spec.name


def test_readme_tables_list_every_input_and_output():
    assert _table_names("### Inputs") == list(ACTION["inputs"])
    assert _table_names("### Outputs") == list(ACTION["outputs"])


def test_action_outputs_are_all_written(example_ws, tmp_path):
    from tests.runnerfiles import parse_output_file
    from tests.test_action import run_entrypoint, runner_env

    env = runner_env(example_ws, tmp_path, "workflow_dispatch", {}, feature="invoice-links")
    run_entrypoint(env, example_ws)
    written = parse_output_file(Path(env["GITHUB_OUTPUT"]).read_text())
    assert set(ACTION["outputs"]) <= set(written)


def test_dockerfile_copies_what_runs_and_pins_requirements():
    dockerfile = (ROOT / "Dockerfile").read_text()
    for part in ("COPY rte/", "COPY templates/", "COPY entrypoint.py", "requirements.txt"):
        assert part in dockerfile
    lock = (ROOT / "requirements.txt").read_text()
    entries = [e.strip() for e in re.split(r"(?m)^(?=[A-Za-z])", lock) if e.strip() and e[0].isalpha()]
    assert entries
    for entry in entries:
        requirement = entry.split()[0]
        assert "==" in requirement, f"{requirement} is not pinned"
        assert "--hash=sha256:" in entry, f"{requirement} has no hash"
    assert "--require-hashes" in dockerfile
    assert ACTION["runs"] == {"using": "docker", "image": "Dockerfile"}


def test_generated_inputs_are_in_sync():
    proc = subprocess.run(
        [sys.executable, str(ROOT / "scripts/sync_inputs.py"), "--check"], capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stdout
