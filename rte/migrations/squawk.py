"""Lint forward migrations with squawk in one batched run and map its findings back to original lines."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from rte.model import Location

INSTALL_HINT = "install squawk with `pip install squawk-cli` (it puts a `squawk` binary next to python)"

# Rules that say the migration may hurt production, and the risk factor each one stands for.
RISKS: Mapping[str, str] = {
    "ban-drop-table": "drops a table",
    "ban-drop-column": "drops a column",
    "ban-drop-database": "drops a database",
    "ban-truncate-cascade": "truncates with CASCADE",
    "adding-required-field": "adds a NOT NULL column without a default to an existing table",
    "adding-not-nullable-field": "sets NOT NULL on an existing column (full table scan under lock)",
    "require-concurrent-index-creation": "creates an index without CONCURRENTLY (blocks writes)",
    "require-concurrent-index-deletion": "drops an index without CONCURRENTLY (blocks writes)",
    "changing-column-type": "changes a column type (table rewrite under an exclusive lock)",
    "renaming-column": "renames a column (breaks running clients)",
    "renaming-table": "renames a table (breaks running clients)",
    "adding-foreign-key-constraint": "adds a foreign key that is validated under lock",
    "constraint-missing-not-valid": "adds a constraint without NOT VALID (validated under lock)",
    "disallowed-unique-constraint": "adds a UNIQUE constraint that builds an index under lock",
    "adding-field-with-default": "adds a column with a volatile default (table rewrite)",
    "adding-primary-key-constraint": "adds a primary key that builds an index under lock",
    "ban-concurrent-index-creation-in-transaction": "creates an index CONCURRENTLY inside a transaction",
}
# Rules that lose data; they block unless the feature's docs declare the data loss.
DROP_RULES = frozenset({"ban-drop-table", "ban-drop-column", "ban-drop-database", "ban-truncate-cascade"})
# Noise for a release gate: robustness style and timeout settings that migration tools set themselves.
EXCLUDED_RULES = ("prefer-robust-stmts", "require-timeout-settings")


@dataclass(frozen=True)
class Violation:
    rule: str
    message: str
    location: Location
    help: str | None = None

    @property
    def risk(self) -> str | None:
        return RISKS.get(self.rule)

    @property
    def drops_data(self) -> bool:
        return self.rule in DROP_RULES


@dataclass(frozen=True)
class SquawkRun:
    """Violations per original migration path; `error` says why squawk could not judge (then nothing ran)."""

    violations: Mapping[str, tuple[Violation, ...]] = field(default_factory=dict)
    error: str | None = None
    available: bool = True


def find_squawk() -> str | None:
    """The squawk binary of this Python environment, else the one on PATH."""
    here = Path(sys.executable).parent
    for name in ("squawk", "squawk.exe"):
        if (here / name).is_file():
            return str(here / name)
    return shutil.which("squawk")


def run_squawk(
    forward_parts: Sequence[tuple[str, str]],
    *,
    binary: str | None = None,
    pg_version: str | None = None,
    timeout: float = 120.0,
) -> SquawkRun:
    """Lint every (original path, forward text) pair in ONE squawk process.

    The forward texts keep their file's line numbers (blank lines stand for the rollback part), so a
    reported line is a line of the original file.
    """
    if not forward_parts:
        return SquawkRun()
    exe = binary or find_squawk()
    if exe is None or (not Path(exe).is_file() and shutil.which(exe) is None):
        return SquawkRun(error=f"squawk is not installed: {INSTALL_HINT}", available=False)
    with tempfile.TemporaryDirectory(prefix="rte-squawk-") as tmp:
        by_file: dict[str, str] = {}
        for index, (original, text) in enumerate(forward_parts):
            target = Path(tmp) / str(index) / (PurePosixPath(original).name or "migration.sql")
            target.parent.mkdir()
            target.write_text(text, encoding="utf-8")
            by_file[str(target)] = original
        # Migration tools run each file in a transaction; squawk then knows that an index on a table
        # created in the same file needs no CONCURRENTLY (the table is new and empty).
        command = [
            exe,
            "--reporter",
            "json",
            "--assume-in-transaction",
            "--exclude",
            ",".join(EXCLUDED_RULES),
        ]
        if pg_version:
            command += ["--pg-version", pg_version]
        try:
            done = subprocess.run(
                [*command, *by_file], capture_output=True, text=True, timeout=timeout, check=False
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            return SquawkRun(error=f"squawk could not run ({exc}); {INSTALL_HINT}")
    if done.returncode not in (0, 1):
        detail = (done.stderr or done.stdout).strip().splitlines()
        return SquawkRun(error=f"squawk failed with exit code {done.returncode}: {' '.join(detail[:3])}")
    try:
        return SquawkRun(parse_report(done.stdout, by_file))
    except (ValueError, TypeError) as exc:
        return SquawkRun(error=f"squawk's JSON report could not be read: {exc}")


def parse_report(text: str, by_file: Mapping[str, str]) -> dict[str, tuple[Violation, ...]]:
    """Map squawk's JSON report (0-based lines) onto original paths; one syntax error per file at most."""
    raw = json.loads(text or "[]")
    if not isinstance(raw, list):
        raise TypeError("expected a JSON list of violations")
    found: dict[str, list[Violation]] = {original: [] for original in by_file.values()}
    for item in raw:
        if not isinstance(item, dict):
            raise TypeError("expected objects in the violation list")
        original = by_file.get(str(item.get("file", "")))
        if original is None:
            continue
        rule = str(item.get("rule_name") or "unknown")
        if rule == "syntax-error" and any(v.rule == rule for v in found[original]):
            continue
        line = item.get("line")
        location = Location(original, line + 1 if isinstance(line, int) else None)
        message = str(item.get("message") or "")
        if rule == "syntax-error":
            message = f"squawk could not parse this statement ({message}); is the migration PostgreSQL?"
        help_text = item.get("help")
        found[original].append(Violation(rule, message, location, str(help_text) if help_text else None))
    return {
        path: tuple(sorted(items, key=lambda v: (v.location.line or 0, v.rule)))
        for path, items in found.items()
    }
