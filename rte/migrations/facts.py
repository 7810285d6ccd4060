"""Gather everything the migration gates judge: the split file, squawk's findings, the rehearsal (I/O)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path, PurePosixPath

from rte.errors import ConfigError
from rte.migrations.lexer import Statement, split_statements
from rte.migrations.results import MigrationFacts
from rte.migrations.sql import SplitMigration, down_sibling, pick_migration, split_migration
from rte.migrations.squawk import SquawkRun, run_squawk
from rte.model import Feature, Location, Problem
from rte.paths import inside_workspace
from rte.settings import Settings


def find_migration(workspace: Path, feature: Feature) -> tuple[str, str | None] | None:
    """(migration path, sibling rollback path) relative to the workspace, or None without a migration."""
    if feature.migration is not None:
        path = feature.migration.path
    elif (doc := feature.doc_path("migration")) is not None and doc.lower().endswith(".sql"):
        path = doc
    else:
        folder = workspace / feature.path
        names = [p.name for p in folder.iterdir() if p.is_file()] if folder.is_dir() else []
        picked = pick_migration(names)
        if picked is None:
            return None
        path = (PurePosixPath(feature.path) / picked).as_posix()
    folder = (workspace / path).parent
    names = [p.name for p in folder.iterdir() if p.is_file()] if folder.is_dir() else []
    return path, down_sibling(path, names)


def load_migration(workspace: Path, feature: Feature) -> SplitMigration | Problem | None:
    """Read and split a feature's migration (and its sibling rollback file)."""
    found = find_migration(workspace, feature)
    if found is None:
        return None
    path, down_path = found
    from rte.docs.files import MAX_DOC_BYTES
    from rte.paths import is_inside

    for rel in (path, down_path):
        if rel is not None and not is_inside(workspace, workspace / rel):
            return Problem(
                "the migration is a symbolic link leaving the workspace; it was not read", Location(rel)
            )
        if (
            rel is not None
            and (workspace / rel).is_file()
            and (workspace / rel).stat().st_size > MAX_DOC_BYTES
        ):
            return Problem(
                f"the migration is over the {MAX_DOC_BYTES:,}-byte limit; it was not read", Location(rel)
            )
    try:
        text = (workspace / path).read_text(encoding="utf-8")
        down_text = (workspace / down_path).read_text(encoding="utf-8") if down_path else None
    except (OSError, UnicodeDecodeError) as exc:
        return Problem(f"the migration could not be read ({exc}); save it as UTF-8 text", Location(path))
    return split_migration(path, text, down_path=down_path, down_text=down_text)


def load_baseline(workspace: Path, patterns: Sequence[str]) -> tuple[Statement, ...]:
    """The statements of the `rehearsal-baseline` files, in path order, read from inside the workspace."""
    from rte.evidence.globs import check_pattern, expand

    statements: list[Statement] = []
    for pattern in patterns:
        check_pattern(pattern, what="`rehearsal-baseline`")
        paths = expand(workspace, pattern)
        if not paths:
            raise ConfigError(
                f"`rehearsal-baseline` pattern `{pattern}` matches no file",
                tip="give the SQL files that create the schema the migration builds on",
            )
        for rel in paths:
            path = inside_workspace(workspace, rel, what="rehearsal baseline file")
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise ConfigError(
                    f"the rehearsal baseline `{rel}` cannot be read: {exc}", Location(rel)
                ) from None
            statements.extend(split_statements(text))
    return tuple(statements)


def collect_migration_facts(
    features: Sequence[Feature],
    settings: Settings,
    loaded: Mapping[str, SplitMigration | Problem | None] | None = None,
) -> dict[str, MigrationFacts]:
    """Facts for `ctx.facts["migration"]`: one squawk process for all features, one rehearsal each.

    `loaded`: the features' migrations as `load_migration` already read them (slug → result), so that
    each file is read and split once per run; missing slugs are loaded here.
    """
    workspace = settings.workspace
    known = loaded or {}
    loaded = {f.slug: known[f.slug] if f.slug in known else load_migration(workspace, f) for f in features}
    splits = {slug: s for slug, s in loaded.items() if isinstance(s, SplitMigration)}
    squawk: SquawkRun = run_squawk([(s.path, s.up.text) for s in splits.values() if s.up.statements])
    facts: dict[str, MigrationFacts] = {}
    baseline: tuple[Statement, ...] | None = None
    for feature in features:
        item = loaded[feature.slug]
        if item is None:
            facts[feature.slug] = MigrationFacts()
            continue
        if isinstance(item, Problem):
            facts[feature.slug] = MigrationFacts(problem=item)
            continue
        rehearsal = None
        if settings.database_url and item.has_rollback:
            from rte.migrations.rehearsal import rehearse  # psycopg loads only when a rehearsal runs

            if baseline is None:
                baseline = load_baseline(workspace, settings.rehearsal_baseline)
            rehearsal = rehearse(settings.database_url, item, baseline=baseline)
        facts[feature.slug] = MigrationFacts(
            split=item,
            violations=squawk.violations.get(item.path, ()),
            squawk_error=squawk.error,
            squawk_available=squawk.available,
            rehearsal=rehearsal,
            declared_data_loss=feature.declares_data_loss,
            data_loss_location=feature.data_loss,
        )
    return facts
