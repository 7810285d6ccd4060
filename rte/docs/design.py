"""BSA, architecture and documentation summary: summary, env vars, flags, metrics, workers, doc claims."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from rte.docs.frontmatter import FrontMatter
from rte.docs.markdown import Block
from rte.docs.vocab import strip_marks
from rte.model import DocClaim, Location, Named

_SUMMARY_HEADING = re.compile(r"summary|overview|problem|purpose|goal|description|context|introduction", re.I)
_ENV_NAME = re.compile(r"\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b")
_ENV_ASSIGN = re.compile(r"^\s*(?:export\s+)?([A-Z][A-Z0-9_]*[A-Z0-9])\s*=\s*(.*)$")
_ENV_CONTEXT = re.compile(r"environment|env\b|variables?|config(uration)?|settings|secrets?", re.I)
_CODE = re.compile(r"`([^`]+)`")
_FLAG_CONTEXT = re.compile(r"feature[- ]?flags?|toggles?|kill[- ]?switch", re.I)
_METRIC_NAME = re.compile(
    r"^[a-z][a-z0-9_:]*_(?:total|seconds|count|bytes|ratio|rate|duration\w*|depth|errors?"
    r"|latency\w*|size|gauge|sum|bucket|percent|ms)(?:\{[^}]*\})?$"
)
_METRIC_CONTEXT = re.compile(r"metric|monitor|observab|telemetry|instrument", re.I)
_ALERT_CONTEXT = re.compile(r"alert", re.I)
_WORKER_CONTEXT = re.compile(r"worker|queue|background|jobs?\b|cron|scheduler|consumer|task", re.I)
_SERVICE_CONTEXT = re.compile(
    r"external (services?|apis?|systems?|dependenc\w*)|third[- ]party|integrations?$", re.I
)
_ENDPOINT = re.compile(r"\b(GET|POST|PUT|PATCH|DELETE)\s+(/[\w{}:./-]*)")
_ACCEPT_CONTEXT = re.compile(r"acceptance|success criteria|user (flows?|stories|journeys?)|scenarios", re.I)
_BREAKING_CONTEXT = re.compile(r"breaking|backward|compatib", re.I)
_NONE = re.compile(r"^\W*(none|n/?a|no breaking changes?|nothing)\b", re.I)
_DOC_PATH = re.compile(r"(?<![\w/.-])((?:[\w.-]+/)+[\w.-]+\.(?:md|mdx|rst|adoc|txt|ya?ml|json|html))\b")
_DATA_LOSS = re.compile(
    r"data[-_ ]loss|los(?:e|es|ing)\s+(?:the\s+|all\s+)?data|irreversibl[ey]|destroys?\s+data"
    r"|cannot be (?:recovered|undone)",
    re.I,
)
_NEGATED = re.compile(r"\b(no|not|without|zero|none|never|false|avoid\w*|prevent\w*)\b", re.I)


def summary(blocks: Sequence[Block], fm: FrontMatter, rel: str) -> tuple[str | None, Location | None]:
    """1–3 sentences from the BSA: front matter `summary`, else the first paragraph of a summary section."""
    if fm.values.get("summary"):
        return _sentences(str(fm.values["summary"])), Location(rel, fm.lines.get("summary"))
    candidates = [b for b in blocks if b.kind == "paragraph" and len(b.text) > 30 and not _is_meta(b.text)]
    preferred = [b for b in candidates if any(_SUMMARY_HEADING.search(s) for s in b.section[-1:])]
    chosen = preferred or candidates
    if not chosen:
        return None, None
    return _sentences(chosen[0].text), Location(rel, chosen[0].line)


def title(blocks: Sequence[Block], fm: FrontMatter) -> str | None:
    if fm.values.get("title"):
        return str(fm.values["title"])
    for block in blocks:
        if block.kind == "heading" and block.level == 1:
            return (
                re.sub(
                    r"^(bsa( analysis)?|business( systems?)? analysis|feature( analysis)?)\s*[:—–-]\s*",
                    "",
                    strip_marks(block.text),
                    flags=re.I,
                )
                or None
            )
    return None


def _is_meta(text: str) -> bool:
    """A paragraph made of `Key: value` lines (status, dates, owners), not prose."""
    lines = [line for line in text.split("\n") if line.strip()]
    meta = [line for line in lines if re.match(r"^\W*[\w ]{1,24}\W*:\s*\S", line) and len(line) < 80]
    return len(meta) * 2 > len(lines)


def _sentences(text: str, limit: int = 3) -> str:
    flat = " ".join(strip_marks(text).split())
    parts = re.split(r"(?<=[.!?])\s+(?=[A-Z])", flat)
    return " ".join(parts[:limit])[:600]


def env_vars(blocks: Sequence[Block], rel: str) -> list[Named]:
    found: list[Named] = []
    for block in blocks:
        context = _ENV_CONTEXT.search(" ".join(block.section[-2:]) + " " + " ".join(block.header))
        if block.kind == "code":
            for offset, line in enumerate(block.text.split("\n")):
                match = _ENV_ASSIGN.match(line)
                if match:
                    found.append(
                        Named(match.group(1), Location(rel, block.line + offset), _comment(match.group(2)))
                    )
        elif block.kind == "row" and context and block.cells:
            name = _ENV_NAME.search(strip_marks(block.cells[0]))
            if name:
                detail = strip_marks(block.cells[1]) if len(block.cells) > 1 else ""
                found.append(Named(name.group(), Location(rel, block.line), detail))
        elif block.kind in ("item", "paragraph") and context:
            for code in _CODE.findall(block.text):
                if _ENV_NAME.fullmatch(code.split("=")[0].strip()):
                    found.append(Named(code.split("=")[0].strip(), Location(rel, block.line)))
    return _unique(found)


def _comment(value: str) -> str:
    return value.split("#", 1)[1].strip() if "#" in value else ""


def named_in_context(
    blocks: Sequence[Block],
    rel: str,
    context: re.Pattern[str],
    *,
    metric: bool = False,
    first_cell: bool = True,
) -> list[Named]:
    """Code-span names (or first table cells) in sections whose heading matches `context`."""
    found: list[Named] = []
    in_context: dict[tuple[str, ...], bool] = {}  # blocks of one section share the answer
    for block in blocks:
        if block.kind == "heading":
            continue
        tail = block.section[-2:]
        if (hit := in_context.get(tail)) is None:
            hit = in_context[tail] = any(context.search(s) for s in tail)
        if not hit:
            continue
        names = _CODE.findall(block.text)
        if block.kind == "row" and first_cell and block.cells:
            names = _CODE.findall(block.cells[0]) or [strip_marks(block.cells[0])]
        for raw in names:
            name = raw.strip()
            if metric and not _METRIC_NAME.match(name):
                continue
            if not metric and (not name or len(name) > 80 or " " in name.strip()):
                continue
            detail = strip_marks(block.cells[1]) if block.kind == "row" and len(block.cells) > 1 else ""
            found.append(Named(name, Location(rel, block.line), detail))
    return _unique(found)


def metrics(blocks: Sequence[Block], rel: str) -> list[Named]:
    return named_in_context(blocks, rel, _METRIC_CONTEXT, metric=True)


def alerts(blocks: Sequence[Block], rel: str) -> list[Named]:
    found = []
    for block in blocks:
        if block.kind == "row" and any(_ALERT_CONTEXT.search(s) for s in block.section[-2:]) and block.cells:
            found.append(
                Named(
                    strip_marks(block.cells[0]),
                    Location(rel, block.line),
                    " | ".join(strip_marks(c) for c in block.cells[1:]),
                )
            )
    return _unique(found)


def feature_flags(blocks: Sequence[Block], rel: str) -> list[Named]:
    found = named_in_context(blocks, rel, _FLAG_CONTEXT)
    for block in blocks:
        if block.kind in ("paragraph", "item") and _FLAG_CONTEXT.search(block.text):
            for code in _CODE.findall(block.text):
                if re.fullmatch(r"[a-z][a-z0-9_.:-]+", code):
                    found.append(Named(code, Location(rel, block.line)))
    return _unique(found)


def workers(blocks: Sequence[Block], rel: str) -> list[Named]:
    return [n for n in named_in_context(blocks, rel, _WORKER_CONTEXT) if not _ENV_NAME.fullmatch(n.name)]


def services(blocks: Sequence[Block], rel: str) -> list[Named]:
    found = []
    for block in blocks:
        if block.kind in ("item", "row") and any(_SERVICE_CONTEXT.search(s) for s in block.section[-2:]):
            name = strip_marks((block.cells[0] if block.cells else block.text).split(":")[0].split(" — ")[0])
            if name and len(name) <= 60:
                found.append(Named(name, Location(rel, block.line)))
    return _unique(found)


def endpoints(blocks: Iterable[Block], rel: str) -> list[Named]:
    found = []
    for block in blocks:
        for match in _ENDPOINT.finditer(block.text):
            found.append(Named(f"{match.group(1)} {match.group(2)}", Location(rel, block.line)))
    return _unique(found)


def acceptance(blocks: Sequence[Block], rel: str) -> list[Named]:
    return _unique(
        [
            Named(strip_marks(b.text)[:200], Location(rel, b.line))
            for b in blocks
            if b.kind in ("item", "row") and b.text and any(_ACCEPT_CONTEXT.search(s) for s in b.section)
        ]
    )


def breaking_changes(blocks: Sequence[Block], rel: str, fm: FrontMatter) -> list[Named]:
    if "breaking-changes" in fm.values:
        items = fm.values["breaking-changes"]
        where = Location(rel, fm.lines.get("breaking-changes"))
        return [Named(str(i), where) for i in items] if isinstance(items, list) else []
    found = []
    for block in blocks:
        if block.kind in ("item", "paragraph") and any(
            _BREAKING_CONTEXT.search(s) for s in block.section[-1:]
        ):
            text = strip_marks(block.text)
            if text and not _NONE.match(text):
                found.append(Named(text[:200], Location(rel, block.line)))
    return found


def declares_data_loss(text: str, rel: str, first_line: int = 1) -> Location | None:
    """The first line of `text` saying the change loses data on purpose ("accepted data loss"), not "no
    data loss"; `first_line` is the line `text` starts on."""
    for number, line in enumerate(text.split("\n"), start=first_line):
        if _DATA_LOSS.search(line) and not _NEGATED.search(line):
            return Location(rel, number)
    return None


