"""The source is plain text: a control character in a module is almost always a regex escape written in a
non-raw string (`"\b"` is a backspace, so the pattern silently never matches)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def test_no_python_source_holds_a_control_character() -> None:
    files = sorted(
        [*ROOT.joinpath("rte").rglob("*.py"), *ROOT.joinpath("scripts").rglob("*.py"), ROOT / "entrypoint.py"]
    )
    assert len(files) > 50
    found = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in files
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if _CONTROL.search(line)
    ]
    assert found == []
