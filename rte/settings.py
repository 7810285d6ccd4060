"""The run's settings: one frozen value built from action inputs or CLI flags, over the config file."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from rte.errors import ConfigError
from rte.inputs import INPUTS, INPUTS_BY_NAME, Input
from rte.model import Level, Severity, Waiver
from rte.paths import workspace_dir
from rte.risk import LEVELS as RISK_LEVELS
from rte.risk import parse_thresholds

__all__ = ["INPUTS", "INPUTS_BY_NAME", "GitHubEnv", "Input", "Settings", "parse_value"]


TRUE_FALSE = {"true": True, "false": False}


@dataclass(frozen=True)
class GitHubEnv:
    """What the runner tells about the run, from `GITHUB_*` variables; empty outside Actions."""

    event_name: str = ""
    event_path: str = ""
    repository: str = ""
    api_url: str = "https://api.github.com"
    server_url: str = "https://github.com"
    sha: str = ""
    ref: str = ""
    head_ref: str = ""
    base_ref: str = ""
    output_file: str = ""
    summary_file: str = ""
    runner_temp: str = ""

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> GitHubEnv:
        return cls(
            event_name=env.get("GITHUB_EVENT_NAME", ""),
            event_path=env.get("GITHUB_EVENT_PATH", ""),
            repository=env.get("GITHUB_REPOSITORY", ""),
            api_url=env.get("GITHUB_API_URL") or "https://api.github.com",
            server_url=env.get("GITHUB_SERVER_URL") or "https://github.com",
            sha=env.get("GITHUB_SHA", ""),
            ref=env.get("GITHUB_REF", ""),
            head_ref=env.get("GITHUB_HEAD_REF", ""),
            base_ref=env.get("GITHUB_BASE_REF", ""),
            output_file=env.get("GITHUB_OUTPUT", ""),
            summary_file=env.get("GITHUB_STEP_SUMMARY", ""),
            runner_temp=env.get("RUNNER_TEMP", ""),
        )


@dataclass(frozen=True)
class Settings:
    """Every typed setting of one run; built by `from_env` (the action) or `build` (the CLI)."""

    workspace: Path
    feature: tuple[str, ...] = ()
    all_features: bool = False
    features_dir: str = "docs/features"
    fail_on_severity: Severity = Severity.HIGH
    required_tests: tuple[Level, ...] = (Level.UNIT, Level.INTEGRATION, Level.E2E)
    min_coverage: float | None = None
    config: str = ".github/rte.yml"
    template_dir: str = ""
    github_token: str = field(default="", repr=False)
    junit: tuple[str, ...] = ()
    coverage: tuple[str, ...] = ()
    sarif: tuple[str, ...] = ()
    database_url: str = field(default="", repr=False)
    migration_blocking_rules: tuple[str, ...] = ()
    rehearsal_baseline: tuple[str, ...] = ()
    target_branch: str = ""
    create_pr: bool = False
    commit_release_plan: bool = False
    labels: bool = True
    required_approvals: int = 0
    staging_at: str = ""
    production_window: str = "09:00-11:00"
    timezone: str = "UTC"
    risk_thresholds: tuple[tuple[str, float], ...] = RISK_LEVELS
    junit_levels: Mapping[str, str] = field(default_factory=dict)  # config file only: glob → level
    waivers: tuple[Waiver, ...] = ()
    github: GitHubEnv = field(default_factory=GitHubEnv)
    out_dir: Path | None = None
    jobs: int = 0  # processes that read features; 0 = by cores and feature count (rte.fanout)

    @property
    def features_path(self) -> Path:
        return self.workspace / self.features_dir

    # -- construction -----------------------------------------------------------------------

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> Settings:
        """Settings for the action: `INPUT_*` variables (hyphen or underscore form) over the config file."""
        raw: dict[str, str] = {}
        for spec in INPUTS:
            value = _input(env, spec.name)
            if not value and spec.deprecated_alias:
                value = _input(env, spec.deprecated_alias)
            if value:
                raw[spec.name] = value
        workspace = Path(env.get("GITHUB_WORKSPACE") or os.getcwd())
        github = GitHubEnv.from_env(env)
        out_dir = Path(github.runner_temp) / "rte" if github.runner_temp else None
        return cls.build(workspace, raw, github=github, out_dir=out_dir)

    @classmethod
    def build(
        cls,
        workspace: Path,
        raw: Mapping[str, str],
        *,
        github: GitHubEnv | None = None,
        out_dir: Path | None = None,
        config_required: bool | None = None,
    ) -> Settings:
        """Typed settings from raw input strings, after the config file's values."""
        from rte.config import load_config

        workspace = workspace_dir(workspace)
        config_name = raw.get("config") or INPUTS_BY_NAME["config"].default
        required = config_required if config_required is not None else "config" in raw
        loaded = load_config(workspace, config_name, required=required)
        values: dict[str, object] = {}
        for spec in INPUTS:
            if spec.name in loaded.values:
                values[spec.attr] = loaded.values[spec.name]
        for name, text in raw.items():
            values[INPUTS_BY_NAME[name].attr] = parse_value(INPUTS_BY_NAME[name], text)
        return cls(
            workspace=workspace,
            waivers=loaded.waivers,
            junit_levels=loaded.junit_levels,
            github=github or GitHubEnv(),
            out_dir=out_dir,
            **values,  # type: ignore[arg-type]
        )

    def with_features(self, slugs: tuple[str, ...]) -> Settings:
        return replace(self, feature=slugs)


def _input(env: Mapping[str, str], name: str) -> str:
    upper = name.upper()
    value = env.get(f"INPUT_{upper}")
    if value is None:
        value = env.get(f"INPUT_{upper.replace('-', '_')}", "")
    return value.strip()


def parse_value(spec: Input, text: str) -> object:
    """Turn one input's text into its typed value; the message names the input and the value."""
    text = text.strip()
    try:
        return _parse(spec.kind, text)
    except ValueError as exc:
        raise ConfigError(
            f"input `{spec.name}` has the value {text!r}: {exc}",
            tip=f"see the `{spec.name}` row of the README's inputs table",
        ) from None


def _parse(kind: str, text: str) -> object:
    if kind == "bool":
        if text.lower() not in TRUE_FALSE:
            raise ValueError("use `true` or `false`")
        return TRUE_FALSE[text.lower()]
    if kind == "list":
        return tuple(part.strip() for part in text.replace("\n", ",").split(",") if part.strip())
    if kind == "severity":
        return Severity.parse(text)
    if kind == "levels":
        return tuple(Level.parse(p) for p in text.replace("\n", ",").split(",") if p.strip())
    if kind == "number":
        if not text:
            return None
        try:
            number = float(text.rstrip("%"))
        except ValueError:
            raise ValueError("use a number from 0 to 100") from None
        if not 0 <= number <= 100:
            raise ValueError("use a number from 0 to 100")
        return number
    if kind == "thresholds":
        return parse_thresholds(text)
    if kind == "int":
        if not text.isdecimal():
            raise ValueError("use a whole number, 0 or more")
        return int(text)
    return text
