"""Splitting migrations by rollback convention, and finding destructive forward statements."""

from __future__ import annotations

import pytest

from rte.migrations.lexer import split_statements
from rte.migrations.sql import Convention, down_sibling, pick_migration, split_migration

DBMATE = """-- migrate:up
CREATE TABLE invoices (id bigint PRIMARY KEY);

-- migrate:down
DROP TABLE invoices;
"""

GOOSE = """-- +goose Up
-- +goose StatementBegin
CREATE FUNCTION touch() RETURNS trigger AS $$
BEGIN NEW.updated_at = now(); RETURN NEW; END;
$$ LANGUAGE plpgsql;
-- +goose StatementEnd
CREATE TABLE tickets (id int);

-- +goose Down
DROP TABLE tickets;
DROP FUNCTION touch();
"""

SQL_MIGRATE = """
-- +migrate Up
CREATE TABLE shelves (id int);
-- +migrate Down
DROP TABLE shelves;
"""

LIQUIBASE = """--liquibase formatted sql

--changeset ana:1
CREATE TABLE parcels (id int);
--rollback DROP TABLE parcels;

--changeset ana:2
ALTER TABLE parcels ADD COLUMN weight int;
--rollback ALTER TABLE parcels DROP COLUMN weight;
"""

PSQL_IF = """\\if :{?direction}
\\else
  \\set direction up
\\endif
SELECT :'direction' = 'down' AS going_down \\gset

\\if :going_down
DROP INDEX idx_crates_size;
DROP TABLE crates;
\\else
CREATE TABLE crates (id int, size int);
CREATE INDEX idx_crates_size ON crates (size);
\\endif
"""


@pytest.mark.parametrize(
    ("text", "convention", "tool", "up_lines", "down_lines"),
    [
        (DBMATE, Convention.DBMATE, "dbmate", [2], [5]),
        (GOOSE, Convention.GOOSE, "goose", [3, 7], [10, 11]),
        (SQL_MIGRATE, Convention.SQL_MIGRATE, "sql-migrate", [3], [5]),
        (LIQUIBASE, Convention.LIQUIBASE, "liquibase", [4, 8], [9, 5]),
        (PSQL_IF, Convention.PSQL_IF, "psql", [11, 12], [8, 9]),
    ],
)
def test_each_convention_is_recognised_with_original_lines(
    text: str, convention: Convention, tool: str, up_lines: list[int], down_lines: list[int]
) -> None:
    split = split_migration("docs/features/x/03-migration.sql", text)
    assert split.convention is convention
    assert split.tool == tool
    assert [s.line for s in split.up.statements] == up_lines
    assert split.down is not None
    assert [s.line for s in split.down.statements] == down_lines
    assert split.has_rollback
    assert split.destructive == ()  # drops are all in the rollback part
    assert len(split.up.text.splitlines()) <= len(text.splitlines())


def test_goose_function_body_stays_one_statement() -> None:
    split = split_migration("m.sql", GOOSE)
    assert split.up.statements[0].text.startswith("CREATE FUNCTION touch()")
    assert split.up.statements[0].text.endswith("LANGUAGE plpgsql;")


def test_psql_up_part_has_no_meta_commands_nor_variables() -> None:
    split = split_migration("m.sql", PSQL_IF)
    assert "\\" not in split.up.text
    assert ":'direction'" not in split.up.text
    assert split.up.text.splitlines()[10] == "CREATE TABLE crates (id int, size int);"


def test_separate_down_file() -> None:
    names = ["03-migration.up.sql", "03-migration.down.sql", "01-bsa-analysis.md"]
    assert pick_migration(names) == "03-migration.up.sql"
    down = down_sibling("docs/features/x/03-migration.up.sql", names)
    assert down == "docs/features/x/03-migration.down.sql"
    split = split_migration(
        "docs/features/x/03-migration.up.sql",
        "CREATE TABLE a (id int);\n",
        down_path=down,
        down_text="\nDROP TABLE a;\n",
    )
    assert split.convention is Convention.SEPARATE_FILE
    assert split.down_file == down
    assert split.down is not None and split.down.statements[0].line == 2
    assert down_sibling("d/03-migration.sql", ["03-migration.sql", "03-migration_down.sql"]) == (
        "d/03-migration_down.sql"
    )
    assert down_sibling("d/03-migration.sql", ["03-migration.sql"]) is None


