"""Which features a run checks: from the event (pull request, push, dispatch) and what it changed."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path, PurePosixPath

from rte import git
from rte.errors import ConfigError, GitError
from rte.model import Location
from rte.settings import Settings

PR_EVENTS = ("pull_request", "pull_request_target")


@dataclass(frozen=True)
class Discovery:
    """The features to check and why; `changed_files` is None when no change range was computed."""

    slugs: tuple[str, ...]
    reason: str
    changed_files: frozenset[str] | None = None
    base: str | None = None
    head: str | None = None
    # The branch this change would merge into, as the event tells it (PR base, else the default branch).
    target_branch: str | None = None

    def to_json(self) -> dict[str, object]:
        return {
            "features": list(self.slugs),
            "reason": self.reason,
            "base": self.base,
            "head": self.head,
            "changed_files": sorted(self.changed_files) if self.changed_files is not None else None,
        }


class Mode(StrEnum):
    EXPLICIT = "explicit"  # slugs named by the user
    ALL = "all"  # every feature folder
    NONE = "none"  # nothing to check
    RANGE = "range"  # features touched between base and head


@dataclass(frozen=True)
class Plan:
    """What the event asks for, before git is asked anything (pure)."""

    mode: Mode
    reason: str
    slugs: tuple[str, ...] = ()
    base: str | None = None  # None with RANGE: diff against `default_branch` (a new branch)
    head: str | None = None
    target_branch: str | None = None
    default_branch: str | None = None


# -- the event payload -------------------------------------------------------------------------


def read_event(path: str | Path) -> dict[str, object]:
    """The webhook payload the runner wrote to `GITHUB_EVENT_PATH`; `{}` when there is none."""
    if not str(path):
        return {}
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(
            f"cannot read the event payload {file}: {exc.strerror}",
            tip="GITHUB_EVENT_PATH must name the runner's event.json",
        ) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ConfigError(
            f"the event payload is not valid JSON: {exc.msg}",
            location=Location(str(file), exc.lineno),
            tip="GITHUB_EVENT_PATH must name the runner's event.json",
        ) from None
    if not isinstance(data, dict):
        raise ConfigError("the event payload is not a JSON object", location=Location(str(file)))
    return data


def _field(payload: Mapping[str, object], *keys: str) -> str | None:
    """The string at payload[k1][k2]…; None when absent or null; ConfigError when of another type."""
    node: object = payload
    for key in keys:
        if not isinstance(node, Mapping):
            return None
        node = node.get(key)
        if node is None:
            return None
    if not isinstance(node, str):
        raise ConfigError(f"the event payload's `{'.'.join(keys)}` is not a string: {node!r}")
    return node


def _required(payload: Mapping[str, object], event: str, *keys: str) -> str:
    value = _field(payload, *keys)
    if not value:
        raise ConfigError(
            f"the `{event}` event payload has no `{'.'.join(keys)}`",
            tip="run rte from the workflow that event triggered, or pass `feature` explicitly",
        )
    return value


# -- planning (pure) ---------------------------------------------------------------------------


def plan(settings: Settings, event_name: str, payload: Mapping[str, object]) -> Plan:
    """Decide from the settings and the event what to compare; no I/O.

    * `feature` given: exactly those. `all-features: true`: every feature.
    * `pull_request` / `pull_request_target`: `base.sha...head.sha` (merge-base diff).
    * `merge_group`: `merge_group.base_sha...head_sha`.
    * `push`: `before...after`. An all-zero `before` (a new branch or tag) diffs against the default
      branch; if that is not in the clone, every feature is checked. A deleted branch checks nothing.
    * `workflow_dispatch`: the `feature` input of the dispatch, else every feature.
    * any other event (schedule, release, none at all): every feature.
    """
    default = _field(payload, "repository", "default_branch")
    target = settings.target_branch or None
    if settings.feature:
        return Plan(
            Mode.EXPLICIT,
            "named by the `feature` input",
            slugs=settings.feature,
            target_branch=target or _field(payload, "pull_request", "base", "ref") or default,
        )
    if settings.all_features:
        return Plan(Mode.ALL, "`all-features` is true", target_branch=target or default)
    if event_name in PR_EVENTS:
        base = _required(payload, event_name, "pull_request", "base", "sha")
        head = _required(payload, event_name, "pull_request", "head", "sha")
        branch = target or _field(payload, "pull_request", "base", "ref") or default
        return Plan(
            Mode.RANGE,
            f"files the pull request changes ({base[:7]}...{head[:7]})",
            base=base,
            head=head,
            target_branch=branch,
        )
    if event_name == "merge_group":
        base = _required(payload, event_name, "merge_group", "base_sha")
        head = _required(payload, event_name, "merge_group", "head_sha")
        branch = (_field(payload, "merge_group", "base_ref") or "").removeprefix("refs/heads/")
        return Plan(
            Mode.RANGE,
            f"files the merge group changes ({base[:7]}...{head[:7]})",
            base=base,
            head=head,
            target_branch=target or branch or default,
        )
    if event_name == "push":
        return _plan_push(payload, target or default, default)
    if event_name == "workflow_dispatch":
        named = _split(_field(payload, "inputs", "feature") or "")
        if named:
            return Plan(
                Mode.EXPLICIT,
                "named by the dispatch's `feature` input",
                slugs=named,
                target_branch=target or default,
            )
        return Plan(
            Mode.ALL, "manual run without a `feature` input: every feature", target_branch=target or default
        )
    what = f"the `{event_name}` event" if event_name else "no event (a local run)"
    return Plan(Mode.ALL, f"{what} has no change range: every feature", target_branch=target or default)


def _plan_push(payload: Mapping[str, object], target: str | None, default: str | None) -> Plan:
    before = _field(payload, "before") or ""
    after = _required(payload, "push", "after")
    if after == git.ZERO_SHA:
        return Plan(Mode.NONE, "the push deleted a branch or tag: nothing to check")
    if before and before != git.ZERO_SHA:
        return Plan(
            Mode.RANGE,
            f"files the push changes ({before[:7]}...{after[:7]})",
            base=before,
            head=after,
            target_branch=target,
            default_branch=default,
        )
    return Plan(
        Mode.RANGE,
        f"a new branch: files changed since it left `{default}`",
        base=None,
        head=after,
        target_branch=target,
        default_branch=default,
    )


def _split(text: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in text.replace("\n", ",").split(",") if p.strip())


def touched_slugs(changed: Iterable[str], features_dir: str) -> tuple[str, ...]:
    """Sorted feature slugs whose folder (`<features_dir>/<slug>/…`) holds a changed path."""
    prefix = PurePosixPath(features_dir.replace("\\", "/")).as_posix().strip("/")
    prefix = "" if prefix == "." else prefix + "/"
    slugs = set()
    for path in changed:
        if not path.startswith(prefix):
            continue
        slug, sep, _ = path[len(prefix) :].partition("/")
        if sep and slug and not slug.startswith("."):
            slugs.add(slug)
    return tuple(sorted(slugs))


def matrix_json(slugs: Iterable[str]) -> str:
    """Compact JSON for a job matrix: `{"feature":["a","b"]}`.

    Publish it as a step output and expand it in the next job with
    `strategy: {matrix: ${{ fromJSON(needs.discover.outputs.matrix) }}}`; each job then reads
    `${{ matrix.feature }}`. An empty list is `{"feature":[]}` exactly (the separators are fixed), so
    guard the matrix job with `if: needs.discover.outputs.matrix != '{"feature":[]}'` — GitHub fails a
    matrix with no values.
    """
    return json.dumps({"feature": list(slugs)}, separators=(",", ":"))


# -- discovering (edge: git and the features folder) -------------------------------------------


def list_features(settings: Settings) -> tuple[str, ...]:
    """Every feature slug: the non-hidden, non-empty sub-folders of `features-dir`, sorted."""
    from rte.paths import inside_workspace

    root = inside_workspace(settings.workspace, settings.features_dir, what="features directory")
    if not root.is_dir():
        return ()
    return tuple(
        sorted(
            p.name for p in root.iterdir() if p.is_dir() and not p.name.startswith(".") and any(p.iterdir())
        )
    )


def discover(settings: Settings, payload: Mapping[str, object], event_name: str | None = None) -> Discovery:
    """The features this run checks. `event_name` defaults to the runner's (`settings.github`).

    At most four git calls, whatever the number of features.
    """
    name = settings.github.event_name if event_name is None else event_name
    p = plan(settings, name, payload)
    if p.mode is Mode.EXPLICIT:
        return Discovery(p.slugs, p.reason, base=p.base, head=p.head, target_branch=p.target_branch)
    if p.mode is Mode.NONE:
        return Discovery((), p.reason, target_branch=p.target_branch)
    if p.mode is Mode.ALL:
        return Discovery(list_features(settings), p.reason, target_branch=p.target_branch)
    assert p.head is not None
    base, reason = _range_base(settings.workspace, p)
    if base is None:
        return Discovery(list_features(settings), reason, head=p.head, target_branch=p.target_branch)
    changed = git.changed_files(settings.workspace, base, p.head)
    touched = touched_slugs(changed, settings.features_dir)
    existing = set(list_features(settings))
    slugs = tuple(s for s in touched if s in existing)
    gone = [s for s in touched if s not in existing]
    if gone:
        reason += f"; removed features not checked: {', '.join(gone)}"
    if not touched:
        reason += f"; no file under `{settings.features_dir}/<feature>/` changed"
    return Discovery(slugs, reason, changed, base=base, head=p.head, target_branch=p.target_branch)


def _range_base(workspace: Path, p: Plan) -> tuple[str | None, str]:
    """The base commit to diff against, or None (with the reason) when every feature is checked."""
    if p.base is not None and (p.default_branch is None or git.resolve(workspace, p.base)):
        return p.base, p.reason  # a missing PR base fails in changed_files with the fetch-depth tip
    if p.base is not None and git.is_shallow(workspace):
        raise GitError(
            f"the push's previous commit {p.base[:7]} is not in this shallow clone", tip=git.FETCH_TIP
        )
    lost = f"the previous commit {p.base[:7]} is gone (a force push?)" if p.base else "a new branch"
    if not p.default_branch:
        return None, f"{lost} and the payload names no default branch: every feature"
    found = git.target_ref(workspace, p.default_branch)
    if found is None:
        return None, f"{lost} and `{p.default_branch}` is not in the clone: every feature"
    return found[1], f"{lost}: files changed since it left `{found[0]}`"
