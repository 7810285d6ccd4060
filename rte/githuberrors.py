"""What rte tells the user when a GitHub API call fails: messages that name the cause and the fix."""

from __future__ import annotations

from typing import Any

import requests

from rte.errors import GitHubError
from rte.ghmodel import PublishRequest

PERMISSIONS_YAML = "permissions:\n  contents: write       # commit-release-plan\n  pull-requests: write  # PR body, labels, create-pr"
ALLOW_SETTING = (
    'Settings → Actions → General → Workflow permissions → "Allow GitHub Actions to create and '
    'approve pull requests"'
)


class ReadOnly(Exception):
    """A write was refused because the token is read-only (fork or Dependabot pull requests)."""

    def __init__(self, what: str, permission: str | None) -> None:
        super().__init__(what)
        self.what = what
        self.permission = permission


class RateLimitWait(Exception):
    """GitHub asked for a longer wait (Retry-After) than rte accepts."""

    def __init__(self, seconds: int) -> None:
        super().__init__(seconds)
        self.seconds = seconds


class DeadlineExceeded(Exception):
    """Retrying would run past the call's total time budget."""


def error_text(exc: Any) -> str:
    """The server's message plus the `errors[].message` details GitHub puts in 422 answers."""
    data = getattr(exc, "data", None)
    parts: list[str] = []
    if isinstance(data, dict):
        if isinstance(data.get("message"), str):
            parts.append(data["message"])
        for item in data.get("errors") or ():
            if isinstance(item, dict) and isinstance(item.get("message"), str):
                parts.append(item["message"])
            elif isinstance(item, str):
                parts.append(item)
    return ": ".join(parts)


def scrub(text: str, token: str) -> str:
    return text.replace(token, "***") if token else text


def explain(
    exc: BaseException,
    what: str,
    *,
    token: str,
    api_url: str,
    permission: str | None = None,
    read_only_ok: bool = False,
) -> Exception:
    """The exception to raise instead of `exc`: a GitHubError, or ReadOnly when a notice is enough."""
    result = _explain(exc, what, api_url, permission, read_only_ok)
    if isinstance(result, GitHubError):
        result.message = scrub(result.message, token)
        result.tip = scrub(result.tip, token) if result.tip else None
    return result


def _explain(
    exc: BaseException,
    what: str,
    api_url: str,
    permission: str | None,
    read_only_ok: bool,
) -> Exception:
    if isinstance(exc, RateLimitWait):
        return GitHubError(
            f"GitHub's rate limit stopped rte while {what}: it asked for a {exc.seconds} s wait, "
            "longer than rte waits inside one job",
            tip="rerun the job later",
        )
    if isinstance(exc, DeadlineExceeded):
        return GitHubError(
            f"rte gave up {what}: GitHub kept failing and the retries ran out of time",
            tip="rerun the job; https://www.githubstatus.com shows outages",
        )
    if isinstance(exc, requests.exceptions.RetryError):
        return GitHubError(
            f"GitHub kept answering with errors while {what}, also after retries",
            tip="rerun the job; https://www.githubstatus.com shows outages",
        )
    if isinstance(exc, requests.exceptions.RequestException):
        kind = "timed out" if isinstance(exc, requests.exceptions.Timeout) else "could not connect"
        return GitHubError(
            f"rte could not reach the GitHub API at {api_url} while {what} ({kind})",
            tip="check GITHUB_API_URL (GitHub Enterprise Server: `https://HOST/api/v3`) and the "
            "runner's network or proxy",
        )
    if isinstance(exc, AssertionError):
        return GitHubError(
            f"GitHub answered with addresses outside {api_url} while {what}",
            tip="set GITHUB_API_URL to the API root exactly as the server names itself",
        )
    status = int(getattr(exc, "status", 0) or 0)
    server = error_text(exc)[:300]
    said = f" (GitHub said: {server})" if server else ""
    lower = server.lower()
    if status == 401:
        return GitHubError(
            f"GitHub rejected the token while {what} (401 Bad credentials): it is wrong, expired or revoked",
            tip="keep the default `github-token: ${{ github.token }}`, or pass a current GitHub "
            "App token or personal access token from a secret",
        )
    if (status in (403, 429) and "rate limit" in lower) or status == 429:
        return GitHubError(
            f"GitHub's rate limit stopped rte while {what}{said}",
            tip="rerun the job after the limit resets; GITHUB_TOKEN allows 1,000 requests per "
            "hour per repository",
        )
    if status == 403 and "not permitted to create or approve pull requests" in lower:
        return GitHubError(
            f"GitHub Actions may not open pull requests in this repository, so rte failed {what}",
            tip=f"turn on {ALLOW_SETTING} (an organisation may have to allow it first), or pass "
            "a GitHub App token or fine-grained personal access token as `github-token`",
        )
    if status == 403:
        if read_only_ok and "resource not accessible" in lower:
            return ReadOnly(what, permission)
        need = f"`{permission}`" if permission else "more permissions"
        tip = f"give the job the permission it needs:\n{PERMISSIONS_YAML}"
        if permission == "pull-requests: write" and what.startswith("opening"):
            tip += f"\nand turn on {ALLOW_SETTING}"
        return GitHubError(f"the token may not do this: {what} needs {need}{said}", tip=tip)
    if status == 404:
        return GitHubError(
            f"GitHub answered 404 Not Found while {what}: the repository, pull request or "
            "branch does not exist, or the token cannot see it",
            tip="check the repository name; a fine-grained token must include this repository, "
            "a classic one needs the `repo` scope for private repositories, a GitHub App "
            "must be installed on it",
        )
    if status == 422:
        return GitHubError(
            f"GitHub refused {what} (422){said}",
            tip="fix what GitHub names above and rerun",
        )
    if status >= 500:
        return GitHubError(
            f"GitHub had a server error ({status}) while {what}{said}",
            tip="rerun the job; writes are not retried blindly, so nothing was duplicated",
        )
    return GitHubError(f"GitHub answered {status or 'an error'} while {what}{said}")


def fork_notice(request: PublishRequest) -> str:
    head = request.head_repo_full_name or "a fork"
    return (
        f"Pull request #{request.pr_number} comes from {head}; GitHub gives workflows on fork pull requests "
        "a read-only token, so rte left the PR body, labels and release plan alone. The verdict stands and "
        "is in the job summary."
    )


def read_only_notice(request: PublishRequest, what: str) -> str:
    return (
        f"GitHub refused {what} with 'Resource not accessible by integration': this run's token is "
        "read-only (fork or Dependabot pull requests) or lacks `pull-requests: write` / `contents: write`. "
        "rte made no further changes; the verdict stands and is in the job summary."
    )