def test_no_convention_and_half_conventions() -> None:
    plain = split_migration("m.sql", "CREATE TABLE a (id int);\n")
    assert plain.convention is Convention.NONE and not plain.has_rollback
    up_only = split_migration("m.sql", "-- +goose Up\nCREATE TABLE a (id int);\n")
    assert up_only.convention is Convention.NONE and up_only.tool == "goose"
    assert "+goose down" in up_only.note
    empty_down = split_migration("m.sql", "-- migrate:up\nCREATE TABLE a (id int);\n-- migrate:down\n")
    assert empty_down.convention is Convention.DBMATE and not empty_down.has_rollback
    liquibase_gap = split_migration(
        "m.sql", "--liquibase formatted sql\n--changeset a:1\nCREATE TABLE a (i int);\n"
    )
    assert liquibase_gap.missing_rollback == (2,) and not liquibase_gap.has_rollback


FORWARD = """-- migrate:up
DROP TABLE legacy_orders;
ALTER TABLE orders
  DROP COLUMN note;
ALTER TABLE orders DROP CONSTRAINT orders_fk;
ALTER TABLE orders ALTER COLUMN total TYPE numeric(12,2);
ALTER TABLE orders ALTER COLUMN total DROP DEFAULT;
ALTER TABLE orders RENAME COLUMN qty TO quantity;
TRUNCATE audit_log;
DELETE FROM sessions;
DELETE FROM carts WHERE created_at < now() - interval '1 year';
UPDATE orders SET status = 'open';
CREATE TABLE t (id int REFERENCES x ON DELETE CASCADE ON UPDATE SET NULL, delete_flag int);
-- DROP TABLE in a comment;
SELECT 'just text';
DO $$ BEGIN EXECUTE 'DROP INDEX idx_old'; END $$;
-- migrate:down
DROP TABLE t;
"""


def test_destructive_forward_statements_with_their_lines() -> None:
    split = split_migration("m.sql", FORWARD)
    found = [(d.line, d.kind) for d in split.destructive]
    assert found == [
        (2, "drop table"),
        (3, "drop column"),
        (5, "drop constraint"),
        (6, "alter column type"),
        (8, "rename"),
        (9, "truncate"),
        (10, "delete without where"),
        (11, "delete"),
        (12, "update"),
        (16, "drop index"),
    ]
    assert [d.loses_data for d in split.destructive][:2] == [True, True]
    model = split.to_model()
    assert model.destructive[0].location.line == 2 and model.destructive[0].detail == "drop table"


def test_lexer_keeps_quotes_and_dollar_bodies_together() -> None:
    text = "INSERT INTO t VALUES ('a;b');\n\nCREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql;"
    statements = split_statements(text)
    assert [s.line for s in statements] == [1, 3]
    assert statements[1].text.endswith("LANGUAGE sql;")


def test_liquibase_block_rollback_and_psql_elif() -> None:
    text = (
        "--liquibase formatted sql\n--changeset bo:1\nCREATE TABLE bins (id int);\n"
        "/* liquibase rollback\nDROP TABLE bins;\n*/\n"
    )
    split = split_migration("m.sql", text)
    assert split.has_rollback and [s.line for s in split.down.statements] == [5]  # type: ignore[union-attr]
    assert [s.line for s in split.up.statements] == [3]
    script = (
        "\\if :{?direction}\n\\else\n\\set direction up\n\\endif\n"
        "SELECT :'direction' = 'up' AS going_up \\gset\n"
        "SELECT :'direction' = 'down' AS going_down \\gset\n"
        "\\if :going_up\nCREATE TABLE bins (id int);\n\\elif :going_down\nDROP TABLE bins;\n\\endif\n"
    )
    split = split_migration("m.sql", script)
    assert split.convention is Convention.PSQL_IF
    assert [s.line for s in split.up.statements] == [8]
    assert [s.line for s in split.down.statements] == [10]  # type: ignore[union-attr]
