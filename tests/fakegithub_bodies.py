"""JSON bodies shaped like GitHub's REST answers, with every URL built from the fake's own base URL."""

from __future__ import annotations

import base64
from typing import Any

NOW = "2026-01-01T00:00:00Z"

_REPO_URL_KEYS = (
    "archive",
    "assignees",
    "blobs",
    "branches",
    "collaborators",
    "comments",
    "commits",
    "compare",
    "contents",
    "contributors",
    "deployments",
    "downloads",
    "events",
    "forks",
    "git_commits",
    "git_refs",
    "git_tags",
    "hooks",
    "issue_comment",
    "issue_events",
    "issues",
    "keys",
    "labels",
    "languages",
    "merges",
    "milestones",
    "notifications",
    "pulls",
    "releases",
    "stargazers",
    "statuses",
    "subscribers",
    "subscription",
    "tags",
    "teams",
    "trees",
)


def user(api: str, web: str, login: str, uid: int = 1) -> dict[str, Any]:
    base = f"{api}/users/{login}"
    return {
        "login": login,
        "id": uid,
        "node_id": f"U_{uid}",
        "avatar_url": f"{web}/avatars/{login}",
        "gravatar_id": "",
        "url": base,
        "html_url": f"{web}/{login}",
        "followers_url": f"{base}/followers",
        "following_url": f"{base}/following{{/other_user}}",
        "gists_url": f"{base}/gists{{/gist_id}}",
        "starred_url": f"{base}/starred{{/owner}}{{/repo}}",
        "subscriptions_url": f"{base}/subscriptions",
        "organizations_url": f"{base}/orgs",
        "repos_url": f"{base}/repos",
        "events_url": f"{base}/events{{/privacy}}",
        "received_events_url": f"{base}/received_events",
        "type": "User",
        "site_admin": False,
    }


def repository(
    api: str, web: str, full_name: str, default_branch: str, *, fork: bool = False
) -> dict[str, Any]:
    owner, name = full_name.split("/")
    url = f"{api}/repos/{full_name}"
    body: dict[str, Any] = {f"{key}_url": f"{url}/{key.replace('_', '/')}" for key in _REPO_URL_KEYS}
    body.update(
        id=abs(hash(full_name)) % 10_000_000,
        node_id=f"R_{name}",
        name=name,
        full_name=full_name,
        owner=user(api, web, owner, 2),
        private=False,
        html_url=f"{web}/{full_name}",
        description=None,
        fork=fork,
        url=url,
        clone_url=f"{web}/{full_name}.git",
        git_url=f"git://example.invalid/{full_name}.git",
        ssh_url=f"git@example.invalid:{full_name}.git",
        svn_url=f"{web}/{full_name}",
        mirror_url=None,
        homepage=None,
        language="Python",
        forks=0,
        forks_count=0,
        stargazers_count=0,
        watchers_count=0,
        watchers=0,
        size=1,
        default_branch=default_branch,
        open_issues=0,
        open_issues_count=0,
        has_issues=True,
        has_projects=False,
        has_wiki=False,
        has_pages=False,
        has_downloads=False,
        has_discussions=False,
        archived=False,
        disabled=False,
        license=None,
        pushed_at=NOW,
        created_at=NOW,
        updated_at=NOW,
    )
    return body


def full_repository(api: str, web: str, full_name: str, default_branch: str) -> dict[str, Any]:
    return {**repository(api, web, full_name, default_branch), "network_count": 0, "subscribers_count": 0}


def label(api: str, full_name: str, name: str) -> dict[str, Any]:
    return {
        "id": abs(hash(name)) % 1_000_000,
        "node_id": f"L_{name}",
        "url": f"{api}/repos/{full_name}/labels/{name}",
        "name": name,
        "description": "",
        "color": "ededed",
        "default": False,
    }


def pull(api: str, web: str, full_name: str, pr: dict[str, Any], *, simple: bool) -> dict[str, Any]:
    """`pr` is the fake's own record: number, title, body, state, head, base, head_repo, labels, author."""
    url = f"{api}/repos/{full_name}/pulls/{pr['number']}"
    issue = f"{api}/repos/{full_name}/issues/{pr['number']}"
    html = f"{web}/{full_name}/pull/{pr['number']}"
    author = user(api, web, pr["author"], 3)

    def end(ref: str, repo_name: str, default: str) -> dict[str, Any]:
        return {
            "label": f"{repo_name.split('/')[0]}:{ref}",
            "ref": ref,
            "sha": "0" * 40,
            "user": user(api, web, repo_name.split("/")[0], 2),
            "repo": repository(api, web, repo_name, default, fork=repo_name != full_name),
        }

    links = {
        "self": url,
        "html": html,
        "issue": issue,
        "comments": f"{issue}/comments",
        "review_comments": f"{url}/comments",
        "review_comment": f"{api}/repos/{full_name}/pulls/comments{{/number}}",
        "commits": f"{url}/commits",
        "statuses": f"{api}/repos/{full_name}/statuses/{'0' * 40}",
    }
    body: dict[str, Any] = {
        "url": url,
        "id": 1000 + pr["number"],
        "node_id": f"PR_{pr['number']}",
        "html_url": html,
        "diff_url": f"{html}.diff",
        "patch_url": f"{html}.patch",
        "issue_url": issue,
        "commits_url": f"{url}/commits",
        "review_comments_url": f"{url}/comments",
        "review_comment_url": links["review_comment"],
        "comments_url": f"{issue}/comments",
        "statuses_url": links["statuses"],
        "number": pr["number"],
        "state": pr["state"],
        "locked": False,
        "title": pr["title"],
        "user": author,
        "body": pr["body"],
        "labels": [label(api, full_name, name) for name in pr["labels"]],
        "milestone": None,
        "created_at": NOW,
        "updated_at": NOW,
        "closed_at": None,
        "merged_at": None,
        "merge_commit_sha": None,
        "assignee": None,
        "assignees": [],
        "requested_reviewers": [],
        "head": end(pr["head"], pr["head_repo"], pr["default_branch"]),
        "base": end(pr["base"], full_name, pr["default_branch"]),
        "_links": {key: {"href": value} for key, value in links.items()},
        "author_association": "CONTRIBUTOR",
        "auto_merge": None,
        "draft": False,
    }
    if not simple:
        body.update(
            merged=False,
            mergeable=True,
            rebaseable=True,
            mergeable_state="clean",
            merged_by=None,
            comments=0,
            review_comments=0,
            maintainer_can_modify=False,
            commits=1,
            additions=1,
            deletions=0,
            changed_files=1,
        )
    return body


