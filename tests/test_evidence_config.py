"""The evidence inputs and the `junit-levels` config key, through Settings."""

from __future__ import annotations

from pathlib import Path

import pytest

from rte.config import parse_config
from rte.errors import ConfigError
from rte.model import Location
from rte.settings import INPUTS_BY_NAME, Settings

CONFIG = """\
junit:
  - reports/junit/**/*.xml
  - '**/failsafe-reports/*.xml'
coverage: coverage/cobertura.xml
sarif: scans/*.sarif
min-coverage: 80
junit-levels:
  'reports/junit/api/**': integration
  reports/junit/ui/*.xml: end-to-end
waivers:
  - id: js/sql-injection
    reason: parameterised in #812
    approved-by: '@org/security'
    expires: 2026-06-30
"""


def write_config(ws: Path, text: str) -> None:
    (ws / ".github").mkdir(exist_ok=True)
    (ws / ".github" / "rte.yml").write_text(text)


def test_config_file_values(tmp_path: Path) -> None:
    write_config(tmp_path, CONFIG)
    settings = Settings.build(tmp_path, {})
    assert settings.junit == ("reports/junit/**/*.xml", "**/failsafe-reports/*.xml")
    assert settings.coverage == ("coverage/cobertura.xml",)
    assert settings.sarif == ("scans/*.sarif",)
    assert settings.min_coverage == 80.0
    assert dict(settings.junit_levels) == {
        "reports/junit/api/**": "integration",
        "reports/junit/ui/*.xml": "e2e",
    }
    assert settings.waivers[0].id == "js/sql-injection"


def test_inputs_beat_the_config_file(tmp_path: Path) -> None:
    write_config(tmp_path, CONFIG)
    env = {"GITHUB_WORKSPACE": str(tmp_path), "INPUT_JUNIT": "a.xml\nb/*.xml", "INPUT_SARIF": ""}
    settings = Settings.from_env(env)
    assert settings.junit == ("a.xml", "b/*.xml")
    assert settings.sarif == ("scans/*.sarif",)  # an empty input leaves the config value


def test_defaults_are_empty(tmp_path: Path) -> None:
    settings = Settings.build(tmp_path, {})
    assert (settings.junit, settings.coverage, settings.sarif, dict(settings.junit_levels)) == (
        (),
        (),
        (),
        {},
    )
    for name in ("junit", "coverage", "sarif"):
        assert INPUTS_BY_NAME[name].kind == "list" and INPUTS_BY_NAME[name].default == ""
    assert "junit-levels" not in INPUTS_BY_NAME


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("junit-levels:\n  reports/*.xml: smoke\n", 2, "unknown test level 'smoke'"),
        ("junit-levels:\n  - reports/*.xml\n", 2, "must be a mapping"),
        ("junit-levels:\n  '../x/*.xml': unit\n", 2, "inside the workspace"),
        ("junit-levels:\n  a.xml: [unit]\n", 2, "write one level"),
        ("junit-level:\n  a.xml: unit\n", 1, "did you mean `junit-levels`"),
    ],
)
def test_bad_junit_levels_name_the_line(text: str, line: int, message: str) -> None:
    with pytest.raises(ConfigError, match=message) as err:
        parse_config(text, ".github/rte.yml")
    assert err.value.location == Location(".github/rte.yml", line)
