"""Render the example features the way the pipeline does, with migration facts wired in."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from rte import __version__, render
from rte.evaluate import Evaluation, evaluate
from rte.gates import Context
from rte.pipeline import gather_facts, read_features, select, settings_view
from rte.settings import GitHubEnv, Settings

SHA = "0123456789abcdef0123456789abcdef01234567"
TODAY = dt.date(2026, 3, 2)


def evaluate_ws(ws: Path, raw: dict[str, str] | None = None) -> tuple[Evaluation, dict[str, object]]:
    """The pipeline's own steps (select, read, gather facts, evaluate) with a fixed day and commit date."""
    settings = Settings.build(
        ws, {"all-features": "true", **(raw or {})}, github=GitHubEnv(repository="acme/shop", sha=SHA)
    )
    discovery, folders = select(settings, {})
    read = read_features(settings, folders)
    features = read.features
    facts, notes = gather_facts(settings, features, discovery, {}, TODAY, read.migrations)
    ctx = Context(settings=settings, today=TODAY, facts=facts)
    view = settings_view(settings, discovery.reason, facts) | {"commit_date": "2026-03-02T10:00:00+00:00"}
    return evaluate(features, ctx, errors=notes), view


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
