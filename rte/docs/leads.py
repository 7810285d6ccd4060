"""Lines that may open a security finding (headings, bold leads, list items) and the fields under them."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rte.docs.legends import COLOURS, Legend, graded, prose_severity
from rte.docs.markdown import Block
from rte.docs.vocab import (
    ACTION,
    CJK_CRITICAL,
    CJK_HIGH,
    CJK_LOW,
    CJK_MEDIUM,
    FOREIGN_CRITICAL,
    FOREIGN_HIGH,
    FOREIGN_LOW,
    FOREIGN_MEDIUM,
    leading_marker,
    moscow_severity,
    severity_of,
    strip_marks,
)
from rte.model import Severity

# `SEC-01`, `H-1`, `#12` (after a space too: `Critical Issue #1`).
_ID_BODY = r"[A-Z][A-Z0-9]{0,9}(?:-[A-Z][A-Z0-9]{0,9})?-[A-Z]{0,2}\d{1,4}(?:\.\d+)?"
# Not ids: `AES-256`, `SHA-1`, `UTF-8`, `RFC-6749`, `TLS-1.3` name standards; `CVE-2024` is no CVE id whole.
_STANDARD = r"(?!(?:AES|SHA|RSA|TLS|SSL|UTF|ISO|RFC|HTTP|PBKDF|ECDSA|ARGON|HMAC)-)"
# A CVE id whole (`CVE-2021-22569`, not `CVE-2021`).
# (and GitHub's, PyPI's and RustSec's advisory ids naming a finding, `#### GHSA-xxxx-xxxx-xxxx`, `(PYSEC-2024-17)`;
# not one cited mid-sentence, `… the scanner reports libfoo 1.2 with GHSA-xxxx-xxxx-xxxx`)
GHSA_ID = r"GHSA(?:-[0-9a-z]{4}){3}"
_ADVISORY_ID = rf"CVE-\d{{4}}-\d{{4,7}}|(?<!\w )(?:{GHSA_ID}|PYSEC-\d{{4}}-\d{{1,6}}|RUSTSEC-\d{{4}}-\d{{4}})"
ID = re.compile(rf"(?<!\w){_STANDARD}({_ADVISORY_ID}|(?!CVE-){_ID_BODY}|#\d{{1,4}})\b")
# `[High]`, `[sev: P1]`, `[High · Class 1 SSRF]` (the grade first, then the team's own tags).
TAG = re.compile(
    r"\[(?:sev(?:erity)?(?:\s+(?:rating|level))?\s*[:=]\s*)?(critical|high|medium|moderate|low|info(?:rmational)?|P[0-4]"
    rf"|{CJK_CRITICAL}|{CJK_HIGH}|{CJK_MEDIUM}|{CJK_LOW})(?:\s*[·|/,;]\s*[^\[\]]{{0,40}})?\]",
    re.I,
)
_FOREIGN = f"{FOREIGN_CRITICAL}|{FOREIGN_HIGH}|{FOREIGN_MEDIUM}|{FOREIGN_LOW}"
SEVERITY_WORDS = rf"(critical|high|medium|moderate|low|info(?:rmational)?|P[0-3]|{_FOREIGN})"
# A code review's grades too, where they open a finding's title: `### ⚠️ MAJOR: …`, `### 🧹 NITPICK: …`.
GRADE_WORDS = (
    rf"(critical|high|medium|moderate|low|info(?:rmational)?|P[0-3]|major|minor|blocker|nit(?:pick)?|{_FOREIGN}"
    rf"|{CJK_CRITICAL}|{CJK_HIGH}|{CJK_MEDIUM}|{CJK_LOW})"  # `### 2.3 🔴 高危：默认密码硬编码`
)
# `(High)`, `(HIGH severity)`, `(MEDIUM-HIGH)` (a range grades by its upper end, the one group captured)
# `(High)`, `(Low-Medium)`, `(high risk)`, `(High, latent)`: a grade in brackets, a short qualifier after a comma.
# (and `(Security, Critical)`, `(Data integrity, Medium)`: the finding's category, then its grade; not
# `(verified, Info)`, an area that passed)
_GRADE_NC = SEVERITY_WORDS.replace("(", "(?:", 1)
_PAREN_GRADE_TEXT = (
    rf"\((?:(?!(?:verified|fixed|resolved|closed|passed|ok|done)\b)[A-Za-z][\w /&-]{{0,23}},\s*(?={_GRADE_NC}\s*\)))?"
    rf"(?:{_GRADE_NC}\s*[-–/]\s*)?{SEVERITY_WORDS}(?:\s+(?:severity|risk|priority))?"
    r"(?:,\s*[^(),]{1,24})?\)"
)
PAREN_SEVERITY = re.compile(_PAREN_GRADE_TEXT, re.I)
# A heading closing with its severity: `### 2.1 Feed URLs leak in referrers (Medium)`.
# (`### ✅ 1. CORS origins (CRITICAL) - VERIFIED`: a state may close the heading after the grade)
PAREN_SEVERITY_END = re.compile(
    rf"{_PAREN_GRADE_TEXT}(?:\s*[-—–:]\s*\W*(?:verified|fixed|resolved|open|mitigated|accepted|closed|remediated"
    r"|pending|done)\b)?\W*$",
    re.I,
)
# A heading's grade at its end, after an emoji or a dash: `### 1. Key made per call ⚠️ CRITICAL`,
# `### 2. Search has no rate limit — medium availability risk`, `… — low severity input defect`.
TRAILING_GRADE = re.compile(
    rf"(?:[\U0001F300-\U0001FAFF\u2600-\u27BF]\uFE0F?\s*{SEVERITY_WORDS}\W*$"
    # `— high impact if …`, `- MEDIUM to HIGH RISK` (a range grades by its upper end)
    rf"|\s(?:[—–]|-)\s+{SEVERITY_WORDS}(?:\s+to\s+{SEVERITY_WORDS})?\s+(?:[\w/-]+\s+){{0,2}}?(?:impact|risk|severity)\b"
    # `## 1. SSRF via webhooks — CRITICAL (fixed)`, `## 3. Links reusable — LOW–MEDIUM (documented)`
    rf"|\s[—–]\s+{SEVERITY_WORDS}(?:[–-]{SEVERITY_WORDS})?(?:\s+\([^()]{{1,40}}\))?\W*$)",
    re.I,
)
SEVERITY_PREFIX = re.compile(
    # a hyphen alone separates when spaced or before a number or letter (`MEDIUM-001:`, `P0-A:`), but
    # `High-risk surfaces` is an adjective, not a grade; a number may follow the grade (`🔴 CRITICAL 1 — …`)
    rf"^\W*{GRADE_WORDS}(?:\s+(?:severity|risk|priority))?(?:\s+#?\d{{1,3}}(?=\s*[:–—-]))?(?:\s*(?:[:：|–—]|--)|\s+-|-\s|-(?=\d|[A-Z]\b))\s*\w",
    re.I,
)
FINDING_LEAD = re.compile(
    r"^\W*(?:issue|finding|vulnerability|vuln|bug|weakness|flaw|alert|achado|hallazgo|constat)\s*#?\s*\d+\s*"
    r"(?:\([^()]{1,60}\)\s*)?[:.)\-–—]",  # `Finding 2 (Low–Medium, app dependent): …`
    re.I,
)
# A key may be written in two languages (`Severidad / Severity:`, `Status / Estado:`).
_OTHER_KEY = r"[^\W\d_]+"
# A status field's key in other languages (`**Estado**:`, `**状态**: ✅ 已修复`, `**상태**: ✅ 수정 완료`)
FOREIGN_STATUS_KEYS = (
    *("estado", "statut", "stato", "статус", "состояние"),
    *("状态", "狀態", "状態", "ステータス", "상태"),
)
FIELD = re.compile(
    rf"^\W*(?:{_OTHER_KEY}\s*/\s*)?(?:(?:original|initial|reported|assessed|previous|prior|revised|adjusted|corrected)\s+(?=severity|risk))?(severity(?:\s+(?:score|level|rating))?|inherent risk|risk level|risk rating|risk|priority|impact level|impact|likelihood|probability|rating"
    r"|cvss[^:]*|(?:(?:remediation|mitigation|fix|current|finding|triage)\s+)?(?:status|state)|resolution|triage"
    r"|assessment|disposition"
    rf"|severidade?|gravedad|gravit[àa]|situa[çc][ãa]o|s[ée]v[ée]rit[ée]|schweregrad|riesgo|risco|risque|risiko|rischio"
    r"|риск|уровень риска|серь[её]зность|критичность"
    r"|原?(?:风险|風險|危险)等级|严重(?:程度|性|等级)"  # `**风险等级**: 高危`
    rf"|{'|'.join(FOREIGN_STATUS_KEYS)})"
    rf"(?:\s*/\s*{_OTHER_KEY})?\W*[:=]\s*(.+)$",
    re.I,
)
# `Title — Risk: High / Status: Open`: fields written inline on a finding's lead line.
INLINE_FIELD = re.compile(
    r"(?:^|[\s/|;·(,])(severity|risk|priority|impact|status|state)\s*[:=]\s*([^/|;·,()]+)", re.I
)
LEADING_SEVERITY = re.compile(rf"^\W*{SEVERITY_WORDS}\b", re.I)
# A failed check (`❌ Tokens never expire (High)`) names its severity in brackets.
_FAILED_CHECK = re.compile(r"^\W*(?:❌|✗|✖|✘)")
# A check's failing result opening a title: `#### ⚠️ GAP: Anonymous access undefined`, `PARTIAL: …`, `FAIL: …`.
FAILED_CHECK_LABEL = re.compile(
    r"^\W*(?:gap|partial|fail(?:ed)?|missing|risk|warn(?:ing)?)\s*:\s*(?=\w)", re.I
)
# `**Finding:** Title` opening a paragraph of `**Severity:** …` lines (a definition-style finding).
_DEFINITION = re.compile(r"^\W*(?:finding|issue|vulnerability|weakness|title)\s*:\s*\w", re.I)
# A count after a grade: `: 5件`, `: 3 issues`, `: 2 open`.
_TALLIED = re.compile(
    r"^\W*\d+\s*(?:件|個|个|개|건|issues?\b|findings?\b|vulnerabilit|items?\b|open\b|found\b)", re.I
)
# A triage verdict standing for a lead: `**Confirmed (High).**`, `**Validated.**`.
_VERDICT_LEAD = re.compile(r"\W*(?:confirmed|validated|verified|valid|reproduced|true positive)\W*", re.I)
# `FPB-01–FPB-11`, `F-1 to F-6`, `VULN-010 à VULN-017`: a run of ids sharing a prefix, written with a dash or a word.
ID_RANGE = re.compile(
    r"\b([A-Z]{1,6})-(\d{1,3})\s*(?:[–—-]|\bto\b|\bthrough\b|\bbis\b|\bdo\b|\bà\b|\ba\b|\bal\b)\s*(?:\1-)?(\d{1,3})\b"
)
# A weakness class, not a finding: `**Vulnerability:** CWE-770 — allocation without limits` under `## F-01 — …`.
_CLASS_ID = re.compile(r"(?:CWE|CAPEC)-", re.I)
# `- 🔴 CRITICAL: Admin password in the code`, `- ~~🟠 ALTA: Rate limit missing~~ ✅`: a coloured marker, a grade, a
# colon and a title (the marker tells it from a legend line such as `- High: fix within a week`).
_MARKED_GRADE = re.compile(rf"^\W*[🚨⛔🔴🟠🟡🟢🔵]\uFE0F?\s*{SEVERITY_WORDS}\s*[:—–]\s*(?!\d)[\w`'\"]", re.I)
# `Title — High.` / `Title: *Medium*`: a list item naming its severity right after its title.
_TITLE_THEN_SEVERITY = re.compile(rf"^.{{8,}}?\s[—–:-]\s*\(?{SEVERITY_WORDS}\)?(?:[.;,]|$)", re.I)
# A severity group's counts closing its label: `: 5`, `: 2 Remaining, 4 Fixed ✅`.
_GROUP_COUNTS = r":\s*\d+(?:\s+[^\W\d_]+)?(?:\s*,\s*\d+\s+[^\W\d_]+)*"
# `(Severity: 10/10)`, `(CVSS 7.0-8.9)`: the scores a severity group spans, closing its label.
_GROUP_SCORE = r"\(\s*(?:severity|cvss|score)\s*:?\s*[\d.]+(?:\s*[-–]\s*[\d.]+)?\s*(?:/\s*10)?\s*\)"
# Findings, vulnerabilities, issues and risks in Spanish, Portuguese, French, German, Dutch, Indonesian and Russian.
FOREIGN_FINDINGS = (
    r"vulnerabilidades|vulnérabilités|vulnerabilites|schwachstellen|hallazgos|achados|problemas|problèmes"
    r"|riesgos|riscos|risques|constatations|befunde|probleme|risiken|bevindingen|kwetsbaarheden|temuan|kerentanan"
    r"|уязвимост[а-я]*|проблем[а-я]*"
)
# A heading that sorts findings by severity: `## High`, `### 🟠 High Severity`, `Critical Issues (Must Fix)`.
SEVERITY_SECTION = re.compile(
    r"^\W*(?:P[0-4]\s*[:—–-]\s*)?(critical|high|medium|moderate|low|minor|info(?:rmational)?|P[0-4])\b"
    rf"[\w\s()（）/,&-]*(issues?|findings?|vulnerabilit\w*|severity|priority|risks?)?(?:\s*{_GROUP_COUNTS})?"
    rf"(?:\s*{_GROUP_SCORE})?\W*$"
    # `### 3.2 Critical Security Issues 🔴`: a numbered section naming its group noun
    r"|^\W*\d{1,2}(?:\.\d{1,2})*\.?\s+(critical|high|medium|moderate|low)\b[\w\s/,&-]*\b(?:issues|findings|vulnerabilities)\W*$"
    # `## HIGH Issues — Fixed or Documented`: a group noun, then the group's state after a dash
    r"|^\W*(critical|high|medium|moderate|low|info(?:rmational)?|P[0-4])\b[\w\s()/,-]*"
    r"\b(issues|findings|vulnerabilities|risks)(?:\s*[—–:]|\s+-)\s*[\w\s,/()':-]{0,40}$"
    # `## 严重 (Critical)`, `## 높음 (High)`: a CJK grade glossed in English
    r"|^\W*[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]{1,6}\s*[(（]\s*(critical|high|medium|moderate|low|info(?:rmational)?)"
    r"\s*[)）]\W*$"
    # `## 🟠 High — fix soon`, `## 🔴 Critical — ✅ all fixed in 2.29.1`: a grade, then when to act or how it stands
    r"|^\W*(critical|high|medium|moderate|low|info(?:rmational)?)\s*[—–:-]\s*\W*(?:(?:fix|address|resolve)\s+"
    r"(?:soon|now|first|next|later|immediately|before\b)|all\s+(?:fixed|resolved|closed|open)|nice to have"
    r"|must fix|should fix|backlog)[\w\s.,/()-]{0,30}$"
    # `## HIGH — Partially Fixed`, `## MEDIUM — Pending`: a grade, then only how the group stands
    r"|^\W*(critical|high|medium|moderate|low|info(?:rmational)?)\s*[—–:-]\s*\W*(?:(?:partially|partly|mostly)\s+)?"
    r"(?:fixed|resolved|closed|open|pending|remediated|addressed|deferred|outstanding|in progress)\s*(?:\([^()]{0,30}\))?\W*$"
    # `## VULNERABILIDADES ALTAS`, `### 2.3 Vulnérabilités Hautes`: the noun first, as other languages write it
    # (`## PROBLEMAS DE ALTA PRIORIDAD (3 Corregidos, 1 Pendiente)`, `## PROBLEMAS DE PRIORIDAD MEDIA`)
    rf"|^\W*(?:\d+(?:\.\d+)*\.?\s+)?(?:{FOREIGN_FINDINGS})\s+(?:(?:tingkat|de nivel|de niveau|de)\s+)?"
    rf"(?:prioridad\s+)?{SEVERITY_WORDS}\b[\w\s()/,&-]{{0,30}}?(?:\s*\([^()\n]{{1,40}}\))?\W*$"
    # `### ALTO (2)`, `### Kritisch`, `### Mineures (P2)`, `## ❌ KRITISCH (Sofort beheben)`: a foreign grade
    # alone, maybe with its count, level or when to act
    rf"|^\W*(?:{_FOREIGN})\s*(?:\((?:\d+|P[0-4]|[^()\n]{{3,40}})\))?\W*$"
    # `### CRÍTICAS (4) - ✅ TODAS CORREGIDAS`, `### ALTAS — pendientes`: the group's state after a dash
    rf"|^\W*(?:{_FOREIGN})\s*(?:\(\d+\))?\s*(?:[—–:]|\s-)\s*\W*(?:tod[oa]s\s+(?:las\s+|os\s+|as\s+)?)?"
    r"(?:corregid|corrigid|resuelt|resolvid|solucionad|pendiente|pendente|abiert|abert)[oa]?s?\W*$"
    # `## 🔴 Priorità alta`, `## Prioridad media`, `## Priorità bassa / hardening`: the priority, then its grade
    rf"|^\W*(?:priorit[àaé]|prioridade?|priorität)\s+{SEVERITY_WORDS}\b\s*(?:/\s*[^\W\d_][\w\s-]{{0,30}})?$"
    # `## 🟡 BAIXO / endurecimento`: a foreign grade and, after a slash, what else the group holds
    rf"|^\W*(?:{_FOREIGN})\s*/\s*[^\W\d_][\w\s-]{{0,30}}$"
    # `## 🔴 KRITISCHE PROBLEME (sofort beheben)`, `## HOGE RISICO BEVINDINGEN`: German and Dutch put the grade first
    rf"|^\W*(?:{_FOREIGN})\s+(?:(?:risico|risiko)\s+)?(?:{FOREIGN_FINDINGS})\b[\w\s()/,-]{{0,40}}$",
    re.I,
)
# `Invite token never expires – the expiry is never checked`: a short title, a dash, its description.
_TITLE_DASH = re.compile(r"^[^–—:\n]{3,80}?\s[–—]\s+\S")

# `**V1. Title**`, `**F3: Title**`, `**[I1] Title**`: a short id opening a bold title.
_SHORT_ID = re.compile(r"^\W*[A-Z]{1,4}\d{1,3}(?:[.:)\]]|\s+[—–-])\s+[\w`'\"]")
# `### F1: CRITICAL -- title`, `### A3 - LOW - title`: a short id opening a heading (not `A01:2021 – …`).
# A section or list number opening a title: `3.`, `2.1`, `1.10.`
ORDINAL = re.compile(r"^\W*\d{1,3}(?:[.)]|(?:\.\d{1,3})+[.)]?)\s+")
# (`### V01 (High) — title`: the grade may stand between the id and its dash)
HEAD_ID = re.compile(
    rf"^\W*([A-Z]{{1,3}}\d{{1,3}})(?:\s*\((?i:{SEVERITY_WORDS})\))?(?:[:.)\]]|\s+[-–—])\s+(?=\S)"
)
# What may follow a bold title to grade it: `(High)`, `— Severity: CRITICAL`, `🔴 High — …`.
_AFTER_LEAD = re.compile(
    rf"^\W{{0,4}}(?:\({SEVERITY_WORDS}\)|(?:severity|risk|priority)\s*[:=]\s*{SEVERITY_WORDS}\b"
    rf"|{SEVERITY_WORDS}\s*[—–-])",
    re.I,
)

# `### ❌ Before: Major Flaws` over the findings as they stood, `### ✅ After: …` over the fix.
BEFORE_AFTER = re.compile(
    r"^\W*(?:before|after)\b(?:\s+(?:the\s+)?(?:security\s+)?fix(?:es)?\b)?\s*(?:[:—–(-]|$)", re.I
)

# A bare grade in brackets (`(high)`), and an item opening with a quantity (`-5 points: …`, `0-7 days: …`) or
# standing for the rest (`And more...`, `+ 3 others`).
# `(high)`, `(High Risk)`, `(Medium to Low Risk)`: a grade in brackets closing an item's title
_PAREN_GRADE = re.compile(
    rf"\({SEVERITY_WORDS}(?:\s+(?:to|-|–)\s+{SEVERITY_WORDS.replace('(', '(?:', 1)})?(?:\s+(?:risk|severity))?\)",
    re.I,
)
_TALLY = re.compile(r"^\W*(?:[-+]?\d|(?:and\s+|\+\s*)(?:\d+\s+)?(?:more|others?)\b|etc\b)", re.I)


# Words that qualify a report-wide field rather than name a finding: `Overall Risk: HIGH`, `Residual risk: Low`.
_QUALIFIER = re.compile(
    r"\W*(?:overall|residual|inherent|total|aggregate|current|initial|final|net|combined|general|business"
    r"|technical|confidentiality|integrity|availability)\W*",
    re.I,
)

# A bold key naming a property of the finding above (`**Data Sensitivity:** LOW`, `**Likelihood:** High`).
_PROPERTY_KEY = re.compile(
    r"^\W*(?:[\w-]+\s+){0,2}(?:sensitivity|likelihood|exploitability|confidence|probability|exposure|effort"
    r"|complexity|urgency|criticality|impact|risk level|business risk)\W*$"
    # `**Production Risk:** LOW`, `**Risk if Deferred:** LOW - dev tools only` (not `**High Risk:** …`)
    rf"|^\W*(?!{SEVERITY_WORDS}\b)(?:[\w-]+\s+){{1,2}}risk\W*$|^\W*risk\s+if\s+\w+\W*$",
    re.I,
)

# A title on a line of its own: a few words, no closing punctuation.
_BARE_TITLE = re.compile(r"^[^\W_][^\n:]{2,120}(?<![.;!?,])$")
_GRADE_LINE = re.compile(r"^\W*(?:severity|risk(?: level)?|priority|cvss|impact level)\b", re.I | re.M)
# A bold lead opening with its grade and then its title (not a tally: `**High:** 3`).
GRADED_LEAD = re.compile(
    rf"^\W*{SEVERITY_WORDS}(?:\s+(?:issue|finding|risk|vulnerability|severity|priority))?(?:\s*[:—–]|\s+-)\s*[^\W\d_]",
    re.I,
)
# `**11 High Severity Vulnerabilities:**`: a count of findings, not one.
_COUNTED = re.compile(rf"^\W*\d+\s+{SEVERITY_WORDS}\b", re.I)

# `[FINDING-001]` alone on a line, then `Severity: MEDIUM`, `Description: …` lines: a finding written as a record.
RECORD_ID = re.compile(rf"^\s*\[?({_ID_BODY})\]?\s*$")
_RECORD_TITLE = re.compile(r"^\s*(?:title|summary|issue|finding|description)\s*:\s*(\S.*)$", re.I | re.M)

# `- **Location**: …`, `- **Fix**: ✅ …`: a line giving one part of the finding above it, never one of its own.
PART_KEY = re.compile(
    r"^\W*(?:location|files?|lines?|issue|description|impact|risk|fix(?: applied)?|status|recommendations?"
    r"|remediation|cwe|evidence|details?|affected(?: \w+)?|root cause|attack vector|mitigation|component|endpoint"
    r"|(?:fix|remediation) priority)\W*:",
    re.I,
)

# `**Vulnerability ID:** CRITICAL-001-TLS-VERIFY`: the id of the finding headed above, a field of it.
_ID_FIELD = re.compile(r"^\W*(?:vulnerability|finding|issue|bug)\s+id\W*[:=]", re.I)

_KEYED = re.compile(r"^\W*[^\W\d_][\w /&()-]{0,30}:(?:\s|$)")

ITEM_LEVEL = 8  # list items sit below headings (1-6) and bold lead lines (7)


@dataclass(frozen=True)
class Lead:
    """A line that may open a finding: block index, nesting level (heading level, 7 bold, 8 item), text."""

    index: int
    level: int
    text: str
    graded: bool = False  # a bold lead or item the document's own layout marks as a finding


# An item counting the advisories listed under it (`**protobuf (3.10.0)** - 3 vulnerabilities`).
_COUNTS_PARTS = re.compile(r"\b\d{1,3}\s+(?:known\s+)?(?:vulnerabilit(?:y|ies)|cves?|advisories)\b", re.I)
# A label over a finding's graded impact lines (`**Risk Assessment**:` › `- **HIGH**: data leaks`).
IMPACT_LABEL = re.compile(
    r"^\W*(?:risk assessment|(?:potential |business )?impacts?|consequences?|attack scenarios?"
    r"|impactos?|impatto|auswirkungen?|dampak|etki|影響|影响|영향)\W*$",
    re.I,
)


# An item that is only the label of a finding's part, its content nested below it.
_PART_LABEL = re.compile(
    r"^\W*(?:code(?: pattern| sample| snippet)?|files?|locations?|justification|rationale|risk mitigation"
    r"|mitigations?|actions?|assessment|evidence|details?|description|recommendations?|fix|remediation"
    r"|steps(?: to reproduce)?|proof of concept|references|notes?)\s*:\W*$",
    re.I,
)


def candidates(blocks: Sequence[Block], terms: Legend | None = None) -> list[Lead]:
    """Every heading, and every bold lead line or list item that looks like the start of a finding."""
    found: list[Lead] = []
    items: list[int] = []  # the list items enclosing the current one, outermost first
    parents: set[int] = set()
    listing = False  # the blocks since the last heading are list items only (`## 🟢 Low` + plain bullets)
    spoken: list[Lead] = []  # a run of items each grading itself in prose (`2. … Medium-ish.`)
    label: str | None = None  # `🔴 CRITICAL ISSUES (Fix Immediately):`, a paragraph heading the list below
    bodies = numbered_bodies(blocks)
    numbered = 0  # the number of the last numbered item taken as a finding
    for index, block in enumerate(blocks):
        first = block.text.split("\n")[0]
        plain = strip_marks(first)
        labels = block.kind == "paragraph" and _label(block, plain)
        if block.kind != "item":
            label = first if labels else None
        listing = block.kind == "heading" or labels or (listing and block.kind == "item")
        while block.kind == "item" and items and blocks[items[-1]].level >= block.level:
            items.pop()
        if block.kind != "item":
            found.extend(spoken if len(spoken) >= 2 else ())  # one graded sentence alone is prose
            spoken = []
        if block.kind == "heading":
            found.append(Lead(index, block.level, block.text))
        elif labels:
            found.append(Lead(index, 7, first))
        elif block.kind == "item" and items and _enclosed_part(blocks[items[-1]]):
            pass  # `1. **protobuf (3.10.0)** - 3 vulnerabilities` › `- CVE-2021-22569: …`: parts of one finding
        elif index in bodies:
            pass  # `1. Exposed keys` + `- the env file holds secrets`: a bullet list describing the item above
        elif block.kind == "item" and first.strip() == block.lead.strip() and _PART_LABEL.match(block.lead):
            pass  # `- **Code Pattern:**` over a code block, `- **Justification:**` over a list: a finding's part
        elif block.lead and block.kind in ("paragraph", "item") and bold_lead(block, first, terms or {}):
            level = 7 if block.kind == "paragraph" else ITEM_LEVEL
            found.append(Lead(index, level, first, graded=True))
        elif block.kind == "paragraph" and (
            (RECORD_ID.match(first) and _GRADE_LINE.search(block.text)) or graded_record(block)
        ):
            found.append(Lead(index, 7, first, graded=True))
        elif (
            block.kind == "paragraph"
            and "\n" not in block.text.strip()
            and (FINDING_LEAD.match(plain) or (_BARE_TITLE.match(plain) and not block.lead))
            and index + 1 < len(blocks)
            and blocks[index + 1].kind == "paragraph"
            and _GRADE_LINE.match(strip_marks(blocks[index + 1].text))
        ):
            # plain text: `Finding 1: BOLA` (or a bare title line), then `Severity: High` / `Risk Level: HIGH`
            found.append(Lead(index, 7, first))
        elif block.kind == "paragraph" and (
            block.strong or (_DEFINITION.match(plain) and "\n" in block.text)
        ):
            if _ID_FIELD.match(plain):
                pass  # `**Vulnerability ID:** CRITICAL-001-TLS` under `### 1. Certificate checks disabled`
            elif (
                FINDING_LEAD.match(plain)
                or ((ident := ID.search(first)) and not _CLASS_ID.match(ident.group(1)))
                or TAG.search(first)
                or SEVERITY_PREFIX.match(plain)
                # `**Finding:** Title` + `**Severity:** High`; an `**Issue:**` line under a finding's heading
                # with no grade of its own describes that finding, and so does one right below a bold lead
                # (`**P3 - Token exposure**`, a code block, then `**Issue:** …` + `**Risk:** Low`)
                or (
                    (definition := _DEFINITION.match(plain))
                    and _GRADE_LINE.search(block.text)
                    and not _body_of_lead(blocks, found, index)
                    and not _CLASS_ID.match(plain[definition.end() - 1 :])
                )
                # `#### HIGH SEVERITY (2)` › `**1. semver - ReDoS in range parsing**`: a title the section grades
                or (
                    block.strong
                    and not re.search(r"[:：]\W*$", first)  # `**Problems:**` labels a part
                    and not re.match(r"\W*(?:none|nothing|n/a)\b", plain, re.I)
                    and not (FIELD.match(plain) or PART_KEY.match(plain) or _PART_LABEL.match(block.lead))
                    and section_severity(block.section[-1:]) is not None
                )
            ):
                found.append(Lead(index, 7, first))
        elif block.kind == "item":
            if (
                _item_opens_finding(first, plain, block.checked is not None)
                or (
                    not items
                    and not _COUNTED.match(plain)
                    and not PART_KEY.match(plain)
                    and (
                        block.strong
                        or _TITLE_DASH.match(first)
                        or (listing and not _TALLY.match(plain))
                        # `2. …` after finding `1. …` and its prose: the numbering goes on
                        or (block.number > 1 and block.number == numbered + 1)
                    )
                    and section_severity(_grading_section(block) if label is None else (label,)) is not None
                )
                or (
                    not items
                    and block.lead
                    and not PART_KEY.match(plain)
                    and not FIELD.match(plain)
                    and _item_with_parts(blocks, index)
                )
            ):
                found.append(Lead(index, ITEM_LEVEL, first))
                numbered = block.number or numbered
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
        if block.kind == "item":
            items.append(index)  # a bold-lead item encloses its sub-items too
    found.extend(spoken if len(spoken) >= 2 else ())
    first_found = {lead.index: lead for lead in reversed(found)}  # one lead a block, the first found
    return sorted(first_found.values(), key=lambda lead: lead.index)


_LABEL_COUNTS = re.compile(rf"{_GROUP_COUNTS}\W*$")  # a group label closing with its counts


# `## 🟡 MEDIUM Issues` › `### FIXED` / `### REMAINING (Low Priority)`: a grade's findings split by state
STATE_GROUP = re.compile(
    r"^\W*(?:fixed|resolved|remediated|closed|done|open|remaining|outstanding|pending|unresolved|not fixed)"
    r"(?:\s*\([^()]*\))?\W*$",
    re.I,
)


def _grading_section(block: Block) -> tuple[str, ...]:
    """The heading whose grade a plain item takes: its own, or the one above a `Before:` heading or a
    heading naming only the state of the items below it."""
    if len(block.section) >= 2 and (
        BEFORE_AFTER.match(title := strip_marks(block.section[-1])) or STATE_GROUP.match(title)
    ):
        return block.section[-2:-1]
    return block.section[-1:]


def _label(block: Block, plain: str) -> bool:
    """A plain one-line paragraph naming a severity group and closing with a colon or the group's counts,
    that heads the list below it as a heading would (`🔴 CRITICAL ISSUES (Fix Immediately):`,
    `🟠 High Severity: 2 Remaining, 4 Fixed ✅`, in a pasted console answer). A bold one
    (`**Critical Issues**:`) is a finding's own recap of its parts."""
    return (
        "\n" not in block.text.strip()
        and not block.lead
        and (block.text.rstrip().endswith(":") or _LABEL_COUNTS.search(plain) is not None)
        and bool(SEVERITY_SECTION.match(plain))
        and not GRADED_LEAD.match(plain)
    )


