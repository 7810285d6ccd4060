"""scripts/label_agreement.py: two labellings of the same documents scored one against the other."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def _label(folder: Path, case: str, label: dict[str, object]) -> None:
    (folder / case).mkdir(parents=True)
    (folder / case / "expected.yaml").write_text(yaml.safe_dump(label), encoding="utf-8")


def _audit(findings: list[tuple[int, str, str]], blocking: int) -> dict[str, object]:
    rows = [
        {"id": None, "title": f"t{line}", "severity": sev, "status": st, "line": line}
        for line, sev, st in findings
    ]
    return {"kind": "security-audit", "security": {"open_blocking": blocking, "findings": rows}}


def test_second_labelling_scored_like_the_reader(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    _label(first, "a", _audit([(10, "high", "open"), (20, "low", "fixed"), (30, "medium", "unknown")], 1))
    # one finding a line off (matched), one with another severity, one missed, one extra
    _label(second, "a", _audit([(11, "high", "open"), (20, "medium", "fixed"), (40, "low", "open")], 0))
    _label(first, "t", {"kind": "test-report", "tests": {"verdict": "pass", "suites": []}})
    _label(second, "t", {"kind": "test-report", "tests": {"verdict": "incomplete", "suites": []}})
    _label(first, "only-here", {"kind": "test-report", "tests": {"verdict": "pass", "suites": []}})
    out = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "label_agreement.py"), str(first), str(second)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "finding precision 0.667 (2/3)" in out
    assert "finding recall    0.667 (2/3)" in out
    assert "severity agreement 0.500 (1/2)" in out
    assert "blocking verdict  0.000 (0/1)" in out
    assert "test verdict      0.000 (0/1)" in out
    assert "a (open_blocking 1 vs 0)" in out and "t (verdict pass vs incomplete)" in out
    assert "labelled only once (left out): ['only-here']" in out
