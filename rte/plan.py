"""The release plan's content, derived from one feature's own documents: a plain view for the templates.

Everything here is a decision about *what* to say (which rollback options exist, which smoke tests
to run, who signs off); the templates only decide how it looks. Nothing is invented: where the docs
are silent, the view says so.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import quote

from rte.evaluate import FeatureReport
from rte.gates.base import Status
from rte.model import Location, Severity

SEVERITY_ORDER = [s for s in Severity]


def blob_link(location: Location | None, settings_view: Mapping[str, object]) -> str:
    """`path:line` as a Markdown link to the exact line when the repository and sha are known."""
    if location is None:
        return ""
    text = str(location)
    base = settings_view.get("blob_base")
    if not base:
        return _code(text)
    anchor = f"#L{location.line}" if location.line else ""
    return f"[{_code(text)}]({base}/{quote(location.file)}{anchor})"


def feature_view(report: FeatureReport, settings_view: Mapping[str, object]) -> dict[str, Any]:
    feature = report.feature

    def link(location: Location | None) -> str:
        return blob_link(location, settings_view)

    migration = feature.migration
    commands = dict(settings_view.get("migration_commands", {}).get(feature.slug, {}))  # type: ignore[attr-defined]
    if migration and not commands:
        commands = {"up": f'psql "$DATABASE_URL" -v ON_ERROR_STOP=1 -f {migration.path}', "down": ""}
    has_down = bool(migration and migration.convention != "none")
    data_loss = bool(migration and (migration.destructive or feature.declares_data_loss))
    flags = [n.name for n in feature.feature_flags]
    gates = [
        {
            "id": r.id,
            "status": r.status.value,
            "icon": r.status.icon,
            "message": r.message,
            "blocking": r.blocking,
            "links": [link(loc) for loc in r.locations[:3]],
        }
        for r in report.results
    ]
    missing_docs = {
        loc
        for r in report.results
        if r.id.startswith("docs.") and r.status is Status.FAIL
        for loc in r.locations
    }
    findings = sorted(report.findings, key=lambda f: (SEVERITY_ORDER.index(f.severity), f.location.line or 0))
    smoke = [a.name for a in feature.acceptance[:8]]
    if not smoke:
        smoke = [s.name for s in report.suites if s.level.value == "e2e" and s.name][:5]
    return {
        "slug": feature.slug,
        "title": feature.title or feature.slug,
        "path": feature.path,
        "plan_path": f"{feature.path}/07-release-plan.md",
        "summary": feature.summary,
        "summary_link": link(feature.summary_location),
        "verdict": report.verdict,
        "documents": [{"role": role, "path": doc.path} for role, doc in feature.documents.items()],
        "gates": gates,
        "failed": [g for g in gates if g["status"] == "fail" and g["blocking"]],
        "problems": [{"message": p.message, "link": link(p.location)} for p in feature.problems],
        "changes": _changes(report, commands),
        "suites": [
            {
                "level": s.level.value,
                "name": s.name,
                "passed": s.passed,
                "failed": s.failed,
                "skipped": s.skipped,
                "coverage": s.coverage_percent,
                "outcome": s.outcome,
                "state": s.state.value,
                "source": s.source,
                "link": link(s.location),
            }
            for s in report.suites
        ],
        "test_verdict": feature.test_verdict.value,
        "security": _security(report, findings, link),
        "docs": [
            {
                "kind": c.kind,
                "path": c.path,
                "found": c.location not in missing_docs,
                "link": link(c.location),
            }
            for c in feature.doc_claims
        ],
        "env_vars": [
            {"name": n.name, "detail": n.detail, "link": link(n.location)} for n in feature.env_vars
        ],
        "flags": flags,
        "metrics": [{"name": n.name, "link": link(n.location)} for n in feature.metrics],
        "alerts": [{"name": n.name, "detail": n.detail, "link": link(n.location)} for n in feature.alerts],
        "workers": [n.name for n in feature.workers],
        "services": [n.name for n in feature.services],
        "smoke_tests": smoke,
        "migration": {
            "path": migration.path,
            "convention": migration.convention,
            "tool": migration.tool,
            "up": commands.get("up", ""),
            "down": commands.get("down", ""),
            "has_down": has_down,
            "data_loss": data_loss,
        }
        if migration
        else None,
        "rollback": _rollback(flags, migration is not None, has_down, data_loss, commands),
        "breaking": [{"text": n.name, "link": link(n.location)} for n in feature.breaking_changes],
        "risk": {
            "level": report.risk.level,
            "score": report.risk.score,
            "factors": [
                {"reason": f.reason, "weight": f.weight, "link": link(f.location)}
                for f in report.risk.factors
            ],
        },
        "signoff": _signoff(report),
        "timeline": settings_view.get("timeline", {}),
    }


def _changes(report: FeatureReport, commands: Mapping[str, str]) -> list[dict[str, str]]:
    feature = report.feature
    changes = []
    if feature.migration:
        changes.append({"area": "Database", "text": f"migration {_code(feature.migration.path)}"})
    for endpoint in feature.endpoints:
        changes.append({"area": "API", "text": f"{_code(endpoint.name)}"})
    for worker in feature.workers:
        changes.append({"area": "Background jobs", "text": f"{_code(worker.name)}"})
    for service in feature.services:
        changes.append({"area": "Integrations", "text": service.name})
    for flag in feature.feature_flags:
        changes.append({"area": "Feature flag", "text": f"{_code(flag.name)}"})
    for env in feature.env_vars:
        changes.append({"area": "Configuration", "text": f"{_code(env.name)}"})
    return changes


def _security(
    report: FeatureReport, findings: list[Any], link: Callable[[Location | None], str]
) -> dict[str, Any]:
    audit = report.feature.security
    counts = Counter((f.severity.value, "waived" if f.waived else f.status.value) for f in findings)
    return {
        "present": audit is not None,
        "score": audit.score if audit else None,
        "findings": [
            {
                "id": f.id or "",
                "title": f.title,
                "severity": f.severity.value,
                "status": f.status.value,
                "waived": f.waived,
                "waiver": f.waiver,
                "expired": f.waiver_expired,
                "link": link(f.location),
                "source": f.source,
            }
            for f in findings
        ],
        "counts": [
            {"severity": sev, "status": st, "count": n}
            for (sev, st), n in sorted(
                counts.items(), key=lambda kv: (SEVERITY_ORDER.index(Severity(kv[0][0])), kv[0][1])
            )
        ],
        "stated_open": audit.stated_open_blocking if audit else 0,
    }


def _rollback(
    flags: list[str], has_migration: bool, has_down: bool, data_loss: bool, commands: Mapping[str, str]
) -> list[dict[str, Any]]:
    """Rollback options in the order to try them, only those the feature actually has."""
    options = []
    if flags:
        options.append(
            {
                "key": "flag",
                "name": "Disable the feature flag",
                "when": "the feature misbehaves",
                "steps": [f"Turn off {_code(flag)} in the flag service" for flag in flags],
                "impact": "the feature is hidden; data and code stay in place",
                "time": "minutes",
                "last_resort": False,
            }
        )
    options.append(
        {
            "key": "app",
            "name": "Roll back the application",
            "when": "an application bug",
            "steps": [
                "Redeploy the previous release (the last commit before this merge)",
                "Confirm the health checks pass on the previous version",
            ],
            "impact": "the whole change is withdrawn; the schema stays as migrated"
            if has_migration
            else "the whole change is withdrawn",
            "time": "one deploy",
            "last_resort": False,
        }
    )
    if has_down:
        options.append(
            {
                "key": "db",
                "name": "Roll back the database migration",
                "when": "the migration itself is at fault",
                "steps": [
                    "Stop the application or put it in maintenance mode",
                    "Take a backup of the affected tables",
                    f"Run the down migration: {_code(commands.get('down') or 'see the migration file')}",
                    "Deploy the previous application release",
                ],
                "impact": "data written since the migration is lost"
                if data_loss
                else "the schema returns to its previous state",
                "time": "one deploy plus the down migration",
                "last_resort": data_loss,
            }
        )
    return options


def _signoff(report: FeatureReport) -> list[str]:
    feature = report.feature
    roles = ["Engineering lead"]
    if report.findings or feature.security:
        roles.append("Security reviewer")
    if feature.migration:
        roles.append("Database owner / DBA")
    if feature.env_vars or feature.workers or feature.services:
        roles.append("Operations / on-call")
    if feature.acceptance:
        roles.append("Product owner")
    return roles


def _code(text: object) -> str:
    """An inline code span that the text cannot break out of (same rule as rte.render.code)."""
    value = " ".join(str(text).split())
    if "`" not in value:
        return f"`{value}`"
    fence = "`" * (max(len(run) for run in re.findall(r"`+", value)) + 1)
    return f"{fence} {value} {fence}"
