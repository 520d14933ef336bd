#!/usr/bin/env bash
# The whole test suite, as CI runs it: dependencies, a sanitizer build with
# the unit and integration tests, then the normal build with every test.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash packaging/install-deps.sh

# PostgreSQL and MariaDB: CTest's "servers: start"/"servers: stop" fixture
# (tests/servers/test-servers.sh) runs throwaway servers around the tests that
# need them; export COVET_TEST_POSTGRES_URL and COVET_TEST_MYSQL_URL here to
# use existing servers instead.

cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCOVET_SANITIZE=ON
# Only what the sanitizer run executes: keeps CI within its time budget.
cmake --build build-asan -j2 --target covet_unit_tests covet_integration_tests
# catch_discover_tests drops the space of the "unit: " prefix, so match without it.
ctest --test-dir build-asan -R '^(unit|integration):' --output-on-failure -j2

# The libFuzzer targets (YAML migration loader, field shorthand) under ASan
# and UBSan, 60 s each over their committed corpus; any crash fails the run.
bash tests/fuzz/run-fuzzers.sh 60

cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build -j2
ctest --test-dir build --output-on-failure -j2
