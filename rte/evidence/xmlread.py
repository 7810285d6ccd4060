"""Safe XML reading for evidence files: defusedxml underneath, a small tree whose elements know their line."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser, ParseError

from rte.errors import DocError
from rte.model import Location

CHUNK = 64 * 1024


@dataclass
class XmlNode:
    """One element: local tag name (namespace dropped), attributes, 1-based line of its start tag."""

    tag: str
    attrs: dict[str, str]
    line: int
    children: list[XmlNode] = field(default_factory=list)

    def iter(self, tag: str) -> list[XmlNode]:
        """Every descendant (not self) with this tag, in document order."""
        found: list[XmlNode] = []
        stack = list(reversed(self.children))
        while stack:
            node = stack.pop()
            if node.tag == tag:
                found.append(node)
            stack.extend(reversed(node.children))
        return found


class _InternalSubset(Exception):
    """A DOCTYPE with an internal subset: the place entity bombs and external entities are declared."""


class _Builder:
    """Parser target that builds XmlNode values, reading the line from the expat parser it is given.
    Elements deeper than `depth` (root = 1) are parsed and checked but not kept."""

    def __init__(self, depth: int | None = None) -> None:
        self.expat: object = None
        self.depth = depth
        self.stack: list[XmlNode | None] = []
        self.root: XmlNode | None = None

    def line(self) -> int:
        return int(getattr(self.expat, "CurrentLineNumber", 0) or 0)

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        parent = self.stack[-1] if self.stack else None
        if (self.depth is not None and len(self.stack) >= self.depth) or (self.stack and parent is None):
            self.stack.append(None)
            return
        node = XmlNode(_local(tag), {_local(k): v for k, v in attrs.items()}, self.line())
        if parent is not None:
            parent.children.append(node)
        elif self.root is None:
            self.root = node
        self.stack.append(node)

    def end(self, tag: str) -> None:
        self.stack.pop()

    def data(self, text: str) -> None:
        """Text content is not needed by any evidence reader, so none is kept."""

    def close(self) -> XmlNode | None:
        return self.root


class _Parser(DefusedXMLParser):  # type: ignore[misc]
    """defusedxml with entity declarations and external references refused (its defaults), plus any
    DOCTYPE carrying an internal subset. A bare `<!DOCTYPE coverage SYSTEM "…dtd">` (istanbul's
    Cobertura writer emits one) is allowed: expat never fetches it."""

    def __init__(self, target: _Builder) -> None:
        super().__init__(target=target, forbid_dtd=False, forbid_entities=True, forbid_external=True)
        self.parser.StartDoctypeDeclHandler = self._refuse_internal_subset
        self.external_doctype = False

    def _refuse_internal_subset(
        self, name: str, sysid: str | None, pubid: str | None, has_internal_subset: int
    ) -> None:
        if has_internal_subset:
            raise _InternalSubset(name)
        self.external_doctype = bool(sysid or pubid)


def parse_xml(data: bytes, rel: str, *, what: str, depth: int | None = None) -> XmlNode:
    """Parse bytes into an XmlNode tree (keeping `depth` levels, all when None), or raise DocError naming
    the file, the line and what is wrong. The whole file is always parsed, so a hostile tail is refused."""
    builder = _Builder(depth)
    parser = _Parser(builder)
    builder.expat = parser.parser
    try:
        for start in range(0, len(data), CHUNK):
            parser.feed(data[start : start + CHUNK])
        parser.close()
    except _InternalSubset:
        raise DocError(
            f"the {what} declares a DTD (a DOCTYPE with an internal subset); rte refuses those because "
            "they are how entity-expansion and external-entity attacks are written",
            Location(rel, builder.line() or None),
            tip="produce the file with your test or coverage tool directly; they do not write DTDs",
        ) from None
    except DefusedXmlException as exc:
        raise DocError(
            f"the {what} declares or references XML entities ({type(exc).__name__}); rte refuses them "
            "because they are how entity-expansion and external-entity attacks are written",
            Location(rel, builder.line() or None),
            tip="produce the file with your test or coverage tool directly; they do not write entities",
        ) from None
    except ParseError as exc:
        line, _column = exc.position
        reason = str(exc).split(":", 1)[0]
        raise DocError(
            f"the {what} is not well-formed XML: {reason}",
            Location(rel, line or None),
            tip="check that the tool finished writing it (a crashed run leaves a truncated file)",
        ) from None
    except RecursionError:
        raise DocError(f"the {what} nests elements too deeply to be read", Location(rel)) from None
    if parser.external_doctype:
        _refuse_external_references(data, rel, what)
    if builder.root is None:
        raise DocError(f"the {what} has no root element", Location(rel))
    return builder.root


_HIDDEN = re.compile(rb"<!\[CDATA\[.*?\]\]>|<!--.*?-->", re.DOTALL)
_REFERENCE = re.compile(rb"&(?!(?:lt|gt|amp|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);)[^;\s]*;")


def _refuse_external_references(data: bytes, rel: str, what: str) -> None:
    """With an external DTD (never loaded), expat silently drops references to entities it would declare;
    refuse them instead, so that such a file cannot pass for a clean one."""
    visible = _HIDDEN.sub(lambda m: re.sub(rb"[^\n]", b" ", m.group()), data)
    found = _REFERENCE.search(visible)
    if found:
        line = visible.count(b"\n", 0, found.start()) + 1
        raise DocError(
            f"the {what} refers to an entity its external DTD would declare; rte never loads DTDs and "
            "refuses such references, because they are how external-entity attacks are written",
            Location(rel, line),
            tip="produce the file with your test or coverage tool directly; they do not write entities",
        )


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1]
