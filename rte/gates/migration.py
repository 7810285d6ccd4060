"""Migration gates: a rollback path exists, the forward part is safe, and a rehearsal undoes it cleanly."""

from __future__ import annotations

from collections.abc import Mapping

from rte.gates.base import Context, GateResult, Status
from rte.migrations.results import ENABLE_HINT, MigrationFacts
from rte.migrations.sql import Convention, SplitMigration
from rte.migrations.squawk import INSTALL_HINT
from rte.model import Feature, Location

ROLLBACK, SAFETY, REHEARSAL = "migration.rollback", "migration.safety", "migration.rehearsal"
_HOW_TO_ROLL_BACK = (
    "add a rollback: a `-- migrate:down` section (dbmate), `-- +goose Down` (goose), `-- +migrate Down` "
    "(sql-migrate), `--rollback` lines (Liquibase), a sibling `*.down.sql` file, or a psql "
    "`\\if` branch taken when `direction` is `down`"
)

# Our destructive kinds and the squawk rules that report the same statement.
_SAME_AS = {
    "drop table": ("ban-drop-table",),
    "drop column": ("ban-drop-column",),
    "drop database": ("ban-drop-database",),
    "drop index": ("require-concurrent-index-deletion",),
    "truncate": ("ban-truncate-cascade",),
    "alter column type": ("changing-column-type",),
    "rename": ("renaming-column", "renaming-table"),
}


def facts_for(feature: Feature, ctx: Context) -> MigrationFacts:
    """This feature's migration facts; none collected means the feature has no migration."""
    facts = ctx.facts.get("migration")
    if isinstance(facts, Mapping):
        found = facts.get(feature.slug)
        if isinstance(found, MigrationFacts):
            return found
    return MigrationFacts()


def _migration(
    gate: str, feature: Feature, ctx: Context
) -> tuple[MigrationFacts, SplitMigration] | GateResult:
    """The feature's migration facts and split parts, or the result to give when there is nothing to judge."""
    facts = facts_for(feature, ctx)
    if facts.problem is not None:
        where = (facts.problem.location,) if facts.problem.location else ()
        return GateResult(gate, Status.FAIL, facts.problem.message, where)
    if facts.split is None:
        return GateResult(gate, Status.SKIP, "the feature has no migration", blocking=False)
    return facts, facts.split


def rollback_gate(feature: Feature, ctx: Context) -> GateResult:
    found = _migration(ROLLBACK, feature, ctx)
    if isinstance(found, GateResult):
        return found
    _facts, split = found
    if split.has_rollback:
        down = split.down.line if split.down else None
        return GateResult(
            ROLLBACK,
            Status.PASS,
            f"rolls back with the {split.convention.value} convention",
            (Location(split.down_file, down),),
        )
    if split.missing_rollback:
        lines = ", ".join(str(n) for n in split.missing_rollback)
        return GateResult(
            ROLLBACK,
            Status.FAIL,
            f"{split.path}: Liquibase changesets at line(s) {lines} have no `--rollback`; add one to each "
            "(`--rollback not required` when nothing needs undoing)",
            tuple(Location(split.path, n) for n in split.missing_rollback),
        )
    if split.convention is not Convention.NONE:
        line = split.down.line if split.down else None
        return GateResult(
            ROLLBACK,
            Status.FAIL,
            f"{split.down_file}: the {split.convention.value} rollback part is empty; write the statements "
            "that undo the forward part",
            (Location(split.down_file, line),),
        )
    why = f" ({split.note})" if split.note else ""
    return GateResult(
        ROLLBACK,
        Status.FAIL,
        f"{split.path} has no rollback path{why}: {_HOW_TO_ROLL_BACK}",
        (Location(split.path, 1),),
    )


def safety_gate(feature: Feature, ctx: Context) -> GateResult:
    found = _migration(SAFETY, feature, ctx)
    if isinstance(found, GateResult):
        return found
    facts, split = found
    blocking_rules = set(ctx.settings.migration_blocking_rules)
    blockers: list[tuple[str, Location]] = []
    warnings: list[tuple[str, Location]] = []
    for v in facts.violations:
        text = f"{v.risk or v.message} (squawk `{v.rule}`)"
        if v.rule in blocking_rules or (v.drops_data and not facts.declared_data_loss):
            blockers.append((text, v.location))
        else:
            warnings.append((text, v.location))
    named = {(v.location.line, v.rule) for v in facts.violations}
    for d in split.destructive:
        location = Location(split.path, d.line)
        if any((d.line, rule) in named for rule in _SAME_AS.get(d.kind, ())):
            continue  # squawk already named it
        text = f"{d.kind}: `{d.statement}`"
        if d.loses_data and not facts.declared_data_loss:
            blockers.append((text, location))
        else:
            warnings.append((text, location))
    declared = ""
    if facts.declared_data_loss:
        where = f" at {facts.data_loss_location}" if facts.data_loss_location else ""
        declared = f" (data loss declared in the docs{where})"
    if blockers:
        drops = any(v.drops_data for v in facts.violations) or any(d.loses_data for d in split.destructive)
        tip = (
            "; if the data loss is intended, say so in the docs"
            if drops and not facts.declared_data_loss
            else ""
        )
        return _listing(Status.FAIL, "blocking migration risk(s)" + declared + tip, blockers + warnings)
    if facts.squawk_error is not None:
        message = facts.squawk_error if facts.squawk_available else f"not checked: {facts.squawk_error}"
        if not facts.squawk_available and INSTALL_HINT not in message:
            message += f"; {INSTALL_HINT}"
        return GateResult(SAFETY, Status.SKIP, message, (Location(split.path),), blocking=False)
    if warnings:
        return _listing(Status.WARN, "migration risk(s)" + declared, warnings)
    return GateResult(
        SAFETY, Status.PASS, f"squawk found nothing risky in {split.path}", (Location(split.path),)
    )


def _listing(status: Status, title: str, items: list[tuple[str, Location]]) -> GateResult:
    body = "; ".join(f"{text} at {loc}" for text, loc in items)
    return GateResult(SAFETY, status, f"{len(items)} {title}: {body}", tuple(loc for _, loc in items))


def rehearsal_gate(feature: Feature, ctx: Context) -> GateResult:
    found = _migration(REHEARSAL, feature, ctx)
    if isinstance(found, GateResult):
        return found
    facts, split = found
    if not ctx.settings.database_url:
        return GateResult(REHEARSAL, Status.SKIP, f"not rehearsed: {ENABLE_HINT}", blocking=False)
    result = facts.rehearsal
    if result is None:
        return GateResult(
            REHEARSAL,
            Status.SKIP,
            "not rehearsed: it has no rollback to rehearse (see `migration.rollback`)",
            blocking=False,
        )
    if result.ok:
        return GateResult(REHEARSAL, Status.PASS, result.describe(), (Location(split.path),))
    where = tuple(s.location for s in result.steps if not s.ok and s.location) or (Location(split.path),)
    return GateResult(REHEARSAL, Status.FAIL, f"rehearsal on a scratch database: {result.describe()}", where)
