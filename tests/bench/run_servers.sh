#!/usr/bin/env bash
# Times covet against the raw clients (psql, mariadb) on throwaway
# PostgreSQL and MariaDB servers: `covet migrate` from empty and
# `covet migrate zero`, each against the client executing the very SQL that
# `covet migrate --sql` prints (one transaction per migration on PostgreSQL).
#   bash tests/bench/run_servers.sh [BUILD_DIR]      (default: <repo>/build)
# COVET_BENCH_MIGRATIONS sets the history length (default 500).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
build=$(cd "${1:-$repo/build}" && pwd)
covet=$build/covet
count=${COVET_BENCH_MIGRATIONS:-500}
[[ -x $covet ]] || { echo "run_servers.sh: build $covet first" >&2; exit 1; }

work=$(mktemp -d)
servers=$work/servers
trap 'bash "$repo/tests/servers/test-servers.sh" stop "$servers" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
bash "$repo/tests/servers/test-servers.sh" start "$servers" >/dev/null
env_value() { sed -n "s/^$1=//p" "$servers/servers.env"; }
pg_admin=$(env_value COVET_TEST_POSTGRES_ADMIN_URL)
pg_url=$(env_value COVET_TEST_POSTGRES_URL)
my_admin=$(env_value COVET_TEST_MYSQL_ADMIN_URL)
my_url=$(env_value COVET_TEST_MYSQL_URL)

python3 "$here/generate_history.py" "$count" "$work/pg" >/dev/null
python3 "$here/generate_history.py" "$count" "$work/my" --no-partial-indexes >/dev/null

