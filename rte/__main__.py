"""`python -m rte` runs the command-line interface."""

from __future__ import annotations

import sys

from rte.cli import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
