"""A small GitHub REST server on 127.0.0.1 for tests: in-memory state, request log, GitHub's quirks."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Self
from urllib.parse import parse_qs, unquote, urlsplit

from tests import fakegithub_bodies as b
from tests.fakegithub_routes import route
from tests.oas30 import OpenApi30

SCHEMA_PATH = Path(__file__).resolve().parents[1].parent / "shared/reference/github-rest-subset.json"

Answer = tuple[int, Any, dict[str, str]]


class _QuietServer(ThreadingHTTPServer):
    """A client hanging up mid-answer (a timeout or retry test) is expected: no traceback on stderr."""

    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@dataclass
class Request:
    method: str
    path: str  # without the /api/v3 prefix, without the query
    query: dict[str, str]
    body: Any
    op: str | None = None
    faulted: bool = False


@dataclass
class Fault:
    method: str
    pattern: str  # regex searched in the path
    status: int
    message: str
    headers: dict[str, str] = field(default_factory=dict)
    times: int = 1
    after: bool = False  # True: do the work, then answer with the fault (a lost answer)


class FakeGitHub:
    """State: pull requests (with labels), files per branch with blob shas, reviews, comments."""

    def __init__(
        self,
        *,
        repository: str = "octo/widgets",
        default_branch: str = "main",
        prefix: str = "",
        token: str = "ghs_test_token_123",
        schema: Path | None = SCHEMA_PATH,
    ) -> None:
        self.repository = repository
        self.default_branch = default_branch
        self.prefix = prefix.rstrip("/")
        self.token = token
        self.branches = {default_branch}
        self.pulls: dict[int, dict[str, Any]] = {}
        self.files: dict[tuple[str, str], tuple[bytes, str]] = {}  # (branch, path) → (data, blob sha)
        self.commits: list[tuple[str, str, str]] = []  # (branch, path, message)
        self.reviews: dict[int, list[tuple[str, str]]] = {}
        self.comments: dict[int, dict[str, Any]] = {}
        self.pr_files: dict[int, list[str]] = {}
        self.check_runs: dict[int, dict[str, Any]] = {}
        self.read_only = False
        self.actions_may_create_prs = True
        self.faults: list[Fault] = []
        self.on_request: Callable[[FakeGitHub, Request], None] | None = None  # runs under the lock
        self.requests: list[Request] = []
        self.schema_errors: list[str] = []
        self.validator = OpenApi30(schema) if schema is not None and schema.is_file() else None
        self._next_number = 1
        self._lock = threading.Lock()
        self._server = _QuietServer(("127.0.0.1", 0), _handler(self))
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True)

    # -- lifecycle --------------------------------------------------------------------------------

    @property
    def root(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    @property
    def base_url(self) -> str:
        return self.root + self.prefix

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    # -- test set-up helpers ----------------------------------------------------------------------

    def add_pull(
        self,
        head: str,
        *,
        base: str | None = None,
        body: str | None = "",
        labels: tuple[str, ...] = (),
        head_repo: str | None = None,
        title: str = "A change",
    ) -> int:
        with self._lock:
            return self._add_pull(head, base or self.default_branch, body, list(labels), head_repo, title)

    def _add_pull(
        self, head: str, base: str, body: str | None, labels: list[str], head_repo: str | None, title: str
    ) -> int:
        number = self._next_number
        self._next_number += 1
        self.branches.add(head)
        self.pulls[number] = {
            "number": number,
            "title": title,
            "body": body,
            "state": "open",
            "head": head,
            "base": base,
            "head_repo": head_repo or self.repository,
            "labels": labels,
            "author": "octocat",
            "default_branch": self.default_branch,
        }
        return number

    def put_file(self, branch: str, path: str, text: str) -> None:
        data = text.encode("utf-8")
        self.files[(branch, path)] = (data, _blob_sha(data))

    def fail(
        self,
        method: str,
        pattern: str,
        status: int,
        message: str,
        times: int = 1,
        after: bool = False,
        **headers: str,
    ) -> None:
        """Answer the next `times` matching requests with `status`; header names use `_` for `-`."""
        self.faults.append(Fault(method, pattern, status, message, dict(headers), times, after))

    def count(self, method: str | None = None) -> int:
        return sum(1 for r in self.requests if method is None or r.method == method)

    def writes(self) -> list[Request]:
        return [r for r in self.requests if r.method != "GET"]

    # -- request handling -------------------------------------------------------------------------

    def handle(self, method: str, raw_path: str, headers: dict[str, str], raw_body: bytes) -> Answer:
        parts = urlsplit(raw_path)
        query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        path = parts.path
        body: Any = json.loads(raw_body) if raw_body else None
        if self.prefix:
            if not path.startswith(self.prefix + "/"):
                return 404, b.error("Not Found", 404), {}
            path = path[len(self.prefix) :]
        request = Request(method, path, query, body)
        with self._lock:
            self.requests.append(request)
            status, payload, extra = self._route(request, headers)
            if self.validator is not None and request.op is not None:
                self.schema_errors += self.validator.request_errors(request.op, body)
                if not request.faulted:
                    self.schema_errors += self.validator.response_errors(request.op, status, payload)
        return status, payload, extra

    def _route(self, req: Request, headers: dict[str, str]) -> Answer:
        req.op = _operation(req.method, req.path)
        auth = headers.get("authorization", "")
        if auth not in (f"token {self.token}", f"Bearer {self.token}"):
            return 401, b.error("Bad credentials", 401), {}
        if self.on_request is not None:
            self.on_request(self, req)
        for fault in self.faults:
            if fault.times and fault.method == req.method and re.search(fault.pattern, req.path):
                fault.times -= 1
                if fault.after:
                    self._route_repo(req)
                req.faulted = True  # the fault's answer is not checked against the description
                return fault.status, b.error(fault.message, fault.status), fault.headers
        return self._route_repo(req)

    def _route_repo(self, req: Request) -> Answer:
        if req.path == "/rate_limit":
            core = {"limit": 5000, "remaining": 4990, "reset": 1767225600, "used": 10}
            return 200, {"resources": {"core": core, "search": core}, "rate": core}, {}
        match = re.fullmatch(r"/repos/([^/]+/[^/]+)(/.*)?", req.path)
        if not match or match.group(1).lower() != self.repository.lower():
            return 404, b.error("Not Found", 404), {}
        if req.method != "GET" and self.read_only:
            return 403, b.error("Resource not accessible by integration", 403), {}
        return route(self, req, match.group(2) or "")

    def new_pull(self, head: str, base: str, title: str, body: str | None) -> int:
        """A PR opened through the API (the caller holds the lock)."""
        return self._add_pull(head, base, body, [], None, title)


_OPS = (
    ("GET", r"/repos/[^/]+/[^/]+", "repos/get"),
    ("GET", r"/repos/[^/]+/[^/]+/pulls", "pulls/list"),
    ("POST", r"/repos/[^/]+/[^/]+/pulls", "pulls/create"),
    ("GET", r"/repos/[^/]+/[^/]+/pulls/\d+", "pulls/get"),
    ("PATCH", r"/repos/[^/]+/[^/]+/pulls/\d+", "pulls/update"),
    ("GET", r"/repos/[^/]+/[^/]+/pulls/\d+/reviews", "pulls/list-reviews"),
    ("GET", r"/repos/[^/]+/[^/]+/pulls/\d+/files", "pulls/list-files"),
    ("POST", r"/repos/[^/]+/[^/]+/issues/\d+/labels", "issues/add-labels"),
    ("GET", r"/repos/[^/]+/[^/]+/issues/\d+/comments", "issues/list-comments"),
    ("POST", r"/repos/[^/]+/[^/]+/issues/\d+/comments", "issues/create-comment"),
    ("GET", r"/repos/[^/]+/[^/]+/issues/comments/\d+", "issues/get-comment"),
    ("PATCH", r"/repos/[^/]+/[^/]+/issues/comments/\d+", "issues/update-comment"),
    ("GET", r"/repos/[^/]+/[^/]+/contents/.+", "repos/get-content"),
    ("PUT", r"/repos/[^/]+/[^/]+/contents/.+", "repos/create-or-update-file-contents"),
    ("POST", r"/repos/[^/]+/[^/]+/check-runs", "checks/create"),
    ("PATCH", r"/repos/[^/]+/[^/]+/check-runs/\d+", "checks/update"),
    ("GET", r"/repos/[^/]+/[^/]+/compare/.+", "repos/compare-commits-with-basehead"),
    ("GET", r"/rate_limit", "rate-limit/get"),
)


def _operation(method: str, path: str) -> str | None:
    for op_method, pattern, op_id in _OPS:
        if op_method == method and re.fullmatch(pattern, unquote(path)):
            return op_id
    return None


def _blob_sha(data: bytes) -> str:
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def decode(content: str) -> bytes:
    return base64.b64decode(content)


def _handler(fake: FakeGitHub) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:
            pass

        def _serve(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            headers = {k.lower(): v for k, v in self.headers.items()}
            status, payload, extra = fake.handle(self.command, self.path, headers, raw)
            data = b"" if payload is None else json.dumps(payload).encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.send_header("X-RateLimit-Limit", "5000")
            self.send_header("X-RateLimit-Remaining", "4990")
            self.send_header("X-RateLimit-Reset", "1767225600")
            for key, value in extra.items():
                self.send_header(key.replace("_", "-"), value)
            self.end_headers()
            self.wfile.write(data)

        do_GET = do_POST = do_PATCH = do_PUT = do_DELETE = _serve

    return Handler