def numbered_bodies(blocks: Sequence[Block]) -> frozenset[int]:
    """Bullet items that describe the numbered item above them: `1. Title`, `- detail`, `- detail`, `2. Title`.
    A bullet run counts when a numbered item of the next number follows it, or when it closes a numbering
    whose earlier runs counted."""
    bodies: set[int] = set()
    index = 0
    while index < len(blocks):
        owner = blocks[index]
        run = index + 1
        while (
            run < len(blocks)
            and blocks[run].kind == "item"
            and not blocks[run].number
            and blocks[run].level == owner.level
        ):
            run += 1
        if owner.kind == "item" and owner.number and run > index + 1:
            after = blocks[run] if run < len(blocks) else None
            follows = after is not None and after.kind == "item" and after.number == owner.number + 1
            if follows or (owner.number > 1 and index - 1 in bodies):
                bodies.update(range(index + 1, run))
        index = run if run > index + 1 else index + 1
    return frozenset(bodies)


def _enclosed_part(parent: Block) -> bool:
    """An item whose sub-items are parts of one finding: a package counting its advisories (`**protobuf**
    - 3 vulnerabilities`) or an impact label (`3. **Risk Assessment**:` › `- **HIGH**: data leaks`)."""
    return bool(
        _COUNTS_PARTS.search(parent.text.split("\n")[0]) or IMPACT_LABEL.match(strip_marks(parent.text))
    )


