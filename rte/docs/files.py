"""Finding a feature's documents on disk and reading their text safely (size, encoding, NUL bytes)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from rte.model import Location, Problem

MAX_DOC_BYTES = 2 * 1024 * 1024

# Number prefix → role. 03 is the migration: a .sql file, or a data-engineering/migration plan.
_PREFIX = re.compile(r"^0*([1-7])[-_. ]", re.IGNORECASE)
_ROLE_BY_NUMBER = {
    "1": "bsa",
    "2": "architecture",
    "3": "migration",
    "4": "security",
    "5": "documentation",
    "6": "tests",
}
# Fallback for documents without a number prefix.
_ROLE_BY_WORD = (
    ("bsa", re.compile(r"bsa|business|requirements|analysis", re.I)),
    ("architecture", re.compile(r"architect|design", re.I)),
    ("security", re.compile(r"security|audit|threat", re.I)),
    ("documentation", re.compile(r"documentation|docs[-_]summary", re.I)),
    ("tests", re.compile(r"test[-_ ]?(report|plan|results|summary)|qa[-_]report", re.I)),
)


@dataclass(frozen=True)
class FoundDocs:
    """Paths by role; `extra_sql` lists further migration files in the folder."""

    by_role: dict[str, Path]
    migration_sql: Path | None
    problems: tuple[Problem, ...] = ()


def find_documents(folder: Path) -> FoundDocs:
    """Assign each document of a feature folder to a role, by number prefix first, then by name."""
    files = sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))
    by_role: dict[str, Path] = {}
    sql: list[Path] = []
    unnumbered: list[Path] = []
    for path in files:
        suffix = path.suffix.lower()
        if suffix == ".sql":
            if not re.search(r"[._-]down\.sql$", path.name, re.I):
                sql.append(path)
            continue
        if suffix not in (".md", ".markdown"):
            continue
        match = _PREFIX.match(path.name)
        if match and match.group(1) in _ROLE_BY_NUMBER:
            role = _ROLE_BY_NUMBER[match.group(1)]
            by_role.setdefault(role, path)
        elif not match:
            unnumbered.append(path)
    for path in unnumbered:
        for role, pattern in _ROLE_BY_WORD:
            if role not in by_role and pattern.search(path.stem):
                by_role[role] = path
                break
    numbered_sql = [p for p in sql if (m := _PREFIX.match(p.name)) and m.group(1) == "3"]
    candidates = numbered_sql or sql
    migration_sql = candidates[0] if candidates else None
    return FoundDocs(by_role=by_role, migration_sql=migration_sql)


def read_text(path: Path, rel: str, *, limit: int = MAX_DOC_BYTES) -> tuple[str | None, list[Problem]]:
    """The document's text with `\\n` newlines, or None and a Problem saying why it cannot be read."""
    problems: list[Problem] = []
    try:
        size = path.stat().st_size
    except OSError as exc:
        return None, [Problem(f"cannot read the file: {exc.strerror}", Location(rel))]
    if size > limit:
        return None, [
            Problem(
                f"the file is {size:,} bytes, over the {limit:,}-byte limit for a document; "
                "split it or raise `max-doc-bytes`",
                Location(rel),
            )
        ]
    data = path.read_bytes()
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        return None, [
            Problem("the file contains a NUL byte: it looks binary, not Markdown text", Location(rel, line))
        ]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        text = data.decode("cp1252", errors="replace")
        problems.append(
            Problem(
                "the file is not valid UTF-8; it was read as Windows-1252/Latin-1. Save it as UTF-8",
                Location(rel, line),
            )
        )
    return text.replace("\r\n", "\n").replace("\r", "\n"), problems
