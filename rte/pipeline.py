"""The pipeline both adapters share: select → read → gather facts → evaluate → render → write."""

from __future__ import annotations

import datetime as dt
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from rte import docs, render
from rte.evaluate import Evaluation, evaluate
from rte.gates import Context
from rte.model import Feature, Problem
from rte.report import to_json
from rte.runner import write_text
from rte.settings import Settings

PLAN_NAME = "07-release-plan.md"


@dataclass(frozen=True)
class Rendered:
    pr_bodies: dict[str, str] = field(default_factory=dict)
    plans: dict[str, str] = field(default_factory=dict)
    summary: str = ""


@dataclass(frozen=True)
class RunResult:
    settings: Settings
    evaluation: Evaluation
    ctx: Context
    rendered: Rendered
    report_json: str
    files: dict[str, dict[str, str | None]]  # slug → {"release_plan": path, "pr_body": path}
    report_file: str | None = None
    summary_file: str | None = None
    selection_reason: str = ""

    @property
    def exit_code(self) -> int:
        return 1 if self.evaluation.verdict == "fail" else 0


def select(settings: Settings) -> tuple[tuple[str, ...], str]:
    """Which features to check: named ones, all of them, or (in Actions) the ones the event touched."""
    if settings.feature:
        return settings.feature, "named by the `feature` input"
    if settings.all_features or not settings.github.event_name:
        return (), "all features"
    from rte.discover import discover, read_event

    found = discover(settings, read_event(settings.github.event_path))
    if not found.slugs:
        return None, found.reason  # type: ignore[return-value]
    return found.slugs, found.reason


def gather_facts(settings: Settings, features: list[Feature]) -> dict[str, object]:
    """Facts that need I/O (git, evidence files…), collected once for all features."""
    return {}


def run(settings: Settings, *, write: bool = False, today: dt.date | None = None) -> RunResult:
    # 1. Select the features and read their documents.
    slugs, reason = select(settings)
    folders = [] if slugs is None else docs.feature_folders(settings.workspace, settings.features_dir, slugs)
    features = [docs.load_feature(settings.workspace, folder) for folder in folders]
    # 2. Gather the facts that need I/O, then run the gates (pure).
    ctx = Context(settings=settings, today=today or dt.date.today(), facts=gather_facts(settings, features))
    errors: list[Problem] = []
    evaluation = evaluate(features, ctx, errors=errors)
    # 3. Render the PR body, the release plan and the job summary.
    env = render.make_environment(_template_dir(settings))
    view = settings_view(settings, reason)
    rendered = Rendered(
        pr_bodies={
            r.feature.slug: render.pr_body(env, r, evaluation, view, f"{r.feature.path}/{PLAN_NAME}")
            for r in evaluation.features
        },
        plans={r.feature.slug: render.release_plan(env, r, evaluation, view) for r in evaluation.features},
        summary=render.job_summary(env, evaluation, view),
    )
    # 4. Write the files: the plan into the feature folder, everything else into the output folder.
    files: dict[str, dict[str, str | None]] = {}
    out = out_dir(settings)
    for report in evaluation.features:
        slug = report.feature.slug
        files[slug] = {"release_plan": None, "pr_body": None}
        if write:
            plan = settings.workspace / report.feature.path / PLAN_NAME
            write_text(plan, rendered.plans[slug])
            body = out / f"pr-body-{slug}.md"
            write_text(body, rendered.pr_bodies[slug])
            files[slug] = {"release_plan": f"{report.feature.path}/{PLAN_NAME}", "pr_body": str(body)}
    report_json = to_json(evaluation, ctx, files)
    report_file = summary_file = None
    if write:
        write_text(out / "report.json", report_json)
        write_text(out / "summary.md", rendered.summary)
        report_file, summary_file = str(out / "report.json"), str(out / "summary.md")
    return RunResult(
        settings, evaluation, ctx, rendered, report_json, files, report_file, summary_file, reason
    )


def out_dir(settings: Settings) -> Path:
    """Where the PR body, summary and report go: never the workspace unless the user says so."""
    if settings.out_dir is not None:
        return settings.out_dir
    return Path(tempfile.gettempdir()) / "rte" / settings.workspace.name


def _template_dir(settings: Settings) -> Path | None:
    if not settings.template_dir:
        return None
    from rte.paths import inside_workspace

    return inside_workspace(settings.workspace, settings.template_dir, what="template directory")


def settings_view(settings: Settings, reason: str = "") -> dict[str, object]:
    """The settings a template may read: plain values only."""
    gh = settings.github
    blob_base = f"{gh.server_url}/{gh.repository}/blob/{gh.sha}" if gh.repository and gh.sha else ""
    return {
        "blob_base": blob_base,
        "repository": gh.repository,
        "fail_on_severity": settings.fail_on_severity.value,
        "required_tests": [level.value for level in settings.required_tests],
        "min_coverage": settings.min_coverage,
        "discovery_reason": reason,
        "annotation_overflow": 0,
        "sha": gh.sha,
        "target_branch": settings.target_branch,
        # The timeline: `staging-at` wins, else the head commit's date (ISO 8601); never the wall clock.
        "staging_at": settings.staging_at,
        "production_window": settings.production_window,
        "timezone": settings.timezone,
        "commit_date": "",
        # slug → rte.rollback.migration_facts(split): {"tool", "up", "down", "creates", "down_drops"}.
        "migration_commands": {},
    }
