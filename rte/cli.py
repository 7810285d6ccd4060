"""The `rte` command: subcommands → Settings → pipeline; the only place mapping errors to exit codes."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from rte import __version__
from rte.errors import ConfigError, RteError
from rte.settings import INPUTS_BY_NAME, Settings

EXIT_PASS, EXIT_FAIL, EXIT_ERROR = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="rte", description="Release gate and release plans for documented features."
    )
    parser.add_argument("--version", action="version", version=f"rte {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def common(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--workspace", default=".", help="repository root (default: current directory)")
        sub.add_argument(
            "--feature",
            action="append",
            default=[],
            metavar="SLUG",
            help="feature to check (repeatable); default: all features",
        )
        sub.add_argument("--all", action="store_true", help="check every feature")
        sub.add_argument("--features-dir", help=INPUTS_BY_NAME["features-dir"].description)
        sub.add_argument("--config", help="configuration file (default: .github/rte.yml if present)")
        sub.add_argument("--fail-on-severity", choices=["critical", "high", "medium", "low", "info"])
        sub.add_argument("--required-tests", metavar="LEVELS", help="comma-separated test levels to require")
        sub.add_argument("--min-coverage", metavar="PERCENT")
        sub.add_argument("--template-dir", metavar="DIR")
        sub.add_argument("--database-url", metavar="URL", help=INPUTS_BY_NAME["database-url"].description)
        sub.add_argument(
            "--rehearsal-baseline",
            metavar="GLOB",
            action="append",
            default=[],
            help="SQL file(s) applied before a rehearsal (repeatable)",
        )
        sub.add_argument("--format", choices=["text", "json", "markdown"], default="text")
        sub.add_argument(
            "--jobs",
            type=int,
            default=0,
            metavar="N",
            help="processes reading features (default: by cores, for many features; 1 = one process)",
        )

    check = commands.add_parser("check", help="read the features, run the gates, print the report")
    common(check)
    plan = commands.add_parser(
        "plan", help="check, then write 07-release-plan.md, the PR body and the summary"
    )
    common(plan)
    plan.add_argument("--out-dir", metavar="DIR", help="where the PR body, summary and report files go")
    discover = commands.add_parser(
        "discover", help="print the features an event touches as JSON for `strategy.matrix`"
    )
    discover.add_argument("--workspace", default=".", help="repository root (default: current directory)")
    discover.add_argument("--features-dir", help=INPUTS_BY_NAME["features-dir"].description)
    discover.add_argument("--event-name", default="", help="pull_request, push or workflow_dispatch")
    discover.add_argument("--event-path", default="", help="the event payload (JSON), as GITHUB_EVENT_PATH")
    discover.add_argument("--config", help="configuration file (default: .github/rte.yml if present)")
    discover.set_defaults(feature=[], all=False)
    init = commands.add_parser("init", help="create a feature folder with the six documents to fill in")
    init.add_argument("slug", help="the feature's folder name, e.g. invoice-links")
    init.add_argument("--workspace", default=".", help="repository root (default: current directory)")
    init.add_argument("--features-dir", default="docs/features", help="where feature folders live")
    return parser


def settings_from_args(args: argparse.Namespace) -> Settings:
    raw: dict[str, str] = {}
    for name in (
        "features-dir",
        "config",
        "fail-on-severity",
        "required-tests",
        "min-coverage",
        "template-dir",
    ):
        value = getattr(args, name.replace("-", "_"), None)
        if value is not None:
            raw[name] = str(value)
    if getattr(args, "database_url", None):
        raw["database-url"] = args.database_url
    if getattr(args, "rehearsal_baseline", None):
        raw["rehearsal-baseline"] = ",".join(args.rehearsal_baseline)
    if args.feature:
        raw["feature"] = ",".join(args.feature)
    if args.all:
        raw["all-features"] = "true"
    out_dir = Path(args.out_dir).resolve() if getattr(args, "out_dir", None) else None
    settings = Settings.build(Path(args.workspace), raw, out_dir=out_dir)
    jobs = getattr(args, "jobs", 0)
    if jobs < 0:
        raise ConfigError(f"--jobs {jobs}: give a number of processes, 1 or more (0: automatic)")
    return replace(settings, jobs=jobs) if jobs else settings


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(list(argv) if argv is not None else None)
    if args.command == "init":
        try:
            return _init(args)
        except RteError as exc:
            return _fail(exc)
    if args.all and args.feature:
        parser.error("--all and --feature name the features in two ways; give one of them")
    try:
        return _dispatch(args)
    except RteError as exc:
        return _fail(exc)


def _init(args: argparse.Namespace) -> int:
    from rte.scaffold import scaffold

    workspace = Path(args.workspace).resolve()
    for path in scaffold(workspace, args.features_dir, args.slug):
        print(path.relative_to(workspace).as_posix())
    return EXIT_PASS


def _dispatch(args: argparse.Namespace) -> int:
    from rte.pipeline import run
    from rte.report import to_text

    settings = settings_from_args(args)
    if args.command == "discover":
        return _discover(settings, args)
    shown = frozenset({"summary"}) if args.format == "markdown" else frozenset()
    result = run(settings, write=args.command == "plan", outputs=shown)
    if args.format == "json":
        result.write_report(sys.stdout)
    elif args.format == "markdown":
        sys.stdout.write(result.rendered.summary)
    else:
        sys.stdout.write(to_text(result.evaluation))
    if args.command == "plan":
        for slug, paths in result.files.items():
            print(f"{slug}: release plan {paths['release_plan']}", file=sys.stderr)
            print(f"{slug}: PR body {paths['pr_body']}", file=sys.stderr)
        print(f"summary: {result.summary_file}\nreport: {result.report_file}", file=sys.stderr)
    return result.exit_code


def _discover(settings: Settings, args: argparse.Namespace) -> int:
    from rte.discover import discover, matrix_json, read_event
    from rte.docs import feature_folders
    from rte.settings import GitHubEnv

    feature_folders(settings.workspace, settings.features_dir, ())  # a missing folder is an error, not []
    settings = replace(settings, github=GitHubEnv(event_name=args.event_name, event_path=args.event_path))
    found = discover(settings, read_event(args.event_path) if args.event_path else {})
    print(matrix_json(found.slugs))
    print(f"rte: {found.reason}", file=sys.stderr)
    return EXIT_PASS


def _fail(exc: RteError) -> int:
    print(f"rte: error: {exc}", file=sys.stderr)
    if exc.tip:
        print(f"Tip: {exc.tip}", file=sys.stderr)
    return EXIT_ERROR


def main_entry() -> None:
    """Console-script entry point (`rte`)."""
    sys.exit(main(sys.argv[1:]))
