"""The words release documents use for severities, statuses and test levels, mapped to the model."""

from __future__ import annotations

import re
from functools import lru_cache

from rte.model import FindingStatus, Level, Severity

# The grade words of Spanish, Portuguese, French, German, Dutch, Indonesian and Polish reports that English prose
# does not use (`CRITIQUE #1: …`, `VULNERABILIDADES ALTAS`); Spanish `media` counts only before a colon or a
# closing bracket (`🟡 MEDIA: …`, `(Media)`), or after `prioridad`: "media uploads" is English.
FOREIGN_CRITICAL = (
    r"krytyczn[eayi]|cr[ií]tic[ao]s?|critiques?|kritisch(?:e[nrs]?)?|kritieke?|kritis|критич[а-я]*"
)
FOREIGN_HIGH = (
    r"wysok[iaie]e?|majeure?s?|importantes|hautes?|[ée]lev[ée]e?s?|alt[ao]s?|hoch|hohe[nr]?|hoog|hoge|tinggi"
    r"|высок[а-я]*"
)
FOREIGN_MEDIUM = r"[śs]redni[aeo]?|media(?=\s*[:)\]])|(?<=prioridad )media|(?<=priorità )media|moyen(?:ne)?s?|medi[ao]s|medio|médi[ao]s?|mittel|mittlere[nr]?|gemiddelde?|menengah|средн[а-я]*"
FOREIGN_LOW = r"nisk[iaie]e?|mineure?s?|minor[ei]|baj[ao]s?|baix[ao]s?|bass[ao]|faibles?|basses?|niedrig(?:e[nr]?)?|laag|lage|rendah|низк[а-я]*"
# Chinese grades (`[高危]`, `严重`): two-character words, since 中 alone means "in" (no word boundaries in CJK)
CJK_CRITICAL, CJK_HIGH, CJK_MEDIUM, CJK_LOW = "严重|致命", "高危|高风险", "中危|中风险", "低危|低风险"
_SEVERITY_PATTERNS: tuple[tuple[re.Pattern[str], Severity], ...] = (
    (
        re.compile(
            rf"\bP0\b|\bcritical\b|\bcrit\b|\bsev[- ]?[01]\b|\bhighest\b|\bblocker\b|\b(?:{FOREIGN_CRITICAL})\b|{CJK_CRITICAL}",
            re.I,
        ),
        Severity.CRITICAL,
    ),
    (
        re.compile(
            rf"\bP1\b|\bhigh\b|\bhi\b|\bsev[- ]?2\b|\bmajor\b|\b(?:{FOREIGN_HIGH})\b|{CJK_HIGH}", re.I
        ),
        Severity.HIGH,
    ),
    (
        re.compile(
            rf"\bP2\b|\bmedium\b|\bmoderate\b|\bmed\b|\bsev[- ]?3\b|\b(?:{FOREIGN_MEDIUM})\b|{CJK_MEDIUM}",
            re.I,
        ),
        Severity.MEDIUM,
    ),
    (
        re.compile(rf"\bP3\b|\blow\b|\blo\b|\bminor\b|\bsev[- ]?4\b|\b(?:{FOREIGN_LOW})\b|{CJK_LOW}", re.I),
        Severity.LOW,
    ),
    (
        re.compile(r"\bP4\b|\binfo\b|\binformational\b|\bnote\b|\blowest\b|\btrivial\b|\bnitpick\b", re.I),
        Severity.INFO,
    ),
)
# A rating that praises instead of grading a problem: `| 🟢 GOOD | … |`, `**Severity**: 🟢 **EXCELLENT** (9/10)`.
PRAISE = re.compile(
    r"\W*(?:good|great|excellent|strong|secure|pass(?:ed)?|ok(?:ay)?|positive|strength|comprehensive|compliant|robust)"
    r"\W*(?:\([^()]*\))?\W*",
    re.I,
)
# Coloured markers mean different things in different reports (🟡 is medium in one, low in the next):
# they count only when no severity word is written.
_MARKERS: tuple[tuple[str, Severity], ...] = (
    ("🚨", Severity.CRITICAL),
    ("⛔", Severity.CRITICAL),
    ("🔴", Severity.HIGH),
    ("🟠", Severity.HIGH),
    ("🟡", Severity.MEDIUM),
    ("🟢", Severity.LOW),
    ("🔵", Severity.LOW),
    ("ℹ️", Severity.INFO),
)
# `CVSS 7.5`, `CVSS v3.1 base score: 9.8`, or a vector followed by its score (`CVSS:3.1/AV:N/… — 7.5`).
_CVSS = re.compile(
    r"\bCVSS(?:v?[234](?:\.\d)?)?(?::[234]\.\d(?:/[A-Za-z]{1,3}:[A-Za-z])+)?(?:\s*(?:score|base score))?"
    r"\s*[:=—–-]?\s*\**\s*(\d{1,2}(?:\.\d)?)\b(?!\.\d|/[A-Za-z])",
    re.I,
)


