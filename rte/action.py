"""The GitHub Actions adapter: environment → Settings → pipeline → outputs, annotations, summary."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import TextIO

from rte.discover import matrix_json
from rte.errors import RteError
from rte.evaluate import Evaluation
from rte.gates.base import Status
from rte.ghmodel import PublishResult
from rte.model import Location, Severity
from rte.pipeline import RunResult, run
from rte.runner import Runner
from rte.settings import GitHubEnv, Settings, _input

MAX_SHOWN = 10  # GitHub shows 10 errors and 10 warnings per step


@dataclass(frozen=True)
class Annotation:
    level: str  # error | warning | notice
    title: str
    message: str
    location: Location | None


def collect_annotations(evaluation: Evaluation, threshold: Severity) -> list[Annotation]:
    """Most important first: blocking failures, then warnings; findings get one annotation each."""
    out: list[Annotation] = []
    for report in evaluation.features:
        slug = report.feature.slug
        for result in report.results:
            if result.status not in (Status.FAIL, Status.WARN):
                continue
            level = "error" if result.fails_run else "warning"
            if result.id == "security.findings" and result.status is Status.FAIL:
                for finding in report.findings:
                    if finding.blocks(threshold) and finding.location in result.locations:
                        out.append(
                            Annotation(
                                level,
                                f"{slug}: {result.id}",
                                f"{finding.label} ({finding.severity.value}, {finding.status.value})",
                                finding.location,
                            )
                        )
                if any(a.title == f"{slug}: {result.id}" for a in out):
                    continue
            for location in result.locations[:20] or (None,):
                out.append(Annotation(level, f"{slug}: {result.id}", result.message, location))
        for problem in report.feature.problems:
            out.append(Annotation("warning", f"{slug}: document problem", problem.message, problem.location))
    out.sort(key=lambda a: {"error": 0, "warning": 1, "notice": 2}[a.level])
    return out


def main(env: Mapping[str, str], stream: TextIO | None = None) -> int:
    runner = Runner(stream, env.get("GITHUB_OUTPUT", ""), env.get("GITHUB_STEP_SUMMARY", ""))
    runner.mask(_input(env, "github-token"))
    runner.mask(_input(env, "database-url"))
    try:
        settings = Settings.from_env(env)
        settings = replace(settings, github=_with_head_sha(settings))
        result = run(settings, write=True)
    except RteError as exc:
        runner.annotate(
            "error",
            f"{exc.message}" + (f" Tip: {exc.tip}" if exc.tip else ""),
            exc.location,
            title="rte: cannot run",
        )
        runner.summary(f"# ⚠️ rte could not run\n\n{exc}\n\n" + (f"**Tip:** {exc.tip}\n" if exc.tip else ""))
        runner.output("verdict", "error")
        return 2
    for report in result.evaluation.features:
        runner.group(f"rte: {report.feature.slug} — {report.verdict}")
        from rte.report import to_text

        runner.log(to_text(Evaluation((report,))).rstrip())
        runner.endgroup()
    if not result.evaluation.features:
        runner.annotate("notice", f"No feature checked: {result.discovery.reason}.", title="rte")
    notes = collect_annotations(result.evaluation, settings.fail_on_severity)
    shown: dict[str, int] = {}
    for note in notes:
        shown[note.level] = shown.get(note.level, 0) + 1
        runner.annotate(note.level, note.message, note.location, title=note.title)
    overflow = sum(max(n - MAX_SHOWN, 0) for n in shown.values())
    summary = result.rendered.summary
    if overflow:
        summary += (
            f"\n_GitHub shows 10 errors and 10 warnings per step: {overflow} more annotation(s) are in "
            "the log and in the tables above._\n"
        )
    try:
        published = publish_to_github(result)
    except RteError as exc:
        runner.annotate("error", exc.message + (f" Tip: {exc.tip}" if exc.tip else ""), title="rte: GitHub")
        summary += f"\n> ⚠️ **GitHub**: {exc.message}\n"
        published = None
    for notice in published.notices if published else ():
        runner.annotate("notice", notice, title="rte: GitHub")
        summary += f"\n> ℹ️ {notice}\n"
    runner.summary(summary)
    _outputs(runner, result)
    runner.output("pr-number", str(published.pr_number or "") if published else "")
    runner.output("pr-url", (published.pr_url or "") if published else "")
    runner.output("pr-operation", published.pr_operation.value if published else "none")
    for warning in runner.warnings:
        runner.log(f"rte: {warning}")
    return result.exit_code


PR_SECTION_LIMIT = 60_000  # GitHub's body limit is 65,536 characters; people's own text needs room too


def pr_section(result: RunResult) -> str:
    """rte's part of the PR body: every feature's body, or one line per feature when they do not fit."""
    reports = result.evaluation.features
    full = "\n\n".join(result.rendered.pr_bodies[r.feature.slug] for r in reports)
    if len(full) <= PR_SECTION_LIMIT:
        return full
    lines = [f"## Release gate: {result.evaluation.verdict.upper()} ({len(reports)} features)", ""]
    for report in sorted(reports, key=lambda r: r.verdict != "fail"):
        feature = report.feature
        failed = ", ".join(f"`{g.id}`" for g in report.failed) or "all gates pass"
        plan = result.files[feature.slug]["release_plan"] or f"{feature.path}/07-release-plan.md"
        line = f"- {'❌' if report.verdict == 'fail' else '✅'} `{feature.slug}` (risk {report.risk.level}): {failed}; plan `{plan}`"
        if sum(len(x) + 1 for x in lines) + len(line) > PR_SECTION_LIMIT - 200:
            lines.append(
                f"- … and {len(reports) - len(lines) + 2} more: see the job summary and the JSON report"
            )
            break
        lines.append(line)
    return "\n".join(lines) + "\n"


def publish_to_github(result: RunResult) -> PublishResult | None:
    """Update rte's part of the PR (labels, body section), open one if asked, commit the plans if asked."""
    settings = result.settings
    gh = settings.github
    on_pr = gh.event_name in ("pull_request", "pull_request_target")
    wanted = on_pr or settings.create_pr or settings.commit_release_plan
    reports = result.evaluation.features
    if not wanted or not reports or not settings.github_token or not gh.repository:
        return None
    from rte.github import PublishRequest, publish

    pr = result.payload.get("pull_request") if isinstance(result.payload.get("pull_request"), dict) else {}
    head = pr.get("head", {}) if isinstance(pr, dict) else {}
    head_repo = head.get("repo") or {} if isinstance(head, dict) else {}
    head_branch = str(head.get("ref") or gh.head_ref or gh.ref.removeprefix("refs/heads/"))
    verdict = result.evaluation.verdict
    section = pr_section(result)
    first = reports[0].feature
    outcome: PublishResult | None = None
    notices: list[str] = []
    for index, report in enumerate(reports):
        feature = report.feature
        request = PublishRequest(
            repository=gh.repository,
            event_name=gh.event_name,
            head_branch=head_branch,
            title=first.title or first.slug,
            section=section,
            feature=feature.slug,
            pr_number=int(pr["number"]) if isinstance(pr, dict) and pr.get("number") else None,
            head_repo_full_name=str(head_repo.get("full_name") or "") if isinstance(head_repo, dict) else "",
            head_repo_fork=bool(head_repo.get("fork")) if isinstance(head_repo, dict) else False,
            target_branch=settings.target_branch or None,
            labels=(f"risk:{result.evaluation.risk_level}", f"release-gate:{verdict}"),
            set_labels=settings.labels and index == 0,
            create_pr=settings.create_pr and index == 0,
            commit_plan=settings.commit_release_plan,
            plan_path=result.files[feature.slug]["release_plan"],
            plan_content=result.rendered.plans[feature.slug],
        )
        done = publish(request, api_url=gh.api_url, token=settings.github_token)
        notices.extend(n for n in done.notices if n not in notices)
        outcome = outcome or done
    assert outcome is not None
    return replace(outcome, notices=tuple(notices))


