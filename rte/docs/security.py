"""The security audit: individual findings (tables, headings, bold fields), the score, stated counts."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from rte.docs.closure import done_recommendations, found_marks, header_status, remedied_sections
from rte.docs.codefindings import code_findings, merge_code
from rte.docs.counts import stated_open, untallied_open
from rte.docs.findingparts import PART_OF_FINDING, drop_weakness_recaps, part_fields, rated_component
from rte.docs.findtables import status_updates, table_findings, titled_statuses, tracked_statuses
from rte.docs.frontmatter import FrontMatter
from rte.docs.groupgrades import group_grade, letter_coded, letter_grade, rated_area
from rte.docs.inlinefindings import footnote_statuses, ranged_findings, recorded_findings
from rte.docs.leadfields import field_severity, fields, lead_status, title_of
from rte.docs.leads import (
    BEFORE_AFTER,
    FIELD,
    FINDING_LEAD,
    GRADE_WORDS,
    GRADED_LEAD,
    HEAD_ID,
    ID,
    IMPACT_LABEL,
    ITEM_LEVEL,
    LEADING_SEVERITY,
    ORDINAL,
    PAREN_SEVERITY,
    PAREN_SEVERITY_END,
    RECORD_ID,
    SEVERITY_PREFIX,
    SEVERITY_SECTION,
    SEVERITY_WORDS,
    STATE_GROUP,
    TAG,
    TRAILING_GRADE,
    candidates,
    graded_record,
    has_parts,
    inline_fields,
    marker_lead,
    record_title,
    section_severity,
)
from rte.docs.legends import Legend, graded, legend, prose_severity
from rte.docs.markdown import Block
from rte.docs.numbered import (
    named_follow_ups,
    numbered_follow_ups,
    ranged_statuses,
    remediation_lists,
    section_updates,
    stated_fixes,
)
from rte.docs.scanners import follow_ups, tool_findings
from rte.docs.sections import (
    NAMES_FINDINGS,
    SUMMARY,
    category_fields,
    closed_section,
    excluded,
    lists_work,
    parent_headings,
    plain_headings,
    section_status,
    status_subheadings,
    summaries_as_lists,
)
from rte.docs.summaryrows import (
    drop_recaps,
    drop_register_echoes,
    drop_repeated_rows,
    drop_restated_ids,
    join_summary,
    numbered_headings_graded_below,
    rows_under_leads,
    rows_with_details,
)
from rte.docs.vocab import PRAISE, id_severity, moscow_severity, severity_of, status_of, strip_marks
from rte.model import Finding, FindingStatus, Location, Problem, SecurityAudit, Severity

_SCORE = re.compile(
    r"\b(?:security\s+)?(?:score|rating)\b[^0-9\n]{0,30}(\d{1,3}(?:\.\d+)?\s*/\s*10{1,2})\b", re.I
)
# A heading that opens with a plural name of findings is a section (`Vulnerabilities Found & Remediated`).
_GROUP_HEADING = re.compile(
    r"^\W*(?P<ordinal>\d{1,2}[.)]\s+)?(?P<words>(?:[\w/&-]+\s+){0,2})"
    r"(?:findings|issues|vulnerabilities|risks|concerns|weaknesses|problems|gaps|improvements)\b(?!\s*#?\d)",
    re.I,
)
# `#### 10. Token Storage (CRITICAL - MUST FIX)`, `### Weak hashing (High)`: a heading closing with its grade
_GRADE_CLOSES = re.compile(
    rf"{PAREN_SEVERITY_END.pattern}|\({SEVERITY_WORDS}\s+[-–—]\s+[^()]{{1,24}}\)\W*$", re.I
)
# `**Results**: 3/4 passed, 1 failed`: how many of an area's checks passed
_CHECKS_TALLY = re.compile(r"^\W*results?\W*:\W*\d+\s*/\s*\d+\s+(?:checks?\s+)?passed\b", re.I)
# (and in other languages: `## ✅ HC-000: Ninguno Detectado`, `Aucune`, `Keine gefunden`)
_NONE_WORD = (
    r"(?:none|n/?a|ningun[oa]s?|nenhum[a]?|aucune?|keine?|nessun[oa]?)"
    r"(?:\s+(?:found|detected|identified|detectad[oa]s?|encontrad[oa]s?|d[ée]tect[ée]e?s?|gefunden|rilevat[oi]))?"
)
_NONE = re.compile(
    rf"^\W*\w+\W*(?:issues?|findings?|severity|priority)?\W*({_NONE_WORD}|no \w+ found)\W*$"
    rf"|^\W*(?:[\w-]+\s+){{0,3}}[\w-]+\s*:\W*{_NONE_WORD}\W*$",  # `### High-Risk Dependencies: **None**`
    re.I,
)
# `### To Be Investigated` over `_(Placeholder - will be filled in after the review)_`: room for findings, none yet.
_PLACEHOLDER = re.compile(
    r"^\W*(?:to be (?:investigated|determined|confirmed|reviewed)|tbd|tbc|todo|placeholder)\W*$", re.I
)
_NONE_ITEM = re.compile(
    r"^\W*(?:none|nothing)(?:\s+(?:confirmed|found|identified|detected|observed|known|reported))?\s*(?:[.!:;—–]|$)",
    re.I,
)
# `### 🚨 IMMEDIATE ACTION REQUIRED` over the steps to take: a call to act, not a finding
_CALL_TO_ACT = re.compile(
    r"^\W*(?:immediate|critical|urgent|required)?\s*actions?\s+(?:required|needed)\W*$", re.I
)
_STATUS_HEADING = re.compile(r"^\W*(?:overall\s+|current\s+)?status\W*[:—–-]\s*\w", re.I)
# `### Risk Level: 🟡 HIGH` under `## Risk Assessment`: the rating of the report's subject, no finding
_RATING_HEADING = re.compile(
    rf"^\W*(?:overall\s+)?risk\s+(?:level|rating)\W*[:—–-]\W*{SEVERITY_WORDS}\W*$", re.I
)
_SEVERITY_PREFIX = SEVERITY_PREFIX
_SEVERITY_PREFIX_ONLY = re.compile(
    rf"^\W*{GRADE_WORDS}(?:\s+(?:severity|risk|priority))?\s*(?:[:|–—]|--?)\s*", re.I
)
# `## Fix 1 — CRITICAL: title`, `### Item 3 - HIGH: title`: a word and a number before the grade
_NAMED_NUMBER = re.compile(
    r"^\W*[^\W\d_]+\s+#?\d{1,3}\s*(?:[—–:]|-{1,2})\s*(?=\W*" + GRADE_WORDS + r"\b)", re.I
)
_SEVERITY_WORDING = re.compile(r"\b(critical|high|medium|moderate|low)[\s-]+(severity|risk)\b", re.I)
_SCORE_LINE = re.compile(r"\W*cvss", re.I)  # a severity field that is a CVSS score, not a grade
# `CRITICAL for the planned feature — title`, `NOTED — title (accepted)`: a short tag, a dash, the title.
_TAG_DASH = re.compile(r"^\W*([^—–]{2,60}?)\s+[—–]\s+(\S.*)$")
# `### Week 1 (CRITICAL)`, `### Phase 2: High-priority fixes`: a step of the plan, graded by what it fixes.
_PHASE = re.compile(
    r"^\W*(?:(?:weeks?|phases?|sprints?|days?|months?|stages?|milestones?)\s+\d|(?:short|medium|mid|long)[- ]term\b)",
    re.I,
)
_CATEGORY_COUNT = re.compile(
    r"\(\s*\d+\s+(?:(?:P[0-4]|critical|high|medium|low)\s+)?"
    r"(?:findings?|issues?|vulnerabilit(?:y|ies)|alerts?|packages|dependencies)\s*\)\W*$"
    # `- **Initial Vulnerabilities:** 2 (High severity)`: how many, not which
    r"|^\W*(?:[\w-]+\s+){0,3}(?:vulnerabilities|issues|findings|cves)\W*[:=]\W*\d+\b(?!\.\d)",
    re.I,
)
# `#### 1. **cryptography** (4 vulnerabilities)`, `### python-jose 3.3.0 (2 vulnerabilities)`: a package
_PACKAGE_COUNT = re.compile(
    r"^\W*(?:\d{1,3}[.)]\s+)?[a-z@][\w.@/-]{1,60}(?:\s+v?\d[\w.]*)?\s*\(\s*\d+\s+(?:vulnerabilit(?:y|ies)|advisor(?:y|ies)|cves?)\s*\)\W*$"
)
_STATE_DASH = re.compile(r"^\W*([^\W\d_]+(?:\s+[^\W\d_]+)?)\s+[—–]\s+(?=\S)")
_DETAIL = "report-detail"  # the source of a finding whose severity comes from its row in an earlier table
_DRAFT = re.compile(r"\b(draft|in progress|incomplete|pending|not started|wip|tbd)\b", re.I)


def read_security(blocks: Sequence[Block], rel: str, fm: FrontMatter) -> tuple[SecurityAudit, list[Problem]]:
    problems: list[Problem] = []
    if "findings" in fm.values:
        findings = _front_matter_findings(fm, rel, problems)
    else:
        blocks = category_fields(status_subheadings(plain_headings(blocks)))
        # A report whose only graded list is its summary (`## Vulnerabilities (Summary)` › `- ~~🔴 CRITICAL:
        # …~~ ✅`) lists its findings there.
        findings = _listed_findings(blocks, rel) or _listed_findings(summaries_as_lists(blocks), rel)
        findings = _summarised_grades(blocks, rel, findings)
    score = str(fm.values["score"]) if "score" in fm.values else _score(blocks)
    stated, stated_at = untallied_open(blocks, findings, rel) if findings else stated_open(blocks, rel)
    status = str(fm.values.get("status", "")) or _status_line(blocks)
    complete = None if not status else not _DRAFT.search(status)
    return SecurityAudit(tuple(findings), score, stated, stated_at, complete), problems


def _listed_findings(blocks: Sequence[Block], rel: str) -> list[Finding]:
    """The findings the report lists (in tables, headings, leads, items, code), each once, with its status."""
    terms = legend(blocks)
    held: list[Finding] = []
    rows = table_findings(blocks, rel, terms, held)
    listed = {f.id: f for f in rows if f.id}
    details = _heading_findings(blocks, rel, terms, listed, {f.id: f for f in held if f.id})
    findings = rows_with_details(blocks, rows, details) + tool_findings(blocks, rel, terms)
    findings = merge_code(blocks, findings, code_findings(blocks, rel) + recorded_findings(blocks, rel))
    findings = status_updates(blocks, findings)  # before the summary lends its (older) statuses
    # A summary table lends its statuses to the findings detailed below it and adds the rows no section
    # details; it is the list when nothing else lists findings.
    findings = join_summary(findings, held, {b.line: b.text for b in blocks if b.kind == "heading"})
    findings = ranged_findings(blocks, rows_under_leads(blocks, findings))
    findings = [f for f in numbered_headings_graded_below(blocks, findings) if not _praised(f)]
    findings.sort(key=lambda f: f.location.line or 0)
    findings = drop_register_echoes(blocks, drop_restated_ids(blocks, drop_recaps(blocks, findings)))
    findings = drop_weakness_recaps(blocks, drop_repeated_rows(blocks, findings))
    findings = follow_ups(blocks, titled_statuses(blocks, tracked_statuses(blocks, findings)))
    findings = named_follow_ups(blocks, remediation_lists(blocks, numbered_follow_ups(blocks, findings)))
    findings = section_updates(blocks, stated_fixes(blocks, findings))
    findings = footnote_statuses(blocks, ranged_statuses(blocks, findings))
    findings = done_recommendations(blocks, found_marks(blocks, findings))
    return header_status(blocks, remedied_sections(blocks, findings))


def _summarised_grades(blocks: Sequence[Block], rel: str, findings: list[Finding]) -> list[Finding]:
    """`## 🟡 MEDIUM Issues - Summary` › `- ⚠️ Missing CORS tests`, in a report listing no medium finding
    elsewhere: the summary of a grade is the only list of that grade's findings."""
    found = {f.severity for f in findings}
    spans: dict[str, tuple[Severity, int, int]] = {}
    for index, block in enumerate(blocks):
        grade = section_severity((block.text,)) if block.kind == "heading" else None
        if grade is None or grade is Severity.UNKNOWN or grade in found or not SUMMARY.search(block.text):
            continue
        end = next(
            (b.line for b in blocks[index + 1 :] if b.kind == "heading" and b.level <= block.level), 10**9
        )
        spans[block.text] = (grade, block.line, end)
    if not spans:
        return findings
    lifted = _listed_findings(summaries_as_lists(blocks, frozenset(spans)), rel)
    extra = [
        f
        for f in lifted
        for grade, start, end in spans.values()
        if f.severity is grade and start < (f.location.line or 0) < end
    ]
    return sorted(findings + extra, key=lambda f: f.location.line or 0)