def _body_of_lead(blocks: Sequence[Block], found: list[Lead], index: int) -> bool:
    """The paragraph at `index` follows a bold lead paragraph with only code between: it is that lead's body."""
    if not found or blocks[found[-1].index].kind != "paragraph":
        return False
    between = blocks[found[-1].index + 1 : index]
    return bool(between) and all(block.kind == "code" for block in between)


def bold_lead(block: Block, first: str, terms: Legend) -> bool:
    """A paragraph or item opening with a bold title that carries an id or a grade, or a grade right after it:
    `**[SEC-01]** 🔴 High — …`, `**V1. Title** — Severity: CRITICAL`, `1. **Title** (High) - …`, `**Nit:** …`."""
    lead = block.lead
    plain = strip_marks(first)
    if (
        FIELD.match(plain)
        or PART_KEY.match(plain)
        or _PROPERTY_KEY.match(strip_marks(lead))
        or _COUNTED.match(lead)
        or _ID_FIELD.match(plain)
    ):
        return False  # `**Risk:** LOW - …`, `**Fix Priority:** P0 - …` are fields of the finding above
    rest = first.split(lead, 1)[1] if lead in first else ""
    if _TALLIED.match(strip_marks(rest)):
        return False  # `**P0 (Critical)**: 5件 - fix at once`, `**High:** 3 issues`: how many, not one
    if _VERDICT_LEAD.fullmatch(strip_marks(PAREN_SEVERITY.sub("", lead))):
        return False  # `**Confirmed (High).** The call accepted any date …`: the verdict on the finding above
    if ID.search(lead) or TAG.search(lead) or FINDING_LEAD.match(lead) or PAREN_SEVERITY.search(lead):
        return True
    if _SHORT_ID.match(lead) or graded(lead, terms) or GRADED_LEAD.match(ORDINAL.sub("", strip_marks(lead))):
        return True  # `**CRITICAL: Session creation bypass** (Status: ✅ FIXED)`
    # `5. **CRITICAL**: Disable the bootstrap endpoint after use`: a step stressed, no finding
    if re.fullmatch(rf"\W*{SEVERITY_WORDS}\W*", strip_marks(lead), re.I) and ACTION.match(strip_marks(rest)):
        return False
    if re.fullmatch(rf"\W*{SEVERITY_WORDS}\W*", strip_marks(lead), re.I) and re.match(
        r"\s*[—–:-]\s*[^\W\d_]\w*(?:\W+\w+){2}", rest
    ):
        return True  # `1. **High** — Title …` (a title of 3+ words, not a tally `**High**: 0`)
    return bool(_AFTER_LEAD.match(strip_marks(rest)))