def _with_head_sha(settings: Settings) -> GitHubEnv:
    """On pull_request, GITHUB_SHA is the test merge commit: link lines at the PR head instead."""
    gh = settings.github
    if not gh.event_path or not gh.event_name.startswith("pull_request"):
        return gh
    try:
        with open(gh.event_path, encoding="utf-8") as handle:
            payload = json.load(handle)
        sha = payload["pull_request"]["head"]["sha"]
    except (OSError, ValueError, KeyError, TypeError):
        return gh
    return replace(gh, sha=str(sha)) if sha else gh


def _outputs(runner: Runner, result: RunResult) -> None:
    evaluation = result.evaluation
    slugs = [r.feature.slug for r in evaluation.features]
    failed = [
        {"feature": r.feature.slug, "gate": g.id, "message": g.message}
        for r in evaluation.features
        for g in r.failed
    ]
    first = slugs[0] if slugs else None
    runner.output("verdict", evaluation.verdict)
    runner.output("risk-level", evaluation.risk_level)
    runner.output("features", json.dumps(slugs))
    runner.output("failed-gates", json.dumps(failed))
    runner.output("pr-body", pr_section(result))
    runner.output("pr-body-file", (result.files[first]["pr_body"] or "") if first else "")
    runner.output("release-plan-file", (result.files[first]["release_plan"] or "") if first else "")
    runner.output("release-plan-files", json.dumps([result.files[s]["release_plan"] for s in slugs]))
    runner.output("report-file", result.report_file or "")
    runner.output("summary-file", result.summary_file or "")
    runner.output("matrix", matrix_json(slugs))
