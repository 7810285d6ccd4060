"""The registry: the ordered gates that run for every feature."""

from __future__ import annotations

from rte.gates import docs, git, migration, review, security, tests
from rte.gates.base import Context, Gate, GateResult, Status
from rte.model import Level

__all__ = ["GATES", "Context", "Gate", "GateResult", "Status"]

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
