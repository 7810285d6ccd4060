"""The GitHub edge: the only module that imports PyGithub; publishes rte's PR section, labels and plan."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlparse

import requests
from github import Auth, Github, GithubException, GithubRetry, UnknownObjectException
from github.ContentFile import ContentFile
from github.GithubObject import NotSet
from github.PullRequest import PullRequest
from github.Repository import Repository

from rte.errors import GitHubError
from rte.ghmodel import (
    Operation,
    PublishRequest,
    PublishResult,
    ReviewState,
    plan_labels,
    review_summary,
    upsert_section,
)
from rte.githuberrors import (
    DeadlineExceeded,
    RateLimitWait,
    ReadOnly,
    error_text,
    explain,
    fork_notice,
    read_only_notice,
)

__all__ = [
    "Operation",
    "PublishRequest",
    "PublishResult",
    "ReviewState",
    "publish",
    "review_state",
    "upsert_section",
]

_IDEMPOTENT = frozenset({"GET", "HEAD", "OPTIONS", "PATCH"})


class _Retry(GithubRetry):
    """GithubRetry that retries 5xx only for idempotent methods (a retried POST can duplicate a PR),
    retries rate limits for every method (GitHub did not act on them), and never waits past a deadline."""

    def __init__(self, deadline: float = 0.0, max_wait: float = 60.0, **kwargs: Any) -> None:
        self.deadline = deadline
        self.max_wait = max_wait
        kwargs.setdefault("secondary_rate_wait", min(60.0, max_wait))
        kwargs.setdefault("max_rate_limit_wait", max_wait)
        super().__init__(**kwargs)

    def new(self, **kw: Any) -> _Retry:
        kw.update(deadline=self.deadline, max_wait=self.max_wait)
        return super().new(**kw)

    def is_retry(self, method: str, status_code: int, has_retry_after: bool = False) -> bool:
        if not self.total:
            return False
        if status_code == 403 or (status_code == 429 and has_retry_after):
            return True
        return status_code >= 500 and method.upper() in _IDEMPOTENT

    def increment(
        self,
        method: str | None = None,
        url: str | None = None,
        response: Any = None,
        error: Exception | None = None,
        _pool: Any = None,
        _stacktrace: Any = None,
    ) -> Any:
        wait = 0.0
        if response is not None and response.headers.get("Retry-After"):
            try:
                wait = float(response.headers["Retry-After"])
            except ValueError:
                wait = self.max_wait + 1
            if wait > self.max_wait:
                raise RateLimitWait(int(wait))
        if time.monotonic() + wait > self.deadline:
            raise DeadlineExceeded()
        return super().increment(method, url, response, error, _pool, _stacktrace)


@dataclass(frozen=True)
class ClientOptions:
    """How to talk to GitHub; tests turn the throttling off."""

    timeout: float = 15
    retries: int = 3
    max_wait: float = 60.0  # longest Retry-After / rate-limit wait rte accepts
    total_time: float = 300.0  # upper bound for one call including retries
    seconds_between_requests: float | None = 0.25
    seconds_between_writes: float | None = 1.0
    backoff_factor: float = 0.5
    extra: dict[str, Any] = field(default_factory=dict)


def _client(api_url: str, token: str, options: ClientOptions) -> Github:
    parsed = urlparse(api_url)
    if parsed.scheme not in ("http", "https") or not parsed.hostname:
        raise GitHubError(
            f"the GitHub API URL {api_url!r} is not an http(s) URL",
            tip="GITHUB_API_URL is `https://api.github.com` on github.com and "
            "`https://HOST/api/v3` on GitHub Enterprise Server",
        )
    if not token:
        raise GitHubError(
            "no GitHub token was given, so rte cannot call the GitHub API",
            tip="pass `github-token: ${{ github.token }}` (the default) or a GitHub App token",
        )
    retry = _Retry(
        deadline=time.monotonic() + options.total_time,
        max_wait=options.max_wait,
        total=options.retries,
        connect=options.retries,
        read=1,
        backoff_factor=options.backoff_factor,
        respect_retry_after_header=True,
    )
    return Github(
        base_url=api_url.rstrip("/"),
        auth=Auth.Token(token),
        timeout=max(1, round(options.timeout)),
        retry=retry,
        lazy=True,
        per_page=100,
        seconds_between_requests=options.seconds_between_requests,
        seconds_between_writes=options.seconds_between_writes,
        **options.extra,
    )


_FAILURES = (
    GithubException,
    requests.exceptions.RequestException,
    RateLimitWait,
    DeadlineExceeded,
    AssertionError,
)


@contextmanager
def _call(
    what: str,
    token: str,
    api_url: str,
    permission: str | None = None,
    read_only_ok: bool = False,
    convert: bool = True,
) -> Iterator[None]:
    """Turn PyGithub / requests failures into a GitHubError that says what to do (never the token).

    With convert=False only the failures that are not GithubException are converted; the caller
    inspects the GithubException itself.
    """
    try:
        yield
    except GithubException:
        if convert:
            raise _convert(what, token, api_url, permission, read_only_ok) from None
        raise
    except _FAILURES:
        raise _convert(what, token, api_url, permission, read_only_ok) from None


def _convert(what: str, token: str, api_url: str, permission: str | None, read_only_ok: bool) -> Exception:
    import sys

    exc = sys.exc_info()[1]
    assert exc is not None
    return explain(
        exc,
        what,
        token=token,
        api_url=api_url,
        permission=permission,
        read_only_ok=read_only_ok,
    )


class _Publisher:
    def __init__(self, gh: Github, request: PublishRequest, token: str, api_url: str) -> None:
        self.gh = gh
        self.req = request
        self.token = token
        self.api_url = api_url
        self.notices: list[str] = []
        self.repo: Repository = gh.get_repo(request.repository)

    def call(self, what: str, permission: str | None = None, convert: bool = True) -> Any:
        return _call(
            what,
            self.token,
            self.api_url,
            permission,
            self.req.is_pull_request_event,
            convert,
        )

    def explain(self, exc: Exception, what: str, permission: str | None) -> Exception:
        return explain(
            exc,
            what,
            token=self.token,
            api_url=self.api_url,
            permission=permission,
            read_only_ok=self.req.is_pull_request_event,
        )

    def run(self) -> PublishResult:
        req = self.req
        pr: PullRequest | None = None
        pr_op = plan_op = Operation.NONE
        if req.is_pull_request_event and req.event_name == "pull_request" and req.from_fork:
            self.notices.append(fork_notice(req))
            return PublishResult(notices=tuple(self.notices))
        try:
            if req.commit_plan:
                plan_op = self.commit_plan()
            if req.is_pull_request_event and req.pr_number is not None:
                with self.call(f"reading pull request #{req.pr_number}"):
                    pr = self.repo.get_pull(req.pr_number)
                    _ = pr.body  # completes the lazy object: one GET
                pr_op = self.update(pr)
            elif req.create_pr and not req.is_pull_request_event:
                pr, pr_op = self.find_or_create()
        except ReadOnly as exc:
            self.notices.append(read_only_notice(req, exc.what))
        return PublishResult(
            pr_number=pr.number if pr is not None else None,
            pr_url=pr.html_url if pr is not None else None,
            pr_operation=pr_op,
            plan_operation=plan_op,
            notices=tuple(self.notices),
        )

    # -- pull request -------------------------------------------------------------------------

    def find(self, base: str | None) -> PullRequest | None:
        head = f"{self.req.owner}:{self.req.head_branch}"
        with self.call(f"looking for an open pull request from {self.req.head_branch}"):
            for pr in self.repo.get_pulls(state="open", head=head, base=base or NotSet):
                wanted = base or pr.base.repo.default_branch
                if pr.head.ref == self.req.head_branch and pr.base.ref == wanted:
                    return pr
        return None

    def find_or_create(self) -> tuple[PullRequest | None, Operation]:
        req = self.req
        pr = self.find(req.target_branch)
        if pr is not None:
            return pr, self.update(pr)
        base = req.target_branch
        if not base:
            with self.call(f"reading repository {req.repository}"):
                base = self.repo.default_branch
        if base == req.head_branch:
            self.notices.append(
                f"`{req.head_branch}` is the target branch itself, so rte opened no pull "
                "request; push to a feature branch to get one."
            )
            return None, Operation.NONE
        body = upsert_section(None, req.section)
        what = f"opening a pull request from {req.head_branch} to {base}"
        try:
            with self.call(what, "pull-requests: write", convert=False):
                pr = self.repo.create_pull(base, req.head_branch, title=req.title, body=body)
        except GithubException as exc:
            text = error_text(exc).lower()
            if "already exists" in text or exc.status >= 500:
                # Another run won the race, or GitHub's answer was lost: use the PR that is there now.
                pr = self.find(base)
                if pr is None:
                    raise self.explain(exc, what, "pull-requests: write") from None
                op = self.update(pr)
                return pr, (Operation.CREATED if exc.status >= 500 else op)
            if "no commits between" in text:
                self.notices.append(
                    f"`{req.head_branch}` has no commits that `{base}` lacks, so GitHub "
                    "cannot open a pull request yet."
                )
                return None, Operation.NONE
            raise self.explain(exc, what, "pull-requests: write") from None
        self.set_labels(pr)
        return pr, Operation.CREATED

    def update(self, pr: PullRequest) -> Operation:
        op = Operation.UNCHANGED
        body = upsert_section(pr.body, self.req.section)
        if body != (pr.body or ""):
            with self.call(
                f"updating the body of pull request #{pr.number}",
                "pull-requests: write",
            ):
                pr.edit(body=body)
            op = Operation.UPDATED
        if self.set_labels(pr):
            op = Operation.UPDATED
        return op

    def set_labels(self, pr: PullRequest) -> bool:
        if not self.req.set_labels or not self.req.labels:
            return False
        plan = plan_labels([label.name for label in pr.labels], self.req.labels)
        if not plan.changed:
            return False
        with self.call(f"setting labels on pull request #{pr.number}", "pull-requests: write"):
            if plan.to_remove:
                pr.set_labels(*plan.final)  # one PUT replaces the stale family members
            else:
                pr.add_to_labels(*plan.to_add)
        return True

    # -- release plan -------------------------------------------------------------------------

    def commit_plan(self) -> Operation:
        req = self.req
        if req.is_pull_request_event and req.from_fork:
            self.notices.append(
                "The release plan was not committed: the pull request's branch lives in a "
                "fork, which this workflow's token cannot push to."
            )
            return Operation.NONE
        if not req.plan_path or req.plan_content is None:
            self.notices.append("No release plan was rendered, so none was committed.")
            return Operation.NONE
        path, branch = req.plan_path.strip("/"), req.head_branch
        existing: ContentFile | None = None
        what = f"reading {path} on {branch}"
        try:
            with self.call(what, "contents: read", convert=False):
                found = self.repo.get_contents(path, ref=branch)
        except UnknownObjectException:
            found = None
        except GithubException as exc:
            raise self.explain(exc, what, "contents: read") from None
        if isinstance(found, list):
            raise GitHubError(
                f"`{path}` is a folder on `{branch}`, so rte cannot write the release plan there",
                tip="point the plan path at a file name",
            )
        existing = found
        message = f"docs: release plan for {req.feature}"
        with self.call(f"committing {path} to {branch}", "contents: write"):
            if existing is None:
                self.repo.create_file(path, message, req.plan_content, branch=branch)
                return Operation.CREATED
            if existing.decoded_content == req.plan_content.encode("utf-8"):
                return Operation.UNCHANGED
            self.repo.update_file(path, message, req.plan_content, existing.sha, branch=branch)
            return Operation.UPDATED


def publish(
    request: PublishRequest,
    *,
    api_url: str,
    token: str,
    options: ClientOptions | None = None,
) -> PublishResult:
    """Upsert rte's PR section and labels, open the PR if asked, commit the plan if asked.

    Raises GitHubError for failures the user must fix; a read-only token on a pull request (forks,
    Dependabot) is a notice in the result instead, so the gates' verdict stands.
    """
    options = options or ClientOptions()
    gh = _client(api_url, token, options)
    try:
        return _Publisher(gh, request, token, api_url).run()
    finally:
        gh.close()


def review_state(
    repository: str,
    pr_number: int,
    *,
    api_url: str,
    token: str,
    options: ClientOptions | None = None,
) -> ReviewState:
    """Each reviewer's latest deciding review on the pull request (one paginated GET)."""
    options = options or ClientOptions()
    gh = _client(api_url, token, options)
    try:
        with _call(
            f"reading the reviews of pull request #{pr_number}",
            token,
            api_url,
            "pull-requests: read",
        ):
            pr = gh.get_repo(repository).get_pull(pr_number)
            pairs = [(r.user.login if r.user else "ghost", r.state) for r in pr.get_reviews()]
        return review_summary(pr_number, pairs)
    finally:
        gh.close()
