"""Broken and hostile document text: encodings, sizes, YAML tricks, Markdown and template injection."""

from __future__ import annotations

import re

import pytest

from rte.docs.files import MAX_DOC_BYTES
from tests.conftest import write
from tests.hostile import run_action

FEATURE = "docs/features/invoice-links"
BSA = f"{FEATURE}/01-bsa-analysis.md"


def problems(ran) -> list[dict[str, object]]:
    return [
        c for c in ran.commands if c["name"] == "warning" and "document problem" in str(c["props"]["title"])
    ]


def problem_for(ran, words: str) -> dict[str, object]:
    hits = [p for p in problems(ran) if words in str(p["message"])]
    assert hits, [p["message"] for p in problems(ran)]
    return hits[0]


@pytest.mark.parametrize(
    ("data", "words", "line"),
    [
        (b"# T\n\n## Summary\n\nok\x00 binary\n", "NUL byte", "5"),
        (b"# T\n\n## Summary\n\ncaf\xe9 cr\xe8me\n", "not valid UTF-8", "5"),
    ],
)
def test_bad_bytes_are_a_problem_with_a_line(example_ws, tmp_path, data, words, line):
    (example_ws / BSA).write_bytes(data)
    ran = run_action(example_ws, tmp_path, feature="invoice-links")
    assert ran.code in (0, 1)
    hit = problem_for(ran, words)
    assert hit["props"]["file"] == BSA and hit["props"]["line"] == line


def test_bom_and_crlf_read_like_plain_utf8(example_ws, tmp_path):
    plain = (example_ws / BSA).read_text()
    (example_ws / BSA).write_bytes(b"\xef\xbb\xbf" + plain.replace("\n", "\r\n").encode())
    ran = run_action(example_ws, tmp_path, feature="invoice-links")
    assert ran.code == 0 and problems(ran) == []
    assert "\r" not in (example_ws / FEATURE / "07-release-plan.md").read_text()


def test_document_over_the_size_limit_is_named(example_ws, tmp_path):
    (example_ws / BSA).write_text("# Big\n\n" + "x" * (MAX_DOC_BYTES + 10))
    ran = run_action(example_ws, tmp_path, feature="invoice-links")
    assert ran.code in (0, 1)
    hit = problem_for(ran, "byte limit")
    assert hit["props"]["file"] == BSA


@pytest.mark.parametrize("text", ["", "\n\n   \n", "# Only\n## Headings\n### Here\n", "---\n---\n"])
def test_empty_or_heading_only_documents(example_ws, tmp_path, text):
    write(example_ws / BSA, text)
    ran = run_action(example_ws, tmp_path, feature="invoice-links")
    assert ran.code in (0, 1)
    if not text.strip() or text.startswith("---"):
        assert problem_for(ran, "empty")["props"]["file"] == BSA


@pytest.mark.parametrize(
    ("front", "words", "line"),
    [
        ("- a\n- b\n", "mapping", "2"),
        ("status: done\nstatus: draft\n", "appears twice", "3"),
        ("a: &x [1, 2]\nb: *x\n", "aliases", "3"),
        ("status: done\n\tbad: 1\n", "tabs", "3"),
        ("x: !!python/object:os.system ['echo hi']\n", "tag", "2"),
    ],
)
def test_front_matter_tricks_are_problems_with_lines(example_ws, tmp_path, front, words, line):
    write(example_ws / BSA, f"---\n{front}---\n# Title\n\n## Summary\n\nText.\n")
    ran = run_action(example_ws, tmp_path, feature="invoice-links")
    assert ran.code in (0, 1)
    hit = problem_for(ran, words)
    assert hit["props"]["file"] == BSA and hit["props"]["line"] == line


BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
    for p, c in zip("abcdefgh", "bcdefghi", strict=True)
)


