#!/usr/bin/env bash
# Checks that CTest runs every Catch2 test case of one test binary, each
# exactly once: the names `ctest -N` lists under PREFIX must be exactly the
# names `BINARY --list-test-names-only` prints. catch_discover_tests splits a
# name at ';' into two CTest entries that match no test case (and Catch2
# passes a filter that matches nothing unless given -w NoTests), so such a
# test would silently never run.
#   check-test-list.sh BUILD_DIR BINARY PREFIX
set -euo pipefail

build_dir=$1
binary=$2
prefix=$3

catch_names=$(mktemp)
ctest_names=$(mktemp)
trap 'rm -f "$catch_names" "$ctest_names"' EXIT

# Catch2 2.x exits with the number of test cases it listed, not 0.
listed=$(mktemp)
trap 'rm -f "$catch_names" "$ctest_names" "$listed"' EXIT
"$binary" --list-test-names-only >"$listed" || true
sed '/^[[:space:]]*$/d' "$listed" | LC_ALL=C sort >"$catch_names"
# ctest -N prints "  Test #12: <name>"; keep the names under PREFIX, prefix removed.
ctest --test-dir "$build_dir" -N |
    sed -n 's/^ *Test *#[0-9]*: //p' |
    awk -v prefix="$prefix" 'index($0, prefix) == 1 { print substr($0, length(prefix) + 1) }' |
    sed 's/^ *//' | LC_ALL=C sort >"$ctest_names"

catch_count=$(wc -l <"$catch_names")
ctest_count=$(wc -l <"$ctest_names")
echo "$binary: $catch_count Catch2 test cases, $ctest_count CTest tests under '$prefix'"
if [[ $catch_count -eq 0 ]]; then
    echo "no Catch2 test cases listed" >&2
    exit 1
fi
if ! diff -u --label "Catch2 test cases" --label "CTest tests" "$catch_names" "$ctest_names"; then
    echo "CTest does not run exactly the Catch2 test cases (a name with ';'?)" >&2
    exit 1
fi
