"""The parts a finding heading is written in (`#### Impact`, `## Severity` over `**High**`, `### Fix`), what
they state for it, and headings whose sub-headings are findings rather than parts."""

from __future__ import annotations

import re
from collections.abc import Sequence

from rte.docs.leadfields import fields
from rte.docs.leads import ID, SEVERITY_PREFIX, TAG, Lead
from rte.docs.markdown import Block
from rte.docs.vocab import leading_status, severity_of, status_of, strip_marks
from rte.model import Finding

# The parts a finding's section is written in; a heading that is only one of them is not a finding.
PART_OF_FINDING = re.compile(
    r"\W*(?:risk assessment|(?:attack |business |security )?impact(?: analysis| assessment)?|description|details?|evidence|analysis|root cause"
    r"|finding|issue|problem|vulnerability|summary|overview|background"
    r"|recommendations?|remediation(?: plan)?|fix(?: plan)?|mitigation|proof of concept|poc|steps to reproduce"
    r"|reproduction|affected (?:files|components|endpoints|code)|current state|source files|context"
    r"|confidentiality|integrity|availability|problem statement|fix(?:es)? (?:implemented|applied)|solution"
    r"|verification|technical details|vulnerability details|attack scenario|status|references|timeline"
    # in German, Spanish, French, Portuguese and Italian reports (`#### Lösung:`, `### Recomendación`)
    r"|l[öo]sung(?:svorschlag)?|beschreibung|auswirkungen?|empfehlung(?:en)?|ma[ßs]nahmen?|behebung|ursache"
    r"|soluci[óo]n|descripci[óo]n|recomendaci[óo]n(?:es)?|mitigaci[óo]n|impacto|recommandations?|correctifs?"
    r"|solu[çc][ãa]o|descri[çc][ãa]o|recomenda[çc](?:[ãa]o|[õo]es)|corre[çc][ãa]o|soluzione|descrizione"
    r"|raccomandazion[ei]"
    # the same parts in Japanese, Chinese and Korean reports (`#### 該当箇所`, `#### リスク評価`, `### 修复建议`)
    r"|問題|问题|문제|該当箇所|リスク評価|修正方法|修正案|対策|影響|説明|詳細|推奨(?:事項|対策)?|問題のコード"
    r"|风险评估|影响|修复(?:方法|建议|方案)|问题描述|描述|详情|位置|建议|위험 평가|영향|수정 방법|권장 사항|설명|위치)\W*",
    re.I,
)
# A finding's part that answers it: `## Discussion` over `**auditor:** Fixed in 8f8f786.`
_ANSWER_PART = re.compile(
    r"\W*(?:discussion|(?:(?:team|client|developer|project|protocol|sponsor)(?:'s)?\s+)?(?:response|reply|comments?)"
    r"|resolution)\W*",
    re.I,
)
# Who answers, opening the answer: `**pashov:**`, `Client:`.
_SPEAKER = re.compile(r"^[\w .'’-]{1,30}:\s*")
# A finding's part that states its grade: `## Severity` over `**High**`.
_GRADE_PART = re.compile(
    r"\W*(?:severity|risk(?: level| rating)?|priority|cvss(?: score)?|affected services?)\W*", re.I
)


def part_fields(blocks: Sequence[Block], index: int, starts: frozenset[int]) -> dict[str, str]:
    """The status and severity stated under the sub-headings that are parts of a finding heading (`#### Impact`,
    `## Severity` over a bare `**High**`), up to the next heading of its level or one naming a finding."""
    level = blocks[index].level
    found: dict[str, str] = {}
    for position in range(index + 1, len(blocks)):
        block = blocks[position]
        if block.kind != "heading":
            continue
        plain = strip_marks(block.text)
        if (
            block.level <= level
            or ID.search(block.text)
            or TAG.search(block.text)
            or SEVERITY_PREFIX.match(plain)
        ):
            break
        part = fields(blocks, Lead(position, block.level, block.text), starts)
        if not PART_OF_FINDING.fullmatch(plain) and not _GRADE_PART.fullmatch(plain):
            part.pop("severity", None)  # a status anywhere below is the finding's; a grade only in its parts
        after = blocks[position + 1] if position + 1 < len(blocks) else None
        if _GRADE_PART.fullmatch(plain) and after is not None and after.kind == "paragraph":
            bare = strip_marks(after.text)
            if len(bare) <= 40 and severity_of(bare):
                part.setdefault("severity", bare)
        if (
            "status" not in part
            and _ANSWER_PART.fullmatch(plain)
            and after is not None
            and after.kind == "paragraph"
        ):
            said = leading_status(_SPEAKER.sub("", strip_marks(after.text), count=1))
            if said is not None:
                part["status"] = said.value
        for key in ("status", "severity"):
            if key in part:
                found.setdefault(key, part[key])
    return found


