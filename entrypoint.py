"""Container entry point: run the action with the runner's environment and exit with its code."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from rte.action import main

if __name__ == "__main__":
    sys.exit(main(dict(os.environ)))
