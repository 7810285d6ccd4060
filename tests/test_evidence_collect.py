"""Reading evidence from a real workspace: globs, limits, links and hostile files."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from rte.errors import ConfigError, DocError, RteError, WorkspaceError
from rte.evidence.collect import collect_evidence
from rte.evidence.globs import check_pattern, glob_match
from rte.model import FindingStatus, Level, Location

FIXTURES = Path(__file__).parent / "fixtures" / "evidence"
SECRET = "TOP-SECRET-7f3a9c"


@pytest.fixture()
def workspace(tmp_path: Path) -> Path:
    ws = tmp_path / "ws"
    ws.mkdir()
    return ws


def put(ws: Path, rel: str, source: str | bytes) -> Path:
    path = ws / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(source, bytes):
        path.write_bytes(source)
    else:
        fixture = FIXTURES / source
        assert fixture.is_file(), f"missing fixture {fixture}"
        shutil.copyfile(fixture, path)
    return path


def test_collects_every_kind_with_double_star(workspace: Path) -> None:
    put(workspace, "reports/unit/pytest.xml", "junit/pytest.xml")
    put(
        workspace,
        "services/api/target/failsafe-reports/TEST-x.CartRepositoryIT.xml",
        "junit/target/failsafe-reports/TEST-com.example.shop.CartRepositoryIT.xml",
    )
    put(workspace, "coverage/unit/cobertura-coverage.xml", "coverage/unit/cobertura-coverage.xml")
    put(workspace, "web/coverage/lcov.info", "coverage/lcov.info")
    put(workspace, "scans/trivy.sarif", "sarif/trivy.sarif")
    evidence = collect_evidence(
        workspace,
        junit=("reports/**/*.xml", "**/failsafe-reports/*.xml"),
        coverage=("coverage/**/*.xml", "**/lcov.info"),
        sarif=("scans/*.sarif",),
        levels={},
    )
    assert [(s.level, s.location) for s in evidence.suites] == [
        (Level.UNIT, Location("reports/unit/pytest.xml", 6)),
        (Level.INTEGRATION, Location("services/api/target/failsafe-reports/TEST-x.CartRepositoryIT.xml", 1)),
    ]
    assert [(c.percent, c.level) for c in evidence.coverage] == [(72.31, Level.UNIT), (72.5, None)]
    assert len(evidence.findings) == 3
    assert evidence.problems == ()
    assert evidence.files[0] == "reports/unit/pytest.xml"


def test_pattern_matching_nothing_is_a_notice_not_an_error(workspace: Path) -> None:
    evidence = collect_evidence(
        workspace, junit=("reports/**/*.xml",), coverage=("lcov.info",), sarif=(), levels={}
    )
    assert evidence.empty
    assert [p.message for p in evidence.problems] == [
        "the `junit` pattern `reports/**/*.xml` matched no file",
        "the `coverage` pattern `lcov.info` matched no file",
    ]


def test_unknown_level_is_a_notice_and_levels_mapping_applies(workspace: Path) -> None:
    put(workspace, "out/results.xml", "junit/results.xml")
    plain = collect_evidence(workspace, junit=("out/*.xml",), levels={})
    assert plain.suites[0].level is Level.OTHER
    assert "junit-levels" in plain.problems[0].message
    mapped = collect_evidence(workspace, junit=("out/*.xml",), levels={"out/**": "e2e"})
    assert mapped.suites[0].level is Level.E2E
    assert mapped.problems == ()


def test_each_file_is_read_once(workspace: Path) -> None:
    put(workspace, "reports/unit.xml", "junit/jest-junit.xml")
    evidence = collect_evidence(
        workspace, junit=("reports/*.xml", "**/unit.xml"), coverage=("reports/*",), levels={}
    )
    assert len(evidence.suites) == 1
    assert evidence.files == ("reports/unit.xml",)
    assert evidence.coverage == ()
    assert "both the `junit` and the `coverage`" in evidence.problems[0].message


@pytest.mark.parametrize("pattern", ["../other/*.xml", "/etc/*.xml", "reports/../../x.xml", "C:/x/*.xml", ""])
def test_patterns_leaving_the_workspace_are_refused(workspace: Path, pattern: str) -> None:
    with pytest.raises(ConfigError, match="inside the workspace"):
        collect_evidence(workspace, junit=(pattern,), levels={})


def test_link_to_a_file_outside_is_refused(workspace: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside.xml"
    outside.write_text(f'<testsuite name="{SECRET}"/>')
    (workspace / "reports").mkdir()
    os.symlink(outside, workspace / "reports" / "unit.xml")
    with pytest.raises(WorkspaceError, match="outside the workspace") as err:
        collect_evidence(workspace, junit=("reports/*.xml",), levels={})
    assert SECRET not in str(err.value)


def test_linked_folders_are_not_walked_and_a_linked_prefix_outside_is_refused(
    workspace: Path, tmp_path: Path
) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "unit.xml").write_text('<testsuite name="unit"><testcase name="x"/></testsuite>')
    (workspace / "reports").mkdir()
    os.symlink(outside, workspace / "reports" / "linked")
    walked = collect_evidence(workspace, junit=("reports/**/*.xml",), levels={})
    assert walked.suites == ()
    os.symlink(outside, workspace / "linked")
    with pytest.raises(WorkspaceError):
        collect_evidence(workspace, junit=("linked/*.xml",), levels={})


def test_link_inside_the_workspace_is_fine(workspace: Path) -> None:
    put(workspace, "build/real/unit.xml", "junit/jest-junit.xml")
    os.symlink(workspace / "build" / "real", workspace / "reports")
    evidence = collect_evidence(workspace, junit=("reports/*.xml",), levels={})
    assert evidence.suites[0].location == Location("reports/unit.xml", 1)


def test_size_limit(workspace: Path) -> None:
    put(workspace, "big/unit.xml", b"<testsuite>" + b" " * 2048 + b"</testsuite>")
    with pytest.raises(DocError, match="limit") as err:
        collect_evidence(workspace, junit=("big/*.xml",), levels={}, max_bytes=1024)
    assert err.value.location == Location("big/unit.xml")


def test_billion_laughs_is_refused_naming_the_file_and_line(workspace: Path) -> None:
    put(workspace, "reports/unit.xml", "hostile/billion-laughs.xml")
    with pytest.raises(DocError) as err:
        collect_evidence(workspace, junit=("reports/*.xml",), levels={})
    assert err.value.location == Location("reports/unit.xml", 2)
    assert "DTD" in err.value.message


def xxe_variants(secret_file: Path) -> dict[str, bytes]:
    uri = secret_file.as_uri()
    return {
        "entity": f'<?xml version="1.0"?>\n<!DOCTYPE testsuite [\n  <!ENTITY xxe SYSTEM "{uri}">\n]>\n'
        f'<testsuite name="&xxe;"><testcase name="&xxe;"/></testsuite>\n'.encode(),
        "parameter": f'<?xml version="1.0"?>\n<!DOCTYPE testsuite [<!ENTITY % p SYSTEM "{uri}"> %p;]>\n'
        f"<testsuite/>\n".encode(),
        "external-subset": f'<?xml version="1.0"?>\n<!DOCTYPE testsuite SYSTEM "{uri}">\n'
        f'<testsuite name="&leak;"><testcase name="x"/></testsuite>\n'.encode(),
    }


@pytest.mark.parametrize("variant", ["entity", "parameter", "external-subset"])
def test_external_entities_never_leak_the_target(
    workspace: Path, tmp_path: Path, variant: str, capsys: pytest.CaptureFixture[str]
) -> None:
    secret_file = tmp_path / "secret.dtd"
    secret_file.write_text(f'<!ENTITY leak "{SECRET}">\n{SECRET}\n')
    put(workspace, "reports/unit.xml", xxe_variants(secret_file)[variant])
    put(workspace, "coverage.xml", xxe_variants(secret_file)[variant].replace(b"testsuite", b"coverage"))
    for kwargs in ({"junit": ("reports/*.xml",)}, {"coverage": ("coverage.xml",)}):
        with pytest.raises(DocError) as err:
            collect_evidence(workspace, levels={}, **kwargs)  # type: ignore[arg-type]
        error: RteError = err.value
        assert error.location is not None and error.location.file in ("reports/unit.xml", "coverage.xml")
        for text in (
            str(error),
            repr(error),
            error.message,
            error.tip or "",
            repr(err.value.__cause__),
            repr(err.value.__context__),
        ):
            assert SECRET not in text
    captured = capsys.readouterr()
    assert SECRET not in captured.out + captured.err


def test_sarif_uses_status_and_workspace(workspace: Path) -> None:
    put(workspace, "codeql/results.sarif", "sarif/codeql.sarif")
    evidence = collect_evidence(workspace, sarif=("codeql/*.sarif",), levels={})
    statuses = {f.id: f.status for f in evidence.findings}
    assert statuses["js/reflected-xss"] is FindingStatus.ACCEPTED


def test_check_pattern_and_glob_match() -> None:
    assert check_pattern("./reports\\unit/*.xml", what="x") == "reports/unit/*.xml"
    assert glob_match("**/*.xml", "a.xml")
    assert glob_match("**/*.xml", "a/b/c.xml")
    assert glob_match("a/**/c/*.xml", "a/c/d.xml")
    assert not glob_match("a/*.xml", "a/b/c.xml")
    assert not glob_match("*.xml", "a/b.xml")
