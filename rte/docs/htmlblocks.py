"""HTML left in exported Markdown (Confluence, Notion, Word): `<table>` rows, `<h2>`, `<p>`, `<summary>`, `<li>`
turned into the pieces the Markdown walker emits, each at the line it starts on."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

# One element of interest, its content bounded in length so that unclosed tags keep the scan linear.
_ELEMENT = re.compile(
    r"<table\b[^>]{0,400}>|<(tr|h[1-6]|summary|p|li)\b[^>]{0,400}>(.{0,3000}?)</\1\s*>",
    re.I | re.S,
)
_CELL = re.compile(r"<(t[dh])\b[^>]{0,400}>(.{0,2000}?)</\1\s*>", re.I | re.S)
_BOLD_CELL = re.compile(r"<(strong|b)\b[^>]{0,400}>[^<]{0,200}</\1\s*>", re.I)
_BREAK = re.compile(r"<br\s*/?>", re.I)
_STRONG = re.compile(r"</?(?:strong|b)\b[^>]{0,400}>", re.I)
_CODE = re.compile(r"</?code\b[^>]{0,400}>", re.I)
_STRUCK = re.compile(r"</?(?:s|del|strike)\b[^>]{0,400}>", re.I)
_TAG = re.compile(r"</?[A-Za-z][\w-]{0,30}\b[^<>]{0,400}/?>")


@dataclass(frozen=True)
class Piece:
    """kind: heading | paragraph | item | summary (a toggle's title) | table (a table opens) | header (its
    `<th>` row) | row; `text` is Markdown inline text."""

    kind: str
    text: str
    line: int
    level: int = 0
    cells: tuple[str, ...] = ()


def pieces(body: str, line: int) -> list[Piece]:
    """The headings, paragraphs and table rows of one HTML block that starts at `line`."""
    found: list[Piece] = []
    seen, at, rows = 0, line, 0
    for match in _ELEMENT.finditer(body):
        at += body.count("\n", seen, match.start())
        seen = match.start()
        if match.group(1) is None:
            found.append(Piece("table", "", at))
            rows = 0
            continue
        tag = match.group(1).lower()
        inner = match.group(2)
        if tag == "tr":
            cells = [(c.group(1).lower(), c.group(2)) for c in _CELL.finditer(inner)]
            if cells:
                # `<th>` cells, or a table's first row of wholly bold cells (Word), are its header
                heading = all(name == "th" for name, _ in cells) or (
                    not rows and all(_BOLD_CELL.fullmatch(text.strip()) for _, text in cells)
                )
                found.append(
                    Piece("header" if heading else "row", "", at, cells=tuple(plain(t) for _, t in cells))
                )
                rows += 1
        elif tag.startswith("h"):
            found.append(Piece("heading", " ".join(plain(inner).split()), at, level=int(tag[1])))
        else:
            kind = {"li": "item", "summary": "summary"}.get(tag, "paragraph")
            found.append(Piece(kind, markdown_of(inner), at))
    return found


def markdown_of(fragment: str) -> str:
    """Inline HTML as Markdown: `<strong>` → `**`, `<code>` → `` ` ``, `<s>` → `~~`, `<br>` → a new line."""
    text = _BREAK.sub("\n", fragment)
    text = _STRONG.sub("**", text)
    text = _CODE.sub("`", text)
    text = _STRUCK.sub("~~", text)
    text = html.unescape(_TAG.sub("", text))
    return "\n".join(" ".join(part.split()) for part in text.split("\n")).strip()


def plain(fragment: str) -> str:
    """A cell's text: tags dropped, line breaks as spaces, entities decoded."""
    text = _TAG.sub("", _BREAK.sub(" ", fragment))
    return " ".join(html.unescape(text).split())


def inline_tag(raw: str) -> str:
    """What an inline HTML tag inside Markdown reads as: `<br>` a new line, any other tag nothing."""
    return "\n" if _BREAK.fullmatch(raw.strip()) else ""
