"""Call every endpoint of the fake once through rte (and plain HTTP for the ones rte does not use)."""

from __future__ import annotations

import base64

import requests

from rte.github import ClientOptions, PublishRequest, publish, review_state
from tests.fakegithub import FakeGitHub

OPTIONS = ClientOptions(seconds_between_requests=None, seconds_between_writes=None, backoff_factor=0)


def tour(fake: FakeGitHub) -> set[str]:
    """Returns the operation ids the fake saw."""
    fake.branches.add("feat/a")
    request = PublishRequest(
        repository=fake.repository,
        event_name="push",
        head_branch="feat/a",
        title="T",
        section="s",
        feature="a",
        labels=("risk:low",),
        create_pr=True,
        commit_plan=True,
        plan_path="docs/plan.md",
        plan_content="one",
    )
    publish(request, api_url=fake.base_url, token=fake.token, options=OPTIONS)
    fake.reviews[1] = [("ana", "APPROVED")]
    review_state(fake.repository, 1, api_url=fake.base_url, token=fake.token, options=OPTIONS)
    session = requests.Session()
    session.headers["Authorization"] = f"token {fake.token}"
    repo = f"{fake.base_url}/repos/{fake.repository}"

    def call(method: str, url: str, body: object = None) -> object:
        answer = session.request(method, url, json=body, timeout=5)
        assert answer.status_code < 400, (method, url, answer.status_code, answer.text)
        return answer.json()

    fake.pr_files[1] = ["docs/features/a/01-bsa-analysis.md"]
    call("GET", f"{repo}/pulls/1")
    call("PATCH", f"{repo}/pulls/1", {"body": "changed"})
    call("GET", f"{repo}/pulls/1/files")
    call("POST", f"{repo}/issues/1/labels", {"labels": ["x"]})
    comment = call("POST", f"{repo}/issues/1/comments", {"body": "hi"})
    assert isinstance(comment, dict)
    call("GET", f"{repo}/issues/1/comments")
    call("GET", f"{repo}/issues/comments/{comment['id']}")
    call("PATCH", f"{repo}/issues/comments/{comment['id']}", {"body": "hello"})
    call("GET", f"{repo}/contents/docs/plan.md?ref=feat/a")
    call(
        "PUT",
        f"{repo}/contents/docs/other.md",
        {"message": "m", "content": base64.b64encode(b"x").decode(), "branch": "feat/a"},
    )
    run = call("POST", f"{repo}/check-runs", {"name": "rte", "head_sha": "0" * 40, "status": "in_progress"})
    assert isinstance(run, dict)
    call(
        "PATCH",
        f"{repo}/check-runs/{run['id']}",
        {"conclusion": "success", "output": {"title": "ok", "summary": "all gates pass"}},
    )
    call("GET", f"{repo}/compare/main...feat/a")
    call("GET", f"{fake.base_url}/rate_limit")
    return {r.op for r in fake.requests if r.op}
