"""Rendering: one jinja2 environment, templates from `templates/` (or the user's, sandboxed) → str. Pure."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import jinja2

from rte import __version__
from rte.errors import ConfigError
from rte.evaluate import Evaluation, FeatureReport
from rte.mdtext import cell, code, codecell, md, num, pct
from rte.model import Location
from rte.plan import feature_view

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
if not TEMPLATES.is_dir():  # installed as a package: templates ship inside it
    TEMPLATES = Path(__file__).resolve().parent / "templates"

PR_BODY_LIMIT = 65_536
SUMMARY_LIMIT = 1_000_000  # bytes, under GitHub's 1 MiB step summary limit


def loc(location: Location | None) -> str:
    return str(location) if location else ""


def make_environment(template_dir: Path | None = None) -> jinja2.Environment:
    """Our templates, overridden by name by the user's; the user's are always rendered in the sandbox."""
    loaders: list[jinja2.BaseLoader] = [jinja2.FileSystemLoader(str(TEMPLATES))]
    env_class: type[jinja2.Environment] = jinja2.Environment
    if template_dir is not None:
        from rte.sandbox import ContainedLoader, Sandbox

        loaders.insert(0, ContainedLoader(template_dir))
        env_class = Sandbox
    env = env_class(
        loader=jinja2.ChoiceLoader(loaders),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(md=md, cell=cell, code=code, loc=loc, num=num, pct=pct, codecell=codecell)
    return env


def _render(env: jinja2.Environment, name: str, context: Mapping[str, object]) -> str:
    try:
        text = env.get_template(name).render(**context)
    except jinja2.TemplateSyntaxError as exc:
        raise ConfigError(
            f"template syntax error: {exc.message}",
            Location(exc.filename or name, exc.lineno),
            tip="fix the template, or remove it from `template-dir` to use rte's own",
        ) from None
    except jinja2.exceptions.SecurityError as exc:
        raise ConfigError(
            f"template `{name}` tried something the sandbox forbids: {exc}",
            tip="templates may read the documented context only",
        ) from None
    except jinja2.TemplateNotFound as exc:
        raise ConfigError(
            f"template `{exc.name}` was not found", tip="check the file names in `template-dir`"
        ) from None
    except jinja2.UndefinedError as exc:
        raise ConfigError(
            f"template `{name}` uses an undefined value: {exc.message}",
            tip="see docs/templates.md for the names a template can use",
        ) from None
    except (jinja2.TemplateError, ArithmeticError, TypeError, ValueError, LookupError, RecursionError) as exc:
        raise ConfigError(
            f"template `{name}` failed: {type(exc).__name__}: {exc}",
            tip="fix the template, or remove it from `template-dir` to use rte's own",
        ) from None
    return re.sub(r"\n{3,}", "\n\n", text).rstrip() + "\n"


def base_context(evaluation: Evaluation, links: Mapping[str, str] | None = None) -> dict[str, object]:
    return {
        "version": __version__,
        "verdict": evaluation.verdict,
        "risk_level": evaluation.risk_level,
        "links": dict(links or {}),
    }


class FeatureViews:
    """Each feature's template view, built once per run and shared by its PR body, plan and summary."""

    def __init__(self, settings_view: Mapping[str, object]) -> None:
        self.settings_view = settings_view
        self._views: dict[str, dict[str, Any]] = {}

    def __call__(self, report: FeatureReport) -> dict[str, Any]:
        slug = report.feature.slug
        if slug not in self._views:
            self._views[slug] = feature_view(report, self.settings_view)
        return self._views[slug]


def pr_body(
    env: jinja2.Environment,
    report: FeatureReport,
    evaluation: Evaluation,
    settings_view: Mapping[str, object],
    plan_path: str,
    views: FeatureViews | None = None,
) -> str:
    base = settings_view.get("blob_base")
    context = base_context(evaluation) | {
        "f": (views or FeatureViews(settings_view))(report),
        "plan_path": plan_path,
        "plan_link": f"{base}/{plan_path}" if base else plan_path,
        "settings": dict(settings_view),
        "short": False,
    }
    text = _render(env, "pr_body.md.j2", context)
    if len(text) > PR_BODY_LIMIT - 2_000:
        text = _render(env, "pr_body.md.j2", context | {"short": True})
    if len(text) > PR_BODY_LIMIT - 2_000:
        text = text[: PR_BODY_LIMIT - 2_100] + f"\n\n… shortened; the full plan is in `{plan_path}`.\n"
    return text


def release_plan(
    env: jinja2.Environment,
    report: FeatureReport,
    evaluation: Evaluation,
    settings_view: Mapping[str, object],
    views: FeatureViews | None = None,
) -> str:
    context = base_context(evaluation) | {
        "f": (views or FeatureViews(settings_view))(report),
        "settings": dict(settings_view),
    }
    return _render(env, "release_plan.md.j2", context)


DETAILED = 30  # features with a full section in the job summary
OVERVIEW_ROWS = 300  # rows of the overview table


def _overview_row(report: FeatureReport) -> dict[str, object]:
    feature = report.feature
    return {
        "slug": feature.slug,
        "title": feature.title or feature.slug,
        "verdict": report.verdict,
        "risk": report.risk.level,
        "failed": [g.id for g in report.failed],
    }


def job_summary(
    env: jinja2.Environment,
    evaluation: Evaluation,
    settings_view: Mapping[str, object],
    links: Mapping[str, str] | None = None,
    views: FeatureViews | None = None,
) -> str:
    # Failing features first; past DETAILED features, passing ones are only a row of the overview, and
    # past OVERVIEW_ROWS the overview lists failing features only, so a large run stays under 1 MiB.
    reports = sorted(evaluation.features, key=lambda r: r.verdict != "fail")
    failing = [r for r in reports if r.verdict == "fail"]
    detailed = (
        reports
        if len(reports) <= DETAILED
        else failing[:DETAILED]
        + [r for r in reports if r.verdict != "fail"][: max(DETAILED - len(failing), 0)]
    )
    overview = reports if len(reports) <= OVERVIEW_ROWS else failing[:OVERVIEW_ROWS]
    context = base_context(evaluation, links) | {
        "features": list(map(views or FeatureViews(settings_view), detailed)),
        "overview": [_overview_row(r) for r in overview],
        "not_detailed": len(reports) - len(detailed),
        "not_listed": len(reports) - len(overview),
        "errors": evaluation.errors,
        "settings": dict(settings_view),
    }
    text = _render(env, "job_summary.md.j2", context)
    data = text.encode()
    if len(data) > SUMMARY_LIMIT:
        text = (
            data[: SUMMARY_LIMIT - 200].decode(errors="ignore") + "\n\n… summary shortened (1 MiB limit).\n"
        )
    return text
