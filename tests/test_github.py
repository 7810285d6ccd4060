"""rte.github against a real local HTTP server that behaves like GitHub (tests/fakegithub.py)."""

from __future__ import annotations

import dataclasses
import socket
from collections.abc import Iterator

import pytest

from rte.errors import GitHubError
from rte.github import ClientOptions, Operation, PublishRequest, publish, review_state
from tests.fakegithub import SCHEMA_PATH, FakeGitHub, Request

OPTIONS = ClientOptions(
    seconds_between_requests=None, seconds_between_writes=None, max_wait=2, backoff_factor=0, timeout=5
)
PLAN = "docs/features/login/release-plan.md"


@pytest.fixture
def fake() -> Iterator[FakeGitHub]:
    with FakeGitHub() as server:
        server.branches.add("feat/login")
        yield server
    assert server.schema_errors == [], "\n".join(server.schema_errors)


def push_request(**changes: object) -> PublishRequest:
    base = PublishRequest(
        repository="octo/widgets",
        event_name="push",
        head_branch="feat/login",
        title="Release: login",
        section="## Release gate\n\nverdict: pass",
        feature="login",
        labels=("risk:medium", "release-gate:pass"),
        create_pr=True,
        commit_plan=True,
        plan_path=PLAN,
        plan_content="# Plan\n\nship it\n",
    )
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def pr_request(number: int, **changes: object) -> PublishRequest:
    changes.setdefault("head_repo_full_name", "octo/widgets")
    return push_request(event_name="pull_request", pr_number=number, create_pr=False, **changes)


def run(fake: FakeGitHub, request: PublishRequest, token: str | None = None):  # type: ignore[no-untyped-def]
    return publish(
        request, api_url=fake.base_url, token=fake.token if token is None else token, options=OPTIONS
    )


# -- the main scenarios --------------------------------------------------------------------------


def test_create_opens_one_pr_with_section_labels_and_plan(fake: FakeGitHub) -> None:
    result = run(fake, push_request())
    assert (result.pr_operation, result.plan_operation, result.pr_number) == (
        Operation.CREATED,
        Operation.CREATED,
        1,
    )
    pr = fake.pulls[1]
    assert (pr["head"], pr["base"], pr["title"]) == ("feat/login", "main", "Release: login")
    assert pr["body"] == "<!-- rte:begin -->\n## Release gate\n\nverdict: pass\n<!-- rte:end -->"
    assert pr["labels"] == ["risk:medium", "release-gate:pass"]
    assert fake.files[("feat/login", PLAN)][0] == b"# Plan\n\nship it\n"
    assert fake.commits == [("feat/login", PLAN, "docs: release plan for login")]
    assert result.pr_url == "https://github.example/octo/widgets/pull/1"
    assert len(fake.requests) <= 6


def test_rerun_unchanged_writes_nothing(fake: FakeGitHub) -> None:
    run(fake, push_request())
    fake.requests.clear()
    result = run(fake, push_request())
    assert (result.pr_operation, result.plan_operation) == (Operation.UNCHANGED, Operation.UNCHANGED)
    assert fake.writes() == []
    assert len(fake.pulls) == 1


def test_full_update_run_stays_within_six_requests(fake: FakeGitHub) -> None:
    run(fake, push_request())
    fake.requests.clear()
    result = run(
        fake,
        push_request(
            section="verdict: fail",
            labels=("risk:high", "release-gate:fail"),
            plan_content="# Plan\n\nwait\n",
        ),
    )
    assert (result.pr_operation, result.plan_operation) == (Operation.UPDATED, Operation.UPDATED)
    assert sorted(fake.pulls[1]["labels"]) == ["release-gate:fail", "risk:high"]
    assert len(fake.requests) <= 6, [(r.method, r.path) for r in fake.requests]
    assert [r.method for r in fake.requests].count("PATCH") == 1


def test_concurrent_create_ends_in_update(fake: FakeGitHub) -> None:
    def rival(server: FakeGitHub, req: Request) -> None:
        if req.method == "POST" and req.path.endswith("/pulls") and not server.pulls:
            server.new_pull("feat/login", "main", "Rival", "Human text from the other run")

    fake.on_request = rival
    result = run(fake, push_request())
    assert len(fake.pulls) == 1
    assert result.pr_operation is Operation.UPDATED
    assert fake.pulls[1]["body"].startswith("Human text from the other run\n\n<!-- rte:begin -->")


def test_fork_pull_request_gets_a_notice_and_no_writes(fake: FakeGitHub) -> None:
    number = fake.add_pull("feat/login", head_repo="stranger/widgets")
    result = run(fake, pr_request(number, head_repo_full_name="stranger/widgets", head_repo_fork=True))
    assert result.pr_operation is Operation.NONE
    assert "fork" in result.notices[0] and "read-only" in result.notices[0]
    assert fake.writes() == []


def test_read_only_token_on_pull_request_is_a_notice(fake: FakeGitHub) -> None:
    number = fake.add_pull("feat/login")
    fake.read_only = True
    result = run(fake, pr_request(number, commit_plan=False))
    assert result.pr_operation is Operation.NONE
    assert "Resource not accessible by integration" in result.notices[0]
    assert len(fake.writes()) == 1  # stops after the first refusal


