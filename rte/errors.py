"""Every exception rte raises on purpose; each one writes its own user-facing message."""

from __future__ import annotations

from dataclasses import dataclass

from rte.model import Location

DOCS_URL = "https://github.com/org/rte-action#troubleshooting"


@dataclass
class RteError(Exception):
    """Base class: a message for the user, an optional location and a tip for the next step."""

    message: str
    location: Location | None = None
    tip: str | None = None

    def __str__(self) -> str:
        where = f"{self.location}: " if self.location else ""
        return f"{where}{self.message}"

    def __reduce__(self) -> tuple[type[RteError], tuple[str, Location | None, str | None]]:
        # Raised in a worker process (rte.fanout), it crosses back to the parent by pickle.
        return (type(self), (self.message, self.location, self.tip))


class ConfigError(RteError):
    """Bad inputs, bad flags or a bad configuration file."""


class DocError(RteError):
    """A document or evidence file that cannot be read at all."""


class WorkspaceError(RteError):
    """A feature or path that does not exist or lies outside the workspace."""


class GitError(RteError):
    """A git command that failed in a way the user can act on."""


class GitHubError(RteError):
    """A GitHub API call that failed in a way the user can act on."""
