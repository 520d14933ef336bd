#!/usr/bin/python3
"""Django 3.2 creates a small app's tables with its own migrate, for covet
to adopt (issue 12: inspectdb and --initial-from-db on a Django database).

  django_inspect_app.py URL OUT.json   migrate (run_syncdb) the app
                                       inspect_shop, insert rows, and write
                                       every row as Django reads it to OUT.json

Rows are keyed by model ("Author", "Tag", "Book", and "Book.tags" for the
pairs of the many-to-many table), each row keyed by column attribute name
in covet's JSON encoding (see django_same_database.py).
"""

import datetime
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import django_same_database as same  # noqa: E402  (checks Django 3.2)
from django.conf import settings  # noqa: E402


def configure(url):
    settings.configure(
        DATABASES={"default": same.database_settings(url)},
        INSTALLED_APPS=["inspect_shop"],
        USE_TZ=True,
        TIME_ZONE="UTC",
        DEFAULT_AUTO_FIELD="django.db.models.AutoField",
    )
    import django

    django.setup()


def write_rows(Author, Tag, Book):
    ann = Author.objects.create(name="Ann O'Neil", email="ann@example.com",
                                born=datetime.date(1970, 5, 17))
    bob = Author.objects.create(name="Bob \"B\" Żółw", email="bob@example.com")
    python = Tag.objects.create(name="python")
    sql = Tag.objects.create(name="sql")
    first = Book.objects.create(
        title="Schemas; DROP TABLE book", author=ann, editor=bob, pages=321,
        published=datetime.datetime(2021, 3, 4, 5, 6, 7, 891011, tzinfo=datetime.timezone.utc),
        notes="100% back\\slash")
    first.tags.set([python, sql])
    second = Book.objects.create(title="Migrations", author=bob, in_print=False)
    second.tags.set([sql])


def main(argv):
    if len(argv) != 3:
        sys.exit("usage: django_inspect_app.py URL OUT.json")
    url, path = argv[1:]
    configure(url)
    from django.core.management import call_command

    call_command("migrate", run_syncdb=True, verbosity=0)
    from inspect_shop.models import Author, Book, Tag

    write_rows(Author, Tag, Book)
    Through = Book.tags.through
    rows = {"Author": same.dump(Author), "Tag": same.dump(Tag), "Book": same.dump(Book),
            "Book.tags": same.dump(Through)}
    with open(path, "w", encoding="utf-8") as out:
        json.dump(rows, out, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
