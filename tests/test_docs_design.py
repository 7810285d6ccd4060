"""Which file serves which role in a feature folder, whatever its numbering and case."""

from __future__ import annotations

from pathlib import Path

from rte.docs import load_feature
from rte.model import TestVerdict as Verdict


def write(folder: Path, files: dict[str, str]) -> None:
    folder.mkdir(parents=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")


def roles(workspace: Path, folder: Path) -> dict[str, str]:
    feature = load_feature(workspace, folder)
    return {role: doc.path.rsplit("/", 1)[-1] for role, doc in feature.documents.items()}


def test_plans_instead_of_sql_and_report(tmp_path: Path) -> None:
    folder = tmp_path / "docs" / "features" / "tagging"
    write(
        folder,
        {
            "01-bsa-analysis.md": "# Tagging\n\nStatus: ready\n",
            "02-architecture-design.md": "# Design\n",
            "03-data-engineering-plan.md": "# Data plan\n\n```python\nop.add_column('t', 'c')\n```\n",
            "05-user-documentation.md": "# How to tag\n",
            "06-test-plan.md": "# Test plan\n\n| Suite | State |\n|---|---|\n| Unit tests | ✅ READY |\n",
            "07-release-plan.md": "# Release plan\n",
        },
    )
    assert roles(tmp_path, folder) == {
        "bsa": "01-bsa-analysis.md",
        "architecture": "02-architecture-design.md",
        "migration": "03-data-engineering-plan.md",
        "documentation": "05-user-documentation.md",
        "tests": "06-test-plan.md",
    }
    feature = load_feature(tmp_path, folder)
    assert feature.suites == ()
    assert feature.test_verdict is Verdict.INCOMPLETE  # a plan is not a result


def test_unpadded_numbers_and_upper_case_names(tmp_path: Path) -> None:
    folder = tmp_path / "f"
    write(
        folder,
        {
            "1-BSA.MD": "# BSA\n",
            "2_Architecture.md": "# Arch\n",
            "3-migration.SQL": "-- migrate:up\nCREATE TABLE t (id int);\n-- migrate:down\nDROP TABLE t;\n",
            "4-Security-Audit.md": "# Audit\n\n### H-1: Weak token\n\n**Severity:** High\n",
            "5-DOCS.md": "# Docs\n",
            "6-Test-Report.md": "# Report\n\n```\n10 passed in 1.0s\n```\n",
        },
    )
    assert roles(tmp_path, folder) == {
        "bsa": "1-BSA.MD",
        "architecture": "2_Architecture.md",
        "security": "4-Security-Audit.md",
        "documentation": "5-DOCS.md",
        "tests": "6-Test-Report.md",
        "migration": "3-migration.SQL",
    }
    feature = load_feature(tmp_path, folder)
    assert feature.security is not None and [f.id for f in feature.security.findings] == ["H-1"]
    assert feature.test_verdict is Verdict.PASS


def test_unnumbered_names_by_their_words(tmp_path: Path) -> None:
    folder = tmp_path / "g"
    write(folder, {"SECURITY_AUDIT.md": "# Audit\n", "TEST_RESULTS.md": "# Results\n\n3 passed\n"})
    assert roles(tmp_path, folder) == {"security": "SECURITY_AUDIT.md", "tests": "TEST_RESULTS.md"}


def test_front_matter_problems_name_the_line(tmp_path: Path) -> None:
    folder = tmp_path / "h"
    write(folder, {"01-bsa-analysis.md": "---\ntitle: X\nstauts: draft\n---\n# X\n"})
    feature = load_feature(tmp_path, folder)
    (problem,) = feature.problems
    assert "did you mean `status`" in problem.message
    assert problem.location is not None and problem.location.line == 3
