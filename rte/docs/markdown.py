"""Markdown → a flat list of blocks (heading, paragraph, item, table row, code), each with its line.

marko's GFM parser does the parsing; this module only walks its tree once, turns `source_span`
offsets into 1-based lines and flattens inline content to plain text. Strikethrough text is kept
wrapped in `~~` so readers can tell a struck-out finding from a live one.
"""

from __future__ import annotations

import bisect
import re
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace

import marko
from marko import block, inline
from marko.element import Element
from marko.ext.gfm import elements as gfm

from rte.docs.htmlblocks import inline_tag, pieces

_PARSER = marko.Markdown(extensions=["gfm"])
_NEWLINE = re.compile("\n")
MAX_NESTING = 64
PARSE_SECONDS = 10.0  # per document

# `### 1. SQL 注入（CRITICAL）`: full-width brackets and colon in a heading read as their ASCII forms
_FULL_WIDTH = str.maketrans({"（": " (", "）": ")", "：": ": "})


@dataclass(frozen=True)
class Block:
    """One unit of a document. `kind`: heading | paragraph | item | row | code."""

    kind: str
    text: str
    line: int
    level: int = 0  # heading level, list depth
    checked: bool | None = None  # task-list items
    cells: tuple[str, ...] = ()  # table rows
    header: tuple[str, ...] = ()  # table rows: the table's header cells
    lang: str = ""  # code blocks
    table: int = -1  # rows of one table share an index
    section: tuple[str, ...] = field(default=())  # the heading path above this block
    strong: bool = False  # paragraphs and items: the first line is bold as a whole (a pseudo-heading)
    lead: str = ""  # paragraphs and items: the bold span opening the first line (`**V1. Title** — High`)
    number: int = 0  # items of an ordered list: the item's number


class _Lines:
    def __init__(self, text: str) -> None:
        self._starts = [0] + [m.end() for m in _NEWLINE.finditer(text)]

    def line(self, offset: int | None) -> int:
        if offset is None:
            return 1
        return bisect.bisect_right(self._starts, offset)


class TooSlow(Exception):
    """The Markdown parser ran past its time budget on one document."""


@contextmanager
def _deadline(seconds: float) -> Iterator[None]:
    """Raise TooSlow in the main thread after `seconds` (no limit in other threads, or off Unix)."""
    if (
        seconds <= 0
        or threading.current_thread() is not threading.main_thread()
        or not hasattr(signal, "SIGALRM")
    ):
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise TooSlow

    outer_left, _ = signal.getitimer(signal.ITIMER_REAL)  # an enclosing timer keeps running afterwards
    started = time.monotonic()
    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, min(seconds, outer_left) if outer_left else seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer_left:
            signal.setitimer(signal.ITIMER_REAL, max(outer_left - (time.monotonic() - started), 0.001))


# GitHub renders `:white_check_mark:` as ✅: the status and severity marks reports write as shortcodes.
_EMOJI = {
    "white_check_mark": "✅",
    "heavy_check_mark": "✔️",
    "x": "❌",
    "negative_squared_cross_mark": "❎",
    "warning": "⚠️",
    "red_circle": "🔴",
    "orange_circle": "🟠",
    "yellow_circle": "🟡",
    "green_circle": "🟢",
    "large_blue_circle": "🔵",
    "rotating_light": "🚨",
    "no_entry": "⛔",
    "hourglass": "⏳",
    "construction": "🚧",
}
_SHORTCODE = re.compile(r":(" + "|".join(_EMOJI) + r"):")


_FENCE = re.compile(r"^ {0,3}(~{3,}|`{3,})(.*)$")
_FENCED_HEADING = re.compile(r"^#{1,6}\s+\S")
_FENCED_FIELD = re.compile(r"^\s*[-*]?\s*\*\*[^*\n]{1,40}:\*\*|^\s*[-*]?\s*\*\*[^*\n]{1,40}\*\*:", re.M)


def unfenced(text: str) -> str:
    """`text` with the fences taken off blocks that hold Markdown rather than code: a fence with no language
    whose first line is a heading over `**Field:**` lines (`~~~` › `### CRITICAL BUG: …` › `**Severity:** High`).
    The fence lines become blank, so every other line keeps its number."""
    if "~~~" not in text and "```" not in text:
        return text
    lines = text.split("\n")
    index = 0
    while index < len(lines):
        opening = _FENCE.match(lines[index])
        if opening is None:
            index += 1
            continue
        mark, info = opening.groups()
        closing = re.compile(rf"^ {{0,3}}{re.escape(mark[0])}{{{len(mark)},}}[ \t]*$")
        end = next((i for i in range(index + 1, len(lines)) if closing.match(lines[i])), len(lines))
        body = lines[index + 1 : end]
        first = next((line for line in body if line.strip()), "")
        markdown = _FENCED_HEADING.match(first) and _FENCED_FIELD.search("\n".join(body))
        if end < len(lines) and not info.strip() and markdown:
            lines[index] = lines[end] = ""
        index = end + 1
    return "\n".join(lines)


