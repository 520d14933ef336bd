#!/usr/bin/env bash
# Times the ORM against each back end's client library used by hand, on
# SQLite and on throwaway PostgreSQL and MariaDB servers (README.md, "ORM").
# Builds nothing: pass the build directory.
#   bash tests/bench/run_orm.sh [BUILD_DIR]        (default: <repo>/build)
# COVET_BENCH_ORM_SIZES="ITEMS BULK GETS JOINED" (default "1000000 100000 10000 10000"),
# COVET_BENCH_ORM_BATCH rows per INSERT on both sides (default 1000),
# COVET_BENCH_BACKENDS (default "sqlite postgresql mysql"), COVET_BENCH_REPEATS (default 5).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
build=$(cd "${1:-$repo/build}" && pwd)
covet=$build/covet
orm=$build/tests/bench/covet_bench_orm
raw=$build/tests/bench/covet_bench_raw_orm
migrations=$here/orm_migrations
repeats=${COVET_BENCH_REPEATS:-5}
read -r items bulk gets joined <<<"${COVET_BENCH_ORM_SIZES:-1000000 100000 10000 10000}"
books=$((joined * 2)) # the join reads every other book
batch=${COVET_BENCH_ORM_BATCH:-1000}
read -r -a backends <<<"${COVET_BENCH_BACKENDS:-sqlite postgresql mysql}"

for binary in "$covet" "$orm" "$raw"; do
    if [[ ! -x $binary ]]; then
        echo "run_orm.sh: $binary is missing; build it first:" >&2
        echo "  cmake --build $build --target covet covet_bench_orm covet_bench_raw_orm" >&2
        exit 1
    fi
done
[[ -x /usr/bin/time ]] || { echo "run_orm.sh: /usr/bin/time is missing (package 'time')" >&2; exit 1; }

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
source "$here/timing.sh"

fail() {
    echo "run_orm.sh: FAILED: $*" >&2
    cat "$log" >&2
    exit 1
}

