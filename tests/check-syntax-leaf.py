#!/usr/bin/env python3
"""Fails when the syntax leaf (core/src/syntax) includes anything but itself,
covet/error.h and the C++ standard library. The field shorthand, the shell and
partial-index conditions build on the leaf; if it reached back into schema/,
migrate/ or a third-party library, they would all be tangled again."""
import pathlib
import re
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')
ALLOWED_PROJECT_HEADERS = {"covet/error.h"}


def problem(include_kind, header):
    if include_kind == '"':
        if header.startswith("syntax/") or header in ALLOWED_PROJECT_HEADERS:
            return None
        return "includes a covet header outside the leaf"
    # The standard library's headers have neither a directory nor an extension.
    if "/" in header or "." in header:
        return "includes a header outside the standard library"
    return None


def main():
    root = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else pathlib.Path(__file__).parent.parent
    leaf = root / "core" / "src" / "syntax"
    sources = sorted(p for p in leaf.rglob("*") if p.suffix in (".h", ".cpp") and p.is_file())
    if not sources:
        print(f"{leaf}: no sources found")
        return 1
    failures = []
    for source in sources:
        relative = source.relative_to(root).as_posix()
        for number, line in enumerate(source.read_text().splitlines(), 1):
            match = INCLUDE.match(line)
            if not match:
                continue
            why = problem(match.group(1), match.group(2))
            if why:
                failures.append(f"{relative}:{number}: {why}: {line.strip()}")
    for failure in failures:
        print(failure)
    if failures:
        print("core/src/syntax is a leaf: it may include only syntax/*, covet/error.h and the"
              " standard library (see DESIGN.md)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
