"""The pipeline both adapters share: select → read → gather facts → evaluate → render → write."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TextIO

from rte import docs
from rte.evaluate import Evaluation, evaluate
from rte.gates import Context
from rte.model import Feature, Problem
from rte.report import json_chunks, to_json
from rte.settings import Settings

PLAN_NAME = "07-release-plan.md"
# What `run` can render. `plan` and the action write all of them; `check` renders only what it prints.
OUTPUTS = frozenset({"pr_bodies", "plans", "summary"})


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
    files: dict[str, dict[str, str | None]]  # slug → {"release_plan": path, "pr_body": path}
    report_file: str | None = None
    summary_file: str | None = None
    selection_reason: str = ""

    @property
    def exit_code(self) -> int:
        return 1 if self.evaluation.verdict == "fail" else 0

    @property
    def report_json(self) -> str:
        """The whole report as one string; `write_report` streams it without holding it in memory."""
        return to_json(self.evaluation, self.ctx, self.files)

    def write_report(self, stream: TextIO) -> None:
        for chunk in json_chunks(self.evaluation, self.ctx, self.files):
            stream.write(chunk)


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


def run(
    settings: Settings,
    *,
    write: bool = False,
    today: dt.date | None = None,
    outputs: frozenset[str] | None = None,
) -> RunResult:
    """`outputs`: what to render (see OUTPUTS); None renders everything. `write` always renders all."""
    # 1. Select the features and read their documents.
    slugs, reason = select(settings)
    folders = [] if slugs is None else docs.feature_folders(settings.workspace, settings.features_dir, slugs)
    features = [docs.load_feature(settings.workspace, folder) for folder in folders]
    # 2. Gather the facts that need I/O, then run the gates (pure).
    ctx = Context(settings=settings, today=today or dt.date.today(), facts=gather_facts(settings, features))
    errors: list[Problem] = []
    evaluation = evaluate(features, ctx, errors=errors)
    # 3. Render the PR body, the release plan and the job summary: only what this command uses.
    wanted = OUTPUTS if write or outputs is None else outputs
    rendered = (
        _render(settings, evaluation, settings_view(settings, reason), wanted) if wanted else Rendered()
    )
    # 4. Write the files: the plan into the feature folder, everything else into the output folder.
    from rte.runner import write_text

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
    result = RunResult(settings, evaluation, ctx, rendered, files, selection_reason=reason)
    if not write:
        return result
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "report.json", "w", encoding="utf-8", newline="\n") as handle:
        result.write_report(handle)
    write_text(out / "summary.md", rendered.summary)
    return replace(result, report_file=str(out / "report.json"), summary_file=str(out / "summary.md"))


def _render(
    settings: Settings, evaluation: Evaluation, view: dict[str, object], wanted: frozenset[str]
) -> Rendered:
    from rte import render  # jinja2 and the templates load only when something is rendered

    env = render.make_environment(_template_dir(settings))
    reports = evaluation.features
    return Rendered(
        pr_bodies={
            r.feature.slug: render.pr_body(env, r, evaluation, view, f"{r.feature.path}/{PLAN_NAME}")
            for r in reports
        }
        if "pr_bodies" in wanted
        else {},
        plans={r.feature.slug: render.release_plan(env, r, evaluation, view) for r in reports}
        if "plans" in wanted
        else {},
        summary=render.job_summary(env, evaluation, view) if "summary" in wanted else "",
    )


def out_dir(settings: Settings) -> Path:
    """Where the PR body, summary and report go: never the workspace unless the user says so."""
    if settings.out_dir is not None:
        return settings.out_dir
    import tempfile

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
        "timeline": {"target_branch": getattr(settings, "target_branch", ""), "rows": []},
        "migration_commands": {},
    }