def test_get_5xx_is_retried(fake: FakeGitHub) -> None:
    fake.fail("GET", r"/pulls$", 502, "Bad Gateway")
    result = run(fake, push_request(commit_plan=False))
    assert result.pr_operation is Operation.CREATED
    assert sum(1 for r in fake.requests if r.method == "GET" and r.path.endswith("/pulls")) == 2


def test_post_5xx_is_not_retried_but_a_lost_answer_is_recovered(fake: FakeGitHub) -> None:
    fake.fail("POST", r"/pulls$", 502, "Bad Gateway", after=True)
    result = run(fake, push_request(commit_plan=False))
    assert result.pr_operation is Operation.CREATED and len(fake.pulls) == 1
    assert sum(1 for r in fake.requests if r.method == "POST" and r.path.endswith("/pulls")) == 1


def test_post_5xx_without_a_pr_is_an_error(fake: FakeGitHub) -> None:
    fake.fail("POST", r"/pulls$", 500, "Server Error")
    with pytest.raises(GitHubError, match=r"server error \(500\)"):
        run(fake, push_request(commit_plan=False))
    assert fake.count("POST") == 1 and fake.pulls == {}


@pytest.mark.parametrize("status", [403, 429])
def test_secondary_rate_limit_with_retry_after_is_waited_out(fake: FakeGitHub, status: int) -> None:
    fake.fail("PATCH", r"/pulls/\d+$", status, "You have exceeded a secondary rate limit.", Retry_After="1")
    number = fake.add_pull("feat/login", body="old")
    result = run(fake, pr_request(number, commit_plan=False))
    assert result.pr_operation is Operation.UPDATED
    assert fake.count("PATCH") == 2


def test_retry_after_longer_than_allowed_fails_fast(fake: FakeGitHub) -> None:
    fake.fail("PATCH", r"/pulls/\d+$", 403, "You have exceeded a secondary rate limit.", Retry_After="3600")
    number = fake.add_pull("feat/login", body="old")
    with pytest.raises(GitHubError, match="3600 s wait") as info:
        run(fake, pr_request(number, commit_plan=False))
    assert info.value.tip == "rerun the job later"
    assert fake.count("PATCH") == 1


def test_human_text_outside_markers_survives_byte_for_byte(fake: FakeGitHub) -> None:
    before, after = "Intro by a human\r\n\r\n- [ ] task\n\n", "\n\nFooter ✅ <!-- keep -->\n"
    number = fake.add_pull("feat/login", body=f"{before}<!-- rte:begin -->\nold\n<!-- rte:end -->{after}")
    run(fake, pr_request(number, commit_plan=False))
    body = fake.pulls[number]["body"]
    assert body == f"{before}<!-- rte:begin -->\n## Release gate\n\nverdict: pass\n<!-- rte:end -->{after}"


def test_label_family_is_replaced_and_other_labels_kept(fake: FakeGitHub) -> None:
    number = fake.add_pull("feat/login", labels=("bug", "risk:low", "release-gate:pass"))
    run(fake, pr_request(number, commit_plan=False, labels=("risk:high", "release-gate:pass")))
    assert fake.pulls[number]["labels"] == ["bug", "release-gate:pass", "risk:high"]


def test_labels_off_leaves_labels_alone(fake: FakeGitHub) -> None:
    number = fake.add_pull("feat/login", labels=("risk:low",))
    run(fake, pr_request(number, commit_plan=False, set_labels=False))
    assert fake.pulls[number]["labels"] == ["risk:low"]


def test_plan_commit_only_when_changed(fake: FakeGitHub) -> None:
    fake.put_file("feat/login", PLAN, "# Plan\n\nship it\n")
    request = push_request(create_pr=False)
    assert run(fake, request).plan_operation is Operation.UNCHANGED
    assert fake.writes() == []
    result = run(fake, dataclasses.replace(request, plan_content="# Plan\n\nnew\n"))
    assert result.plan_operation is Operation.UPDATED
    put = fake.writes()[0]
    assert put.body["sha"] and put.body["branch"] == "feat/login"
    assert put.body["message"] == "docs: release plan for login"


def test_pr_from_another_branch_is_not_picked(fake: FakeGitHub) -> None:
    other = fake.add_pull("feat/other", body="not ours")
    result = run(fake, push_request(commit_plan=False))
    assert result.pr_operation is Operation.CREATED and result.pr_number != other
    assert fake.pulls[other]["body"] == "not ours"


def test_fake_ignores_head_without_owner_like_github(fake: FakeGitHub) -> None:
    fake.add_pull("feat/other")
    fake.add_pull("feat/login")
    import requests

    answer = requests.get(
        f"{fake.base_url}/repos/octo/widgets/pulls?head=feat/login",
        headers={"Authorization": f"token {fake.token}"},
        timeout=5,
    )
    assert len(answer.json()) == 2


