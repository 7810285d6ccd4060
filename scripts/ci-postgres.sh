#!/usr/bin/env sh
# Make sure PostgreSQL server binaries (initdb, pg_ctl) exist for the migration tests.
# Installs Debian's `postgresql` package when they are missing; does nothing otherwise.
# The tests start their own throwaway server from these binaries (see tests/pg.py).
set -eu

found=""
for initdb in /usr/lib/postgresql/*/bin/initdb; do
    if [ -x "$initdb" ]; then
        found="$initdb"
    fi
done
if [ -z "$found" ] && command -v initdb >/dev/null 2>&1; then
    found="$(command -v initdb)"
fi

if [ -n "$found" ]; then
    echo "PostgreSQL binaries found: $found"
    exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "PostgreSQL binaries are missing and apt-get is not available: install PostgreSQL's server" >&2
    echo "package with your system's package manager, or set RTE_TEST_DATABASE_URL." >&2
    exit 1
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi
echo "PostgreSQL binaries not found: installing Debian's postgresql package"
$SUDO apt-get update
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends postgresql
# Debian creates and starts a default cluster; the tests do not use it.
for initdb in /usr/lib/postgresql/*/bin/initdb; do
    echo "PostgreSQL binaries installed: $initdb"
done
