"""Document gates: the six documents are present, claimed docs exist, checklists are ticked."""

from __future__ import annotations

from rte.gates.base import Context, Gate, GateResult, Status
from rte.model import ROLES, Feature, Location

_NAMES = {
    "bsa": "01-bsa-analysis.md",
    "architecture": "02-architecture-design.md",
    "migration": "03-*.sql (or 03-*.md)",
    "security": "04-security-audit.md",
    "documentation": "05-documentation-summary.md",
    "tests": "06-test-report.md",
}


def present(feature: Feature, ctx: Context) -> GateResult:
    missing = [role for role in ROLES if role not in feature.documents]
    if not missing:
        return GateResult("docs.present", Status.PASS, "all six documents are present")
    names = ", ".join(f"`{_NAMES[r]}`" for r in missing)
    return GateResult(
        "docs.present", Status.FAIL, f"missing in `{feature.path}`: {names}", (Location(feature.path),)
    )


def _claimed(kind: str, label: str) -> Gate:
    """A gate for the docs of one kind the documentation summary claims: each must exist and, when the
    branch's changed files are known, be changed on it."""
    gate_id = f"docs.{kind}"

    def gate(feature: Feature, ctx: Context) -> GateResult:
        claims = [c for c in feature.doc_claims if c.kind == kind]
        if not claims:
            return GateResult(gate_id, Status.SKIP, f"the documentation summary claims no {label}")
        changed = ctx.facts.get("changed_files")
        missing = [c for c in claims if not (ctx.workspace / c.path).is_file()]
        unchanged = [c for c in claims if isinstance(changed, frozenset) and c.path not in changed]
        for bad, why in (
            (missing, "claimed but not in the workspace"),
            (unchanged, "claimed as updated but not changed on this branch"),
        ):
            if bad:
                paths = ", ".join(f"`{c.path}`" for c in bad)
                return GateResult(
                    gate_id, Status.FAIL, f"{label} {why}: {paths}", tuple(c.location for c in bad)
                )
        paths = ", ".join(f"`{c.path}`" for c in claims)
        return GateResult(gate_id, Status.PASS, f"{label} found: {paths}")

    gate.__name__ = kind
    return gate


api = _claimed("api", "API docs")
adr = _claimed("adr", "ADR")
governance = _claimed("governance", "governance docs")


def checklists(feature: Feature, ctx: Context) -> GateResult:
    open_items = [item for item in feature.checklists if not item.checked]
    if not feature.checklists:
        return GateResult("checklists", Status.SKIP, "no checklists in the documents", blocking=False)
    if not open_items:
        return GateResult(
            "checklists",
            Status.PASS,
            f"all {len(feature.checklists)} checklist items are ticked",
            blocking=False,
        )
    first = "; ".join(item.text[:60] for item in open_items[:3])
    more = f" and {len(open_items) - 3} more" if len(open_items) > 3 else ""
    return GateResult(
        "checklists",
        Status.WARN,
        f"{len(open_items)} unticked checklist item(s): {first}{more}",
        tuple(item.location for item in open_items),
        blocking=False,
    )