# `MEDIUM-HIGH`, `Medium to High`: a grade between the two, read as the higher (`LOW-MODERATE` stays low).
_GRADE_SPAN = re.compile(
    r"\b(?:medium|moderate)\s*(?:-|–|/|\bto\b)\s*(high)\b|\bhigh\s*(?:-|–|/|\bto\b)\s*(critical)\b",
    re.I,
)


def severity_of(text: str) -> Severity | None:
    """The first severity word (or P-level) in `text`; else a CVSS score's band; else a coloured marker."""
    best: tuple[int, Severity] | None = None
    if span := _GRADE_SPAN.search(text):
        best = (span.start() - 1, severity_of(span.group(1) or span.group(2)) or Severity.UNKNOWN)
    for pattern, severity in _SEVERITY_PATTERNS:
        match = pattern.search(text)
        if match and (best is None or match.start() < best[0]):
            best = (match.start(), severity)
    if best:
        return best[1]
    cvss = _CVSS.search(text)
    if cvss:
        return Severity.from_cvss(float(cvss.group(1)))
    markers = [(text.index(mark), severity) for mark, severity in _MARKERS if mark in text]
    return min(markers)[1] if markers else None


# `SEC-MEDIUM-009`, `CRIT-002`, `HIGH-001`: an id that carries its finding's grade.
_GRADED_ID = re.compile(r"(?:^|-)(crit(?:ical)?|high|med(?:ium)?|low)-\d", re.I)


def id_severity(ident: str | None) -> Severity | None:
    """The grade a finding's id spells out (`CRIT-002` is critical), if it spells one."""
    graded = _GRADED_ID.search(ident or "")
    return severity_of(graded.group(1)) if graded else None


# The grade words above, read where a field's value starts with one (`Severidad: Media`): there Spanish
# `media` is a grade too, which in English prose means something else.
_FOREIGN_SEVERITY = (
    (re.compile(rf"^\W*(?:{FOREIGN_CRITICAL})\b", re.I), Severity.CRITICAL),
    (re.compile(rf"^\W*(?:{FOREIGN_HIGH})\b", re.I), Severity.HIGH),
    (re.compile(rf"^\W*(?:{FOREIGN_MEDIUM}|media)\b", re.I), Severity.MEDIUM),
    (re.compile(rf"^\W*(?:{FOREIGN_LOW})\b", re.I), Severity.LOW),
)
# MoSCoW wording of a section (`Recommendations (Should Fix)`, `Nice to have`): the priority is the severity.
# ("Should Have for v1.0" plans remediation work instead: it grades nothing.)
_MOSCOW = (
    (re.compile(r"\bmust[- ](?:fix|address)\b", re.I), Severity.HIGH),
    (re.compile(r"\bshould[- ]fix\b", re.I), Severity.MEDIUM),
    (re.compile(r"\b(?:nice[- ]to[- ]have|could[- ]fix)\b", re.I), Severity.LOW),
)


def foreign_severity(value: str) -> Severity | None:
    """The severity a field value in Spanish, French or German opens with."""
    return next((severity for pattern, severity in _FOREIGN_SEVERITY if pattern.match(value)), None)


def moscow_severity(title: str) -> Severity | None:
    """`Must fix` → high, `Should fix` → medium, `Nice to have` / `Could fix` → low (short titles only)."""
    if len(title) > 60:
        return None
    return next((severity for pattern, severity in _MOSCOW if pattern.search(title)), None)


