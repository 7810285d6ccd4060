"""Regenerate action.yml's `inputs:` block and the README's inputs table from rte.settings.INPUTS.

Usage: python scripts/sync_inputs.py [--check]   (--check exits 1 when a file would change)
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rte.settings import INPUTS  # noqa: E402


def description(spec) -> str:  # type: ignore[no-untyped-def]
    text = spec.description
    if spec.default and spec.action_default is None:
        text += f" Default: `{spec.default}`."
    return text


def action_inputs_block() -> str:
    lines = ["inputs:"]
    for spec in INPUTS:
        lines.append(f"  {spec.name}:")
        lines.append(f"    description: {json.dumps(description(spec), ensure_ascii=False)}")
        lines.append("    required: false")
        default = spec.action_default if spec.action_default is not None else '""'
        lines.append(f"    default: {default}")
    return "\n".join(lines) + "\n"


def readme_table() -> str:
    rows = ["| Input | Default | Description |", "|-------|---------|-------------|"]
    for spec in INPUTS:
        default = spec.action_default or spec.default
        shown = f"`{default}`" if default else ""
        text = spec.description.replace("|", "\\|")
        rows.append(f"| `{spec.name}` | {shown} | {text} |")
    return "\n".join(rows) + "\n"


def sync(check: bool) -> int:
    changed = []
    action = ROOT / "action.yml"
    text = action.read_text()
    new = re.sub(r"(?ms)^inputs:\n.*?(?=^outputs:)", action_inputs_block() + "\n", text)
    readme = ROOT / "README.md"
    doc = readme.read_text()
    new_doc = re.sub(
        r"(?s)(<!-- inputs:begin -->\n).*?(<!-- inputs:end -->)",
        lambda m: m.group(1) + readme_table() + m.group(2),
        doc,
    )
    for path, old, fresh in ((action, text, new), (readme, doc, new_doc)):
        if old != fresh:
            changed.append(path.name)
            if not check:
                path.write_text(fresh)
    if changed:
        print(("out of date: " if check else "updated: ") + ", ".join(changed))
    return 1 if check and changed else 0


if __name__ == "__main__":
    sys.exit(sync("--check" in sys.argv[1:]))
