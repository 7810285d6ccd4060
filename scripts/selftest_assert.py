"""Check the outputs of the self-test workflow's two rte steps (read from the environment).

The self-test runs rte on the bundled example: `invoice-links` must pass, `bulk-export` must fail on
the gates the example is built to trip. Exit code 1 with one line per broken expectation.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

EXPECTED_FAILED_GATES = {"security.findings", "tests.e2e"}


def host_path(path: str) -> Path:
    """A container action's output paths use the container's mounts: map them back to the runner's."""
    mounts = {
        "/github/workspace": os.environ.get("GITHUB_WORKSPACE", "."),
        "/github/runner_temp": os.environ.get("RUNNER_TEMP", ""),
    }
    for inside, outside in mounts.items():
        if outside and (path == inside or path.startswith(inside + "/")):
            return Path(outside + path[len(inside) :])
    return Path(path)


def problems(env: dict[str, str]) -> list[str]:
    out = []

    def expect(name: str, want: str) -> None:
        if env.get(name) != want:
            out.append(f"{name} is {env.get(name)!r}, expected {want!r}")

    expect("PASS_OUTCOME", "success")
    expect("PASS_VERDICT", "pass")
    expect("PASS_FEATURES", '["invoice-links"]')
    expect("FAIL_OUTCOME", "failure")
    expect("FAIL_VERDICT", "fail")
    try:
        gates = {(g["feature"], g["gate"]) for g in json.loads(env.get("FAIL_GATES") or "null")}
    except (TypeError, ValueError, KeyError) as exc:
        out.append(f"FAIL_GATES is not a JSON list of {{feature, gate, message}}: {exc}")
        gates = set()
    missing = {("bulk-export", gate) for gate in EXPECTED_FAILED_GATES} - gates
    if missing:
        out.append(f"failed-gates lacks {sorted(missing)}; it has {sorted(gates)}")
    plan = Path(env.get("PASS_PLAN") or "missing")
    if not plan.is_file() or "invoice-links" not in str(plan):
        out.append(f"release-plan-file {str(plan)!r} is not a written file of invoice-links")
    report = host_path(env.get("PASS_REPORT") or "missing")
    try:
        verdicts = [f.get("verdict") for f in json.loads(report.read_text(encoding="utf-8"))["features"]]
        if verdicts != ["pass"]:
            out.append(f"the JSON report's verdicts are {verdicts}, expected ['pass']")
    except (OSError, ValueError, KeyError, TypeError) as exc:
        out.append(f"report-file {str(report)!r} is not a readable rte report: {exc}")
    return out


if __name__ == "__main__":
    found = problems(dict(os.environ))
    for line in found:
        print(f"::error title=self-test::{line}")
    print("self-test outputs: " + ("FAILED" if found else "as expected"))
    sys.exit(1 if found else 0)
