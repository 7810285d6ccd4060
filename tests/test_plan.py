"""The plan's decisions: timeline, risk thresholds, alert rules, rollback options."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from rte.alerts import alert_rows, rules_yaml
from rte.errors import ConfigError
from rte.model import Feature, Location, Migration, Named
from rte.risk import assess, parse_thresholds
from rte.rollback import migration_view, options
from rte.settings import Settings
from rte.timeline import build_timeline


def test_timeline_from_staging_at_skips_the_weekend() -> None:
    t = build_timeline(
        {
            "staging_at": "2026-03-06 14:00",
            "production_window": "22:00-23:30",
            "timezone": "Europe/Berlin",
            "commit_date": "2020-01-01T00:00:00Z",
        }
    )
    rows = {r["step"]: r["when"] for r in t["rows"]}  # type: ignore[index, union-attr]
    assert rows["Staging deploy"] == "2026-03-06 14:00 CET"
    assert rows["Production deploy (window)"] == "2026-03-09 22:00 CET – 23:30"  # Friday → Monday
    assert "staging-at" in str(t["basis"])


def test_timeline_from_commit_date_and_without_any_date() -> None:
    t = build_timeline({"commit_date": "2026-03-02T10:20:00+00:00", "timezone": "UTC"})
    assert t["rows"][0]["when"] == "2026-03-02 11:00 UTC"  # type: ignore[index]
    assert build_timeline({})["rows"] == []
    assert "no `staging-at`" in str(build_timeline({})["basis"])


@pytest.mark.parametrize(
    ("view", "word"),
    [
        ({"staging_at": "tomorrow"}, "staging-at"),
        ({"production_window": "9-5", "staging_at": "2026-03-02 10:00"}, "production-window"),
        ({"timezone": "Mars/Olympus", "staging_at": "2026-03-02 10:00"}, "timezone"),
    ],
)
def test_timeline_bad_inputs_are_config_errors(view: dict[str, str], word: str) -> None:
    with pytest.raises(ConfigError, match=word):
        build_timeline(view)


def test_risk_thresholds_from_config_file(tmp_path: Path) -> None:
    (tmp_path / ".github").mkdir()
    (tmp_path / ".github/rte.yml").write_text("risk-thresholds: medium=1,high=2\n")
    settings = Settings.build(tmp_path, {})
    assert settings.risk_thresholds == (("critical", 8.0), ("high", 2.0), ("medium", 1.0), ("low", 0.0))
    feature = Feature("x", "x", migration=Migration("x/1.sql", convention="dbmate"))
    risk = assess(feature, thresholds=settings.risk_thresholds)
    assert risk.level == "medium" and [f.weight for f in risk.factors] == [1.0]
    assert assess(feature).level == "low"


def test_risk_thresholds_bad_value_names_the_input(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="risk-thresholds"):
        Settings.build(tmp_path, {"risk-thresholds": "high=2,medium=5"})
    with pytest.raises(ValueError, match="level=score"):
        parse_thresholds("severe=3")


def test_risk_factors_each_have_a_weight_and_a_line() -> None:
    where = Location("f/02.md", 4)
    feature = Feature(
        "x",
        "x",
        migration=Migration(
            "f/3.sql", destructive=(Named("DROP TABLE t", Location("f/3.sql", 2), "drop table"),)
        ),
        breaking_changes=(Named("removes GET /v1/x", where),),
        endpoints=(Named("GET /v2/x", where),),
    )
    risk = assess(feature)
    reasons = {f.reason.split(":")[0]: f.weight for f in risk.factors}
    assert reasons["data-destroying statement (drop table)"] == 3.0
    assert reasons["no down migration"] == 1.5 and reasons["breaking change"] == 3.0
    assert reasons["no feature flag"] == 1.0
    assert risk.level == "critical" and all(f.location for f in risk.factors)


def test_prose_alerts_get_no_invented_rule() -> None:
    rows = alert_rows(
        [
            Named("Slow", Location("a.md", 3), "p95 of render_seconds > 2 for 10m | warning"),
            Named("Deep", Location("a.md", 4), "queue_depth > 100 | 5m | critical | scale workers"),
        ]
    )
    assert rows[0]["expr"] == "" and rows[0]["for"] == "10m"
    assert rows[1]["expr"] == "queue_depth > 100" and rows[1]["action"] == "scale workers"
    text = rules_yaml("rte-x", rows)
    assert "# Slow: no PromQL expression" in text
    data = yaml.safe_load(text)
    assert data["groups"][0]["rules"] == [
        {
            "alert": "Deep",
            "expr": "queue_depth > 100",
            "for": "5m",
            "labels": {"severity": "critical"},
            "annotations": {"summary": "Deep", "source": "a.md:4", "action": "scale workers"},
        }
    ]


def test_rollback_options_follow_what_exists() -> None:
    plain = Feature("x", "x", migration=Migration("x/1.sql"))
    view = migration_view(plain, {})
    assert view and not view["has_down"]
    assert [o["key"] for o in options([], view, [])] == ["app"]
    with_down = Feature("x", "x", migration=Migration("x/1.sql", convention="dbmate", tool="dbmate"))
    view = migration_view(with_down, {})
    assert view and view["has_down"] and "rollback" in view["down"]
    opts = options(["x_flag"], view, [])
    assert [o["key"] for o in opts] == ["flag", "app", "db"] and not opts[2]["last_resort"]
    view = migration_view(with_down, {"up": "u", "down": "d", "down_drops": ["DROP TABLE t"]})
    assert view and options([], view, [])[1]["last_resort"]
