"""The fake GitHub's endpoints: each takes the parsed request and answers (status, body, headers)."""

from __future__ import annotations

import base64
import hashlib
import re
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, unquote

from tests import fakegithub_bodies as b

if TYPE_CHECKING:
    from tests.fakegithub import Answer, FakeGitHub, Request

WEB = "https://github.example"


def route(fake: FakeGitHub, req: Request, sub: str) -> Answer:
    api, full = fake.base_url, fake.repository
    m = req.method
    if sub == "" and m == "GET":
        return 200, b.full_repository(api, WEB, full, fake.default_branch), {}
    if sub == "/pulls" and m == "GET":
        return _list_pulls(fake, req)
    if sub == "/pulls" and m == "POST":
        return _create_pull(fake, req.body)
    if match := re.fullmatch(r"/pulls/(\d+)(/reviews|/files)?", sub):
        number, tail = int(match.group(1)), match.group(2)
        pr = fake.pulls.get(number)
        if pr is None:
            return 404, b.error("Not Found", 404), {}
        if tail == "/reviews" and m == "GET":
            items = [
                b.review(api, WEB, full, number, i + 1, login, state)
                for i, (login, state) in enumerate(fake.reviews.get(number, []))
            ]
            return 200, items, {}
        if tail == "/files" and m == "GET":
            return 200, [b.diff_entry(api, WEB, full, f) for f in fake.pr_files.get(number, [])], {}
        if tail is None and m == "PATCH":
            for key in ("title", "body", "state", "base"):
                if key in req.body:
                    pr[key] = req.body[key]
        if tail is None and m in ("GET", "PATCH"):
            return 200, b.pull(api, WEB, full, pr, simple=False), {}
    if match := re.fullmatch(r"/issues/(\d+)/(labels|comments)", sub):
        number, kind = int(match.group(1)), match.group(2)
        if number not in fake.pulls:
            return 404, b.error("Not Found", 404), {}
        if kind == "labels":
            return _labels(fake, req, fake.pulls[number])
        if m == "GET":
            items = [c for c in fake.comments.values() if c["issue"] == number]
            return 200, [b.comment(api, WEB, full, number, c["id"], c["body"]) for c in items], {}
        if m == "POST":
            cid = len(fake.comments) + 1
            fake.comments[cid] = {"id": cid, "issue": number, "body": req.body["body"]}
            return 201, b.comment(api, WEB, full, number, cid, req.body["body"]), {}
    if match := re.fullmatch(r"/issues/comments/(\d+)", sub):
        item = fake.comments.get(int(match.group(1)))
        if item is None:
            return 404, b.error("Not Found", 404), {}
        if m == "PATCH":
            item["body"] = req.body["body"]
        return 200, b.comment(api, WEB, full, item["issue"], item["id"], item["body"]), {}
    if sub.startswith("/contents/"):
        return _contents(fake, req, unquote(sub[len("/contents/") :]))
    if sub == "/check-runs" and m == "POST":
        rid = len(fake.check_runs) + 1
        fake.check_runs[rid] = dict(req.body)
        return 201, _check_run(api, full, rid, fake.check_runs[rid]), {}
    if match := re.fullmatch(r"/check-runs/(\d+)", sub):
        run = fake.check_runs.get(int(match.group(1)))
        if run is None:
            return 404, b.error("Not Found", 404), {}
        run.update(req.body or {})
        return 200, _check_run(api, full, int(match.group(1)), run), {}
    if sub.startswith("/compare/") and m == "GET":
        return 200, _compare(api, full, unquote(sub[len("/compare/") :])), {}
    return 404, b.error("Not Found", 404), {}


