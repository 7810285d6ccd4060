"""The GitHub Actions adapter: environment → Settings → pipeline → outputs, annotations, summary."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import TextIO

from rte.errors import RteError
from rte.evaluate import Evaluation
from rte.gates.base import Status
from rte.model import Location, Severity
from rte.runner import Runner
from rte.settings import Settings, _input

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
    try:
        settings = Settings.from_env(env)
        settings = replace(settings, github=_with_head_sha(settings))
        from rte.pipeline import run

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
    runner.summary(summary)
    _outputs(runner, result)
    for warning in runner.warnings:
        runner.log(f"rte: {warning}")
    return result.exit_code


def _with_head_sha(settings: Settings):  # type: ignore[no-untyped-def]
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


def _outputs(runner: Runner, result) -> None:  # type: ignore[no-untyped-def]
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
    runner.output("pr-body", "\n\n".join(result.rendered.pr_bodies[s] for s in slugs))
    runner.output("pr-body-file", (result.files[first]["pr_body"] or "") if first else "")
    runner.output("release-plan-file", (result.files[first]["release_plan"] or "") if first else "")
    runner.output("release-plan-files", json.dumps([result.files[s]["release_plan"] for s in slugs]))
    runner.output("report-file", result.report_file or "")
    runner.output("summary-file", result.summary_file or "")
