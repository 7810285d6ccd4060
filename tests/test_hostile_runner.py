"""Document text must not steer the runner: no workflow command from a log line, outputs stay one value each."""

from __future__ import annotations

import io
import re
import uuid

import pytest

from rte.model import Location
from rte.runner import Runner
from tests.conftest import write
from tests.hostile import run_action
from tests.runnerfiles import parse_commands, parse_output_file

NASTY = [
    "::add-mask::x",
    "::error::fake",
    "::stop-commands::abc123",
    "  ::warning file=a.py::indented",
    "100% done %0A%25",
    "two\rlines",
    "two\nlines",
    "##[error]legacy",
    "text then ##[add-mask]legacy in the middle",
]
LEGACY = re.compile(r"##\[")


def legacy_commands(log: str) -> list[str]:
    """Lines the runner's legacy parser would take: `##[` anywhere in a line that is not a `::` command."""
    return [line for line in log.splitlines() if LEGACY.search(line) and not parse_commands(line)]


@pytest.mark.parametrize("text", NASTY)
def test_annotation_stays_one_command_with_the_text_intact(text):
    stream = io.StringIO()
    Runner(stream).annotate("error", text, Location("a:b,c.md", 3), title=f"t: {text}")
    out = stream.getvalue()
    assert out.count("\n") == 1
    commands = parse_commands(out)
    assert commands == [
        {"name": "error", "props": {"title": f"t: {text}", "file": "a:b,c.md", "line": "3"}, "message": text}
    ]


@pytest.mark.parametrize("text", NASTY)
def test_log_text_never_starts_a_command(text):
    stream = io.StringIO()
    Runner(stream).log(f"finding: x\n{text}\nend")
    out = stream.getvalue()
    assert parse_commands(out) == []
    assert legacy_commands(out) == []


def test_output_value_holding_the_delimiter_stays_one_value(tmp_path, monkeypatch):
    first = uuid.UUID(int=1)
    second = uuid.UUID(int=2)
    values = iter([first, second, uuid.UUID(int=3)])
    monkeypatch.setattr(uuid, "uuid4", lambda: next(values))
    out = tmp_path / "out"
    out.write_text("")
    value = f"a\nEOF\nghadelimiter_{first}\nverdict<<x\nz"
    runner = Runner(io.StringIO(), str(out))
    runner.output("pr-body", value)
    runner.output("verdict", "pass")
    assert parse_output_file(out.read_text()) == {"pr-body": value, "verdict": "pass"}


def test_hostile_finding_through_the_action(example_ws, tmp_path):
    audit = "# Security Audit\n\n**Status:** Complete\n\n"
    for n, text in enumerate(NASTY, start=1):
        title = text.replace("\n", " ").replace("\r", " ")
        audit += f"### H-{n}: {title}\n\n**Severity:** High\n**Status:** Open\n\n{text}\n\n"
    write(example_ws / "docs/features/invoice-links/04-security-audit.md", audit)
    write(
        example_ws / "docs/features/invoice-links/05-documentation-summary.md",
        "# Docs\n\n::error::from the docs\n##[warning]legacy\n",
    )
    ran = run_action(example_ws, tmp_path, feature="invoice-links")
    assert ran.code == 1
    commands = ran.commands
    assert [
        c for c in commands if c["name"] not in ("add-mask", "group", "endgroup", "error", "warning")
    ] == []
    assert [c["name"] for c in commands].count("add-mask") == 1  # only rte's own, for the token
    errors = [c for c in commands if c["name"] == "error" and "security.findings" in str(c["props"]["title"])]
    assert len(errors) == len(NASTY)
    assert any("stop-commands::abc123" in str(c["message"]) for c in errors)
    assert legacy_commands(ran.stdout) == []
    for line in ran.stdout.splitlines():  # every command line is one of rte's own
        if line.lstrip().startswith("::"):
            assert re.match(r"::(add-mask|group|endgroup|error|warning|notice)( |::)", line), line
    assert ran.outputs["verdict"] == "fail"
