"""Time rte's Markdown → model path on pathological documents: `python benchmarks/pathological.py`."""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rte.docs import parse_document
from rte.docs.security import read_security
from rte.docs.tests import read_tests
from tests.pathological import CASES


def main() -> None:
    print(f"{'case':<16} {'bytes':>10} {'parse s':>9} {'readers s':>10}")
    for name, text in CASES.items():
        start = time.perf_counter()
        doc = parse_document(text, "doc.md")
        parsed = time.perf_counter()
        read_security(doc.blocks, doc.rel, doc.fm)
        read_tests(doc.blocks, doc.rel, doc.fm)
        done = time.perf_counter()
        print(f"{name:<16} {len(text.encode()):>10,} {parsed - start:>9.3f} {done - parsed:>10.3f}")


if __name__ == "__main__":
    main()
