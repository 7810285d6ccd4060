"""Print how many HTTP requests rte.github makes per scenario, against the local fake GitHub.

Run from the repository root: `python benchmarks/github_requests.py`.
"""

from __future__ import annotations

import dataclasses
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the fake server lives in tests/

from rte.github import ClientOptions, PublishRequest, publish
from tests.fakegithub import FakeGitHub

OPTIONS = ClientOptions(seconds_between_requests=None, seconds_between_writes=None, backoff_factor=0)
REQUEST = PublishRequest(
    repository="octo/widgets",
    event_name="push",
    head_branch="feat/login",
    title="Release",
    section="verdict: pass",
    feature="login",
    labels=("risk:medium", "release-gate:pass"),
    create_pr=True,
    commit_plan=True,
    plan_path="docs/plan.md",
    plan_content="plan v1\n",
)


def measure(fake: FakeGitHub, name: str, request: PublishRequest) -> None:
    fake.requests.clear()
    start = time.perf_counter()
    result = publish(request, api_url=fake.base_url, token=fake.token, options=OPTIONS)
    elapsed = (time.perf_counter() - start) * 1000
    calls = " ".join(f"{r.method}" for r in fake.requests)
    print(
        f"{name:<28} {len(fake.requests):>2} requests ({len(fake.writes())} writes) {elapsed:6.1f} ms  "
        f"pr={result.pr_operation.value:<9} plan={result.plan_operation.value:<9} [{calls}]"
    )


def main() -> None:
    with FakeGitHub(schema=None) as fake:
        fake.branches.add("feat/login")
        measure(fake, "create (push, create-pr)", REQUEST)
        measure(fake, "rerun unchanged", REQUEST)
        changed = dataclasses.replace(
            REQUEST,
            section="verdict: fail",
            labels=("risk:high", "release-gate:fail"),
            plan_content="plan v2\n",
        )
        measure(fake, "update (body+labels+plan)", changed)
        pr = dataclasses.replace(
            changed,
            event_name="pull_request",
            pr_number=1,
            create_pr=False,
            head_repo_full_name="octo/widgets",
            section="verdict: pass",
            labels=("risk:low", "release-gate:pass"),
            plan_content="plan v3\n",
        )
        measure(fake, "pull_request update", pr)
        fork = dataclasses.replace(pr, head_repo_full_name="stranger/widgets", head_repo_fork=True)
        measure(fake, "fork pull_request", fork)
        fake.read_only = True
        measure(fake, "read-only token (403)", dataclasses.replace(pr, section="changed again"))


if __name__ == "__main__":
    main()
