"""Test helper: real git repositories built with the git CLI (init, commit files, branches, clones)."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

FEATURES = ("alpha", "bravo", "charlie", "delta", "echo")


class GitRepo:
    """A repository on disk driven by plain `git` (no safe.directory override: the user's view)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @classmethod
    def init(cls, path: Path, branch: str = "main") -> GitRepo:
        path.mkdir(parents=True, exist_ok=True)
        repo = cls(path)
        repo.git("init", "-q", "-b", branch)
        return repo

    @classmethod
    def clone(cls, source: GitRepo, path: Path, *args: str) -> GitRepo:
        subprocess.run(["git", "clone", "-q", *args, f"file://{source.path}", str(path)], check=True)
        return cls(path)

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["git", *args], cwd=self.path, capture_output=True, text=True, check=False)

    def git(self, *args: str) -> str:
        proc = self.run(*args)
        if proc.returncode != 0:
            raise AssertionError(f"git {' '.join(args)} failed: {proc.stderr}")
        return proc.stdout

    def write(self, files: Mapping[str, str | None]) -> None:
        """Write (or, for None, delete) files relative to the repository root."""
        for name, text in files.items():
            target = self.path / name
            if text is None:
                target.unlink()
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")

    def commit(self, message: str, files: Mapping[str, str | None] | None = None) -> str:
        self.write(files or {})
        self.git("add", "-A")
        self.git("commit", "-q", "--allow-empty", "-m", message)
        return self.head

    def branch(self, name: str, start: str = "HEAD") -> None:
        self.git("checkout", "-q", "-b", name, start)

    def checkout(self, name: str) -> None:
        self.git("checkout", "-q", name)

    @property
    def head(self) -> str:
        return self.git("rev-parse", "HEAD").strip()

    def sha(self, rev: str) -> str:
        return self.git("rev-parse", rev).strip()

    def state(self) -> tuple[str, ...]:
        """Everything a read-only check must leave alone: HEAD, branch, index, status, objects, refs."""
        index = self.path / ".git" / "index"
        return (
            self.git("rev-parse", "HEAD"),
            self.git("symbolic-ref", "-q", "HEAD"),
            self.git("status", "--porcelain", "--untracked-files=all"),
            self.git("diff", "--cached"),
            self.git("diff"),
            self.git("count-objects", "-v"),
            self.git("for-each-ref"),
            index.read_bytes().hex() if index.exists() else "",
        )


def feature_files(*slugs: str, text: str = "draft\n") -> dict[str, str | None]:
    return {f"docs/features/{s}/01-bsa-analysis.md": f"# {s}\n\n{text}" for s in slugs}


@pytest.fixture(name="git_home")
def git_home_fixture(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An isolated HOME (with its own global config) and a fixed identity for every git call."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.delenv("GIT_CONFIG_GLOBAL", raising=False)
    for var in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "SUDO_UID", "GIT_OBJECT_DIRECTORY"):
        monkeypatch.delenv(var, raising=False)
    for who in ("AUTHOR", "COMMITTER"):
        monkeypatch.setenv(f"GIT_{who}_NAME", "Test")
        monkeypatch.setenv(f"GIT_{who}_EMAIL", "test@example.com")
    yield home


@pytest.fixture(name="repo")
def repo_fixture(tmp_path: Path, git_home: Path) -> GitRepo:
    """main with five features and a README, one commit."""
    r = GitRepo.init(tmp_path / "repo")
    r.commit("five features", {**feature_files(*FEATURES), "README.md": "hello\n"})
    return r
