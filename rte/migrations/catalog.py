"""Snapshot a database's schema objects (outside the system schemas) and compare two snapshots."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import psycopg

_USER_SCHEMA = (
    "{n}.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') "
    "AND {n}.nspname NOT LIKE 'pg_temp_%' AND {n}.nspname NOT LIKE 'pg_toast_temp_%'"
)


def _where(alias: str) -> str:
    return _USER_SCHEMA.format(n=alias)


# Each query yields (kind, name, definition); names of objects in `public` drop the schema prefix.
QUERIES: tuple[str, ...] = (
    f"SELECT 'schema', n.nspname, '' FROM pg_namespace n WHERE {_where('n')}",
    (
        "SELECT CASE c.relkind WHEN 'r' THEN 'table' WHEN 'p' THEN 'table' WHEN 'v' THEN 'view' "
        "WHEN 'm' THEN 'materialized view' WHEN 'S' THEN 'sequence' WHEN 'f' THEN 'foreign table' END, "
        "n.nspname || '.' || c.relname, '' FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        f"WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND {_where('n')}"
    ),
    (
        "SELECT 'column', n.nspname || '.' || c.relname || '.' || a.attname, "
        "format_type(a.atttypid, a.atttypmod) || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END "
        "|| COALESCE(' default ' || pg_get_expr(d.adbin, d.adrelid), '') "
        "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
        "LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
        f"WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND {_where('n')}"
    ),
    (
        "SELECT 'index', n.nspname || '.' || c.relname, pg_get_indexdef(c.oid) FROM pg_class c "
        f"JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('i', 'I') AND {_where('n')}"
    ),
    (
        "SELECT 'constraint', n.nspname || '.' || COALESCE(t.relname || '.', '') || k.conname, "
        "pg_get_constraintdef(k.oid) FROM pg_constraint k JOIN pg_namespace n ON n.oid = k.connamespace "
        f"LEFT JOIN pg_class t ON t.oid = k.conrelid WHERE {_where('n')}"
    ),
    (
        "SELECT CASE p.prokind WHEN 'p' THEN 'procedure' WHEN 'a' THEN 'aggregate' ELSE 'function' END, "
        "n.nspname || '.' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')', "
        "md5(p.prosrc) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
        f"WHERE {_where('n')} AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.objid = p.oid AND e.deptype = 'e')"
    ),
    (
        "SELECT 'type', n.nspname || '.' || t.typname, t.typtype::text FROM pg_type t "
        "JOIN pg_namespace n ON n.oid = t.typnamespace LEFT JOIN pg_class c ON c.oid = t.typrelid "
        f"WHERE t.typtype IN ('e', 'd', 'r', 'm', 'c') AND (t.typrelid = 0 OR c.relkind = 'c') AND {_where('n')} "
        "AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.objid = t.oid AND e.deptype = 'e')"
    ),
    (
        "SELECT 'trigger', n.nspname || '.' || c.relname || '.' || g.tgname, pg_get_triggerdef(g.oid) "
        "FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
        f"WHERE NOT g.tgisinternal AND {_where('n')}"
    ),
    (
        "SELECT 'policy', n.nspname || '.' || c.relname || '.' || p.polname, "
        "COALESCE(pg_get_expr(p.polqual, p.polrelid), '') FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid "
        f"JOIN pg_namespace n ON n.oid = c.relnamespace WHERE {_where('n')}"
    ),
    "SELECT 'extension', x.extname, x.extversion FROM pg_extension x WHERE x.extname <> 'plpgsql'",
)


@dataclass(frozen=True)
class Snapshot:
    """(kind, name) → definition for every schema object a migration could leave behind."""

    objects: Mapping[tuple[str, str], str]


@dataclass(frozen=True)
class CatalogDiff:
    left_behind: tuple[str, ...] = ()  # present after down, absent before up
    missing: tuple[str, ...] = ()  # present before up, gone after down
    changed: tuple[str, ...] = ()  # present in both, defined differently

    @property
    def empty(self) -> bool:
        return not (self.left_behind or self.missing or self.changed)

    def describe(self) -> str:
        parts = []
        if self.left_behind:
            parts.append("left behind: " + ", ".join(self.left_behind))
        if self.missing:
            parts.append("removed: " + ", ".join(self.missing))
        if self.changed:
            parts.append("changed: " + ", ".join(self.changed))
        return "; ".join(parts)


def snapshot(conn: psycopg.Connection[tuple[object, ...]]) -> Snapshot:
    objects: dict[tuple[str, str], str] = {}
    with conn.cursor() as cur:
        for query in QUERIES:
            cur.execute(query.encode())
            for kind, name, definition in cur.fetchall():
                objects[(str(kind), str(name))] = str(definition)
    return Snapshot(objects)


def _belongs(key: tuple[str, str], definition: str, relations: set[str]) -> bool:
    kind, name = key
    if kind == "index":
        return any(f" ON {r} " in definition or f" ON ONLY {r} " in definition for r in relations)
    return any(name.startswith(r + ".") for r in relations)


_RELATIONS = frozenset({"table", "view", "materialized view", "sequence", "foreign table"})


def label(kind: str, name: str) -> str:
    """`index idx_orders_status`, `column orders.status`; other schemas keep their prefix."""
    short = name[len("public.") :] if name.startswith("public.") and kind != "schema" else name
    return f"{kind} {short}"


def compare(before: Snapshot, after: Snapshot) -> CatalogDiff:
    keys_before, keys_after = set(before.objects), set(after.objects)
    extra = keys_after - keys_before
    relations = {name for kind, name in extra if kind in _RELATIONS}
    # A table left behind brings its columns, indexes, constraints, triggers and policies: name the table.
    shown = [k for k in extra if k[0] in _RELATIONS or not _belongs(k, after.objects[k], relations)]
    return CatalogDiff(
        left_behind=tuple(label(*k) for k in sorted(shown)),
        missing=tuple(label(*k) for k in sorted(keys_before - keys_after)),
        changed=tuple(
            label(*k) for k in sorted(keys_before & keys_after) if before.objects[k] != after.objects[k]
        ),
    )
