#!/usr/bin/env bash
# deb_test.sh BUILD_DIR SOURCE_DIR SERVERS_ENV: builds the .deb files with
# cpack from the normal build, installs covet with dpkg, uses the installed
# /usr/bin/covet from a directory outside the build tree (SQLite, then
# PostgreSQL and MariaDB through the installed driver modules), checks the
# packages with lintian, then removes them and checks nothing is left.
# Needs root (dpkg -i); elsewhere it is skipped (exit 77) unless CI=true.
set -euo pipefail
build=$(realpath "$1")
source=$(realpath "$2")
servers_env=$3

if [[ $(id -u) -ne 0 ]] || ! command -v dpkg >/dev/null; then
    if [[ "${CI:-}" == true ]]; then
        echo "deb_test: CI must run this as root on a dpkg system" >&2
        exit 1
    fi
    echo "deb_test: skipped (not root, or no dpkg)"
    exit 77
fi
if [[ $(dpkg-query -W -f '${Status}' covet 2>/dev/null || true) == *" installed" ]]; then
    echo "deb_test: a covet package is already installed; not touching it" >&2
    exit 1
fi

work=$(mktemp -d)
chmod 755 "$work"
cleanup() {
    dpkg -r covet-dev covet >/dev/null 2>&1 || true
    if [[ -n "${pg_admin:-}" ]]; then
        for db in "$db_name" "${db_name}_app"; do
            psql -q "$pg_admin" -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1 || true
        done
    fi
    [[ -n "${my_admin:-}" ]] && mariadb "${my_args[@]}" -e "DROP DATABASE IF EXISTS $db_name" \
        >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT
fail() {
    echo "deb_test: $*" >&2
    exit 1
}

(cd "$work" && cpack --config "$build/CPackConfig.cmake" -G DEB -B "$work/out" >"$work/cpack.log") ||
    { cat "$work/cpack.log" >&2; fail "cpack -G DEB failed"; }
version=$(sed -n 's/^set(CPACK_PACKAGE_VERSION "\(.*\)")$/\1/p' "$build/CPackConfig.cmake")
arch=$(dpkg --print-architecture)
deb=$work/out/covet_${version}_${arch}.deb
dev=$work/out/covet-dev_${version}_${arch}.deb
[[ -f $deb ]] || fail "no $deb ($(ls "$work/out"))"
[[ -f $dev ]] || fail "no $dev"

if command -v lintian >/dev/null; then
    # Errors fail the test; warnings are shown.
    lintian --fail-on error "$deb" "$dev" || fail "lintian reports errors"
fi
[[ $(dpkg-deb -f "$deb" Depends) == *libc6* ]] || fail "Depends was not computed"
[[ $(dpkg-deb -f "$deb" Description) == *PostgreSQL* ]] || fail "no real description"
file_list=$(dpkg-deb -c "$deb")
[[ $file_list == *" ./usr/share/man/man1/covet.1.gz"* ]] || fail "man page not gzipped"

dpkg -i "$deb" "$dev" >"$work/dpkg.log" 2>&1 || { cat "$work/dpkg.log" >&2; fail "dpkg -i failed"; }
[[ $(file /usr/bin/covet) == *", stripped"* ]] || fail "/usr/bin/covet is not stripped"
for module in covet_postgres covet_mysql; do
    [[ -f /usr/lib/covet/$module.so ]] || fail "no /usr/lib/covet/$module.so"
done

cd "$work"
cp -r "$source/migrations-examples/blog" "$work/blog"
[[ "$(/usr/bin/covet --version)" == *"$version"* ]] || fail "covet --version"
/usr/bin/covet -m blog -d "sqlite:///$work/blog.db" migrate >"$work/sqlite.out"
grep -q '^Applying blog.0003_add_index... OK' "$work/sqlite.out" || fail "SQLite migrate"

# PostgreSQL and MariaDB through /usr/lib/covet's modules, on a database of
# their own (the test servers of CTest's fixture).
db_name=covet_deb_test_$$
pg_admin=$(sed -n 's/^COVET_TEST_POSTGRES_ADMIN_URL=//p' "$servers_env")
pg_url=$(sed -n 's/^COVET_TEST_POSTGRES_URL=//p' "$servers_env")
psql -q "$pg_admin" -c "CREATE DATABASE $db_name OWNER covet" >/dev/null
COVET_DRIVER_DIR=/usr/lib/covet /usr/bin/covet -m blog -d "${pg_url%/*}/$db_name" migrate \
    >"$work/pg.out"
grep -q '^Applying blog.0003_add_index... OK' "$work/pg.out" || fail "PostgreSQL migrate"

my_admin=$(sed -n 's/^COVET_TEST_MYSQL_ADMIN_URL=//p' "$servers_env")
my_url=$(sed -n 's/^COVET_TEST_MYSQL_URL=//p' "$servers_env")
my_port=${my_admin##*:}
my_port=${my_port%%/*}
my_args=(--protocol=tcp -h 127.0.0.1 -P "$my_port" -u root)
mariadb "${my_args[@]}" -e "CREATE DATABASE $db_name; GRANT ALL ON $db_name.* TO 'covet'@'%'"
COVET_DRIVER_DIR=/usr/lib/covet /usr/bin/covet -m blog -d "${my_url%/*}/$db_name" migrate \
    >"$work/my.out"
grep -q '^Applying blog.0003_add_index... OK' "$work/my.out" || fail "MariaDB migrate"

# An application built against covet-dev (find_package finds /usr), living
# outside /usr, loads the PostgreSQL driver from /usr/lib/covet: LD_DEBUG
# names the file dlopen reads.
cmake -S "$source/tests/consumer" -B "$work/consumer" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    >"$work/consumer.log" 2>&1 || { cat "$work/consumer.log" >&2; fail "consumer configure"; }
cmake --build "$work/consumer" >"$work/consumer.log" 2>&1 ||
    { cat "$work/consumer.log" >&2; fail "consumer build"; }
psql -q "$pg_admin" -c "CREATE DATABASE ${db_name}_app OWNER covet" >/dev/null
LD_DEBUG=files "$work/consumer/consumer" "${pg_url%/*}/${db_name}_app" blog >"$work/app.out" \
    2>"$work/app.err" || { tail -5 "$work/app.err" >&2; fail "consumer on PostgreSQL"; }
grep -q '^users named like a: 2, first: Ada$' "$work/app.out" || fail "consumer output"
grep -q 'file=/usr/lib/covet/covet_postgres.so ' "$work/app.err" ||
    fail "the consumer did not load /usr/lib/covet/covet_postgres.so"

if command -v man >/dev/null; then man -w covet >/dev/null || fail "man covet"; fi

dpkg -r covet-dev covet >"$work/dpkg.log" 2>&1 || { cat "$work/dpkg.log" >&2; fail "dpkg -r"; }
left=$(find /usr -path '*covet*' 2>/dev/null | grep -v "^$build" | grep -v "^$source" || true)
[[ -z "$left" ]] || fail "files left after dpkg -r: $left"
echo "deb_test: built, installed, used on three back ends and removed cleanly"
