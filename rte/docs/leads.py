"""Lines that may open a security finding (headings, bold leads, list items) and the fields under them."""

from __future__ import annotations

import re
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from rte.docs.legends import Legend, graded, prose_severity
from rte.docs.markdown import Block
from rte.docs.vocab import (
    foreign_severity,
    leading_marker,
    moscow_severity,
    severity_of,
    status_of,
    strip_marks,
)
from rte.model import FindingStatus, Severity

ID = re.compile(r"\b([A-Z][A-Z0-9]{0,9}(?:-[A-Z][A-Z0-9]{0,9})?-[A-Z]{0,2}\d{1,4}(?:\.\d+)?|#\d{1,4})\b")
TAG = re.compile(r"\[(critical|high|medium|moderate|low|info|P[0-4])\]", re.I)
SEVERITY_WORDS = r"(critical|high|medium|moderate|low|info(?:rmational)?|P[0-3])"
# A heading closing with its severity: `### 2.1 Feed URLs leak in referrers (Medium)`.
PAREN_SEVERITY_END = re.compile(rf"\({SEVERITY_WORDS}(?:\s+(?:severity|risk|priority))?\)\W*$", re.I)
SEVERITY_PREFIX = re.compile(rf"^\W*{SEVERITY_WORDS}(?:\s+(?:severity|risk|priority))?\s*[:|\-–—]\s*\w", re.I)
FINDING_LEAD = re.compile(
    r"^\W*(?:issue|finding|vulnerability|vuln|bug|weakness|flaw|alert)\s*#?\s*\d+\s*[:.)\-–—]", re.I
)
# A key may be written in two languages (`Severidad / Severity:`, `Status / Estado:`).
_OTHER_KEY = r"[^\W\d_]+"
_FIELD = re.compile(
    rf"^\W*(?:{_OTHER_KEY}\s*/\s*)?(severity|inherent risk|risk level|risk rating|risk|priority|impact level|impact|rating"
    r"|cvss[^:]*|(?:(?:remediation|fix|current|finding|triage)\s+)?(?:status|state)|resolution|triage"
    rf"|severidad|gravedad|s[ée]v[ée]rit[ée]|schweregrad|estado|statut)(?:\s*/\s*{_OTHER_KEY})?\W*[:=]\s*(.+)$",
    re.I,
)
# Several fields on one line: `**Severity:** High · **Status:** ✅ Resolved`.
_FIELD_SEPARATOR = re.compile(r"\s+[·•|]\s+")
# `… (fixed in #5530)` closing a list item, or a body line opening with a status (`✅ Fixed in PR #2211`).
_PAREN_STATUS = re.compile(
    r"\(((?:fixed|resolved|mitigated|accepted|open|closed|won'?t fix|in progress|wip)\b[^()]{0,80})\)\W*$",
    re.I,
)
_STATUS_OPENING = re.compile(
    r"^\W*(fixed|resolved|mitigated|remediated|closed|addressed|accepted|done|rotated|patched|merged)"
    r"(?:\s+(?:in|by|via|with|on|for)\b|\s*[:,—–]|\W*$)",
    re.I,
)
# `(merged #640)`, `(fixed in 4e1f0aa)` inside a sentence: fix evidence.
_PAREN_EVIDENCE = re.compile(r"\((merged|fixed|resolved|patched|done)\b[^()]{0,60}\)", re.I)
# `… ⏳ Not yet fixed.`, `… ✅ Fixed in PR #877.`: a status emoji and its words closing an item.
_EMOJI_OPENING = re.compile(r"^\s*(?:✅|❌|⏳|🟡|🚧|⛔|✔️?)\s*(\w.{1,160})$")
_SENTENCE = re.compile(r"(?<=[.;!?])\s+(?=\S)")
# `Title — Risk: High / Status: Open`: fields written inline on a finding's lead line.
_INLINE_FIELD = re.compile(
    r"(?:^|[\s/|;·(,])(severity|risk|priority|impact|status|state)\s*[:=]\s*([^/|;·,()]+)", re.I
)
_LEADING_SEVERITY = re.compile(rf"^\W*{SEVERITY_WORDS}\b", re.I)
# A failed check (`❌ Tokens never expire (High)`) names its severity in brackets.
_FAILED_CHECK = re.compile(r"^\W*(?:❌|✗|✖|✘)")
PAREN_SEVERITY = re.compile(rf"\({SEVERITY_WORDS}(?:\s+(?:severity|risk|priority))?\)", re.I)
# `**Finding:** Title` opening a paragraph of `**Severity:** …` lines (a definition-style finding).
_DEFINITION = re.compile(r"^\W*(?:finding|issue|vulnerability|weakness|title)\s*:\s*\w", re.I)
# `Title — High.` / `Title: *Medium*`: a list item naming its severity right after its title.
_TITLE_THEN_SEVERITY = re.compile(rf"^.{{8,}}?\s[—–:-]\s*\(?{SEVERITY_WORDS}\)?(?:[.;,]|$)", re.I)
# `Sev2. Invoices are cached…`, `Risk score 8.2.`: a severity stated first in a finding's body.
_BODY_SEVERITY = re.compile(r"^\W*(sev[- ]?[0-4]|P[0-4])\s*(?:[.;,]|$)", re.I)
_RISK_SCORE = re.compile(r"^\W*risk score\W{0,3}(\d{1,2}(?:\.\d)?)\b(?!\s*/\s*100|\s*%)", re.I)
# `…, so this is mitigated until GA.`: a sentence closing with the finding's state.
_THIS_IS = re.compile(
    r"\b(?:this|it)\s+is\s+(?:now\s+|already\s+)?(mitigated|fixed|resolved|accepted)\b", re.I
)
# `… — fixed in 2.8.1`: the status a list item states at its end, after a dash.
_TRAILING = re.compile(r"\s(?:--|[—–-])\s+([^—–]{1,60})$")

