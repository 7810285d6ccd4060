"""The fields under a finding's lead line (`Severity:`, `Status:`, sentences stating them) and its title."""

from __future__ import annotations

import re
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from functools import lru_cache
from itertools import pairwise

from rte.docs.leads import (
    FAILED_CHECK_LABEL,
    FIELD,
    FOREIGN_STATUS_KEYS,
    INLINE_FIELD,
    ITEM_LEVEL,
    LEADING_SEVERITY,
    PAREN_SEVERITY,
    SEVERITY_WORDS,
    Lead,
    inline_fields,
)
from rte.docs.legends import Legend, graded, prose_severity
from rte.docs.markdown import Block
from rte.docs.vocab import foreign_severity, leading_status, severity_of, status_of, strip_marks
from rte.model import FindingStatus, Severity

# Several fields on one line: `**Severity:** High · **Status:** ✅ Resolved`.
_FIELD_SEPARATOR = re.compile(r"\s+[·•|]\s+")
# A field whose parts are marked done and not done (`Schema ✅ | Middleware ❌`).
_MIXED_MARKS = re.compile(r"(?=.*(?:✅|✔))(?=.*(?:❌|✗|✘))")
# `… (fixed in #5530)` closing a list item, or a body line opening with a status (`✅ Fixed in PR #2211`).
_PAREN_STATUS = re.compile(
    r"\(((?:fixed|resolved|mitigated|accepted|open|closed|won'?t fix|in progress|wip)\b[^()]{0,80})\)\W*$",
    re.I,
)
# An item closing on a sentence that is only a state: `… *Applied.*`, `… *Not changed.*`
_CLOSING_STATE = re.compile(
    r"[.;!]\s+\W*((?:not\s+)?(?:applied|fixed|changed|resolved|done|deferred|mitigated|accepted|implemented"
    r"|addressed|remediated|unchanged))\W*$",
    re.I,
)
_STATUS_OPENING = re.compile(
    # `Fixed in: 11.4.1` under a scanner's advisory names the version that fixes it, not a fix made
    r"^\W*(?!fixed\s+in\s*:)(fixed|resolved|mitigated|remediated|closed|addressed|accepted|done|rotated|patched|merged"
    # `Won't currently fix - the tool is incompatible`, `Acknowledged, the owner is a multisig`
    r"|won['’]?t(?:\s+currently)?\s+fix|acknowledged)"
    r"(?:\s+(?:in|by|via|with|on|for|as)\b|\s*[:,—–-]|\W*$)",
    re.I,
)
# `Remaining: Multi-sig wallet implementation needed` after a fix made: the fix was partial.
_REMAINING = re.compile(
    r"^\W*(?:remaining|still (?:needed|open|to do)|outstanding)\W*[:=]\s*(?!\W*(?:none|n/?a|nothing)\b)\S",
    re.I,
)
# `Mitigated by: RLS policies — verify these are enabled`: a control still to be checked closes nothing.
_TO_VERIFY = re.compile(r"\b(?:verify|ensure|confirm|make sure|check) (?:that|these|this|it|they)\b", re.I)
# `(merged #640)`, `(fixed in 4e1f0aa)` inside a sentence: fix evidence, but not in one step of a numbered
# plan (`1. Create a validation utility ✅ (DONE - …)`), which says nothing of the steps after it.
_PAREN_EVIDENCE = re.compile(r"\((merged|fixed|resolved|patched|done)\b[^()]{0,60}\)", re.I)
# `… ⏳ Not yet fixed.`, `… ✅ Fixed in PR #877.`: a status emoji and its words closing an item.
_EMOJI_OPENING = re.compile(r"^\s*(?:✅|❌|⏳|🟡|🚧|⛔|✔️?)\s*(\w.{1,160})$")
_SENTENCE = re.compile(r"(?<=[.;!?])\s+(?=\S)")
# `Sev2. Invoices are cached…`, `Risk score 8.2.`: a severity stated first in a finding's body.
_BODY_SEVERITY = re.compile(r"^\W*(sev[- ]?[0-4]|P[0-4])\s*(?:[.;,]|$)", re.I)
# (`Risk Score: 0.82` on a scale of one is a scanner's confidence, not a CVSS-like score)
_RISK_SCORE = re.compile(r"^\W*risk score\W{0,3}(\d{1,2}(?:\.\d)?)(?!\.?\d)(?!\s*/\s*100|\s*%)", re.I)
# `…, so this is mitigated until GA.`, `This finding has been fixed here: <PR>`, `This finding is intended
# behaviour.`: a sentence stating the finding's state.
_THIS_IS = re.compile(
    r"\b(?:this|it|these)(?:\s+(?:finding|issue|vulnerability|bug|problem)s?)?\s+(?:is|are|was|were|ha(?:s|ve)\s+been)"
    r"\s+(?:now\s+|already\s+)?(mitigated|fixed|resolved|accepted|acknowledged|remediated|addressed"
    r"|intended\s+behaviou?r)\b",
    re.I,
)
# `… — fixed in 2.8.1`: the status a list item states at its end, after a dash.
_TRAILING = re.compile(r"\s(?:--|[—–-])\s+([^—–]{1,60})$")

