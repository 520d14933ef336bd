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
repeats=${COVET_BENCH_REPEATS:-3}
sizes=(250 500 1000)

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

remove_db() { rm -f "$1" "$1-wal" "$1-shm" "$1-journal"; }
# A WAL file left behind holds committed pages: it travels with the database.
copy_db() {
    remove_db "$2"
    cp "$1" "$2"
    if [[ -f $1-wal ]]; then cp "$1-wal" "$2-wal"; fi
}
restore_snapshot() { copy_db "$work/snapshot-$1.db" "$db"; }

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

# best_of SETUP COMMAND...: runs SETUP then COMMAND $repeats times; sets
# best_ms to the fastest run, then one more run under /usr/bin/time sets
# peak_kb (kept out of the timed runs so the wrapper costs them nothing).
best_of() {
    local setup=$1 start end elapsed best=
    shift
    for ((i = 0; i < repeats; i++)); do
        $setup
        start=${EPOCHREALTIME/./}
        checked "$@"
        end=${EPOCHREALTIME/./}
        elapsed=$((end - start))
        if [[ -z $best || $elapsed -lt $best ]]; then best=$elapsed; fi
    done
    best_ms=$(awk -v us="$best" 'BEGIN { printf "%.1f", us / 1000 }')
    $setup
    checked /usr/bin/time -f %M -o "$work/rss" "$@"
    peak_kb=$(tail -n 1 "$work/rss")
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

same_schema() {
    if ! diff <(schema_of "$1") <(schema_of "$2") >"$work/schema.diff"; then
        echo "WARNING: $3: covet and raw built different schemas; ratios are not comparable:" >&2
        head -n 20 "$work/schema.diff" >&2
    fi
}

declare -A migrate_ms migrate_kb raw_ms raw_kb sql_ms zero_ms zero_kb raw_zero_ms raw_zero_kb
declare -A show_ms show_kb

echo "generating histories of ${sizes[*]} migrations..." >&2
for n in "${sizes[@]}"; do
    python3 "$here/generate_history.py" "$n" "$work/history-$n"
done

for n in "${sizes[@]}"; do
    echo "measuring $n migrations..." >&2
    covet_on=("$covet" -d "sqlite:///$db" -m "$work/history-$n")
    fresh() { remove_db "$db"; }
    raw_db=$work/raw.db
    fresh_raw() { remove_db "$raw_db"; }

    fresh
    out=$work/forward-$n.sql checked "${covet_on[@]}" migrate --sql
    out=/dev/null

    # covet's own cost: loading, checksums, graph, state replay and DDL, no database work.
    best_of fresh "${covet_on[@]}" migrate --sql
    sql_ms[$n]=$best_ms

    best_of fresh_raw "$raw" "$raw_db" "$work/forward-$n.sql"
    raw_ms[$n]=$best_ms raw_kb[$n]=$peak_kb
    best_of fresh "${covet_on[@]}" migrate
    migrate_ms[$n]=$best_ms migrate_kb[$n]=$peak_kb
    same_schema "$db" "$raw_db" "migrate ($n)"
    copy_db "$db" "$work/snapshot-$n.db"

    restore() { restore_snapshot "$n"; }
    restore
    out=$work/backward-$n.sql checked "${covet_on[@]}" migrate zero --sql
    out=/dev/null

    best_of restore "${covet_on[@]}" showmigrations
    show_ms[$n]=$best_ms show_kb[$n]=$peak_kb
    best_of restore "$raw" "$db" "$work/backward-$n.sql"
    raw_zero_ms[$n]=$best_ms raw_zero_kb[$n]=$peak_kb
    copy_db "$db" "$raw_db"
    best_of restore "${covet_on[@]}" migrate zero
    zero_ms[$n]=$best_ms zero_kb[$n]=$peak_kb
    same_schema "$db" "$raw_db" "migrate zero ($n)"
done

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
mb() { awk -v kb="$1" 'BEGIN { printf "%.1f MB", kb / 1024 }'; }

echo
echo "covet vs raw sqlite3 C API (best of $repeats runs; peak RSS is /usr/bin/time's maximum resident set size)"
row() { printf '%-36s %12s %12s %10s   %s\n' "$@"; }
row "command" "covet" "raw" "covet/raw" "target"
row "migrate from empty (500)" "${migrate_ms[500]} ms" "${raw_ms[500]} ms" \
    "$(ratio "${migrate_ms[500]}" "${raw_ms[500]}")" "<= 1.5x raw"
row "migrate zero (500)" "${zero_ms[500]} ms" "${raw_zero_ms[500]} ms" \
    "$(ratio "${zero_ms[500]}" "${raw_zero_ms[500]}")" "<= 1.5x raw"
row "showmigrations (1000)" "${show_ms[1000]} ms" "-" "-" "well under 50 ms"
row "peak RSS migrate (500)" "$(mb "${migrate_kb[500]}")" "$(mb "${raw_kb[500]}")" \
    "$(ratio "${migrate_kb[500]}" "${raw_kb[500]}")" ""
row "peak RSS migrate zero (500)" "$(mb "${zero_kb[500]}")" "$(mb "${raw_zero_kb[500]}")" \
    "$(ratio "${zero_kb[500]}" "${raw_zero_kb[500]}")" ""
row "peak RSS migrate zero (1000)" "$(mb "${zero_kb[1000]}")" "$(mb "${raw_zero_kb[1000]}")" \
    "$(ratio "${zero_kb[1000]}" "${raw_zero_kb[1000]}")" "< 50 MB"
row "peak RSS showmigrations (1000)" "$(mb "${show_kb[1000]}")" "-" "-" ""

echo
echo "scaling: ms per migration (covet's own cost is 'migrate --sql': no database work)"
scale() { printf '%-11s %14s %14s %14s %14s %14s\n' "$@"; }
scale "migrations" "migrate --sql" "migrate" "raw" "migrate zero" "raw zero"
per() { awk -v ms="$1" -v n="$2" 'BEGIN { printf "%.3f", ms / n }'; }
for n in "${sizes[@]}"; do
    scale "$n" "$(per "${sql_ms[$n]}" "$n")" "$(per "${migrate_ms[$n]}" "$n")" \
        "$(per "${raw_ms[$n]}" "$n")" "$(per "${zero_ms[$n]}" "$n")" \
        "$(per "${raw_zero_ms[$n]}" "$n")"
done
