"""The configuration file (`.github/rte.yml`): read safely, validated, every error with its line."""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from rte.errors import ConfigError
from rte.model import Location, Waiver
from rte.safeyaml import compose_mapping, kind_of, node_location, scalar_text

MAX_CONFIG_BYTES = 256 * 1024
WAIVER_KEYS = ("id", "title", "reason", "approved-by", "expires")
CONFIG_ONLY_KEYS = ("waivers", "junit-levels")


@dataclass(frozen=True)
class LoadedConfig:
    path: str | None = None
    values: dict[str, object] = field(default_factory=dict)
    waivers: tuple[Waiver, ...] = ()
    junit_levels: dict[str, str] = field(default_factory=dict)


def load_config(workspace: Path, name: str, *, required: bool) -> LoadedConfig:
    """Read the config file; absent is fine unless the user named it explicitly."""
    from rte.paths import inside_workspace

    path = inside_workspace(workspace, name, what="config file")
    if path.is_dir():
        raise ConfigError(
            f"the configuration file `{name}` is a directory",
            tip="name a YAML file (e.g. `.github/rte.yml`) in the `config` input",
        )
    if not path.is_file():
        if required:
            raise ConfigError(
                f"the configuration file `{name}` does not exist",
                tip="create it, or leave the `config` input empty to use the defaults",
            )
        return LoadedConfig()
    data = path.read_bytes()
    rel = path.relative_to(workspace).as_posix()
    if len(data) > MAX_CONFIG_BYTES:
        raise ConfigError(f"the configuration file is larger than {MAX_CONFIG_BYTES} bytes", Location(rel))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ConfigError("the configuration file is not UTF-8 text", Location(rel)) from exc
    return parse_config(text, rel)


def parse_config(text: str, rel: str) -> LoadedConfig:
    from rte.settings import INPUTS_BY_NAME, parse_value

    root = compose_mapping(text, rel, what="configuration file")
    if root is None:
        return LoadedConfig(path=rel)
    allowed = sorted([n for n, spec in INPUTS_BY_NAME.items() if spec.config] + list(CONFIG_ONLY_KEYS))
    values: dict[str, object] = {}
    waivers: tuple[Waiver, ...] = ()
    junit_levels: dict[str, str] = {}
    for key_node, value_node in root.value:
        key = scalar_text(key_node)
        where = node_location(rel, key_node)
        if key == "waivers":
            waivers = _waivers(value_node, rel)
            continue
        if key == "junit-levels":
            junit_levels = _junit_levels(value_node, rel)
            continue
        spec = INPUTS_BY_NAME.get(key)
        if spec is None or not spec.config:
            raise ConfigError(
                f"unknown key `{key}` in the configuration file{_did_you_mean(key, allowed)}",
                where,
                tip=f"the keys are the action's input names: {', '.join(allowed)}",
            )
        if not isinstance(value_node, yaml.ScalarNode):
            if spec.kind in ("list", "levels") and isinstance(value_node, yaml.SequenceNode):
                text_value = ",".join(scalar_text(n) for n in value_node.value)
            else:
                raise ConfigError(
                    f"`{key}` takes a single value, not a {kind_of(value_node)}",
                    node_location(rel, value_node),
                )
        else:
            text_value = scalar_text(value_node)
        try:
            values[key] = parse_value(spec, text_value)
        except ConfigError as exc:
            raise ConfigError(exc.message, node_location(rel, value_node), exc.tip) from None
    return LoadedConfig(path=rel, values=values, waivers=waivers, junit_levels=junit_levels)


def _waivers(node: yaml.Node, rel: str) -> tuple[Waiver, ...]:
    if not isinstance(node, yaml.SequenceNode):
        raise ConfigError(
            "`waivers` must be a list of entries",
            node_location(rel, node),
            tip="- id: H-1\n  reason: …\n  approved-by: '@org/security'\n  expires: 2026-12-31",
        )
    waivers = []
    for item in node.value:
        where = node_location(rel, item)
        if not isinstance(item, yaml.MappingNode):
            raise ConfigError(
                "each waiver is a mapping with id or title, reason, approved-by and expires", where
            )
        fields: dict[str, str] = {}
        for key_node, value_node in item.value:
            key = scalar_text(key_node)
            if key not in WAIVER_KEYS:
                raise ConfigError(
                    f"unknown waiver key `{key}`{_did_you_mean(key, WAIVER_KEYS)}",
                    node_location(rel, key_node),
                )
            if not isinstance(value_node, yaml.ScalarNode):
                raise ConfigError(f"waiver `{key}` takes a single value", node_location(rel, value_node))
            fields[key] = scalar_text(value_node)
        missing = [k for k in ("reason", "approved-by", "expires") if not fields.get(k)]
        if not (fields.get("id") or fields.get("title")):
            missing.insert(0, "id or title")
        if missing:
            raise ConfigError(f"waiver is missing {', '.join(missing)}", where)
        try:
            expires = dt.date.fromisoformat(fields["expires"]).isoformat()
        except ValueError:
            raise ConfigError(
                f"waiver `expires` is {fields['expires']!r}; write a date as YYYY-MM-DD", where
            ) from None
        waivers.append(
            Waiver(
                reason=fields["reason"],
                approved_by=fields["approved-by"],
                expires=expires,
                id=fields.get("id"),
                title=fields.get("title"),
                location=where,
            )
        )
    return tuple(waivers)


def _junit_levels(node: yaml.Node, rel: str) -> dict[str, str]:
    """`junit-levels`: a mapping of workspace-relative glob → test level, first match wins."""
    from rte.evidence.globs import check_pattern
    from rte.model import Level

    if not isinstance(node, yaml.MappingNode):
        raise ConfigError(
            "`junit-levels` must be a mapping of glob pattern → test level",
            node_location(rel, node),
            tip="junit-levels:\n  'reports/api/**/*.xml': integration",
        )
    levels: dict[str, str] = {}
    for key_node, value_node in node.value:
        pattern = scalar_text(key_node)
        if not isinstance(value_node, yaml.ScalarNode):
            raise ConfigError(
                f"`junit-levels` maps `{pattern}` to a {value_node.id}; write one level",
                node_location(rel, value_node),
            )
        try:
            check_pattern(pattern, what="`junit-levels`")
            levels[pattern] = Level.parse(scalar_text(value_node)).value
        except ConfigError as exc:
            raise ConfigError(exc.message, node_location(rel, key_node), exc.tip) from None
        except ValueError as exc:
            raise ConfigError(
                f"`junit-levels` maps `{pattern}` to an {exc}",
                node_location(rel, value_node),
                tip="levels: unit, integration, e2e, security, performance, other",
            ) from None
    return levels


def _did_you_mean(key: str, choices: tuple[str, ...] | list[str]) -> str:
    close = difflib.get_close_matches(key, list(choices), n=1, cutoff=0.6)
    return f" (did you mean `{close[0]}`?)" if close else ""
