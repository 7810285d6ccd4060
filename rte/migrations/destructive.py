"""Find the statements of a forward migration that drop, delete or overwrite data or schema objects."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rte.migrations.lexer import line_of, mask_comments

# Kinds that lose data for good (as opposed to dropping an index or renaming, which can be redone).
DATA_LOSS_KINDS = frozenset(
    {"drop table", "drop column", "drop schema", "drop database", "truncate", "delete without where"}
)

_OBJECTS = (
    r"MATERIALIZED\s+VIEW|FOREIGN\s+TABLE|TABLE|INDEX|SCHEMA|TYPE|VIEW|SEQUENCE|FUNCTION|PROCEDURE|"
    r"TRIGGER|DATABASE|EXTENSION|DOMAIN|POLICY|RULE|OWNED|ROLE|AGGREGATE|PUBLICATION|SUBSCRIPTION"
)
_DROP_OBJECT = re.compile(rf"\bDROP\s+({_OBJECTS})\b", re.IGNORECASE)
_ALTER_TABLE = re.compile(r"\bALTER\s+TABLE\b", re.IGNORECASE)
_ALTER_DROP = re.compile(
    r"\bDROP\s+(?!DEFAULT\b|NOT\s+NULL\b|IDENTITY\b|EXPRESSION\b)(COLUMN\b|CONSTRAINT\b)?", re.IGNORECASE
)
_ALTER_ACTION_DROP = re.compile(
    r"(?:\bALTER\s+TABLE\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?[\w.\"%]+|,)\s*$", re.IGNORECASE
)
_TRUNCATE = re.compile(r"\bTRUNCATE\s+(?:TABLE\s+)?(?:ONLY\s+)?[\w\"]", re.IGNORECASE)
_DELETE = re.compile(r"\bDELETE\s+FROM\b", re.IGNORECASE)
_WHERE = re.compile(r"\bWHERE\b", re.IGNORECASE)
_UPDATE = re.compile(r"(?<!\bON )\bUPDATE\s+(?:ONLY\s+)?[\w.\"]+(?:\s+(?:AS\s+)?\w+)?\s+SET\b", re.IGNORECASE)
_TYPE_CHANGE = re.compile(
    r"\bALTER\s+(?:COLUMN\s+)?(?:\"[^\"]+\"|\w+)\s+(?:SET\s+DATA\s+)?TYPE\b", re.IGNORECASE
)
_RENAME = re.compile(r"\bRENAME\s+(?:(?:COLUMN|CONSTRAINT)\s+)?(?:\"[^\"]+\"|\w+\s+)?TO\b", re.IGNORECASE)
# Where one piece of code ends and the next begins, also inside DO blocks and function bodies.
_BOUNDARY = re.compile(r";|\$[A-Za-z_]*\$|\b(?:BEGIN|THEN|LOOP|ELSE|DECLARE)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Destructive:
    """A forward statement that destroys data or schema: what kind, its text (shortened), its line."""

    kind: str
    statement: str
    line: int

    @property
    def loses_data(self) -> bool:
        return self.kind in DATA_LOSS_KINDS


def find_destructive(forward: str) -> tuple[Destructive, ...]:
    """Destructive statements in forward text (lines as in `forward`), at most one per statement.

    Comments are ignored; string literals are not, so dynamic SQL such as
    `EXECUTE format('ALTER TABLE %I DROP CONSTRAINT …')` is found too.
    """
    code = mask_comments(forward)
    found: list[Destructive] = []
    start = 0
    for match in _BOUNDARY.finditer(code):
        found.extend(_classify_piece(code, start, match.start()))
        start = match.end()
    found.extend(_classify_piece(code, start, len(code)))
    return tuple(found)


def _classify_piece(code: str, start: int, end: int) -> list[Destructive]:
    piece = code[start:end]
    stripped = piece.lstrip()
    if not stripped:
        return []
    kind = classify(piece)
    if kind is None:
        return []
    offset = start + len(piece) - len(stripped)
    text = " ".join(stripped.split())
    return [Destructive(kind, text if len(text) <= 160 else text[:157] + "…", line_of(code, offset))]


def classify(piece: str) -> str | None:
    """The destructive kind of one statement's text, or None when it destroys nothing."""
    if m := _DROP_OBJECT.search(piece):
        word = " ".join(m.group(1).lower().split())
        return f"drop {word}"
    if alter := _ALTER_TABLE.search(piece):
        for m in _ALTER_DROP.finditer(piece, alter.end()):
            what = (m.group(1) or "").lower()
            if what or _ALTER_ACTION_DROP.search(piece[: m.start()]):
                return "drop constraint" if what == "constraint" else "drop column"
        if _TYPE_CHANGE.search(piece, alter.end()):
            return "alter column type"
    if _TRUNCATE.search(piece):
        return "truncate"
    if _DELETE.search(piece):
        return "delete" if _WHERE.search(piece) else "delete without where"
    if _UPDATE.search(piece):
        return "update"
    if _RENAME.search(piece) and re.search(r"\bALTER\b", piece, re.IGNORECASE):
        return "rename"
    return None
