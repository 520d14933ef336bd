#!/usr/bin/env bash
# The whole test suite, as CI runs it: dependencies, a sanitizer build with
# the unit and integration tests, then the normal build with every test.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash packaging/install-deps.sh

# Hook for issue 4: start throwaway PostgreSQL and MariaDB servers here (with
# a trap that stops them on every exit path) and export their URLs, so the
# integration tests below also run on those back ends.

cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCOVET_SANITIZE=ON
cmake --build build-asan -j2
ctest --test-dir build-asan -R '^(unit|integration): ' --output-on-failure -j2

cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build -j2
ctest --test-dir build --output-on-failure -j2
