"""The registry: the ordered gates that run for every feature."""

from __future__ import annotations

from rte.gates import docs, git, migration, review, security, tests
from rte.gates.base import Context, Gate, GateResult, Status
from rte.model import Level

__all__ = ["GATES", "Context", "Gate", "GateResult", "Status", "gates_for"]

GATES: tuple[Gate, ...] = (
    docs.present,
    tests.level_gate(Level.UNIT),
    tests.level_gate(Level.INTEGRATION),
    tests.level_gate(Level.E2E),
    tests.coverage,
    security.audit,
    security.findings,
    docs.api,
    docs.adr,
    docs.governance,
    migration.rollback_gate,
    migration.safety_gate,
    migration.rehearsal_gate,
    git.conflicts,
    review.approved,
    docs.checklists,
)

_ALWAYS = (Level.UNIT, Level.INTEGRATION, Level.E2E)


def gates_for(required_tests: tuple[Level, ...]) -> tuple[Gate, ...]:
    """GATES, plus a `tests.<level>` gate after `tests.e2e` for each other required level (security…)."""
    extra = tuple(tests.level_gate(level) for level in required_tests if level not in _ALWAYS)
    at = GATES.index(tests.coverage)
    return GATES[:at] + extra + GATES[at:] if extra else GATES