# `#### [Severity: INFO] - Dependency audit is currently clean`: a strength filed among the findings.
_PRAISED_TITLE = re.compile(
    r"\b(?:properly|correctly|(?:is|are) (?:\w+ )?(?:clean|strong|safe|secure|enforced|read-only|correct)"
    r"|not present|used throughout)\b",
    re.I,
)
_FAULT_WORDS = re.compile(
    r"\b(?:missing|lacks?|without|weak|insufficient|could|may|should|consider|but)\b", re.I
)


# `### F-02 — gitleaks hits are non-issues (Info)`, `Example docs contain no secrets`, `Ignored files verified`
_CHECKED_OK = re.compile(
    r"\bnon-?issues?\b|\bcontains? no\b|\bverified(?:\s*\([^()]*\))?\W*$|\bnot a (?:finding|vulnerability|issue)\b"
    r"|\s[—–-]\s*(?:pass(?:ed)?|ok)\W*$",  # `### FINDING-007: No Hardcoded Secrets — PASS`: a check that passed
    re.I,
)


def _praised(finding: Finding) -> bool:
    """An informational finding whose title says what is done right (and nothing that is wrong), or that a
    check found nothing."""
    if finding.severity is Severity.INFO and _CHECKED_OK.search(finding.title):
        return True
    return (
        finding.severity is Severity.INFO
        and finding.status is FindingStatus.UNKNOWN
        and bool(_PRAISED_TITLE.search(finding.title))
        and not _FAULT_WORDS.search(finding.title)
    )