# `Fix: **Fixed** — …`, `Remediation: Partial — …`, `Fix: Acceptable as-is for CI`: a fix field whose value opens
# with the finding's state.
_FIX_FIELD = re.compile(
    r"^\W*(?:fix|remediation|action taken|outcome)\W*[:=]\s*\W*((?:fixed|resolved|mitigated|remediated|closed"
    r"|addressed|accepted|done|patched|partial(?:ly)?|open|pending|deferred|not (?:yet )?fixed|won'?t fix"
    r"|acceptable(?= as[- ]is\b| for\b)|no action (?:required|needed))\b)",
    re.I,
)

# `**Fix applied:** Added security headers`, `**Fix:** Replaced with DOM nodes`: a fix told as done, in the past.
_FIX_DONE = re.compile(
    # `**Remediation (applied):** lockout after 5 failures`: the fix is in, whatever it did
    r"^\W*(?:fix(?:es)?|remediation)\s*\(\s*(?:applied|done|implemented|completed?|shipped|merged)\s*\)\W*[:=]"
    r"|^\W*(?:fix(?:es)?(?: applied)?|remediation(?: applied)?|action taken)\W*[:=]\s*\W*(?:replaced|added|removed"
    r"|implemented|updated|changed|moved|enabled|disabled|introduced|switched|escaped|saniti[sz]ed|validated"
    r"|restricted|configured|upgraded|patched|rotated|refactored|wrapped|hardened|migrated|corrected|secured"
    r"|enforced|encrypted|redacted|masked|pinned|bumped|deleted|dropped|reverted|converted|tightened|fixed|applied)\b",
    re.I,
)

# `**Mitigation applied:** header added`, `**Mitigación aplicada:** …`: the key itself says it is in.
_APPLIED = re.compile(
    r"^\W*(mitigation|mitigaci[óo]n|mitiga[çc][ãa]o|fix|correcci[óo]n|corre[çc][ãa]o|soluci[óo]n|solu[çc][ãa]o)\s+"
    r"(?:applied|aplicad[ao]|implementad[ao]|in place)\W*[:=]\s*(?!\W*(?:none|n/?a|pending|pendiente|ninguna|nenhuma)\b)\W*\w",
    re.I,
)

# A severity word alone, as the first of several `·`-separated fields.
_BARE_GRADE = re.compile(rf"^\W*{SEVERITY_WORDS}\W*$", re.I)


# A severity key opening a line of a code block: two or more make a scanner's dump of many findings.
_SEVERITY_KEY = re.compile(r"^\W*severity\W*[:=]", re.I | re.M)
# Code samples in a programming language, as opposed to a report's own records (`yaml`, `text`, none).
_PROGRAM_LANGUAGE = re.compile(
    r"typescript|tsx?|javascript|jsx?|python|py|go|rust|rs|java|kotlin|swift|ruby|rb|php|c|cpp|csharp|cs|sql",
    re.I,
)


