"""The git edge, the git facts and the `git.conflicts` gate, over real repositories made with the git CLI."""

from __future__ import annotations

import hashlib
import os
import subprocess
from datetime import date
from pathlib import Path

import pytest

from rte import git
from rte.discover import Discovery
from rte.errors import GitError
from rte.gates.base import Context, Status
from rte.gates.git import CONFLICTS_ID, claimed_doc_changed, conflicts
from rte.gitfacts import GitFacts, collect_git_facts
from rte.model import Feature
from rte.settings import GitHubEnv, Settings
from tests.gitrepo import GitRepo, feature_files, git_home_fixture, repo_fixture  # noqa: F401

ALPHA = "docs/features/alpha/01-bsa-analysis.md"
BRAVO = "docs/features/bravo/01-bsa-analysis.md"
OTHER_UID = 12345


def conflicting(repo: GitRepo) -> tuple[str, str]:
    """A topic branch and a main that both rewrote alpha's and bravo's document; returns (main, topic)."""
    repo.branch("topic")
    topic = repo.commit(
        "topic edits", {ALPHA: "topic\n", BRAVO: "topic\n", "docs/features/delta/x.md": "t\n"}
    )
    repo.checkout("main")
    main = repo.commit("main edits", {ALPHA: "main\n", BRAVO: "main\n", "README.md": "main\n"})
    repo.checkout("topic")
    return main, topic


def context(repo_path: Path, facts: object) -> Context:
    return Context(settings=Settings(workspace=repo_path), today=date(2025, 1, 1), facts={"git": facts})


def alpha() -> Feature:
    return Feature(slug="alpha", path="docs/features/alpha")


def test_merge_conflicts_lists_the_files_and_leaves_the_repository_untouched(repo: GitRepo) -> None:
    conflicting(repo)
    repo.write({"README.md": "uncommitted work\n", "scratch.txt": "untracked\n"})
    repo.git("add", "README.md")
    repo.write({"README.md": "more uncommitted work\n"})
    before = repo.state()

    check = git.merge_conflicts(repo.path, "HEAD", "main")

    assert check.files == (ALPHA, BRAVO)
    assert not check.clean
    assert (check.target, check.target_sha) == ("main", repo.sha("main"))
    assert any("CONFLICT (content)" in m and ALPHA in m for m in check.messages)
    assert repo.state() == before  # HEAD, branch, index, status, diff --cached, objects, refs
    assert (repo.path / "README.md").read_text() == "more uncommitted work\n"


def test_merge_conflicts_prefers_origin_target(repo: GitRepo, tmp_path: Path) -> None:
    clone = GitRepo.clone(repo, tmp_path / "clone")
    clone.branch("topic")
    clone.commit("topic", {ALPHA: "topic\n"})
    repo.commit("main moves", {ALPHA: "upstream\n"})
    clone.git("fetch", "-q", "origin")
    check = git.merge_conflicts(clone.path, "HEAD", "main")
    assert check.target == "origin/main" and check.files == (ALPHA,)


def test_clean_merge(repo: GitRepo) -> None:
    repo.branch("topic")
    repo.commit("topic", {ALPHA: "topic\n"})
    repo.checkout("main")
    repo.commit("main", {BRAVO: "main\n"})
    check = git.merge_conflicts(repo.path, "topic", "main")
    assert check.clean and check.files == ()


def test_missing_target_branch_says_fetch_depth(repo: GitRepo) -> None:
    with pytest.raises(GitError) as info:
        git.merge_conflicts(repo.path, "HEAD", "release")
    assert "`origin/release` and `release`" in info.value.message
    assert "fetch-depth: 0" in (info.value.tip or "")