def emoji(text: str) -> str:
    """`text` with the emoji shortcodes reports use written as the emoji GitHub shows."""
    return _SHORTCODE.sub(lambda m: _EMOJI[m.group(1)], text) if ":" in text else text


# Characters `str.splitlines` (and so the parser) breaks lines at, though a document's lines end at `\n`
# only: a stray form feed must not shift every line number after it. Each becomes a space.
_OTHER_BREAKS = dict.fromkeys(map(ord, "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"), " ")


def parse(text: str, *, seconds: float | None = None) -> list[Block]:
    """Blocks of a Markdown text whose newlines are already `\n`.

    Some inputs make the parser's inline pass quadratic (tens of thousands of intraword `_`); past
    `seconds` it raises TooSlow and the caller falls back to `plain_lines`.
    """
    text = text.translate(_OTHER_BREAKS)
    with _deadline(PARSE_SECONDS if seconds is None else seconds):
        doc = _PARSER.parse(text)
    walker = _Walker(_Lines(text))
    tops = sum(1 for c in doc.children if isinstance(c, block.Heading | block.SetextHeading) and c.level == 1)
    if tops >= 2:
        # `# Introduction` … `# Severity Classification` … `# Findings`: top-level headings are the sections,
        # under an untitled document
        walker.path.append((0, ""))
    walker.walk_children(doc, depth=0)
    return walker.blocks


def plain_lines(text: str) -> list[Block]:
    """A fallback reading: every non-blank line a paragraph of its own, with its line number."""
    return [
        Block("paragraph", line.strip()[:2000], number)
        for number, line in enumerate(text.split("\n"), 1)
        if line.strip()
    ]


class _Walker:
    def __init__(self, lines: _Lines) -> None:
        self.lines = lines
        self.blocks: list[Block] = []
        self.path: list[tuple[int, str]] = []
        self.tables = 0
        self.html_header: tuple[str, ...] = ()
        self.html_table = -1

    @property
    def section(self) -> tuple[str, ...]:
        return tuple(title for _, title in self.path)

    def line_of(self, element: Element) -> int:
        span = element.source_span
        return self.lines.line(span[0] if span else None)

    def walk_children(self, element: Element, depth: int) -> None:
        if depth > MAX_NESTING:
            return
        for child in getattr(element, "children", None) or []:
            if isinstance(child, Element):
                self.walk(child, depth + 1)

    def walk(self, element: Element, depth: int) -> None:
        line = self.line_of(element)
        if isinstance(element, block.Heading | block.SetextHeading):
            text = inline_text(element).translate(_FULL_WIDTH)
            while self.path and self.path[-1][0] >= element.level:
                self.path.pop()
            self.blocks.append(Block("heading", text, line, level=element.level, section=self.section))
            self.path.append((element.level, text))
        elif isinstance(element, gfm.Table):
            self._table(element)
        elif isinstance(element, block.ListItem):
            self._item(element, depth)
        elif isinstance(element, block.Paragraph):
            self.blocks.append(self._paragraph("paragraph", element, line))
        elif isinstance(element, block.FencedCode | block.CodeBlock):
            lang = getattr(element, "lang", "") or ""
            code = "".join(str(getattr(c, "children", "")) for c in element.children)
            self.blocks.append(
                Block(
                    "code",
                    code,
                    line + (1 if lang or isinstance(element, block.FencedCode) else 0),
                    lang=lang,
                    section=self.section,
                )
            )
        elif isinstance(element, block.List) and element.ordered and depth <= MAX_NESTING:
            start = int(getattr(element, "start", 1) or 1)
            items = [c for c in element.children if isinstance(c, Element)]
            for number, child in enumerate(items, start):
                before = len(self.blocks)
                self.walk(child, depth + 1)
                if isinstance(child, block.ListItem) and len(self.blocks) > before:
                    self.blocks[before] = replace(self.blocks[before], number=number)
        elif isinstance(element, block.Quote | block.List | block.Document):
            self.walk_children(element, depth)
        elif isinstance(element, block.HTMLBlock):
            self._html(str(getattr(element, "body", "")), line)

    def _html(self, body: str, line: int) -> None:
        """Headings, paragraphs, list items and table rows of an HTML block (exported documents)."""
        for piece in pieces(body, line):
            if piece.kind == "heading":
                while self.path and self.path[-1][0] >= piece.level:
                    self.path.pop()
                self.blocks.append(
                    Block("heading", piece.text, piece.line, level=piece.level, section=self.section)
                )
                self.path.append((piece.level, piece.text))
            elif piece.kind == "table":
                self.html_header, self.html_table = (), -1
            elif piece.kind == "header":
                self.html_header, self.html_table = piece.cells, self.tables
                self.tables += 1
            elif piece.kind == "row":
                if self.html_table < 0:
                    self.html_table, self.tables = self.tables, self.tables + 1
                self.blocks.append(
                    Block(
                        "row",
                        " | ".join(piece.cells),
                        piece.line,
                        cells=piece.cells,
                        header=self.html_header,
                        table=self.html_table,
                        section=self.section,
                    )
                )
            else:
                self._html_text(piece.kind, piece.text, piece.line)

    def _html_text(self, kind: str, text: str, line: int) -> None:
        """A paragraph, list item or toggle title (`<summary>`, a pseudo-heading) of an HTML block."""
        summary = kind == "summary"
        kind = "paragraph" if summary else kind
        if not re.search(r"[*_`~\[\\<&!]", text):  # plain text: no inline Markdown to read
            self.blocks.append(Block(kind, text, line, section=self.section, strong=summary))
            return
        parsed = _PARSER.parse(text)
        first = next((c for c in parsed.children if isinstance(c, block.Paragraph)), None)
        if first is not None:
            paragraph = replace(self._paragraph(kind, first, line), line=line)
            self.blocks.append(replace(paragraph, strong=True) if summary else paragraph)

    def _item(self, item: block.ListItem, depth: int) -> None:
        children = [c for c in item.children if isinstance(c, Element)]
        first = children[0] if children else None
        if isinstance(first, block.Paragraph):
            self.blocks.append(self._paragraph("item", first, self.line_of(first), depth))
            rest = children[1:]
        else:
            self.blocks.append(Block("item", "", self.line_of(item), level=depth, section=self.section))
            rest = children
        for child in rest:
            self.walk(child, depth + 1)

    def _paragraph(self, kind: str, paragraph: block.Paragraph, line: int, level: int = 0) -> Block:
        """A paragraph block, or a list item from its first paragraph; gfm sets `checked` on task items only."""
        return Block(
            kind,
            inline_text(paragraph),
            line,
            level=level,
            checked=getattr(paragraph, "checked", None),
            section=self.section,
            strong=strong_lead(paragraph),
            lead=bold_opening(paragraph),
        )

    def _table(self, table: gfm.Table) -> None:
        rows = [r for r in table.children if isinstance(r, gfm.TableRow)]
        if not rows:
            return
        header = tuple(inline_text(c) for c in rows[0].children if isinstance(c, Element))
        index = self.tables
        self.tables += 1
        for row in rows[1:]:
            cells = tuple(inline_text(c) for c in row.children if isinstance(c, Element))
            self.blocks.append(
                Block(
                    "row",
                    " | ".join(cells),
                    self.line_of(row),
                    cells=cells,
                    header=header,
                    table=index,
                    section=self.section,
                )
            )


