#!/usr/bin/env bash
# run.sh BUILD_DIR SOURCE_DIR: installs the build into a temporary prefix,
# builds tests/consumer against it twice (find_package(covet), then
# pkg-config covet) and runs both on a fresh SQLite database.
set -euo pipefail
build=$1
source=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix

cmake --install "$build" --prefix "$prefix" >/dev/null
# The installed tree alone: the build and source trees are not on any path.
cmake -S "$source/tests/consumer" -B "$work/cmake-build" -G Ninja \
    -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$work/cmake-build" >/dev/null

PKG_CONFIG_PATH=$prefix/lib/pkgconfig
export PKG_CONFIG_PATH
# shellcheck disable=SC2046 # pkg-config prints several words
g++ -std=c++20 -o "$work/pc-consumer" "$source/tests/consumer/main.cpp" \
    $(pkg-config --cflags --libs covet)

expected="Applying blog.0001_initial... OK
Applying blog.0002_add_profile... OK
Applying blog.0003_add_index... OK
users named like a: 2, first: Ada"
for consumer in "$work/cmake-build/consumer" "$work/pc-consumer"; do
    db=$work/$(basename "$consumer").db
    # A copy of the migrations outside the source tree.
    rm -rf "$work/migrations" && cp -r "$source/migrations-examples/blog" "$work/migrations"
    actual=$("$consumer" "sqlite:///$db" "$work/migrations" | sed 's/ ([0-9]* ms)$//')
    if [[ "$actual" != "$expected" ]]; then
        echo "unexpected output of $consumer:" >&2
        echo "$actual" >&2
        exit 1
    fi
done
for module in covet_postgres.so covet_mysql.so; do
    [[ -f "$prefix/lib/covet/$module" ]] || { echo "missing lib/covet/$module" >&2; exit 1; }
done
[[ -x "$prefix/bin/covet" ]] || { echo "missing bin/covet" >&2; exit 1; }
echo "consumer built with find_package(covet) and pkg-config, both ran"
