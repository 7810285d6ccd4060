"""Text from documents made safe for Markdown output: no pings, no links, no HTML, no broken spans."""

from __future__ import annotations

import re

_ZWSP = "\u200b"


def md(text: object) -> str:
    """Document text made inert in Markdown: no @mentions, #refs, HTML or comment markers."""
    value = str(text)
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    value = re.sub(r"@(?=[\w-])", "@" + _ZWSP, value)
    value = re.sub(r"(?<![\w&])#(?=\d)", "#" + _ZWSP, value)
    value = re.sub(r"(?i)\b(GH-\d)", lambda m: m.group(1)[:2] + _ZWSP + m.group(1)[2:], value)
    return value


def cell(text: object) -> str:
    """`md` plus what a table cell needs: one line, `|` escaped."""
    return " ".join(md(text).split()).replace("|", "\\|")


def code(text: object) -> str:
    """Text inside an inline code span (backticks cannot break out)."""
    value = " ".join(str(text).split())
    if "`" not in value:
        return f"`{value}`"
    fence = "`" * (max(len(run) for run in re.findall(r"`+", value)) + 1)
    return f"{fence} {value} {fence}"


def codecell(text: object) -> str:
    """An inline code span inside a table cell (`|` escaped, nothing else touched)."""
    return code(text).replace("|", "\\|")


def num(value: object) -> str:
    """A weight or score without a useless `.0`: 1.0 → 1, 1.5 → 1.5."""
    return f"{float(value):g}" if isinstance(value, int | float) else str(value)


def pct(value: object) -> str:
    return f"{num(value)}%"