def section_severity(titles: Sequence[str]) -> Severity | None:
    """The severity a section heading gives the findings under it (last title of `titles`), if any."""
    if not titles:
        return None
    plain = _SECTION_NUMBER.sub("", strip_marks(titles[-1]))  # `### 6.3 Medium Priority`
    if SEVERITY_SECTION.match(plain) and not ID.search(titles[-1]):
        return severity_of(plain) or Severity.UNKNOWN
    if _WARNINGS.match(plain):
        return Severity.MEDIUM  # a scanner's `### Warnings (8)` beside its failures: its middle grade
    if counted := _ONE_GRADE_COUNTED.match(plain):
        return severity_of(counted.group(1) or counted.group(2))  # `### Server Vulnerabilities (7 High → 0)`
    return moscow_severity(plain)


_SECTION_NUMBER = re.compile(r"^\d+(?:\.\d+)+\.?\s+(?=\D)")
_WARNINGS = re.compile(r"^\W*warnings?\s*(?:\(\d+\))?\W*$", re.I)
# A group of findings counted in one grade: `Server Vulnerabilities (7 High → 0)`, `Issues (3 critical)`,
# and an area counting its own (`01-security (3 HIGH) - ALL FIXED`, `10-testing (2 HIGH) - ❌ OPEN`)
_ONE_GRADE_COUNTED = re.compile(
    rf"^[^()]*\b(?:vulnerabilit\w*|issues|findings|risks)\s*\(\s*\d+\s+{SEVERITY_WORDS}\b[^(),]*\)\W*$"
    rf"|^[^()]*\(\s*\d+\s+{SEVERITY_WORDS}\s*\)(?:\s*[—–-]\s*[^()]{{1,30}})?$",
    re.I,
)


