#!/usr/bin/env bash
# Throwaway PostgreSQL 15 and MariaDB 10.11 servers for the test suite.
#
#   test-servers.sh start DIR   start both on free loopback ports, write DIR/servers.env
#   test-servers.sh stop DIR    stop both and remove everything start created
#
# When COVET_TEST_POSTGRES_URL and COVET_TEST_MYSQL_URL are both set, the
# tests use those servers and both subcommands do nothing (the TLS tests then
# need COVET_TEST_MYSQL_TLS_CA: the CA file of that MariaDB's certificate).
#
# MariaDB serves TLS with a self-signed certificate for 127.0.0.1 made at
# start; servers.env names it as COVET_TEST_MYSQL_TLS_CA.
#
# Data directories and sockets live in a short /tmp directory (recorded in
# DIR/servers.env): the postgres user must be able to enter every parent of
# the data directory, and unix socket paths are limited to 107 bytes.
set -euo pipefail

PG_BIN=/usr/lib/postgresql/15/bin
export PATH="$PG_BIN:/usr/sbin:/usr/bin:/sbin:/bin:$PATH"
WAIT_SECONDS=30

die() {
    echo "test-servers: $*" >&2
    exit 1
}

usage() {
    echo "usage: $0 start|stop DIR" >&2
    exit 2
}

external_servers() {
    [[ -n "${COVET_TEST_POSTGRES_URL:-}" && -n "${COVET_TEST_MYSQL_URL:-}" ]]
}

