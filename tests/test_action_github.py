"""The action end to end against the local fake GitHub: PR body section, labels, PR creation, reruns."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import git
from tests.fakegithub import FakeGitHub
from tests.runnerfiles import parse_commands, parse_output_file
from tests.test_action import pr_payload, run_entrypoint, runner_env


def _env(ws: Path, tmp: Path, fake: FakeGitHub, event: str, payload: dict, **inputs: str) -> dict[str, str]:
    env = runner_env(ws, tmp, event, payload, **inputs)
    env.update(
        {
            "GITHUB_API_URL": fake.base_url,
            "GITHUB_REPOSITORY": fake.repository,
            "INPUT_GITHUB-TOKEN": fake.token,
        }
    )
    return env


def _fresh_files(env: dict[str, str]) -> None:
    Path(env["GITHUB_OUTPUT"]).write_text("")
    Path(env["GITHUB_STEP_SUMMARY"]).write_text("")


def test_pull_request_run_writes_section_and_labels_once(example_ws, tmp_path):
    with FakeGitHub(repository="acme/shop") as fake:
        number = fake.add_pull("feature", body="Written by a person.\n", labels=("risk:high", "team:billing"))
        payload = pr_payload(example_ws)
        payload["number"] = payload["pull_request"]["number"] = number
        env = _env(example_ws, tmp_path, fake, "pull_request", payload, feature="invoice-links")
        proc = run_entrypoint(env, example_ws)
        assert proc.returncode == 0, proc.stdout + proc.stderr
        pull = fake.pulls[number]
        assert pull["body"].startswith("Written by a person.\n")
        assert "<!-- rte:begin -->" in pull["body"] and "## Summary" in pull["body"]
        outputs = parse_output_file(Path(env["GITHUB_OUTPUT"]).read_text())
        risk = outputs["risk-level"]
        assert sorted(pull["labels"]) == ["release-gate:pass", f"risk:{risk}", "team:billing"]
        assert outputs["pr-number"] == str(number) and outputs["pr-operation"] == "updated"
        assert fake.schema_errors == []

        writes_before = len(fake.writes())
        _fresh_files(env)
        assert run_entrypoint(env, example_ws).returncode == 0
        assert len(fake.writes()) == writes_before, "a rerun with nothing changed must not write"
        assert parse_output_file(Path(env["GITHUB_OUTPUT"]).read_text())["pr-operation"] == "unchanged"


def test_push_with_create_pr_opens_exactly_one_pr_and_commits_the_plan(example_ws, tmp_path):
    with FakeGitHub(repository="acme/shop", prefix="/api/v3") as fake:  # GitHub Enterprise style URL
        fake.branches.add("feature")
        payload = {
            "ref": "refs/heads/feature",
            "before": "0" * 40,
            "after": git(example_ws, "rev-parse", "HEAD").strip(),
            "repository": {"full_name": "acme/shop", "default_branch": "main"},
        }
        env = _env(
            example_ws,
            tmp_path,
            fake,
            "push",
            payload,
            feature="invoice-links",
            create_pr="true",
            commit_release_plan="true",
        )
        env["GITHUB_REF"] = "refs/heads/feature"
        writes = []
        for _ in range(2):
            _fresh_files(env)
            proc = run_entrypoint(env, example_ws)
            assert proc.returncode == 0, proc.stdout + proc.stderr
            writes.append(len(fake.writes()))
        assert writes[0] > 0 and writes[1] == writes[0], "the second run must not write"
        assert len(fake.pulls) == 1
        (pull,) = fake.pulls.values()
        assert pull["title"] == "Shareable Invoice Links" and pull["base"] == "main"
        assert [c[2] for c in fake.commits] == ["docs: release plan for invoice-links"]
        plan = fake.files[("feature", "docs/features/invoice-links/07-release-plan.md")][0].decode()
        assert plan == (example_ws / "docs/features/invoice-links/07-release-plan.md").read_text()
        outputs = parse_output_file(Path(env["GITHUB_OUTPUT"]).read_text())
        assert outputs["pr-operation"] == "unchanged"


def test_fork_pull_request_gets_a_notice_and_keeps_the_verdict(example_ws, tmp_path):
    with FakeGitHub(repository="acme/shop") as fake:
        number = fake.add_pull("feature", head_repo="stranger/shop")
        payload = pr_payload(example_ws)
        payload["number"] = payload["pull_request"]["number"] = number
        payload["pull_request"]["head"]["repo"] = {"full_name": "stranger/shop", "fork": True}
        env = _env(example_ws, tmp_path, fake, "pull_request", payload, feature="bulk-export")
        proc = run_entrypoint(env, example_ws)
        assert proc.returncode == 1  # the gates decide, not the read-only token
        assert fake.writes() == []
        notices = [c for c in parse_commands(proc.stdout) if c["name"] == "notice"]
        assert notices and "fork" in notices[0]["message"].lower()
        outputs = parse_output_file(Path(env["GITHUB_OUTPUT"]).read_text())
        assert outputs["verdict"] == "fail" and json.loads(outputs["features"]) == ["bulk-export"]
        assert "fork" in Path(env["GITHUB_STEP_SUMMARY"]).read_text().lower()
