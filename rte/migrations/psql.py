"""Read psql `\\if` scripts that hold both directions, choosing the branch by a `direction` variable."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_META = re.compile(r"^\s*\\(\w+)\s*(.*?)\s*$")
_GSET = re.compile(r"^\s*SELECT\s+(.*?)\s+AS\s+\"?(\w+)\"?\s*\\gset\b", re.IGNORECASE)
_SET = re.compile(r"^\s*\\set\s+(\w+)\s*(.*)$")
_VARIABLE = re.compile(r":\{\?(\w+)\}|:['\"]?(\w+)['\"]?")
# A psql variable interpolation (`:name`, `:'name'`), not a `::type` cast nor a PL/pgSQL `:=`.
_INTERPOLATION = re.compile(r"(?<![:\w]):(?!:)['\"]?[A-Za-z_]")
_DOWN_WORDS = re.compile(r"\b(down|rollback|revert|undo)\b", re.IGNORECASE)
_UP_WORDS = re.compile(r"\b(up|forward|apply|migrate)\b", re.IGNORECASE)
_NEGATION = re.compile(r"<>|!=|\bnot\b", re.IGNORECASE)


@dataclass
class _Chain:
    """One `\\if … \\endif` chain while reading: the direction of the branch being read."""

    current: str | None
    seen: list[str | None] = field(default_factory=list)


def psql_directions(lines: list[str]) -> list[str] | None:
    """For each line: `up`, `down`, `both` (plain SQL outside any direction branch) or `none`
    (psql-only: meta-commands and lines using psql variables). None when the file is not such a script.
    """
    if not any((m := _META.match(ln)) and m.group(1) == "if" for ln in lines):
        return None
    definitions = _definitions(lines)
    result: list[str] = []
    stack: list[_Chain] = []
    for line in lines:
        meta = _META.match(line)
        if meta:
            _apply_meta(stack, meta.group(1), meta.group(2), definitions)
            result.append("none")
            continue
        if _GSET.match(line) or _INTERPOLATION.search(_strip_strings(line)):
            result.append("none")
            continue
        direction = next((c.current for c in reversed(stack) if c.current is not None), None)
        result.append(direction or "both")
    if "down" not in result:
        return None
    return result


def _apply_meta(stack: list[_Chain], command: str, argument: str, definitions: dict[str, str]) -> None:
    if command == "if":
        chain = _Chain(classify(argument, definitions))
        chain.seen.append(chain.current)
        stack.append(chain)
    elif command == "elif" and stack:
        stack[-1].current = classify(argument, definitions)
        stack[-1].seen.append(stack[-1].current)
    elif command == "else" and stack:
        seen = set(stack[-1].seen)
        stack[-1].current = "up" if seen == {"down"} else "down" if seen == {"up"} else None
    elif command == "endif" and stack:
        stack.pop()


def classify(condition: str, definitions: dict[str, str]) -> str | None:
    """`down`, `up` or None (not about the direction) for an `\\if` condition."""
    if condition.startswith(":{?"):
        return None  # "is the variable set?": a defaults block, not a direction branch
    text = condition
    for m in _VARIABLE.finditer(condition):
        name = m.group(1) or m.group(2)
        text += " " + definitions.get(name, name)
    negated = bool(_NEGATION.search(text))
    if _DOWN_WORDS.search(text):
        return "up" if negated else "down"
    if _UP_WORDS.search(text):
        return "down" if negated else "up"
    return None


def _definitions(lines: list[str]) -> dict[str, str]:
    """What each psql variable is computed from: `SELECT <expr> AS name \\gset` or `\\set name value`."""
    found: dict[str, str] = {}
    for line in lines:
        if m := _GSET.match(line):
            found[m.group(2)] = m.group(1)
        elif m := _SET.match(line):
            found.setdefault(m.group(1), m.group(2))
    return found


def _strip_strings(line: str) -> str:
    """Drop '…' literals and comments so `'10:30'` or `-- note: x` are not taken for psql variables."""
    line = re.sub(r"--.*$", "", line)
    return re.sub(r"'(?:[^']|'')*'", "''", line) if ":'" not in line else line
