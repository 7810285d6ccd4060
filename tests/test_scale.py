"""The speed-related behaviour: reports streamed per feature, `check` rendering only what it prints."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.featuregen import feature, write_repository
from rte.docs import feature_folders, load_feature
from rte.model import FindingStatus, Location, Problem, Severity
from rte.pipeline import run
from rte.report import feature_json, to_json
from rte.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "acme-shop"


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("scale")
    write_repository(root, 12)
    shutil.copytree(EXAMPLE / "docs", root / "docs", dirs_exist_ok=True)  # adds two hand-written features
    return root


def _settings(root: Path, out: Path | None = None) -> Settings:
    return Settings.build(root, {"all-features": "true"}, out_dir=out)


@pytest.mark.parametrize("count", [0, 1, 14])
def test_streamed_report_is_exactly_the_indented_dump(repo: Path, count: int) -> None:
    result = run(_settings(repo), outputs=frozenset())
    reports = result.evaluation.features[:count]
    evaluation = type(result.evaluation)(reports, (Problem("bad front matter", Location("a.md", 3)),))
    expected = {
        "schema": "rte-report/1",
        "verdict": evaluation.verdict,
        "risk_level": evaluation.risk_level,
        "features": [feature_json(r, result.ctx, {}) for r in reports],
        "errors": [p.to_json() for p in evaluation.errors],
    }
    assert to_json(evaluation, result.ctx, {}) == json.dumps(expected, indent=2, ensure_ascii=False) + "\n"


def test_write_report_streams_the_same_text(repo: Path) -> None:
    result = run(_settings(repo), outputs=frozenset())
    stream = io.StringIO()
    result.write_report(stream)
    assert stream.getvalue() == result.report_json
    assert len(json.loads(stream.getvalue())["features"]) == 14


def test_check_renders_nothing_it_does_not_print(repo: Path) -> None:
    result = run(_settings(repo), outputs=frozenset())
    assert result.rendered.pr_bodies == {} and result.rendered.plans == {} and result.rendered.summary == ""
    summary_only = run(_settings(repo), outputs=frozenset({"summary"}))
    assert summary_only.rendered.plans == {} and "invoice-links" in summary_only.rendered.summary


def test_write_renders_and_writes_everything(repo: Path, tmp_path: Path) -> None:
    work = tmp_path / "ws"
    shutil.copytree(repo, work)
    result = run(_settings(work, tmp_path / "out"), write=True, outputs=frozenset())
    assert (
        set(result.rendered.plans)
        == set(result.rendered.pr_bodies)
        == {r.feature.slug for r in result.evaluation.features}
    )
    assert result.report_file is not None
    assert Path(result.report_file).read_text(encoding="utf-8") == result.report_json
    assert (work / "docs/features/invoice-links/07-release-plan.md").is_file()


def test_cli_check_json_is_the_report_and_loads_no_template(repo: Path) -> None:
    code = (
        "import sys; from rte.cli import main; rc = main(sys.argv[1:]); "
        "sys.stderr.write(' '.join(m for m in sys.modules if m.split('.')[0] in "
        "('jinja2', 'github', 'psycopg', 'requests', 'cryptography'))); sys.exit(rc)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, "check", "--all", "--workspace", str(repo), "--format", "json"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert done.returncode in (0, 1), done.stderr
    assert done.stderr.strip() == ""  # none of those modules was imported
    assert len(json.loads(done.stdout)["features"]) == 14


def test_generated_feature_is_read_as_intended(tmp_path: Path) -> None:
    slug, files, shared = feature(3)
    assert len(files) == 6 and sum(len(t) for t in files.values()) > 5_000
    write_repository(tmp_path, 4)
    folder = feature_folders(tmp_path, "docs/features", (slug,))[0]
    loaded = load_feature(tmp_path, folder)
    assert set(loaded.documents) == {"bsa", "architecture", "migration", "security", "documentation", "tests"}
    assert loaded.problems == ()
    assert len(loaded.acceptance) >= 4 and loaded.env_vars and loaded.metrics and loaded.alerts
    assert loaded.security is not None and loaded.security.score
    findings = loaded.security.findings
    assert len(findings) >= 3 and all(f.severity is not Severity.UNKNOWN for f in findings)
    assert all(f.status is not FindingStatus.UNKNOWN for f in findings)
    assert [s.level.value for s in loaded.suites] == ["unit", "integration", "e2e"]
    assert all((tmp_path / path).is_file() for path in shared)


def test_generator_is_deterministic_and_varied() -> None:
    assert feature(5) == feature(5)
    sizes = {len(feature(i)[1]["01-bsa-analysis.md"]) for i in range(20)}
    assert len(sizes) > 10


def _cli_report(root: Path, *flags: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "rte", "check", "--all", "--workspace", str(root), "--format", "json", *flags],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )


@pytest.mark.skipif(sys.platform != "linux", reason="rte forks readers on Linux only")
def test_reading_on_several_processes_gives_the_same_report(repo: Path) -> None:
    one = _cli_report(repo, "--jobs", "1")
    three = _cli_report(repo, "--jobs", "3")
    assert one.returncode == three.returncode == 1, one.stderr + three.stderr
    assert three.stdout == one.stdout
    assert [f["slug"] for f in json.loads(three.stdout)["features"]] == sorted(
        p.name for p in (repo / "docs" / "features").iterdir()
    )


def test_a_negative_jobs_count_is_a_usage_error(repo: Path) -> None:
    done = _cli_report(repo, "--jobs", "-2")
    assert done.returncode == 2
    assert "--jobs -2" in done.stderr and "Traceback" not in done.stderr


def test_workers_follow_the_feature_count_and_the_jobs_setting() -> None:
    from rte.fanout import MIN_PER_WORKER, cores, workers_for

    if sys.platform != "linux":
        assert workers_for(10_000) == 1
        return
    assert workers_for(MIN_PER_WORKER - 1) == 1  # too few to pay for a fork
    assert workers_for(MIN_PER_WORKER * 64) == min(cores(), 64)
    assert workers_for(10_000, jobs=1) == 1
    assert workers_for(3, jobs=8) == 3  # never more processes than features


def test_an_error_raised_in_a_reader_process_reaches_the_user_whole() -> None:
    import pickle

    from rte.errors import DocError

    error = DocError("cannot read", Location("docs/features/a/04-security-audit.md", 7), tip="save as UTF-8")
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is DocError
    assert (again.message, again.location, again.tip) == (error.message, error.location, error.tip)


def _dies_in_a_worker(parent: int, value: int) -> int:
    import os

    if os.getpid() != parent:
        os._exit(3)  # a worker killed mid-run (the kernel's OOM killer, a process limit)
    return value * 2


@pytest.mark.skipif(sys.platform != "linux", reason="rte forks readers on Linux only")
def test_a_dead_worker_means_reading_again_in_one_process_not_a_failed_run() -> None:
    import os
    from functools import partial

    from rte.fanout import ordered_map

    values = list(range(40))
    assert ordered_map(partial(_dies_in_a_worker, os.getpid()), values, 2) == [v * 2 for v in values]