def leading_marker(text: str) -> Severity | None:
    """The severity of a coloured marker that opens `text` (after spaces only)."""
    stripped = text.lstrip()
    return next((severity for mark, severity in _MARKERS if stripped.startswith(mark)), None)


# Order matters: "mitigation planned" must read as open before "mitigat" reads as mitigated.
_STATUS_PATTERNS: tuple[tuple[re.Pattern[str], FindingStatus], ...] = (
    # A fix in the code being released waits only for its deploy: `Fixed (pending deploy)`,
    # `✅ IMPLEMENTED (deployment pending storage setup)`.
    (
        re.compile(
            r"^\W*(fixed|resolved|done|implemented)\W+(?:pending\s+(deploy|deployment|release|rollout)\b"
            r"|(deploy|deployment|release|rollout)\s+pending\b)",
            re.I,
        ),
        FindingStatus.FIXED,
    ),
    # `considered mitigated, not fixed`: the state named before its denied alternative.
    (
        re.compile(r"\bmitigated\W+(?:but\s+)?not\s+(?:yet\s+)?(?:fixed|resolved)\b", re.I),
        FindingStatus.MITIGATED,
    ),
    # `Open - mitigated by WAF rate rule`: a stated mitigation qualifies the open state.
    (
        re.compile(r"(?<!not )(?<!un)(?<!partially )(?<!partly )\bmitigated\s+(by|with|via|through)\b", re.I),
        FindingStatus.MITIGATED,
    ),
    (
        re.compile(
            r"\b(not|un)[- ]?(yet[- ])?(fixed|resolved|mitigated|addressed|remediated|verified)\b|\bwon['’]?t fix\b.*\bopen\b"
            # `NO FIXES IMPLEMENTED`, `Fix not implemented`, `Retest: CONFIRMED EXPLOITABLE`
            r"|\bno (?:fix(?:es)?|remediation|patch(?:es)?)\b(?! (?:is |was )?(?:needed|required|necessary))|\bnot (?:yet )?(?:implemented|applied|deployed)\b"
            r"|\b(?:still |confirmed )(?:exploitable|vulnerable)\b"
            # `Status: KNOWN GAP — documented`, `Known issue`: the team knows of it and has not fixed it
            r"|^\W*known\s+(?:gap|issue|limitation)s?\b"
            # `Status: ✅ AUDITED & DOCUMENTED`: the flaw was looked at and written down, not fixed
            r"|^\W*(?:audited|reviewed|documented)(?:\s*(?:&|and|,)\s*(?:audited|reviewed|documented))*\W*$"
            # `Vulnerabilidades não corrigidas`, `no resueltas`, `sin corregir`
            r"|\b(?:não|no|sin|sem)\s+(?:foram\s+|fueron\s+)?(?:corrigid|corregid|resolvid|resuelt|solucionad)[oa]s?\b"
            r"|\b(?:sin|sem)\s+(?:corrigir|resolver)\b"
            # `CWE-78: OS Command Injection ✅ Affected`: the tick confirms the exposure
            r"|[✅✔]\W{0,2}(?:affected|vulnerable|impacted|exposed)\b"
            r"|\bmitigation (planned|pending|required|needed|recommended)\b|\bto be (fixed|mitigated)\b"
            # `Status: FIX IMPLEMENTED BELOW`: the audit writes the fix out for the team; nothing shipped yet
            r"|\b(?:fix(?:es)?|solutions?|remediation|patch(?:es)?)\s+(?:is\s+|are\s+)?(?:implemented|provided|shown"
            r"|given|included|described|proposed|written)\s+below\b"
            r"|\bmostly (?:fixed|resolved|mitigated|remediated|done|complete)\b"
            # `Documented for future Redis implementation`, `left to a later release`
            r"|\bfor (?:a )?future\b|\b(?:in|to|for) a (?:future|later) (?:release|version|sprint|iteration|phase)\b"
            # (`should be patched`: an expectation, not a verified fix)
            r"|\b(must|should|needs? to|has to|will|may|might) (?:already )?be (fixed|resolved|mitigated|addressed|closed"
            r"|patched|remediated)\b"
            r"|\b(pending|planned|todo|to do|in progress|in-progress|(?<!-)open(?!-)|outstanding|unresolved"
            r"|reopened|re-opened|not changed|unchanged|needs? (fix|work|action)"
            # `Status: REQUIRES IMMEDIATE FIX`, `REQUIRES INVESTIGATION`
            # (and `Documented (requires manual code review)`, `Requires code review and hardening`)
            r"|requires? (?:an? )?(?:(?!no\b)\w+ ){0,2}(?:fix(?:ing)?|investigation|refactoring|enforcement|validation"
            r"|remediation|review|hardening)\b"
            r"(?! verification)"
            r"|needs attention|action required|not started|remaining|partial(ly)?|partly|blocked|backlog|investigating|wip|in review|under review|deferred|postponed"
            r"|abiert[oa]|abert[oa]|pendiente|offen|ouvert|apert[oa]|da (?:affrontare|valutare|correggere|risolvere))\b|❌|🚧|✖|✗|待修复|未修复|待处理|未解决",
            re.I,
        ),
        FindingStatus.OPEN,
    ),
    (
        re.compile(
            r"\b(risk[- ]accepted|accepted|acceptable|won['’]?t (fix|do)|wontfix|will[_ ]not[_ ]fix|acknowled?ged|disputed|dismissed|by design"
            r"|false positive|ignored|informative|no action(?! (?:taken|yet))"
            r"|works? as (?:intended|designed)|working as (?:intended|designed)|intended behaviou?r|out of scope"
            r"|no (?:fix|change|code change|remediation)s? (?:is |are )?(?:needed|required|necessary)|we accept|accept(?:s|ed)? (?:this |the )?risk|aceptad[oa]|aceit[oa]|akzeptiert|accept[ée]e?)\b",
            re.I,
        ),
        FindingStatus.ACCEPTED,
    ),
    (
        re.compile(r"\bmitigated\b|\bmitigation in place\b|\bmitigad[oa]\b|\batt[ée]nu[ée]e?\b", re.I),
        FindingStatus.MITIGATED,
    ),
    (
        re.compile(
            # (not `fail-closed`, a design that denies on error)
            r"\b(fixed|resolved|remediated|(?<!fail-)(?<!fail )closed|done|complete[d]?|implemented|patched|addressed|secured"
            r"|verified|upgraded|bumped|removed in|corregid[oa]s?|corrigid[oa]s?|resuelt[oa]s?|solucionad[oa]s?|cerrad[oa]s?|behoben"
            r"|resolvid[oa]s?|risolt[oaie]|corrig[ée]e?|r[ée]solue?|poprawion[eya]|naprawion[eya])\b|✅|✔|☑️|已修复|已解决|已修正",
            re.I,
        ),
        FindingStatus.FIXED,
    ),
    # A tracker's states for a finding still to fix, read only when nothing else is said (`Triaged`, `Noted`).
    (re.compile(r"\b(triaged|confirmed|noted)\b", re.I), FindingStatus.OPEN),
)