def _document_title(blocks: Sequence[Block]) -> int | None:
    """The index of the document's title: its one level-1 heading, opening it."""
    tops = [i for i, block in enumerate(blocks) if block.kind == "heading" and block.level == 1]
    return tops[0] if len(tops) == 1 and not any(b.kind == "heading" for b in blocks[: tops[0]]) else None


# `### 🔴 CRITICAL: Credential Rotation Required`, and `**Action Required:**` opening a part of a finding
_REQUIRED_TITLE = re.compile(r"\b(?:required|needed)\W*$", re.I)
_ACTION_REQUIRED = re.compile(r"^\W*action(?:s)? required\W*$", re.I)


def _work_required(blocks: Sequence[Block], index: int) -> bool:
    """A heading finding whose title says work is required, or whose body opens an `Action Required:` part."""
    if _REQUIRED_TITLE.search(strip_marks(blocks[index].text)):
        return True
    for block in blocks[index + 1 :]:
        if block.kind == "heading":
            return False
        if block.kind == "paragraph" and _ACTION_REQUIRED.match(strip_marks(block.text.split("\n", 1)[0])):
            return True
    return False


# `**Severity** reflects the worst-case impact if exploited:`: a sentence introducing what each grade means
_GRADES_INTRO = re.compile(r"\bseverit(?:y|ies)\b[^\n]*:\W*$", re.I)


