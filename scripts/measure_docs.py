"""Measure the document reader against a labelled corpus: findings, severities, statuses, verdicts.

Usage: python scripts/measure_docs.py [-v] [--corpus DIR] [--prefix P]
  DIR defaults to ../shared/corpus/dev next to the repo; tests/fixtures/heldout is the project's own
  held-out set; --prefix r3- measures only the case folders whose names start with it. The measuring itself lives in tests/docmeasure.py (shared with tests/test_heldout.py).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.docmeasure import measure, summary  # noqa: E402


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="show mismatches and suites")
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "dev")
    parser.add_argument("--prefix", default="", help="only case folders whose names start with this")
    parser.add_argument("corpus_dir", nargs="?", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    corpus: Path = args.corpus_dir or args.corpus
    if not corpus.is_dir():
        print(f"no corpus at {corpus}: nothing to measure (the shared reference folder is absent)")
        return 0
    result = measure(corpus, args.verbose, args.prefix)
    print("\n".join(result.lines))
    print()
    print("\n".join(summary(result)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