# `20/22 FIXED`: some of the instances fixed, so the finding is not.
_SOME_FIXED = re.compile(
    r"\b(\d{1,5})\s*/\s*(\d{1,5})\s+(?:fixed|resolved|remediated|secured|patched|closed)\b", re.I
)


def status_of(text: str) -> FindingStatus | None:
    some = _SOME_FIXED.search(text)
    if some and int(some.group(1)) < int(some.group(2)):
        return FindingStatus.OPEN
    for pattern, status in _STATUS_PATTERNS:
        if pattern.search(text):
            return status
    return None


def leading_status(text: str) -> FindingStatus | None:
    """The status a text opens with, its first clause deciding (`✅ Mitigated (HMAC pending)` is mitigated,
    `Mitigated: checked before open` too); else any status word in it."""
    if re.search(r"\bpartial(ly)?\b|\bpartly\b", text, re.I):
        return FindingStatus.OPEN  # `Mitigated (partially)`
    first = re.split(r"[.,:;(]", text, maxsplit=1)[0]
    return status_of(first) or status_of(text)


_LEVEL_PATTERNS: tuple[tuple[re.Pattern[str], Level], ...] = (
    (
        re.compile(
            r"\be2e\b|end[- ]to[- ]end|\bui tests?\b|\bcypress\b|\bplaywright\b|\bselenium\b"
            r"|\buser flows?\b|\bacceptance tests?\b|\bsystem tests?\b|\bcapybara\b|\bdetox\b|\bmaestro\b"
            r"|\bplay ?mode\b",  # Unity PlayMode tests run scenes
            re.I,
        ),
        Level.E2E,
    ),
    (
        re.compile(
            r"\bintegration\b|\bapi tests?\b|\bcontract tests?\b|\bhardware[- ]in[- ]the[- ]loop\b|\bHIL\b"
            r"|\binstrument(?:ed|ation) tests?\b",  # Android's on-device tests
            re.I,
        ),
        Level.INTEGRATION,
    ),
    (re.compile(r"\bunit\b|\bedit ?mode\b", re.I), Level.UNIT),
    (
        re.compile(r"\bsecurity tests?\b|\bpenetration\b|\bpen[- ]?tests?\b|\bsast\b|\bdast\b", re.I),
        Level.SECURITY,
    ),
    (
        re.compile(
            r"\bperformance\b|\bload tests?\b|\bstress tests?\b|\bbenchmarks?\b|\bk6\b|\bjmeter\b|\blocust\b"
            r"|\bgatling\b|\bconcurrency tests?\b",
            re.I,
        ),
        Level.PERFORMANCE,
    ),
)


