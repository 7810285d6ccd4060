"""Helpers for the hostile-input tests: run the action in-process as the runner would, snapshot folders."""

from __future__ import annotations

import hashlib
import io
import os
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from rte.action import main
from tests.runnerfiles import parse_commands, parse_output_file
from tests.test_action import TOKEN, runner_env

SECRET = "OUTSIDE-SECRET-7f3a9c"  # text only files outside the workspace hold


@dataclass
class Ran:
    code: int
    stdout: str
    outputs: dict[str, str]
    summary: str
    env: dict[str, str]

    @property
    def commands(self) -> list[dict[str, object]]:
        return parse_commands(self.stdout)

    @property
    def errors(self) -> list[str]:
        return [str(c["message"]) for c in self.commands if c["name"] == "error"]

    def everything(self) -> str:
        """stdout, the output and summary files, and every file rte wrote into RUNNER_TEMP."""
        parts = [self.stdout, self.summary, Path(self.env["GITHUB_OUTPUT"]).read_text()]
        temp = Path(self.env["RUNNER_TEMP"])
        if temp.is_dir():
            parts += [p.read_text(errors="replace") for p in sorted(temp.rglob("*")) if p.is_file()]
        return "\n".join(parts)


def run_action(
    ws: Path, tmp: Path, event: str = "workflow_dispatch", payload: dict | None = None, **inputs: str
) -> Ran:
    env = runner_env(ws, tmp, event, payload if payload is not None else {}, **inputs)
    stream = io.StringIO()
    with time_limit(120):
        code = main(env, stream)
    outputs = parse_output_file(Path(env["GITHUB_OUTPUT"]).read_text())
    return Ran(code, stream.getvalue(), outputs, Path(env["GITHUB_STEP_SUMMARY"]).read_text(), env)


def outside_dir(tmp: Path) -> Path:
    """A sibling of the workspace holding a secret document, a secret template and an XML file."""
    out = tmp / "outside"
    out.mkdir(exist_ok=True)
    (out / "secret.md").write_text(f"# Secret\n\n## Summary\n\n{SECRET}\n")
    (out / "secret.sql").write_text(f"-- {SECRET}\nDROP TABLE users;\n")
    (out / "secret.j2").write_text(f"{SECRET}\n")
    (out / "junit.xml").write_text(f'<testsuite name="{SECRET}" tests="1"><testcase name="t"/></testsuite>')
    (out / "rte.yml").write_text("fail-on-severity: critical\n")
    return out


def snapshot(*roots: Path) -> dict[str, str]:
    """Every entry under the roots: path → content hash (files), link target (links) or `dir`."""
    seen: dict[str, str] = {}
    for root in roots:
        if not root.exists():
            continue
        for current, dirs, files in os.walk(root, followlinks=False):
            for name in dirs + files:
                path = Path(current) / name
                if path.is_symlink():
                    seen[str(path)] = "-> " + os.readlink(path)
                elif path.is_dir():
                    seen[str(path)] = "dir"
                else:
                    seen[str(path)] = hashlib.sha256(path.read_bytes()).hexdigest()
    return seen


@contextmanager
def time_limit(seconds: int) -> Iterator[None]:
    """Fail instead of hanging (not a timing assertion: the limit is far above any normal run)."""

    def fire(signum: int, frame: object) -> None:
        raise TimeoutError(f"did not finish within {seconds} s")

    previous = signal.signal(signal.SIGALRM, fire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


__all__ = ["SECRET", "TOKEN", "Ran", "outside_dir", "run_action", "snapshot", "time_limit"]