_STATUS_TAG = re.compile(
    r"^\W*\[\s*(?:fixed|resolved|done|closed|open|pending|mitigated|accepted)\b[^\]]*\]\W*$", re.I
)


def _item_opens_finding(first: str, plain: str, task: bool = False) -> bool:
    """A list item is a finding when it starts with an id or a [severity] tag, reads `Finding 3: …`,
    writes its severity as an inline field, or is a failed check with a bracketed severity."""
    keyed = ":" in plain and _PROPERTY_KEY.match(plain.split(":", 1)[0])  # `- **Security Impact**: HIGH - …`
    if (FIELD.match(plain) or PART_KEY.match(plain) or keyed) and not ID.search(first):
        return False  # `- Severidade / Severity: Alta (High)`, `- **Fix Priority:** P0` are fields of the one above
    if ":" in plain and _TALLIED.match(plain.split(":", 1)[1]):
        return False  # `- **P0 (Critical)**: 5件 - fix at once`: how many of a grade
    ident = ID.search(first)
    if ident and not re.search(r"\w", _STATUS_TAG.sub("", first[: ident.start()])):
        return True  # `- P0-1: …`, and `- ~~[FIXED ✅] P0-1: …~~` in a list of resolved ones
    tag = TAG.search(first)
    if tag and not re.search(r"\w", first[: tag.start()]):
        return True
    if FINDING_LEAD.match(plain) or _TITLE_THEN_SEVERITY.match(plain) or _MARKED_GRADE.match(first):
        return True
    if task and PAREN_SEVERITY.search(first):  # `- [ ] Tokens never expire (high)`
        return True
    if _PAREN_GRADE.search(first) and not _TALLY.match(plain):  # `- Bea: cut link lifetime to 15 min (high)`
        return True
    titled = INLINE_FIELD.search(plain)  # `Title — Risk: High`, but not a bare `Severity: High` line
    if (
        titled
        and re.search(r"\w", plain[: titled.start()])
        and not _QUALIFIER.fullmatch(plain[: titled.start()])  # `Overall Risk: HIGH` grades the whole report
        and any(_inline_severity(key, value) for key, value in inline_fields(first))
    ):
        return True
    return bool(_FAILED_CHECK.match(first) and PAREN_SEVERITY.search(first))