# The levels in other languages (`Testes Unitários`, `Testes de Integração`, `tests de bout en bout`, `单元测试`),
# tried only on a line holding one of their words: most lines hold none, and each pattern costs a scan.
_FOREIGN_LEVELS: tuple[tuple[re.Pattern[str], Level], ...] = (
    (
        re.compile(
            r"ponta a ponta|extremo a extremo|de bout en bout|端到端|엔드투엔드|e2e(?=テスト|测试|測試|테스트)",
            re.I,
        ),
        Level.E2E,
    ),
    (
        re.compile(
            r"\bintegra(?:ção|ción|zione)\b|\bintégration\b|\bintegrationstests?\b|集成测试|結合テスト|통합\s*테스트"
            r"|интеграционн",
            re.I,
        ),
        Level.INTEGRATION,
    ),
    (
        re.compile(
            r"\bunit[áa]ri[oa]s?\b|\bunitaires?\b|\bunit(?:ä|ae)r|\bunittests?\b"
            r"|单元测试|單元測試|単体テスト|ユニットテスト|단위\s*테스트|модульн",
            re.I,
        ),
        Level.UNIT,
    ),
    (
        re.compile(
            r"\b(?:testes?|pruebas?|tests?) de (?:carga|charge|desempenho|rendimiento)\b|\blasttests?\b|性能测试|負荷テスト"
            r"|성능\s*테스트|нагрузочн",
            re.I,
        ),
        Level.PERFORMANCE,
    ),
)
_FOREIGN_LEVEL_WORDS = (
    *(
        "ponta a ponta",
        "extremo a extremo",
        "bout en bout",
        "端到端",
        "엔드투엔드",
        "e2eテ",
        "e2e测",
        "e2e測",
        "e2e테",
    ),
    *("integra", "intégration", "集成测试", "結合テスト", "통합", "интеграционн"),
    *("unitá", "unitari", "unitaire", "unitär", "unitaer", "unittest", "单元测试", "單元測試", "単体テスト"),
    *("ユニットテスト", "단위", "модульн", " de carga", " de charge", " de desempenho", " de rendimiento"),
    *("lasttest", "性能测试", "負荷テスト", "성능", "нагрузочн"),
)
_FOREIGN_ASCII_WORDS = tuple(word for word in _FOREIGN_LEVEL_WORDS if word.isascii())


# `### unit_tests`, `integration_tests:`: a level named as a runner's target is spelt with an underscore
_SNAKE_LEVEL = re.compile(
    r"\b(unit|integration|e2e|ui|api|system|acceptance|security|performance)_(?=tests?\b)", re.I
)


