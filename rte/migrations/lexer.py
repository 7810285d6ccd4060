"""A small SQL lexer: split PostgreSQL text into statements with their lines, and mask comments."""

from __future__ import annotations

import re
from dataclasses import dataclass

_DOLLAR = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)?\$")
_GOOSE_BEGIN = re.compile(r"--\s*\+goose\s+StatementBegin\b", re.IGNORECASE)
_GOOSE_END = re.compile(r"--\s*\+goose\s+StatementEnd\b", re.IGNORECASE)


@dataclass(frozen=True)
class Statement:
    """One SQL statement as written (comments inside kept), and the 1-based line it starts on."""

    text: str
    line: int


def _skip_quoted(text: str, i: int, quote: str) -> int:
    """Index just after the closing quote of a '…' or "…" token starting at i (doubled quotes escape)."""
    j = i + 1
    backslash = quote == "'" and i > 0 and text[i - 1] in "eE"
    while j < len(text):
        ch = text[j]
        if backslash and ch == "\\":
            j += 2
            continue
        if ch == quote:
            if j + 1 < len(text) and text[j + 1] == quote:
                j += 2
                continue
            return j + 1
        j += 1
    return len(text)


def _skip_block_comment(text: str, i: int) -> int:
    depth = 0
    j = i
    while j < len(text):
        if text.startswith("/*", j):
            depth += 1
            j += 2
        elif text.startswith("*/", j):
            depth -= 1
            j += 2
            if depth == 0:
                return j
        else:
            j += 1
    return len(text)


def _line_end(text: str, i: int) -> int:
    end = text.find("\n", i)
    return len(text) if end < 0 else end


def mask_comments(text: str) -> str:
    """The text with every comment replaced by spaces (newlines kept), so offsets and lines stay put.

    Dollar-quoted bodies are treated as code here, because comments inside a DO block or a
    function body are still comments to a reader looking for destructive statements.
    """
    out = list(text)
    i = 0
    while i < len(text):
        ch = text[i]
        if ch in "'\"":
            i = _skip_quoted(text, i, ch)
        elif text.startswith("--", i):
            end = _line_end(text, i)
            out[i:end] = " " * (end - i)
            i = end
        elif text.startswith("/*", i):
            end = _skip_block_comment(text, i)
            out[i:end] = [c if c == "\n" else " " for c in text[i:end]]
            i = end
        else:
            i += 1
    return "".join(out)


def line_of(text: str, offset: int) -> int:
    """1-based line number of a character offset."""
    return text.count("\n", 0, offset) + 1


def split_statements(text: str, *, first_line: int = 1) -> tuple[Statement, ...]:
    """Split at top-level semicolons, honouring quotes, dollar quotes, comments and goose blocks.

    `first_line` is the line `text` starts on in its file, so that statements keep original lines.
    A statement made only of comments is dropped; a trailing statement without `;` is kept.
    """
    statements: list[Statement] = []
    start: int | None = None  # offset of the first code character of the current statement
    in_goose_block = False
    i = 0
    while i < len(text):
        ch = text[i]
        if text.startswith("--", i):
            end = _line_end(text, i)
            comment = text[i:end]
            if _GOOSE_BEGIN.match(comment):
                in_goose_block = True
            elif _GOOSE_END.match(comment):
                in_goose_block = False
                if start is not None:
                    statements.append(_statement(text, start, i, first_line))
                    start = None
            i = end
            continue
        if text.startswith("/*", i):
            i = _skip_block_comment(text, i)
            continue
        if ch.isspace():
            i += 1
            continue
        if start is None:
            start = i
        if ch in "'\"":
            i = _skip_quoted(text, i, ch)
        elif ch == "$" and (m := _DOLLAR.match(text, i)) and not _is_param(text, i):
            close = text.find(m.group(0), m.end())
            i = len(text) if close < 0 else close + len(m.group(0))
        elif ch == ";" and not in_goose_block:
            statements.append(_statement(text, start, i + 1, first_line))
            start = None
            i += 1
        else:
            i += 1
    if start is not None:
        statements.append(_statement(text, start, len(text), first_line))
    return tuple(s for s in statements if s.text.strip(" ;\n\t"))


def _is_param(text: str, i: int) -> bool:
    """`$1` positional parameters are not dollar quotes (the regex needs a letter, so only `$$` remains)."""
    return i > 0 and (text[i - 1].isalnum() or text[i - 1] == "_")


def _statement(text: str, start: int, end: int, first_line: int) -> Statement:
    return Statement(text[start:end].strip(), line_of(text, start) + first_line - 1)
