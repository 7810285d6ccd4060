"""GitHub Actions runner I/O: workflow commands on a stream, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files."""

from __future__ import annotations

import os
import sys
import tempfile
import uuid
from pathlib import Path
from typing import TextIO

from rte.model import Location


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


class Runner:
    """Writes what the runner reads. The stream is injected; files are appended to, never read at import."""

    def __init__(self, stream: TextIO | None = None, output_file: str = "", summary_file: str = "") -> None:
        self.stream = stream or sys.stdout
        self.output_file = output_file
        self.summary_file = summary_file
        self.warnings: list[str] = []

    def command(self, name: str, message: str = "", **props: object) -> None:
        rendered = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items() if v not in (None, ""))
        head = f"{name} {rendered}" if rendered else name
        self.stream.write(f"::{head}::{escape_data(message)}\n")
        self.stream.flush()

    def annotate(self, level: str, message: str, location: Location | None = None, title: str = "") -> None:
        props: dict[str, object] = {"title": title}
        if location is not None:
            props["file"] = location.file
            props["line"] = location.line
        self.command(level, message, **props)

    def mask(self, secret: str) -> None:
        if secret:
            for line in secret.splitlines():
                if line.strip():
                    self.command("add-mask", line)

    def group(self, title: str) -> None:
        self.command("group", title)

    def endgroup(self) -> None:
        self.command("endgroup")

    def log(self, text: str) -> None:
        """Plain log text; a line that would start a workflow command is neutralised."""
        for line in text.splitlines() or [""]:
            if line.lstrip().startswith("::"):
                line = " " + line.replace("::", ":\u200b:")
            line = line.replace("##[", "#\u200b#[")  # the runner's legacy syntax matches anywhere in a line
            self.stream.write(line + "\n")
        self.stream.flush()

    def output(self, name: str, value: str) -> None:
        if not self.output_file:
            warning = "GITHUB_OUTPUT is not set; the step outputs were not written"
            if warning not in self.warnings:
                self.warnings.append(warning)
            return
        delimiter = f"ghadelimiter_{uuid.uuid4()}"
        while delimiter in value:
            delimiter = f"ghadelimiter_{uuid.uuid4()}"
        with open(self.output_file, "a", encoding="utf-8", newline="\n") as handle:
            handle.write(f"{name}<<{delimiter}\n{value}\n{delimiter}\n")

    def summary(self, markdown: str) -> bool:
        if not self.summary_file:
            self.warnings.append("GITHUB_STEP_SUMMARY is not set; the job summary was not written")
            return False
        with open(self.summary_file, "a", encoding="utf-8", newline="\n") as handle:
            handle.write(markdown)
        return True


def write_text(path: Path, text: str) -> None:
    """Write a file without following a link at its name: a symlink there is replaced, not written through.

    The text goes to a temporary file in the same folder first, then replaces `path` in one step, so a link
    placed at `path` by a pull request (pointing anywhere) is itself replaced by a regular file."""
    from rte.errors import WorkspaceError

    path.parent.mkdir(parents=True, exist_ok=True)
    if path.is_dir() and not path.is_symlink():
        raise WorkspaceError(f"cannot write `{path}`: a folder of that name is in the way")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name[:40]}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        if os.path.lexists(tmp):
            os.unlink(tmp)
        raise