@lru_cache(maxsize=4096)
def level_of(text: str) -> Level | None:
    if "_" in text:
        text = _SNAKE_LEVEL.sub(r"\1 ", text)
    best: tuple[int, Level] | None = None
    lowered = text.lower()
    foreign = any(
        word in lowered for word in (_FOREIGN_ASCII_WORDS if text.isascii() else _FOREIGN_LEVEL_WORDS)
    )
    for pattern, level in _LEVEL_PATTERNS + _FOREIGN_LEVELS if foreign else _LEVEL_PATTERNS:
        match = pattern.search(text)
        if match and (best is None or match.start() < best[0]):
            best = (match.start(), level)
    return best[1] if best else None


# A suite's own name (a table's first cell, a heading) may be shorter: `Security`, `System (Capybara)`.
_NAME_LEVELS: tuple[tuple[re.Pattern[str], Level], ...] = (
    (re.compile(r"^\W*security\b", re.I), Level.SECURITY),
    (re.compile(r"^\W*(?:perf|load|concurrency)\b", re.I), Level.PERFORMANCE),
    (re.compile(r"^\W*system\b", re.I), Level.E2E),
    (re.compile(r"^\W*ui\W*$", re.I), Level.E2E),  # a matrix column `UI` next to `Unit`
)


def name_level_of(name: str) -> Level | None:
    """The level a suite's name states: the words `level_of` knows, or a bare `Security` / `Perf` / `System`
    opening the name."""
    return level_of(name) or next((lvl for pattern, lvl in _NAME_LEVELS if pattern.search(name)), None)


# What may follow "12 passed" in a runner summary; "3 failed requests" is not about tests.
# A count as reports write it: `7`, `1,234` (a comma only before three digits: "deferred 7, failed 0").
COUNT = r"\d+(?:,\d{3})*"
RUNNER_END = r"(?=\s*(?:$|[,.;:()\[\]=|/（），、。；：`*-]|in\b|and\b|\d|tests?\b|specs?\b|✓|✔|✅|❌))"


_MARKS = re.compile(
    r"`+|\*+|(?<![A-Za-z0-9])_+|_+(?![A-Za-z0-9])|[\U0001F300-\U0001FAFF\u2600-\u27BF\uFE0F\u2139]"
)


@lru_cache(maxsize=4096)  # the readers ask about the same cells and lines many times
def strip_marks(text: str) -> str:
    """Text without Markdown emphasis/code marks, emoji markers and surrounding punctuation."""
    return _MARKS.sub("", text).strip(" \t-–—:|")


# A sentence that opens on a condition or an instruction (`If the tests have not been run, …`): it states no result.
CONDITION = re.compile(r"^\W*(?:if|when|whenever|unless|make sure|ensure|before|once)\b", re.I)


# A line naming work to do rather than a weakness found: `Implement MFA`, `Add rate limiting`.
ACTION = re.compile(
    r"^\W*(?:\d+[.)]\s*)?\W*(?:implement|add|enable|introduce|consider|remove|replace|set up|configure|adopt"
    r"|migrate|upgrade|rotate|enforce|create|document|monitor|restrict|apply|establish|schedule|harden"
    r"|eliminate|redact|re-?validate|saniti[sz]e|fix|run|enhance|disable|delete|revoke|verify|ensure|formali[sz]e"
    r"|deploy|conduct)\b",
    re.I,
)


def same_title(name: str, title: str) -> bool:
    """Two spellings of one title: most of their character pairs shared (works for CJK titles too)."""

    def pairs(text: str) -> set[str]:
        squeezed = re.sub(
            r"[\W_]+", "", re.sub(r"^\W*(?:问题|issue|finding)\s*\d+\s*[:：]", "", text, flags=re.I).lower()
        )
        return {squeezed[i : i + 2] for i in range(len(squeezed) - 1)}

    a, b = pairs(name), pairs(title)
    return len(a) >= 4 and len(b) >= 4 and len(a & b) / min(len(a), len(b)) >= 0.6


