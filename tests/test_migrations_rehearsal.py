"""Rehearsals against a real PostgreSQL server: up, down, up again, and the catalog comparison."""

from __future__ import annotations

import psycopg

from rte.migrations.lexer import split_statements
from rte.migrations.rehearsal import SCRATCH_PREFIX, rehearse
from rte.migrations.sql import split_migration
from tests.pg import pg_url

__all__ = ["pg_url"]

GOOD = """-- migrate:up
CREATE TYPE order_state AS ENUM ('open', 'paid');
CREATE TABLE orders (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  status order_state NOT NULL DEFAULT 'open',
  total numeric(12, 2) CHECK (total >= 0)
);
CREATE INDEX idx_orders_status ON orders (status);
CREATE VIEW open_orders AS SELECT id FROM orders WHERE status = 'open';
CREATE FUNCTION order_count() RETURNS bigint LANGUAGE sql AS $$ SELECT count(*) FROM orders $$;

-- migrate:down
DROP FUNCTION order_count();
DROP VIEW open_orders;
DROP TABLE orders;
DROP TYPE order_state;
"""

BASELINE = "CREATE TABLE shipments (id int PRIMARY KEY, carrier text);"

FORGETS_INDEX = """-- +goose Up
CREATE INDEX idx_shipments_carrier ON shipments (carrier);
ALTER TABLE shipments ADD COLUMN weight int;

-- +goose Down
ALTER TABLE shipments DROP COLUMN weight;
"""

PSQL_IF = """\\if :{?direction}
\\else
  \\set direction up
\\endif
SELECT :'direction' = 'down' AS going_down \\gset
\\if :going_down
DROP TABLE crates;
\\else
CREATE TABLE crates (id int, size int);
\\endif
"""


def _scratch_databases(url: str) -> list[str]:
    with psycopg.connect(url) as conn:
        rows = conn.execute("SELECT datname FROM pg_database WHERE datname LIKE 'rte_rehearsal_%'").fetchall()
    return [str(r[0]) for r in rows]


def test_correct_migration_passes_and_leaves_no_scratch_database(pg_url: str) -> None:
    result = rehearse(pg_url, split_migration("docs/features/orders/03-migration.sql", GOOD))
    assert result.error is None, result.error
    assert [s.name for s in result.steps] == ["up", "down", "up again"]
    assert all(s.ok for s in result.steps), result.describe()
    assert result.ok, result.describe()
    assert result.database.startswith(SCRATCH_PREFIX)
    assert result.cleanup_error is None
    assert _scratch_databases(pg_url) == []


def test_down_that_forgets_an_index_fails_and_names_it(pg_url: str) -> None:
    migration = split_migration("docs/features/ship/03-migration.sql", FORGETS_INDEX)
    result = rehearse(pg_url, migration, baseline=split_statements(BASELINE))
    assert not result.ok
    assert [s.ok for s in result.steps] == [True, True, False]  # up again trips over the index
    assert result.diff is not None
    assert result.diff.left_behind == ("index idx_shipments_carrier",)
    assert "index idx_shipments_carrier" in result.describe()
    assert _scratch_databases(pg_url) == []


def test_failing_statement_reports_its_line_and_still_cleans_up(pg_url: str) -> None:
    text = "-- migrate:up\nCREATE TABLE a (id int);\nALTER TABLE missing ADD COLUMN x int;\n-- migrate:down\nDROP TABLE a;\n"
    result = rehearse(pg_url, split_migration("m.sql", text))
    assert not result.ok
    assert result.steps[0].name == "up" and not result.steps[0].ok
    assert result.steps[0].location is not None and result.steps[0].location.line == 3
    assert "missing" in (result.steps[0].error or "")
    assert _scratch_databases(pg_url) == []


def test_psql_if_script_runs_each_branch(pg_url: str) -> None:
    result = rehearse(pg_url, split_migration("m.sql", PSQL_IF))
    assert result.ok, result.describe()


def test_table_left_behind_is_named_once(pg_url: str) -> None:
    text = "-- migrate:up\nCREATE TABLE pallets (id int PRIMARY KEY);\nCREATE INDEX idx_p ON pallets (id);\n-- migrate:down\nSELECT 1;\n"
    result = rehearse(pg_url, split_migration("m.sql", text))
    assert result.diff is not None and result.diff.left_behind == ("table pallets",)


def test_unreachable_server_is_a_message(pg_url: str) -> None:
    result = rehearse(
        "postgresql://nobody@127.0.0.1:1/postgres", split_migration("m.sql", GOOD), connect_timeout=2
    )
    assert not result.ok
    assert result.error is not None and "database-url" in result.error
