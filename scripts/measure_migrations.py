"""Measure migration splitting against the labelled corpus: convention accuracy, destructive precision/recall.

Usage: python scripts/measure_migrations.py [corpus-dir]   (default: ../shared/corpus/dev next to the repo)
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from rte.migrations.sql import down_sibling, is_down_file, split_migration


def main(argv: list[str]) -> int:
    default = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "dev"
    corpus = Path(argv[0]) if argv else default
    if not corpus.is_dir():
        print(f"no corpus at {corpus}: nothing to measure (the shared reference folder is absent)")
        return 0
    cases = conventions_ok = 0
    true_pos = false_pos = false_neg = 0
    for expected_file in sorted(corpus.glob("*/expected.yaml")):
        label = yaml.safe_load(expected_file.read_text(encoding="utf-8"))
        if not isinstance(label, dict) or label.get("kind") != "migration":
            continue
        folder = expected_file.parent
        names = [p.name for p in folder.iterdir() if p.suffix.lower() == ".sql"]
        main_sql = next((n for n in sorted(names) if not is_down_file(n)), None)
        if main_sql is None:
            print(f"{folder.name}: no SQL file")
            continue
        down = down_sibling(main_sql, names)
        split = split_migration(
            main_sql,
            (folder / main_sql).read_text(encoding="utf-8"),
            down_path=down,
            down_text=(folder / down).read_text(encoding="utf-8") if down else None,
        )
        want = label["migration"]
        cases += 1
        ok = split.convention.value == want["rollback_convention"]
        conventions_ok += ok
        want_lines = {int(s["line"]) for s in want.get("destructive_statements") or []}
        got_lines = {d.line for d in split.destructive}
        true_pos += len(want_lines & got_lines)
        false_pos += len(got_lines - want_lines)
        false_neg += len(want_lines - got_lines)
        print(
            f"{folder.name}: convention {split.convention.value} (want {want['rollback_convention']})"
            f"{'' if ok else '  MISMATCH'}; destructive lines got {sorted(got_lines)} want {sorted(want_lines)}"
        )
    if not cases:
        print("no `kind: migration` cases found")
        return 0
    precision = true_pos / (true_pos + false_pos) if true_pos + false_pos else 1.0
    recall = true_pos / (true_pos + false_neg) if true_pos + false_neg else 1.0
    print(f"\ncases: {cases}")
    print(f"convention accuracy: {conventions_ok}/{cases} = {conventions_ok / cases:.0%}")
    print(
        f"destructive statements: precision {precision:.0%}, recall {recall:.0%} "
        f"(tp {true_pos}, fp {false_pos}, fn {false_neg})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
