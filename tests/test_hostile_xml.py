"""Evidence XML from a pull request: entity bombs, external entities and DTDs are refused through the action."""

from __future__ import annotations

import pytest

from tests.conftest import write
from tests.hostile import SECRET, outside_dir, run_action

LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
    + "".join(
        f' <!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">\n'
        for i in range(1, 10)
    )
    + ']>\n<testsuite name="&lol9;" tests="1"><testcase name="t"/></testsuite>\n'
)
XXE = (
    '<?xml version="1.0"?>\n<!DOCTYPE t [<!ENTITY x SYSTEM "file://{path}">]>\n'
    '<testsuite name="&x;" tests="1"><testcase name="t"/></testsuite>\n'
)
DTD = '<?xml version="1.0"?>\n<!DOCTYPE testsuite [<!ELEMENT testsuite ANY>]>\n<testsuite tests="1"/>\n'
EXTERNAL_DTD = (
    '<?xml version="1.0"?>\n<!DOCTYPE testsuite SYSTEM "file://{path}">\n'
    '<testsuite name="s" tests="1"><testcase name="t"/></testsuite>\n'
)


@pytest.mark.parametrize("kind", ["laughs", "xxe", "dtd"])
def test_hostile_junit_is_refused_naming_the_file(example_ws, tmp_path, kind):
    secret = outside_dir(tmp_path) / "secret.md"
    text = {"laughs": LAUGHS, "xxe": XXE.format(path=secret), "dtd": DTD}[kind]
    write(example_ws / "reports/junit.xml", text)
    ran = run_action(example_ws, tmp_path, feature="invoice-links", junit="reports/*.xml")
    assert ran.code == 2, ran.stdout
    assert len(ran.errors) == 1 and "reports/junit.xml" in ran.errors[0] + str(ran.commands)
    assert SECRET not in ran.everything() and "lollol" not in ran.everything()


def test_a_bare_external_dtd_is_never_loaded(example_ws, tmp_path):
    secret = outside_dir(tmp_path) / "secret.md"
    write(example_ws / "reports/junit.xml", EXTERNAL_DTD.format(path=secret))
    ran = run_action(example_ws, tmp_path, feature="invoice-links", junit="reports/*.xml")
    assert ran.code in (0, 1) and SECRET not in ran.everything()