def test_target_branch_is_the_base(fake: FakeGitHub) -> None:
    fake.branches.add("release")
    run(fake, push_request(commit_plan=False, target_branch="release"))
    assert fake.pulls[1]["base"] == "release"
    assert not any(r.path == "/repos/octo/widgets" for r in fake.requests)  # no default-branch lookup


def test_push_to_the_target_branch_opens_nothing(fake: FakeGitHub) -> None:
    result = run(fake, push_request(head_branch="main", commit_plan=False))
    assert result.pr_operation is Operation.NONE and "target branch itself" in result.notices[0]
    assert fake.writes() == []


# -- errors that teach ---------------------------------------------------------------------------


def test_bad_token_is_explained_without_the_token(fake: FakeGitHub) -> None:
    with pytest.raises(GitHubError) as info:
        run(fake, push_request(), token="ghp_wrong_secret_value")
    assert "401 Bad credentials" in info.value.message and "expired" in info.value.message
    assert "ghp_wrong_secret_value" not in f"{info.value} {info.value.tip}"


def test_missing_permission_names_it(fake: FakeGitHub) -> None:
    fake.read_only = True
    with pytest.raises(GitHubError) as info:
        run(fake, push_request(commit_plan=False))
    assert "`pull-requests: write`" in info.value.message
    assert "Allow GitHub Actions to create and approve pull requests" in (info.value.tip or "")
    with pytest.raises(GitHubError, match="`contents: write`"):
        run(fake, push_request())


def test_actions_may_not_create_prs(fake: FakeGitHub) -> None:
    fake.actions_may_create_prs = False
    with pytest.raises(GitHubError) as info:
        run(fake, push_request(commit_plan=False))
    assert "may not open pull requests" in info.value.message
    assert "Allow GitHub Actions to create and approve pull requests" in (info.value.tip or "")


def test_unknown_repository_is_a_404_with_scope_tip(fake: FakeGitHub) -> None:
    with pytest.raises(GitHubError) as info:
        run(fake, push_request(repository="octo/nope"))
    assert "404" in info.value.message and "fine-grained" in (info.value.tip or "")


def test_unreachable_server_is_a_clear_message() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    options = dataclasses.replace(OPTIONS, retries=0)
    with pytest.raises(GitHubError, match=r"could not reach the GitHub API at http://127\.0\.0\.1"):
        publish(push_request(), api_url=f"http://127.0.0.1:{port}", token="secret-token", options=options)


def test_token_never_appears_in_messages_or_notices(fake: FakeGitHub) -> None:
    texts: list[str] = []
    fake.read_only = True
    number = fake.add_pull("feat/login")
    texts += run(fake, pr_request(number)).notices
    for request in (push_request(), push_request(repository="x/y")):
        with pytest.raises(GitHubError) as info:
            run(fake, request)
        texts += [info.value.message, info.value.tip or ""]
    assert texts and all(fake.token not in text for text in texts)


def test_missing_token_and_bad_url_are_config_messages() -> None:
    with pytest.raises(GitHubError, match="no GitHub token"):
        publish(push_request(), api_url="https://api.github.com", token="", options=OPTIONS)
    with pytest.raises(GitHubError, match="not an http"):
        publish(push_request(), api_url="ftp://example", token="t", options=OPTIONS)


# -- GitHub Enterprise Server, reviews, schema ----------------------------------------------------


def test_ghes_base_url_with_api_v3_prefix() -> None:
    with FakeGitHub(prefix="/api/v3") as ghes:
        ghes.branches.add("feat/login")
        assert ghes.base_url.endswith("/api/v3")
        result = publish(push_request(), api_url=ghes.base_url, token=ghes.token, options=OPTIONS)
        again = publish(push_request(), api_url=ghes.base_url + "/", token=ghes.token, options=OPTIONS)
    assert result.pr_operation is Operation.CREATED and again.pr_operation is Operation.UNCHANGED
    assert ghes.schema_errors == []


def test_review_state_takes_each_reviewers_latest_decision(fake: FakeGitHub) -> None:
    number = fake.add_pull("feat/login")
    fake.reviews[number] = [
        ("ana", "CHANGES_REQUESTED"),
        ("ana", "APPROVED"),
        ("bo", "APPROVED"),
        ("bo", "COMMENTED"),
        ("cy", "APPROVED"),
        ("cy", "DISMISSED"),
        ("di", "CHANGES_REQUESTED"),
    ]
    state = review_state("octo/widgets", number, api_url=fake.base_url, token=fake.token, options=OPTIONS)
    assert state.approved_by == ("ana", "bo") and state.changes_requested_by == ("di",)
    assert len(fake.requests) == 1


def test_every_body_matches_the_rest_description() -> None:
    if not SCHEMA_PATH.is_file():
        pytest.skip(f"{SCHEMA_PATH} is absent")
    from tests.fakegithub_tour import tour

    with FakeGitHub() as server:
        visited = tour(server)
    assert server.validator is not None
    assert visited == set(server.validator.ops), set(server.validator.ops) - visited
    assert server.schema_errors == [], "\n".join(server.schema_errors)
