"""Synthetic feature folders for the scale benchmark: six varied documents per feature, our own wording.

Every feature is built from its own seeded random generator, so a repository of N features is the same
on every run and any single feature can be regenerated alone. Sizes aim at small-to-mid real features:
about 8-14 KB of text per feature, each document varying by a factor of two or so.
"""

from __future__ import annotations

import random
from pathlib import Path

DOMAINS = (
    "billing", "catalog", "search", "notifications", "onboarding", "shipping", "loyalty",
    "reporting", "identity", "inventory", "payments", "support", "pricing", "checkout",
)  # fmt: skip
OBJECTS = (
    "invoice", "order", "voucher", "shipment", "profile", "report", "webhook", "export",
    "coupon", "review", "refund", "subscription", "address", "ticket", "badge", "quote",
)  # fmt: skip
ACTIONS = (
    "share", "export", "schedule", "archive", "approve", "merge", "import", "notify",
    "bulk-edit", "tag", "pause", "preview", "audit", "split", "restore", "sync",
)  # fmt: skip
PERSONAS = ("store owner", "support agent", "accountant", "warehouse clerk", "marketing lead", "auditor")
ADJECTIVES = ("read-only", "time-limited", "per-tenant", "idempotent", "batched", "signed", "paginated")
SEVERITIES = ("Critical", "High", "Medium", "Low", "Info")
RISKS = (
    "Missing authorisation check on {path}",
    "Verbose error messages reveal the {obj} table layout",
    "No rate limit on {path}",
    "Tokens for {obj} links are logged at debug level",
    "CSV export allows formula injection in the {obj} name column",
    "Predictable identifiers in {obj} URLs",
    "Session is not re-validated before the {action} step",
    "Webhook signatures are compared with a non-constant-time check",
    "Background job runs with the admin database role",
    "Uploaded {obj} attachments are served without a content type",
)
SENTENCES = (
    "Today the {persona} has to {action} each {obj} by hand, which takes several minutes per record.",
    "The {domain} team sees about {n} support requests a month that this change would remove.",
    "We keep the existing {obj} screens and add one entry point next to the current toolbar.",
    "The change is {adj} by design, so a retry never produces a second {obj}.",
    "Requests are validated at the edge and again inside the {domain} service before any write.",
    "Nothing in the public API changes shape; new fields are optional and default to empty.",
    "The {persona} sees progress in the activity panel and receives an email once the job ends.",
    "Large accounts hold up to {n} records, so the work is split into pages of {m} rows.",
    "Old {obj} records created before the migration keep working without a backfill.",
    "If the flag is switched off mid-run, jobs already queued finish and no new job starts.",
    "We measured the current flow in staging: the median {action} takes {m} seconds end to end.",
    "Audit entries record who triggered the {action}, when, and for which {obj}.",
    "The {domain} service owns the new table; other services read it through the API only.",
    "Errors are reported with the {obj} identifier so support can find the record quickly.",
    "We chose a queue over a cron job because the load arrives in bursts after each release.",
    "Translations for the new labels were requested from the localisation team last sprint.",
)


def _fill(rng: random.Random, text: str, ctx: dict[str, str]) -> str:
    values = ctx | {
        "persona": rng.choice(PERSONAS),
        "adj": rng.choice(ADJECTIVES),
        "n": str(rng.randint(20, 5000)),
        "m": str(rng.randint(2, 500)),
    }
    return text.format(**values)


def _paragraph(rng: random.Random, ctx: dict[str, str], low: int = 2, high: int = 5) -> str:
    return " ".join(_fill(rng, s, ctx) for s in rng.sample(SENTENCES, rng.randint(low, high)))


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _prose(rng: random.Random, ctx: dict[str, str], paragraphs: int) -> str:
    return "\n\n".join(_paragraph(rng, ctx) for _ in range(paragraphs))


