"""rte: a release train engineer for every feature a team ships."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