source "$here/timing.sh"
# URL of database $2 on the server of URL $1.
with_db() { echo "${1%/*}/$2"; }
# host and port of a mysql:// URL, for the mariadb client.
my_host() { local h=${1#*@}; h=${h%%/*}; echo "${h%:*}"; }
my_port() { local h=${1#*@}; h=${h%%/*}; echo "${h##*:}"; }

pg_create() { psql -q "$pg_admin" -c "CREATE DATABASE $1 OWNER covet" >/dev/null; }
pg_raw() { psql -q -v ON_ERROR_STOP=1 "$(with_db "${pg_url%%\?*}" "$1")" -f "$2" >/dev/null; }
my_create() {
    mariadb -h "$(my_host "$my_admin")" -P "$(my_port "$my_admin")" -u root \
        -e "CREATE DATABASE $1; GRANT ALL ON $1.* TO 'covet'@'%'; GRANT ALL ON $1.* TO 'covet'@'localhost'"
}
my_raw() {
    mariadb -h "$(my_host "$my_url")" -P "$(my_port "$my_url")" -u covet -pcovet-pw "$1" <"$2"
}
# Wraps each migration of a --sql script in its own transaction (PostgreSQL).
per_migration_transactions() {
    awk '/^-- migration /{ if (open) print "COMMIT;"; print; print "BEGIN;"; open=1; next }
         { print } END { if (open) print "COMMIT;" }' "$1"
}

# The schema of one database, as its client dumps it without covet's history
# tables, so that the two sides' results can be compared line by line
# (without comments and pg_dump's per-dump random \restrict key).
pg_schema() {
    pg_dump --schema-only --no-owner --no-privileges -T 'covet_migrations*' \
        "$(with_db "${pg_url%%\?*}" "$1")" | grep -v -e '^--' -e '^$' -e '^\\restrict ' -e '^\\unrestrict '
}
my_schema() {
    local database=$1
    mariadb-dump -h "$(my_host "$my_url")" -P "$(my_port "$my_url")" -u covet -pcovet-pw \
        --no-data --skip-comments --skip-dump-date \
        --ignore-table="$database.covet_migrations" \
        --ignore-table="$database.covet_migrations_journal" "$database" |
        sed -E 's/ AUTO_INCREMENT=[0-9]+//'
}

# A difference means the two sides did different work: the run fails.
require_same_schema() {
    local schema=$1 covet_db=$2 raw_db=$3 what=$4
    # A dump that fails or prints nothing must not pass as "the same".
    if ! "$schema" "$covet_db" >"$work/covet.schema" || ! "$schema" "$raw_db" >"$work/raw.schema" ||
        [[ ! -s $work/covet.schema || ! -s $work/raw.schema ]]; then
        echo "run_servers.sh: FAILED: $what: could not dump the schemas" >&2
        exit 1
    fi
    if ! diff "$work/covet.schema" "$work/raw.schema" >"$work/schema.diff"; then
        echo "run_servers.sh: FAILED: $what: covet and the raw client built different schemas:" >&2
        head -n 40 "$work/schema.diff" >&2
        exit 1
    fi
}

# $repeats rounds, each on fresh databases, covet and the raw client
# interleaved (covet first in even rounds): servers share the machine.
repeats=${COVET_BENCH_REPEATS:-5}

# timed_into ARRAY_PREFIX COMMAND...: one timed run, appended to <prefix>_wall and <prefix>_cpu.
timed_into() {
    local -n walls=$1_wall cpus=$1_cpu
    shift
    timed "$@"
    walls+=("$wall_us") cpus+=("$cpu_us")
}

run() {
    local name=$1 create=$2 raw=$3 url=$4 dir=$5 wrap=$6 schema=$7 round
    local cm_wall=() cm_cpu=() rm_wall=() rm_cpu=() cz_wall=() cz_cpu=() rz_wall=() rz_cpu=()
    for ((round = 0; round < repeats; round++)); do
        local c_db=${name}_c$round r_db=${name}_r$round
        "$create" "$c_db"
        "$create" "$r_db"
        local c_url
        c_url=$(with_db "$url" "$c_db")
        "$covet" -q -d "$(with_db "$url" "$r_db")" -m "$dir" migrate --sql >"$work/fwd.sql"
        if [[ $wrap == yes ]]; then
            per_migration_transactions "$work/fwd.sql" >"$work/fwd.tx"
            mv "$work/fwd.tx" "$work/fwd.sql"
        fi
        if ((round % 2)); then
            timed_into rm "$raw" "$r_db" "$work/fwd.sql"
            timed_into cm "$covet" -q -d "$c_url" -m "$dir" migrate
        else
            timed_into cm "$covet" -q -d "$c_url" -m "$dir" migrate
            timed_into rm "$raw" "$r_db" "$work/fwd.sql"
        fi
        require_same_schema "$schema" "$c_db" "$r_db" "$name migrate (round $round)"

        "$covet" -q -d "$c_url" -m "$dir" migrate zero --sql >"$work/back.sql"
        if [[ $wrap == yes ]]; then
            per_migration_transactions "$work/back.sql" >"$work/back.tx"
            mv "$work/back.tx" "$work/back.sql"
        fi
        if ((round % 2)); then
            timed_into rz "$raw" "$r_db" "$work/back.sql"
            timed_into cz "$covet" -q -d "$c_url" -m "$dir" migrate zero
        else
            timed_into cz "$covet" -q -d "$c_url" -m "$dir" migrate zero
            timed_into rz "$raw" "$r_db" "$work/back.sql"
        fi
        require_same_schema "$schema" "$c_db" "$r_db" "$name migrate zero (round $round)"
    done
    report_line "$name" migrate cm rm
    report_line "$name" zero cz rz
}

# report_line SERVER COMMAND COVET_PREFIX RAW_PREFIX: one row of the table.
report_line() {
    local -n c_wall=$3_wall c_cpu=$3_cpu r_wall=$4_wall r_cpu=$4_cpu
    local cw rw
    cw=$(summary "${c_wall[@]}")
    rw=$(summary "${r_wall[@]}")
    printf '%-11s %-8s %24s %24s %9s %11s %11s\n' "$1" "$2" "$(spread "$cw")" "$(spread "$rw")" \
        "$(ratio "$(median_of "$cw")" "$(median_of "$rw")")" \
        "$(median_of "$(summary "${c_cpu[@]}")")" "$(median_of "$(summary "${r_cpu[@]}")")"
}

echo "covet vs raw client, $count migrations: median (min-max) ms of $repeats interleaved rounds;"
echo "CPU is the client process's user + system time (median ms), the servers' work excluded;"
echo "the schemas both sides built were compared after every step and are identical."
printf '%-11s %-8s %24s %24s %9s %11s %11s\n' "server" "command" "covet wall" "raw wall" \
    "covet/raw" "covet CPU" "raw CPU"
run postgresql pg_create pg_raw "${pg_url%%\?*}" "$work/pg" yes pg_schema
run mariadb my_create my_raw "$my_url" "$work/my" no my_schema
