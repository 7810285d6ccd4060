"""Alerts and dashboards from the metrics and alerts a feature's docs name: never an invented series. Pure."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import yaml

from rte.model import Named

_SEVERITY = re.compile(r"^(critical|warning|warn|info|page|ticket|high|medium|low)$", re.I)
_DURATION = re.compile(r"^\d+[smhdw]$")
_FOR = re.compile(r"\s+for\s+(\d+[smhdw])\s*$", re.I)
_COMPARE = re.compile(r"(>=|<=|==|!=|>|<)\s*-?\d")
_WORD = re.compile(r"[A-Za-z_:][\w:]*")
_METRICISH = re.compile(r"^[a-z_:][a-z0-9_:]*$")
_PROMQL_WORDS = frozenset(
    [
        "by",
        "without",
        "on",
        "ignoring",
        "group_left",
        "group_right",
        "and",
        "or",
        "unless",
        "bool",
        "offset",
        "sum",
        "rate",
        "irate",
        "increase",
        "histogram_quantile",
        "avg",
        "max",
        "min",
        "count",
        "stddev",
        "stdvar",
        "topk",
        "bottomk",
        "quantile",
        "count_values",
        "abs",
        "absent",
        "absent_over_time",
        "ceil",
        "floor",
        "round",
        "clamp",
        "clamp_min",
        "clamp_max",
        "delta",
        "idelta",
        "deriv",
        "predict_linear",
        "avg_over_time",
        "min_over_time",
        "max_over_time",
        "sum_over_time",
        "count_over_time",
        "quantile_over_time",
        "last_over_time",
        "present_over_time",
        "changes",
        "resets",
        "time",
        "vector",
        "scalar",
        "label_replace",
        "sort",
        "sort_desc",
        "e",
        "le",
        "s",
        "m",
        "h",
        "d",
        "w",
    ]
)


def _promql(text: str) -> bool:
    """Does this cell read as a PromQL expression (not prose)? Every bare word must be PromQL or a series."""
    if not _COMPARE.search(text) or not re.search(r"[a-z][a-z0-9]*_[a-z0-9_]", text):
        return False
    outside = re.sub(r"\{[^}]*\}|\"[^\"]*\"|'[^']*'|\[[^\]]*\]|\b(?:by|without)\s*\([^)]*\)", " ", text)
    return all(
        w.lower() in _PROMQL_WORDS or (("_" in w or ":" in w) and _METRICISH.match(w))
        for w in _WORD.findall(outside)
    )


def alert_rows(alerts: Sequence[Named]) -> list[dict[str, Any]]:
    """One row per alert the docs name: condition, PromQL expression (when stated), for, severity, action."""
    rows = []
    for alert in alerts:
        parts = [p.strip() for p in alert.detail.split(" | ") if p.strip()] if alert.detail else []
        severity = next((p.lower() for p in parts if _SEVERITY.match(p)), "")
        duration = next((p for p in parts if _DURATION.match(p)), "")
        rest = [p for p in parts if p.lower() != severity and p != duration]
        expr = next((p for p in rest if _promql(_FOR.sub("", p))), "")
        if expr and (found := _FOR.search(expr)):
            duration = duration or found.group(1)
            expr = _FOR.sub("", expr)
        prose = [p for p in rest if p != expr and not _promql(p)]
        condition = expr or (prose[0] if prose else "")
        if not duration and (found := _FOR.search(condition)):
            duration = found.group(1)
        action = next((p for p in prose if p != condition), "")
        rows.append(
            {
                "name": alert.name,
                "condition": condition or "not stated in the docs",
                "expr": expr,
                "for": duration,
                "severity": severity or "not stated",
                "action": action,
                "location": alert.location,
                "source": str(alert.location),
            }
        )
    return rows


def rules_yaml(group: str, rows: Sequence[dict[str, Any]]) -> str:
    """Prometheus alerting rules (`groups[].rules[]`) for the alerts whose expression the docs state.

    Alerts stated only in prose stay out of the rules and are listed as YAML comments, so the block
    always parses and never holds an expression nobody wrote.
    """
    rules = []
    for row in rows:
        if not row["expr"]:
            continue
        rule: dict[str, Any] = {"alert": _rule_name(row["name"]), "expr": row["expr"]}
        if row["for"]:
            rule["for"] = row["for"]
        if row["severity"] != "not stated":
            rule["labels"] = {"severity": row["severity"]}
        rule["annotations"] = {"summary": row["name"], "source": row["source"]}
        if row["action"]:
            rule["annotations"]["action"] = row["action"]
        rules.append(rule)
    notes = [
        f"# {_one_line(row['name'])}: no PromQL expression in the docs "
        f"({_one_line(row['condition'])}, {row['source']}); write one there to get a rule."
        for row in rows
        if not row["expr"]
    ]
    text = yaml.safe_dump(
        {"groups": [{"name": group, "rules": rules}]}, sort_keys=False, allow_unicode=True, width=10_000
    )
    return "\n".join([*notes, text.rstrip()]) + "\n"


def _rule_name(name: str) -> str:
    cleaned = re.sub(r"[^A-Za-z0-9_:]+", "_", name).strip("_")
    return cleaned if cleaned and not cleaned[0].isdigit() else f"rte_{cleaned}"


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def panels(metrics: Sequence[Named], rows: Sequence[dict[str, Any]]) -> list[dict[str, str]]:
    """Dashboard panels: one per named metric (counters as rates), one per alert with an expression."""
    out = []
    for metric in metrics:
        name = metric.name.split("{", 1)[0]
        query = f"sum(rate({metric.name}[5m]))" if name.endswith("_total") else metric.name
        out.append({"title": name, "query": query, "location": str(metric.location)})
    for row in rows:
        if row["expr"]:
            out.append({"title": f"Alert: {row['name']}", "query": row["expr"], "location": row["source"]})
    return out