def fields(blocks: Sequence[Block], lead: Lead, starts: AbstractSet[int]) -> dict[str, str]:
    """`Severity:` / `Status:` fields of a finding: on its lead line, then up to the next heading or lead.

    A list item owns only its own lines and the items nested under it.
    """
    found: dict[str, str] = {}
    for key, value in inline_fields(lead.text):
        _put(found, key, value)
    head = blocks[lead.index]
    texts = [(head, head.text.split("\n")[1:])] if head.kind in ("paragraph", "item") else []
    skipping = 0  # the level of a graded item under a heading, while reading past it and its nested items
    for position in range(lead.index + 1, len(blocks)):
        block = blocks[position]
        if skipping and block.kind == "item" and block.level > skipping:
            continue
        skipping = 0
        if block.kind == "heading":
            break
        if position in starts:
            if head.kind == "heading" and block.kind == "item" and _status_after_list(blocks, position):
                # `### 1. Vulnerable packages` › `- **lib 1.2**: High severity` items › `**Status:** ✅ FIXED`:
                # the graded items are the finding's parts; the status line after them is the heading's
                skipping = block.level
                continue
            break
        if head.kind == "item" and (block.kind != "item" or block.level <= head.level):
            break
        if block.kind == "code" and _PROGRAM_LANGUAGE.fullmatch(block.lang):
            continue  # `sendAlert({ severity: 'HIGH' })` in a code sample grades no finding
        if block.kind == "code" and len(_SEVERITY_KEY.findall(block.text)) >= 2:
            continue  # a scanner's whole JSON report, one severity per package: no one finding's grade
        if block.kind == "row" and len(block.cells) >= 2:
            texts.append((block, [f"{block.cells[0]}: {block.cells[1]}".replace("*", "")]))
        else:
            texts.append((block, [_unmarked(line) for line in block.text.split("\n")]))
    if head.kind == "item" and (closing := _PAREN_STATUS.search(" ".join(head.text.split("\n")))):
        found.setdefault("status", closing.group(1))
    elif head.kind == "item" and (last := _CLOSING_STATE.search(" ".join(head.text.split("\n")))):
        # `- **L-2 — Entropy 40 bits.** Bumped to 80 bits. *Applied.*`: the item's last word on it decides
        found["status"] = "fixed" if last.group(1).lower() == "applied" else last.group(1)
    _values_below(texts)
    status_stated = "status" in found  # on the lead line or in a `(fixed in #5530)` closing it
    fixed_by_fix = remaining = said_status = False
    done = ""  # the state a `Mitigation applied:` line gives, when no `Status:` line says one
    for block, lines in texts:
        for line in lines:
            match = FIELD.match(_unmarked(line))
            parts = _FIELD_SEPARATOR.split(_unmarked(line))
            if not match and len(parts) > 1 and _BARE_GRADE.match(parts[0]) and block.kind == "paragraph":
                # `High · Status: Open` (a coloured severity word, then the fields)
                found.setdefault("severity", parts[0])
                match = next((m for part in parts[1:] if (m := FIELD.match(part))), None)
            if match:
                parts = _FIELD_SEPARATOR.split(_unmarked(line))
                if "status" in match.group(1).lower() and _MIXED_MARKS.search(match.group(2)):
                    # `**Status:** Schema ✅ | DB functions ❌ | Middleware ❌`: some parts done, some not
                    found.setdefault("status", "partially fixed")
                for part in parts if len(parts) > 1 else ():
                    if more := FIELD.match(part):
                        _put(found, more.group(1).lower(), more.group(2), part)
                key = match.group(1).lower()
                if key.endswith(_STATUS_KEYS) and not status_stated and status_of(match.group(2)) is not None:
                    if not said_status:
                        # `- ✅ Fixed the login route` under `Fix applied:`, then `Status: 🟡 IN PROGRESS`:
                        # the finding's own status line outranks the evidence read above it
                        found.pop("status", None)
                    said_status = True
                _put(found, key, match.group(2), line)
            elif fix := _FIX_FIELD.match(_unmarked(line)):
                found.setdefault("status", fix.group(1))
            elif applied := _APPLIED.match(_unmarked(line)):
                # `Fix applied: Not fixed — a product decision` keeps it open; the words describing a fix made
                # (`only accepted if …`) do not say its state, and a `Status:` line outranks both
                said = status_of(re.split(r"[.,:;(—–]", _unmarked(line)[applied.end() - 1 :], maxsplit=1)[0])
                made = "mitigated" if applied.group(1)[0] in "mM" else "fixed"
                done = done or ("open" if said is FindingStatus.OPEN else made)
            elif _FIX_DONE.match(_unmarked(line)):
                fixed_by_fix = found.setdefault("status", "fixed") == "fixed" and not status_stated
            elif _REMAINING.match(_unmarked(line)):
                remaining = True
            elif block.kind not in ("paragraph", "item"):
                continue
            elif (opening := _STATUS_OPENING.match(line)) and not _TO_VERIFY.search(line):
                found.setdefault("status", _evidence(opening.group(1), line))
            elif block.kind != "paragraph" or block is head:
                continue
            elif body := _BODY_SEVERITY.match(line):
                found.setdefault("severity", body.group(1))
            elif score := _RISK_SCORE.match(line):
                found.setdefault("severity", f"CVSS {score.group(1)}")
        if block.kind in ("paragraph", "item"):
            _sentences(found, block, block is head, lead.level <= 6)
    if done and "status" not in found:
        found["status"] = done
    if "impact" in found and "severity" not in found:
        found["severity"] = _matrix_grade(found["impact"], found.get("likelihood", ""))
    if fixed_by_fix and remaining:
        found["status"] = "partially fixed"  # `Fix: Added roles` + `Remaining: multi-sig still needed`
    return found


