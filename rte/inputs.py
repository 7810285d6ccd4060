"""The action's inputs: name, description, default and kind of each; action.yml and the README follow it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Input:
    """One action input; its name is also the config-file key and (mostly) the CLI flag."""

    name: str
    description: str
    default: str = ""
    kind: str = "str"  # str | bool | int | number | list | severity | levels | thresholds
    config: bool = True  # may be set in the config file
    action_default: str | None = None  # a default action.yml itself fills in (an expression)
    deprecated_alias: str = ""  # a former name: still read (when the new one is unset), declared deprecated

    @property
    def attr(self) -> str:
        return self.name.replace("-", "_")


INPUTS: tuple[Input, ...] = (
    Input(
        "feature",
        "Feature slug(s) to check, separated by commas or newlines. Empty: the features the "
        "event touches (pull request / push), or all features on `workflow_dispatch`.",
        kind="list",
        config=False,
    ),
    Input(
        "all-features",
        "Check every feature under `features-dir`, whatever the event touched.",
        "false",
        "bool",
    ),
    Input(
        "features-dir",
        "Folder holding one sub-folder per feature, relative to the workspace.",
        "docs/features",
    ),
    Input(
        "fail-on-severity",
        "Open security findings at or above this severity block "
        "(`critical`, `high`, `medium`, `low`, `info`).",
        "high",
        "severity",
    ),
    Input(
        "required-tests",
        "Test levels that must be present and passing "
        "(comma-separated: `unit`, `integration`, `e2e`, `security`, `performance`).",
        "unit,integration,e2e",
        "levels",
    ),
    Input(
        "min-coverage",
        "Minimum line coverage in percent for every suite that states one; empty: no threshold.",
        "",
        "number",
    ),
    Input(
        "config",
        "Path of the configuration file, relative to the workspace.",
        ".github/rte.yml",
        config=False,
    ),
    Input(
        "template-dir",
        "Folder with your own jinja2 templates overriding rte's by file name (rendered in a sandbox).",
        "",
    ),
    Input(
        "junit",
        "Glob patterns relative to the workspace (comma or newline separated, `**` for any depth) of JUnit "
        "XML test results; where they exist they decide a level's test outcome.",
        "",
        "list",
    ),
    Input(
        "coverage",
        "Glob patterns relative to the workspace of coverage reports (Cobertura XML or lcov `.info`), "
        "compared with the coverage the test report states.",
        "",
        "list",
    ),
    Input(
        "sarif",
        "Glob patterns relative to the workspace of SARIF 2.1.0 files (CodeQL, Trivy, Semgrep…); their "
        "open results count as security findings of every checked feature.",
        "",
        "list",
    ),
    Input(
        "database-url",
        "PostgreSQL URL on which rte may create a scratch database to rehearse each migration (up, down, "
        "up again). Empty: no rehearsal. A secret: pass it from `secrets` or a `services: postgres` "
        "container, never from the config file.",
        "",
        config=False,
    ),
    Input(
        "rehearsal-baseline",
        "Glob patterns of SQL files applied, in path order, to the scratch database before the "
        "rehearsal's up step: the schema the feature's migration builds on (e.g. `db/schema.sql`).",
        "",
        "list",
    ),
    Input(
        "migration-blocking-rules",
        "squawk rule names whose violations block (comma-separated, e.g. `adding-required-field`). Other "
        "violations warn; drops block unless the feature's docs declare the data loss.",
        "",
        "list",
    ),
    Input(
        "target-branch",
        "Branch the pull request merges into; empty: the PR's base, else the repository's default branch.",
        "",
    ),
    Input(
        "create-pr",
        "On `push` / `workflow_dispatch`: open a pull request from the pushed branch to `target-branch` "
        "when none is open, or update rte's section of the open one.",
        "false",
        "bool",
    ),
    Input(
        "commit-release-plan",
        "Commit the rendered release plan to the head branch (only when it changed). Needs "
        "`contents: write`.",
        "false",
        "bool",
    ),
    Input(
        "labels",
        "Set `risk:*` and `release-gate:*` labels on the pull request, replacing stale ones of the same "
        "family.",
        "true",
        "bool",
    ),
    Input(
        "required-approvals",
        "Approving reviews the pull request needs before the `review.approved` gate passes; 0 turns the "
        "gate off.",
        "0",
        "int",
    ),
    Input(
        "staging-at",
        "Staging deployment date and time (`YYYY-MM-DD HH:MM`); empty: the head commit's date. Keeps the "
        "release plan's timeline deterministic.",
        "",
    ),
    Input(
        "production-window",
        "Production deployment window (`HH:MM-HH:MM`, off-peak), the working day after staging.",
        "09:00-11:00",
    ),
    Input(
        "timezone",
        "IANA time zone for the timeline (e.g. `Europe/Berlin`).",
        "UTC",
    ),
    Input(
        "github-token",
        "Token for the GitHub API. Only used for pull-request and commit features.",
        "",
        config=False,
        action_default="${{ github.token }}",
    ),
    Input(
        "risk-thresholds",
        "Risk score at which each level starts, as `medium=2,high=5,critical=8` (the default); the plan "
        "lists every factor with its weight.",
        "",
        "thresholds",
    ),
)

INPUTS_BY_NAME = {i.name: i for i in INPUTS}
