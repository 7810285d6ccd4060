"""Migration gates over real workspaces: squawk run for real, rehearsals on a real PostgreSQL server."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import psycopg
import pytest

from rte.docs import load_feature
from rte.docs.design import declares_data_loss
from rte.gates.base import Context, Status
from rte.gates.migration import rehearsal_gate, rollback_gate, safety_gate
from rte.migrations.commands import migration_commands
from rte.migrations.facts import collect_migration_facts
from rte.migrations.results import MigrationFacts
from rte.migrations.sql import split_migration
from rte.migrations.squawk import INSTALL_HINT, find_squawk, run_squawk
from rte.model import Feature, Migration
from rte.settings import Settings
from tests.pg import pg_url

__all__ = ["pg_url"]

REQUIRED_FIELD = """-- migrate:up
-- orders already exists in production

ALTER TABLE orders ADD COLUMN region text NOT NULL;

-- migrate:down
ALTER TABLE orders DROP COLUMN region;
"""

CONVENTIONS = {
    "dbmate": "-- migrate:up\nCREATE TABLE a (id int);\n-- migrate:down\nDROP TABLE a;\n",
    "goose": "-- +goose Up\nCREATE TABLE a (id int);\n-- +goose Down\nDROP TABLE a;\n",
    "sql-migrate": "-- +migrate Up\nCREATE TABLE a (id int);\n-- +migrate Down\nDROP TABLE a;\n",
    "liquibase": "--liquibase formatted sql\n--changeset me:1\nCREATE TABLE a (id int);\n--rollback DROP TABLE a;\n",
    "psql-if": (
        "SELECT :'direction' = 'down' AS rolling_back \\gset\n\\if :rolling_back\nDROP TABLE a;\n"
        "\\else\nCREATE TABLE a (id int);\n\\endif\n"
    ),
}


def _feature(
    root: Path, slug: str, sql: str, *, docs: dict[str, str] | None = None, name: str = "03-migration.sql"
) -> Feature:
    folder = root / "docs" / "features" / slug
    folder.mkdir(parents=True)
    (folder / name).write_text(sql, encoding="utf-8")
    for doc_name, text in (docs or {}).items():
        (folder / doc_name).write_text(text, encoding="utf-8")
    return load_feature(root, folder)  # the reader finds the docs' facts, as in a run


def _context(root: Path, features: list[Feature], **settings: object) -> Context:
    config = Settings(workspace=root, **settings)  # type: ignore[arg-type]
    return Context(config, date(2026, 1, 1), {"migration": collect_migration_facts(features, config)})


def test_squawk_reports_required_field_at_its_original_line() -> None:
    split = split_migration("docs/features/x/03-migration.sql", REQUIRED_FIELD)
    other = split_migration("docs/features/y/03-migration.sql", "CREATE INDEX idx_y ON y (v);\n")
    run = run_squawk([(split.path, split.up.text), (other.path, other.up.text)])
    assert run.error is None, run.error
    rules = [(v.rule, v.location.line) for v in run.violations[split.path]]
    assert ("adding-required-field", 4) in rules
    assert all(v.location.file == split.path for v in run.violations[split.path])
    # the DROP COLUMN of the down part is never linted
    assert not any(v.rule == "ban-drop-column" for v in run.violations[split.path])
    assert [(v.rule, v.location.line) for v in run.violations[other.path]] == [
        ("require-concurrent-index-creation", 1)
    ]
    assert find_squawk() is not None


def test_missing_squawk_is_a_skip_that_says_how_to_install(tmp_path: Path) -> None:
    run = run_squawk([("m.sql", "SELECT 1;")], binary=str(tmp_path / "no-squawk"))
    assert not run.available and INSTALL_HINT in (run.error or "")
    split = split_migration("m.sql", CONVENTIONS["dbmate"])
    facts = MigrationFacts(split=split, squawk_error=run.error, squawk_available=False)
    feature = Feature(slug="f", path="docs/features/f")
    ctx = Context(Settings(workspace=tmp_path), date(2026, 1, 1), {"migration": {"f": facts}})
    result = safety_gate(feature, ctx)
    assert result.status is Status.SKIP and "pip install squawk-cli" in result.message


@pytest.mark.parametrize("convention", sorted(CONVENTIONS))
def test_rollback_gate_passes_for_each_convention(tmp_path: Path, convention: str) -> None:
    feature = _feature(tmp_path, "f", CONVENTIONS[convention])
    result = rollback_gate(feature, _context(tmp_path, [feature]))
    assert result.status is Status.PASS, result.message
    assert convention in result.message


def test_rollback_gate_with_sibling_down_file(tmp_path: Path) -> None:
    feature = _feature(tmp_path, "f", "CREATE TABLE a (id int);\n", name="03-migration.up.sql")
    (tmp_path / "docs/features/f/03-migration.down.sql").write_text("DROP TABLE a;\n")
    result = rollback_gate(feature, _context(tmp_path, [feature]))
    assert result.status is Status.PASS and "separate-file" in result.message
    assert result.locations[0].file == "docs/features/f/03-migration.down.sql"


def test_rollback_gate_fails_without_rollback_and_skips_without_migration(tmp_path: Path) -> None:
    feature = _feature(tmp_path, "f", "CREATE TABLE a (id int);\n")
    bare = Feature(slug="g", path="docs/features/g")
    (tmp_path / "docs/features/g").mkdir(parents=True)
    ctx = _context(tmp_path, [feature, bare])
    result = rollback_gate(feature, ctx)
    assert result.status is Status.FAIL and result.fails_run
    assert result.locations[0].file == "docs/features/f/03-migration.sql"
    assert "no rollback path" in result.message
    assert rollback_gate(bare, ctx).status is Status.SKIP
    assert safety_gate(bare, ctx).status is Status.SKIP
    assert rehearsal_gate(bare, ctx).status is Status.SKIP


DROPPING = "-- migrate:up\nDROP TABLE legacy_carts;\n-- migrate:down\nCREATE TABLE legacy_carts (id int);\n"


def test_safety_blocks_undeclared_drop_and_warns_once_declared(tmp_path: Path) -> None:
    quiet = _feature(tmp_path, "quiet", DROPPING, docs={"01-bsa-analysis.md": "# Carts\n\nNo data loss.\n"})
    said = _feature(
        tmp_path,
        "said",
        DROPPING,
        docs={"01-bsa-analysis.md": "# Carts\n\nAccepted data loss: old carts go.\n"},
    )
    ctx = _context(tmp_path, [quiet, said])
    blocked = safety_gate(quiet, ctx)
    assert blocked.status is Status.FAIL
    assert "drops a table" in blocked.message and "docs/features/quiet/03-migration.sql:2" in blocked.message
    declared = safety_gate(said, ctx)
    assert declared.status is Status.WARN, declared.message
    assert "01-bsa-analysis.md:3" in declared.message


def test_blocking_rules_input_makes_a_warning_block(tmp_path: Path) -> None:
    feature = _feature(tmp_path, "f", REQUIRED_FIELD)
    assert safety_gate(feature, _context(tmp_path, [feature])).status is Status.WARN
    strict = _context(tmp_path, [feature], migration_blocking_rules=("adding-required-field",))
    result = safety_gate(feature, strict)
    assert result.status is Status.FAIL
    assert any(loc.line == 4 for loc in result.locations)


def test_rehearsal_gate_skips_without_database_url(tmp_path: Path) -> None:
    feature = _feature(tmp_path, "f", CONVENTIONS["dbmate"])
    result = rehearsal_gate(feature, _context(tmp_path, [feature]))
    assert result.status is Status.SKIP and "`database-url`" in result.message


def test_rehearsal_gate_against_postgres(tmp_path: Path, pg_url: str) -> None:
    good = _feature(tmp_path, "good", CONVENTIONS["goose"])
    leaky = _feature(
        tmp_path, "leaky", "-- migrate:up\nCREATE SEQUENCE invoice_numbers;\n-- migrate:down\nSELECT 1;\n"
    )
    ctx = _context(tmp_path, [good, leaky], database_url=pg_url)
    assert rehearsal_gate(good, ctx).status is Status.PASS
    failed = rehearsal_gate(leaky, ctx)
    assert failed.status is Status.FAIL and "sequence invoice_numbers" in failed.message
    with psycopg.connect(pg_url) as conn:
        left = conn.execute(
            "SELECT count(*) FROM pg_database WHERE datname LIKE 'rte_rehearsal_%'"
        ).fetchone()
    assert left == (0,)


def test_data_loss_phrases() -> None:
    assert declares_data_loss("Risk: data loss accepted by the owner", "a.md") is not None
    assert declares_data_loss("The change is irreversible.", "a.md") is not None
    assert declares_data_loss("There is no data loss.", "a.md") is None
    assert declares_data_loss("data_loss: false", "a.md") is None


def test_migration_commands_name_the_real_files() -> None:
    path = "docs/features/f/03-migration.sql"
    assert migration_commands(Migration(path, "dbmate", tool="dbmate")) == {
        "tool": "dbmate",
        "up": "dbmate --migrations-dir docs/features/f up",
        "down": "dbmate --migrations-dir docs/features/f rollback",
    }
    goose = migration_commands(Migration(path, "goose", tool="goose"))
    assert goose["up"] == 'goose -dir docs/features/f postgres "$DATABASE_URL" up'
    psql = migration_commands(Migration(path, "psql-if", tool="psql"))
    assert psql["down"] == f'psql "$DATABASE_URL" -v ON_ERROR_STOP=1 -v direction=down -f {path}'
    separate = migration_commands(Migration(path, "separate-file", "docs/features/f/03-migration.down.sql"))
    assert separate["down"] is not None and separate["down"].endswith(
        "-f docs/features/f/03-migration.down.sql"
    )
    liquibase = migration_commands(Migration(path, "liquibase", tool="liquibase"), changesets=3)
    assert liquibase["down"] is not None and "rollback-count --count=3" in liquibase["down"]
    assert migration_commands(Migration(path))["down"] is None


def test_front_matter_data_loss_is_authoritative(tmp_path: Path) -> None:
    said = _feature(
        tmp_path, "said", DROPPING, docs={"02-architecture-design.md": "---\ndata-loss: true\n---\n# Carts\n"}
    )
    denied = _feature(
        tmp_path,
        "denied",
        DROPPING,
        docs={
            "02-architecture-design.md": "---\ndata-loss: false\n---\n# Carts\n\nThe drop is irreversible.\n"
        },
    )
    assert said.data_loss is not None and said.data_loss.line == 2
    assert denied.data_loss is None
    ctx = _context(tmp_path, [said, denied])
    assert safety_gate(said, ctx).status is Status.WARN
    assert safety_gate(denied, ctx).status is Status.FAIL


def test_no_data_loss_wording_is_not_a_declaration(tmp_path: Path) -> None:
    feature = _feature(
        tmp_path, "calm", DROPPING, docs={"01-bsa-analysis.md": "# Carts\n\n- There is no data loss.\n"}
    )
    assert not feature.declares_data_loss