_LETTER = re.compile(r"[^\W_]")  # a letter or digit: text that is more than emoji and punctuation


def strong_lead(paragraph: Element) -> bool:
    """Whether the paragraph's first line is one bold span (`**Issue 3: …**`), possibly after an emoji."""
    strong = False
    for child in getattr(paragraph, "children", None) or []:
        if isinstance(child, inline.LineBreak) or (
            isinstance(child, inline.InlineHTML) and _html_break(child)
        ):
            break
        if isinstance(child, inline.InlineHTML):
            continue
        if isinstance(child, inline.StrongEmphasis) and not strong:
            strong = True
        elif not (isinstance(child, inline.RawText) and not _LETTER.search(str(child.children))):
            return False
    return strong


def _html_break(element: Element) -> bool:
    return inline_tag(str(getattr(element, "children", ""))) == "\n"


def bold_opening(paragraph: Element) -> str:
    """The text of the bold span a paragraph opens with (after emoji or punctuation only), else ""."""
    for child in getattr(paragraph, "children", None) or []:
        if isinstance(child, inline.StrongEmphasis):
            return " ".join(inline_text(child).split())
        if not (isinstance(child, inline.RawText) and not _LETTER.search(str(child.children))):
            return ""
    return ""


def inline_text(element: Element, depth: int = 0) -> str:
    """Plain text of an element's inline content; strikethrough kept as `~~text~~`, code as `` `x` ``."""
    if depth > MAX_NESTING:
        return ""
    children = getattr(element, "children", None)
    if isinstance(children, str):
        text = children
        if isinstance(element, inline.InlineHTML):
            return inline_tag(text)
        if isinstance(element, inline.CodeSpan):
            return f"`{text}`"
        return text
    if isinstance(element, inline.LineBreak):
        return "\n"
    parts = [inline_text(c, depth + 1) for c in children or [] if isinstance(c, Element)]
    text = "".join(parts)
    if isinstance(element, gfm.Strikethrough):
        return f"~~{text}~~"
    if isinstance(element, inline.Image):
        return ""
    if isinstance(element, block.Paragraph):
        return "\n".join(" ".join(line.split()) for line in text.split("\n"))
    if isinstance(element, block.Heading | block.SetextHeading | gfm.TableCell):
        return " ".join(text.split())
    return text
