"""What rte sends to and reads from GitHub, as plain values, and the pure PR-body and label logic."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

BEGIN = "<!-- rte:begin -->"
END = "<!-- rte:end -->"
# Anything a renderer or a human might take for one of rte's markers: spacing and case vary.
_MARKER = re.compile(r"<!--\s*rte\s*:\s*(begin|end)\s*-->", re.IGNORECASE)


class Operation(StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    NONE = "none"


@dataclass(frozen=True)
class PublishRequest:
    """One run's wish list for GitHub; built by the pipeline from settings and the event payload."""

    repository: str  # "owner/name"
    event_name: str
    head_branch: str
    title: str
    section: str  # markdown; becomes rte's part of the PR body
    feature: str
    pr_number: int | None = None  # from the pull_request payload
    head_repo_full_name: str = ""  # payload pull_request.head.repo.full_name
    head_repo_fork: bool = False  # payload pull_request.head.repo.fork
    target_branch: str | None = None  # None: the repository's default branch
    labels: tuple[str, ...] = ()  # e.g. ("risk:medium", "release-gate:pass")
    set_labels: bool = True
    create_pr: bool = False
    commit_plan: bool = False
    plan_path: str | None = None
    plan_content: str | None = None

    @property
    def owner(self) -> str:
        return self.repository.partition("/")[0]

    @property
    def is_pull_request_event(self) -> bool:
        return self.event_name in ("pull_request", "pull_request_target")

    @property
    def from_fork(self) -> bool:
        """The PR's head lives in another repository (its workflows get a read-only token)."""
        if self.head_repo_full_name:
            return self.head_repo_full_name.casefold() != self.repository.casefold()
        return self.head_repo_fork


@dataclass(frozen=True)
class PublishResult:
    pr_number: int | None = None
    pr_url: str | None = None
    pr_operation: Operation = Operation.NONE
    plan_operation: Operation = Operation.NONE
    notices: tuple[str, ...] = ()

    def to_json(self) -> dict[str, object]:
        return {
            "pr_number": self.pr_number,
            "pr_url": self.pr_url,
            "pr_operation": self.pr_operation.value,
            "plan_operation": self.plan_operation.value,
            "notices": list(self.notices),
        }


@dataclass(frozen=True)
class ReviewState:
    """Each reviewer's latest deciding review on one pull request."""

    pr_number: int
    approved_by: tuple[str, ...] = ()
    changes_requested_by: tuple[str, ...] = ()


@dataclass(frozen=True)
class LabelPlan:
    final: tuple[str, ...]  # the PR's labels after the change
    to_add: tuple[str, ...]
    to_remove: tuple[str, ...]

    @property
    def changed(self) -> bool:
        return bool(self.to_add or self.to_remove)


# -- PR body ----------------------------------------------------------------------------------


def neutralise(section: str) -> str:
    """Section text with marker-like comments made visible text, so they cannot end rte's span."""
    return _MARKER.sub(lambda m: f"&lt;!-- rte:{m.group(1).lower()} --&gt;", section)


def upsert_section(body: str | None, section: str) -> str:
    """The PR body with rte's span (between the markers) set to `section`; other text kept byte-for-byte.

    No span yet: the block is appended. A begin marker without an end marker owns the rest of the body.
    """
    body = body or ""
    block = f"{BEGIN}\n{neutralise(section).strip(chr(10))}\n{END}"
    begin = _find(body, "begin", 0)
    if begin is None:
        if not body:
            return block
        return body + ("\n" if body.endswith("\n") else "\n\n") + block
    end = _find(body, "end", begin[1])
    tail = body[end[1] :] if end is not None else ""
    return body[: begin[0]] + block + tail


def _find(text: str, kind: str, start: int) -> tuple[int, int] | None:
    for match in _MARKER.finditer(text, start):
        if match.group(1).lower() == kind:
            return match.start(), match.end()
    return None


# -- labels -----------------------------------------------------------------------------------


def family(label: str) -> str:
    """`risk:high` → `risk`; a label without a colon is a family of its own."""
    name, colon, _ = label.partition(":")
    return (name if colon else label).strip().casefold()


def plan_labels(current: Sequence[str], wanted: Sequence[str]) -> LabelPlan:
    """Add the wanted labels and drop current ones of the same family (GitHub compares names caselessly)."""
    wanted_keys = {w.casefold() for w in wanted}
    families = {family(w) for w in wanted}
    current_keys = {c.casefold() for c in current}
    to_remove = tuple(c for c in current if family(c) in families and c.casefold() not in wanted_keys)
    to_add = tuple(dict.fromkeys(w for w in wanted if w.casefold() not in current_keys))
    kept = tuple(c for c in current if c not in to_remove)
    return LabelPlan(final=kept + to_add, to_add=to_add, to_remove=to_remove)


# -- reviews ----------------------------------------------------------------------------------

_DECIDING = {"APPROVED", "CHANGES_REQUESTED", "DISMISSED"}


def review_summary(pr_number: int, reviews: Iterable[tuple[str, str]]) -> ReviewState:
    """(login, state) pairs in the order GitHub lists them (oldest first) → each reviewer's latest decision.

    A later COMMENTED review does not undo an approval, as on GitHub; DISMISSED does.
    """
    latest: dict[str, str] = {}
    for login, state in reviews:
        if state.upper() in _DECIDING:
            latest[login] = state.upper()
    return ReviewState(
        pr_number=pr_number,
        approved_by=tuple(sorted(u for u, s in latest.items() if s == "APPROVED")),
        changes_requested_by=tuple(sorted(u for u, s in latest.items() if s == "CHANGES_REQUESTED")),
    )
