"""What the Actions runner does with a step's stdout and file commands, re-implemented for the tests.

Follows ../shared/reference/github-actions-runner.md §3–4: heredoc outputs end at the first line equal to
the delimiter; workflow commands are `::name k=v,k=v::message` with %-escapes.
"""

from __future__ import annotations

import re


class RunnerFileError(ValueError):
    pass


def parse_output_file(text: str) -> dict[str, str]:
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    values: dict[str, str] = {}
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line:
            i += 1
            continue
        eq, heredoc = line.find("="), line.find("<<")
        if heredoc >= 0 and (eq < 0 or heredoc < eq):
            name, delimiter = line[:heredoc], line[heredoc + 2 :]
            if not name or not delimiter:
                raise RunnerFileError(f"Invalid format '{line}'")
            body = []
            i += 1
            while i < len(lines) and lines[i] != delimiter:
                body.append(lines[i])
                i += 1
            if i >= len(lines):
                raise RunnerFileError(f"Matching delimiter not found '{delimiter}'")
            values[name] = "\n".join(body)
            i += 1
        elif eq > 0:
            values[line[:eq]] = line[eq + 1 :]
            i += 1
        else:
            raise RunnerFileError(f"Invalid format '{line}'")
    return values


_COMMAND = re.compile(r"^\s*::([^:\s]+)(?: ([^:]*))?::(.*)$")


def _unescape_data(text: str) -> str:
    return text.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")


def _unescape_prop(text: str) -> str:
    return (
        text.replace("%0D", "\r")
        .replace("%0A", "\n")
        .replace("%3A", ":")
        .replace("%2C", ",")
        .replace("%25", "%")
    )


def parse_commands(log: str) -> list[dict[str, object]]:
    """Every workflow command the runner would see in `log`, as {name, props, message}."""
    commands = []
    for line in log.splitlines():
        match = _COMMAND.match(line)
        if not match:
            continue
        props: dict[str, str] = {}
        for part in (match.group(2) or "").split(","):
            if "=" in part:
                key, value = part.split("=", 1)
                if value:
                    props[key.lower()] = _unescape_prop(value)
        commands.append(
            {"name": match.group(1).lower(), "props": props, "message": _unescape_data(match.group(3))}
        )
    return commands
