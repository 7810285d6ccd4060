"""Workspace-relative glob patterns (`*`, `?`, `[…]`, `**` for any depth): checking, matching, expanding."""

from __future__ import annotations

import os
from fnmatch import fnmatchcase
from functools import lru_cache
from pathlib import Path, PurePosixPath

from rte.errors import ConfigError
from rte.paths import inside_workspace

SKIP_DIRS = frozenset({".git"})


def check_pattern(pattern: str, *, what: str) -> str:
    """The pattern in forward-slash form, or ConfigError when it is absolute or climbs out with `..`."""
    text = pattern.strip().replace("\\", "/")
    while text.startswith("./"):
        text = text[2:]
    if "\x00" in text:
        raise ConfigError(f"the {what} pattern contains a NUL byte")
    pure = PurePosixPath(text)
    if not text or pure.is_absolute() or ".." in pure.parts or (len(text) > 1 and text[1] == ":"):
        raise ConfigError(
            f"the {what} pattern `{pattern}` must stay inside the workspace: write it relative to the "
            "workspace root, without `..` or a leading `/`",
            tip="for example `reports/junit/**/*.xml`",
        )
    return text


def glob_match(pattern: str, path: str) -> bool:
    """Whether a forward-slash relative path matches; `**` matches zero or more whole folders."""
    return _match(tuple(p for p in pattern.split("/") if p), tuple(p for p in path.split("/") if p))


@lru_cache(maxsize=4096)
def _match(pattern: tuple[str, ...], parts: tuple[str, ...]) -> bool:
    if not pattern:
        return not parts
    head, rest = pattern[0], pattern[1:]
    if head == "**":
        return any(_match(rest, parts[i:]) for i in range(len(parts) + 1))
    return bool(parts) and fnmatchcase(parts[0], head) and _match(rest, parts[1:])


def literal_prefix(pattern: str) -> str:
    """The leading folders of a pattern that hold no wildcard: where the walk can start."""
    parts: list[str] = []
    for part in pattern.split("/")[:-1]:
        if any(ch in part for ch in "*?["):
            break
        parts.append(part)
    return "/".join(parts)


def expand(workspace: Path, pattern: str) -> list[str]:
    """Workspace-relative paths of the files (and links to files) matching a checked pattern, sorted.

    The walk never follows a link to a folder, so it cannot leave the workspace or loop; a matching link to
    a file is returned as is and must be checked with rte.paths.inside_workspace before it is read."""
    if not any(ch in pattern for ch in "*?["):
        return [pattern] if os.path.lexists(workspace / pattern) else []
    prefix = literal_prefix(pattern)
    root = workspace / prefix
    if prefix:
        inside_workspace(workspace, prefix, what="folder of the pattern")  # a linked folder must stay inside
    if not root.is_dir():
        return []
    base = root.as_posix().rstrip("/") + "/"
    found: list[str] = []
    for current, dirs, files in os.walk(root, followlinks=False):
        dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS)
        rel_dir = (prefix + "/" if prefix else "") + (Path(current).as_posix() + "/")[len(base) :]
        for name in files + [d for d in dirs if os.path.islink(os.path.join(current, d))]:
            rel = rel_dir + name
            if glob_match(pattern, rel):
                found.append(rel)
    return sorted(found)
