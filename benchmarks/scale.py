"""Time and peak memory of `rte check --all` at N features, against floors measured in the same run.

Run from the repository root:  PYTHONPATH=. python benchmarks/scale.py [--quick | --sizes 100,1000,5000]

For each N it writes a repository of N synthetic features (benchmarks/featuregen.py), then runs, each in
its own subprocess under a small probe that reports wall time, CPU time (the process and its workers) and
peak memory (the largest sum of PSS over the process and its workers, sampled from /proc):

- `python -m rte check --all --workspace DIR --format json` (the thing measured);
- the floor: a process that reads the same files and marko-parses the Markdown ones, nothing else.

For one feature it compares `rte check --feature SLUG` with `python -c "import marko, jinja2, yaml"`, and
lists heavy modules a plain check imports (`python -X importtime`). git/squawk/psql are shimmed on PATH to
count how many subprocesses each run starts. Targets (issue 8): ratio to the floor <= 1.5, time linear
in N, peak memory < 300 MB at 5,000 features, single feature <= 3x the import floor.

rte reads many features on every core it may use (rte/fanout.py); the floor uses one. So the table gives
both the wall-time ratio (what a workflow waits) and the CPU-time ratio (rte's own work on top of the
parse); `--jobs 1` measures the one-process path.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from featuregen import write_repository  # noqa: E402

PYTHON = sys.executable
HEAVY = ("github", "psycopg", "requests", "cryptography", "urllib3", "nacl", "jwt")
SHIMMED = ("git", "squawk", "psql")

# Runs the command in argv[2:], stdout to the file argv[1]; prints wall and CPU seconds (the process and every
# worker it waited for), exit code, and peak memory: the largest single process (`ru_maxrss`) and the
# largest sum of proportional set sizes (PSS) over the process and its children, sampled from /proc every
# 50 ms (rte may fork readers; PSS counts the pages they share with it once).
PROBE = textwrap.dedent(
    """
    import json, resource, subprocess, sys, time

    def pss_kib(pid):
        # Proportional set size: pages shared with forked workers count once, split between them.
        try:
            with open(f"/proc/{pid}/smaps_rollup") as rollup:
                return next(int(l.split()[1]) for l in rollup if l.startswith("Pss:"))
        except (OSError, StopIteration):
            return 0

    def tree(pid):
        try:
            with open(f"/proc/{pid}/task/{pid}/children") as handle:
                kids = [int(k) for k in handle.read().split()]
        except OSError:
            kids = []
        return [pid] + [p for k in kids for p in tree(k)]

    with open(sys.argv[1], "wb") as out:
        start = time.perf_counter()
        child = subprocess.Popen(sys.argv[2:], stdout=out)
        peak = 0
        while child.poll() is None:
            peak = max(peak, sum(pss_kib(p) for p in tree(child.pid)))
            time.sleep(0.05)
        wall = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(json.dumps({"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rc": child.returncode,
                      "rss_kib": usage.ru_maxrss, "tree_kib": max(peak, usage.ru_maxrss)}))
    """
)

# The floor: read every file of every feature folder, marko-parse the Markdown ones (as rte does).
FLOOR = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    import marko
    parser = marko.Markdown(extensions=["gfm"])
    count = 0
    for folder in sorted(Path(sys.argv[1]).iterdir()):
        for path in sorted(folder.iterdir()):
            text = path.read_bytes().decode("utf-8-sig").replace("\\r\\n", "\\n")
            if path.suffix == ".md":
                parser.parse(text)
            count += 1
    print(count)
    """
)

IMPORT_FLOOR = "import marko, jinja2, yaml"


@dataclass(frozen=True)
class Sample:
    wall: float
    cpu: float
    rss_mib: float  # the largest single process
    tree_mib: float  # the largest sum of PSS over the process and its workers at one moment
    rc: int
    output: str


