"""Paths a pull request controls: `..`, absolute paths and symbolic links never lead rte outside the workspace."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import git, write
from tests.hostile import SECRET, outside_dir, run_action, snapshot

FEATURE = "docs/features/invoice-links"


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    return outside_dir(tmp_path)


def link(path: Path, target: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists() or path.is_symlink():
        path.unlink()
    path.symlink_to(target)


def assert_refused(ran, *words: str) -> None:
    assert ran.code == 2, ran.stdout
    assert ran.outputs["verdict"] == "error"
    assert len(ran.errors) == 1 and all(w in ran.errors[0] for w in words), ran.errors
    assert SECRET not in ran.everything()


@pytest.mark.parametrize(
    ("inputs", "words"),
    [
        ({"feature": "../outside"}, ["is not a feature name"]),
        ({"feature": "/etc"}, ["is not a feature name"]),
        ({"features_dir": "../outside"}, ["inside the workspace"]),
        ({"features_dir": "/tmp"}, ["inside the workspace"]),
        ({"config": "../outside/rte.yml"}, ["inside the workspace"]),
        ({"template_dir": "../outside"}, ["inside the workspace"]),
        ({"feature": "invoice-links", "junit": "../outside/*.xml"}, ["inside the workspace"]),
        ({"feature": "invoice-links", "junit": "/tmp/**/*.xml"}, ["inside the workspace"]),
    ],
)
def test_climbing_or_absolute_paths_are_refused(example_ws, tmp_path, outside, inputs, words):
    assert_refused(run_action(example_ws, tmp_path, **inputs), *words)


def test_feature_folder_link_leaving_the_workspace_is_refused(example_ws, tmp_path, outside):
    link(example_ws / "docs/features/stolen", outside)
    assert_refused(run_action(example_ws, tmp_path, feature="stolen"), "outside the workspace")
    assert_refused(run_action(example_ws, tmp_path, all_features="true"), "outside the workspace")


def test_features_dir_link_is_refused(example_ws, tmp_path, outside):
    link(example_ws / "docs/elsewhere", outside)
    assert_refused(run_action(example_ws, tmp_path, features_dir="docs/elsewhere"), "outside the workspace")


def test_config_link_is_refused(example_ws, tmp_path, outside):
    link(example_ws / ".github/rte.yml", outside / "rte.yml")
    assert_refused(run_action(example_ws, tmp_path, feature="invoice-links"), "outside the workspace")


def test_template_dir_link_is_refused(example_ws, tmp_path, outside):
    link(example_ws / ".github/rte-templates", outside)
    ran = run_action(example_ws, tmp_path, feature="invoice-links", template_dir=".github/rte-templates")
    assert_refused(ran, "outside the workspace")


def test_template_file_link_inside_the_template_dir_is_refused(example_ws, tmp_path, outside):
    link(example_ws / ".github/rte-templates/pr_body.md.j2", outside / "secret.j2")
    ran = run_action(example_ws, tmp_path, feature="invoice-links", template_dir=".github/rte-templates")
    assert_refused(ran, "pr_body.md.j2", "leaving the template folder")


def test_evidence_file_link_is_refused(example_ws, tmp_path, outside):
    link(example_ws / "reports/junit.xml", outside / "junit.xml")
    ran = run_action(example_ws, tmp_path, feature="invoice-links", junit="reports/*.xml")
    assert_refused(ran, "outside the workspace")
    link(example_ws / "linked-reports", outside)
    ran = run_action(example_ws, tmp_path, feature="invoice-links", junit="linked-reports/**/*.xml")
    assert_refused(ran, "outside the workspace")


def test_document_link_is_a_problem_and_is_not_read(example_ws, tmp_path, outside):
    link(example_ws / FEATURE / "01-bsa-analysis.md", outside / "secret.md")
    ran = run_action(example_ws, tmp_path, feature="invoice-links")
    assert ran.code in (0, 1)
    warnings = [c for c in ran.commands if c["name"] == "warning"]
    hit = [w for w in warnings if "symbolic link leaving the workspace" in str(w["message"])]
    assert hit and hit[0]["props"]["file"] == f"{FEATURE}/01-bsa-analysis.md"  # its own name, not the target
    assert SECRET not in ran.everything()


def test_migration_link_is_a_problem_and_is_not_read(example_ws, tmp_path, outside):
    link(example_ws / FEATURE / "03-add-invoice-share-links.sql", outside / "secret.sql")
    ran = run_action(example_ws, tmp_path, feature="invoice-links")
    assert ran.code in (0, 1)
    assert any("migration is a symbolic link" in str(c["message"]) for c in ran.commands)
    assert SECRET not in ran.everything()
    assert "DROP TABLE users" not in ran.everything()


def test_release_plan_link_is_replaced_not_written_through(example_ws, tmp_path, outside):
    target = outside / "plan.md"
    link(example_ws / FEATURE / "07-release-plan.md", target)
    link(example_ws / FEATURE / "../bulk-export/07-release-plan.md", outside / "secret.md")
    before = snapshot(outside)
    ran = run_action(example_ws, tmp_path, all_features="true")
    assert ran.code == 1
    assert snapshot(outside) == before and not target.exists()
    for slug in ("invoice-links", "bulk-export"):
        plan = example_ws / "docs/features" / slug / "07-release-plan.md"
        assert not plan.is_symlink() and plan.read_text().startswith("# Release Plan")
    assert (outside / "secret.md").read_text().count(SECRET) == 1


def test_release_plan_folder_in_the_way_is_a_clear_error(example_ws, tmp_path):
    (example_ws / FEATURE / "07-release-plan.md").mkdir()
    ran = run_action(example_ws, tmp_path, feature="invoice-links")
    assert ran.code == 2 and "folder of that name is in the way" in ran.errors[0]


def test_nothing_outside_the_workspace_changes(example_ws, tmp_path, outside):
    link(example_ws / FEATURE / "07-release-plan.md", outside / "plan.md")
    link(example_ws / FEATURE / "01-bsa-analysis.md", outside / "secret.md")
    git(example_ws, "add", "-A")
    home = Path(run_action.__globals__["runner_env"](example_ws, tmp_path, "x", {})["HOME"])
    write(home / ".gitconfig", "[user]\n  name = me\n")
    before = snapshot(outside, home)
    ran = run_action(example_ws, tmp_path, all_features="true")
    assert ran.code == 1
    assert snapshot(outside, home) == before
    assert not any(os.path.lexists(p) for p in [outside / "plan.md"])