def test_shallow_clone_says_fetch_depth(repo: GitRepo, tmp_path: Path) -> None:
    base = repo.head
    repo.branch("topic")
    head = repo.commit("topic", {ALPHA: "topic\n"})
    shallow = GitRepo.clone(
        repo, tmp_path / "shallow", "--depth", "1", "--single-branch", "--branch", "topic"
    )
    assert git.is_shallow(shallow.path) and not git.is_shallow(repo.path)
    with pytest.raises(GitError) as info:
        git.changed_files(shallow.path, base, head)
    assert "shallow" in info.value.message and "fetch-depth: 0" in (info.value.tip or "")
    with pytest.raises(GitError) as info:
        git.merge_conflicts(shallow.path, "HEAD", "main")
    assert "the clone is shallow" in info.value.message and "fetch-depth: 0" in (info.value.tip or "")
    with pytest.raises(GitError) as info:
        git.rev_parse(shallow.path, base)
    assert "fetch-depth: 0" in (info.value.tip or "")


def test_rev_parse_and_is_repo(repo: GitRepo, tmp_path: Path) -> None:
    assert git.rev_parse(repo.path, "main") == repo.head
    assert git.resolve(repo.path, "--output=/tmp/x") is None
    assert git.is_repo(repo.path) and git.is_repo(repo.path / "docs")
    plain = tmp_path / "plain"
    plain.mkdir()
    assert not git.is_repo(plain) and not git.is_shallow(plain)
    assert not git.is_repo(tmp_path / "missing")


def test_changed_files_paths_are_relative_to_the_workspace(repo: GitRepo) -> None:
    base = repo.head
    head = repo.commit("two", {ALPHA: "x\n", "README.md": "y\n"})
    assert git.changed_files(repo.path, base, head) == {ALPHA, "README.md"}
    assert git.changed_files(repo.path / "docs", base, head) == {"features/alpha/01-bsa-analysis.md"}


def test_changed_files_with_unknown_commits_names_them(repo: GitRepo) -> None:
    with pytest.raises(GitError) as info:
        git.changed_files(repo.path, "f" * 40, repo.head)
    assert "ffffff" in info.value.message and "is not in this clone" in info.value.message


def test_dubious_ownership_is_handled_without_touching_global_config(repo: GitRepo, git_home: Path) -> None:
    main, topic = conflicting(repo)
    global_config = git_home / ".gitconfig"
    global_config.write_text("[user]\n\tname = Someone\n[core]\n\tpager = less\n", encoding="utf-8")
    digest = hashlib.sha256(global_config.read_bytes()).hexdigest()
    for root, dirs, files in os.walk(repo.path):
        for name in [*dirs, *files]:
            os.lchown(os.path.join(root, name), OTHER_UID, OTHER_UID)
    os.chown(repo.path, OTHER_UID, OTHER_UID)

    plain = subprocess.run(["git", "status"], cwd=repo.path, capture_output=True, text=True, check=False)
    assert plain.returncode != 0 and "dubious ownership" in plain.stderr

    assert git.is_repo(repo.path)
    assert git.rev_parse(repo.path, "topic") == topic
    assert git.changed_files(repo.path, main, topic) == {ALPHA, BRAVO, "docs/features/delta/x.md"}
    assert git.merge_conflicts(repo.path, "topic", "main").files == (ALPHA, BRAVO)

    assert hashlib.sha256(global_config.read_bytes()).hexdigest() == digest
    assert sorted(p.name for p in git_home.iterdir()) == [".gitconfig"]
    still = subprocess.run(["git", "status"], cwd=repo.path, capture_output=True, text=True, check=False)
    assert "dubious ownership" in still.stderr  # nothing was marked safe for anyone else


def test_no_global_config_is_created(repo: GitRepo, git_home: Path) -> None:
    conflicting(repo)
    git.merge_conflicts(repo.path, "topic", "main")
    git.changed_files(repo.path, "main", "topic")
    assert list(git_home.iterdir()) == []


