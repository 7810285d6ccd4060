"""The release plan's content, derived from one feature's own documents: a plain view for the templates.

Everything here is a decision about *what* to say (which rollback options exist, which smoke tests
to run, who signs off); the templates only decide how it looks. Nothing is invented: where the docs
are silent, the view says so. The view holds only plain values (str, int, float, bool, list, dict),
so a sandboxed user template can reach nothing else.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import quote

from rte import alerts, rollback
from rte.evaluate import FeatureReport
from rte.gates.base import Status
from rte.mdtext import code
from rte.model import Finding, Location, Severity
from rte.timeline import build_timeline

SEVERITY_ORDER = list(Severity)


def blob_link(location: Location | None, settings_view: Mapping[str, object]) -> str:
    """`path:line` as a Markdown link to the exact line when the repository and sha are known."""
    if location is None:
        return ""
    text = str(location)
    base = settings_view.get("blob_base")
    if not base:
        return code(text)
    anchor = f"#L{location.line}" if location.line else ""
    return f"[{code(text)}]({base}/{quote(location.file)}{anchor})"


def feature_view(report: FeatureReport, settings_view: Mapping[str, object]) -> dict[str, Any]:
    feature = report.feature

    def link(location: Location | None) -> str:
        return blob_link(location, settings_view)

    all_facts = settings_view.get("migration_commands") or {}
    facts = dict(all_facts.get(feature.slug) or {}) if isinstance(all_facts, Mapping) else {}
    migration = rollback.migration_view(feature, facts)
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
    findings = sorted(report.findings, key=lambda f: (SEVERITY_ORDER.index(f.severity), f.location.line or 0))
    smoke = [{"text": a.name, "link": link(a.location)} for a in feature.acceptance[:10]]
    smoke_source = "the BSA's acceptance criteria" if smoke else ""
    if not smoke:
        smoke = [
            {"text": f"E2E: {s.name}", "link": link(s.location)}
            for s in report.suites
            if s.level.value == "e2e" and s.name
        ][:5]
        smoke_source = "the E2E suites of the test report" if smoke else ""
    alert_rows = alerts.alert_rows(feature.alerts)
    for row in alert_rows:
        row["link"] = link(row.pop("location"))
    timeline = build_timeline(settings_view)
    return {
        "slug": feature.slug,
        "title": feature.title or feature.slug,
        "path": feature.path,
        "plan_path": f"{feature.path}/07-release-plan.md",
        "summary": feature.summary,
        "summary_link": link(feature.summary_location),
        "verdict": report.verdict,
        "documents": [
            {"role": role, "path": doc.path, "link": link(Location(doc.path))}
            for role, doc in sorted(feature.documents.items())
        ],
        "gates": gates,
        "failed": [g for g in gates if g["status"] == "fail" and g["blocking"]],
        "warnings": [g for g in gates if g["status"] == "warn"],
        "problems": [{"message": p.message, "link": link(p.location)} for p in feature.problems],
        "changes": _changes(report, migration, link),
        "suites": [_suite(s, link) for s in report.suites],
        "test_verdict": report.test_verdict.value,
        "security": _security(report, findings, link),
        "docs": _docs(report, link),
        "env_vars": [
            {"name": n.name, "detail": n.detail, "link": link(n.location)} for n in feature.env_vars
        ],
        "flags": [{"name": n.name, "link": link(n.location)} for n in feature.feature_flags],
        "metrics": [{"name": n.name, "link": link(n.location)} for n in feature.metrics],
        "alerts": alert_rows,
        "alert_rules": alerts.rules_yaml(f"rte-{feature.slug}", alert_rows) if alert_rows else "",
        "panels": alerts.panels(feature.metrics, alert_rows),
        "workers": [{"name": n.name, "link": link(n.location)} for n in feature.workers],
        "services": [{"name": n.name, "link": link(n.location)} for n in feature.services],
        "endpoints": [{"name": n.name, "link": link(n.location)} for n in feature.endpoints],
        "smoke_tests": smoke,
        "smoke_source": smoke_source,
        "migration": migration,
        "rollback": rollback.options(flags, migration, [n.name for n in feature.workers]),
        "breaking": [{"text": n.name, "link": link(n.location)} for n in feature.breaking_changes],
        "risk": {
            "level": report.risk.level,
            "score": report.risk.score,
            "thresholds": [{"level": name, "from": floor} for name, floor in report.risk.thresholds],
            "factors": [
                {"reason": f.reason, "weight": f.weight, "link": link(f.location)}
                for f in report.risk.factors
            ],
            "mitigations": _mitigations(report, migration, alert_rows, smoke),
        },
        "signoff": _signoff(report),
        "followups": _followups(report, findings),
        "timeline": timeline,
        "target_branch": str(settings_view.get("target_branch") or ""),
    }


def _suite(s: Any, link: Callable[[Location | None], str]) -> dict[str, Any]:
    return {
        "level": s.level.value,
        "name": s.name,
        "passed": s.passed,
        "failed": s.failed,
        "skipped": s.skipped,
        "coverage": s.coverage_percent,
        "outcome": s.outcome,
        "state": s.state.value,
        "source": s.source,
        "failing": list(s.failing),
        "link": link(s.location),
    }


def _changes(
    report: FeatureReport, migration: dict[str, Any] | None, link: Callable[[Location | None], str]
) -> list[dict[str, str]]:
    feature = report.feature
    changes = []
    if migration:
        created = ", ".join(migration["creates"][:6])
        text = f"migration {code(migration['path'])}" + (f": creates {created}" if created else "")
        if migration["destructive"]:
            text += f"; {len(migration['destructive'])} destructive statement(s)"
        changes.append({"area": "Database", "text": text, "link": link(Location(migration["path"]))})
    groups = (
        ("API", feature.endpoints),
        ("Background jobs", feature.workers),
        ("Integrations", feature.services),
        ("Feature flag", feature.feature_flags),
        ("Configuration", feature.env_vars),
    )
    for area, items in groups:
        for item in items:
            text = item.name if area == "Integrations" else f"{code(item.name)}"
            changes.append({"area": area, "text": text, "link": link(item.location)})
    return changes


def _security(
    report: FeatureReport, findings: list[Finding], link: Callable[[Location | None], str]
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
                "open": f.status.is_open and not f.waived,
                "waived": f.waived,
                "waiver": {
                    "approved_by": f.waiver.approved_by,
                    "expires": f.waiver.expires,
                    "reason": f.waiver.reason,
                }
                if f.waiver
                else None,
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


def _docs(report: FeatureReport, link: Callable[[Location | None], str]) -> list[dict[str, Any]]:
    missing = {
        loc
        for r in report.results
        if r.id.startswith("docs.") and r.status is Status.FAIL
        for loc in r.locations
    }
    return [
        {"kind": c.kind, "path": c.path, "found": c.location not in missing, "link": link(c.location)}
        for c in report.feature.doc_claims
    ]


def _mitigations(
    report: FeatureReport,
    migration: dict[str, Any] | None,
    alert_rows: list[dict[str, Any]],
    smoke: list[Any],
) -> list[str]:
    feature = report.feature
    out = []
    for flag in feature.feature_flags:
        out.append(f"feature flag {code(flag.name)} switches the change off without a deploy")
    if migration and migration["has_down"]:
        out.append("a down migration exists (`" + migration["down"] + "`)")
    if alert_rows:
        out.append(f"{len(alert_rows)} alert(s) named in the docs watch the release")
    if smoke:
        out.append(f"{len(smoke)} smoke test(s) on staging and after the production deploy")
    if report.test_verdict.value == "pass":
        out.append("every test suite in the test report passes")
    return out


def _signoff(report: FeatureReport) -> list[str]:
    feature = report.feature
    roles = ["Engineering lead"]
    if report.findings or feature.security:
        roles.append("Security reviewer")
    if feature.migration:
        roles.append("Database owner / DBA")
    if feature.env_vars or feature.workers or feature.services or feature.alerts:
        roles.append("Operations / on-call")
    if feature.acceptance:
        roles.append("Product owner (user-facing change)")
    return roles


def _followups(report: FeatureReport, findings: list[Finding]) -> list[str]:
    """Post-deployment tasks that follow from the docs: open findings, waivers, flags, missing docs."""
    out = []
    for f in findings:
        if f.waived and f.waiver:
            out.append(f"Fix waived finding {f.label} before the waiver expires on {f.waiver.expires}")
        elif f.status.is_open:
            out.append(f"Fix open {f.severity.value} finding {f.label}")
    for flag in report.feature.feature_flags:
        out.append(f"Remove the feature flag {code(flag.name)} once the feature is stable")
    return out
