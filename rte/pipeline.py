"""The pipeline both adapters share: select → read → gather facts → evaluate → render → write."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TextIO

from rte import docs
from rte.discover import Discovery, discover, read_event
from rte.errors import ConfigError, WorkspaceError
from rte.evaluate import Evaluation, evaluate
from rte.gates import Context
from rte.migrations.results import MigrationFacts
from rte.migrations.sql import SplitMigration
from rte.model import Feature, Finding, Problem
from rte.report import json_chunks, to_json
from rte.risk import Factor
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
    discovery: Discovery
    payload: Mapping[str, object] = field(default_factory=dict)
    report_file: str | None = None
    summary_file: str | None = None

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


def select(settings: Settings, payload: Mapping[str, object]) -> tuple[Discovery, list[Path]]:
    """Which features to check: named ones, all of them, or (in Actions) the ones the event touched."""
    found = discover(settings, payload)
    if found.slugs:
        return found, docs.feature_folders(settings.workspace, settings.features_dir, found.slugs)
    # Nothing selected: fine when an event touched no feature (a repository may have none yet), an
    # error when the user asked for all features or ran rte by hand and there is none to check.
    existing = docs.feature_folders(settings.workspace, settings.features_dir, settings.feature)
    asked = bool(settings.feature or settings.all_features or not settings.github.event_name)
    if not existing and asked:
        raise WorkspaceError(
            f"the features directory `{settings.features_dir}` holds no feature folders",
            tip="create one with `rte init <slug>`, or set `features-dir` to the folder that holds them",
        )
    return found, []


@dataclass(frozen=True)
class Read:
    """The selected features, and each one's migration as read and split (reused by the migration facts)."""

    features: list[Feature]
    migrations: dict[str, SplitMigration | Problem | None]


def read_features(settings: Settings, folders: list[Path]) -> Read:
    """Every selected feature's documents, with its migration split into up and down parts.

    Many features are read on several cores (rte.fanout); the result is the same either way."""
    from functools import partial

    from rte.fanout import ordered_map, workers_for

    read_one = partial(_read_feature, settings.workspace)
    features, migrations = [], {}
    for feature, split in ordered_map(read_one, folders, workers_for(len(folders), settings.jobs)):
        migrations[feature.slug] = split
        features.append(feature)
    return Read(features, migrations)


def _read_feature(workspace: Path, folder: Path) -> tuple[Feature, SplitMigration | Problem | None]:
    from rte.migrations.facts import load_migration

    feature = docs.load_feature(workspace, folder)
    split = load_migration(workspace, feature)
    if isinstance(split, SplitMigration):
        feature = replace(feature, migration=split.to_model())
    return feature, split


def gather_facts(
    settings: Settings,
    features: list[Feature],
    discovery: Discovery,
    payload: Mapping[str, object],
    today: dt.date,
    migrations: Mapping[str, SplitMigration | Problem | None] | None = None,
) -> tuple[dict[str, object], list[Problem]]:
    """Facts that need I/O (git, evidence files, PostgreSQL, GitHub), collected once for all features."""
    from rte.gitfacts import collect_git_facts
    from rte.migrations.facts import collect_migration_facts

    notes: list[Problem] = []
    git_facts = collect_git_facts(settings, discovery)
    migration = collect_migration_facts(features, settings, migrations)
    facts: dict[str, object] = {"git": git_facts, "migration": migration}
    if git_facts.changed_files is not None:
        facts["changed_files"] = git_facts.changed_files
    facts.update(_evidence_facts(settings, features, today, notes))
    facts["risk"] = _migration_risk(migration)
    facts["commit_date"] = _commit_date(settings, discovery)
    review = _review(settings, payload, notes)
    if review is not None:
        facts["review"] = review
    return facts, notes


def _commit_date(settings: Settings, discovery: Discovery) -> str:
    """The head commit's date (ISO 8601): what the timeline counts from, so reruns render the same plan."""
    from rte import git

    if not git.is_repo(settings.workspace):
        return ""
    return git.commit_date(settings.workspace, discovery.head or "HEAD") or ""


def _evidence_facts(
    settings: Settings, features: list[Feature], today: dt.date, notes: list[Problem]
) -> dict[str, object]:
    """Suites and findings after JUnit/coverage/SARIF evidence and waivers; report/evidence contradictions."""
    if not (settings.junit or settings.coverage or settings.sarif or settings.waivers):
        # nothing to merge or waive: the evidence package (and its XML readers) need not load
        listed = {f.slug: f.security.findings if f.security else () for f in features}
        return {"findings": listed, "suites": {}, "contradictions": {}}
    from rte.evidence import apply_waivers, collect_evidence, cross_check, merge_suites, unused_waivers

    evidence = None
    if settings.junit or settings.coverage or settings.sarif:
        evidence = collect_evidence(
            settings.workspace, settings.junit, settings.coverage, settings.sarif, settings.junit_levels
        )
        notes.extend(evidence.problems)
    suites, findings, contradictions = {}, {}, {}
    all_findings: list[Finding] = []
    for feature in features:
        own = feature.security.findings if feature.security else ()
        joined = apply_waivers(own + (evidence.findings if evidence else ()), settings.waivers, today)
        findings[feature.slug] = joined
        all_findings.extend(joined)
        if evidence is not None:
            suites[feature.slug] = merge_suites(feature.suites, evidence.suites, evidence.coverage)
            contradictions[feature.slug] = cross_check(
                feature.suites, evidence.suites, evidence.coverage, settings.min_coverage
            )
    for waiver in unused_waivers(all_findings, settings.waivers):
        notes.append(Problem(f"waiver `{waiver.id or waiver.title}` matches no finding", waiver.location))
    return {"findings": findings, "suites": suites, "contradictions": contradictions}