def _defines_grades(blocks: Sequence[Block], index: int) -> bool:
    """A list item in a run that the sentence above introduces as the grades' meanings, one grade an item,
    three or more (`- **Critical:** Data disclosure …`, `- **High:** Security control bypass …`)."""
    start = end = index
    while start > 0 and blocks[start - 1].kind == "item":
        start -= 1
    above = blocks[start - 1] if start else None
    if above is None or above.kind != "paragraph" or not _GRADES_INTRO.search(above.text):
        return False  # (asked first: most lists are no legend, and a long one is walked once per item)
    while end + 1 < len(blocks) and blocks[end + 1].kind == "item":
        end += 1
    grades = [LEADING_SEVERITY.match(strip_marks(b.text)) for b in blocks[start : end + 1]]
    named = [severity_of(g.group(0)) for g in grades if g]
    return len(named) == end + 1 - start >= 3 and len(set(named)) == len(named)


def _under_impact(blocks: Sequence[Block], index: int) -> bool:
    """A list item under a finding's `#### Impact` heading or `**Impact**:` line (`- **CRITICAL**: breaks the
    voting model`) grades the consequence, not another finding."""
    if blocks[index].section and IMPACT_LABEL.match(strip_marks(blocks[index].section[-1])):
        return True
    start = index
    while start > 0 and blocks[start - 1].kind == "item":
        start -= 1
    above = blocks[start - 1] if start else None
    return bool(above and above.kind == "paragraph" and IMPACT_LABEL.match(strip_marks(above.text)))


def _front_matter_findings(fm: FrontMatter, rel: str, problems: list[Problem]) -> list[Finding]:
    items = fm.values.get("findings")
    lines = fm.item_lines.get("findings", ())
    if not isinstance(items, list):
        problems.append(Problem("`findings` must be a list", Location(rel, fm.lines.get("findings"))))
        return []
    findings = []
    for index, item in enumerate(items):
        where = Location(rel, lines[index] if index < len(lines) else fm.lines.get("findings"))
        if not isinstance(item, dict) or not item.get("title"):
            problems.append(Problem("each finding needs at least `title` and `severity`", where))
            continue
        try:
            severity = Severity.parse(str(item.get("severity", "unknown")))
        except ValueError as exc:
            problems.append(Problem(str(exc), where))
            severity = Severity.UNKNOWN
        status = status_of(str(item.get("status", ""))) or FindingStatus.UNKNOWN
        ident = item.get("id")
        findings.append(
            Finding(
                str(item["title"]),
                severity,
                status,
                where,
                id=str(ident) if ident else None,
                source="front-matter",
            )
        )
    return findings