# A heading that sorts findings by severity: `## High`, `### 🟠 High Severity`, `Critical Issues (Must Fix)`.
SEVERITY_SECTION = re.compile(
    r"^\W*(critical|high|medium|moderate|low|info(?:rmational)?|P[0-4])\b"
    r"[\w\s()/-]*(issues?|findings?|vulnerabilit\w*|severity|priority|risks?)?\W*$",
    re.I,
)
# `Invite token never expires – the expiry is never checked`: a short title, a dash, its description.
_TITLE_DASH = re.compile(r"^[^–—:\n]{3,80}?\s[–—]\s+\S")

# `**V1. Title**`, `**F3: Title**`: a short id opening a bold title.
_SHORT_ID = re.compile(r"^\W*[A-Z]{1,4}\d{1,3}[.:)]\s+\w")
# What may follow a bold title to grade it: `(High)`, `— Severity: CRITICAL`, `🔴 High — …`.
_AFTER_LEAD = re.compile(
    rf"^\W{{0,4}}(?:\({SEVERITY_WORDS}\)|(?:severity|risk|priority)\s*[:=]\s*{SEVERITY_WORDS}\b"
    rf"|{SEVERITY_WORDS}\s*[—–-])",
    re.I,
)

# A bare grade in brackets (`(high)`), and an item opening with a quantity (`-5 points: …`, `0-7 days: …`).
_PAREN_GRADE = re.compile(rf"\({SEVERITY_WORDS}\)", re.I)
_TALLY = re.compile(r"^\W*[-+]?\d")

# A severity word alone, as the first of several `·`-separated fields.
_BARE_GRADE = re.compile(rf"^\W*{SEVERITY_WORDS}\W*$", re.I)

ITEM_LEVEL = 8  # list items sit below headings (1-6) and bold lead lines (7)


@dataclass(frozen=True)
class Lead:
    """A line that may open a finding: block index, nesting level (heading level, 7 bold, 8 item), text."""

    index: int
    level: int
    text: str
    graded: bool = False  # a bold lead or item the document's own layout marks as a finding