def inline_fields(line: str) -> list[tuple[str, str]]:
    return [(m.group(1).lower(), m.group(2).strip()) for m in INLINE_FIELD.finditer(strip_marks(line))]


def _inline_severity(key: str, value: str) -> Severity | None:
    if key in ("severity", "risk", "priority", "impact") and LEADING_SEVERITY.match(value):
        return severity_of(value)
    return None


def marker_lead(text: str, terms: Mapping[str, Severity] | None = None) -> Severity | None:
    """A coloured severity marker opening a heading (`### 2. 🟠 Links never expire`, `### 🔴 1. A01:2021 – …`),
    read as the report's legend says when it says (`🔴 Critical | 🟠 High`)."""
    for opening in (text.lstrip(), re.sub(r"^\W*\d+[.)]\s*", "", text)):
        if terms and opening[:1] in COLOURS and opening[:1] in terms:  # a colour, not `1 = critical`'s number
            return terms[opening[:1]]
        if marked := leading_marker(opening):
            return marked
    return None


# `**issue**: XSS in the reader view`: the line of a record that names the finding.
_RECORD_ISSUE = re.compile(r"^\W*(?:issue|title|finding|summary)\s*:\s*\S", re.I | re.M)


def graded_record(block: Block) -> bool:
    """A paragraph of `key: value` lines opening with the grade and naming the issue, one of several under a
    severity group (`### CRITICAL Issues` › `**severity**: critical` / `**file**: …` / `**issue**: XSS …`)."""
    return (
        "\n" in block.text.strip()
        and bool(_GRADE_LINE.match(strip_marks(block.text)))
        and bool(_RECORD_ISSUE.search(strip_marks(block.text)))
        and len(block.section) > 1
        and bool(SEVERITY_SECTION.match(strip_marks(block.section[-1])))
    )