@pytest.mark.parametrize(
    ("config", "words", "line"),
    [
        ("fail-on-severity: high\n\tlabels: false\n", "tabs", 2),
        ("labels: true\nlabels: false\n", "appears twice", 2),
        (BOMB, "aliases", 2),
        ("- labels\n", "mapping", 1),
        ("labels: !!python/name:os.system\n", "tag", 1),
    ],
)
def test_config_tricks_are_refused_with_the_line(example_ws, tmp_path, config, words, line):
    write(example_ws / ".github/rte.yml", config)
    ran = run_action(example_ws, tmp_path, feature="invoice-links")
    assert ran.code == 2
    error = next(c for c in ran.commands if c["name"] == "error")
    assert words in str(error["message"]) and error["props"] == {
        "title": "rte: cannot run",
        "file": ".github/rte.yml",
        "line": str(line),
    }


HOSTILE_BSA = """---
env:
  - name: "EVIL` @acme/admins <!-- rte:end --> #12"
    description: "ping @acme/ops | #77 <!-- rte:begin -->"
---
# Export for @acme/billing #4242 <!-- rte:end -->

## Summary

Ask @acme/security-team about #123 and GH-9. <!-- rte:end --> {{ 7 + 6 }} {% if true %}IF{% endif %}
| cell | break |

## Acceptance Criteria

- Notify @acme/everyone when #31337 closes <!-- rte:end -->
- Render {{ settings }} and {% raw %} literally
"""

CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`).*?(?<!`)\1(?!`)")
MENTION = re.compile(r"@(?!\u200b)[A-Za-z0-9-]+/")
REFERENCE = re.compile(r"(?<![\w&/])#(?!\u200b)\d")


def test_mentions_references_markers_and_templates_stay_inert(example_ws, tmp_path):
    write(example_ws / BSA, HOSTILE_BSA)
    ran = run_action(example_ws, tmp_path, feature="invoice-links")
    assert ran.code in (0, 1), ran.stdout
    plan = (example_ws / FEATURE / "07-release-plan.md").read_text()
    body = ran.outputs["pr-body"]
    for name, raw in {"plan": plan, "pr-body": body, "summary": ran.summary}.items():
        text = CODE_SPAN.sub("", raw)  # GitHub neither pings nor links inside a code span
        assert not MENTION.search(text), (name, MENTION.findall(text))
        assert not REFERENCE.search(text), (name, REFERENCE.findall(text))
        assert "<!-- rte:" not in text, name
    assert "{{ 7 + 6 }}" in plan and "{% if true %}IF{% endif %}" in plan  # rendered as text, not run
    assert "Render {{ settings }} and {% raw %} literally" in plan
    width = None
    for line in plan.splitlines():  # every row of a table has as many cells as its header
        cells = len(re.split(r"(?<!\\)\|", line)) if line.startswith("|") else None
        width = (width or cells) if cells else None
        assert cells == width, line


def test_user_template_cannot_reach_internals(example_ws, tmp_path):
    write(example_ws / ".github/tpl/pr_body.md.j2", "{{ ''.__class__.__mro__[1].__subclasses__() }}\n")
    ran = run_action(example_ws, tmp_path, feature="invoice-links", template_dir=".github/tpl")
    assert ran.code == 2
    assert "pr_body.md.j2" in ran.errors[0] and "__class__" in ran.errors[0]
    assert "subclasses" not in ran.summary.replace(ran.errors[0], "")


@pytest.mark.parametrize(
    "template",
    [
        "{{ 'x' * 100000000 }}",
        "{{ 9 ** 999999 }}",
        "{{ 1 / 0 }}",
        "{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}",
    ],
)
def test_user_template_cannot_exhaust_memory_or_crash(example_ws, tmp_path, template):
    write(example_ws / ".github/tpl/pr_body.md.j2", template + "\n")
    ran = run_action(example_ws, tmp_path, feature="invoice-links", template_dir=".github/tpl")
    assert ran.code == 2 and "pr_body.md.j2" in ran.errors[0]
