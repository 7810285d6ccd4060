"""The real shell commands that apply and roll back a migration, for the release plan (pure)."""

from __future__ import annotations

import shlex
from pathlib import PurePosixPath

from rte.model import Migration

PSQL = 'psql "$DATABASE_URL" -v ON_ERROR_STOP=1'


def migration_commands(migration: Migration, *, changesets: int | None = None) -> dict[str, str | None]:
    """`{"tool", "up", "down"}` for the plan; `down` is None when there is no way back.

    `changesets` (Liquibase only) is how many changesets the file holds, for `rollback-count`.
    """
    path = shlex.quote(migration.path)
    folder = shlex.quote(PurePosixPath(migration.path).parent.as_posix())
    convention, tool = migration.convention, migration.tool
    has_down = convention != "none"
    if tool == "dbmate":
        base = f"dbmate --migrations-dir {folder}"
        return _commands(tool, f"{base} up", f"{base} rollback", has_down)
    if tool == "goose":
        base = f'goose -dir {folder} postgres "$DATABASE_URL"'
        return _commands(tool, f"{base} up", f"{base} down", has_down)
    if tool == "sql-migrate":
        # sql-migrate reads its migrations folder from dbconfig.yml (`dir:` set to the folder below).
        base = "sql-migrate {} -config=dbconfig.yml -env=production"
        return _commands(
            tool, base.format("up") + f"  # dir: {folder}", base.format("down") + " -limit=1", has_down
        )
    if tool == "liquibase":
        base = f'liquibase --changelog-file={path} --url="$LIQUIBASE_COMMAND_URL"'
        count = changesets if changesets else 1
        return _commands(tool, f"{base} update", f"{base} rollback-count --count={count}", has_down)
    if convention == "psql-if":
        return _commands(
            "psql", f"{PSQL} -v direction=up -f {path}", f"{PSQL} -v direction=down -f {path}", True
        )
    if convention == "separate-file" and migration.down_path:
        return _commands("psql", f"{PSQL} -f {path}", f"{PSQL} -f {shlex.quote(migration.down_path)}", True)
    return _commands("psql", f"{PSQL} -f {path}", None, False)


def _commands(tool: str, up: str, down: str | None, has_down: bool) -> dict[str, str | None]:
    return {"tool": tool, "up": up, "down": down if has_down else None}
