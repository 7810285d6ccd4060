"""The review gate family: enough approvals and no open change requests on the pull request."""

from __future__ import annotations

from rte.gates.base import Context, GateResult, Status
from rte.model import Feature


def _names(logins: tuple[str, ...]) -> str:
    return ", ".join(f"@{login}" for login in logins)


def approved(feature: Feature, ctx: Context) -> GateResult:
    """`review.approved`: the PR has `required-approvals` approvals and nobody's latest review requests changes."""
    gate = "review.approved"
    required = ctx.settings.required_approvals
    if required <= 0:
        return GateResult(gate, Status.SKIP, "no approvals required (`required-approvals` is 0)")
    from rte.ghmodel import ReviewState  # the GitHub model loads only when approvals are required

    state = ctx.facts.get("review")
    if not isinstance(state, ReviewState):
        return GateResult(
            gate,
            Status.SKIP,
            f"no pull request for this run, so the {required} required approval(s) could not be checked",
        )
    got = len(state.approved_by)
    approvers = f" (approved by {_names(state.approved_by)})" if state.approved_by else ""
    if state.changes_requested_by:
        return GateResult(
            gate,
            Status.FAIL,
            f"changes requested by {_names(state.changes_requested_by)} on "
            f"#{state.pr_number}; {got} of {required} approval(s){approvers}",
        )
    if got < required:
        return GateResult(
            gate, Status.FAIL, f"#{state.pr_number} has {got} of {required} required approval(s){approvers}"
        )
    return GateResult(
        gate, Status.PASS, f"#{state.pr_number} has {got} of {required} required approval(s){approvers}"
    )
