"""`rte init <slug>`: a new feature folder with the six documents, front matter and headings to fill in."""

from __future__ import annotations

import re
from pathlib import Path

from rte.errors import WorkspaceError
from rte.paths import inside_workspace, workspace_dir

SLUG = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$")


def _documents(slug: str, title: str) -> dict[str, str]:
    return {
        "01-bsa-analysis.md": f"""---
title: {title}
status: draft
summary: One to three sentences saying what the feature does and for whom.
acceptance-criteria: []
---

# {title}: business and system analysis

## Summary

## Problem

## Acceptance criteria

- [ ] AC1:

## Open questions
""",
        "02-architecture-design.md": f"""---
title: {title}
status: draft
env: []
feature-flags: []
metrics: []
services: []
endpoints: []
breaking-changes: []
---

# {title}: architecture and design

## Overview

## Components

## Configuration (environment variables, feature flags)

## Observability (metrics, alerts)

## Breaking changes

None.
""",
        "03-migration.sql": f"""-- Migration for {slug}.
-- The forward part goes under `migrate:up`, its rollback under `migrate:down`.
-- migrate:up

-- migrate:down
""",
        "04-security-audit.md": f"""---
title: {title}
status: draft
score: null
findings: []
# findings:
#   - {{id: H-1, title: "…", severity: high, status: open}}
---

# {title}: security audit

## Scope

## Findings

No findings recorded yet. List each one with its id, severity (critical, high, medium, low, info) and
status (open, fixed, mitigated, accepted), in the front matter above or as `### H-1: title` sections.
""",
        "05-documentation-summary.md": f"""---
title: {title}
status: draft
docs: []
---

# {title}: documentation summary

## Documents written or updated

## Release notes
""",
        "06-test-report.md": f"""---
title: {title}
status: draft
suites:
  - {{level: unit, status: pending}}
  - {{level: integration, status: pending}}
  - {{level: e2e, status: pending}}
---

# {title}: test report

Replace the pending suites above with the results (passed, failed, skipped, coverage) once they have run.

## Unit tests

## Integration tests

## End-to-end tests
""",
    }


def scaffold(workspace: Path, features_dir: str, slug: str) -> list[Path]:
    """Create `<features_dir>/<slug>/` with the six documents; refuses to overwrite any existing file."""
    if not SLUG.match(slug):
        raise WorkspaceError(
            f"`{slug}` is not a valid feature name",
            tip="use lower-case letters, digits and dashes, starting and ending with a letter or digit "
            "(e.g. `invoice-links`)",
        )
    folder = inside_workspace(workspace_dir(workspace), f"{features_dir}/{slug}", what="feature folder")
    title = slug.replace("-", " ").capitalize()
    documents = _documents(slug, title)
    existing = [name for name in documents if (folder / name).exists()]
    if existing:
        raise WorkspaceError(
            f"`{features_dir}/{slug}` already has {', '.join(existing)}; nothing was written",
            tip="pick another feature name, or move the existing documents away first",
        )
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in documents.items():
        path = folder / name
        with path.open("x", encoding="utf-8") as handle:
            handle.write(text)
        written.append(path)
    return written