# Impact × likelihood, as audit firms grade (`Impact: High` + `Likelihood: Low` is a medium finding).
_MATRIX = {
    (Severity.HIGH, Severity.HIGH): Severity.CRITICAL,
    (Severity.HIGH, Severity.MEDIUM): Severity.HIGH,
    (Severity.HIGH, Severity.LOW): Severity.MEDIUM,
    (Severity.MEDIUM, Severity.HIGH): Severity.HIGH,
    (Severity.MEDIUM, Severity.MEDIUM): Severity.MEDIUM,
    (Severity.MEDIUM, Severity.LOW): Severity.LOW,
    (Severity.LOW, Severity.HIGH): Severity.MEDIUM,
    (Severity.LOW, Severity.MEDIUM): Severity.LOW,
    (Severity.LOW, Severity.LOW): Severity.LOW,
}


def _matrix_grade(impact: str, likelihood: str) -> str:
    """The grade an impact gives a finding, weighed by its likelihood when one is stated."""
    clamp = {Severity.CRITICAL: Severity.HIGH, Severity.INFO: Severity.LOW}
    sides = [severity_of(strip_marks(value)) for value in (impact, likelihood)]
    if sides[0] is None or sides[1] is None:
        return impact
    grade = _MATRIX.get((clamp.get(sides[0], sides[0]), clamp.get(sides[1], sides[1])))
    return grade.value if grade else impact


def _status_after_list(blocks: Sequence[Block], position: int) -> bool:
    """A paragraph stating a `Status:` after the list that `blocks[position]` opens, before the next heading."""
    for block in blocks[position + 1 :]:
        if block.kind == "heading":
            return False
        if block.kind == "paragraph":
            match = FIELD.match(_unmarked(block.text.split("\n")[0]))
            if match and match.group(1).lower().endswith(_STATUS_KEYS):
                return True
    return False


def _values_below(texts: list[tuple[Block, list[str]]]) -> None:
    """`- Remediation Status:` over a nested `- Remediated (pre-read checks added)`: the value sits below."""
    for (block, lines), (below, more) in pairwise(texts):
        nested = block.kind == below.kind == "item" and below.level > block.level
        joined = f"{lines[-1]} {more[0]}" if nested and lines and more else ""
        if lines and lines[-1].rstrip().endswith(":") and FIELD.match(_unmarked(joined)):
            lines[-1] = joined


def _sentences(found: dict[str, str], block: Block, head: bool, heading: bool) -> None:
    """Fields, status openings and fix evidence stated mid-paragraph, one sentence at a time
    (`Inherent risk: High. Fixed, pinned to our CA (commit 55be0d1). Residual: none.`)."""
    sentences = _SENTENCE.split(_unmarked(" ".join(block.text.split("\n"))))
    for sentence in sentences[1:] if head else sentences:
        if match := FIELD.match(sentence):
            _put(found, match.group(1).lower(), match.group(2), sentence)
        elif (opening := _STATUS_OPENING.match(sentence)) and not _TO_VERIFY.search(sentence):
            found.setdefault("status", _evidence(opening.group(1), sentence))
        elif (emoji := _EMOJI_OPENING.match(sentence)) and status_of(emoji.group(1)):
            found.setdefault("status", emoji.group(1))
        elif (evidence := _PAREN_EVIDENCE.search(sentence)) and not (block.number and not head):
            found.setdefault("status", _evidence(evidence.group(1)))
        elif _ACCEPTABLE.match(sentence):
            found.setdefault("status", "accepted")
        elif _NOTHING_TO_FIX.match(sentence):
            found.setdefault("status", "mitigated")
        elif verdict := _THIS_IS.search(sentence):
            found.setdefault(
                "status", "accepted" if verdict.group(1).lower().startswith("intended") else verdict.group(1)
            )
    if heading and block.kind == "paragraph" and not head and (grade := prose_severity(block.text)):
        found.setdefault("prose", grade.value)


