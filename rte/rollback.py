"""Migration facts for the plan and the rollback options a feature really has, in the order to try them.

Pure: `migration_facts` takes the split migration the edges read; `migration_view` and `options`
take values and say only what the docs and the migration support ("no down migration" when none).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from rte.mdtext import code
from rte.migrations.commands import migration_commands
from rte.migrations.destructive import find_destructive
from rte.migrations.sql import SplitMigration
from rte.model import Feature

_CREATE = re.compile(
    r"\bCREATE\s+(?:UNIQUE\s+)?(TABLE|INDEX|VIEW|MATERIALIZED\s+VIEW|TYPE|SEQUENCE|FUNCTION|SCHEMA)\s+"
    r"(?:CONCURRENTLY\s+)?(?:IF\s+NOT\s+EXISTS\s+)?([\w.\"]+)",
    re.IGNORECASE,
)
_ADD_COLUMN = re.compile(
    r"\bALTER\s+TABLE\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?([\w.\"]+)\s+ADD\s+(?:COLUMN\s+)?(?:IF\s+NOT\s+EXISTS\s+)?"
    r"([\w\"]+)",
    re.IGNORECASE,
)


def migration_facts(split: SplitMigration) -> dict[str, object]:
    """What the plan says about one migration: commands, what it creates, what its down part drops.

    The pipeline puts this into `settings_view()["migration_commands"][slug]`.
    """
    facts: dict[str, object] = dict(migration_commands(split.to_model(), changesets=split.changesets or None))
    up = split.up.text
    creates = [f"{kind.lower()} {code(name)}" for kind, name in _CREATE.findall(up)]
    creates += ["column " + code(f"{table}.{column}") for table, column in _ADD_COLUMN.findall(up)]
    facts["creates"] = creates
    down = split.down.text if split.down and split.has_rollback else ""
    facts["down_drops"] = [d.statement for d in find_destructive(down) if d.loses_data] if down else []
    if not split.has_rollback:
        facts["down"] = None
    return facts


def migration_view(feature: Feature, facts: Mapping[str, Any]) -> dict[str, Any] | None:
    migration = feature.migration
    if migration is None:
        return None
    if not facts.get("up"):  # the pipeline gave no facts: the commands follow from the model alone
        facts = {**facts, **migration_commands(migration)}
    up = facts["up"]
    down = facts.get("down")
    has_down = bool(down)
    down_drops = list(facts.get("down_drops") or [])
    forward_loss = [
        d.name
        for d in migration.destructive
        if d.detail.startswith(
            ("drop table", "drop column", "drop schema", "drop database", "truncate", "delete")
        )
    ]
    return {
        "path": migration.path,
        "down_path": migration.down_path,
        "convention": migration.convention,
        "tool": facts.get("tool") or migration.tool,
        "up": up,
        "down": down or "",
        "has_down": has_down,
        "creates": list(facts.get("creates") or []),
        "down_drops": down_drops,
        "forward_loss": forward_loss,
        "destructive": [{"statement": d.name, "kind": d.detail} for d in migration.destructive],
        # Rolling back loses data when the down part drops tables/columns, or the up part already did.
        "rollback_loses_data": bool(down_drops or forward_loss or feature.declares_data_loss),
    }


def options(flags: list[str], migration: dict[str, Any] | None, workers: list[str]) -> list[dict[str, Any]]:
    """Option 1 feature flag (if one exists), then the application, then the database (if a down exists)."""
    out: list[dict[str, Any]] = []
    if flags:
        out.append(
            {
                "key": "flag",
                "name": "Disable the feature flag",
                "when": "the new feature misbehaves but the rest of the application is healthy",
                "steps": [
                    f"Turn {code(flag)} off in production (flag service or configuration)" for flag in flags
                ]
                + ["Confirm the error rate drops and the feature's entry points are hidden"],
                "impact": "the feature is switched off; code, schema and data stay in place",
                "time": "minutes",
                "last_resort": False,
            }
        )
    app_steps = ["Redeploy the release that ran before this merge (the base commit of the pull request)"]
    app_steps += [f"Stop or drain {code(w)} so it takes no new work" for w in workers]
    app_steps += ["Confirm the health checks pass on the previous release"]
    schema_note = ""
    if migration:
        schema_note = "; the schema stays as migrated (the previous release must tolerate it)"
    out.append(
        {
            "key": "app",
            "name": "Roll back the application",
            "when": "an application bug, or no feature flag can switch the change off",
            "steps": app_steps,
            "impact": "the whole change is withdrawn" + schema_note,
            "time": "one deploy",
            "last_resort": False,
        }
    )
    if migration and migration["has_down"]:
        loses = migration["rollback_loses_data"]
        impact = "the schema returns to its previous state"
        if migration["down_drops"]:
            impact = (
                "data written since the migration is lost (the down migration runs "
                + ", ".join(f"{code(d)}" for d in migration["down_drops"][:4])
                + ")"
            )
        elif migration["forward_loss"]:
            impact = "data the forward migration destroyed does not come back; restore it from the backup"
        elif loses:
            impact = "the docs declare that this change loses data"
        out.append(
            {
                "key": "db",
                "name": "Roll back the database migration",
                "when": "the migration itself is at fault (corruption, locks, a broken schema)",
                "steps": [
                    "Roll back the application first (option above) and stop writes to the affected tables",
                    'Take a fresh backup: `pg_dump "$DATABASE_URL" --format=custom --file=pre-rollback.dump`',
                    f"Run the down migration: {code(migration['down'])}",
                    "Verify the schema and restart the previous release",
                ],
                "impact": impact,
                "time": "one deploy plus the down migration",
                "last_resort": loses,
            }
        )
    return out