# The same keys in other languages' reports (`| 통과 | 19개 |`, `失败：1`, `Пройдено: 18`, `Fallidos: 2`).
FOREIGN_KEYS = {
    **dict.fromkeys(("전체", "총", "합계", "总计", "总数", "合计", "合計", "全部"), "total"),
    **dict.fromkeys(("всего", "всего тестов", "итого", "gesamt", "insgesamt"), "total"),
    **dict.fromkeys(("통과", "성공", "通过", "通過", "成功", "合格"), "passed"),
    **dict.fromkeys(
        ("пройдено", "прошло", "успешно", "aprobados", "exitosos", "exitosas", "pasados"), "passed"
    ),
    **dict.fromkeys(("aprovados", "passaram", "passou", "réussis", "bestanden", "erfolgreich"), "passed"),
    **dict.fromkeys(("passati", "superati", "riusciti", "passés", "pasaron"), "passed"),
    **dict.fromkeys(("en échec", "fallidas", "errores", "fehlerhaft", "com falha"), "failed"),
    # `dotnet test` in Spanish, German and French: `Pruebas totales: 11`, `Correcto: 11`, `Omitido: 0`
    **dict.fromkeys(("pruebas totales", "gesamtzahl tests", "nombre total de tests"), "total"),
    **dict.fromkeys(("correcto", "correctas", "réussi", "réussite"), "passed"),
    **dict.fromkeys(("omitido", "omitidas", "ignoré"), "skipped"),
    **dict.fromkeys(
        ("passando", "testes passando", "testes aprovados", "pruebas exitosas", "pruebas pasadas"), "passed"
    ),
    **dict.fromkeys(("totali", "test totali", "totale", "total de testes", "total de pruebas"), "total"),
    **dict.fromkeys(
        ("실패", "失败", "失敗", "不合格", "провалено", "не пройдено", "упало", "ошибок"), "failed"
    ),
    **dict.fromkeys(
        ("fallidos", "fallaron", "falharam", "falhou", "falhas", "échoués", "échecs", "fehlgeschlagen"),
        "failed",
    ),
    **dict.fromkeys(("falliti", "fallito", "non superati", "fehler"), "failed"),
    **dict.fromkeys(("falhando", "testes falhando", "testes com falha", "pruebas fallidas"), "failed"),
    **dict.fromkeys(
        ("건너뜀", "스킵", "跳过", "スキップ", "пропущено", "omitidos", "ignorados", "ignorés"), "skipped"
    ),
    **dict.fromkeys(("übersprungen", "saltati", "ignorati", "pulados", "saltadas", "saltados"), "skipped"),
    **dict.fromkeys(("passados", "testes passados", "testes bem-sucedidos"), "passed"),
    **dict.fromkeys(("falhados", "testes falhados", "testes falhos"), "failed"),
    # Turkish: `Toplam Test`, `Geçen Testler`, `Başarısız Testler`, `Atlanan`
    **dict.fromkeys(("toplam", "toplam test"), "total"),
    **dict.fromkeys(("geçen", "geçen testler", "başarılı testler"), "passed"),
    **dict.fromkeys(("başarısız", "başarısız testler"), "failed"),
    **dict.fromkeys(("atlanan", "atlanan testler"), "skipped"),
}
# A test table's column names in other languages, read as the English names the table readers know.
FOREIGN_HEADERS = {
    **FOREIGN_KEYS,
    **dict.fromkeys(("tipo", "typ", "тип", "类型", "유형"), "type"),
    **dict.fromkeys(
        (
            *("categoria", "categoría", "catégorie", "kategorie", "категория"),
            *("类别", "分类", "구분", "분류", "カテゴリー", "カテゴリ", "区分", "分類"),
        ),
        "category",
    ),
    **dict.fromkeys(("modulo", "módulo", "modul", "модуль", "模块", "모듈"), "module"),
    **dict.fromkeys(("suíte", "suite de testes", "suite de pruebas", "testsuite", "测试套件"), "suite"),
    **dict.fromkeys(
        ("risultato", "resultado", "résultat", "ergebnis", "результат", "结果", "結果", "결과"), "result"
    ),
    **dict.fromkeys(("stato", "estado", "statut", "состояние", "状态", "状態", "상태"), "status"),
}