def probe(argv: list[str], env: dict[str, str], repeat: int = 1) -> Sample:
    """Best wall time (and the peak memory of that run) over `repeat` runs of `argv`."""
    best: Sample | None = None
    for _ in range(repeat):
        with tempfile.NamedTemporaryFile(suffix=".out", delete=False) as handle:
            out_path = handle.name
        done = subprocess.run(
            [PYTHON, "-c", PROBE, out_path, *argv], env=env, capture_output=True, text=True, check=True
        )
        data = json.loads(done.stdout)
        output = Path(out_path).read_text(encoding="utf-8", errors="replace")
        os.unlink(out_path)
        sample = Sample(
            data["wall"], data["cpu"], data["rss_kib"] / 1024, data["tree_kib"] / 1024, data["rc"], output
        )
        if best is None or sample.wall < best.wall:
            best = sample
    assert best is not None
    return best


def make_shims(folder: Path, log: Path) -> str:
    """Wrapper scripts for git/squawk/psql that log each call; returns the PATH to use."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in SHIMMED:
        real = shutil.which(name)
        if real is None:
            continue
        script = folder / name
        script.write_text(f'#!/bin/sh\necho "{name} $1" >> "{log}"\nexec "{real}" "$@"\n', encoding="utf-8")
        script.chmod(0o755)
    return f"{folder}{os.pathsep}{os.environ.get('PATH', '')}"


def base_env(path: str) -> dict[str, str]:
    """The environment of a local run: no GitHub Actions variables, the worktree's `rte` first."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "INPUT_", "RUNNER_"))}
    env["PATH"] = path
    env["PYTHONPATH"] = str(HERE.parent) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    return env


def git_init(root: Path) -> None:
    """Commit the generated repository, so git-aware code paths see a real history."""
    quiet = {"check": True, "capture_output": True}
    subprocess.run(["git", "init", "-q", "-b", "main", str(root)], **quiet)  # type: ignore[call-overload]
    subprocess.run(["git", "-C", str(root), "add", "-A"], **quiet)  # type: ignore[call-overload]
    subprocess.run(
        ["git", "-C", str(root), "-c", "user.name=bench", "-c", "user.email=bench@example.invalid",
         "commit", "-q", "-m", "features"],
        **quiet,
    )  # type: ignore[call-overload]  # fmt: skip


def count_calls(log: Path) -> dict[str, int]:
    counts: dict[str, int] = {}
    if log.exists():
        for line in log.read_text(encoding="utf-8").splitlines():
            name = line.split(" ", 1)[0]
            counts[name] = counts.get(name, 0) + 1
        log.unlink()
    return counts