def _heading_findings(
    blocks: Sequence[Block],
    rel: str,
    terms: Legend,
    listed: dict[str, Finding],
    summarised: Mapping[str, Finding],
) -> list[Finding]:
    """Findings written as headings (`### H-1: …`), bold lead lines (`**Issue 2: …**`) or list items.

    `listed` are the findings a table lists by id; `summarised` the rows of a summary table, by id.
    """
    findings: list[Finding] = []
    sections: dict[int, Severity] = {}
    # The finding headings still open: level, whether an id or grade marks them, their place in `findings`.
    heads: list[tuple[int, bool, int]] = []
    groups: set[int] = set()  # heading findings that turned out to group the item findings below them
    leads = candidates(blocks, terms)
    # once: fields() stops at the next one (not at a consequence listed under a finding's `**Impact**:`)
    starts = frozenset(
        lead.index
        for lead in leads
        if not (blocks[lead.index].kind == "item" and _under_impact(blocks, lead.index))
    )
    parents = parent_headings(blocks)
    coded = letter_coded(blocks)
    title = _document_title(blocks)
    # the grades the report groups its findings under (`## High`, `## Medium`, …)
    grades = {section_severity((b.text,)) for b in blocks if b.kind == "heading"} - {None, Severity.UNKNOWN}
    # (unless its ids spell the grades, `CRIT-002`, `HIGH-001`: then a finding without one is graded by its score)
    if any(id_severity(m.group(1)) for b in blocks if b.kind == "heading" and (m := ID.search(b.text))):
        grades = set()
    for lead in leads:
        index, level, text = lead.index, lead.level, lead.text
        block = blocks[index]
        if block.kind == "paragraph" and RECORD_ID.match(text):
            text = f"{text.strip().strip('[]')}: {record_title(block)}"  # `[FINDING-001]` + `Description: …`
        elif block.kind == "paragraph" and graded_record(block):
            text = record_title(block)  # `**severity**: high` / `**issue**: Race in the message handler`
        for lvl in [lvl for lvl in sections if lvl >= level]:
            del sections[lvl]
        while heads and heads[-1][0] >= level:
            heads.pop()
        plain = strip_marks(text)
        grouped = (
            section_severity((text,))
            if (block.kind == "heading" or SEVERITY_SECTION.match(plain))
            # `**Critical Issue - Picks can be deleted:**` names one finding, not a group
            and not (GRADED_LEAD.match(plain) and block.kind != "heading")
            # `### 🔴 CRITICAL - XSS in the error view` over `- **Location**:` and `- **Fix**:` lines
            # (and so does `#### 10. Token Storage (CRITICAL - MUST FIX)` over `**Issue:** …`)
            and not (
                index not in parents
                and (
                    _SEVERITY_PREFIX.match(plain)
                    or (_GRADE_CLOSES.search(plain) and not _GROUP_HEADING.match(plain))
                )
                and (has_parts(blocks, index) or _prose_only(blocks, index))
            )
            else None
        )
        if grouped is None and index in parents:
            grouped = group_grade(blocks, index, plain, terms) or rated_area(blocks, leads, index)
        if grouped is None and block.kind == "heading" and sections and STATE_GROUP.match(plain):
            # `## 🟡 MEDIUM Issues` › `### REMAINING (Low Priority)` › items: the state groups under the grade
            grouped = sections[max(sections)]
        tagged = _tagged_heading(block, plain) if index not in parents else None
        # read once, here or below (the fields are costly: they run to the next lead)
        found = fields(blocks, lead, starts) if grouped is not None and index in parents else None
        if (
            found is not None
            and "severity" in found
            and not any(
                key == "severity" for key, _ in inline_fields(text)
            )  # `## CRITICAL (Severity: 10/10)`
        ):
            grouped = None  # `### CRITICAL: 32 known CVEs` › `**Severity:** P0` › `#### Django 4.2 → 4.2.27`: its parts
        if grouped is not None and tagged is None:
            if index != title:  # `# 🔴 CRITICAL NOTES - BILLING CLI` names the document, grades nothing
                sections[level] = grouped
            continue
        inherited = next((sections[lvl] for lvl in sorted(sections, reverse=True)), None)
        found = found if found is not None else fields(blocks, lead, starts)
        if block.kind == "heading":
            for key, value in part_fields(blocks, index, starts).items():
                found.setdefault(key, value)  # `## Severity` › `**High**`, `#### Impact` › `- **Status:** …`
        short = _short_id(block, plain, listed)
        rest = plain[short.end() :] if short else _NAMED_NUMBER.sub("", ORDINAL.sub("", plain))
        prefix = _SEVERITY_PREFIX.match(rest)  # `### 1. 🔴 CRITICAL: …`, `### F1: HIGH -- …`
        ident = short.group(1) if short else (m.group(1) if (m := ID.search(text)) else None)
        # `### H1 — Title` under `## High`: the short id names the finding even when it does not mark one
        named = short or (
            HEAD_ID.match(plain) if (block.kind == "heading" or block.lead) and not ident else None
        )
        # `#### [H01] …` in a report coding grades by id letter, unless a table listing the id grades it
        coded_id = ident or (named.group(1) if named else None)
        tabled = coded_id in listed or coded_id in summarised
        coded_grade = letter_grade(coded_id) if coded and (inherited is not None or not tabled) else None
        if coded_grade is Severity.INFO and inherited is not None:
            coded_grade = None  # `## NIEDRIG` › `### N-1 · …`: N is low in German (Niedrig), not a note
        marker = marker_lead(text if block.kind == "heading" else "", terms)
        if (
            marker is not None
            and inherited is not None
            and block.section
            and marker_lead(block.section[-1], terms) is marker
        ):
            # `## 🟡 HIGH PRIORITY ISSUES` › `### 7. 🟡 …`: the colour repeats the section's, whose word grades
            marker = inherited
        trailing = TRAILING_GRADE.search(text) if block.kind == "heading" else None
        closing = block.kind == "heading" and (PAREN_SEVERITY_END.search(plain) or trailing)
        has_marker = bool(
            ident
            or TAG.search(text)
            or prefix
            or marker
            or closing
            or level == ITEM_LEVEL
            or lead.graded
            or coded_grade is not None
            or (block.kind == "heading" and FINDING_LEAD.match(plain) and _NUMBER_GRADED.match(plain))
        )
        explicit = "severity" in found
        if explicit and PRAISE.fullmatch(strip_marks(found["severity"])):
            continue  # `### 6. Authentication` › `**Severity**: 🟢 **GOOD** (8.5/10)`: a strength rated
        if block.kind == "heading" and _tallies_checks(blocks, index):
            continue  # `### ❌ A01 – Access Control` › `**Results**: 3/4 passed, 1 failed`: a category of checks
        # `1. **Frontend role checks** (Priority: Medium)` under `Recommendations` grades itself on its lead
        graded_lead = any(key in ("severity", "priority", "risk") for key, _ in inline_fields(text))
        if (
            (level == 1 and not ident)
            # `# 🔍 SECURITY AUDIT CHECKLIST` then `## PawnBroker Pro - Action Items`: the title's subtitle
            or (
                block.kind == "heading"
                and index == 1
                and blocks[0].kind == "heading"
                and block.line == blocks[0].line + 1
                and not (ident or named)
            )
            or (block.kind == "heading" and (_PROPOSED_FIX.match(plain) or _CALL_TO_ACT.match(plain)))
            or excluded(block, text, explicit or graded_lead)
            or _NONE.search(plain)
            or _PLACEHOLDER.match(plain)
            or (block.kind == "item" and _NONE_ITEM.match(plain))  # `### Critical` › `- None confirmed. …`
            # `### Status: **VULNERABLE**` (ungraded) rates the area above; `### Status: VULNERABLE 🔴 HIGH` grades
            or (block.kind == "heading" and _STATUS_HEADING.match(plain) and severity_of(text) is None)
            or (block.kind == "heading" and _RATING_HEADING.match(plain))
        ):
            continue
        own = explicit or graded_lead or TAG.search(text) or PAREN_SEVERITY.search(text) or prefix
        if block.kind == "heading" and not own and PRAISE.fullmatch(strip_marks(found.get("status", "-"))):
            continue  # `### 9. Environment Variables` › `**Status:** ✅ **GOOD**`: an area checked and found sound
        if block.kind == "heading":
            # (`#### ✅ Debugger detection` under `### 🔴 CRITICAL-002: …` is part of it, though the finding's
            # `CVSS Score:` line below it falls in its section)
            under_id = bool(heads) and findings[heads[-1][2]].id is not None
            titled = own and not (explicit and under_id and not graded_lead)
            part = any(strong for _, strong, _ in heads) and not (titled or ident or marker or closing)
        elif block.kind == "paragraph":
            # `**Issue:** …` + `**Risk:** …` under `#### 10. SESSIONS - PARTIAL`
            part = bool(heads) and not own
        else:
            part = any(strong for _, strong, _ in heads) and not own
        if block.kind == "item" and _defines_grades(blocks, index):
            continue  # `**Severity** reflects the worst-case impact:` › `- **High:** privilege escalation`
        if part or (block.kind == "item" and heads and _under_impact(blocks, index)):
            # `#### Affected Code`, a `- **CVE-…:**` item under `### HIGH-001: …`, or `- **MEDIUM**: attackers
            # can …` under its `#### Risk Assessment:` is part of it
            continue
        if _CATEGORY_COUNT.search(plain) and not explicit and not _PACKAGE_COUNT.match(plain):
            # `Input Validation Gaps (87 findings)`: a category and its count (but `1. cryptography (4
            # vulnerabilities)` is a dependency to upgrade, one finding)
            continue
        if block.kind == "heading" and PART_OF_FINDING.fullmatch(plain) and block.section[1:]:
            continue  # `### Risk Assessment` under `## P1-D: …` is part of that finding
        if block.kind == "heading" and BEFORE_AFTER.match(plain) and not (ident or (own and not explicit)):
            continue  # `### ❌ Before: Major Flaws` over the findings as they were, `### ✅ After: …` the fix
        group = _GROUP_HEADING.match(plain) if block.kind == "heading" else None
        if (
            group
            and not explicit
            and not ID.search(text)
            and (index in parents or (len(group["words"].split()) < 2 and not group["ordinal"]))
        ):
            colour = marker if marker is not None and not re.search("🚨|⛔", text) else None  # not a siren
            grade = severity_of(group["words"]) or colour
            if grade is not None and index in parents:
                sections[level] = grade  # `## 🟡 CODE QUALITY ISSUES` grades the findings below it
            continue  # `🚨 Vulnerabilities Found & Remediated`, `## 🟡 CODE QUALITY ISSUES` over `### 1. …`
        if tagged is not None and not explicit:
            findings.append(_finding(title_of(tagged[2]), tagged[0], tagged[1], Location(rel, block.line)))
            continue
        prose = (
            Severity(found["prose"])
            if "prose" in found and block.kind == "heading" and index not in parents and not inherited
            else None
        )
        if not (has_marker or inherited or explicit or prose or "priority" in found or "risk" in found):
            if _SEVERITY_WORDING.search(plain):
                sections[level] = severity_of(text) or Severity.UNKNOWN
            continue
        tag = TAG.search(text) or PAREN_SEVERITY.search(text)
        trailed = severity_of(next(g for g in trailing.group(3, 1, 5, 2, 4) if g)) if trailing else None
        # `### 🔴 CRIT-002: …` over `**CVSS:** 7.5`: the report's own grade, spelled in the id, beats the band
        # (and so does the severity group it is filed under, in a report grouping its findings by grade:
        # `### HIGH SEVERITY` › `#### VULN-005: …` › `- **CVSS:** 6.5 (Medium)`)
        scored = bool(_SCORE_LINE.match(found.get("severity", "")))
        spelled = (id_severity(ident) or (inherited if len(grades) >= 2 else None)) if scored else None
        severity = (
            spelled
            or field_severity(found, terms, ("severity",))
            # `### 🟡 LOW SEVERITY: …` grades the finding; a `Priority: HIGH` under it schedules the work
            or (severity_of(prefix.group(1)) if prefix else None)
            # and so does `### 3. **No input sanitising** ⚠️ HIGH` under `## Critical Vulnerabilities`
            or (trailed if block.kind == "heading" and inherited and "priority" in found else None)
            # `## Medium Findings` › `Priority: High`: the section grades, the priority schedules the fix
            or (
                inherited
                if inherited and "priority" in found and field_severity(found, terms, ("risk",)) is None
                else None
            )
            # `## FINDING 1 — Key in .env (CRITICAL)` over `Risk: MEDIUM — not in history`: the title's grade
            or (severity_of(tag.group(1)) if tag else None)
            or field_severity(found, terms)
            or (graded(block.lead, terms) if block.lead else None)
            or (prose_severity(block.text) if lead.graded and block.kind == "item" else None)
            # `1. **Deprecated ACL Usage** - HIGH RISK` under `## CRITICAL ISSUES`: the item's own grade
            or _graded_after_lead(block)
            # a red 🔴 marks critical or high: under `## Critical Findings` it marks critical
            or (
                inherited
                if marker is Severity.HIGH and inherited is Severity.CRITICAL and "🔴" in text
                else marker
            )
            or trailed
            # `### H13: …` under `## Additional Critical Findings`, in a report coding grades by id letter
            or coded_grade
            or inherited
            # `### CAI-H02 — … — 🟡 Deferred` for the table's `| CAI-H02 | High | … |`: the colour marks the state
            or (listed[ident].severity if ident in listed and block.kind == "heading" else None)
            or severity_of(text)
            or prose
        )
        # `# [L-01] …` with no grade of its own, graded by its row in a table above (a summary's too)
        row = (listed.get(ident) or summarised.get(ident)) if ident and block.kind == "heading" else None
        if (
            severity is None
            and row is not None
            and ((row.location.line or 0) < block.line or ident in summarised)
        ):
            detail = _finding(
                title_of(text),
                row.severity,
                lead_status(lead, found) or row.status,
                Location(rel, block.line),
                named,
            )
            findings.append(replace(detail, source=_DETAIL))
            continue
        if severity is None:
            continue
        if (
            block.kind == "heading"
            and not ident
            and not explicit
            and (lists_work(blocks, index) or _PHASE.match(plain))
        ):
            continue  # `### Weeks 2-3 (High Priority)` over `7. ✅ Add rate limiting`: a phase of the plan
        if (
            block.kind in ("item", "paragraph")
            and block.section
            and _PHASE.match(phase := strip_marks(block.section[-1]))
            and not NAMES_FINDINGS.search(phase)
        ):
            continue  # `### Phase 1: this week - P0/P1` › `1. **Add authentication** (P0-1)`: work the plan schedules
        if block.kind == "heading" and not ident and rated_component(blocks, index):
            continue  # `### Users Collection` › `- **Security**: ✅ Owner-only`, `- **Risk Level**: LOW`
        status = (
            lead_status(lead, found)
            or (FindingStatus.FIXED if block.checked else None)
            # `### 🔴 CRITICAL: Key Rotation Required` › `**Action Required:** …` (and no fix line): open, whatever
            # its section's title or the report's header says
            or (FindingStatus.OPEN if block.kind == "heading" and _work_required(blocks, index) else None)
            or section_status(block)
            or closed_section(block)  # `## First audit cycle - Issues fixed (6 High/Medium)`
            or FindingStatus.UNKNOWN
        )
        if heads and not heads[-1][1] and ((block.kind == "item" and block.lead) or block.kind == "heading"):
            # `### Data Access Without Auth` over `13. **getScoring** …` items, `### 1. **EXPOSED CREDENTIALS**`
            # over `#### 1.1 MongoDB password`: the heading groups the findings below it
            groups.add(heads[-1][2])
        findings.append(_finding(title_of(text), severity, status, Location(rel, block.line), named))
        if block.kind == "heading":
            # `### 2. Security Vulnerabilities ✅` (no id, no grade of its own) may group the headings below it
            heads.append((level, bool(ident or own), len(findings) - 1))
    return [f for i, f in enumerate(findings) if i not in groups]


