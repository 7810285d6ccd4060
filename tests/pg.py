"""A throwaway PostgreSQL server for tests: Debian's binaries in a temp dir, or RTE_TEST_DATABASE_URL.

Import the `pg_url` fixture from here in a test module (`from tests.pg import pg_url`). Without
PostgreSQL binaries the tests fail with a message saying how to install them, unless RTE_SKIP_PG=1.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

INSTALL = (
    "PostgreSQL server binaries not found: install them (`apt-get install -y postgresql`, or run "
    "scripts/ci-postgres.sh), set RTE_TEST_DATABASE_URL to a server rte may create databases on, "
    "or set RTE_SKIP_PG=1 to skip these tests on purpose"
)


def _bindir() -> Path | None:
    for initdb in sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True):
        return Path(initdb).parent
    found = shutil.which("initdb")
    return Path(found).resolve().parent if found else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _as_user(user: str | None, command: list[str]) -> list[str]:
    return ["runuser", "-u", user, "--", *command] if user else command


def _server_user() -> str | None:
    """PostgreSQL refuses to run as root: use the `postgres` account (else `nobody`) when we are root."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
            return name
        except KeyError:
            continue
    pytest.fail("running as root and no `postgres` or `nobody` account exists to run the test server")


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    """A superuser URL to a running server, on which tests may create and drop databases."""
    given = os.environ.get("RTE_TEST_DATABASE_URL")
    if given:
        yield given
        return
    if os.environ.get("RTE_SKIP_PG") == "1":
        pytest.skip("RTE_SKIP_PG=1: PostgreSQL tests skipped on purpose")
    bindir = _bindir()
    if bindir is None:
        pytest.fail(INSTALL)
    user = _server_user()
    root = Path(tempfile.mkdtemp(prefix="rte-pg-"))
    data, sockets = root / "data", root / "sock"
    sockets.mkdir()
    if user:
        entry = pwd.getpwnam(user)
        for path in (root, sockets):
            os.chown(path, entry.pw_uid, entry.pw_gid)
    port = _free_port()
    try:
        subprocess.run(
            _as_user(
                user,
                [
                    str(bindir / "initdb"),
                    "-D",
                    str(data),
                    "-U",
                    "postgres",
                    "-A",
                    "trust",
                    "--no-sync",
                    "-E",
                    "UTF8",
                ],
            ),
            check=True,
            capture_output=True,
            text=True,
        )
        options = f"-c listen_addresses=127.0.0.1 -p {port} -k {sockets} -c fsync=off"
        subprocess.run(
            _as_user(
                user,
                [
                    str(bindir / "pg_ctl"),
                    "-D",
                    str(data),
                    "-o",
                    options,
                    "-l",
                    str(root / "server.log"),
                    "-w",
                    "-t",
                    "60",
                    "start",
                ],
            ),
            check=True,
            capture_output=True,
            text=True,
        )
    except subprocess.CalledProcessError as exc:
        log = (root / "server.log").read_text() if (root / "server.log").exists() else ""
        shutil.rmtree(root, ignore_errors=True)
        pytest.fail(f"could not start the test PostgreSQL server: {exc.stderr}\n{log}")
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(
            _as_user(user, [str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"]),
            check=False,
            capture_output=True,
        )
        shutil.rmtree(root, ignore_errors=True)