def test_parse_merge_tree_output() -> None:
    out = (
        "tree\0a.md\0b/c.md\0\0"
        "1\0a.md\0Auto-merging\0Auto-merging a.md\n\0"
        "1\0a.md\0CONFLICT (contents)\0CONFLICT (content): Merge conflict in a.md\n\0"
        "2\0b/c.md\0b/d.md\0CONFLICT (rename/delete)\0CONFLICT (rename/delete): b/c.md gone\n\0"
    )
    files, messages = git.parse_merge_tree(out)
    assert files == ("a.md", "b/c.md")
    assert messages == ("CONFLICT (content): Merge conflict in a.md", "CONFLICT (rename/delete): b/c.md gone")


# -- facts and gates ------------------------------------------------------------------------------


def test_collect_git_facts_and_gate_fail_naming_the_files(repo: GitRepo) -> None:
    main, topic = conflicting(repo)
    s = Settings(workspace=repo.path, github=GitHubEnv(event_name="pull_request"))
    discovery = Discovery(("alpha",), "test", None, base=main, head=topic, target_branch="main")
    facts = collect_git_facts(s, discovery)
    assert facts.conflicts is not None and facts.conflicts.files == (ALPHA, BRAVO)
    assert facts.changed_files == frozenset({ALPHA, BRAVO, "docs/features/delta/x.md"})

    result = conflicts(alpha(), context(repo.path, facts))
    assert result.id == CONFLICTS_ID and result.status is Status.FAIL and result.fails_run
    assert ALPHA in result.message and BRAVO in result.message and "1 in this feature" in result.message
    assert [loc.file for loc in result.locations] == [ALPHA, BRAVO]


def test_gate_passes_on_a_clean_merge(repo: GitRepo) -> None:
    repo.branch("topic")
    topic = repo.commit("topic", {ALPHA: "topic\n"})
    s = Settings(workspace=repo.path, github=GitHubEnv(event_name="push"), target_branch="main")
    facts = collect_git_facts(s, Discovery(("alpha",), "t", None, head=topic))
    assert facts.changed_files is None  # not a pull request
    result = conflicts(alpha(), context(repo.path, facts))
    assert result.status is Status.PASS and "`main`" in result.message


def test_gate_skips_with_a_reason(repo: GitRepo, tmp_path: Path) -> None:
    plain = tmp_path / "plain"
    plain.mkdir()
    not_repo = collect_git_facts(Settings(workspace=plain), Discovery((), "t"))
    assert not_repo.skip_reason == "not a git repository"
    no_target = collect_git_facts(Settings(workspace=repo.path), Discovery((), "t"))
    assert "no target branch" in no_target.skip_reason
    missing = collect_git_facts(Settings(workspace=repo.path, target_branch="release"), Discovery((), "t"))
    assert "fetch-depth: 0" in missing.skip_reason
    for facts, words in (
        (not_repo, "not a git repository"),
        (no_target, "no target branch"),
        (None, "no git facts"),
    ):
        result = conflicts(alpha(), context(plain, facts))
        assert result.status is Status.SKIP and words in result.message


def test_gate_accepts_a_bare_conflict_check() -> None:
    check = git.ConflictCheck(head="HEAD", target="origin/main", target_sha="0" * 40, files=("x.md",))
    result = conflicts(alpha(), context(Path("."), check))
    assert result.status is Status.FAIL and "`x.md`" in result.message


def test_claimed_doc_changed() -> None:
    facts = {"git": GitFacts(changed_files=frozenset({"docs/api/payments.md", "docs/adr/0007-x.md"}))}
    assert claimed_doc_changed("docs/api/payments.md", facts) is True
    assert claimed_doc_changed("./docs/api/payments.md", facts) is True
    assert claimed_doc_changed("docs/adr/", facts) is True
    assert claimed_doc_changed("docs/api/orders.md", facts) is False
    assert claimed_doc_changed("docs/api/payments.md", {"git": GitFacts()}) is None
    assert claimed_doc_changed("docs/api/payments.md", {}) is None