def candidates(blocks: Sequence[Block], terms: Legend | None = None) -> list[Lead]:
    """Every heading, and every bold lead line or list item that looks like the start of a finding."""
    found: list[Lead] = []
    items: list[int] = []  # the list items enclosing the current one, outermost first
    parents: set[int] = set()
    listing = False  # the blocks since the last heading are list items only (`## 🟢 Low` + plain bullets)
    spoken: list[Lead] = []  # a run of items each grading itself in prose (`2. … Medium-ish.`)
    for index, block in enumerate(blocks):
        first = block.text.split("\n")[0]
        plain = strip_marks(first)
        listing = block.kind == "heading" or (listing and block.kind == "item")
        if block.kind != "item":
            found.extend(spoken if len(spoken) >= 2 else ())  # one graded sentence alone is prose
            spoken = []
        if block.kind == "heading":
            found.append(Lead(index, block.level, block.text))
        elif block.lead and block.kind in ("paragraph", "item") and bold_lead(block, first, terms or {}):
            level = 7 if block.kind == "paragraph" else ITEM_LEVEL
            found.append(Lead(index, level, first, graded=True))
        elif block.kind == "paragraph" and (
            block.strong or (_DEFINITION.match(plain) and "\n" in block.text)
        ):
            if (
                FINDING_LEAD.match(plain)
                or ID.search(first)
                or TAG.search(first)
                or SEVERITY_PREFIX.match(plain)
                or _DEFINITION.match(plain)
            ):
                found.append(Lead(index, 7, first))
        elif block.kind == "item":
            while items and blocks[items[-1]].level >= block.level:
                items.pop()
            if _item_opens_finding(first, plain, block.checked is not None) or (
                not items
                and (block.strong or _TITLE_DASH.match(first) or (listing and not _TALLY.match(plain)))
                and section_severity(block.section[-1:]) is not None
            ):
                found.append(Lead(index, ITEM_LEVEL, first))
            elif items and re.match(r"^\W*severity\W*[:=]\s*\w", plain, re.I) and items[-1] not in parents:
                # `- Title` with a nested `- severity: high`: the parent item is the finding.
                parents.add(items[-1])
                found.append(Lead(items[-1], ITEM_LEVEL, blocks[items[-1]].text.split("\n")[0]))
            elif (
                not items
                and len(plain.split()) >= 6
                and not _TALLY.match(plain)
                and prose_severity(block.text)
            ):
                spoken.append(Lead(index, ITEM_LEVEL, first, graded=True))
            items.append(index)
    found.extend(spoken if len(spoken) >= 2 else ())
    return sorted(set(found), key=lambda lead: lead.index)


def bold_lead(block: Block, first: str, terms: Legend) -> bool:
    """A paragraph or item opening with a bold title that carries an id or a grade, or a grade right after it:
    `**[SEC-01]** 🔴 High — …`, `**V1. Title** — Severity: CRITICAL`, `1. **Title** (High) - …`, `**Nit:** …`."""
    lead = block.lead
    if _FIELD.match(strip_marks(first)):
        return False  # `**Risk:** LOW - …` is a field of the finding above
    if ID.search(lead) or TAG.search(lead) or FINDING_LEAD.match(lead) or PAREN_SEVERITY.search(lead):
        return True
    if _SHORT_ID.match(lead) or graded(lead, terms):
        return True
    rest = first.split(lead, 1)[1] if lead in first else ""
    return bool(_AFTER_LEAD.match(strip_marks(rest)))


def section_severity(titles: Sequence[str]) -> Severity | None:
    """The severity a section heading gives the findings under it (last title of `titles`), if any."""
    if not titles:
        return None
    plain = strip_marks(titles[-1])
    if SEVERITY_SECTION.match(plain) and not ID.search(titles[-1]):
        return severity_of(plain) or Severity.UNKNOWN
    return moscow_severity(plain)


