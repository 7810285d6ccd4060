"""Recognise a migration's rollback convention and split it into forward and rollback parts (pure)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import PurePosixPath

from rte.migrations.destructive import Destructive, find_destructive
from rte.migrations.lexer import Statement, split_statements
from rte.migrations.psql import psql_directions
from rte.model import Location, Migration, Named


class Convention(StrEnum):
    DBMATE = "dbmate"
    GOOSE = "goose"
    SQL_MIGRATE = "sql-migrate"
    LIQUIBASE = "liquibase"
    SEPARATE_FILE = "separate-file"
    PSQL_IF = "psql-if"
    NONE = "none"


@dataclass(frozen=True)
class Part:
    """One direction of a migration.

    `text` keeps the file's line numbers (other lines are blank) except for Liquibase rollbacks, which
    run in reverse changeset order; `line` is where the part starts (its marker or first statement).
    """

    text: str
    line: int | None
    statements: tuple[Statement, ...]


@dataclass(frozen=True)
class SplitMigration:
    path: str
    convention: Convention
    tool: str  # dbmate | goose | sql-migrate | liquibase | psql
    up: Part
    down: Part | None = None
    down_path: str | None = None  # set when the rollback lives in its own file
    destructive: tuple[Destructive, ...] = ()
    note: str = ""  # why a half-present convention does not count
    missing_rollback: tuple[int, ...] = ()  # Liquibase changesets without a rollback (their lines)
    changesets: int = 0  # Liquibase changesets in the file

    @property
    def has_rollback(self) -> bool:
        return (
            self.convention is not Convention.NONE
            and not self.missing_rollback
            and bool(self.down and (self.down.statements or self.convention is Convention.LIQUIBASE))
        )

    @property
    def down_file(self) -> str:
        return self.down_path or self.path

    def to_model(self) -> Migration:
        return Migration(
            path=self.path,
            convention=self.convention.value,
            down_path=self.down_path,
            tool=self.tool,
            destructive=tuple(
                Named(d.statement, Location(self.path, d.line), d.kind) for d in self.destructive
            ),
        )


_MARKERS: tuple[tuple[Convention, str, re.Pattern[str]], ...] = (
    (Convention.DBMATE, "-- migrate:", re.compile(r"^\s*--\s*migrate:(up|down)\b", re.IGNORECASE)),
    (Convention.GOOSE, "-- +goose ", re.compile(r"^\s*--\s*\+goose\s+(up|down)\b", re.IGNORECASE)),
    (Convention.SQL_MIGRATE, "-- +migrate ", re.compile(r"^\s*--\s*\+migrate\s+(up|down)\b", re.IGNORECASE)),
)
_LIQUIBASE = re.compile(r"^\s*--\s*liquibase\s+formatted\s+sql\b", re.IGNORECASE)
_CHANGESET = re.compile(r"^\s*--\s*changeset\s+\S", re.IGNORECASE)
_ROLLBACK = re.compile(r"^\s*--\s*rollback\b\s?(.*)$", re.IGNORECASE)
_ROLLBACK_BLOCK = re.compile(r"^\s*/\*\s*liquibase\s+rollback\b(.*)$", re.IGNORECASE)
_DOWN_SUFFIXES = (".down", "_down", "-down", ".rollback", "_rollback", "-rollback")


def split_migration(
    path: str, text: str, *, down_path: str | None = None, down_text: str | None = None
) -> SplitMigration:
    """Split one migration file; `down_path`/`down_text` are a sibling rollback file when there is one."""
    lines = text.splitlines()
    split = _split_in_file(path, lines)
    if split.convention is Convention.NONE and not split.note and down_path is not None:
        down_text = down_text or ""
        down = Part(_blank_meta(down_text), 1, split_statements(_blank_meta(down_text)))
        split = SplitMigration(path, Convention.SEPARATE_FILE, "psql", split.up, down, down_path)
    return SplitMigration(
        split.path,
        split.convention,
        split.tool,
        split.up,
        split.down,
        split.down_path,
        find_destructive(split.up.text),
        split.note,
        split.missing_rollback,
        split.changesets,
    )


def _split_in_file(path: str, lines: list[str]) -> SplitMigration:
    first = next((ln for ln in lines if ln.strip()), "")
    if _LIQUIBASE.match(first):
        return _split_liquibase(path, lines)
    for convention, marker, pattern in _MARKERS:
        directions = [m.group(1).lower() if (m := pattern.match(ln)) else None for ln in lines]
        if "up" in directions or "down" in directions:
            return _split_markers(path, lines, convention, marker, directions)
    psql = psql_directions(lines)
    if psql is not None:
        up_lines = [ln if d in ("up", "both") else "" for ln, d in zip(lines, psql, strict=True)]
        down_lines = [ln if d in ("down", "both") else "" for ln, d in zip(lines, psql, strict=True)]
        down_start = next(i + 1 for i, d in enumerate(psql) if d == "down")
        return SplitMigration(
            path, Convention.PSQL_IF, "psql", _part(up_lines), _part(down_lines, start=down_start)
        )
    return SplitMigration(path, Convention.NONE, "psql", _part(lines))


def _split_markers(
    path: str, lines: list[str], convention: Convention, marker: str, directions: list[str | None]
) -> SplitMigration:
    tool = convention.value
    up: list[str] = []
    down: list[str] = []
    current: str | None = None
    for line, direction in zip(lines, directions, strict=True):
        if direction is not None:
            current = direction
        keep = direction is None
        up.append(line if keep and current == "up" else "")
        down.append(line if keep and current == "down" else "")
    if "down" not in directions:
        note = f"it has a `{marker}up` section but no `{marker}down` section"
        return SplitMigration(path, Convention.NONE, tool, _part(up), note=note)
    down_marker = directions.index("down") + 1
    return SplitMigration(path, convention, tool, _part(up), _part(down, start=down_marker))


def _split_liquibase(path: str, lines: list[str]) -> SplitMigration:
    up: list[str] = []
    changesets: list[tuple[int, list[str], bool]] = []  # (line, padded rollback lines, has rollback)
    in_block = False
    for number, line in enumerate(lines, start=1):
        rollback_line = ""
        if in_block:
            end = line.find("*/")
            rollback_line = line if end < 0 else line[:end]
            in_block = end < 0
        elif _CHANGESET.match(line):
            changesets.append((number, [""] * len(lines), False))
        elif rollback := (_ROLLBACK.match(line) or _ROLLBACK_BLOCK.match(line)):
            rollback_line = rollback.group(1)
            if rollback.re is _ROLLBACK_BLOCK:
                end = rollback_line.find("*/")
                in_block = end < 0
                rollback_line = rollback_line if end < 0 else rollback_line[:end]
            if changesets:
                start, padded, _ = changesets[-1]
                changesets[-1] = (start, padded, True)
        else:
            up.append(line)
            continue
        up.append("")
        if changesets and rollback_line.strip().lower() not in ("not required", "empty"):
            changesets[-1][1][number - 1] = rollback_line
    statements: list[Statement] = []
    for _, padded, _ in reversed(changesets):
        statements.extend(split_statements("\n".join(padded)))
    down_text = "\n".join(s.text for s in statements)
    down_line = min((s.line for s in statements), default=None)
    missing = tuple(start for start, _, has in changesets if not has)
    return SplitMigration(
        path,
        Convention.LIQUIBASE,
        "liquibase",
        _part(up),
        Part(down_text, down_line, tuple(statements)),
        missing_rollback=missing,
        changesets=len(changesets),
    )


def _blank_meta(text: str) -> str:
    """psql meta-commands (`\\set …`) are not SQL; blank them, keeping the line count."""
    return "\n".join("" if ln.lstrip().startswith("\\") else ln for ln in text.splitlines())


def _part(lines: list[str], *, start: int | None = None) -> Part:
    text = _blank_meta("\n".join(lines))
    statements = split_statements(text)
    first = start if start is not None else (statements[0].line if statements else None)
    return Part(text, first, statements)


def down_sibling(path: str, names: Iterable[str]) -> str | None:
    """The sibling file holding `path`'s rollback, if one of `names` (same folder) fits a known pattern."""
    pure = PurePosixPath(path)
    stem = pure.name[: -len(pure.suffix)] if pure.suffix else pure.name
    for up in (".up", "_up", "-up"):
        if stem.lower().endswith(up):
            stem = stem[: -len(up)]
            break
    wanted = {f"{stem}{suffix}{pure.suffix}".lower() for suffix in _DOWN_SUFFIXES}
    for name in sorted(names):
        if name.lower() in wanted and name != pure.name:
            return (pure.parent / name).as_posix()
    return None


def is_down_file(name: str) -> bool:
    stem = name[:-4] if name.lower().endswith(".sql") else name
    return stem.lower().endswith(_DOWN_SUFFIXES)


def pick_migration(names: Iterable[str]) -> str | None:
    """The feature's migration among a folder's file names: `03-*.sql`, not a rollback sibling."""
    candidates = sorted(
        n for n in names if re.match(r"03[-_].*\.sql$", n, re.IGNORECASE) and not is_down_file(n)
    )
    return candidates[0] if candidates else None
