"""Measuring the document reader against a labelled corpus (shared by scripts/measure_docs.py and tests).

A corpus is a folder of cases, each `<case>/expected.yaml` (schema: ../shared/corpus/README.md) next to
its document(s). Findings are matched to labelled findings by line, allowing the label to be one line
off (a finding whose heading and bold title sit on neighbouring lines); each label is matched at most
once. The blocking verdict is computed as rte does: findings open at or above HIGH, else the stated counts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from rte.docs import load_feature, parse_document
from rte.docs.security import read_security
from rte.docs.tests import read_tests
from rte.model import Document, Feature, Finding, Severity

LINE_TOLERANCE = 1
_ROLE_OF_LABEL = {"data-engineering-plan": "migration", "test-plan": "tests"}


@dataclass
class Tally:
    cases: int = 0
    true_pos: int = 0
    false_pos: int = 0
    false_neg: int = 0
    off_by_one: int = 0
    severity_ok: int = 0
    status_ok: int = 0
    blocking_ok: int = 0
    verdict_ok: int = 0
    roles_ok: int = 0
    failures: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        found = self.true_pos + self.false_pos
        return self.true_pos / found if found else 1.0

    @property
    def recall(self) -> float:
        wanted = self.true_pos + self.false_neg
        return self.true_pos / wanted if wanted else 1.0


@dataclass
class Measurement:
    security: Tally = field(default_factory=Tally)
    tests: Tally = field(default_factory=Tally)
    sets: Tally = field(default_factory=Tally)
    lines: list[str] = field(default_factory=list)  # one or more lines per case, for printing


def measure(corpus: Path, verbose: bool = False, prefix: str = "") -> Measurement:
    """Read every labelled case under `corpus` (only folders named `prefix`…) and tally the agreement."""
    result = Measurement()
    for expected_file in sorted(corpus.glob(f"{prefix}*/expected.yaml")):
        label = yaml.safe_load(expected_file.read_text(encoding="utf-8"))
        if not isinstance(label, dict):
            continue
        folder = expected_file.parent
        kind = label.get("kind")
        if kind == "security-audit":
            _security(folder, label["security"], result, verbose)
        elif kind == "test-report":
            _tests(folder, label["tests"], result, verbose)
        elif kind == "feature-set":
            _feature_set(folder, label["feature_set"], result)
    return result


def _document(folder: Path) -> tuple[str, str]:
    path = next(p for p in sorted(folder.iterdir()) if p.suffix.lower() in (".md", ".markdown"))
    return path.name, path.read_text(encoding="utf-8")


def _security(folder: Path, want: dict[str, Any], result: Measurement, verbose: bool) -> None:
    tally, out = result.security, result.lines
    name, text = _document(folder)
    doc = parse_document(text, name)
    audit, _ = read_security(doc.blocks, name, doc.fm)
    tally.cases += 1
    labels = [dict(f) for f in want.get("findings") or []]
    unmatched = list(labels)
    extra: list[Finding] = []
    for finding in audit.findings:
        line = finding.location.line or 0
        match = min(
            (lab for lab in unmatched if abs(int(lab["line"]) - line) <= LINE_TOLERANCE),
            key=lambda lab: abs(int(lab["line"]) - line),
            default=None,
        )
        if match is None:
            extra.append(finding)
            continue
        unmatched.remove(match)
        tally.true_pos += 1
        tally.off_by_one += int(match["line"]) != line
        tally.severity_ok += finding.severity.value == match["severity"]
        want_status = "open" if match["status"] == "unknown" else match["status"]
        got_status = "open" if finding.status.is_open else finding.status.value
        tally.status_ok += got_status == want_status
        if verbose and (finding.severity.value != match["severity"] or got_status != want_status):
            out.append(
                f"  {folder.name}:{line} got {finding.severity.value}/{got_status}"
                f" want {match['severity']}/{want_status}"
            )
    tally.false_pos += len(extra)
    tally.false_neg += len(unmatched)
    blocking = sum(1 for f in audit.findings if f.blocks(Severity.HIGH)) or audit.stated_open_blocking
    want_blocking = int(want.get("open_blocking") or 0)
    agree = (blocking > 0) == (want_blocking > 0)
    tally.blocking_ok += agree
    found = len(audit.findings) - len(extra)
    out.append(
        f"{folder.name}: findings {found}/{len(labels)} matched, {len(extra)} extra; "
        f"open_blocking {blocking} (want {want_blocking}){'' if agree else '  DISAGREE'}"
    )
    if verbose:
        for finding in extra:
            out.append(f"  extra line {finding.location.line}: {finding.severity.value} {finding.title[:70]}")
        for lab in unmatched:
            out.append(f"  missed line {lab['line']}: {lab['severity']} {str(lab['title'])[:70]}")
    if not agree:
        tally.failures.append(folder.name)


def _tests(folder: Path, want: dict[str, Any], result: Measurement, verbose: bool) -> None:
    tally, out = result.tests, result.lines
    name, text = _document(folder)
    doc = parse_document(text, name)
    suites, _ = read_tests(doc.blocks, name, doc.fm)
    feature = Feature(
        slug=folder.name, path=name, documents={"tests": Document("tests", name)}, suites=suites
    )
    verdict = feature.test_verdict.value
    tally.cases += 1
    agree = verdict == want["verdict"]
    tally.verdict_ok += agree
    if not agree:
        tally.failures.append(folder.name)
    out.append(f"{folder.name}: verdict {verdict} (want {want['verdict']}){'' if agree else '  DISAGREE'}")
    for suite in suites if verbose else ():
        out.append(
            f"  line {suite.location.line if suite.location else None}: {suite.level.value} "
            f"{suite.state.value} passed={suite.passed} failed={suite.failed} skipped={suite.skipped} "
            f"coverage={suite.coverage_percent} ({suite.name[:50]})"
        )


def _feature_set(folder: Path, want: dict[str, Any], result: Measurement) -> None:
    tally, out = result.sets, result.lines
    feature = load_feature(folder.parent, folder)
    tally.cases += 1
    got = {Path(doc.path).name: role for role, doc in feature.documents.items()}
    ok = True
    for entry in want.get("documents") or []:
        role = _ROLE_OF_LABEL.get(entry["role"], entry["role"])
        if role not in ("bsa", "architecture", "migration", "security", "documentation", "tests"):
            continue
        if got.get(entry["file"]) != role:
            ok = False
            out.append(f"  {entry['file']}: role {got.get(entry['file'])} (want {role})")
    verdict = feature.test_verdict.value
    verdict_ok = want.get("has_test_results") or verdict in ("incomplete", "missing")
    tally.roles_ok += ok
    tally.verdict_ok += bool(verdict_ok)
    if not (ok and verdict_ok):
        tally.failures.append(folder.name)
    out.append(f"{folder.name}: roles {'ok' if ok else 'WRONG'}; test verdict {verdict}")


def _ratio(num: int, den: int) -> str:
    return f"{num / den:.3f} ({num}/{den})" if den else "n/a"


def summary(result: Measurement) -> list[str]:
    """The figures as printable lines."""
    sec, tst, sets = result.security, result.tests, result.sets
    lines = [
        f"security audits: {sec.cases} (lines matched within ±{LINE_TOLERANCE})",
        f"  finding precision {_ratio(sec.true_pos, sec.true_pos + sec.false_pos)}",
        f"  finding recall    {_ratio(sec.true_pos, sec.true_pos + sec.false_neg)}",
        f"  matched one line off: {sec.off_by_one}",
        f"  severity accuracy {_ratio(sec.severity_ok, sec.true_pos)}",
        f"  status accuracy   {_ratio(sec.status_ok, sec.true_pos)}  (unknown counted as open)",
        f"  blocking verdict  {_ratio(sec.blocking_ok, sec.cases)}  disagree: {sec.failures or 'none'}",
        f"test reports: {tst.cases}",
        f"  test verdict      {_ratio(tst.verdict_ok, tst.cases)}  disagree: {tst.failures or 'none'}",
    ]
    if sets.cases:
        lines += [
            f"feature sets: {sets.cases}",
            f"  document roles    {_ratio(sets.roles_ok, sets.cases)}",
            f"  test verdict not pass/fail without results {_ratio(sets.verdict_ok, sets.cases)}",
        ]
    return lines
