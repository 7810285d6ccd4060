"""SARIF 2.1.0 (CodeQL, Trivy, Semgrep…) → Finding values with the rule, severity, status and place."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import unquote, urlsplit

from rte.errors import DocError
from rte.model import Finding, FindingStatus, Location, Severity

LEVELS = {"error": Severity.HIGH, "warning": Severity.MEDIUM, "note": Severity.LOW, "none": Severity.INFO}
SKIPPED_KINDS = frozenset({"pass", "notApplicable"})
MAX_TITLE = 200

JsonObj = Mapping[str, object]


def parse_sarif(data: bytes, rel: str, workspace: Path | None = None) -> tuple[Finding, ...]:
    """Every failing result of every run; DocError when the file is not SARIF JSON."""
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise DocError("the SARIF file is not UTF-8 text", Location(rel)) from None
    except json.JSONDecodeError as exc:
        raise DocError(f"the SARIF file is not valid JSON: {exc.msg}", Location(rel, exc.lineno)) from None
    except RecursionError:
        raise DocError("the SARIF file nests values too deeply to be read", Location(rel)) from None
    if not isinstance(doc, dict) or not isinstance(doc.get("runs"), list):
        raise DocError(
            "the file is not SARIF: it has no top-level `runs` list",
            Location(rel, 1),
            tip="point the `sarif` input at the .sarif files your scanners write",
        )
    findings: list[Finding] = []
    for run in doc["runs"]:
        if isinstance(run, dict):
            findings.extend(_run_findings(run, rel, workspace))
    return tuple(findings)


def _run_findings(run: JsonObj, rel: str, workspace: Path | None) -> list[Finding]:
    every_rule = _rules(run) + [
        r for ext in _list(_obj(run.get("tool")).get("extensions")) for r in _list(ext.get("rules"))
    ]
    by_id = {_str(r.get("id")): r for r in every_rule if _str(r.get("id"))}
    artifacts = _list(run.get("artifacts"))
    findings = []
    for result in _list(run.get("results")):
        if result.get("kind", "fail") in SKIPPED_KINDS:
            continue
        rule = _rule_of(result, run, by_id)
        rule_id = (
            _str(result.get("ruleId")) or _str(rule.get("id")) or _str(_obj(result.get("rule")).get("id"))
        )
        findings.append(
            Finding(
                title=_title(result, rule, rule_id),
                severity=severity_of(result, rule),
                status=_status(result),
                location=_location(result, artifacts, rel, workspace),
                id=rule_id or None,
                source="sarif",
            )
        )
    return findings


def severity_of(result: JsonObj, rule: JsonObj) -> Severity:
    """`security-severity` (result, then rule) in CVSS bands; else the result's or rule's default level."""
    for props in (_obj(result.get("properties")), _obj(rule.get("properties"))):
        score = _score(props.get("security-severity"))
        if score is not None:
            return Severity.from_cvss(score)
    level = (
        _str(result.get("level")) or _str(_obj(rule.get("defaultConfiguration")).get("level")) or "warning"
    )
    return LEVELS.get(level, Severity.UNKNOWN)


def _status(result: JsonObj) -> FindingStatus:
    if result.get("baselineState") == "absent":
        return FindingStatus.FIXED
    suppressions = _list(result.get("suppressions"))
    # A suppression without `status` is in effect (as SARIF consumers read it); underReview/rejected are not.
    if any(s.get("status", "accepted") == "accepted" for s in suppressions):
        return FindingStatus.ACCEPTED
    return FindingStatus.OPEN


def _title(result: JsonObj, rule: JsonObj, rule_id: str) -> str:
    for holder in (rule.get("shortDescription"), result.get("message"), rule.get("fullDescription")):
        text = _str(_obj(holder).get("text")).strip()
        if text:
            first = text.splitlines()[0].strip()
            return first if len(first) <= MAX_TITLE else first[: MAX_TITLE - 1] + "…"
    return rule_id or "SARIF result"


def _rules(run: JsonObj) -> list[JsonObj]:
    return _list(_obj(_obj(run.get("tool")).get("driver")).get("rules"))


def _rule_of(result: JsonObj, run: JsonObj, by_id: Mapping[str, JsonObj]) -> JsonObj:
    """The rule a result points to: by index (in the driver or an extension such as a CodeQL pack), else id."""
    ref = _obj(result.get("rule"))
    index = result.get("ruleIndex", ref.get("index"))
    component = _obj(ref.get("toolComponent")).get("index")
    if isinstance(component, int):
        extensions = _list(_obj(run.get("tool")).get("extensions"))
        rules = _list(extensions[component].get("rules")) if 0 <= component < len(extensions) else []
    else:
        rules = _rules(run)
    if isinstance(index, int) and 0 <= index < len(rules):
        return rules[index]
    rule_id = _str(result.get("ruleId")) or _str(ref.get("id"))
    return by_id.get(rule_id) or by_id.get(rule_id.split("/", 1)[0]) or {}


def _location(result: JsonObj, artifacts: list[JsonObj], rel: str, workspace: Path | None) -> Location:
    for loc in _list(result.get("locations")):
        physical = _obj(loc.get("physicalLocation"))
        artifact = _obj(physical.get("artifactLocation"))
        uri = _str(artifact.get("uri"))
        index = artifact.get("index")
        if not uri and isinstance(index, int) and 0 <= index < len(artifacts):
            uri = _str(_obj(artifacts[index].get("location")).get("uri"))
        if uri:
            line = _obj(physical.get("region")).get("startLine")
            return Location(_relative(uri, workspace), line if isinstance(line, int) and line > 0 else None)
    return Location(rel)


def _relative(uri: str, workspace: Path | None) -> str:
    """A workspace-relative path from a SARIF uri (relative, `file://` absolute, or percent-encoded)."""
    parts = urlsplit(uri)
    path = unquote(parts.path) if parts.scheme in ("", "file") else uri
    if workspace is not None and path.startswith("/"):
        root = workspace.resolve().as_posix().rstrip("/") + "/"
        if path.startswith(root):
            return path[len(root) :]
    while path.startswith("./"):
        path = path[2:]
    return path


def _score(value: object) -> float | None:
    if isinstance(value, bool):
        return None
    try:
        score = float(value) if isinstance(value, (int, float, str)) else None
    except ValueError:
        return None
    return score if score is not None and 0 <= score <= 10 else None


def _obj(value: object) -> JsonObj:
    return value if isinstance(value, dict) else {}


def _list(value: object) -> list[JsonObj]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _str(value: object) -> str:
    return value if isinstance(value, str) else ""
