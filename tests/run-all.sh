#!/usr/bin/env bash
# The whole test suite, as CI runs it: dependencies, a sanitizer build with
# the unit, integration and CLI tests, then the normal build with every test.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash packaging/install-deps.sh

# PostgreSQL and MariaDB: CTest's "servers: start"/"servers: stop" fixture
# (tests/servers/test-servers.sh) runs throwaway servers around the tests that
# need them; export COVET_TEST_POSTGRES_URL and COVET_TEST_MYSQL_URL here to
# use existing servers instead.

cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCOVET_SANITIZE=ON
# The covet binary (with its driver modules) and every test program: the CLI
# tests run the sanitized binary, so app/*.cpp, the driver modules and whole
# processes (SIGKILL, concurrency) run under ASan+UBSan too.
cmake --build build-asan -j2 --target covet covet_unit_tests covet_integration_tests \
    covet_cli_tests
# Any finding fails the run: ASan, LSan and UBSan stop at the first error
# (the build already has -fno-sanitize-recover) with exit code 99, which no
# covet command uses, so a test expecting exit 1 cannot mistake a finding for
# an ordinary error. Leaks are checked at every process exit (LSan works as root).
export ASAN_OPTIONS="halt_on_error=1:exitcode=99:detect_leaks=1:abort_on_error=0:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1"
export UBSAN_OPTIONS="halt_on_error=1:exitcode=99:print_stacktrace=1"
# tests/lsan.supp: one leak inside libpq on a server-terminated connection (see there).
export LSAN_OPTIONS="exitcode=99:suppressions=$PWD/tests/lsan.supp"
# catch_discover_tests drops the space of the "unit: " prefix, so match without it.
ctest --test-dir build-asan -R '^(unit|integration|cli|suite):' --output-on-failure -j2
unset ASAN_OPTIONS UBSAN_OPTIONS LSAN_OPTIONS

# The libFuzzer targets (YAML migration loader, field shorthand) under ASan
# and UBSan, 60 s each over their committed corpus; any crash fails the run.
bash tests/fuzz/run-fuzzers.sh 60

cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build -j2
ctest --test-dir build --output-on-failure -j2
