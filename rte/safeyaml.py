"""YAML read as data only: no aliases, no duplicate keys, no tags; errors carry the line."""

from __future__ import annotations

import yaml

from rte.errors import ConfigError
from rte.model import Location


class _Composer(yaml.SafeLoader):
    """A SafeLoader whose composer refuses aliases, so an alias bomb cannot expand."""

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise yaml.MarkedYAMLError(
                None, None, "aliases (*name) are not allowed here; write the value out", event.start_mark
            )
        return super().compose_node(parent, index)


def kind_of(node: yaml.Node) -> str:
    if isinstance(node, yaml.SequenceNode):
        return "list"
    return "mapping" if isinstance(node, yaml.MappingNode) else "single value"


def node_location(rel: str, node: yaml.Node, line_offset: int = 0) -> Location:
    return Location(rel, node.start_mark.line + 1 + line_offset)


def scalar_text(node: yaml.Node) -> str:
    if not isinstance(node, yaml.ScalarNode):
        return ""
    return str(node.value)


def compose(text: str, rel: str, *, what: str, line_offset: int = 0) -> yaml.Node | None:
    """Parse YAML text into a node tree (no Python objects are built), or raise ConfigError."""
    try:
        loader = _Composer(text)  # the reader refuses control characters here, before any parsing
    except yaml.reader.ReaderError as exc:
        raise ConfigError(
            f"the {what} is not valid YAML: it contains the control character U+{exc.character:04X}; "
            "remove it",
            Location(rel, text.count("\n", 0, max(exc.position, 0)) + 1 + line_offset),
        ) from None
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 + line_offset if mark else None
        problem = exc.problem or "invalid YAML"
        if "\t" in problem or "\\t" in problem or "tab" in problem.lower():
            problem += " (YAML indents with spaces, not tabs)"
        raise ConfigError(f"the {what} is not valid YAML: {problem}", Location(rel, line)) from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"the {what} is not valid YAML: {exc}", Location(rel)) from None
    finally:
        loader.dispose()
    if node is not None:
        _check(node, rel, what, line_offset)
    return node


def compose_mapping(text: str, rel: str, *, what: str, line_offset: int = 0) -> yaml.MappingNode | None:
    node = compose(text, rel, what=what, line_offset=line_offset)
    if node is None:
        return None
    if not isinstance(node, yaml.MappingNode):
        raise ConfigError(
            f"the {what} must be a mapping of `key: value` lines, not a {kind_of(node)}",
            node_location(rel, node, line_offset),
        )
    return node


def _check(node: yaml.Node, rel: str, what: str, line_offset: int) -> None:
    """Refuse duplicate keys and explicit non-standard tags anywhere in the tree."""
    stack = [node]
    while stack:
        current = stack.pop()
        if current.tag.startswith("tag:yaml.org,2002:python") or current.tag.startswith("!"):
            raise ConfigError(
                f"the {what} uses the tag {current.tag}; only plain values are allowed",
                node_location(rel, current, line_offset),
            )
        if isinstance(current, yaml.MappingNode):
            seen: dict[str, int] = {}
            for key, value in current.value:
                name = scalar_text(key)
                line = key.start_mark.line + 1 + line_offset
                if name in seen:
                    raise ConfigError(
                        f"the key `{name}` appears twice in the {what} (first on line {seen[name]})",
                        Location(rel, line),
                    )
                seen[name] = line
                stack.extend((key, value))
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)


def to_python(node: yaml.Node) -> object:
    """Plain Python data from a checked node: str scalars (typed by the YAML core schema), lists, dicts."""
    if isinstance(node, yaml.MappingNode):
        return {scalar_text(k): to_python(v) for k, v in node.value}
    if isinstance(node, yaml.SequenceNode):
        return [to_python(v) for v in node.value]
    loader = yaml.SafeLoader("")
    try:
        return loader.construct_object(node, deep=True)
    finally:
        loader.dispose()
