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

now_ms() { date +%s%3N; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
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

# Best of $repeats runs, each on fresh databases: servers share the machine.
repeats=${COVET_BENCH_REPEATS:-3}
min() { if [[ -z $1 || $2 -lt $1 ]]; then echo "$2"; else echo "$1"; fi; }

run() {
    local name=$1 create=$2 raw=$3 url=$4 dir=$5 wrap=$6
    local cm="" rm_="" cz="" rz="" rep
    for ((rep = 1; rep <= repeats; rep++)); do
        local c_db=${name}_c$rep r_db=${name}_r$rep
        "$create" "$c_db"
        "$create" "$r_db"
        local c_url r_url
        c_url=$(with_db "$url" "$c_db")
        r_url=$(with_db "$url" "$r_db")
        "$covet" -q -d "$r_url" -m "$dir" migrate --sql >"$work/fwd.sql"
        if [[ $wrap == yes ]]; then
            per_migration_transactions "$work/fwd.sql" >"$work/fwd.tx"
            mv "$work/fwd.tx" "$work/fwd.sql"
        fi
        local t0 t1 t2 t3 t4 t5 t6 t7
        t0=$(now_ms); "$covet" -q -d "$c_url" -m "$dir" migrate; t1=$(now_ms)
        t2=$(now_ms); "$raw" "$r_db" "$work/fwd.sql"; t3=$(now_ms)
        "$covet" -q -d "$c_url" -m "$dir" migrate zero --sql >"$work/back.sql"
        if [[ $wrap == yes ]]; then
            per_migration_transactions "$work/back.sql" >"$work/back.tx"
            mv "$work/back.tx" "$work/back.sql"
        fi
        t4=$(now_ms); "$covet" -q -d "$c_url" -m "$dir" migrate zero; t5=$(now_ms)
        t6=$(now_ms); "$raw" "$r_db" "$work/back.sql"; t7=$(now_ms)
        cm=$(min "$cm" $((t1 - t0)))
        rm_=$(min "$rm_" $((t3 - t2)))
        cz=$(min "$cz" $((t5 - t4)))
        rz=$(min "$rz" $((t7 - t6)))
    done
    printf '%-11s migrate %6d ms  raw %6d ms  ratio %s | zero %6d ms  raw %6d ms  ratio %s\n' \
        "$name" "$cm" "$rm_" "$(ratio "$cm" "$rm_")" "$cz" "$rz" "$(ratio "$cz" "$rz")"
}

echo "covet vs raw client, $count migrations, best of $repeats"
run postgresql pg_create pg_raw "${pg_url%%\?*}" "$work/pg" yes
run mariadb my_create my_raw "$my_url" "$work/my" no
