#!/usr/bin/env bash
# Times covet against the raw sqlite3 C API on generated migration histories
# and prints a table (see README.md). Builds nothing: pass the build directory.
#   bash tests/bench/run.sh [BUILD_DIR]        (default: <repo>/build)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
build=$(cd "${1:-$repo/build}" && pwd)
covet=$build/covet
raw=$build/tests/bench/covet_bench_raw_sqlite
repeats=${COVET_BENCH_REPEATS:-5}
read -r -a sizes <<<"${COVET_BENCH_SIZES:-250 500 1000}"

for binary in "$covet" "$raw"; do
    if [[ ! -x $binary ]]; then
        echo "run.sh: $binary is missing; build it first:" >&2
        echo "  cmake --build $build --target covet covet_bench_raw_sqlite" >&2
        exit 1
    fi
done
if [[ ! -x /usr/bin/time ]]; then
    echo "run.sh: /usr/bin/time is missing (Debian package 'time')" >&2
    exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db=$work/bench.db
log=$work/stderr.log

source "$here/timing.sh"

remove_db() { rm -f "$1" "$1-wal" "$1-shm" "$1-journal"; }
# A WAL file left behind holds committed pages: it travels with the database.
copy_db() {
    remove_db "$2"
    cp "$1" "$2"
    if [[ -f $1-wal ]]; then cp "$1-wal" "$2-wal"; fi
}

# Runs a command with stdout to $out (default /dev/null); on failure shows
# its stderr and stops the whole benchmark.
out=/dev/null
checked() {
    if ! "$@" >"$out" 2>"$log"; then
        echo "run.sh: failed: $*" >&2
        cat "$log" >&2
        exit 1
    fi
}

# Results by key ("migrate 500 covet" and so on): "median min max" of wall
# and CPU milliseconds.
declare -A wall cpu peak_kb

# single KEY SETUP RUN: $repeats timed runs of one side (covet's own cost).
single() {
    local key=$1 setup=$2 run=$3 walls=() cpus=()
    for ((round = 0; round < repeats; round++)); do
        $setup
        timed checked "$run"
        walls+=("$wall_us") cpus+=("$cpu_us")
    done
    wall[$key]=$(summary "${walls[@]}") cpu[$key]=$(summary "${cpus[@]}")
}

# pair KEY COVET_SETUP COVET_RUN RAW_SETUP RAW_RUN: $repeats runs of each
# side, interleaved (covet first in even rounds, raw first in odd ones), so
# that a slow spell of the machine falls on both sides alike.
pair() {
    local key=$1 c_walls=() c_cpus=() r_walls=() r_cpus=() side
    for ((round = 0; round < repeats; round++)); do
        for side in $( ((round % 2)) && echo "raw covet" || echo "covet raw"); do
            if [[ $side == covet ]]; then
                $2
                timed checked "$3"
                c_walls+=("$wall_us") c_cpus+=("$cpu_us")
            else
                $4
                timed checked "$5"
                r_walls+=("$wall_us") r_cpus+=("$cpu_us")
            fi
        done
    done
    wall[$key covet]=$(summary "${c_walls[@]}") cpu[$key covet]=$(summary "${c_cpus[@]}")
    wall[$key raw]=$(summary "${r_walls[@]}") cpu[$key raw]=$(summary "${r_cpus[@]}")
}

# peak KEY SETUP COMMAND...: one more run under /usr/bin/time for the peak
# resident memory (kept out of the timed runs so the wrapper costs them nothing).
peak() {
    local key=$1
    $2
    shift 2
    checked /usr/bin/time -f %M -o "$work/rss" "$@"
    peak_kb[$key]=$(tail -n 1 "$work/rss")
}

# The tables and indexes of a database file, without covet's history table:
# both sides must have built the same schema for the comparison to mean anything.
schema_of() {
    python3 - "$1" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
rows = db.execute("SELECT type, name, sql FROM sqlite_master "
                  "WHERE name NOT LIKE 'covet_migrations%' AND name NOT LIKE 'sqlite_%' "
                  "ORDER BY type, name").fetchall()
for row in rows:
    print(row)
PY
}

# A difference means the two sides did different work: the run fails.
require_same_schema() {
    # A schema that cannot be read must not pass as "the same".
    if ! schema_of "$1" >"$work/covet.schema" || ! schema_of "$2" >"$work/raw.schema"; then
        echo "run.sh: FAILED: $3: could not read the schemas" >&2
        exit 1
    fi
    if ! diff "$work/covet.schema" "$work/raw.schema" >"$work/schema.diff"; then
        echo "run.sh: FAILED: $3: covet and raw built different schemas:" >&2
        head -n 40 "$work/schema.diff" >&2
        exit 1
    fi
}

echo "generating histories of ${sizes[*]} migrations..." >&2
for n in "${sizes[@]}"; do
    python3 "$here/generate_history.py" "$n" "$work/history-$n"
done

