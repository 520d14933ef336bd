#!/usr/bin/env bash
# Times the shell's --format json output of a queryset (print_value over
# QuerySet::iterator(), Record::to_json per row) against the sqlite3 C API
# printing the same JSON by hand, on SQLite. Both documents must be
# byte-identical. Builds nothing: pass the build directory.
#   bash tests/bench/run_shell_json.sh [BUILD_DIR]
# COVET_BENCH_SHELL_ROWS (default 200000), COVET_BENCH_REPEATS (default 5).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
build=$(cd "${1:-$repo/build}" && pwd)
covet=$build/covet
raw=$build/tests/bench/covet_bench_raw_orm
bench=$build/tests/bench/covet_bench_shell_json
rows=${COVET_BENCH_SHELL_ROWS:-200000}
repeats=${COVET_BENCH_REPEATS:-5}

for binary in "$covet" "$raw" "$bench"; do
    if [[ ! -x $binary ]]; then
        echo "run_shell_json.sh: $binary is missing; build it first:" >&2
        echo "  cmake --build $build --target covet covet_bench_raw_orm covet_bench_shell_json" >&2
        exit 1
    fi
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db=$work/shell.db
"$covet" -q -d "sqlite:///$db" -m "$here/orm_migrations" migrate >/dev/null
"$raw" "sqlite:///$db" fill "$rows" 0 1000
source "$here/timing.sh"

# side NAME: one run; sets us, leaves the document in $work/NAME.json.
side() {
    local line
    if [[ $1 == shell ]]; then
        line=$("$bench" shell "$db" "$here/orm_migrations" 2>&1 >"$work/shell.json")
    else
        line=$("$bench" raw "$db" 2>&1 >"$work/raw.json")
    fi
    us=$(sed -n 's/.* us=\([0-9]*\)$/\1/p' <<<"$line")
    [[ -n $us ]] || { echo "run_shell_json.sh: unexpected output '$line'" >&2; exit 1; }
}

shell_us=() raw_us=()
for ((round = 0; round < repeats; round++)); do
    side shell && shell_us+=("$us")
    side raw && raw_us+=("$us")
    cmp -s "$work/shell.json" "$work/raw.json" ||
        { echo "run_shell_json.sh: the two documents differ" >&2; exit 1; }
done
s=$(summary "${shell_us[@]}") r=$(summary "${raw_us[@]}")
echo "JSON of $rows rows (SQLite), median (min-max) ms of $repeats runs; documents identical"
printf '%-8s %24s\n' shell "$(spread "$s")" raw "$(spread "$r")"
echo "shell/raw $(ratio "$(median_of "$s")" "$(median_of "$r")")"