def record_title(block: Block) -> str:
    """A record's title: its `Title:` or `Description:` field, first sentence, at most 100 characters."""
    match = _RECORD_TITLE.search(block.text)
    if match is None:
        return ""
    sentence = re.split(r"(?<=[.;])\s", match.group(1), maxsplit=1)[0].rstrip(".;")
    return sentence if len(sentence) <= 100 else sentence[:99].rstrip() + "…"


def _item_with_parts(blocks: Sequence[Block], index: int) -> bool:
    """`13. **getScoring** - GET scoring data` followed by `- **Risk:** …` and `- **Fix Priority:** P1` (not a
    `- **Problem:** …` line, itself a field)."""
    if _KEYED.match(_unbolded(blocks[index].text)):
        return False
    keys, parts = set(), 0
    for block in blocks[index + 1 : index + 12]:
        plain = _unbolded(block.text.split("\n")[0])
        if block.kind != "item" or not (key := PART_KEY.match(plain) or _KEYED.match(plain)):
            break
        keys.add(key.group(0).lower())
        parts += bool(PART_KEY.match(plain))
    return len(keys) >= 2 and parts >= 1


def has_parts(blocks: Sequence[Block], index: int) -> bool:
    """A heading whose body gives the parts of one finding (`- **Location**: …`, `- **Fix**: …`, two or more)."""
    keys: set[str] = set()
    for position in range(index + 1, len(blocks)):
        block = blocks[position]
        if block.kind == "heading" or (block.kind == "item" and _item_with_parts(blocks, position)):
            break  # `1. **vote** - ⚠️ NEEDS REVIEW` + its own part lines: the heading lists findings
        if block.kind in ("item", "paragraph"):
            keys.update(
                m.group(0).lower()
                for line in block.text.split("\n")
                # (`**File:** …` with `**Risk Level:** HIGH` and `**CVSS Score:** 6.8`: one finding's fields)
                if (m := PART_KEY.match(strip_marks(line)) or _GRADE_LINE.match(strip_marks(line)))
            )
    return len(keys) >= 2


def _unbolded(text: str) -> str:
    """A line without its emphasis marks, keeping the colon after a key (`**Current State**:`)."""
    return text.replace("*", "").strip()
