"""Which sections of an audit hold findings, what a section's title says about the findings under it, and
headings that only state the state of the finding above them."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from rte.docs.leads import (
    FAILED_CHECK_LABEL,
    FOREIGN_FINDINGS,
    HEAD_ID,
    ID,
    ORDINAL,
    SEVERITY_PREFIX,
    TAG,
    section_severity,
)
from rte.docs.markdown import Block
from rte.docs.vocab import ACTION, moscow_severity, status_of, strip_marks
from rte.model import FindingStatus

# A summary of the report, in English and other languages.
_SUMMARY_TERMS = (
    r"summary|overview|ringkasan|resumen|resumo|résumé|zusammenfassung|samenvatting|riepilogo|сводка"
)
# Sections that never hold findings, and sections that hold findings only when they carry a Severity field.
_NOT_FINDINGS = re.compile(
    r"\b(strengths|(?<!false )positive|good practices?|best practices|what went well|checklist|legend|methodology"
    rf"|{_SUMMARY_TERMS}|conclusions?|(?:final|overall) (?:assessment|verdict)|(?:security )?posture(?: assessment)?|appendix|passed checks?|references|sign[- ]?off"
    r"|compliance(?!\s+(?:issues?|findings?|gaps?|violations?|risks?)\b)"
    r"|approval|table of contents|contents|[íi]ndice|sommaire|inhaltsverzeichnis|test scenarios?|attack (?:scenarios?|paths?|chains?|surface(?: analysis| inventory| map)?)"
    r"|(?:working|done) well|what works|already protected|done right|threat landscape|definitions?"
    r"|안전 확인|안전함|安全确认|安全確認|確認済み"
    r"|severity (?:levels?|scale|ratings?|classification|key)|rating scale|roadmap|kpis?|testing requirements"
    r"|test plan|not (?:an? )?findings?|non-findings?|non-security|(?:success|exit|acceptance) criteria"
    r"|files? (?:reviewed|examined|audited|analy[sz]ed)|reviewed files|effort estimat\w*|estimated effort"
    r"|(?:risk )?score calculation"
    r"|how to (?:read|interpret)|(?:sample|example) (?:outputs?|reports?))\b|^\W*(?:[\w-]+\s+)?(?:thresholds?|guidelines)\W*$"
    # (`### Strength: …`, `## Key strength`, not `### 8. JWT Secret Strength Not Validated`)
    r"|^\W*(?:key\s+|main\s+|security\s+)?strength\b"
    # `## Scope`, `## Audit Scope`, `### Out of Scope`, `## Scope and Method`, not `### Spoiler Scope Logic Broken`
    r"|^\W*(?:[\w-]+\s+){0,2}scope\W*$|^\W*(?:\d+(?:\.\d+)*[.)]?\s*)?scope\b"
    r"|^\W*secure\s*[-—–:]|^\W*(?:(?:finding|report|entry)\s+)?templates?\W*$"
    # `#### Untested Attack Vectors (High Risk)`: what the audit did not get to, not what it found
    r"|^\W*(?:untested|not tested)\s+(?:areas?|attack vectors?|scenarios?|features?|scope)\b"
    # `## High-impact controls reviewed without a confirmed new vulnerability`: checks that found nothing
    r"|\bwithout (?:a |any )?(?:confirmed |new )*(?:vulnerabilit\w*|findings?|issues?)\b"
    # `## Test Coverage Gaps` › `| T-04 | Transport packages — zero coverage | CRITICAL |`: tests to write
    r"|\b(?:test(?:ing)?\s+)?coverage\s+gaps?\b|\btesting\s+gaps?\b"
    # `## 1. Security Improvements Implemented` › `### 1.1 Dependency Security ✅`: what was added, not found
    r"|\b(?:security\s+)?(?:improvements|enhancements|hardening|measures)\s+(?:implemented|applied|made|taken)\b"
    r"|\bimplemented\s+(?:security\s+)?(?:improvements|enhancements|controls|measures|features)\b"
    # `## Effort Assessment` › `- **Upload checks**: **HIGH** complexity`: the work, sized
    r"|\b(?:complexity|effort)\s+(?:assessment|estimates?|analysis)\b|\blevel of effort\b",
    re.I,
)

_WEAK_NOT_FINDINGS = re.compile(
    # (`## Verified OK` may be followed, with no heading between, by `### [PAY-01] …` + `Severity: High`)
    # (and the same in Spanish and Portuguese: `Plano de remediação priorizado`, `Recomendaciones`)
    r"\b(remedia[çc][ãa]o|remediaci[óo]n|recomenda[çc][õo]es|recomendaciones|pr[óo]ximos pas(?:s)?os"
    r"|verified (?:good|ok|secure|clean)|recommendations?|(?:recommended|required|proposed|suggested) (?:fixes|actions|changes)|remediation|next (?:steps?|actions?)|action items?"
    r"|(?:potential |suggested |optional |minor )?(?:improvements|enhancements)|fixes to (?:apply|make)"
    r"|action plan|migration files|changes made|files (?:changed|modified|created)|tasks|outstanding items|(?:remaining|outstanding) work|(?:priority )?fix (?:order|list|plan)|priority fix(?:es)?|implementation (?:priority|order|plan|roadmap)|(?:immediate |critical |urgent )?actions? required"
    # (and in Russian: `Приоритетный план исправлений`, `Рекомендации`, `Следующие шаги`)
    r"|план (?:исправлений|действий|устранения|работ)|рекомендаци[а-я]*|следующие шаги"
    # (German and French: `Empfohlene Maßnahmen`, `Nächste Schritte`, `Prochaines étapes`)
    r"|empfohlene maßnahmen|empfehlungen|maßnahmenplan|nächste schritte|recommandations|prochaines [ée]tapes"
    r"|plan d'action)\b",
    re.I,
)

# `## ✅ NEXT STEPS` over `**Priority:** P0 - CRITICAL`: the whole title is such a section's name
_WEAK_TITLE = re.compile(rf"^\W*{_WEAK_NOT_FINDINGS.pattern}\W*$", re.I)

_EFFORT_COLUMN = re.compile(r"^\W*(?:effort|time|eta|estimate[sd]?|duration|timeline|hours|days)\b", re.I)
_GAPS = re.compile(r"\bgaps\b", re.I)
_VERIFIED = re.compile(r"\bverified (?:good|ok|secure|clean)\b", re.I)

# The sections that list checks with their results.
_CHECKS = re.compile(r"\b(?:compliance|checklist|checks?)\b", re.I)
_COMPLIANCE = re.compile(r"\bcompliance\b", re.I)

# `### Status: ⚠️ PARTIAL COMPLIANCE`: a heading that rates its area; the rating is group 1
STATUS_TITLE = re.compile(r"^\W*status\W*[:—–-]\s*(.*)$", re.I)
_KEY = re.compile(r"^\W*(?:key|main|top)\b", re.I)
_EXECUTIVE = re.compile(r"\bexecutive\b|\btl;?dr\b|\bat a glance\b", re.I)

NAMES_FINDINGS = re.compile(r"\b(findings?|issues?|vulnerabilit\w*|risks)\b", re.I)

SUMMARY = re.compile(rf"\b({_SUMMARY_TERMS})\b", re.I)
_SUMMARY_WORDS = re.compile(rf"\b(?:{_SUMMARY_TERMS})\b", re.I)


def summaries_as_lists(blocks: Sequence[Block], only: frozenset[str] | None = None) -> list[Block]:
    """The blocks as if no section (or none of the headings `only`) were a summary: for a report whose summary
    is the only list of findings (or of one grade's findings)."""

    def lifted(title: str) -> str:
        return _SUMMARY_WORDS.sub("", title) if only is None or title in only else title

    return [
        replace(
            block,
            text=lifted(block.text) if block.kind == "heading" and only is not None else block.text,
            section=tuple(lifted(title) for title in block.section),
        )
        if any(_SUMMARY_WORDS.search(title) for title in (*block.section, block.text))
        else block
        for block in blocks
    ]


# Where an item's title ends and its description starts: a spaced dash, a colon, a sentence's end.
_TITLE_END = re.compile(r"\s[—–-]{1,2}\s|:\s|\.\s")


def excluded(block: Block, text: str, explicit: bool) -> bool:
    """Under a strengths/summary/legend… heading; under a recommendations heading unless it has a Severity."""
    # `### Status: ⚠️ PARTIAL COMPLIANCE` over `#### Findings`: the area's rating, not the kind of section
    sections = tuple(t for t in block.section[1:] if not STATUS_TITLE.match(t))
    if block.kind == "heading" and (ID.search(text) or HEAD_ID.match(strip_marks(text))):
        # `## Findings Summary` › `### MED-001: …`: a finding with an id, detailed under a summary of findings
        sections = tuple(SUMMARY.sub("", t) if NAMES_FINDINGS.search(t) else t for t in sections)
    # A section naming findings lifts its parents' exclusion (`## Summary` › `### Issues Identified`).
    # (`### Key Findings:`, or any section under `## Executive Summary`, recaps the findings detailed below)
    named = [
        i
        for i, title in enumerate(sections)
        if NAMES_FINDINGS.search(title) and not _not_findings(title) and not _KEY.match(title)
    ]
    if (
        named
        # (and `## Security Checklist Results` › `### ❌ Critical Security Issues`: the checks that failed)
        and all(
            SUMMARY.search(title) or _CHECKS.search(title) or not _not_findings(title)
            for title in sections[: named[-1]]
        )
        and not any(_EXECUTIVE.search(title) for title in sections[: named[-1]])
    ):
        sections = sections[named[-1] :]
    # `**[SEC-03]** Summary rendered as HTML`, `### 5.2 LOW: Hardcoded Pin Definitions`, `### [CRITICAL] Insecure
    # Direct Object References` are findings
    graded = SEVERITY_PREFIX.match(ORDINAL.sub("", strip_marks(text))) or TAG.match(text.lstrip("#* "))
    # (and `**L3 — User id sent as a scope tag**` is a finding, not a Scope section)
    # (a category in brackets is no kind of section: `### 7. Loose access policy (AWS Security Best Practices)`)
    bare = re.sub(r"[（(][^()（）]*[)）]", "", text)
    if block.kind != "heading":
        # an item's or a paragraph's title, not its description: `- [x] Old grants — revoked REFERENCES`
        bare = _TITLE_END.split(bare, maxsplit=1)[0]
    own = () if ID.search(text) or graded or HEAD_ID.match(strip_marks(text)) else (bare,)
    if FAILED_CHECK_LABEL.match(strip_marks(text)):
        # `#### ⚠️ GAP: Anonymous access undefined` under `### Compliance Against Playbook`: a check that failed
        sections = tuple(title for title in sections if not _CHECKS.search(title))
    elif graded and block.kind == "item":
        # `### GDPR Compliance Gaps` › `- [ ] **HIGH**: No retention policy`: a graded gap, not a scorecard line
        sections = tuple(title for title in sections if not _COMPLIANCE.search(title))
    if any(_not_findings(title) for title in (*sections, *own)):
        return True
    # `## Must-Fix Before 1.0` › `1. Harden the askpass handling …`: the work the findings call for (and
    # `## Remaining risks and next actions` names risks, but a line opening with a verb there is work to do)
    # (but `### 1.3 Gaps & Recommendations` › `1. **CRITICAL: Implement MFA**`: the gaps found, each with its fix)
    work = [
        t
        for t in sections
        if (_WEAK_NOT_FINDINGS.search(t) or moscow_severity(t) is not None) and not _GAPS.search(t)
    ]
    opening = SEVERITY_PREFIX.match(plain := strip_marks(text))
    if work and block.kind != "heading" and ACTION.match(plain[opening.end() - 1 :] if opening else plain):
        # `1. **Implement MFA** - Priority: Medium`, `1. High: replace raw errors …` under next actions: work to do
        return True
    if (
        block.kind == "row"
        and any(_EFFORT_COLUMN.search(h) for h in block.header)
        and (work or any(_WEAK_NOT_FINDINGS.search(t) for t in block.section[1:]))
    ):
        # `## Implementation Priority` › `| Encrypt state | CRITICAL | 2 days | … |`: the findings, scheduled
        # (and `## Remediation Status` › `### ⏳ Pending Critical Issues` › `| Open redirect | 🔴 | 30 minutes |`)
        return True
    if block.kind == "heading" and _WEAK_TITLE.match(strip_marks(text)):
        return True  # the section of next steps, not a finding, whatever priority it states
    if block.kind == "heading" and _VERIFIED.search(text) and not explicit:
        return True  # `## Verified good (informational)`: the checks that found nothing
    return not explicit and any(
        _WEAK_NOT_FINDINGS.search(title)
        and not NAMES_FINDINGS.search(title)
        and not _GAPS.search(title)
        and section_severity((title,)) is None  # `Recommendations (Should Fix)` grades its items
        for title in sections
    )


# `### INFORMATIONAL (…)`: a grade opening a title, then a gloss in brackets
_GRADE_FIRST = re.compile(
    r"^\W*(?:critical|high|medium|moderate|low|info(?:rmational)?)\b(?:\s+severity)?\s*\(", re.I
)


def _not_findings(title: str) -> bool:
    """A strengths/summary/legend… title; a checklist only when it does not name findings."""
    if NAMES_FINDINGS.search(title):
        title = re.sub(r"check-?lists?", "", title, flags=re.I)
    if _GRADE_FIRST.match(title):
        # `### INFORMATIONAL (Best Practices)`: a grade, then what kind of advice it holds
        title = re.sub(r"\([^()]*\b(?:best|good) practices?\b[^()]*\)", "", title, flags=re.I)
    return bool(_NOT_FINDINGS.search(title))


def section_status(block: Block) -> FindingStatus | None:
    """The status a short section title gives its items (`## Open issues`, `## Closed issues`)."""
    title = strip_marks(block.section[-1]) if len(block.section) > 1 else ""
    if len(re.findall(r"[^\W_]+", title)) <= 4 and NAMES_FINDINGS.search(title):  # `&` is not a word
        return status_of(title)
    if len(title.split()) <= 3:
        return status_of(title)  # a board column (`## 🔧 In progress`, `## ✅ Done`, `## Won't do`)
    return None


def parent_headings(blocks: Sequence[Block]) -> frozenset[int]:
    """Indexes of headings whose next heading is a sub-heading (not leaves: their prose introduces others)."""
    parents = set()
    last: int | None = None
    for index, block in enumerate(blocks):
        if block.kind == "heading":
            if last is not None and block.level > blocks[last].level:
                parents.add(last)
            last = index
    return frozenset(parents)


def closed_section(block: Block) -> FindingStatus | None:
    """The status a heading gives all the findings under it (`Findings from the last audit — all resolved`)."""
    for title in reversed(block.section[1:]):  # the nearest heading that says so, however deep the finding
        if (
            (NAMES_FINDINGS.search(title) or _FOREIGN_NAMES.search(title))
            and _CLOSED_SECTION.search(title)
            and not re.search(r"\b(?:not|não|no|nicht)\b", title, re.I)
        ):
            return status_of(title)
    return None


# A section of earlier findings that says they are all closed ("Findings from the 2023 audit (resolved)").
_CLOSED_SECTION = re.compile(
    r"\b(all\s+)?(resolved|fixed|closed|remediated)\b"
    # `## Vulnerabilidades Identificadas e Corrigidas`, `## Hallazgos resueltos`
    r"|\b(?:corrigid|corregid|resolvid|resuelt|solucionad)[oa]s\b",
    re.I,
)
_FOREIGN_NAMES = re.compile(rf"\b(?:{FOREIGN_FINDINGS})\b", re.I)


def lists_work(blocks: Sequence[Block], index: int) -> bool:
    """A heading over two or more list items that are all work to do (`### Weeks 2-3 (High Priority)` over
    `7. ✅ Add rate limiting`, `8. ✅ Add security headers`): a plan's phase, not a finding."""
    items = 0
    for block in blocks[index + 1 :]:
        if block.kind == "heading":
            break
        if block.kind != "item" or not ACTION.match(strip_marks(block.text)):
            return False
        items += 1
    return items >= 2


# `### ✅ **FIXED** (2025-11-21)`, `### ⚠️ CANNOT FIX - by design`: a heading that only states a state
_STATE_HEADING = re.compile(
    r"^\W*(?:fixed|resolved|remediated|closed|mitigated|accepted|acknowledged|open|not fixed|partially fixed"
    r"|in progress|deferred|won['’]?t fix|cannot fix|can['’]?t fix|out of scope)\b",
    re.I,
)


def status_subheadings(blocks: Sequence[Block]) -> list[Block]:
    """A finding heading followed at once by a heading of the same level that only states its state
    (`### 🔴 CRITICAL #2: …` then `### ⚠️ **CANNOT FIX** - well mitigated`): the second is the finding's
    `Status:` line, and the blocks below it belong to the finding."""
    result: list[Block] = []
    renamed: tuple[str, str, int] | None = None  # (status title, finding title, level) while under it
    for block in blocks:
        previous = result[-1] if result else None
        if (
            block.kind == "heading"
            and previous is not None
            and previous.kind == "heading"
            and previous.level == block.level
            and _STATE_HEADING.match(strip_marks(block.text))
        ):
            section = (*previous.section, previous.text)
            result.append(
                replace(block, kind="paragraph", text=f"Status: {block.text}", level=0, section=section)
            )
            renamed = (block.text, previous.text, block.level)
            continue
        if renamed and block.kind == "heading" and block.level <= renamed[2]:
            renamed = None
        if renamed:
            block = replace(block, section=tuple(renamed[1] if t == renamed[0] else t for t in block.section))
        result.append(block)
    return result


# `## A01: Broken Access Control`, `### 3. A03:2021 – Injection`: an OWASP category's section
_CATEGORY = re.compile(r"^\W*(?:\d+\.\s*)?A\d{1,2}(?::20\d\d)?\s*(?:[:—–]|\s-)\s*\w")
# `### Risk Level: HIGH`, `### Status: ⚠️ Partially addressed`: a sub-heading that only states a field
_FIELD_HEADING = re.compile(r"^\W*(status|risk(?:\s+level)?|severity)\s*[:—–-]\s*(\S.*)$", re.I)


def category_fields(blocks: Sequence[Block]) -> list[Block]:
    """An OWASP category section rated by sub-headings (`## A01: Broken Access Control` › `### Status: ⚠️
    Partial` › `### Risk Level: HIGH`): they are the category's `Status:` and `Severity:` lines, so a category
    found wanting is a finding; one whose status praises it (`### Status: ✅ Secure`) stays a passed check."""
    converted: dict[int, Block] = {}
    added: dict[int, list[Block]] = {}
    for index, block in enumerate(blocks):
        if block.kind != "heading" or not _CATEGORY.match(strip_marks(block.text)):
            continue
        found: list[tuple[int, str, str]] = []
        for position in range(index + 1, len(blocks)):
            inner = blocks[position]
            if inner.kind != "heading":
                continue
            if inner.level <= block.level:
                break
            if field := _FIELD_HEADING.match(strip_marks(inner.text)):
                found.append((position, field.group(1).lower(), field.group(2)))
        keys = {key.split()[0] for _, key, _ in found}
        statuses = [value for _, key, value in found if key == "status"]
        if "risk" not in keys and "severity" not in keys:
            continue
        if any(_PRAISED_STATE.match(value) for value in statuses):
            continue
        section = (*block.section, block.text)
        for position, key, value in found:
            text = f"Status: {value}" if key == "status" else f"Severity: {value}"
            field_line = replace(blocks[position], kind="paragraph", text=text, level=0, section=section)
            # (the fields may stand below `### Evidence`: they are read as the category's own lines)
            added.setdefault(index, []).append(field_line)
            converted[position] = replace(field_line, text=f"({text})")
    result: list[Block] = []
    for index, block in enumerate(blocks):
        result.append(converted.get(index, block))
        result.extend(added.get(index, ()))
    return result


_PRAISED_STATE = re.compile(r"^\W*(?:secure|compliant|pass(?:ed)?|good|ok|no issues?|not vulnerable)\b", re.I)


# A line of its own that reads as a title: a few words, capitalised, no closing punctuation or colon.
_PLAIN_TITLE = re.compile(r"^[^\W\d_][^:.!?;]{0,60}$")
_NUMBERED_LINE = re.compile(r"^(\d{1,3})[.)]\s+(?=\S)")


def plain_headings(blocks: Sequence[Block]) -> list[Block]:
    """A report pasted as plain text has no Markdown headings: its short lines of their own (`Critical`,
    `Low / hardening`, `Top 3 to fix first`) are its headings, and the blocks below them their sections."""
    if any(block.kind == "heading" for block in blocks):
        return list(blocks)
    result: list[Block] = []
    title: str | None = None
    for block in blocks:
        text = block.text.strip()
        first, _, rest = text.partition("\n")
        numbered = _NUMBERED_LINE.match(rest)
        if (
            block.kind == "paragraph"
            and (not rest or numbered)
            and not block.lead
            and len(first.split()) <= 6
            and _PLAIN_TITLE.match(first)
        ):
            title = first
            result.append(replace(block, kind="heading", text=first, level=2, section=block.section[:1]))
            if numbered:
                # `High` over `4. Shared host key …`: a list not starting at 1 cannot break a paragraph
                item = rest[numbered.end() :]
                section = (*block.section[:1], title)
                number = int(numbered.group(1))
                result.append(
                    replace(
                        block,
                        kind="item",
                        text=item,
                        line=block.line + 1,
                        number=number,
                        level=2,
                        section=section,
                    )
                )
            continue
        result.append(replace(block, section=(*block.section[:1], title)) if title else block)
    return result
