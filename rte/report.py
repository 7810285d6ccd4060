"""The run's report as data (JSON, schema rte-report/1) and as terminal text."""

from __future__ import annotations

import json
from collections.abc import Iterator

from rte.evaluate import Evaluation, FeatureReport
from rte.gates.base import Context
from rte.gates.security import open_blocking


def feature_json(report: FeatureReport, ctx: Context, outputs: dict[str, str | None]) -> dict[str, object]:
    feature = report.feature
    blocking, stated = open_blocking(feature, ctx)
    documents = {
        role: (feature.documents[role].path if role in feature.documents else None)
        for role in ("bsa", "architecture", "migration", "security", "documentation", "tests")
    }
    return {
        "slug": feature.slug,
        "path": feature.path,
        "verdict": report.verdict,
        "title": feature.title,
        "summary": feature.summary,
        "documents": documents,
        "gates": [r.to_json() for r in report.results],
        "security": {
            "score": feature.security.score if feature.security else None,
            "open_blocking": len(blocking) or stated,
            "findings": [
                {
                    "id": f.id,
                    "title": f.title,
                    "severity": f.severity.value,
                    "status": f.status.value,
                    "waived": f.waived,
                    "source": f.source,
                    "location": f.location.to_json(),
                    **(
                        {
                            "waiver": {
                                "reason": f.waiver.reason,
                                "approved_by": f.waiver.approved_by,
                                "expires": f.waiver.expires,
                                "expired": f.waiver_expired,
                            }
                        }
                        if f.waiver
                        else {}
                    ),
                }
                for f in report.findings
            ],
        },
        "tests": {
            "verdict": report.test_verdict.value,
            "suites": [
                {
                    "level": s.level.value,
                    "name": s.name,
                    "passed": s.passed,
                    "failed": s.failed,
                    "skipped": s.skipped,
                    "coverage_percent": s.coverage_percent,
                    "state": s.state.value,
                    "source": s.source,
                    "location": s.location.to_json() if s.location else None,
                }
                for s in report.suites
            ],
        },
        "risk": report.risk.to_json(),
        "problems": [p.to_json() for p in feature.problems],
        "outputs": outputs,
    }


def to_json(evaluation: Evaluation, ctx: Context, outputs: dict[str, dict[str, str | None]]) -> str:
    return "".join(json_chunks(evaluation, ctx, outputs))


def json_chunks(
    evaluation: Evaluation, ctx: Context, outputs: dict[str, dict[str, str | None]]
) -> Iterator[str]:
    """The report as `json.dumps(data, indent=2)` would write it, one feature per chunk.

    Joined, the chunks are byte for byte that text; streamed to a file, only one feature is in memory
    at a time (the whole report of 5,000 features is ~45 MB of text, ×4 in memory once an emoji is in).
    """
    head = {"schema": "rte-report/1", "verdict": evaluation.verdict, "risk_level": evaluation.risk_level}
    yield "{\n" + "".join(f"  {json.dumps(k)}: {_dumps(v)},\n" for k, v in head.items()) + '  "features": '
    for index, report in enumerate(evaluation.features):
        text = _dumps(feature_json(report, ctx, outputs.get(report.feature.slug, {})))
        yield ("[\n    " if index == 0 else ",\n    ") + text.replace("\n", "\n    ")
    yield "\n  ]" if evaluation.features else "[]"
    errors = _dumps([p.to_json() for p in evaluation.errors])
    yield ',\n  "errors": ' + errors.replace("\n", "\n  ") + "\n}\n"


def _dumps(value: object) -> str:
    # A JSON text holds no raw newline inside a string, so re-indenting by replacing "\n" is safe.
    return json.dumps(value, indent=2, ensure_ascii=False)


def to_text(evaluation: Evaluation) -> str:
    lines = []
    for report in evaluation.features:
        lines.append(f"{report.feature.slug}: {report.verdict.upper()} (risk {report.risk.level})")
        for result in report.results:
            where = f" [{result.locations[0]}]" if result.locations else ""
            flag = "" if result.blocking else " (advisory)"
            lines.append(f"  {result.status.icon} {result.id}{flag}: {result.message}{where}")
        for problem in report.feature.problems:
            lines.append(f"  ⚠️ {problem.location or ''}: {problem.message}")
    for problem in evaluation.errors:
        lines.append(f"error: {problem.location or ''}: {problem.message}")
    if not evaluation.features:
        lines.append("no feature checked")
    lines.append(f"verdict: {evaluation.verdict.upper()}")
    return "\n".join(lines) + "\n"
