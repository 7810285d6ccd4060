"""Paths the user names, resolved strictly inside the workspace (no `..`, no absolute, no escaping link)."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from rte.errors import WorkspaceError


def workspace_dir(workspace: Path) -> Path:
    """The resolved workspace, or a WorkspaceError when it is missing or not a directory."""
    root = workspace.resolve()
    if not root.is_dir():
        what = "is not a directory" if root.exists() else "does not exist"
        raise WorkspaceError(
            f"the workspace `{workspace}` {what}",
            tip="run rte from the repository root or pass `--workspace` (in Actions: check out the "
            "repository first)",
        )
    return root


def inside_workspace(workspace: Path, name: str, *, what: str) -> Path:
    """Resolve `name` under the workspace or raise; symlinks that leave the workspace are refused."""
    if "\x00" in name:
        raise WorkspaceError(f"the {what} path contains a NUL byte")
    pure = PurePosixPath(name.replace("\\", "/"))
    if pure.is_absolute() or ".." in pure.parts:
        raise WorkspaceError(
            f"the {what} `{name}` must be a path inside the workspace, without `..` or a leading `/`"
        )
    root = workspace.resolve()
    path = (root / pure).resolve()
    if path != root and root not in path.parents:
        raise WorkspaceError(f"the {what} `{name}` leads outside the workspace (through a symbolic link)")
    return path


def is_inside(workspace: Path, path: Path) -> bool:
    """Whether `path`, with every symbolic link followed, is the workspace or lies under it."""
    root = workspace.resolve()
    target = path.resolve()
    return target == root or root in target.parents


def relative(workspace: Path, path: Path) -> str:
    """Workspace-relative, forward-slash form used in every Location (a link keeps its own name)."""
    root = workspace.resolve()
    for candidate in (path.parent.resolve() / path.name, path.resolve()):
        try:
            return candidate.relative_to(root).as_posix()
        except ValueError:
            continue
    return path.as_posix()
