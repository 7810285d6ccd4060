"""`rte init <slug>`: the six documents, readable by rte, never overwriting anything."""

from __future__ import annotations

from pathlib import Path

import pytest

from rte.cli import main
from rte.docs import load_feature
from rte.errors import WorkspaceError
from rte.model import ROLES
from rte.model import TestVerdict as Verdict
from rte.scaffold import scaffold


def test_scaffold_writes_six_documents_rte_can_read(tmp_path: Path) -> None:
    written = scaffold(tmp_path, "docs/features", "invoice-links")
    assert [p.name for p in written] == [
        "01-bsa-analysis.md",
        "02-architecture-design.md",
        "03-migration.sql",
        "04-security-audit.md",
        "05-documentation-summary.md",
        "06-test-report.md",
    ]
    feature = load_feature(tmp_path, tmp_path / "docs" / "features" / "invoice-links")
    assert feature.problems == ()
    assert set(feature.documents) == set(ROLES)
    assert feature.title == "Invoice links"
    # a fresh scaffold must not pass the gate: tests pending, audit still a draft
    assert feature.test_verdict is Verdict.INCOMPLETE
    assert feature.security is not None and feature.security.complete is False


def test_scaffold_refuses_to_overwrite(tmp_path: Path) -> None:
    folder = tmp_path / "docs" / "features" / "x"
    folder.mkdir(parents=True)
    (folder / "04-security-audit.md").write_text("mine\n", encoding="utf-8")
    with pytest.raises(WorkspaceError, match=r"already has 04-security-audit\.md"):
        scaffold(tmp_path, "docs/features", "x")
    assert (folder / "04-security-audit.md").read_text(encoding="utf-8") == "mine\n"
    assert sorted(p.name for p in folder.iterdir()) == ["04-security-audit.md"]


@pytest.mark.parametrize("slug", ["", "Upper", "../escape", "a/b", "-dash", "trailing-", "x" * 70])
def test_scaffold_validates_the_slug(tmp_path: Path, slug: str) -> None:
    with pytest.raises(WorkspaceError, match="not a valid feature name"):
        scaffold(tmp_path, "docs/features", slug)
    assert not (tmp_path / "docs").exists()


def test_cli_init(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init", "billing", "--workspace", str(tmp_path)]) == 0
    out = capsys.readouterr().out.split()
    assert out[0] == "docs/features/billing/01-bsa-analysis.md" and len(out) == 6
    assert main(["init", "billing", "--workspace", str(tmp_path)]) == 2
    assert "already has" in capsys.readouterr().err
