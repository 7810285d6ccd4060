"""The token never appears anywhere rte writes, even when GitHub's error message echoes it back."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fakegithub import FakeGitHub
from tests.test_action import pr_payload, run_entrypoint, runner_env

TOKEN = "ghs_HOSTILE0123456789abcdefTOKEN"


def every_text(env: dict[str, str], ws: Path, proc) -> dict[str, str]:
    texts = {"stdout": proc.stdout, "stderr": proc.stderr}
    for root in (Path(env["RUNNER_TEMP"]), ws, Path(env["GITHUB_OUTPUT"]).parent):
        for path in root.rglob("*"):
            if path.is_file() and ".git" not in path.parts:
                texts[str(path)] = path.read_text(errors="replace")
    return texts


@pytest.mark.parametrize(
    ("method", "pattern", "status"),
    [("GET", r"/pulls/\d+$", 401), ("PATCH", r"/pulls/\d+$", 422), ("POST", r"/labels$", 500)],
)
def test_token_echoed_by_github_is_not_repeated(example_ws, tmp_path, method, pattern, status):
    with FakeGitHub(repository="acme/shop", token=TOKEN) as fake:
        number = fake.add_pull("feature", body="Hello\n")
        fake.fail(
            method, pattern, status, f"Bad credentials: token {TOKEN} (Authorization: token {TOKEN})", 9
        )
        payload = pr_payload(example_ws)
        payload["number"] = payload["pull_request"]["number"] = number
        env = runner_env(example_ws, tmp_path, "pull_request", payload, feature="invoice-links")
        env.update({"GITHUB_API_URL": fake.base_url, "INPUT_GITHUB-TOKEN": TOKEN})
        proc = run_entrypoint(env, example_ws)
    assert proc.returncode in (0, 1), proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr
    texts = every_text(env, example_ws, proc)
    found = {name: text.count(TOKEN) for name, text in texts.items() if TOKEN in text}
    assert found == {"stdout": 1}, found  # only the add-mask command that hides it
    assert proc.stdout.startswith(f"::add-mask::{TOKEN}\n")
    assert any("GitHub" in line for line in proc.stdout.splitlines() if line.startswith("::error"))
