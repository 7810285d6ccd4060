"""squawk as rte runs it: one process for many files, lines of the original files, transactions assumed."""

from __future__ import annotations

from rte.migrations.squawk import run_squawk


def rules(run, path):  # type: ignore[no-untyped-def]
    return {(v.rule, v.location.line) for v in run.violations.get(path, ())}


def test_index_on_a_table_created_in_the_same_file_needs_no_concurrently():
    new_table = (
        "CREATE TABLE notes (id bigint PRIMARY KEY, body text);\nCREATE INDEX notes_body ON notes (body);\n"
    )
    existing = (
        "\n\nCREATE INDEX orders_state ON orders (state);\nALTER TABLE orders ADD COLUMN v bigint NOT NULL;\n"
    )
    run = run_squawk([("a/03-new.sql", new_table), ("b/03-old.sql", existing)])
    assert run.error is None
    assert not any(rule == "require-concurrent-index-creation" for rule, _ in rules(run, "a/03-new.sql"))
    old = rules(run, "b/03-old.sql")
    assert ("require-concurrent-index-creation", 3) in old
    assert ("adding-required-field", 4) in old