raw_db=$work/raw.db
fresh_covet() { remove_db "$db"; }
fresh_raw() { remove_db "$raw_db"; }
restore_covet() { copy_db "$work/snapshot-$n.db" "$db"; }
restore_raw() { copy_db "$work/snapshot-$n.db" "$raw_db"; }
covet_sql() { "${covet_on[@]}" migrate --sql; }
covet_migrate() { "${covet_on[@]}" migrate; }
raw_migrate() { "$raw" "$raw_db" "$work/forward-$n.sql"; }
covet_show() { "${covet_on[@]}" showmigrations; }
covet_zero() { "${covet_on[@]}" migrate zero; }
raw_zero() { "$raw" "$raw_db" "$work/backward-$n.sql"; }

for n in "${sizes[@]}"; do
    echo "measuring $n migrations..." >&2
    covet_on=("$covet" -d "sqlite:///$db" -m "$work/history-$n")

    fresh_covet
    out=$work/forward-$n.sql checked covet_sql
    # covet's own cost: loading, checksums, graph, state replay and DDL, no database work.
    single "sql $n" fresh_covet covet_sql

    pair "migrate $n" fresh_covet covet_migrate fresh_raw raw_migrate
    require_same_schema "$db" "$raw_db" "migrate ($n)"
    peak "migrate $n raw" fresh_raw "$raw" "$raw_db" "$work/forward-$n.sql"
    peak "migrate $n covet" fresh_covet "${covet_on[@]}" migrate
    copy_db "$db" "$work/snapshot-$n.db"

    restore_covet
    out=$work/backward-$n.sql checked "${covet_on[@]}" migrate zero --sql

    single "show $n" restore_covet covet_show
    peak "show $n covet" restore_covet "${covet_on[@]}" showmigrations

    pair "zero $n" restore_covet covet_zero restore_raw raw_zero
    require_same_schema "$db" "$raw_db" "migrate zero ($n)"
    peak "zero $n raw" restore_raw "$raw" "$raw_db" "$work/backward-$n.sql"
    peak "zero $n covet" restore_covet "${covet_on[@]}" migrate zero
done

mb() { awk -v kb="$1" 'BEGIN { printf "%.1f MB", kb / 1024 }'; }
median_ratio() { ratio "$(median_of "${wall[$1 covet]}")" "$(median_of "${wall[$1 raw]}")"; }

echo
echo "covet vs raw sqlite3 C API: median (min-max) ms of $repeats interleaved runs;"
echo "CPU is user + system time, median ms (covet works on several cores);"
echo "the schemas both sides built were compared after every pair and are identical."
row() { printf '%-24s %24s %24s %9s %11s %11s\n' "$@"; }
row "command" "covet wall" "raw wall" "covet/raw" "covet CPU" "raw CPU"
for n in "${sizes[@]}"; do
    for command in migrate zero; do
        label="migrate ($n)"
        [[ $command == zero ]] && label="migrate zero ($n)"
        row "$label" "$(spread "${wall[$command $n covet]}")" "$(spread "${wall[$command $n raw]}")" \
            "$(median_ratio "$command $n")" "$(median_of "${cpu[$command $n covet]}")" \
            "$(median_of "${cpu[$command $n raw]}")"
    done
    row "showmigrations ($n)" "$(spread "${wall[show $n]}")" "-" "-" \
        "$(median_of "${cpu[show $n]}")" "-"
    row "migrate --sql ($n)" "$(spread "${wall[sql $n]}")" "-" "-" \
        "$(median_of "${cpu[sql $n]}")" "-"
done
echo "targets: migrate and migrate zero <= 1.5x raw (500); showmigrations (1000) well under 50 ms"

echo
echo "peak RSS (/usr/bin/time's maximum resident set size; target: migrate zero (1000) < 50 MB)"
for n in "${sizes[@]}"; do
    printf '%-24s covet %10s   raw %10s\n' "migrate ($n)" "$(mb "${peak_kb[migrate $n covet]}")" \
        "$(mb "${peak_kb[migrate $n raw]}")"
    printf '%-24s covet %10s   raw %10s\n' "migrate zero ($n)" "$(mb "${peak_kb[zero $n covet]}")" \
        "$(mb "${peak_kb[zero $n raw]}")"
    printf '%-24s covet %10s\n' "showmigrations ($n)" "$(mb "${peak_kb[show $n covet]}")"
done

echo
echo "scaling: median ms per migration (covet's own cost is 'migrate --sql': no database work)"
scale() { printf '%-11s %14s %14s %14s %14s %14s\n' "$@"; }
scale "migrations" "migrate --sql" "migrate" "raw" "migrate zero" "raw zero"
per() { awk -v ms="$(median_of "$1")" -v n="$2" 'BEGIN { printf "%.3f", ms / n }'; }
for n in "${sizes[@]}"; do
    scale "$n" "$(per "${wall[sql $n]}" "$n")" "$(per "${wall[migrate $n covet]}" "$n")" \
        "$(per "${wall[migrate $n raw]}" "$n")" "$(per "${wall[zero $n covet]}" "$n")" \
        "$(per "${wall[zero $n raw]}" "$n")"
done