def _migration_risk(migration: Mapping[str, MigrationFacts]) -> dict[str, tuple[Factor, ...]]:
    """Each feature's risk factors from squawk: the violations rte knows a risk sentence for."""
    return {
        slug: tuple(
            Factor(f"migration: {v.risk} (squawk `{v.rule}`)", 2.0, v.location)
            for v in item.violations
            if v.risk
        )
        for slug, item in migration.items()
    }


def _review(settings: Settings, payload: Mapping[str, object], notes: list[Problem]) -> object | None:
    """The PR's reviews, only when approvals are required and there is a PR and a token."""
    number = payload.get("number") if isinstance(payload, Mapping) else None
    if settings.required_approvals <= 0 or not isinstance(number, int) or not settings.github_token:
        return None
    from rte.errors import GitHubError
    from rte.github import review_state

    try:
        return review_state(
            settings.github.repository, number, api_url=settings.github.api_url, token=settings.github_token
        )
    except GitHubError as exc:
        notes.append(Problem(f"reviews could not be read: {exc.message}"))
        return None


def run(
    settings: Settings,
    *,
    write: bool = False,
    today: dt.date | None = None,
    outputs: frozenset[str] | None = None,
) -> RunResult:
    """`outputs`: what to render (see OUTPUTS); None renders everything. `write` always renders all."""
    # 1. Select the features and read their documents.
    templates = _template_dir(settings)
    payload = read_event(settings.github.event_path) if settings.github.event_path else {}
    discovery, folders = select(settings, payload)
    read = read_features(settings, folders)
    features = read.features
    # 2. Gather the facts that need I/O, then run the gates (pure).
    day = today or dt.date.today()
    facts, notes = gather_facts(settings, features, discovery, payload, day, read.migrations)
    ctx = Context(settings=settings, today=day, facts=facts)
    evaluation = evaluate(features, ctx, errors=notes)
    # 3. Render the PR body, the release plan and the job summary: only what this command uses.
    wanted = OUTPUTS if write or outputs is None else outputs
    view = settings_view(settings, discovery.reason, facts)
    rendered = _render(templates, evaluation, view, wanted) if wanted else Rendered()
    # 4. Write the files: the plan into the feature folder, everything else into the output folder.
    files: dict[str, dict[str, str | None]] = {
        r.feature.slug: {"release_plan": None, "pr_body": None} for r in evaluation.features
    }
    result = RunResult(settings, evaluation, ctx, rendered, files, discovery, payload)
    if not write:
        return result
    from rte.runner import write_text

    out = out_dir(settings)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(
            f"cannot create the output folder `{out}`: {exc.strerror or exc}",
            tip="pass `--out-dir` naming a folder rte may create and write to",
        ) from None
    for report in evaluation.features:
        slug = report.feature.slug
        write_text(settings.workspace / report.feature.path / PLAN_NAME, rendered.plans[slug])
        body = out / f"pr-body-{slug}.md"
        write_text(body, rendered.pr_bodies[slug])
        files[slug] = {"release_plan": f"{report.feature.path}/{PLAN_NAME}", "pr_body": str(body)}
    with open(out / "report.json", "w", encoding="utf-8", newline="\n") as handle:
        result.write_report(handle)
    write_text(out / "summary.md", rendered.summary)
    return replace(result, report_file=str(out / "report.json"), summary_file=str(out / "summary.md"))


def _render(
    templates: Path | None, evaluation: Evaluation, view: dict[str, object], wanted: frozenset[str]
) -> Rendered:
    from rte import render  # jinja2 and the templates load only when something is rendered

    env = render.make_environment(templates)
    views = render.FeatureViews(view)  # one view per feature, shared by the three documents
    reports = evaluation.features
    return Rendered(
        pr_bodies={
            r.feature.slug: render.pr_body(env, r, evaluation, view, f"{r.feature.path}/{PLAN_NAME}", views)
            for r in reports
        }
        if "pr_bodies" in wanted
        else {},
        plans={r.feature.slug: render.release_plan(env, r, evaluation, view, views) for r in reports}
        if "plans" in wanted
        else {},
        summary=render.job_summary(env, evaluation, view, views=views) if "summary" in wanted else "",
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

    path = inside_workspace(settings.workspace, settings.template_dir, what="template directory")
    if not path.is_dir():
        what = "is not a directory" if path.exists() else "does not exist in the workspace"
        raise ConfigError(
            f"input `template-dir` names `{settings.template_dir}`, which {what}",
            tip="point it at the folder holding your `*.md.j2` templates, or leave it empty",
        )
    return path


def settings_view(
    settings: Settings, reason: str = "", facts: Mapping[str, object] | None = None
) -> dict[str, object]:
    """The settings a template may read: plain values only."""
    from rte.rollback import migration_facts

    gh = settings.github
    blob_base = f"{gh.server_url}/{gh.repository}/blob/{gh.sha}" if gh.repository and gh.sha else ""
    commands: dict[str, dict[str, object]] = {}
    migration = (facts or {}).get("migration")
    for slug, item in migration.items() if isinstance(migration, Mapping) else ():
        if isinstance(item, MigrationFacts) and item.split is not None:
            commands[slug] = migration_facts(item.split)
    commit_date = str((facts or {}).get("commit_date") or "")
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
        "commit_date": commit_date,
        # slug → rte.rollback.migration_facts(split): {"tool", "up", "down", "creates", "down_drops"}.
        "migration_commands": commands,
    }