def feature(index: int, seed: int = 7) -> tuple[str, dict[str, str], dict[str, str]]:
    """Feature number `index`: its slug, its files (name → text) and the repository documents it claims."""
    rng = random.Random(seed * 1_000_003 + index)
    action, obj, domain = rng.choice(ACTIONS), rng.choice(OBJECTS), rng.choice(DOMAINS)
    slug = f"{index:05d}-{action}-{obj}s"
    table = f"{domain}_{obj}_{action.replace('-', '_')}s"
    ctx = {
        "action": action.replace("-", " "),
        "obj": obj,
        "domain": domain,
        "title": f"{action.replace('-', ' ').title()} {obj.title()}s in {domain.title()}",
        "table": table,
        "path": f"/api/{domain}/{obj}s/{{id}}/{action}",
        "flag": f"{domain}_{obj}_{action.replace('-', '_')}",
        "prefix": f"{domain[:3].upper()}{obj[:2].upper()}",
    }
    claimed = claimed_docs(rng, ctx)
    files = {
        "01-bsa-analysis.md": bsa(rng, ctx),
        "02-architecture-design.md": architecture(rng, ctx),
        f"03-create-{table.replace('_', '-')}.sql": migration(rng, ctx),
        "04-security-audit.md": audit(rng, ctx),
        "05-documentation-summary.md": docs_summary(rng, ctx, claimed),
        "06-test-report.md": test_report(rng, ctx),
    }
    # One feature in fifty forgets to write one of the documents it claims.
    missing = set(list(claimed.values())[-1:]) if rng.random() < 0.02 else set()
    shared = {
        path: f"# {label}: {ctx['title']}\n\n{_prose(rng, ctx, 2)}\n"
        for label, path in claimed.items()
        if path not in missing
    }
    return slug, files, shared


def bsa(rng: random.Random, ctx: dict[str, str]) -> str:
    if rng.random() < 0.4:
        head = f"---\nstatus: approved\nowner: {ctx['domain']} squad\n---\n\n# {ctx['title']}\n"
    else:
        owner = ctx["domain"].title()
        head = f"# BSA Analysis: {ctx['title']}\n\n**Status:** Approved\n**Owner:** {owner} squad\n"
    criteria = [
        f"- [{'x' if rng.random() < 0.5 else ' '}] " + _fill(rng, rng.choice(SENTENCES), ctx).rstrip(".")
        for _ in range(rng.randint(4, 10))
    ]
    stories = [
        f"- As a {rng.choice(PERSONAS)}, I want to {ctx['action']} a {ctx['obj']} "
        f"so that {_lower_first(_fill(rng, rng.choice(SENTENCES), ctx))}"
        for _ in range(rng.randint(2, 5))
    ]
    nfr = "\n".join(
        f"| {name} | {value} |"
        for name, value in rng.sample(
            [
                ("p95 latency", f"{rng.randint(80, 900)} ms"),
                ("Availability", "99.9%"),
                ("Max batch size", f"{rng.randint(100, 10000)} rows"),
                ("Data retention", f"{rng.randint(30, 400)} days"),
                ("Accessibility", "WCAG 2.1 AA"),
            ],
            rng.randint(2, 5),
        )
    )
    return (
        f"{head}\n## Summary\n\n{_prose(rng, ctx, rng.randint(1, 2))}\n\n"
        f"## Problem\n\n{_prose(rng, ctx, rng.randint(1, 3))}\n\n"
        "## User Stories\n\n" + "\n".join(stories) + "\n\n"
        "## Acceptance Criteria\n\n" + "\n".join(criteria) + "\n\n"
        "## Non-functional Requirements\n\n| Requirement | Target |\n|---|---|\n" + nfr + "\n\n"
        f"## Out of Scope\n\n- Bulk {ctx['action']} across tenants\n- A mobile-specific flow\n\n"
        f"## Open Questions\n\n{_paragraph(rng, ctx, 1, 3)}\n"
    )