def sub_heading(blocks: Sequence[Block], index: int) -> Block | None:
    """The heading right after `blocks[index]`, when it is a sub-heading of it."""
    child = next((block for block in blocks[index + 1 :] if block.kind == "heading"), None)
    return child if child is not None and child.level > blocks[index].level else None


def groups_findings(blocks: Sequence[Block], index: int) -> bool:
    """A heading whose first sub-heading is not a part of one finding (`### Description`, `### Fix`): its
    sub-headings are findings, so a grade it opens with (`## CRITICAL — Fix before any user`) is theirs."""
    child = sub_heading(blocks, index)
    return child is not None and not PART_OF_FINDING.fullmatch(strip_marks(child.text))


# `- **Risk Level**: LOW` under a component heading whose other lines check it (`- **Security**: ✅ Owner-only`)
_LOW_RISK = re.compile(r"^\W*risk (?:level|rating)\W*[:=]\W*(?:low|none|minimal)\b", re.I)


_STRENGTHS = re.compile(r"^\W*(?:strengths?|pros)\W*:", re.I)
_WEAKNESSES = re.compile(r"^\W*(?:weaknesses?|cons)\W*:", re.I)


def rated_component(blocks: Sequence[Block], index: int) -> bool:
    """A heading over a component's review rather than a finding: its lines rate it low risk and tick a check
    (`### Users Collection` › `- **Security**: ✅ Owner-only access`, `- **Risk Level**: LOW`), or weigh its
    strengths against its weaknesses."""
    low = ticked = strengths = weaknesses = False
    for block in blocks[index + 1 :]:
        if block.kind == "heading":
            break
        for line in block.text.split("\n"):
            plain = strip_marks(line)
            low = low or bool(_LOW_RISK.match(plain))
            ticked = ticked or ("✅" in line and not status_of(plain))
            strengths = strengths or bool(_STRENGTHS.match(plain))
            weaknesses = weaknesses or bool(_WEAKNESSES.match(plain))
    # `#### OpenRouter Integration` › `- ✅ **Strengths:** …`, `- ❌ **Weaknesses:** …`, `- **Risk Level:** HIGH`
    return (low and ticked) or (strengths and weaknesses)


_WEAKNESSES_LEAD = re.compile(r"^\W*(?:weaknesses?|cons)\W*$", re.I)


def drop_weakness_recaps(blocks: Sequence[Block], findings: list[Finding]) -> list[Finding]:
    """Items listed under a `**Weaknesses:**` line after the report has detailed its findings by id
    (`### C-1: …`, then `**Weaknesses:**` › `- Receipts checked on the device only (Critical)`): the
    weaknesses restate those findings in a rating's summary."""
    first_id = min((f.location.line or 0 for f in findings if f.id), default=None)
    if first_id is None or sum(1 for f in findings if f.id) < 2:
        return findings
    recap: set[int] = set()
    lead = False
    for block in blocks:
        if block.kind == "item":
            if lead and block.line > first_id:
                recap.add(block.line)
            continue
        lead = block.kind == "paragraph" and bool(
            _WEAKNESSES_LEAD.match(strip_marks(block.text.split("\n")[-1]))
        )
    return [f for f in findings if f.id or (f.location.line or 0) not in recap]
