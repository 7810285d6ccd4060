"""The status a row of a findings table states: status columns, fix columns, and what a cell says was done."""

from __future__ import annotations

import re
from collections.abc import Sequence

from rte.docs.markdown import Block
from rte.docs.vocab import leading_status, status_of, strip_marks
from rte.model import FindingStatus

_WORD = re.compile(r"[^\W_]")
_DONE_VERB = re.compile(
    r"^\W*(?:added|removed|replaced|implemented|enforced|updated|upgraded|pinned|escaped|validated|restricted"
    r"|rotated|moved|switched|disabled|enabled|patched|hardened|sanitized|sanitised|rewrote|rewritten"
    r"|introduced|configured|bumped|overrid(?:e|den) to)\b",
    re.I,
)
_ASSERTED_COLUMN = re.compile(
    r"\b(mitigation|fix|remediation|resolution)s?\s+(?:implemented|applied|done|deployed|in place)\b", re.I
)
_NOTHING = re.compile(r"^\W*(?:none|n/?a|tbd|todo|pending|planned|not (?:yet )?\w+|no)\b", re.I)
_FIX_OPENING = re.compile(
    r"^\W*(fixed|resolved|mitigated|accepted|in progress|open|pending|deferred|partial(?:ly)?|not fixed|won'?t fix)\b",
    re.I,
)
_FIXED_IN = re.compile(r"\bfixed\s+(?:in|version)\b|\bpatched\s+(?:in|version)\b", re.I)
_VERSION = re.compile(r"\d+(?:\.\d+)+")


def done(block: Block, columns: list[int], title_col: int) -> FindingStatus | None:
    """A Remediation/Fix cell telling what was changed (`Added a rate limit …`, `Override to 1.2.3; the audit
    now passes`), not what to do (`Add a rate limit`): the fix is in."""
    cells = [strip_marks(cell_at(block, i)) for i in columns if i != title_col]
    return FindingStatus.FIXED if any(_DONE_VERB.match(cell) for cell in cells) else None


def asserted(block: Block, header: Sequence[str]) -> FindingStatus | None:
    """`| … | Mitigation Implemented |` with the control described in the row: the column's name states
    that what the row says is in place (an empty, `None` or `TBD` cell states nothing)."""
    for index, name in enumerate(header):
        said = _ASSERTED_COLUMN.search(name)
        cell = strip_marks(cell_at(block, index))
        if said and _WORD.search(cell) and not _NOTHING.match(cell):
            return FindingStatus.MITIGATED if said.group(1).lower() == "mitigation" else FindingStatus.FIXED
    return None


# `| Fixed? |`, `| Resolved? |`: a column asking whether the finding is closed, answered yes or no.
_ASKED_COLUMN = re.compile(r"^\W*(?:fixed|resolved|remediated|closed|mitigated)\s*\?\W*$", re.I)
_ANSWER = re.compile(r"^\W*(yes|no)\b", re.I)


def answered(block: Block, header: Sequence[str]) -> FindingStatus | None:
    """`| No — needs external infra |`, `| **Yes** (see …) |` under `Fixed?`: the answer is the status."""
    for index, name in enumerate(header):
        asked = _ASKED_COLUMN.match(strip_marks(name))
        answer = _ANSWER.match(strip_marks(cell_at(block, index))) if asked else None
        if answer and answer.group(1).lower() == "no":
            return FindingStatus.OPEN
        if answer:
            word = asked.group(0).strip(" ?").lower() if asked else ""
            return FindingStatus.MITIGATED if word == "mitigated" else FindingStatus.FIXED
    return None


def fix_status(block: Block, status_cols: list[int], fix_col: int | None, title_col: int) -> FindingStatus:
    """A row's status from its status columns, else from how its Fix cell opens (`In progress — …`), else from
    its section's title (`### HIGH (9/9 fixed)`, `## Open`)."""
    said = " ; ".join(current(cell_at(block, i)) for i in status_cols if i != title_col)
    if said and (status := leading_status(said)):
        return status
    if fix_col is not None and (opening := _FIX_OPENING.match(strip_marks(cell_at(block, fix_col)))):
        return status_of(opening.group(1)) or FindingStatus.UNKNOWN
    return status_of(block.section[-1]) or FindingStatus.UNKNOWN


def current(cell: str) -> str:
    """A cell edited in place (`~~Open~~ → Fixed`, `~~Critical~~ High`): the text that replaced the struck one."""
    if "~~" not in cell:
        return cell
    rest = re.sub(r"^[\s→>-]+", "", re.sub(r"~~[^~]*~~", "", cell))
    return rest if _WORD.search(rest) else cell


def resolution(block: Block, columns: list[int], title_col: int) -> FindingStatus | None:
    """`Status: Closed` with `Resolution: Won't Do`: a closed finding resolved as not to be fixed is accepted."""
    said = [leading_status(block.cells[i]) for i in columns if i != title_col and i < len(block.cells)]
    if FindingStatus.ACCEPTED in said and FindingStatus.OPEN not in said and len(said) >= 2:
        return FindingStatus.ACCEPTED
    return None


def reaches_fix(block: Block, header: Sequence[str], columns: list[int]) -> FindingStatus | None:
    """A dependency row whose triage note names the version of its `Fixed in` column (`Pinned, now 4.1.3`)."""
    fixed_in = next((i for i in columns if _FIXED_IN.search(header[i])), None)
    if fixed_in is None or fixed_in >= len(block.cells):
        return None
    version = _VERSION.search(block.cells[fixed_in])
    notes = [block.cells[i] for i in columns if i != fixed_in and i < len(block.cells)]
    if version and any(re.search(rf"(?<![\w.]){re.escape(version.group(0))}(?![\w.])", n) for n in notes):
        return FindingStatus.FIXED
    return None


def mitigation(
    status: FindingStatus | None, header: Sequence[str], columns: list[int]
) -> FindingStatus | None:
    """A threat model's `Mitigation status: Implemented` mitigates the threat; it does not remove it."""
    named = columns and all(re.search(r"mitigation", header[i], re.I) for i in columns)
    # (and so does a threat model's `| Threat ID | … | Mitigation | Status: ✅ Implemented |`: the threat stays)
    named = named or (columns and any(re.search(r"\bthreats?\b", h, re.I) for h in header))
    return FindingStatus.MITIGATED if named and status is FindingStatus.FIXED else status


def cell_at(block: Block, column: int) -> str:
    return block.cells[column] if column < len(block.cells) else ""


def struck(text: str) -> FindingStatus | None:
    return FindingStatus.FIXED if text.strip().startswith("~~") else None


def struck_row(block: Block) -> FindingStatus | None:
    """`| ~~K7~~ | ~~High~~ | ~~Tokens in local storage~~ | ~~Open~~ |`: a row struck out whole is done with,
    whatever its struck status cell said."""
    cells = [cell.strip() for cell in block.cells if cell.strip()]
    whole = all(cell.startswith("~~") and cell.endswith("~~") for cell in cells)
    return FindingStatus.FIXED if len(cells) >= 2 and whole else None
