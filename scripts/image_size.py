"""Installed size of the action's runtime dependencies, per package, against a budget.

Installs requirements.txt the way the Dockerfile does (hashes required, wheels only) into a throwaway
folder, then sums the files each distribution installed (bytecode included).

Usage: python scripts/image_size.py [--budget-mb 90] [--keep DIR]
Exit code 1 when the total is over the budget.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MB = 1024 * 1024


def install(target: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-cache-dir",
            "--require-hashes",
            "--only-binary=:all:",
            "--target",
            str(target),
            "-r",
            str(ROOT / "requirements.txt"),
        ],
        check=True,
    )


def sizes(target: Path) -> dict[str, int]:
    """Bytes per distribution, from each one's RECORD (which lists the bytecode pip compiled too)."""
    out: dict[str, int] = {}
    for dist in metadata.distributions(path=[str(target)]):
        total = 0
        for file in dist.files or ():
            path = Path(str(file.locate()))
            if not path.is_file() and file.parts[0] == "..":  # a script: --target puts it in target/bin
                path = target / "bin" / file.name
            if path.is_file():
                total += path.stat().st_size
        out[dist.metadata["Name"]] = total
    return out


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--budget-mb", type=float, default=90.0)
    parser.add_argument("--keep", type=Path, help="install here and keep it (default: a temp folder)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="rte-size-") as tmp:
        target = args.keep or Path(tmp)
        install(target)
        per_package = sizes(target)
        on_disk = sum(p.stat().st_size for p in target.rglob("*") if p.is_file())
    width = max(map(len, per_package))
    for name, size in sorted(per_package.items(), key=lambda kv: -kv[1]):
        print(f"{name:<{width}}  {size / MB:7.2f} MB")
    total = sum(per_package.values())
    print(
        f"{'total':<{width}}  {total / MB:7.2f} MB  (files on disk: {on_disk / MB:.2f} MB; "
        f"Python {sys.version_info.major}.{sys.version_info.minor}; budget {args.budget_mb:g} MB)"
    )
    return 0 if total <= args.budget_mb * MB else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