def _item_opens_finding(first: str, plain: str, task: bool = False) -> bool:
    """A list item is a finding when it starts with an id or a [severity] tag, reads `Finding 3: …`,
    writes its severity as an inline field, or is a failed check with a bracketed severity."""
    ident = ID.search(first)
    if ident and not re.search(r"\w", first[: ident.start()]):
        return True
    tag = TAG.search(first)
    if tag and not re.search(r"\w", first[: tag.start()]):
        return True
    if FINDING_LEAD.match(plain) or _TITLE_THEN_SEVERITY.match(plain):
        return True
    if task and PAREN_SEVERITY.search(first):  # `- [ ] Tokens never expire (high)`
        return True
    if _PAREN_GRADE.search(first) and not _TALLY.match(plain):  # `- Bea: cut link lifetime to 15 min (high)`
        return True
    titled = _INLINE_FIELD.search(plain)  # `Title — Risk: High`, but not a bare `Severity: High` line
    if (
        titled
        and re.search(r"\w", plain[: titled.start()])
        and any(_inline_severity(key, value) for key, value in inline_fields(first))
    ):
        return True
    return bool(_FAILED_CHECK.match(first) and PAREN_SEVERITY.search(first))


def inline_fields(line: str) -> list[tuple[str, str]]:
    return [(m.group(1).lower(), m.group(2).strip()) for m in _INLINE_FIELD.finditer(strip_marks(line))]


def _inline_severity(key: str, value: str) -> Severity | None:
    if key in ("severity", "risk", "priority", "impact") and _LEADING_SEVERITY.match(value):
        return severity_of(value)
    return None


def fields(blocks: Sequence[Block], lead: Lead, starts: AbstractSet[int]) -> dict[str, str]:
    """`Severity:` / `Status:` fields of a finding: on its lead line, then up to the next heading or lead.

    A list item owns only its own lines and the items nested under it.
    """
    found: dict[str, str] = {}
    for key, value in inline_fields(lead.text):
        _put(found, key, value)
    head = blocks[lead.index]
    texts = [(head, head.text.split("\n")[1:])] if head.kind in ("paragraph", "item") else []
    for position in range(lead.index + 1, len(blocks)):
        block = blocks[position]
        if block.kind == "heading" or position in starts:
            break
        if head.kind == "item" and (block.kind != "item" or block.level <= head.level):
            break
        if block.kind == "row" and len(block.cells) >= 2:
            texts.append((block, [f"{block.cells[0]}: {block.cells[1]}".replace("*", "")]))
        else:
            texts.append((block, [_unmarked(line) for line in block.text.split("\n")]))
    if head.kind == "item" and (closing := _PAREN_STATUS.search(" ".join(head.text.split("\n")))):
        found.setdefault("status", closing.group(1))
    for block, lines in texts:
        for line in lines:
            match = _FIELD.match(_unmarked(line))
            parts = _FIELD_SEPARATOR.split(_unmarked(line))
            if not match and len(parts) > 1 and _BARE_GRADE.match(parts[0]) and block.kind == "paragraph":
                # `High · Status: Open` (a coloured severity word, then the fields)
                found.setdefault("severity", parts[0])
                match = next((m for part in parts[1:] if (m := _FIELD.match(part))), None)
            if match:
                parts = _FIELD_SEPARATOR.split(_unmarked(line))
                for part in parts if len(parts) > 1 else ():
                    if more := _FIELD.match(part):
                        _put(found, more.group(1).lower(), more.group(2), part)
                _put(found, match.group(1).lower(), match.group(2), line)
            elif block.kind not in ("paragraph", "item"):
                continue
            elif opening := _STATUS_OPENING.match(line):
                found.setdefault("status", _evidence(opening.group(1)))
            elif block.kind != "paragraph" or block is head:
                continue
            elif body := _BODY_SEVERITY.match(line):
                found.setdefault("severity", body.group(1))
            elif score := _RISK_SCORE.match(line):
                found.setdefault("severity", f"CVSS {score.group(1)}")
        if block.kind in ("paragraph", "item"):
            _sentences(found, block, block is head, lead.level <= 6)
    return found


