"""The review.approved gate over ReviewState facts and the required-approvals setting."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from rte.gates.base import Context, Status
from rte.gates.review import approved
from rte.ghmodel import ReviewState
from rte.settings import INPUTS_BY_NAME, Settings, parse_value

FEATURE: Any = None  # the gate does not look at the feature


def ctx(required: int, review: ReviewState | None) -> Context:
    settings = replace(Settings(workspace=Path(".")), required_approvals=required)
    facts = {"review": review} if review is not None else {}
    return Context(settings=settings, today=date(2026, 1, 1), facts=facts)


def test_zero_required_skips_with_reason() -> None:
    result = approved(FEATURE, ctx(0, ReviewState(1, approved_by=("ana",))))
    assert result.status is Status.SKIP and "required-approvals" in result.message


def test_no_pull_request_skips_with_reason() -> None:
    result = approved(FEATURE, ctx(1, None))
    assert result.status is Status.SKIP and "no pull request" in result.message


@pytest.mark.parametrize(
    ("required", "state", "status", "words"),
    [
        (1, ReviewState(7, approved_by=("ana",)), Status.PASS, "@ana"),
        (2, ReviewState(7, approved_by=("ana",)), Status.FAIL, "1 of 2"),
        (1, ReviewState(7, approved_by=("ana",), changes_requested_by=("bo",)), Status.FAIL, "@bo"),
        (1, ReviewState(7), Status.FAIL, "0 of 1"),
    ],
)
def test_pass_and_fail_name_the_reviewers(
    required: int, state: ReviewState, status: Status, words: str
) -> None:
    result = approved(FEATURE, ctx(required, state))
    assert result.status is status and words in result.message and "#7" in result.message


def test_new_inputs_parse() -> None:
    assert parse_value(INPUTS_BY_NAME["required-approvals"], "2") == 2
    assert parse_value(INPUTS_BY_NAME["create-pr"], "true") is True
    assert INPUTS_BY_NAME["labels"].default == "true"
    settings = Settings(workspace=Path("."))
    assert (
        settings.create_pr,
        settings.commit_release_plan,
        settings.labels,
        settings.target_branch,
        settings.required_approvals,
    ) == (False, False, True, "", 0)
