"""How far two labellings of the same documents agree: the ceiling any reader can be measured against.

Usage: python scripts/label_agreement.py REFERENCE_DIR SECOND_DIR

Both folders hold `<case>/expected.yaml` in the corpus schema (../shared/corpus/README.md). The second
labelling is scored against the first exactly as scripts/measure_docs.py scores rte: findings matched by
line within ±1, severity and status of matched findings, blocking verdict (open_blocking > 0 or not)
and test verdict. Cases present in only one folder are listed and left out.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import yaml

LINE_TOLERANCE = 1
Label = dict[str, Any]


def _load(folder: Path) -> dict[str, Label]:
    labels = {}
    for path in sorted(folder.glob("*/expected.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if isinstance(data, dict):
            labels[path.parent.name] = data
    return labels


def _status(finding: Label) -> str:
    return "open" if finding.get("status") in (None, "unknown") else str(finding["status"])


def _match(ref: list[Label], other: list[Label]) -> list[tuple[Label, Label]]:
    unmatched = list(ref)
    pairs = []
    for finding in other:
        line = int(finding.get("line") or 0)
        best = min(
            (lab for lab in unmatched if abs(int(lab["line"]) - line) <= LINE_TOLERANCE),
            key=lambda lab: abs(int(lab["line"]) - line),
            default=None,
        )
        if best is not None:
            unmatched.remove(best)
            pairs.append((best, finding))
    return pairs


def _ratio(num: int, den: int) -> str:
    return f"{num / den:.3f} ({num}/{den})" if den else "n/a"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("reference", type=Path)
    parser.add_argument("second", type=Path)
    parser.add_argument("-v", "--verbose", action="store_true", help="one line per case")
    args = parser.parse_args(argv)
    ref, other = _load(args.reference), _load(args.second)
    only = sorted(set(ref) ^ set(other))
    found = wanted = matched = severity = status = audits = blocking = reports = verdict = 0
    disagree: list[str] = []
    for case in sorted(set(ref) & set(other)):
        a, b = ref[case], other[case]
        if a.get("kind") != b.get("kind"):
            disagree.append(f"{case} (kind {a.get('kind')} vs {b.get('kind')})")
            continue
        if a.get("kind") == "security-audit":
            fa = (a.get("security") or {}).get("findings") or []
            fb = (b.get("security") or {}).get("findings") or []
            pairs = _match(fa, fb)
            audits += 1
            wanted, found, matched = wanted + len(fa), found + len(fb), matched + len(pairs)
            severity += sum(x.get("severity") == y.get("severity") for x, y in pairs)
            status += sum(_status(x) == _status(y) for x, y in pairs)
            ba = int((a.get("security") or {}).get("open_blocking") or 0)
            bb = int((b.get("security") or {}).get("open_blocking") or 0)
            blocking += (ba > 0) == (bb > 0)
            if (ba > 0) != (bb > 0):
                disagree.append(f"{case} (open_blocking {ba} vs {bb})")
            if args.verbose:
                print(f"{case}: {len(fa)} vs {len(fb)} findings, {len(pairs)} matched; blocking {ba} vs {bb}")
        elif a.get("kind") == "test-report":
            va, vb = (a.get("tests") or {}).get("verdict"), (b.get("tests") or {}).get("verdict")
            reports += 1
            verdict += va == vb
            if va != vb:
                disagree.append(f"{case} (verdict {va} vs {vb})")
            if args.verbose:
                print(f"{case}: verdict {va} vs {vb}")
    print(f"security audits: {audits}")
    print(f"  finding precision {_ratio(matched, found)}  (second labelling's findings the first has)")
    print(f"  finding recall    {_ratio(matched, wanted)}  (first labelling's findings the second has)")
    print(f"  severity agreement {_ratio(severity, matched)}")
    print(f"  status agreement   {_ratio(status, matched)}  (unknown counted as open)")
    print(f"  blocking verdict  {_ratio(blocking, audits)}")
    print(f"test reports: {reports}")
    print(f"  test verdict      {_ratio(verdict, reports)}")
    print(f"disagree: {disagree or 'none'}")
    if only:
        print(f"labelled only once (left out): {only}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
