"""The migration inputs: database-url (a secret, never from the config file) and migration-blocking-rules."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from rte.errors import ConfigError
from rte.settings import Settings

ROOT = Path(__file__).resolve().parents[1]


def test_inputs_reach_settings(tmp_path: Path) -> None:
    settings = Settings.from_env(
        {
            "GITHUB_WORKSPACE": str(tmp_path),
            "INPUT_DATABASE-URL": "postgresql://u:secret@db/postgres",
            "INPUT_MIGRATION_BLOCKING_RULES": "adding-required-field,\nchanging-column-type",
        }
    )
    assert settings.database_url == "postgresql://u:secret@db/postgres"
    assert settings.migration_blocking_rules == ("adding-required-field", "changing-column-type")
    assert "secret" not in repr(settings)


def test_config_file_may_list_blocking_rules_but_not_the_url(tmp_path: Path) -> None:
    (tmp_path / ".github").mkdir()
    config = tmp_path / ".github" / "rte.yml"
    config.write_text("migration-blocking-rules: [ban-drop-table, renaming-column]\n")
    settings = Settings.build(tmp_path, {})
    assert settings.migration_blocking_rules == ("ban-drop-table", "renaming-column")
    config.write_text("database-url: postgresql://db/postgres\n")
    with pytest.raises(ConfigError, match="database-url"):
        Settings.build(tmp_path, {})


def test_measure_script_runs_with_or_without_the_corpus(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "measure_migrations.py"), str(tmp_path / "absent")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0 and "nothing to measure" in done.stdout
    corpus = ROOT.parent / "shared" / "corpus" / "dev"
    if not corpus.is_dir():
        pytest.skip("../shared is absent")
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "measure_migrations.py"), str(corpus)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0 and "convention accuracy" in done.stdout
