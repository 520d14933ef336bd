#!/usr/bin/env python3
"""The SQL and listings covet prints for every example and fixture, kept as
files so that a refactoring can prove its output unchanged, byte for byte.

  outputs.py COVET DIR            write every output under DIR
  outputs.py COVET DIR --check    compare with DIR instead; exit 1 on a difference

For each migration set: `showmigrations --format json` and `migrate --sql` on
a fresh SQLite database, and `sqlmigrate` (forwards and --backwards) of every
migration for PostgreSQL and MySQL (offline: sqlmigrate never connects). The
200-migration benchmark history adds its SQLite plan's SQL. The
1,000-migration benchmark history adds its listing, its SQLite plan's SQL and
sqlmigrate of every 25th migration, kept as SHA-256 digests (a file
NAME.sha256 holding the digest and the length) to keep the directory small.
"""

import argparse
import difflib
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.dirname(os.path.dirname(HERE))
SETS = {
    "blog": "migrations-examples/blog",
    "shop": "tests/cli/fixtures/shop",
    "failing": "tests/cli/fixtures/failing",
    "irreversible": "tests/cli/fixtures/irreversible",
    "slow": "tests/cli/fixtures/slow",
    "two_apps": "tests/cli/fixtures/two_apps",
}
# Never connected: sqlmigrate only needs the dialect.
OFFLINE_URLS = {
    "postgresql": "postgresql://nobody@127.0.0.1:9/none",
    "mysql": "mysql://nobody@127.0.0.1:9/none",
}


def run(covet, cwd, *args):
    env = {k: v for k, v in os.environ.items() if not k.startswith("COVET_")}
    result = subprocess.run([covet, *args], cwd=cwd, env=env, capture_output=True, text=True)
    if result.returncode == 0:
        return result.stdout
    # A refusal is an output too: its exit status and message are kept.
    return f"{result.stdout}[exit {result.returncode}]\n{result.stderr}"


def digest(text):
    data = text.encode()
    return f"{hashlib.sha256(data).hexdigest()} {len(data)}\n"


def outputs_of(covet, migrations, with_sqlmigrate, sqlmigrate_every=1):
    work = tempfile.mkdtemp(prefix="covet-golden-")
    try:
        shutil.copytree(migrations, os.path.join(work, "migrations"))
        db = ["-d", "sqlite:///" + os.path.join(work, "golden.db"), "-m", "migrations"]
        out = {}
        listing = run(covet, work, *db, "--format", "json", "showmigrations")
        out["showmigrations.json"] = listing
        out["migrate.sqlite.sql"] = run(covet, work, *db, "migrate", "--sql")
        if not with_sqlmigrate:
            return out
        for row in json.loads(listing)["migrations"][::sqlmigrate_every]:
            target = f"{row['app']}.{row['name']}"
            for dialect, url in OFFLINE_URLS.items():
                for backwards in (False, True):
                    args = ["-d", url, "-m", "migrations", "sqlmigrate", target]
                    if backwards:
                        args.append("--backwards")
                    name = f"sqlmigrate.{dialect}.{target}{'.backwards' if backwards else ''}.sql"
                    out[name] = run(covet, work, *args)
        return out
    finally:
        shutil.rmtree(work, ignore_errors=True)


def all_outputs(covet):
    outputs = {}
    for set_name, relative in SETS.items():
        for name, text in outputs_of(covet, os.path.join(SOURCE, relative), True).items():
            outputs[f"{set_name}/{name}"] = text
    history = tempfile.mkdtemp(prefix="covet-golden-history-")
    try:
        subprocess.run([sys.executable, os.path.join(SOURCE, "tests/bench/generate_history.py"),
                        "200", history], check=True, capture_output=True)
        for name, text in outputs_of(covet, history, False).items():
            outputs[f"history200/{name}"] = text
    finally:
        shutil.rmtree(history, ignore_errors=True)
    history = tempfile.mkdtemp(prefix="covet-golden-history-")
    try:
        subprocess.run([sys.executable, os.path.join(SOURCE, "tests/bench/generate_history.py"),
                        "1000", history], check=True, capture_output=True)
        for name, text in outputs_of(covet, history, True, sqlmigrate_every=25).items():
            outputs[f"history1000/{name}.sha256"] = digest(text)
    finally:
        shutil.rmtree(history, ignore_errors=True)
    return outputs


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("covet")
    parser.add_argument("directory")
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    outputs = all_outputs(os.path.abspath(args.covet))
    if not args.check:
        shutil.rmtree(args.directory, ignore_errors=True)
        for name, text in outputs.items():
            path = os.path.join(args.directory, name)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w") as f:
                f.write(text)
        print(f"wrote {len(outputs)} outputs to {args.directory}")
        return 0
    differences = 0
    expected_names = set()
    for root, _, files in os.walk(args.directory):
        for f in files:
            expected_names.add(os.path.relpath(os.path.join(root, f), args.directory))
    for name in sorted(expected_names | set(outputs)):
        path = os.path.join(args.directory, name)
        expected = open(path).read() if os.path.exists(path) else None
        actual = outputs.get(name)
        if expected == actual:
            continue
        differences += 1
        if expected is None or actual is None:
            print(f"{name}: {'new output' if expected is None else 'no longer produced'}")
            continue
        sys.stdout.writelines(difflib.unified_diff(expected.splitlines(True),
                                                   actual.splitlines(True),
                                                   f"expected/{name}", f"actual/{name}", n=2))
    print(f"{len(outputs)} outputs compared, {differences} differ")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