def architecture(rng: random.Random, ctx: dict[str, str]) -> str:
    env = "\n".join(
        f"| `{ctx['prefix']}_{name}` | {purpose} |"
        for name, purpose in rng.sample(
            [
                ("TTL_DAYS", "Days before an entry expires"),
                ("BATCH_SIZE", "Rows per page in the worker"),
                ("BASE_URL", "Public host used to build links"),
                ("QUEUE_NAME", "Queue the worker consumes"),
                ("MAX_RETRIES", "Retries before a job is parked"),
                ("WEBHOOK_SECRET", "Shared secret for outgoing webhooks"),
            ],
            rng.randint(2, 6),
        )
    )
    metric = f"{ctx['domain']}_{ctx['obj']}_{ctx['action'].replace(' ', '_')}"
    metrics = [f"- `{metric}_total` counts completed runs", f"- `{metric}_errors_total` counts failures"]
    if rng.random() < 0.7:
        metrics.append(f"- `{metric}_duration_seconds` measures the time per run")
    alerts = [
        f"| {ctx['prefix'].title()}Slow | p95 of `{metric}_duration_seconds` > {rng.randint(2, 30)} for 10m "
        "| warning |",
        f"| {ctx['prefix'].title()}Errors | `{metric}_errors_total` rate above {rng.randint(1, 5)}% for 5m "
        "| critical |",
    ][: rng.randint(1, 2)]
    endpoints = [
        f"- `POST {ctx['path']}` starts a run ({rng.choice(PERSONAS)} only)",
        f"- `GET /api/{ctx['domain']}/{ctx['obj']}s/{{id}}/runs` lists recent runs",
    ]
    if rng.random() < 0.5:
        endpoints.append(f"- `DELETE /api/{ctx['domain']}/runs/{{runId}}` cancels a queued run")
    return (
        f"# Architecture: {ctx['title']}\n\n## Overview\n\n{_prose(rng, ctx, rng.randint(2, 3))}\n\n"
        "## API\n\n" + "\n".join(endpoints) + "\n\n"
        f"## Data\n\nA new table `{ctx['table']}` (see the migration) holds one row per run. "
        f"{_paragraph(rng, ctx, 1, 2)}\n\n"
        f"## Background Jobs\n\nThe `{ctx['obj']}-{ctx['action'].replace(' ', '-')}-worker` consumes "
        "the queue. "
        f"{_paragraph(rng, ctx, 1, 3)}\n\n"
        f"## Feature Flags\n\nThe feature sits behind the `{ctx['flag']}` flag, off by default.\n\n"
        "## Environment Variables\n\n| Variable | Purpose |\n|----------|---------|\n" + env + "\n\n"
        "## Monitoring\n\n### Metrics\n\n" + "\n".join(metrics) + "\n\n"
        "### Alerts\n\n| Alert | Condition | Severity |\n|-------|-----------|----------|\n"
        + "\n".join(alerts)
        + f"\n\n## Rollout\n\n{_prose(rng, ctx, rng.randint(1, 2))}\n\n"
        f"## Rollback\n\nSwitch off `{ctx['flag']}`; the table stays and is dropped in a later release.\n"
    )


def migration(rng: random.Random, ctx: dict[str, str]) -> str:
    columns = [
        ("id", "bigserial PRIMARY KEY"),
        (f"{ctx['obj']}_id", "bigint NOT NULL"),
        ("tenant_id", "bigint NOT NULL"),
        ("created_at", "timestamptz NOT NULL DEFAULT now()"),
    ]
    extra = [
        ("status", "text NOT NULL DEFAULT 'queued'"),
        ("requested_by", "bigint"),
        ("finished_at", "timestamptz"),
        ("row_count", "integer NOT NULL DEFAULT 0"),
        ("error", "text"),
        ("payload", "jsonb NOT NULL DEFAULT '{}'::jsonb"),
    ]
    columns += rng.sample(extra, rng.randint(2, len(extra)))
    body = ",\n".join(f"    {name:<14} {kind}" for name, kind in columns)
    table = ctx["table"]
    up = [
        "-- migrate:up",
        f"CREATE TABLE {table} (\n{body}\n);",
        f"CREATE INDEX {table}_{ctx['obj']}_idx ON {table} ({ctx['obj']}_id);",
        f"CREATE INDEX {table}_tenant_idx ON {table} (tenant_id, created_at DESC);",
    ]
    down = ["-- migrate:down", f"DROP TABLE {table};"]
    if rng.random() < 0.3:
        up.append(f"ALTER TABLE {ctx['domain']}_settings ADD COLUMN {ctx['flag']}_enabled boolean;")
        down.insert(1, f"ALTER TABLE {ctx['domain']}_settings DROP COLUMN {ctx['flag']}_enabled;")
    return "\n".join(up) + "\n\n" + "\n".join(down) + "\n"