# `**Title** - HIGH RISK`, `**Title** — Medium`: the grade right after an item's bold title
_GRADE_AFTER_TITLE = re.compile(
    rf"^\s*[-–—:]\s*\W{{0,3}}{SEVERITY_WORDS}(?:\s+(?:risk|severity|priority))?\W*$", re.I
)


def _graded_after_lead(block: Block) -> Severity | None:
    if block.kind != "item" or not block.lead:
        return None
    first = strip_marks(block.text.split("\n")[0])
    rest = first[len(strip_marks(block.lead)) :] if first.startswith(strip_marks(block.lead)) else ""
    match = _GRADE_AFTER_TITLE.match(rest)
    return severity_of(match.group(1)) if match else None


def _prose_only(blocks: Sequence[Block], index: int) -> bool:
    """A heading whose body is paragraphs only (`### HIGH - Cleartext traffic allowed` over `The manifest …`):
    it describes one finding; a group would list its findings below it."""
    body = []
    for block in blocks[index + 1 :]:
        if block.kind == "heading":
            break
        body.append(block)
    fields_only = all(
        b.kind == "code" or (b.kind == "paragraph" and (not b.lead or FIELD.match(strip_marks(b.text))))
        for b in body
    )
    return (
        bool(body)
        and fields_only
        and any(
            b.kind == "paragraph" and not _NONE.search(strip_marks(b.text)) and len(b.text) > 20 for b in body
        )
    )


