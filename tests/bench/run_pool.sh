#!/usr/bin/env bash
# Times covet's connection pool against raw libpqxx connections, one per
# thread, on a throwaway PostgreSQL server (README.md, "Pool, transactions
# and async"): THREADS threads, an 80/20 mix of single-row reads and writes,
# SECONDS seconds per run. Builds nothing: pass the build directory.
#   bash tests/bench/run_pool.sh [BUILD_DIR]
# COVET_BENCH_POOL="THREADS CONNECTIONS SECONDS ITEMS" (default "16 8 10 10000"),
# COVET_BENCH_REPEATS (default 2; sides interleaved).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
build=$(cd "${1:-$repo/build}" && pwd)
covet=$build/covet
bench=$build/tests/bench/covet_bench_pool
raw=$build/tests/bench/covet_bench_raw_orm
migrations=$here/orm_migrations
repeats=${COVET_BENCH_REPEATS:-2}
read -r threads connections seconds items <<<"${COVET_BENCH_POOL:-16 8 10 10000}"

for binary in "$covet" "$bench" "$raw"; do
    if [[ ! -x $binary ]]; then
        echo "run_pool.sh: $binary is missing; build it first:" >&2
        echo "  cmake --build $build --target covet covet_bench_pool covet_bench_raw_orm" >&2
        exit 1
    fi
done

work=$(mktemp -d)
servers=$work/servers
cleanup() {
    if [[ -f $servers/servers.env ]]; then
        bash "$repo/tests/servers/test-servers.sh" stop "$servers" >/dev/null 2>&1 || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT
log=$work/stderr.log
fail() {
    echo "run_pool.sh: FAILED: $*" >&2
    cat "$log" >&2
    exit 1
}
env_value() { sed -n "s/^$1=//p" "$servers/servers.env"; }

echo "starting a throwaway PostgreSQL server..." >&2
bash "$repo/tests/servers/test-servers.sh" start "$servers" >/dev/null
psql -q "$(env_value COVET_TEST_POSTGRES_ADMIN_URL)" -c "CREATE DATABASE pool_bench OWNER covet"
url=$(env_value COVET_TEST_POSTGRES_URL)
url="${url%/*}/pool_bench"
"$covet" -q -d "$url" -m "$migrations" migrate >"$log" 2>&1 || fail "migrate"
"$raw" "$url" fill "$items" 0 1000 2>"$log" || fail "fill"

declare -A rate acquire solo
for mode in raw pool orm; do rate[$mode]=""; acquire[$mode]=""; solo[$mode]=""; done
for ((round = 0; round < repeats; round++)); do
    order="raw pool orm"
    ((round % 2)) && order="orm pool raw"
    for mode in $order; do
        echo "round $((round + 1)): $mode..." >&2
        line=$("$bench" "$url" "$migrations" "$mode" "$threads" "$connections" "$seconds" \
            "$items" 2>"$log") || fail "$mode"
        rate[$mode]+="$(sed -n 's/.*ops_per_s=\([0-9]*\).*/\1/p' <<<"$line") "
        acquire[$mode]+="$(sed -n 's/.* acquire_us=\([0-9.]*\).*/\1/p' <<<"$line") "
        solo[$mode]+="$(sed -n 's/.*solo_acquire_us=\([0-9.]*\).*/\1/p' <<<"$line") "
    done
done

mean() { awk '{ s = 0; for (i = 1; i <= NF; i++) s += $i; printf "%.0f", s / NF }' <<<"$1"; }
mean2() { awk '{ s = 0; for (i = 1; i <= NF; i++) s += $i; printf "%.2f", s / NF }' <<<"$1"; }
raw_rate=$(mean "${rate[raw]}")
echo
echo "$threads threads, 80/20 single-row reads/writes for ${seconds}s, PostgreSQL; mean of $repeats runs"
printf '%-44s %10s %8s %16s %14s\n' "side" "ops/s" "vs raw" "acquire+wait us" "acquire us"
printf '%-44s %10s %8s %16s %14s\n' "raw libpqxx, one connection per thread" "$raw_rate" "1.00" "-" "-"
for mode in pool orm; do
    label="covet pool of $connections, Connection API"
    [[ $mode == orm ]] && label="covet pool of $connections, ORM QuerySet"
    r=$(mean "${rate[$mode]}")
    printf '%-44s %10s %8s %16s %14s\n' "$label" "$r" \
        "$(awk -v a="$r" -v b="$raw_rate" 'BEGIN { printf "%.2f", a / b }')" \
        "$(mean2 "${acquire[$mode]}")" "$(mean2 "${solo[$mode]}")"
done
echo "(target: pool >= 0.85 x raw. acquire+wait: mean time in Pool::acquire during the run,"
echo " waiting for one of the $connections connections included; acquire: one lease taken and"
echo " returned on one thread without contention, the pool's own cost)"