def _list_pulls(fake: FakeGitHub, req: Request) -> Answer:
    q = req.query
    items = [p for p in fake.pulls.values() if q.get("state", "open") in ("all", p["state"])]
    head = q.get("head", "")
    if ":" in head:  # GitHub ignores a head filter without the owner prefix
        owner, branch = head.split(":", 1)
        items = [p for p in items if p["head_repo"].split("/")[0] == owner and p["head"] == branch]
    if "base" in q:
        items = [p for p in items if p["base"] == q["base"]]
    per_page, page = int(q.get("per_page", "30")), int(q.get("page", "1"))
    chunk = items[(page - 1) * per_page : page * per_page]
    headers: dict[str, str] = {}
    last = max(1, -(-len(items) // per_page))
    if page < last:
        url = f"{fake.base_url}/repos/{fake.repository}/pulls?state={q.get('state', 'open')}&per_page={per_page}"
        url += f"&head={quote(head)}" if head else ""
        headers["Link"] = f'<{url}&page={page + 1}>; rel="next", <{url}&page={last}>; rel="last"'
    return 200, [b.pull(fake.base_url, WEB, fake.repository, p, simple=True) for p in chunk], headers


def _create_pull(fake: FakeGitHub, body: dict[str, Any]) -> Answer:
    if not fake.actions_may_create_prs:
        return 403, b.error("GitHub Actions is not permitted to create or approve pull requests.", 403), {}
    head, base = body["head"].split(":")[-1], body["base"]
    if head not in fake.branches or base not in fake.branches:
        return 422, _validation("field", "invalid", "head" if head not in fake.branches else "base"), {}
    if head == base:
        return 422, _validation("custom", f"No commits between {base} and {head}"), {}
    for p in fake.pulls.values():
        if p["state"] == "open" and p["head"] == head and p["base"] == base:
            owner = fake.repository.split("/")[0]
            return 422, _validation("custom", f"A pull request already exists for {owner}:{head}."), {}
    number = fake.new_pull(head, base, body.get("title", ""), body.get("body"))
    return 201, b.pull(fake.base_url, WEB, fake.repository, fake.pulls[number], simple=False), {}


def _validation(code: str, message: str, field: str | None = None) -> dict[str, Any]:
    error: dict[str, Any] = {"resource": "PullRequest", "code": code}
    if field:
        error["field"] = field
    else:
        error["message"] = message
    return b.error("Validation Failed", 422, errors=[error])


def _labels(fake: FakeGitHub, req: Request, pr: dict[str, Any]) -> Answer:
    body = req.body
    names = body if isinstance(body, list) else (body or {}).get("labels", [])
    names = [n if isinstance(n, str) else n["name"] for n in names]
    if req.method == "POST":
        known = {label.casefold() for label in pr["labels"]}
        pr["labels"] += [n for n in names if n.casefold() not in known]
    elif req.method == "PUT":
        pr["labels"] = list(dict.fromkeys(names))
    elif req.method != "GET":
        return 404, b.error("Not Found", 404), {}
    return 200, [b.label(fake.base_url, fake.repository, n) for n in pr["labels"]], {}


def _contents(fake: FakeGitHub, req: Request, path: str) -> Answer:
    api, full = fake.base_url, fake.repository
    if req.method == "GET":
        branch = req.query.get("ref", fake.default_branch)
        found = fake.files.get((branch, path))
        if found is None:
            return 404, b.error("Not Found", 404), {}
        return 200, b.content_file(api, WEB, full, path, branch, found[0], found[1]), {}
    if req.method != "PUT":
        return 404, b.error("Not Found", 404), {}
    body = req.body
    branch = body.get("branch", fake.default_branch)
    if branch not in fake.branches:
        return 404, b.error("Branch not found", 404), {}
    existing = fake.files.get((branch, path))
    if existing is not None and body.get("sha") != existing[1]:
        if "sha" not in body:
            return 422, b.error('Invalid request.\n\n"sha" wasn\'t supplied.', 422), {}
        return 409, b.error(f"{path} does not match {body['sha']}", 409), {}
    data = base64.b64decode(body["content"])
    fake.put_file(branch, path, data.decode("utf-8"))
    fake.commits.append((branch, path, body["message"]))
    commit_sha = hashlib.sha1(f"{len(fake.commits)}{path}".encode()).hexdigest()
    sha = fake.files[(branch, path)][1]
    answer = b.file_commit(api, WEB, full, path, branch, data, sha, body["message"], commit_sha)
    return (200 if existing else 201), answer, {}


def _check_run(api: str, full: str, rid: int, run: dict[str, Any]) -> dict[str, Any]:
    output = run.get("output") or {}
    conclusion = run.get("conclusion")
    return {
        "id": rid,
        "node_id": f"CR_{rid}",
        "head_sha": run["head_sha"],
        "name": run["name"],
        "url": f"{api}/repos/{full}/check-runs/{rid}",
        "html_url": f"{WEB}/{full}/runs/{rid}",
        "details_url": None,
        "external_id": None,
        "status": "completed" if conclusion else run.get("status", "queued"),
        "conclusion": conclusion,
        "started_at": run.get("started_at"),
        "completed_at": run.get("completed_at"),
        "output": {
            "title": output.get("title"),
            "summary": output.get("summary"),
            "text": output.get("text"),
            "annotations_count": len(output.get("annotations", [])),
            "annotations_url": f"{api}/repos/{full}/check-runs/{rid}/annotations",
        },
        "check_suite": {"id": 1},
        "app": None,
        "pull_requests": [],
    }


def _commit(api: str, full: str, sha: str) -> dict[str, Any]:
    person = {"name": "rte", "email": "rte@example.invalid", "date": b.NOW}
    return {
        "url": f"{api}/repos/{full}/commits/{sha}",
        "sha": sha,
        "node_id": f"C_{sha[:6]}",
        "html_url": f"{WEB}/{full}/commit/{sha}",
        "comments_url": f"{api}/repos/{full}/commits/{sha}/comments",
        "commit": {
            "url": f"{api}/repos/{full}/git/commits/{sha}",
            "author": person,
            "committer": person,
            "message": "change",
            "comment_count": 0,
            "tree": {"sha": "2" * 40, "url": f"{api}/repos/{full}/git/trees/{'2' * 40}"},
        },
        "author": None,
        "committer": None,
        "parents": [],
    }


def _compare(api: str, full: str, basehead: str) -> dict[str, Any]:
    return {
        "url": f"{api}/repos/{full}/compare/{quote(basehead)}",
        "html_url": f"{WEB}/{full}/compare/{basehead}",
        "permalink_url": f"{WEB}/{full}/compare/{basehead}",
        "diff_url": f"{WEB}/{full}/compare/{basehead}.diff",
        "patch_url": f"{WEB}/{full}/compare/{basehead}.patch",
        "base_commit": _commit(api, full, "3" * 40),
        "merge_base_commit": _commit(api, full, "3" * 40),
        "status": "ahead",
        "ahead_by": 1,
        "behind_by": 0,
        "total_commits": 1,
        "commits": [_commit(api, full, "4" * 40)],
        "files": [],
    }
