#!/usr/bin/env bash
# Builds the libFuzzer targets with clang 14 (ASan + UBSan) in build-fuzz and
# runs each for a fixed budget over its committed seed corpus. Fails on any
# crash, sanitizer report, leak, uncaught exception or input slower than the
# per-input timeout. New inputs go to a temporary directory, never into the
# repository's corpus.
#   tests/fuzz/run-fuzzers.sh [SECONDS_PER_TARGET]   (default 60)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."
budget=${1:-60}
targets=(yaml_loader field_shorthand shell_statement)

# -O1 with line tables: quick to build, fast enough to fuzz, readable stacks;
# a Debug build keeps assertions on.
CC=clang-14 CXX=clang++-14 cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=Debug \
    -DCMAKE_CXX_FLAGS_DEBUG="-O1 -gline-tables-only" -DCOVET_FUZZ=ON -DCOVET_BUILD_TESTS=OFF
cmake --build build-fuzz -j2 --target "${targets[@]/#/fuzz_}"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for target in "${targets[@]}"; do
    mkdir -p "$work/$target"
    echo "fuzz: $target for ${budget}s"
    build-fuzz/tests/fuzz/fuzz_"$target" -max_total_time="$budget" -timeout=10 -max_len=4096 \
        -print_final_stats=1 -artifact_prefix="$work/$target/crash-" \
        "$work/$target" "tests/fuzz/corpus/$target"
done