# `**Assessment:** ACCEPTABLE for the web SDK (its keys are public)`: the risk judged and kept.
_ACCEPTABLE = re.compile(r"^\W*(?:assessment|verdict|decision)\W*[:=]\s*\W*(?:acceptable|accepted)\b", re.I)


# `No new fix needed; confirmed and documented.`: the controls in place already answer the concern.
_NOTHING_TO_FIX = re.compile(
    r"^\W*no (?:new |further )?fix(?:es)? (?:is |are )?(?:needed|required|necessary)\s*(?:[.;:,]|$)", re.I
)


# What a value became: the few words after its last arrow, closing the value.
_CHANGED_TO = re.compile(r"(?:→|->|⟶)\s*(\W*(?:[^\W_]+\W*){1,4}?)\s*$")


# `Fixed in the CLI, but the web path still skips it`: a fix that leaves part of the finding
_HEDGED = re.compile(r",?\s+but\b|\bexcept\b|\bonly (?:in|on|for)\b", re.I)


def _evidence(verb: str, text: str = "") -> str:
    """A status word for fix evidence: `merged #640`, `Rotated on 3 Oct` are fixes; a hedged one is partial."""
    if verb.lower().startswith("won"):
        return "won't fix"
    if verb.lower() != "accepted" and _HEDGED.search(text):
        return "partially fixed"
    return "fixed" if verb.lower() in ("merged", "rotated", "patched") else verb


_EMPHASIS = re.compile(r"`+|\*+")
# The keys of a status field, in English and other languages (`Estado`, `Stato`, `状态`).
_STATUS_KEYS = ("status", "state", "resolution", "triage", "situação", "situacao", *FOREIGN_STATUS_KEYS)
_CHECK_MARK = re.compile(r"^\W*(?:✅|✔)")
# `🔴 **KRITISCH**`, `LOW (the client escapes it)`, `HIGH RISK - NO ENCRYPTION`: a grade, maybe with a short note
_GRADE_ONLY = re.compile(
    rf"{LEADING_SEVERITY.pattern}(?:\s+risk)?\W*(?:\([^()]*\)|[-–—]\s*[^.()]{{1,60}})?\W*$", re.I
)


@lru_cache(maxsize=8192)  # a finding's lines are read again for each lead and part above them
def _unmarked(line: str) -> str:
    """A line without emphasis and code marks; status emoji (✅ ❌) stay."""
    return _EMPHASIS.sub("", line).strip()


_REVISED = re.compile(r"^\W*(?:revised|adjusted|corrected)\s+severity\b", re.I)


def _put(found: dict[str, str], key: str, value: str, line: str = "") -> None:
    if "~~" in value:  # `~~Open~~ → Fixed 2025-03-02`: the struck value was replaced by what follows
        value = re.sub(r"^[\s→>-]+", "", re.sub(r"~~[^~]*~~", "", value)) or value
    elif (now := _CHANGED_TO.search(value)) and re.search(r"[^\W_]", now.group(1)):
        # `Risk Level: 🔴 SEVERE → 🟢 EXCELLENT`, `Status: Open → Fixed`: as it is now; but a grade that turned
        # into a state (`Original Severity: Critical → **Mitigated**`) keeps the grade and gives the state
        if re.search("severity|risk|priority|rating|level", key) and status_of(now.group(1)) is not None:
            found.setdefault("status", now.group(1))
            value = value[: now.start()]
        else:
            value = now.group(1)
    if key in ("assessment", "disposition"):
        # `Assessment: FALSE POSITIVE - MITIGATED` states the status; `Assessment: an attacker could …` is prose
        if leading_status(strip_marks(value)) is None:
            return
        key = "status"
    if key in ("riesgo", "risco", "risque", "risiko", "rischio"):
        key = "risk"
    if key == "severity" and _REVISED.match(line):
        found["severity"] = value  # `**Revised Severity:** Informational`: the audit changed its mind
        return
    if key.startswith("cvss"):
        key, value = "severity", line or f"CVSS {value}"  # the score follows the vector: read the line
    elif key.endswith(_STATUS_KEYS):
        if key.startswith("mitigation") and status_of(value) is FindingStatus.FIXED:
            value = "mitigated"  # `Mitigation status: Implemented`: the threat is mitigated, not gone
        key = "status"
        unmarked = _CHECK_MARK.sub("", strip_marks(value))
        if _GRADE_ONLY.match(unmarked) and status_of(unmarked) is None:
            # `### A01:2021 – Broken Access Control` › `**Status**: 🔴 **KRITISCH**`: the status line rates the
            # area; `**Status**: ✅ **LOW** (escaped by the client)` rates an area checked and found sound
            key, value = "severity", "passed" if _CHECK_MARK.match(value) else value
    elif key in ("impact", "likelihood", "probability"):
        # "Impact: an attacker with low privileges…" is prose; only a leading severity word counts. The impact
        # grades the finding unless a severity is stated; with a likelihood it is half of a risk matrix.
        if LEADING_SEVERITY.match(strip_marks(value)):
            found.setdefault("likelihood" if key == "probability" else key, value)
        return
    elif key == "rating":
        if not LEADING_SEVERITY.match(strip_marks(value)):
            return
        key = "severity"
    elif key not in ("priority", "risk"):
        key = "severity"
    found.setdefault(key, value)


