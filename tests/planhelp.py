"""Render the example features the way the pipeline does, with migration facts wired in."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from rte import __version__, docs, render
from rte.evaluate import Evaluation, evaluate
from rte.gates import Context
from rte.migrations.facts import load_migration
from rte.migrations.sql import SplitMigration
from rte.pipeline import settings_view
from rte.rollback import migration_facts
from rte.settings import GitHubEnv, Settings

SHA = "0123456789abcdef0123456789abcdef01234567"


def evaluate_ws(ws: Path, raw: dict[str, str] | None = None) -> tuple[Evaluation, dict[str, object]]:
    settings = Settings.build(
        ws, {"all-features": "true", **(raw or {})}, github=GitHubEnv(repository="acme/shop", sha=SHA)
    )
    folders = docs.feature_folders(ws, settings.features_dir, ())
    features, facts = [], {}
    for folder in folders:
        feature = docs.load_feature(ws, folder)
        split = load_migration(ws, feature)
        if isinstance(split, SplitMigration):
            feature = replace(feature, migration=split.to_model())
            facts[feature.slug] = migration_facts(split)
        features.append(feature)
    ctx = Context(settings=settings, today=dt.date(2026, 3, 2))
    view = settings_view(settings) | {"commit_date": "2026-03-02T10:00:00+00:00", "migration_commands": facts}
    return evaluate(features, ctx), view


def render_all(
    ws: Path, template_dir: Path | None = None, raw: dict[str, str] | None = None
) -> dict[str, str]:
    """name → text for every output: pr-body-<slug>.md, plan-<slug>.md, summary.md."""
    evaluation, view = evaluate_ws(ws, raw)
    env = render.make_environment(template_dir)
    out = {}
    for report in evaluation.features:
        slug = report.feature.slug
        out[f"pr-body-{slug}.md"] = render.pr_body(
            env, report, evaluation, view, f"{report.feature.path}/07-release-plan.md"
        )
        out[f"plan-{slug}.md"] = render.release_plan(env, report, evaluation, view)
    out["summary.md"] = render.job_summary(env, evaluation, view)
    return out


def normalise(text: str) -> str:
    return text.replace(f"rte {__version__}", "rte VERSION")