def _tallies_checks(blocks: Sequence[Block], index: int) -> bool:
    """A heading whose body counts how many of its checks passed: an area of a checklist, not one finding."""
    for block in blocks[index + 1 :]:
        if block.kind == "heading":
            return False
        if block.kind == "paragraph" and _CHECKS_TALLY.match(strip_marks(block.text)):
            return True
    return False


def _short_id(block: Block, plain: str, listed: dict[str, Finding]) -> re.Match[str] | None:
    """A short id opening a heading (`### F1: CRITICAL -- …`) when a grade follows it or a table lists it."""
    short = HEAD_ID.match(plain) if block.kind == "heading" else None
    # (or the grade stands in brackets right after the id: `### V01 (High) — …`)
    if short and (short.group(1) in listed or short.group(2) or _SEVERITY_PREFIX.match(plain[short.end() :])):
        return short
    return None


def _tagged_heading(block: Block, plain: str) -> tuple[Severity, FindingStatus, str] | None:
    """`### SHOULD FIX — headers missing`, `### RESOLVED / closed — old key leak` under a findings section: the
    words before the dash grade the finding or state its status (a heading's own tag, not a field)."""
    if block.kind != "heading" or not block.section or not NAMES_FINDINGS.search(block.section[-1]):
        return None
    match = _TAG_DASH.match(plain)
    if match is None or ID.search(match.group(1)):
        return None
    tag = match.group(1)
    severity = severity_of(tag) or moscow_severity(tag)
    status = status_of(tag)
    if severity is None and status is None:
        return None
    return severity or Severity.UNKNOWN, status or FindingStatus.UNKNOWN, match.group(2)


