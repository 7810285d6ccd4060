"""Feature discovery from pull_request / push / workflow_dispatch events over real git repositories."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from rte import git
from rte.discover import Mode, discover, matrix_json, plan, read_event, touched_slugs
from rte.errors import ConfigError, GitError
from rte.settings import GitHubEnv, Settings
from tests.gitrepo import FEATURES, GitRepo, feature_files, git_home_fixture, repo_fixture  # noqa: F401

ZERO = "0" * 40


def settings(path: Path, event: str = "", **kw: Any) -> Settings:
    return Settings(workspace=path, github=GitHubEnv(event_name=event), **kw)


def pr_payload(base: str, head: str, base_ref: str = "main") -> dict[str, object]:
    return {
        "action": "synchronize",
        "pull_request": {"base": {"sha": base, "ref": base_ref}, "head": {"sha": head, "ref": "topic"}},
        "repository": {"default_branch": "main"},
    }


def push_payload(before: str, after: str) -> dict[str, object]:
    return {
        "ref": "refs/heads/topic",
        "before": before,
        "after": after,
        "repository": {"default_branch": "main"},
    }


def test_pull_request_selects_exactly_the_two_touched_features(repo: GitRepo) -> None:
    base = repo.head
    repo.branch("topic")
    repo.commit("touch bravo", feature_files("bravo", text="more\n"))
    head = repo.commit("touch delta", {"docs/features/delta/02-architecture-design.md": "# arch\n"})
    # main moves on after the fork: a merge-base diff must not count echo as touched by the PR.
    repo.checkout("main")
    repo.commit("echo on main", feature_files("echo", text="main only\n"))
    repo.checkout("topic")

    found = discover(settings(repo.path, "pull_request"), pr_payload(base, head))

    assert found.slugs == ("bravo", "delta")
    assert found.changed_files == frozenset(
        {"docs/features/bravo/01-bsa-analysis.md", "docs/features/delta/02-architecture-design.md"}
    )
    assert (found.base, found.head, found.target_branch) == (base, head, "main")
    assert "pull request" in found.reason


def test_pull_request_base_is_the_fork_point_not_the_current_main(repo: GitRepo) -> None:
    repo.branch("topic")
    head = repo.commit("touch alpha", feature_files("alpha", text="x\n"))
    repo.checkout("main")
    later_main = repo.commit("echo on main", feature_files("echo", text="main only\n"))
    found = discover(settings(repo.path, "pull_request"), pr_payload(later_main, head))
    assert found.slugs == ("alpha",)


def test_a_rename_between_features_touches_both(repo: GitRepo) -> None:
    base = repo.commit("alpha notes", {"docs/features/alpha/notes.md": "notes\n"})
    repo.branch("topic")
    repo.git("mv", "docs/features/alpha/notes.md", "docs/features/charlie/notes.md")
    head = repo.commit("move")
    found = discover(settings(repo.path, "pull_request"), pr_payload(base, head))
    assert found.slugs == ("alpha", "charlie")


def test_change_outside_feature_folders_selects_none(repo: GitRepo) -> None:
    base = repo.head
    head = repo.commit("readme and index", {"README.md": "changed\n", "docs/features/index.md": "list\n"})
    found = discover(settings(repo.path, "pull_request"), pr_payload(base, head))
    assert found.slugs == ()
    assert found.changed_files == frozenset({"README.md", "docs/features/index.md"})
    assert "no file under `docs/features/<feature>/` changed" in found.reason


def test_all_features_true_selects_every_feature_whatever_changed(repo: GitRepo) -> None:
    base = repo.head
    head = repo.commit("readme", {"README.md": "changed\n"})
    found = discover(settings(repo.path, "pull_request", all_features=True), pr_payload(base, head))
    assert found.slugs == FEATURES


def test_a_deleted_feature_is_not_selected(repo: GitRepo) -> None:
    base = repo.head
    head = repo.commit(
        "drop echo, touch alpha",
        {"docs/features/echo/01-bsa-analysis.md": None, **feature_files("alpha", text="y\n")},
    )
    found = discover(settings(repo.path, "pull_request"), pr_payload(base, head))
    assert found.slugs == ("alpha",)
    assert "removed features not checked: echo" in found.reason


def test_custom_features_dir(repo: GitRepo) -> None:
    base = repo.head
    head = repo.commit("spec", {"specs/payments/01-bsa-analysis.md": "# p\n", **feature_files("alpha")})
    found = discover(settings(repo.path, "pull_request", features_dir="./specs/"), pr_payload(base, head))
    assert found.slugs == ("payments",)


def test_push_selects_features_between_before_and_after(repo: GitRepo) -> None:
    before = repo.head
    repo.commit("one", feature_files("charlie", text="1\n"))
    after = repo.commit("two", feature_files("echo", text="2\n"))
    found = discover(settings(repo.path, "push"), push_payload(before, after))
    assert found.slugs == ("charlie", "echo")
    assert found.base == before and found.head == after


def test_push_of_a_new_branch_diffs_against_the_default_branch(repo: GitRepo, tmp_path: Path) -> None:
    clone = GitRepo.clone(repo, tmp_path / "clone")  # has origin/main like an actions/checkout
    clone.branch("topic")
    after = clone.commit("new branch work", feature_files("delta", text="new\n"))
    found = discover(settings(clone.path, "push"), push_payload(ZERO, after))
    assert found.slugs == ("delta",)
    assert found.base == clone.sha("origin/main")
    assert "a new branch" in found.reason and "origin/main" in found.reason


def test_push_of_a_new_branch_without_the_default_branch_checks_everything(repo: GitRepo) -> None:
    after = repo.commit("work", feature_files("delta", text="new\n"))
    payload = push_payload(ZERO, after)
    payload["repository"] = {"default_branch": "trunk"}
    found = discover(settings(repo.path, "push"), payload)
    assert found.slugs == FEATURES
    assert "`trunk` is not in the clone" in found.reason


def test_push_that_deletes_a_branch_checks_nothing(repo: GitRepo) -> None:
    found = discover(settings(repo.path, "push"), push_payload(repo.head, ZERO))
    assert found.slugs == () and "deleted" in found.reason


def test_force_push_whose_old_commit_is_gone_falls_back_to_the_default_branch(repo: GitRepo) -> None:
    repo.branch("topic")
    after = repo.commit("work", feature_files("bravo", text="z\n"))
    found = discover(settings(repo.path, "push"), push_payload("1" * 40, after))
    assert found.slugs == ("bravo",)
    assert "force push" in found.reason


def test_workflow_dispatch_with_and_without_feature_input(repo: GitRepo) -> None:
    s = settings(repo.path, "workflow_dispatch")
    named = discover(s, {"inputs": {"feature": "bravo, charlie"}})
    assert named.slugs == ("bravo", "charlie") and named.changed_files is None
    every = discover(s, {"inputs": None})
    assert every.slugs == FEATURES
    assert "every feature" in every.reason


def test_feature_input_wins_over_the_event(repo: GitRepo) -> None:
    found = discover(settings(repo.path, "pull_request", feature=("echo",)), pr_payload("x", "y"))
    assert found.slugs == ("echo",) and found.changed_files is None


def test_pull_request_outside_a_git_repository_is_a_clear_error(tmp_path: Path, git_home: Path) -> None:
    (tmp_path / "docs/features/alpha").mkdir(parents=True)
    with pytest.raises(GitError) as info:
        discover(settings(tmp_path, "pull_request"), pr_payload("a" * 40, "b" * 40))
    assert "not a git repository" in info.value.message
    assert "actions/checkout" in (info.value.tip or "")


def test_shallow_clone_gives_the_fetch_depth_advice(repo: GitRepo, tmp_path: Path) -> None:
    base = repo.head
    repo.branch("topic")
    head = repo.commit("work", feature_files("alpha", text="w\n"))
    shallow = GitRepo.clone(repo, tmp_path / "shallow", "--depth", "1", "--branch", "topic")
    assert git.is_shallow(shallow.path)
    with pytest.raises(GitError) as info:
        discover(settings(shallow.path, "pull_request"), pr_payload(base, head))
    assert "shallow" in info.value.message
    assert "fetch-depth: 0" in (info.value.tip or "")


def test_shallow_clone_push_gives_the_fetch_depth_advice(repo: GitRepo, tmp_path: Path) -> None:
    before = repo.head
    after = repo.commit("work", feature_files("alpha", text="w\n"))
    shallow = GitRepo.clone(repo, tmp_path / "shallow", "--depth", "1")
    with pytest.raises(GitError) as info:
        discover(settings(shallow.path, "push"), push_payload(before, after))
    assert "fetch-depth: 0" in (info.value.tip or "")


def test_git_calls_per_run_do_not_grow_with_the_number_of_features(
    repo: GitRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[list[str]] = []
    real = subprocess.run

    def counting(cmd: list[str], **kw: Any) -> Any:
        calls.append(cmd)
        return real(cmd, **kw)

    monkeypatch.setattr(subprocess, "run", counting)  # the same module object rte.git uses

    def run_for(slugs: list[str]) -> int:
        base = repo.head
        head = repo.commit("many", feature_files(*slugs, text=f"{len(slugs)}\n"))
        calls.clear()
        assert discover(settings(repo.path, "pull_request"), pr_payload(base, head)).slugs == tuple(slugs)
        return len(calls)

    assert run_for(["alpha", "bravo"]) == run_for([f"f{i:03}" for i in range(60)]) == 1


# -- pure parts ----------------------------------------------------------------------------------


def test_touched_slugs_only_counts_files_inside_a_feature_folder() -> None:
    changed = [
        "docs/features/a/x.md",
        "docs/features/b/sub/y.md",
        "docs/features/README.md",
        "docs/features/.hidden/z.md",
        "docs/featuresX/c/x.md",
        "src/d/x.md",
    ]
    assert touched_slugs(changed, "docs/features") == ("a", "b")
    assert touched_slugs(changed, "./docs/features/") == ("a", "b")


def test_matrix_json_is_compact_and_ready_for_from_json() -> None:
    assert matrix_json(["alpha", "bravo"]) == '{"feature":["alpha","bravo"]}'
    assert matrix_json([]) == '{"feature":[]}'
    assert json.loads(matrix_json(("x",))) == {"feature": ["x"]}


def test_plan_for_other_events_checks_everything(tmp_path: Path) -> None:
    for event in ("schedule", "release", ""):
        assert plan(settings(tmp_path, event), event, {}).mode is Mode.ALL


def test_target_branch_setting_overrides_the_payload(tmp_path: Path) -> None:
    p = plan(settings(tmp_path, target_branch="release"), "pull_request", pr_payload("a", "b", "main"))
    assert p.target_branch == "release"


def test_pull_request_payload_without_shas_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"no `pull_request\.head\.sha`"):
        plan(settings(tmp_path), "pull_request", {"pull_request": {"base": {"sha": "a"}}})
    with pytest.raises(ConfigError, match="is not a string"):
        plan(settings(tmp_path), "pull_request", {"pull_request": {"base": {"sha": 5}}})


def test_read_event(tmp_path: Path) -> None:
    good = tmp_path / "event.json"
    good.write_text(json.dumps(push_payload("a", "b")), encoding="utf-8")
    assert read_event(good)["after"] == "b"
    assert read_event("") == {}
    bad = tmp_path / "bad.json"
    bad.write_text('{\n  "after": "b",\n  oops\n}', encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        read_event(bad)
    assert "not valid JSON" in info.value.message
    assert info.value.location is not None and info.value.location.line == 3
    listing = tmp_path / "list.json"
    listing.write_text("[1]", encoding="utf-8")
    with pytest.raises(ConfigError, match="not a JSON object"):
        read_event(listing)
    with pytest.raises(ConfigError, match="cannot read the event payload"):
        read_event(tmp_path / "missing.json")
