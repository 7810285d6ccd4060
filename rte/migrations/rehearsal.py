"""Rehearse a migration on a scratch PostgreSQL database: up, down, up again, and compare the catalog."""

from __future__ import annotations

import re
import secrets
import time
from collections.abc import Sequence

import psycopg
from psycopg import sql
from psycopg.conninfo import make_conninfo

from rte.migrations.catalog import CatalogDiff, compare, snapshot
from rte.migrations.lexer import Statement
from rte.migrations.results import Rehearsal, Step
from rte.migrations.sql import SplitMigration
from rte.model import Location

SCRATCH_PREFIX = "rte_rehearsal_"
# Statements PostgreSQL refuses inside a transaction block, or that manage transactions themselves.
_NO_TRANSACTION = re.compile(
    r"\bCONCURRENTLY\b|^\s*(VACUUM|BEGIN|COMMIT|ROLLBACK|START\s+TRANSACTION|ALTER\s+SYSTEM)\b",
    re.IGNORECASE,
)


def rehearse(
    url: str, migration: SplitMigration, *, baseline: Sequence[Statement] = (), connect_timeout: int = 10
) -> Rehearsal:
    """Create `rte_rehearsal_<random>`, run up/down/up in it, and always drop it; touch nothing else.

    `baseline` statements (say, the schema the migration expects) run first, before the snapshot.
    """
    name = SCRATCH_PREFIX + secrets.token_hex(6)
    try:
        admin = psycopg.connect(url, autocommit=True, connect_timeout=connect_timeout)
    except psycopg.Error as exc:
        return Rehearsal(name, error=f"could not connect to `database-url`: {_first_line(exc)}")
    with admin:
        try:
            admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        except psycopg.Error as exc:
            return Rehearsal(
                name,
                error=f"could not create the scratch database {name} (the role needs CREATEDB): "
                f"{_first_line(exc)}",
            )
        try:
            steps, diff = _rehearse_in(make_conninfo(url, dbname=name), migration, baseline, connect_timeout)
        finally:
            cleanup_error = drop_scratch(admin, name)
    return Rehearsal(name, steps, diff, cleanup_error=cleanup_error)


def drop_scratch(admin: psycopg.Connection[tuple[object, ...]], name: str) -> str | None:
    """Drop one scratch database (only ever one whose name rte made); the error text if it stays."""
    if not name.startswith(SCRATCH_PREFIX):
        raise ValueError(f"refusing to drop {name!r}: not a rehearsal database")
    statement = sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name))
    try:
        admin.execute(statement + sql.SQL(" WITH (FORCE)"))
        return None
    except psycopg.errors.SyntaxError:  # PostgreSQL < 13 has no FORCE
        pass
    except psycopg.Error as exc:
        return f"could not drop the scratch database {name}: {_first_line(exc)}"
    try:
        admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", (name,))
        admin.execute(statement)
        return None
    except psycopg.Error as exc:
        return f"could not drop the scratch database {name}: {_first_line(exc)}"


def _rehearse_in(
    conninfo: str, migration: SplitMigration, baseline: Sequence[Statement], connect_timeout: int
) -> tuple[tuple[Step, ...], CatalogDiff | None]:
    down = migration.down.statements if migration.down else ()
    with psycopg.connect(conninfo, autocommit=True, connect_timeout=connect_timeout) as conn:
        if baseline:
            setup = run_step(conn, "baseline", baseline, "baseline")
            if not setup.ok:
                return (setup,), None
        before = snapshot(conn)
        up = run_step(conn, "up", migration.up.statements, migration.path)
        if not up.ok:
            return (up,), None
        back = run_step(conn, "down", down, migration.down_file)
        if not back.ok:
            return (up, back), None
        diff = compare(before, snapshot(conn))
        again = run_step(conn, "up again", migration.up.statements, migration.path)
        return (up, back, again), diff


def run_step(
    conn: psycopg.Connection[tuple[object, ...]], name: str, statements: Sequence[Statement], path: str
) -> Step:
    """Run statements in order, in one transaction unless one of them cannot run inside one."""
    started = time.perf_counter()
    done = 0
    in_transaction = not any(_NO_TRANSACTION.search(s.text) for s in statements)
    current: Statement | None = None
    try:
        if in_transaction:
            with conn.transaction():
                for current in statements:
                    conn.execute(current.text.encode())
                    done += 1
        else:
            for current in statements:
                conn.execute(current.text.encode())
                done += 1
    except psycopg.Error as exc:
        location = Location(path, current.line) if current else Location(path)
        return Step(name, False, time.perf_counter() - started, done, _first_line(exc), location)
    return Step(name, True, time.perf_counter() - started, done)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0]
