"""Rendering: golden outputs for the example features, size limits, the sandbox, determinism."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from rte import render
from rte.errors import ConfigError
from rte.pipeline import run
from rte.settings import Settings
from tests.conftest import EXAMPLE, write
from tests.planhelp import evaluate_ws, normalise, render_all

GOLDEN = Path(__file__).parent / "golden"
SEED_NAMES = (
    "user_exports",
    "celery",
    "EXPORT_STORAGE",
    "EXPORT_SIGNED_URL",
    "EXPORT_RATE_LIMIT",
    "EXPORT_FILE_MAX",
    "EXPORT_CLEANUP",
    "export_queue_depth",
    "slack-devops",
    "pagerduty",
    "export_processing",
    "0015-user-data-exports",
    "data-privacy.md",
)


@pytest.fixture(scope="module")
def outputs() -> dict[str, str]:
    return render_all(EXAMPLE)


def test_golden_outputs(outputs: dict[str, str], update_golden: bool) -> None:
    assert sorted(outputs) == [
        "plan-bulk-export.md",
        "plan-invoice-links.md",
        "pr-body-bulk-export.md",
        "pr-body-invoice-links.md",
        "summary.md",
    ]
    for name, text in outputs.items():
        path = GOLDEN / name
        if update_golden:
            write(path, normalise(text))
        assert normalise(text) == path.read_text(encoding="utf-8"), (
            f"{name} differs; run pytest --update-golden"
        )


def _names(ws: Path) -> dict[str, set[str]]:
    evaluation, _ = evaluate_ws(ws)
    out = {}
    for r in evaluation.features:
        f = r.feature
        out[f.slug] = {n.name for n in (*f.env_vars, *f.feature_flags, *f.metrics, *f.workers, *f.endpoints)}
        out[f.slug] |= {c.path for c in f.doc_claims} | {d.path for d in f.documents.values()}
    return out


def test_every_name_from_the_docs_and_none_from_elsewhere(outputs: dict[str, str]) -> None:
    names = _names(EXAMPLE)
    for slug, own in names.items():
        plan = outputs[f"plan-{slug}.md"]
        for name in own:
            assert name in plan, f"{name} from {slug}'s docs is missing from its plan"
        for other, theirs in names.items():
            if other != slug:
                for name in theirs - own:
                    assert name not in plan, f"{name} from {other} leaks into {slug}'s plan"
        for name in SEED_NAMES:
            assert name not in plan and name not in outputs[f"pr-body-{slug}.md"]


def test_metric_names_are_never_invented(outputs: dict[str, str]) -> None:
    for slug in ("invoice-links", "bulk-export"):
        docs_text = "".join(p.read_text() for p in (EXAMPLE / "docs/features" / slug).iterdir())
        for name in set(
            re.findall(r"\b[a-z][a-z0-9_:]*_(?:total|bucket|seconds)\b", outputs[f"plan-{slug}.md"])
        ):
            assert name in docs_text, f"{name} is not named in {slug}'s docs"


def test_alert_rules_parse_and_a_feature_without_metrics_says_so(outputs: dict[str, str]) -> None:
    plan = outputs["plan-invoice-links.md"]
    block = re.search(r"```yaml\n(.*?)```", plan, re.S)
    assert block
    data = yaml.safe_load(block.group(1))
    rules = data["groups"][0]["rules"]
    assert [r["alert"] for r in rules] == ["ShareLinkRenderSlow", "ShareLinkErrors"]
    assert rules[1]["for"] == "5m" and rules[1]["labels"] == {"severity": "critical"}
    assert "invoice_share_link_errors_total" in rules[1]["expr"]
    bulk = outputs["plan-bulk-export.md"]
    assert "```yaml" not in bulk
    assert "the docs name no metrics and no alerts" in bulk


def test_decision_tree_is_mermaid_and_follows_the_options(outputs: dict[str, str]) -> None:
    links = outputs["plan-invoice-links.md"]
    tree = re.search(r"```mermaid\n(flowchart TD\n.*?)```", links, re.S)
    assert tree and "q1 -- yes --> flag" in tree.group(1)
    bulk = re.search(r"```mermaid\n(.*?)```", outputs["plan-bulk-export.md"], re.S)
    assert bulk and "--> flag" not in bulk.group(1) and "q3 -- yes --> db" in bulk.group(1)
    assert "LAST RESORT" in bulk.group(1)


def test_plan_twice_gives_identical_files(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    shutil.copytree(EXAMPLE, ws)
    settings = Settings.build(ws, {"all-features": "true"}, out_dir=tmp_path / "out")
    plans = ws / "docs/features/invoice-links/07-release-plan.md"
    run(settings, write=True)
    first = plans.read_bytes(), (tmp_path / "out/summary.md").read_bytes()
    run(settings, write=True)
    assert (plans.read_bytes(), (tmp_path / "out/summary.md").read_bytes()) == first


def test_document_text_is_data_not_template(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    shutil.copytree(EXAMPLE, ws)
    bsa = ws / "docs/features/invoice-links/01-bsa-analysis.md"
    bsa.write_text(
        bsa.read_text().replace("Customers can share", "Customers {{ 40 + 2 }} {% raw %} can share")
    )
    text = render_all(ws)["plan-invoice-links.md"]
    assert "Customers {{ 40 + 2 }} {% raw %} can share" in text
    assert "42" not in text.split("## Summary")[1].split("##")[0]


def test_user_template_overrides_ours_in_the_sandbox(tmp_path: Path) -> None:
    tpl = tmp_path / "tpl"
    write(tpl / "pr_body.md.j2", "Custom {{ f.slug }} {{ f.risk.level }}\n")
    out = render_all(EXAMPLE, template_dir=tpl)
    assert out["pr-body-invoice-links.md"] == "Custom invoice-links medium\n"
    assert out["plan-invoice-links.md"].startswith("# Release Plan")


@pytest.mark.parametrize(
    "source",
    [
        "{{ f.__class__.__mro__ }}",
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ f.items.__globals__ }}",
    ],
)
def test_sandbox_stops_internals(tmp_path: Path, source: str) -> None:
    tpl = tmp_path / "tpl"
    write(tpl / "release_plan.md.j2", source + "\n")
    with pytest.raises(ConfigError) as err:
        render_all(EXAMPLE, template_dir=tpl)
    assert "release_plan.md.j2" in err.value.message


def test_undefined_and_syntax_errors_are_config_errors(tmp_path: Path) -> None:
    tpl = tmp_path / "tpl"
    write(tpl / "release_plan.md.j2", "{{ f.no_such_thing }}\n")
    with pytest.raises(ConfigError, match="undefined"):
        render_all(EXAMPLE, template_dir=tpl)
    write(tpl / "release_plan.md.j2", "{% for x in %}\n")
    with pytest.raises(ConfigError, match="syntax"):
        render_all(EXAMPLE, template_dir=tpl)


def test_huge_feature_stays_under_the_limits(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    shutil.copytree(EXAMPLE, ws)
    arch = ws / "docs/features/bulk-export/02-architecture-design.md"
    many = "\n".join(f"VERY_LONG_SETTING_NAME_NUMBER_{i}={'x' * 20}  # {'words ' * 40}" for i in range(3000))
    arch.write_text(arch.read_text().replace("EXPORT_MAX_ROWS=500000", many))
    evaluation, view = evaluate_ws(ws)
    env = render.make_environment()
    report = next(r for r in evaluation.features if r.feature.slug == "bulk-export")
    body = render.pr_body(env, report, evaluation, view, "docs/features/bulk-export/07-release-plan.md")
    assert len(body) < render.PR_BODY_LIMIT
    assert "07-release-plan.md" in body
    big = evaluation.__class__(tuple([report] * 40), evaluation.errors)
    summary = render.job_summary(env, big, view)
    assert len(summary.encode()) < 1024 * 1024


def test_large_runs_summarise_passing_features_and_keep_every_failure(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    shutil.copytree(EXAMPLE, ws)
    features = ws / "docs/features"
    for index in range(40):
        shutil.copytree(features / "invoice-links", features / f"pass-{index:02}")
    for index in range(12):
        shutil.copytree(features / "bulk-export", features / f"fail-{index:02}")
    result = run(Settings.build(ws, {"all-features": "true"}), outputs=frozenset({"summary"}))
    summary = result.rendered.summary
    sections = re.findall(r"^## .*\((`[^`]+`)\)$", summary, re.M)
    assert len(sections) == 30
    assert all("fail-" in s or "bulk-export" in s for s in sections[:13])
    assert "24 more feature(s) have no section here" in summary
    for index in range(12):
        assert f"`fail-{index:02}`" in summary
