#!/usr/bin/env python3
"""Fails when core/ names a back end or one of its type spellings outside the
allow-list (tests/core-dialect-names.allow). Core asks a Dialect or the
back-end registry (covet/backend_registry.h); which back ends exist and how
they spell things belongs in dialects/.

Allow-list lines: `path | exact line text, stripped | reason`. An entry that no
longer matches any line is reported too, so the list only shrinks honestly."""
import pathlib
import re
import sys

NAMES = re.compile(
    r"sqlite|postgres|mysql|mariadb|innodb|\b(big|small)?serial\b|longtext|tinyint|"
    r"autoincrement|auto_increment|jsonb",
    re.IGNORECASE,
)


def load_allow_list(path):
    allowed = {}
    for number, line in enumerate(path.read_text().splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = [p.strip() for p in line.split(" | ")]
        if len(parts) != 3 or not parts[2]:
            sys.exit(f"{path}:{number}: expected 'path | line text | reason'")
        allowed[(parts[0], parts[1])] = False
    return allowed


def main():
    root = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else pathlib.Path(__file__).parent.parent
    allowed = load_allow_list(root / "tests" / "core-dialect-names.allow")
    failures = []
    for source in sorted((root / "core").rglob("*")):
        if source.suffix not in (".h", ".cpp") or not source.is_file():
            continue
        relative = source.relative_to(root).as_posix()
        for number, line in enumerate(source.read_text().splitlines(), 1):
            if not NAMES.search(line):
                continue
            key = (relative, line.strip())
            if key in allowed:
                allowed[key] = True
            else:
                failures.append(f"{relative}:{number}: names a back end: {line.strip()}")
    for (path, text), used in allowed.items():
        if not used:
            failures.append(f"core-dialect-names.allow: stale entry (no such line): {path} | {text}")
    for failure in failures:
        print(failure)
    if failures:
        print("core/ must ask a Dialect or the back-end registry instead (see DESIGN.md);"
              " a justified exception goes into tests/core-dialect-names.allow")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