# `## Finding 2 (Low–Medium, deployment dependent): …`
_NUMBER_GRADED = re.compile(rf"^\W*\w+\s*#?\s*\d+\s*\(\s*{SEVERITY_WORDS}\b", re.I)


# `### Remediation #2: Revoke EXECUTE on …`, `### Proposed fix 3 – Add the policy`: a fix proposed, not a finding
# (a `### Fix #1: Audience claim never checked` under `## Required Fixes` names the problem to fix)
_PROPOSED_FIX = re.compile(
    r"^\W*(?:(?:proposed\s+(?:fix|remediation)|remediation|recommendation)\s*#?\s*\d+"
    # (and `### Fix C1: Harden the token system`, the fix for the finding C1)
    r"|(?-i:[Ff]ix(?:es)?\s+(?:for\s+)?[A-Z]{1,3}-?\d{1,3}))\s*[:.)—–-]"
    # (and `### Fix [P0] Pre-Login Replay Attack`, the fix for the P0 finding of that name)
    r"|^\W*(?-i:[Ff]ix(?:es)?)\s+(?:for\s+)?\[(?:P[0-4]|critical|high|medium|low)\]\s",
    re.I,
)
_TRAILING_STATE = re.compile(r"\s+(?:FIXED|RESOLVED|DONE|CLOSED|MITIGATED)\s*$")


def _finding(
    text: str, severity: Severity, status: FindingStatus, where: Location, short: re.Match[str] | None = None
) -> Finding:
    if short:
        text = HEAD_ID.sub("", strip_marks(text), count=1)
    match = ID.search(text)
    title = re.sub(r"\[\s*\]", "", TAG.sub("", ID.sub("", text, count=1) if match else text))  # `[M-01] …`
    title = strip_marks(
        _SEVERITY_PREFIX_ONLY.sub("", _NAMED_NUMBER.sub("", ORDINAL.sub("", strip_marks(title))))
    )
    title = strip_marks(
        re.sub(
            r"^\W*(?:(?:finding|issue|vulnerability|problema|problème|hallazgo|befund|achado)\s*#?(?:\d+(?:\.\d+)*)?"
            r"|\d+[.)])\W*",
            "",
            title,
            flags=re.I,
        )
    ) or strip_marks(text)
    stated = _STATE_DASH.match(title)
    if stated and status_of(stated.group(1)):
        title = title[stated.end() :]  # `✅ RÉSOLU — Files rejected`: the state, then the title
    # `[I1] Reports view skips RBAC ✅ FIXED`: the state is not the title
    title = _TRAILING_STATE.sub("", title)
    graded = TRAILING_GRADE.search(title)
    if graded and graded.start() and not title[graded.end() :].strip():
        title = title[: graded.start()]  # `SSRF via webhooks — CRITICAL (fixed)`: the grade is not the title
    ident = short.group(1) if short else match.group(1) if match else None
    return Finding(title.strip("~ "), severity, status, where, id=ident)


def _score(blocks: Sequence[Block]) -> str | None:
    for block in blocks:
        match = _SCORE.search(block.text)
        if match:
            return re.sub(r"\s+", "", match.group(1))
    return None


def _status_line(blocks: Sequence[Block]) -> str:
    for block in blocks[:15]:
        for line in block.text.split("\n"):
            match = re.match(r"^\W*(?:audit\s+)?status\W*[:=]\s*(.+)$", strip_marks(line), re.I)
            if match:
                return match.group(1)
    return ""
