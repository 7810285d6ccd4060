"""Security gates: the audit is there and complete; no open finding at or above the blocking severity."""

from __future__ import annotations

from rte.gates.base import Context, GateResult, Status
from rte.model import Feature, Finding, Location, SecurityAudit


def audit(feature: Feature, ctx: Context) -> GateResult:
    doc = feature.doc_path("security")
    if doc is None or feature.security is None:
        return GateResult(
            "security.audit",
            Status.FAIL,
            "there is no security audit (`04-security-audit.md`)",
            (Location(feature.path),),
        )
    if feature.security.complete is False:
        return GateResult(
            "security.audit", Status.FAIL, "the security audit is marked as not complete", (Location(doc),)
        )
    score = f" (score {feature.security.score})" if feature.security.score else ""
    return GateResult("security.audit", Status.PASS, f"security audit complete{score}", (Location(doc),))


def findings_of(feature: Feature, ctx: Context) -> tuple[Finding, ...]:
    """The feature's findings after waivers and with SARIF findings of the run joined in."""
    joined = ctx.facts.get("findings", {})
    if isinstance(joined, dict) and feature.slug in joined:
        return joined[feature.slug]  # type: ignore[no-any-return]
    return feature.security.findings if feature.security else ()


def open_blocking(feature: Feature, ctx: Context) -> tuple[list[Finding], int]:
    threshold = ctx.settings.fail_on_severity
    blocking = [f for f in findings_of(feature, ctx) if f.blocks(threshold)]
    audit_: SecurityAudit | None = feature.security
    stated = audit_.stated_open_blocking if audit_ and not blocking else 0
    return blocking, stated


def findings(feature: Feature, ctx: Context) -> GateResult:
    threshold = ctx.settings.fail_on_severity.value
    blocking, stated = open_blocking(feature, ctx)
    all_findings = findings_of(feature, ctx)
    if blocking:
        names = "; ".join(f"{f.label} ({f.severity.value}, {f.status.value})" for f in blocking[:5])
        more = f" and {len(blocking) - 5} more" if len(blocking) > 5 else ""
        expired = [f for f in blocking if f.waiver_expired and f.waiver]
        note = "".join(f" Waiver for {f.label} expired on {f.waiver.expires}." for f in expired if f.waiver)
        return GateResult(
            "security.findings",
            Status.FAIL,
            f"{len(blocking)} open finding(s) at or above {threshold}: {names}{more}.{note}",
            tuple(f.location for f in blocking),
        )
    if stated and feature.security:
        where = feature.security.stated_open_location
        return GateResult(
            "security.findings",
            Status.FAIL,
            f"the audit states {stated} open high/critical issue(s) without listing them",
            (where,) if where else (),
        )
    waived = [f for f in all_findings if f.waived]
    note = f"; {len(waived)} waived" if waived else ""
    return GateResult(
        "security.findings",
        Status.PASS,
        f"no open finding at or above {threshold} ({len(all_findings)} finding(s) in all{note})",
    )
