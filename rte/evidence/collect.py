"""The edge that reads evidence files: globs expanded inside the workspace, size-limited, each parsed once."""

from __future__ import annotations

import stat
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from rte.errors import DocError
from rte.evidence.coverage import parse_cobertura, parse_lcov
from rte.evidence.globs import check_pattern, expand
from rte.evidence.junit import parse_junit
from rte.evidence.levels import level_for_path, parse_levels
from rte.evidence.sarif import parse_sarif
from rte.evidence.values import Coverage, Evidence
from rte.model import Finding, Level, Location, Problem, Suite
from rte.paths import inside_workspace

MAX_EVIDENCE_BYTES = 20 * 1024 * 1024
KINDS = ("junit", "coverage", "sarif")


@dataclass
class _Gathered:
    suites: list[Suite] = field(default_factory=list)
    coverage: list[Coverage] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files: list[str] = field(default_factory=list)


def collect_evidence(
    workspace: Path,
    junit: tuple[str, ...] = (),
    coverage: tuple[str, ...] = (),
    sarif: tuple[str, ...] = (),
    levels: Mapping[str, str] | None = None,
    *,
    max_bytes: int = MAX_EVIDENCE_BYTES,
) -> Evidence:
    """Read every file the patterns match. A pattern matching nothing is a Problem (a notice); a pattern
    or link leaving the workspace raises ConfigError/WorkspaceError; an unreadable, oversized, malformed or
    hostile file raises DocError naming it, before anything else is done with the evidence."""
    workspace = workspace.resolve()
    level_pairs = parse_levels(levels or {})
    out = _Gathered()
    seen: dict[Path, str] = {}
    for kind, patterns in zip(KINDS, (junit, coverage, sarif), strict=True):
        for pattern in patterns:
            checked = check_pattern(pattern, what=f"`{kind}`")
            matches = expand(workspace, checked)
            if not matches:
                out.problems.append(Problem(f"the `{kind}` pattern `{pattern}` matched no file"))
            for rel in matches:
                path = inside_workspace(workspace, rel, what=f"{kind} file")
                if path in seen:
                    if seen[path] != kind:
                        out.problems.append(
                            Problem(
                                f"`{rel}` matches both the `{seen[path]}` and the `{kind}` patterns; "
                                f"it was read as {seen[path]} only",
                                Location(rel),
                            )
                        )
                    continue
                data = _read(path, rel, max_bytes)
                if data is None:
                    continue
                seen[path] = kind
                out.files.append(rel)
                _parse(kind, data, rel, workspace, level_pairs, out)
    return Evidence(
        tuple(out.suites), tuple(out.coverage), tuple(out.findings), tuple(out.problems), tuple(out.files)
    )


def _parse(
    kind: str,
    data: bytes,
    rel: str,
    workspace: Path,
    level_pairs: tuple[tuple[str, Level], ...],
    out: _Gathered,
) -> None:
    if kind == "junit":
        suites = parse_junit(data, rel, level_pairs)
        out.suites.extend(suites)
        if any(s.level is Level.OTHER for s in suites):
            out.problems.append(
                Problem(
                    f"could not tell the test level of `{rel}` from its path or suite names; it counts as "
                    "`other`. Map it in the config file's `junit-levels` (for example `'{rel}': unit`)",
                    Location(rel, 1),
                )
            )
    elif kind == "coverage":
        level = level_for_path(rel, level_pairs)
        if _looks_like_xml(data):
            out.coverage.append(parse_cobertura(data, rel, level))
        else:
            out.coverage.append(parse_lcov(_text(data, rel, "lcov file"), rel, level))
    else:
        out.findings.extend(parse_sarif(data, rel, workspace))


def _read(path: Path, rel: str, max_bytes: int) -> bytes | None:
    """The file's bytes; None for a folder (a pattern may match one); DocError for anything unreadable."""
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            return None
        if not stat.S_ISREG(info.st_mode):
            raise DocError(f"`{rel}` is not a regular file", Location(rel))
        if info.st_size > max_bytes:
            raise DocError(
                _too_big(info.st_size, max_bytes),
                Location(rel),
                tip="split the report per test run, or point the pattern at a smaller file",
            )
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise DocError(f"cannot read `{rel}`: {exc.strerror or exc}", Location(rel)) from None
    if len(data) > max_bytes:
        raise DocError(_too_big(len(data), max_bytes), Location(rel))
    return data


def _too_big(size: int, limit: int) -> str:
    return f"the evidence file is {size / 1048576:.1f} MB, over the {limit / 1048576:.0f} MB limit per file"


def _looks_like_xml(data: bytes) -> bool:
    return data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<")


def _text(data: bytes, rel: str, what: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DocError(f"the {what} is not UTF-8 text", Location(rel)) from None
