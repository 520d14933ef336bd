#!/usr/bin/env bash
# Installs every Debian package covet needs to build, test and benchmark
# (SPEC.md §1 plus build tools). Safe to run any number of times.
set -euo pipefail

packages=(
    # Libraries of SPEC.md §1.
    libcli11-dev
    libpqxx-dev
    libmysqlcppconn-dev
    libsqlite3-dev
    libssl-dev
    catch2
    libedit-dev
    # libyaml parses migration files: about ten times faster than yaml-cpp,
    # which SPEC.md §1 names (see core/src/yaml/yaml_document.h).
    libyaml-dev
    # JSON values: parsed, compared and written with nlohmann-json.
    nlohmann-json3-dev
    # Test servers, started by the tests themselves.
    postgresql
    mariadb-server
    # Build tools.
    cmake
    ninja-build
    g++
    pkg-config
    # The .deb test (tests/packaging/deb_test.sh): lintian checks the packages
    # cpack builds; file tells a stripped binary.
    lintian
    file
    # libFuzzer targets (tests/fuzz): clang 14 and its fuzzer/sanitizer runtimes.
    clang-14
    libclang-rt-14-dev
    # The reference implementation (SPEC.md §1): Django 3.2 and its drivers,
    # for the test where Django and covet share a database on each back end
    # (tests/django/django_same_database.py, run by /usr/bin/python3).
    python3-django
    python3-psycopg2
    python3-mysqldb
    # Benchmark: history generator and peak-memory measurement.
    python3
    time
)

if [[ $(id -u) -eq 0 ]]; then
    as_root=()
elif command -v sudo >/dev/null 2>&1; then
    as_root=(sudo)
else
    echo "install-deps.sh: must run as root (sudo is not available)" >&2
    exit 1
fi

all_installed() {
    local package status
    for package in "${packages[@]}"; do
        status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
        [[ $status == "install ok installed" ]] || return 1
    done
}

log=$(mktemp)
trap 'rm -f "$log"' EXIT

# apt's progress goes to the log; it is shown only when a step fails.
run_quietly() {
    if ! "$@" >"$log" 2>&1; then
        cat "$log" >&2
        return 1
    fi
}

export DEBIAN_FRONTEND=noninteractive

if ! run_quietly "${as_root[@]}" apt-get update -q; then
    # An offline machine that already has everything can still build and test.
    if all_installed; then
        echo "install-deps.sh: apt-get update failed, but every package is installed" >&2
        exit 0
    fi
    echo "install-deps.sh: apt-get update failed" >&2
    exit 1
fi

if ! run_quietly "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -q --no-install-recommends "${packages[@]}"; then
    echo "install-deps.sh: apt-get install failed" >&2
    exit 1
fi
