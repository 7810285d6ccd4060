"""A document's own severity vocabulary: its legend (`1 = critical`, `Nit = low`) and severities stated in prose."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from rte.docs.markdown import Block
from rte.docs.vocab import severity_of, strip_marks
from rte.model import Severity

_GRADE = r"(critical|high|medium|moderate|low|info(?:rmational)?)"
# `1 = critical`, `Blocking = must fix before merge (counts as high)`, `Nit → low`.
_PAIR = re.compile(
    rf"(?:^|(?<=[\s,;(:]))([A-Za-z][\w-]{{0,20}}|\d)\s*(?:=|→|->)\s*[^,;=\n]{{0,50}}?\b{_GRADE}\b", re.I
)
# Severity stated in a sentence: `I'd call this high`, `a high-severity issue`, `Low risk`, `Medium-ish.`
# (not a count of several: "both high-severity findings were fixed"; nor a level things are logged at:
# "logged as `invalid_token` at high severity")
_WORDING = re.compile(
    rf"(?<!\bat )(?<!\bwith )\b{_GRADE}[\s-]+(?:severity|risk)\b(?!\s+(?:findings|issues|vulnerabilities|items|risks)\b)",
    re.I,
)
_VERDICT = re.compile(
    rf"\b(?:call|rate|treat|consider|class\w*|grade|mark|score)\w*\s+(?:this|it)\s+(?:as\s+)?(?:an?\s+)?{_GRADE}\b",
    re.I,
)
_OPENING = re.compile(rf"^\W*{_GRADE}(?:-ish)?(?:\s*[.,:;!]|\s*$)", re.I)
_SENTENCE = re.compile(r"(?<=[.;!?])\s+")
_CONDITIONAL = re.compile(
    rf"^\W*(?:\w+\W+)?(?:if|when|once|unless|should)\b|\b(?:becomes?|(?:would|could|will|might) (?:be|become))\s+"
    rf"(?:an?\s+)?{_GRADE}\b",
    re.I,
)


# `Risk bands: 1–4 Low · 5–9 Medium · 10–16 High`: numeric ranges of a computed risk score.
_BAND = re.compile(rf"\b(\d{{1,3}})\s*(?:–|—|-|to)\s*(\d{{1,3}})\s*[:=→]?\s*{_GRADE}\b", re.I)

Legend = Mapping[str, Severity]
# `**Severity Levels:** 🔴 Critical | 🟠 High | 🟡 Medium | 🔵 Low`: what the report's colours stand for
COLOURS = "🚨⛔🔴🟠🟡🟢🔵🟣⚪"
_MARKER_PAIR = re.compile(rf"([{COLOURS}])\ufe0f?\s*(?:[=:→]\s*)?\**\s*{_GRADE}\b", re.I)


def legend(blocks: Sequence[Block]) -> dict[str, Severity]:
    """Words, numbers or colours a paragraph grades two or more of at once (a legend); first definition wins."""
    found: dict[str, Severity] = {}
    for block in blocks:
        if block.kind not in ("paragraph", "item"):
            continue
        bands = _BAND.findall(block.text) if len(block.text) <= 2000 else []  # a legend is short
        if len(bands) >= 2:
            for low, high, grade in bands:
                for score in range(int(low), min(int(high), int(low) + 100) + 1):
                    found.setdefault(str(score), severity_of(grade) or Severity.UNKNOWN)
        colours = _MARKER_PAIR.findall(block.text) if len(block.text) <= 300 else []
        if len({mark for mark, _ in colours}) >= 2:
            for mark, grade in colours:
                found.setdefault(mark, severity_of(grade) or Severity.UNKNOWN)
        if "=" not in block.text and "→" not in block.text:
            continue
        pairs = _PAIR.findall(block.text)
        if len(pairs) < 2:
            continue
        for key, grade in pairs:
            severity = severity_of(grade)
            if severity is not None:
                found.setdefault(key.lower(), severity)
    return found


def graded(text: str, terms: Legend) -> Severity | None:
    """The legend's grade of a short cell or label (`2`, `Blocking:`), if the legend names it."""
    key = strip_marks(text).rstrip(":. ").lower()
    return terms.get(key) if key and len(key) <= 21 else None


_REPORT_WIDE = re.compile(
    r"\b(?:overall|aggregate)\s+(?:rating|risk(?:\s+level)?|assessment|severity|status)\W*$", re.I
)


def prose_severity(text: str) -> Severity | None:
    """A severity a sentence states (`high-severity issue`, `I'd call this high`, `Low, just tidy it up.`)."""
    for sentence in _SENTENCE.split(strip_marks(text.replace("\n", " "))):
        if _CONDITIONAL.search(sentence):
            continue  # `If service keys are added later, this becomes HIGH RISK`: a grade for another case
        match = _WORDING.search(sentence) or _VERDICT.search(sentence) or _OPENING.match(sentence)
        if match and _REPORT_WIDE.search(sentence[: match.start(1)]):
            continue  # `Overall Rating: ⚠️ HIGH RISK - DO NOT DEPLOY`: the report's verdict, not a finding's grade
        if match:
            return severity_of(match.group(1))
    return None
