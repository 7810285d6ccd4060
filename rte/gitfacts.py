"""Git facts for the gates, gathered once per run at the edge: merge conflicts and the PR's changed files."""

from __future__ import annotations

from dataclasses import dataclass

from rte import git
from rte.discover import PR_EVENTS, Discovery
from rte.errors import GitError
from rte.settings import Settings

FACTS_KEY = "git"


@dataclass(frozen=True)
class GitFacts:
    """What the git gates read from `Context.facts["git"]`."""

    conflicts: git.ConflictCheck | None = None
    skip_reason: str = ""  # why `conflicts` is None: not a repository, no target branch…
    changed_files: frozenset[str] | None = None  # the pull request's changed files; None outside a PR


def collect_git_facts(settings: Settings, discovery: Discovery) -> GitFacts:
    """Conflicts with the target branch and the PR's changed files; a constant number of git calls.

    A missing target branch or a shallow clone is not fatal here: the conflicts gate then skips with
    the reason (which carries the `fetch-depth: 0` advice).
    """
    workspace = settings.workspace
    if not git.is_repo(workspace):
        return GitFacts(skip_reason="not a git repository")
    in_pr = settings.github.event_name in PR_EVENTS
    changed = discovery.changed_files if in_pr else None
    if in_pr and changed is None and discovery.base and discovery.head:
        changed = git.changed_files(workspace, discovery.base, discovery.head)
    target = settings.target_branch or discovery.target_branch or settings.github.base_ref
    if not target:
        return GitFacts(skip_reason="no target branch (set `target-branch`)", changed_files=changed)
    try:
        check = git.merge_conflicts(workspace, discovery.head or "HEAD", target)
    except GitError as exc:
        reason = f"{exc.message} ({exc.tip})" if exc.tip else exc.message
        return GitFacts(skip_reason=reason, changed_files=changed)
    return GitFacts(conflicts=check, changed_files=changed)