def heavy_imports(env: dict[str, str], workspace: Path, slug: str) -> list[str]:
    done = subprocess.run(
        [PYTHON, "-X", "importtime", "-m", "rte", "check", "--feature", slug,
         "--workspace", str(workspace), "--format", "json"],
        env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    found = set()
    for line in done.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            name = line.rsplit("|", 1)[1].strip()
            if name.split(".")[0] in HEAVY:
                found.add(name.split(".")[0])
    return sorted(found)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="100,1000,5000", help="comma-separated feature counts")
    parser.add_argument("--quick", action="store_true", help="100 features only")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement below 2,000 features")
    parser.add_argument("--keep", metavar="DIR", help="write the repositories here and keep them")
    parser.add_argument("--no-git", action="store_true", help="do not commit the generated repositories")
    parser.add_argument(
        "--jobs", type=int, default=0, help="rte's --jobs (default: automatic; 1 = one process)"
    )
    args = parser.parse_args(argv)
    sizes = [100] if args.quick else [int(s) for s in args.sizes.split(",") if s.strip()]

    # An installed package has its bytecode (pip and the image compile it); so does the measured source tree.
    subprocess.run(
        [PYTHON, "-m", "compileall", "-q", str(HERE.parent / "rte")], check=True, capture_output=True
    )
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="rte-scale-"))
    log = work / "calls.log"
    env = base_env(make_shims(work / "shims", log))
    rows = []
    single: tuple[Sample, Sample, list[str], dict[str, int]] | None = None
    try:
        for n in sizes:
            root = work / f"n{n}"
            if not (root / "docs" / "features").is_dir():
                slugs = write_repository(root, n)
                if not args.no_git:
                    git_init(root)
            else:
                slugs = sorted(p.name for p in (root / "docs" / "features").iterdir())
            repeat = args.repeat if n < 2000 else 1
            count_calls(log)  # forget the calls of git_init
            cmd = [PYTHON, "-m", "rte", "check", "--all", "--workspace", str(root), "--format", "json"]
            cmd += ["--jobs", str(args.jobs)] if args.jobs else []
            rte = probe(cmd, env, repeat)
            calls = {k: v // repeat for k, v in count_calls(log).items()}
            report = json.loads(rte.output)
            checked = len(report["features"])
            failing = sum(1 for f in report["features"] if f["verdict"] == "fail")
            floor = probe([PYTHON, "-c", FLOOR, str(root / "docs" / "features")], env, repeat)
            size = sum(p.stat().st_size for p in (root / "docs" / "features").rglob("*") if p.is_file())
            rows.append((n, rte, floor, checked, failing, calls, size))
            print(f"... N={n}: rte {rte.wall:.2f}s, floor {floor.wall:.2f}s", file=sys.stderr, flush=True)
            if single is None:
                reps = max(args.repeat, 5)
                one = probe(
                    [PYTHON, "-m", "rte", "check", "--feature", slugs[0], "--workspace", str(root),
                     "--format", "json"],
                    env, reps,
                )  # fmt: skip
                one_calls = {k: v // reps for k, v in count_calls(log).items()}
                imports = probe([PYTHON, "-c", IMPORT_FLOOR], env, reps)
                single = (one, imports, heavy_imports(env, root, slugs[0]), one_calls)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)

    print("| N | MB of docs | rte check --all | floor (read + marko) | ratio | CPU: rte / floor | ratio "
          "| ms / feature | peak memory (PSS, all processes) | floor RSS | failing | subprocesses |")  # fmt: skip
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for n, rte, floor, checked, failing, calls, size in rows:
        sub = ", ".join(f"{k} {v}" for k, v in sorted(calls.items())) or "none"
        flag = "" if checked == n and rte.rc in (0, 1) else f" (checked {checked}, exit {rte.rc})"
        cells = [
            f"{n:,}",
            f"{size / 1e6:.1f}",
            f"{rte.wall:.2f} s",
            f"{floor.wall:.2f} s",
            f"{rte.wall / floor.wall:.2f}",
            f"{rte.cpu:.2f} s / {floor.cpu:.2f} s",
            f"{rte.cpu / floor.cpu:.2f}",
            f"{1000 * rte.wall / n:.1f}",
            f"{rte.tree_mib:.0f} MiB",
            f"{floor.rss_mib:.0f} MiB",
            f"{failing}{flag}",
            sub,
        ]
        print("| " + " | ".join(cells) + " |")
    if len(rows) > 1:
        (n0, r0, *_), (n1, r1, *_) = rows[0], rows[-1]
        print(
            f"\nTime growth {n0:,} → {n1:,} features: x{r1.wall / r0.wall:.1f} for x{n1 / n0:.0f} features."
        )
    if single is not None:
        one, imports, heavy, calls = single
        print(
            f"\nSingle feature: `rte check --feature` {one.wall * 1000:.0f} ms, "
            f'`python -c "{IMPORT_FLOOR}"` {imports.wall * 1000:.0f} ms, '
            f"ratio {one.wall / imports.wall:.2f}; "
            f"peak RSS {one.rss_mib:.0f} MiB; heavy modules imported: {', '.join(heavy) or 'none'}; "
            f"subprocesses: {', '.join(f'{k} {v}' for k, v in sorted(calls.items())) or 'none'}."
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