def _sentences(found: dict[str, str], block: Block, head: bool, heading: bool) -> None:
    """Fields, status openings and fix evidence stated mid-paragraph, one sentence at a time
    (`Inherent risk: High. Fixed, pinned to our CA (commit 55be0d1). Residual: none.`)."""
    sentences = _SENTENCE.split(_unmarked(" ".join(block.text.split("\n"))))
    for sentence in sentences[1:] if head else sentences:
        if match := _FIELD.match(sentence):
            _put(found, match.group(1).lower(), match.group(2), sentence)
        elif opening := _STATUS_OPENING.match(sentence):
            found.setdefault("status", _evidence(opening.group(1)))
        elif (emoji := _EMOJI_OPENING.match(sentence)) and status_of(emoji.group(1)):
            found.setdefault("status", emoji.group(1))
        elif evidence := _PAREN_EVIDENCE.search(sentence):
            found.setdefault("status", _evidence(evidence.group(1)))
        elif verdict := _THIS_IS.search(sentence):
            found.setdefault("status", verdict.group(1))
    if heading and block.kind == "paragraph" and not head and (grade := prose_severity(block.text)):
        found.setdefault("prose", grade.value)


def _evidence(verb: str) -> str:
    """A status word for fix evidence: `merged #640`, `Rotated on 3 Oct` are fixes."""
    return "fixed" if verb.lower() in ("merged", "rotated", "patched") else verb


def _unmarked(line: str) -> str:
    """A line without emphasis and code marks; status emoji (✅ ❌) stay."""
    return re.sub(r"`+|\*+", "", line).strip()


def _put(found: dict[str, str], key: str, value: str, line: str = "") -> None:
    if "~~" in value:  # `~~Open~~ → Fixed 2025-03-02`: the struck value was replaced by what follows
        value = re.sub(r"^[\s→>-]+", "", re.sub(r"~~[^~]*~~", "", value)) or value
    if key.startswith("cvss"):
        key, value = "severity", line or f"CVSS {value}"  # the score follows the vector: read the line
    elif key.endswith(("status", "state", "resolution", "triage", "estado", "statut")):
        key = "status"
    elif key in ("impact", "rating"):
        # "Impact: an attacker with low privileges…" is prose; only a leading severity word counts.
        if not _LEADING_SEVERITY.match(strip_marks(value)):
            return
        key = "severity"
    elif key not in ("priority", "risk"):
        key = "severity"
    found.setdefault(key, value)


def field_severity(found: dict[str, str], terms: Legend | None = None) -> Severity | None:
    for key in ("severity", "priority", "risk"):
        if key not in found:
            continue
        value = found[key]
        if severity := severity_of(value) or foreign_severity(value) or graded(value, terms or {}):
            return severity
    return None


def lead_status(lead: Lead, found: dict[str, str]) -> FindingStatus | None:
    """The status field, else (for list items) a status stated after a closing dash, else a status word."""
    if "status" in found and (status := status_of(found["status"])):
        return status
    if lead.level == ITEM_LEVEL:
        trailing = _TRAILING.search(strip_marks(lead.text))
        if trailing and (status := status_of(trailing.group(1))):
            return status
    marker = re.search(r"\b(fixed|resolved|mitigated|accepted|open|closed)\b|✅|❌", lead.text, re.I)
    if marker:
        return status_of(marker.group(0))
    return FindingStatus.FIXED if lead.text.strip().startswith("~~") else None


def marker_lead(text: str) -> Severity | None:
    """A coloured severity marker opening a heading (`### 2. 🟠 Links never expire`)."""
    return leading_marker(re.sub(r"^\W*\d+[.)]\s*", "", text))


def title_of(text: str) -> str:
    """The lead line without its inline fields and trailing status."""
    cut = _INLINE_FIELD.search(text)
    if cut and cut.start() > 0:
        text = text[: cut.start()]
    trailing = _TRAILING.search(text)
    if trailing and status_of(trailing.group(1)):
        text = text[: trailing.start()]
    return PAREN_SEVERITY.sub("", text)