def audit(rng: random.Random, ctx: dict[str, str]) -> str:
    failing = rng.random() < 0.05  # about one feature in twenty ships with an open high finding
    rows, details = [], []
    for number in range(1, rng.randint(3, 8) + 1):
        ident = f"{ctx['prefix']}-{number}"
        title = _fill(rng, rng.choice(RISKS), ctx)
        severity = rng.choice(SEVERITIES[1:])
        status = rng.choice(("Fixed", "Fixed", "Mitigated", "Accepted"))
        if severity in ("Low", "Info") and rng.random() < 0.5:
            status = "Open"
        if failing and number == 1:
            severity, status = "High", "Open"
        if number % 3 == 0:  # every third finding is written up under its own heading
            details.append(
                f"### {ident}: {title}\n\n**Severity:** {severity}\n**Status:** {status}\n\n"
                f"{_paragraph(rng, ctx, 1, 3)}\n"
            )
        else:
            rows.append(f"| {ident} | {title} | {severity} | {status} |")
    return (
        f"# Security Audit: {ctx['title']}\n\n**Status:** Complete\n"
        f"**Security score:** {rng.randint(6, 10)}/10\n\n"
        f"## Scope\n\n{_paragraph(rng, ctx, 2, 4)}\n\n"
        "## Findings\n\n| ID | Finding | Severity | Status |\n|----|---------|----------|--------|\n"
        + "\n".join(rows)
        + "\n\n"
        + "\n".join(details)
        + f"\n## Notes\n\n{_prose(rng, ctx, rng.randint(1, 2))}\n"
    )


def claimed_docs(rng: random.Random, ctx: dict[str, str]) -> dict[str, str]:
    """The repository documents the documentation summary points to (label → path)."""
    paths = {
        "API reference": f"docs/api/{ctx['domain']}-{ctx['obj']}s.md",
        "Runbook": f"docs/runbooks/{ctx['obj']}-{ctx['action'].replace(' ', '-')}.md",
    }
    if rng.random() < 0.5:
        paths["ADR"] = f"docs/adr/{rng.randint(1, 400):04d}-{ctx['obj']}-{ctx['domain']}.md"
    return paths


def docs_summary(rng: random.Random, ctx: dict[str, str], claimed: dict[str, str]) -> str:
    docs = [f"- {label}: `{path}`" for label, path in claimed.items()]
    breaking = (
        "None." if rng.random() < 0.9 else f"The `{ctx['obj']}_ref` field is renamed to `{ctx['obj']}_id`."
    )
    return (
        f"# Documentation Summary: {ctx['title']}\n\n{_paragraph(rng, ctx, 1, 3)}\n\n"
        "## Updated documents\n\n" + "\n".join(docs) + f"\n\n## Breaking Changes\n\n{breaking}\n"
    )


def test_report(rng: random.Random, ctx: dict[str, str]) -> str:
    def row(name: str, low: int, high: int, coverage: bool) -> str:
        passed = rng.randint(low, high)
        cov = f"{rng.randint(78, 98)}%" if coverage else "—"
        return f"| {name} | {passed} | 0 | {rng.randint(0, 2)} | {cov} |"

    rows = [
        row("Unit tests", 40, 400, True),
        row("Integration tests", 8, 80, True),
        row("E2E tests", 2, 20, False),
    ]
    checklist = [
        "- [x] Flag defaults to off in production",
        f"- [x] Staging data seeded for {ctx['domain']}",
        "- [x] Dashboards linked from the runbook",
    ]
    return (
        f"# Test Report: {ctx['title']}\n\n{_paragraph(rng, ctx, 1, 2)}\n\n"
        "| Suite | Passed | Failed | Skipped | Coverage |\n|-------|--------|--------|---------|----------|\n"
        + "\n".join(rows)
        + f"\n\n## Notes\n\n{_paragraph(rng, ctx, 1, 3)}\n\n## Release checklist\n\n"
        + "\n".join(checklist)
        + "\n"
    )


def write_repository(root: Path, count: int, seed: int = 7) -> list[str]:
    """Write `count` features under `root/docs/features`; return their slugs."""
    base = root / "docs" / "features"
    slugs = []
    for index in range(count):
        slug, files, shared = feature(index, seed)
        folder = base / slug
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in files.items():
            (folder / name).write_text(text, encoding="utf-8")
        for rel, text in shared.items():
            path = root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        slugs.append(slug)
    return slugs
