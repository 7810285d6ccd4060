"""The document reader on the project's own held-out set (tests/fixtures/heldout): issue 3's figures.

The set was written and labelled before the reader was tuned on it, in styles the dev corpus lacks
(labels follow ../shared/corpus/README.md). Measuring is shared with scripts/measure_docs.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.docmeasure import Measurement, measure, summary

HELDOUT = Path(__file__).parent / "fixtures" / "heldout"


@pytest.fixture(scope="module")
def result() -> Measurement:
    return measure(HELDOUT, verbose=True)


def _explain(result: Measurement) -> str:
    return "\n".join(result.lines + summary(result))


def test_the_set_is_big_enough_to_mean_something(result: Measurement) -> None:
    assert result.security.cases >= 14
    assert result.tests.cases >= 12
    assert result.security.true_pos + result.security.false_neg >= 60  # labelled findings


def test_finding_recall_and_precision(result: Measurement) -> None:
    assert result.security.recall >= 0.95, _explain(result)
    assert result.security.precision >= 0.95, _explain(result)


def test_blocking_verdict_agrees_on_every_audit(result: Measurement) -> None:
    assert result.security.blocking_ok == result.security.cases, _explain(result)


def test_test_verdict_agrees_on_every_report(result: Measurement) -> None:
    assert result.tests.verdict_ok == result.tests.cases, _explain(result)


def test_severity_and_status_of_matched_findings(result: Measurement) -> None:
    matched = result.security.true_pos
    assert result.security.severity_ok / matched >= 0.95, _explain(result)
    assert result.security.status_ok / matched >= 0.95, _explain(result)