def data_loss(blocks: Sequence[Block], rel: str, fm: FrontMatter) -> Location | None:
    """Where a document declares that the change loses data: front matter `data-loss: true`, else a line."""
    if "data-loss" in fm.values:
        return Location(rel, fm.lines.get("data-loss")) if fm.values["data-loss"] is True else None
    if not _DATA_LOSS.search("\n".join(b.text for b in blocks)):  # one pass for the usual document
        return None
    return next((loc for b in blocks if (loc := declares_data_loss(b.text, rel, b.line))), None)


def doc_claims(blocks: Sequence[Block], rel: str, fm: FrontMatter) -> list[DocClaim]:
    """Documentation files the summary says were written or updated, with the kind each one is."""
    items = fm.values.get("docs")
    if isinstance(items, list):
        lines = fm.item_lines.get("docs", ())
        claims = []
        for index, item in enumerate(items):
            path = item.get("path") if isinstance(item, dict) else item
            kind = item.get("kind") if isinstance(item, dict) else None
            where = Location(rel, lines[index] if index < len(lines) else None)
            claims.append(DocClaim(str(kind or _claim_kind(str(path), "")), str(path), where))
        return claims
    found: list[DocClaim] = []
    seen: set[str] = set()
    for block in blocks:
        if block.kind == "code":
            continue
        for match in _DOC_PATH.finditer(block.text):
            path = match.group(1)
            if path in seen or path.startswith(("http", "www.")):
                continue
            seen.add(path)
            found.append(
                DocClaim(
                    _claim_kind(path, block.text + " " + " ".join(block.section[-1:])),
                    path,
                    Location(rel, block.line),
                )
            )
    return found


def _claim_kind(path: str, context: str) -> str:
    lowered = path.lower()
    if re.search(r"(^|/)adrs?/|decision", lowered) or re.search(r"\bADR\b", context):
        return "adr"
    if re.search(r"governance|policy|policies|privacy|compliance", lowered):
        return "governance"
    if re.search(r"(^|/)api/|openapi|swagger|\bapi\b", lowered) or re.search(r"\bAPI\b", context):
        return "api"
    return "other"


def _unique(items: list[Named]) -> list[Named]:
    seen: set[str] = set()
    out = []
    for item in items:
        if item.name not in seen:
            seen.add(item.name)
            out.append(item)
    return out
