"""The git CLI at the edge: changed files between two commits and an in-memory merge check."""

from __future__ import annotations

import os
import subprocess
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from rte.errors import GitError

TIMEOUT_SECONDS = 120.0
FETCH_TIP = (
    "check out the full history: in the workflow, give actions/checkout `with: fetch-depth: 0` "
    "(the default, 1, fetches a single commit with no history to compare against)"
)
ZERO_SHA = "0" * 40


@dataclass(frozen=True)
class RepoInfo:
    """What one `git rev-parse` says about the workspace."""

    toplevel: Path
    common_dir: Path  # the .git folder holding objects (shared by linked worktrees)
    shallow: bool


@dataclass(frozen=True)
class ConflictCheck:
    """The result of merging `head` into `target` in memory (`git merge-tree --write-tree`)."""

    head: str  # the revision checked, as given
    target: str  # the ref the target branch resolved to, e.g. origin/main
    target_sha: str
    files: tuple[str, ...] = ()  # conflicting paths, relative to the repository root
    messages: tuple[str, ...] = ()  # git's CONFLICT lines, e.g. "CONFLICT (content): Merge conflict in a.md"

    @property
    def clean(self) -> bool:
        return not self.files


# -- running git -------------------------------------------------------------------------------


def git_env(base: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment for every git call: no prompts, no optional locks, C locale messages."""
    env = dict(os.environ if base is None else base)
    env.update({"GIT_TERMINAL_PROMPT": "0", "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C", "LANGUAGE": "C"})
    env.pop("GIT_DIR", None)
    env.pop("GIT_WORK_TREE", None)
    return env


def run(
    workspace: Path,
    args: Sequence[str],
    *,
    ok: tuple[int, ...] = (0,),
    extra_env: Mapping[str, str] | None = None,
    timeout: float = TIMEOUT_SECONDS,
) -> subprocess.CompletedProcess[str]:
    """Run `git <args>` in the workspace (argument list, no shell), trusting the workspace explicitly.

    `-c safe.directory=<workspace>` lets git work in a checkout owned by another uid (the Docker action
    runs as root over the runner user's files) without touching anyone's global configuration.
    """
    root = str(workspace.resolve())
    cmd = ["git", "-c", f"safe.directory={root}", "-C", root, *args]
    env = git_env()
    if extra_env:
        env.update(extra_env)
    try:
        proc = subprocess.run(
            cmd,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            env=env,
            timeout=timeout,
            check=False,
            stdin=subprocess.DEVNULL,
        )
    except FileNotFoundError:
        raise GitError(
            "git is not installed or not on PATH", tip="install git (the action's image ships it)"
        ) from None
    except subprocess.TimeoutExpired:
        raise GitError(
            f"`git {args[0]}` did not finish within {timeout:.0f} seconds in {root}",
            tip="a very large repository or a hung filesystem; retry, or pass `feature` explicitly",
        ) from None
    if proc.returncode not in ok:
        raise GitError(_failure(args, proc.stderr, root), tip=_tip(proc.stderr))
    return proc


def _failure(args: Sequence[str], stderr: str, root: str) -> str:
    lines = [line.removeprefix("fatal: ").strip() for line in stderr.splitlines() if line.strip()]
    reason = lines[0] if lines else "no message"
    return f"`git {args[0]}` failed in {root}: {reason}"


def _tip(stderr: str) -> str | None:
    text = stderr.lower()
    if "not a git repository" in text:
        return "run rte at the root of a git checkout (actions/checkout before this step)"
    if "dubious ownership" in text:
        return "the workspace must be the repository root so that rte can mark it as a safe.directory"
    if "shallow" in text or "unknown revision" in text or "bad object" in text:
        return FETCH_TIP
    return None


# -- what the repository is ---------------------------------------------------------------------


def probe(workspace: Path) -> RepoInfo | None:
    """One `git rev-parse` call; None when the workspace is not inside a git work tree."""
    proc = run(
        workspace,
        [
            "rev-parse",
            "--is-inside-work-tree",
            "--is-shallow-repository",
            "--path-format=absolute",
            "--git-common-dir",
            "--show-toplevel",
        ],
        ok=(0, 128),
    )
    if proc.returncode != 0:
        if "not a git repository" in proc.stderr.lower() or "cannot change to" in proc.stderr.lower():
            return None
        raise GitError(_failure(["rev-parse"], proc.stderr, str(workspace)), tip=_tip(proc.stderr))
    lines = proc.stdout.splitlines()
    if len(lines) < 4 or lines[0] != "true":
        return None
    return RepoInfo(toplevel=Path(lines[3]), common_dir=Path(lines[2]), shallow=lines[1] == "true")


def is_repo(workspace: Path) -> bool:
    return probe(workspace) is not None


def is_shallow(workspace: Path) -> bool:
    info = probe(workspace)
    return info is not None and info.shallow


def resolve(workspace: Path, rev: str) -> str | None:
    """The commit sha `rev` names, or None when the clone does not have it."""
    if not rev or rev == ZERO_SHA or rev.startswith("-"):
        return None
    proc = run(
        workspace,
        ["rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}"],
        ok=(0, 1, 128),
    )
    return proc.stdout.strip() if proc.returncode == 0 and proc.stdout.strip() else None


def commit_date(workspace: Path, rev: str) -> str | None:
    """The committer date of `rev` in ISO 8601, or None when the clone does not have it."""
    if not rev or rev == ZERO_SHA or rev.startswith("-"):
        return None
    proc = run(workspace, ["log", "-1", "--format=%cI", "--end-of-options", rev], ok=(0, 128))
    return proc.stdout.strip() or None if proc.returncode == 0 else None


def rev_parse(workspace: Path, rev: str) -> str:
    """The commit sha `rev` names; GitError with the fetch-depth advice when the clone lacks it."""
    sha = resolve(workspace, rev)
    if sha is None:
        raise _missing(workspace, [rev])
    return sha


def _missing(workspace: Path, revs: Sequence[str]) -> GitError:
    names = " and ".join(f"`{r}`" for r in revs)
    if is_shallow(workspace):
        return GitError(
            f"the clone is shallow, so the commit history needed for {names} is missing", tip=FETCH_TIP
        )
    return GitError(f"{names} is not in this clone", tip=FETCH_TIP)


# -- what changed ------------------------------------------------------------------------------


def changed_files(workspace: Path, base: str, head: str) -> frozenset[str]:
    """Paths changed on `head` since it forked from `base` (`git diff base...head`), in one git call.

    Renames and copies count under both names (old and new path), so moving a file out of a feature
    folder touches that feature too. Paths are relative to the workspace, with forward slashes.
    """
    args = [
        "diff",
        "--name-only",
        "-z",
        "--no-renames",
        "--no-ext-diff",
        "--relative",
        "--end-of-options",
        f"{base}...{head}",
        "--",
    ]
    try:
        proc = run(workspace, args)
    except GitError as exc:
        raise _diagnose(workspace, [base, head], exc) from None
    return frozenset(p for p in proc.stdout.split("\0") if p)


def _diagnose(workspace: Path, revs: Sequence[str], exc: GitError) -> GitError:
    """Turn a failed range command into the likely cause: a shallow clone or a commit not fetched."""
    info = probe(workspace)
    if info is None:
        return GitError(
            f"{workspace} is not a git repository, so rte cannot tell what changed",
            tip="check the repository out with actions/checkout before this step, "
            "or pass `feature` explicitly",
        )
    missing = [r for r in revs if resolve(workspace, r) is None]
    if missing or info.shallow:
        return _missing(workspace, missing or revs)
    if "no merge base" in exc.message.lower():
        return GitError(
            f"`{revs[0]}` and `{revs[1]}` have no common ancestor (unrelated histories)", tip=FETCH_TIP
        )
    return exc


# -- merge conflicts ---------------------------------------------------------------------------


def target_ref(workspace: Path, target: str) -> tuple[str, str] | None:
    """(ref, sha) of the target branch: `origin/<target>` first, then `<target>`; None if neither."""
    for ref in (f"origin/{target}", target):
        sha = resolve(workspace, ref)
        if sha:
            return ref, sha
    return None


def merge_conflicts(workspace: Path, head: str, target: str) -> ConflictCheck:
    """Would merging `head` into the target branch conflict? Checked in memory, touching nothing.

    `git merge-tree --write-tree` (git >= 2.38) merges without a work tree, index or HEAD change; the
    objects it writes go to a throw-away object folder, so the repository itself stays byte-identical.
    """
    info = probe(workspace)
    if info is None:
        raise GitError(f"{workspace} is not a git repository", tip="check it out with actions/checkout")
    found = target_ref(workspace, target)
    if found is None:
        raise GitError(
            f"the target branch `{target}` is not in this clone (looked for `origin/{target}` and `{target}`)"
            + (" — the clone is shallow" if info.shallow else ""),
            tip=FETCH_TIP + "; or set `target-branch` to the branch pull requests merge into",
        )
    ref, target_sha = found
    if resolve(workspace, head) is None:
        raise _missing(workspace, [head])
    with tempfile.TemporaryDirectory(prefix="rte-objects-") as scratch:
        env = {
            "GIT_OBJECT_DIRECTORY": scratch,
            "GIT_ALTERNATE_OBJECT_DIRECTORIES": str(info.common_dir / "objects"),
        }
        proc = run(
            workspace,
            ["merge-tree", "--write-tree", "--name-only", "-z", "--end-of-options", target_sha, head],
            ok=(0, 1),
            extra_env=env,
        )
    if proc.returncode == 0:
        return ConflictCheck(head=head, target=ref, target_sha=target_sha)
    files, messages = parse_merge_tree(proc.stdout)
    return ConflictCheck(head=head, target=ref, target_sha=target_sha, files=files, messages=messages)


def parse_merge_tree(out: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Conflicting paths and CONFLICT messages from `git merge-tree --write-tree --name-only -z` output.

    Layout: <tree>NUL, then one path per NUL, an empty field, then informational messages, each
    <count>NUL<path>NUL…<type>NUL<message>NUL.
    """
    fields = out.split("\0")
    files: list[str] = []
    i = 1
    while i < len(fields) and fields[i]:
        files.append(fields[i])
        i += 1
    i += 1
    messages: list[str] = []
    while i < len(fields) and fields[i].isdigit():
        count = int(fields[i])
        kind_at = i + 1 + count
        if kind_at + 1 >= len(fields):
            break
        if fields[kind_at].startswith("CONFLICT"):
            messages.append(fields[kind_at + 1].strip())
        i = kind_at + 2
    return tuple(dict.fromkeys(files)), tuple(dict.fromkeys(messages))
