"""Git gates: `git.conflicts` (the change merges cleanly) and the changed-files helper for docs gates."""

from __future__ import annotations

from collections.abc import Mapping

from rte.gates.base import Context, GateResult, Status
from rte.git import ConflictCheck
from rte.gitfacts import FACTS_KEY, GitFacts
from rte.model import Feature, Location

CONFLICTS_ID = "git.conflicts"
SHOWN = 10


def _facts(facts: Mapping[str, object]) -> GitFacts | None:
    value = facts.get(FACTS_KEY)
    if isinstance(value, ConflictCheck):
        return GitFacts(conflicts=value)
    return value if isinstance(value, GitFacts) else None


def conflicts(feature: Feature, ctx: Context) -> GateResult:
    """Fail when merging the head into the target branch would conflict, naming the files."""
    facts = _facts(ctx.facts)
    if facts is None or facts.conflicts is None:
        reason = facts.skip_reason if facts and facts.skip_reason else "no git facts were collected"
        return GateResult(CONFLICTS_ID, Status.SKIP, f"merge conflicts not checked: {reason}")
    check = facts.conflicts
    if check.clean:
        return GateResult(CONFLICTS_ID, Status.PASS, f"merges cleanly into `{check.target}`")
    files = check.files
    mine = [f for f in files if f.startswith(feature.path.rstrip("/") + "/")]
    named = ", ".join(f"`{f}`" for f in files[:SHOWN]) + (
        f" and {len(files) - SHOWN} more" if len(files) > SHOWN else ""
    )
    where = f" ({len(mine)} in this feature)" if mine else ""
    message = (
        f"merging into `{check.target}` conflicts in {len(files)} file(s){where}: {named}; "
        f"merge or rebase onto `{check.target}` and resolve them"
    )
    return GateResult(CONFLICTS_ID, Status.FAIL, message, tuple(Location(f) for f in files[:SHOWN]))


def claimed_doc_changed(path: str, facts: Mapping[str, object]) -> bool | None:
    """Did the pull request change `path` (a file, or any file under a folder)? None when not in a PR."""
    found = _facts(facts)
    if found is None or found.changed_files is None:
        return None
    name = path.strip().replace("\\", "/").removeprefix("./").lstrip("/").rstrip("/")
    if not name:
        return None
    return name in found.changed_files or any(f.startswith(name + "/") for f in found.changed_files)