# side SIDE ARGS...: one run of the ORM ("covet") or the raw program; sets
# us (the workload's own microseconds) and check (its checksum).
side() {
    local who=$1 line
    shift
    if [[ $who == covet ]]; then
        line=$("$orm" "$url" "$migrations" "$@" 2>"$log") || fail "$backend: covet_bench_orm $*"
    else
        line=$("$raw" "$url" "$@" 2>"$log") || fail "$backend: covet_bench_raw_orm $*"
    fi
    us=$(sed -n 's/.* us=\([0-9]*\) .*/\1/p' <<<"$line")
    check=${line##*check=}
    [[ -n $us && -n $check ]] || fail "$backend: unexpected output '$line'"
}

clear_new_items() { "$raw" "$url" clear 2>"$log" || fail "$backend: clear"; }
nothing() { :; }

declare -A result peak_kb

# pair KEY SETUP ARGS...: $repeats runs of each side, interleaved (covet
# first in even rounds); every run of both sides must print the same checksum,
# or the two did different work and the ratio would mean nothing.
pair() {
    local key=$1 setup=$2 c_us=() r_us=() expected="" who round
    shift 2
    for ((round = 0; round < repeats; round++)); do
        for who in $( ((round % 2)) && echo "raw covet" || echo "covet raw"); do
            $setup
            side "$who" "$@"
            [[ -z $expected ]] && expected=$check
            [[ $check == "$expected" ]] ||
                fail "$backend $key: $who read '$check', expected '$expected'"
            if [[ $who == covet ]]; then c_us+=("$us"); else r_us+=("$us"); fi
        done
    done
    result[$key covet]=$(summary "${c_us[@]}")
    result[$key raw]=$(summary "${r_us[@]}")
}

# peak KEY ARGS...: the peak resident memory of one more run of each side.
peak() {
    local key=$1
    shift
    /usr/bin/time -f %M -o "$work/rss" "$orm" "$url" "$migrations" "$@" >/dev/null 2>"$log" ||
        fail "$backend: peak covet $*"
    peak_kb[$key covet]=$(tail -n 1 "$work/rss")
    /usr/bin/time -f %M -o "$work/rss" "$raw" "$url" "$@" >/dev/null 2>"$log" ||
        fail "$backend: peak raw $*"
    peak_kb[$key raw]=$(tail -n 1 "$work/rss")
}

env_value() { sed -n "s/^$1=//p" "$servers/servers.env"; }
start_servers() {
    [[ -f $servers/servers.env ]] && return 0
    echo "starting throwaway servers..." >&2
    bash "$repo/tests/servers/test-servers.sh" start "$servers" >/dev/null
}
# A fresh database of `backend`; sets url.
fresh_database() {
    case $backend in
    sqlite) url="sqlite:///$work/orm.db" ;;
    postgresql)
        start_servers
        psql -q "$(env_value COVET_TEST_POSTGRES_ADMIN_URL)" -c "CREATE DATABASE orm_bench OWNER covet"
        url=$(env_value COVET_TEST_POSTGRES_URL)
        url="${url%/*}/orm_bench"
        ;;
    mysql)
        start_servers
        local admin host
        admin=$(env_value COVET_TEST_MYSQL_ADMIN_URL)
        host=${admin#*@}
        host=${host%%/*}
        mariadb -h "${host%:*}" -P "${host##*:}" -u root -e "CREATE DATABASE orm_bench"
        url=$(env_value COVET_TEST_MYSQL_URL)
        url="${url%/*}/orm_bench"
        ;;
    *) echo "run_orm.sh: unknown back end $backend" >&2 && exit 1 ;;
    esac
}

for backend in "${backends[@]}"; do
    echo "$backend: creating and filling $items items, $books books..." >&2
    fresh_database
    "$covet" -q -d "$url" -m "$migrations" migrate >"$log" 2>&1 || fail "$backend: migrate"
    "$raw" "$url" fill "$items" "$books" "$batch" 2>"$log" || fail "$backend: fill"
    echo "$backend: measuring..." >&2
    pair "$backend iterate" nothing iterate
    peak "$backend iterate" iterate
    pair "$backend typed" nothing typed
    pair "$backend bulk" clear_new_items bulk "$bulk" "$batch"
    pair "$backend get" nothing get "$gets" "$items"
    pair "$backend join" nothing join
done

echo
echo "ORM vs the raw client library: median (min-max) ms of $repeats interleaved runs, the"
echo "workload's own time as each program measures it (connecting and loading the models"
echo "excluded); both sides printed the same checksum of what they read in every run."
row() { printf '%-11s %-34s %24s %24s %8s %7s\n' "$@"; }
row "back end" "workload" "ORM" "raw" "ORM/raw" "target"
for backend in "${backends[@]}"; do
    for workload in iterate typed bulk get join; do
        case $workload in
        iterate) label="iterator() over $items rows" target=1.3 ;;
        typed) label="Objects<Item> stream, $items rows" target=1.15 ;;
        bulk) label="bulk_create $bulk (batch $batch)" target=1.2 ;;
        get) label="$gets x get(pk=...)" target=1.5 ;;
        join) label="filter+select_related, $joined rows" target=1.3 ;;
        esac
        key="$backend $workload"
        row "$backend" "$label" "$(spread "${result[$key covet]}")" "$(spread "${result[$key raw]}")" \
            "$(ratio "$(median_of "${result[$key covet]}")" "$(median_of "${result[$key raw]}")")" \
            "$target"
    done
done

echo
echo "peak RSS of the iterate run, whole process (target: ORM within 20 MB of raw)"
for backend in "${backends[@]}"; do
    c=${peak_kb[$backend iterate covet]} r=${peak_kb[$backend iterate raw]}
    awk -v b="$backend" -v c="$c" -v r="$r" \
        'BEGIN { printf "%-11s ORM %8.1f MB   raw %8.1f MB   difference %+.1f MB\n", b, c / 1024, r / 1024, (c - r) / 1024 }'
done