def review(
    api: str, web: str, full_name: str, number: int, rid: int, login: str, state: str
) -> dict[str, Any]:
    html = f"{web}/{full_name}/pull/{number}#pullrequestreview-{rid}"
    pr_url = f"{api}/repos/{full_name}/pulls/{number}"
    return {
        "id": rid,
        "node_id": f"PRR_{rid}",
        "user": user(api, web, login, 100 + rid),
        "body": "",
        "state": state,
        "html_url": html,
        "pull_request_url": pr_url,
        "_links": {"html": {"href": html}, "pull_request": {"href": pr_url}},
        "submitted_at": NOW,
        "commit_id": "0" * 40,
        "author_association": "MEMBER",
    }


def diff_entry(api: str, web: str, full_name: str, filename: str) -> dict[str, Any]:
    return {
        "sha": "1" * 40,
        "filename": filename,
        "status": "modified",
        "additions": 1,
        "deletions": 0,
        "changes": 1,
        "blob_url": f"{web}/{full_name}/blob/{'0' * 40}/{filename}",
        "raw_url": f"{web}/{full_name}/raw/{'0' * 40}/{filename}",
        "contents_url": f"{api}/repos/{full_name}/contents/{filename}?ref={'0' * 40}",
    }


def comment(api: str, web: str, full_name: str, number: int, cid: int, text: str) -> dict[str, Any]:
    return {
        "id": cid,
        "node_id": f"IC_{cid}",
        "url": f"{api}/repos/{full_name}/issues/comments/{cid}",
        "html_url": f"{web}/{full_name}/pull/{number}#issuecomment-{cid}",
        "body": text,
        "user": user(api, web, "github-actions[bot]", 41898282),
        "created_at": NOW,
        "updated_at": NOW,
        "issue_url": f"{api}/repos/{full_name}/issues/{number}",
        "author_association": "NONE",
    }


def content_file(
    api: str, web: str, full_name: str, path: str, branch: str, data: bytes, sha: str
) -> dict[str, Any]:
    url = f"{api}/repos/{full_name}/contents/{path}?ref={branch}"
    git = f"{api}/repos/{full_name}/git/blobs/{sha}"
    html = f"{web}/{full_name}/blob/{branch}/{path}"
    return {
        "type": "file",
        "encoding": "base64",
        "size": len(data),
        "name": path.rsplit("/", 1)[-1],
        "path": path,
        "content": base64.b64encode(data).decode("ascii"),
        "sha": sha,
        "url": url,
        "git_url": git,
        "html_url": html,
        "download_url": f"{web}/raw/{full_name}/{branch}/{path}",
        "_links": {"git": git, "html": html, "self": url},
    }


def file_commit(
    api: str,
    web: str,
    full_name: str,
    path: str,
    branch: str,
    data: bytes,
    sha: str,
    message: str,
    commit_sha: str,
) -> dict[str, Any]:
    content = content_file(api, web, full_name, path, branch, data, sha)
    content.pop("content")
    content.pop("encoding")
    return {
        "content": content,
        "commit": {
            "sha": commit_sha,
            "node_id": f"C_{commit_sha[:8]}",
            "url": f"{api}/repos/{full_name}/git/commits/{commit_sha}",
            "html_url": f"{web}/{full_name}/commit/{commit_sha}",
            "author": {"date": NOW, "name": "rte", "email": "rte@example.invalid"},
            "committer": {"date": NOW, "name": "rte", "email": "rte@example.invalid"},
            "message": message,
            "tree": {"url": f"{api}/repos/{full_name}/git/trees/{'2' * 40}", "sha": "2" * 40},
            "parents": [],
            "verification": {
                "verified": False,
                "reason": "unsigned",
                "signature": None,
                "payload": None,
                "verified_at": None,
            },
        },
    }


def error(message: str, status: int, **extra: Any) -> dict[str, Any]:
    return {
        "message": message,
        "documentation_url": "https://docs.github.com/rest",
        "status": str(status),
        **extra,
    }
