"""The rehearsal through the command line on the example repository, against a real PostgreSQL."""

from __future__ import annotations

import json

import psycopg

from rte.cli import main
from tests.pg import pg_url

__all__ = ["pg_url"]


def _gate(capsys, *args: str) -> dict:  # type: ignore[no-untyped-def]
    main(["check", "--format", "json", "--feature", "bulk-export", *args])
    report = json.loads(capsys.readouterr().out)
    return next(g for g in report["features"][0]["gates"] if g["id"] == "migration.rehearsal")


def test_rehearsal_builds_on_the_baseline_schema(example_ws, pg_url, capsys):
    ws = str(example_ws)
    without = _gate(capsys, "--workspace", ws, "--database-url", pg_url)
    assert without["status"] == "fail" and "orders" in without["message"]

    with_baseline = _gate(
        capsys, "--workspace", ws, "--database-url", pg_url, "--rehearsal-baseline", "db/schema.sql"
    )
    assert with_baseline["status"] == "pass", with_baseline["message"]
    with psycopg.connect(pg_url) as conn:
        left = conn.execute(
            "SELECT count(*) FROM pg_database WHERE datname LIKE 'rte_rehearsal_%'"
        ).fetchone()
    assert left == (0,)


def test_baseline_pattern_matching_nothing_is_a_usage_error(example_ws, pg_url, capsys):
    code = main(
        [
            "check",
            "--workspace",
            str(example_ws),
            "--feature",
            "bulk-export",
            "--database-url",
            pg_url,
            "--rehearsal-baseline",
            "db/nothing-*.sql",
        ]
    )
    assert code == 2
    assert "matches no file" in capsys.readouterr().err