# PostgreSQL refuses to run as root.
as_postgres() {
    if [[ $(id -u) -eq 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

# A process that exited but was not reaped yet (a zombie) counts as gone.
alive() {
    local state
    state=$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null) || return 1
    [[ -n $state && $state != Z ]]
}

# Whether pid is still the server started on the state directory (pid
# files outlive their process, and pids get reused).
runs_from() {
    local pid=$1 state=$2
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$state/"
}

port_in_use() {
    [[ -n "$(ss -Htln "sport = :$1" 2>/dev/null)" ]]
}

free_port() {
    local port
    for _ in $(seq 1 200); do
        # Below the kernel's ephemeral range (32768-60999), where an outgoing
        # connection can take a port between this check and the bind.
        port=$(shuf -i 20000-32700 -n 1)
        # Never the system clusters' ports, nor one somebody listens on.
        if [[ $port != 5432 && $port != 3306 ]] && ! port_in_use "$port"; then
            echo "$port"
            return 0
        fi
    done
    die "no free TCP port found on 127.0.0.1"
}

# The value of KEY in DIR/servers.env ("" when absent).
env_value() {
    local file=$1/servers.env key=$2
    [[ -f $file ]] || return 0
    sed -n "s/^$key=//p" "$file" | head -n 1
}

print_log() {
    local title=$1 file=$2
    echo "----- $title ($file) -----" >&2
    if [[ -f $file ]]; then tail -n 60 "$file" >&2; else echo "(no log written)" >&2; fi
    echo "----- end of $title -----" >&2
}

start_postgres() {
    local state=$1 port=$2
    local root=$state/postgres data=$state/postgres/data log=$state/postgres/server.log
    mkdir -p "$root"
    chmod 755 "$state"
    if [[ $(id -u) -eq 0 ]]; then chown postgres: "$root"; fi

    if ! as_postgres "$PG_BIN/initdb" -D "$data" -A trust -E UTF8 --no-sync -U postgres \
        >"$root/initdb.log" 2>&1; then
        print_log "PostgreSQL initdb log" "$root/initdb.log"
        return 1
    fi
    # covet logs in with a password over TCP (wrong-password tests); the
    # superuser keeps trust. The first matching line wins.
    local hba=$data/pg_hba.conf
    {
        echo "host all covet 127.0.0.1/32 scram-sha-256"
        cat "$hba"
    } >"$hba.new"
    mv "$hba.new" "$hba"
    if [[ $(id -u) -eq 0 ]]; then chown postgres: "$hba"; fi

    local options="-c listen_addresses=127.0.0.1 -p $port -k $root -c fsync=off"
    options+=" -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
    if ! as_postgres "$PG_BIN/pg_ctl" -D "$data" -l "$log" -o "$options" -w -t "$WAIT_SECONDS" \
        start >"$root/pg_ctl.log" 2>&1; then
        print_log "PostgreSQL pg_ctl output" "$root/pg_ctl.log"
        print_log "PostgreSQL server log" "$log"
        return 1
    fi
    local waited=0
    until "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$port" -U postgres; do
        if ((waited >= WAIT_SECONDS * 10)); then
            echo "PostgreSQL did not accept connections within $WAIT_SECONDS s" >&2
            print_log "PostgreSQL server log" "$log"
            return 1
        fi
        sleep 0.1
        waited=$((waited + 1))
    done
    if ! "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres \
        -d postgres >"$root/setup.log" 2>&1 <<'SQL'; then
CREATE ROLE covet LOGIN PASSWORD 'covet-pw' CREATEDB;
CREATE DATABASE covet_test OWNER covet;
SQL
        print_log "PostgreSQL setup" "$root/setup.log"
        return 1
    fi
}

start_mariadb() {
    local state=$1 port=$2
    local root=$state/mariadb
    local data=$root/data sock=$root/mysqld.sock pidfile=$root/mariadbd.pid log=$root/error.log
    mkdir -p "$root"
    # A smaller redo log than the 96M default: quicker to create, same for the
    # server. A tmpdir of its own: concurrent installs collide in /tmp.
    mkdir -p "$root/tmp"
    local innodb=(--innodb-log-file-size=32M --innodb-buffer-pool-size=64M --tmpdir="$root/tmp")
    if ! mariadb-install-db --no-defaults --user=root --auth-root-authentication-method=normal \
        --skip-test-db --datadir="$data" "${innodb[@]}" >"$root/install.log" 2>&1; then
        print_log "MariaDB install log" "$root/install.log"
        return 1
    fi
    # A self-signed certificate for 127.0.0.1, so that covet's TLS options
    # (ssl-mode, ssl-ca) negotiate TLS against this server in the tests.
    if ! openssl req -x509 -newkey rsa:2048 -nodes -days 7 -subj "/CN=127.0.0.1" \
        -addext "subjectAltName=IP:127.0.0.1" -keyout "$root/tls-key.pem" \
        -out "$root/tls-cert.pem" >"$root/openssl.log" 2>&1; then
        print_log "openssl (TLS certificate)" "$root/openssl.log"
        return 1
    fi
    local tls=(--ssl-cert="$root/tls-cert.pem" --ssl-key="$root/tls-key.pem"
        --ssl-ca="$root/tls-cert.pem")
    # Detached from our stdout so CTest does not wait for the server to exit.
    setsid mariadbd --no-defaults --user=root --datadir="$data" --socket="$sock" --port="$port" \
        --bind-address=127.0.0.1 --pid-file="$pidfile" --log-error="$log" \
        --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
        --skip-name-resolve --innodb-flush-log-at-trx-commit=0 --innodb-doublewrite=0 \
        "${innodb[@]}" "${tls[@]}" --max-connections=300 \
        </dev/null >"$root/stdout.log" 2>&1 &
    echo $! >"$root/launcher.pid"
    local waited=0
    until mariadb-admin --no-defaults --protocol=socket --socket="$sock" -uroot ping \
        >/dev/null 2>&1; do
        if ! alive "$(cat "$root/launcher.pid")"; then
            echo "MariaDB exited during start-up" >&2
            print_log "MariaDB error log" "$log"
            return 1
        fi
        if ((waited >= WAIT_SECONDS * 10)); then
            echo "MariaDB did not accept connections within $WAIT_SECONDS s" >&2
            print_log "MariaDB error log" "$log"
            return 1
        fi
        sleep 0.1
        waited=$((waited + 1))
    done
    if ! mariadb --no-defaults --protocol=tcp -h 127.0.0.1 -P "$port" -uroot \
        >"$root/setup.log" 2>&1 <<'SQL'; then
CREATE DATABASE covet_test;
CREATE USER 'covet'@'%' IDENTIFIED BY 'covet-pw';
CREATE USER 'covet'@'localhost' IDENTIFIED BY 'covet-pw';
GRANT ALL PRIVILEGES ON *.* TO 'covet'@'%';
GRANT ALL PRIVILEGES ON *.* TO 'covet'@'localhost';
SQL
        print_log "MariaDB setup" "$root/setup.log"
        print_log "MariaDB error log" "$log"
        return 1
    fi
}

stop_postgres() {
    local state=$1 data=$1/postgres/data
    [[ -f $data/postmaster.pid ]] || return 0
    local pid
    pid=$(head -n 1 "$data/postmaster.pid")
    if ! as_postgres "$PG_BIN/pg_ctl" -D "$data" -m immediate -w -t 20 stop >/dev/null 2>&1; then
        if runs_from "$pid" "$state"; then kill -KILL "$pid" 2>/dev/null || true; fi
    fi
    for _ in $(seq 1 100); do
        alive "$pid" || return 0
        sleep 0.1
    done
    if runs_from "$pid" "$state"; then kill -KILL "$pid" 2>/dev/null || true; fi
}

stop_mariadb() {
    local root=$1/mariadb pid=""
    if [[ -f $root/mariadbd.pid ]]; then
        pid=$(cat "$root/mariadbd.pid")
    elif [[ -f $root/launcher.pid ]]; then
        pid=$(cat "$root/launcher.pid")
    fi
    [[ -n $pid ]] && runs_from "$pid" "$1" || return 0
    # Its data is thrown away: no clean shutdown (flushing InnoDB takes seconds).
    kill -KILL "$pid" 2>/dev/null || return 0
    for _ in $(seq 1 100); do
        alive "$pid" || return 0
        sleep 0.1
    done
    echo "test-servers: mariadbd (pid $pid) did not exit" >&2
}

stop_servers() {
    local dir=$1 state
    state=$(env_value "$dir" COVET_TEST_SERVERS_STATE)
    if [[ -n $state && -d $state ]]; then
        stop_postgres "$state"
        stop_mariadb "$state"
        if [[ $state == /tmp/covet-servers.* ]]; then rm -rf "$state"; fi
    fi
    # Only ever a directory start made (it writes servers.env first).
    if [[ -f $dir/servers.env ]]; then
        rm -rf "$dir"
    elif [[ -d $dir ]]; then
        rmdir "$dir" 2>/dev/null || die "$dir was not made by test-servers.sh; not removing it"
    fi
}

start() {
    local dir=$1 attempt
    # A port taken between the check and the bind, or a slow disk, can fail
    # one start: try again on other ports before failing the test run.
    for attempt in 1 2 3; do
        if start_once "$dir"; then return 0; fi
        echo "test-servers: start attempt $attempt failed" >&2
    done
    die "the servers failed to start three times (logs above)"
}

start_once() {
    local dir=$1
    # A run killed before its stop step leaves servers behind: end them first.
    if [[ -e $dir ]]; then stop_servers "$dir"; fi
    mkdir -p "$dir"
    local state
    state=$(mktemp -d /tmp/covet-servers.XXXXXX)
    chmod 755 "$state"
    echo "COVET_TEST_SERVERS_STATE=$state" >"$dir/servers.env"

    local pg_port my_port
    pg_port=$(free_port)
    my_port=$(free_port)
    while [[ $my_port == "$pg_port" ]]; do my_port=$(free_port); done
    # Both at once: each spends most of its start-up waiting on its own disk work.
    start_postgres "$state" "$pg_port" &
    local pg_job=$!
    start_mariadb "$state" "$my_port" &
    local my_job=$!
    local failed=()
    wait "$pg_job" || failed+=(PostgreSQL)
    wait "$my_job" || failed+=(MariaDB)
    if ((${#failed[@]})); then
        echo "test-servers: ${failed[*]} failed to start (log above)" >&2
        stop_servers "$dir"
        return 1
    fi

    cat >>"$dir/servers.env" <<EOF
COVET_TEST_POSTGRES_URL=postgresql://covet:covet-pw@127.0.0.1:$pg_port/covet_test
COVET_TEST_POSTGRES_ADMIN_URL=postgresql://postgres@127.0.0.1:$pg_port/postgres
COVET_TEST_MYSQL_URL=mysql://covet:covet-pw@127.0.0.1:$my_port/covet_test
COVET_TEST_MYSQL_ADMIN_URL=mysql://root@127.0.0.1:$my_port/covet_test
COVET_TEST_MYSQL_TLS_CA=$state/mariadb/tls-cert.pem
EOF
    echo "test-servers: PostgreSQL on 127.0.0.1:$pg_port, MariaDB on 127.0.0.1:$my_port ($dir/servers.env)"
}

[[ $# -eq 2 ]] || usage
command=$1
dir=$2
[[ -n $dir && $dir != / ]] || usage

if external_servers; then
    echo "test-servers: using COVET_TEST_POSTGRES_URL and COVET_TEST_MYSQL_URL; nothing to $command"
    exit 0
fi

case $command in
    start) start "$dir" ;;
    stop)
        stop_servers "$dir"
        echo "test-servers: stopped"
        ;;
    *) usage ;;
esac