def field_severity(
    found: dict[str, str],
    terms: Legend | None = None,
    keys: tuple[str, ...] = ("severity", "priority", "risk"),
) -> Severity | None:
    for key in keys:
        if key not in found:
            continue
        value = found[key]
        if severity := severity_of(value) or foreign_severity(value) or graded(value, terms or {}):
            return severity
    return None


_LEAD_ARROW = re.compile(r"(?:→|->|=>|⇒)\s*([^→]{1,40})$")


_GLOSSED_STATE = re.compile(r"^\W*([^\W\d_][^()]{0,30}?)\s*\(")


def lead_status(lead: Lead, found: dict[str, str]) -> FindingStatus | None:
    """The status field, else (for list items) a status stated after a closing dash, else a status word."""
    if "status" in found:
        # `ℹ️ Accepted (functional, migration planned for future)`: the state, then a gloss in brackets
        glossed = _GLOSSED_STATE.match(found["status"])
        # (`✅ FIXED (partially)` is open still)
        if status := (glossed and leading_status(found["status"])) or status_of(found["status"]):
            return status
    # `### 2.3 HIGH: Debug port left open ❌ → ✅ FIXED`: the state after the arrow is the state now
    arrow = _LEAD_ARROW.search(lead.text)
    if arrow and (status := status_of(arrow.group(1))):
        return status
    if lead.level == ITEM_LEVEL:
        trailing = _TRAILING.search(strip_marks(lead.text))
        if trailing and (status := status_of(trailing.group(1))):
            return status
    marker = re.search(
        # (not `fail-closed`, `open-source`: a word inside a compound names no status; nor `Open redirect`:
        # open is a status where it closes the phrase, or in capitals)
        r"(?<![\w-])(?:(?:mostly|partially|partly)\s+)?(fixed|resolved|mitigated|(?-i:OPEN)|open(?!\s+\w)|closed|won['’]?t fix|wontfix"
        # (nor `SVG accepted for logo uploads`: accepted as a verb, before what it was accepted for; nor
        # `Null Bytes in Email Accepted`: after what was accepted, unless that is the risk)
        r"|(?:(?<=risk\s)|(?<![^\W\d_]\s))accepted(?!\s+(?:for(?!\s+(?:now|this|the\s+(?:time|moment)|mvp|launch|release|v\d))|in|from|into|on"
        r"|without|if|when|via)\b))\b(?!-)"
        r"|\((?:done|completed?)\)|✅|❌",
        lead.text,
        re.I,
    )
    if marker:
        return status_of(marker.group(0))
    return FindingStatus.FIXED if lead.text.strip().startswith("~~") else None


def title_of(text: str) -> str:
    """The lead line without its inline fields and trailing status."""
    if FAILED_CHECK_LABEL.match(plain := strip_marks(text)):
        text = FAILED_CHECK_LABEL.sub("", plain)  # `⚠️ GAP: Guest access undefined` › `Guest access undefined`
    cut = INLINE_FIELD.search(text)
    if cut and cut.start() > 0:
        text = text[: cut.start()]
    trailing = _TRAILING.search(text)
    tail = strip_marks(trailing.group(1)) if trailing else ""
    # `… — Fixed`, `… — RESOLVED in 2.1`, but not `F-03 — Ignored files verified (Info)`, a title with a state word
    closes = _STATUS_OPENING.match(tail) or _PAREN_STATUS.search(tail) or len(tail.split()) <= 2
    if trailing and status_of(tail) and closes:
        text = text[: trailing.start()]
    return PAREN_SEVERITY.sub("", text)
