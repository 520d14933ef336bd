#!/usr/bin/python3
"""Django 3.2 on a database that covet migrated (issue 9, "What it must show").

The models below describe the tables of covet's migration in
tests/integration/django_same_database_test.cpp; Django never creates or
alters them (managed = False). Run with Debian's /usr/bin/python3:

  django_same_database.py write URL OUT.json   Django inserts its fixture rows,
                                               reads every row back and writes
                                               them to OUT.json
  django_same_database.py check URL COVET.json Django reads every row and
                                               compares with what covet read
                                               (exit 1 listing differences)

Rows are dumped in covet's JSON encoding (SPEC.md section 6) from the values
Django's ORM reads: decimals as strings with the field's places, datetimes
in UTC as YYYY-MM-DDTHH:MM:SS[.ffffff], UUIDs as 32 hex digits, JSON
embedded, bytes as base64. Django's own serializer cuts datetimes and times
to milliseconds, so the comparison uses the dump, and `write` checks the
dump against Django's serialisation of the same rows (as far as it goes).
"""

import base64
import datetime
import decimal
import json
import sys
import urllib.parse
import uuid

try:
    import django
    from django.conf import settings
except ImportError:
    sys.exit("Django 3.2 is not installed for /usr/bin/python3: apt-get install python3-django")

if django.VERSION[:2] != (3, 2):
    sys.exit("Django 3.2 is the reference, found %s" % django.get_version())


def database_settings(url):
    """Django's DATABASES entry for a covet URL (SPEC.md section 2)."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme == "sqlite":
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": url[len("sqlite:///"):]}
    common = {
        "NAME": urllib.parse.unquote(parts.path.lstrip("/")),
        "USER": urllib.parse.unquote(parts.username or ""),
        "PASSWORD": urllib.parse.unquote(parts.password or ""),
        "HOST": parts.hostname or "",
        "PORT": str(parts.port or ""),
    }
    if parts.scheme in ("postgresql", "postgres"):
        return dict(common, ENGINE="django.db.backends.postgresql")
    if parts.scheme in ("mysql", "mariadb"):
        return dict(common, ENGINE="django.db.backends.mysql", OPTIONS={"charset": "utf8mb4"})
    sys.exit("no Django back end for %s URLs" % parts.scheme)


def configure(url):
    settings.configure(
        DATABASES={"default": database_settings(url)},
        INSTALLED_APPS=[],
        USE_TZ=True,
        TIME_ZONE="UTC",
        DEFAULT_AUTO_FIELD="django.db.models.AutoField",
    )
    django.setup()


def define_models():
    from django.db import models

    class Author(models.Model):
        name = models.CharField(max_length=100)
        email = models.EmailField(unique=True)
        active = models.BooleanField(default=True)
        joined = models.DateField(null=True)

        class Meta:
            app_label = "sameapp"
            db_table = "dj_author"
            managed = False

    class Item(models.Model):
        id = models.BigAutoField(primary_key=True)
        author = models.ForeignKey(Author, on_delete=models.CASCADE, related_name="items")
        title = models.CharField(max_length=200)
        notes = models.TextField(null=True)
        price = models.DecimalField(max_digits=12, decimal_places=2)
        ratio = models.DecimalField(max_digits=20, decimal_places=10, null=True)
        weight = models.FloatField(null=True)
        quantity = models.IntegerField(default=0)
        big = models.BigIntegerField(null=True)
        small = models.SmallIntegerField(null=True)
        created_at = models.DateTimeField()
        day = models.DateField(null=True)
        clock = models.TimeField(null=True)
        token = models.UUIDField(unique=True)
        data = models.JSONField(null=True)
        flag = models.BooleanField(default=False)
        maybe = models.BooleanField(null=True)
        blob = models.BinaryField(null=True)
        site = models.URLField(null=True)

        class Meta:
            app_label = "sameapp"
            db_table = "dj_item"
            managed = False

    return Author, Item


def encode(field, value):
    """One value in covet's JSON encoding."""
    from django.db import models

    if value is None:
        return None
    if isinstance(field, models.JSONField):
        return value
    if isinstance(value, bool) or isinstance(value, (int, float, str)):
        return value
    if isinstance(value, decimal.Decimal):
        return format(value, "f")
    if isinstance(value, datetime.datetime):
        return value.astimezone(datetime.timezone.utc).replace(tzinfo=None).isoformat()
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return value.hex
    if isinstance(value, (bytes, memoryview)):
        return base64.b64encode(bytes(value)).decode("ascii")
    raise TypeError("no JSON encoding for %r" % (value,))


def dump(model):
    """Every row as Django reads it, keyed by column attribute name, by primary key."""
    fields = model._meta.concrete_fields
    return [
        {f.attname: encode(f, getattr(row, f.attname)) for f in fields}
        for row in model.objects.order_by("pk")
    ]


def serializer_problems(model, rows):
    """Where the dump disagrees with Django's own JSON serialisation of the
    same rows, seen through what that serialisation keeps (it cuts datetimes
    and times to milliseconds, writes UUIDs hyphenated, decimals as str())."""
    from django.core import serializers
    from django.db import models

    problems = []
    serialised = json.loads(serializers.serialize("json", model.objects.order_by("pk")))
    for ours, theirs in zip(rows, serialised):
        for field in model._meta.concrete_fields:
            mine = ours[field.attname]
            value = theirs["pk"] if field.primary_key else theirs["fields"][field.name]
            if mine is None or value is None:
                same = mine is value
            elif isinstance(field, models.DateTimeField):
                same = value == (mine[:23] if "." in mine else mine) + "Z"
            elif isinstance(field, models.TimeField):
                same = value == (mine[:12] if "." in mine else mine)
            elif isinstance(field, models.DecimalField):
                same = decimal.Decimal(value) == decimal.Decimal(mine)
            elif isinstance(field, models.UUIDField):
                same = uuid.UUID(value).hex == mine
            else:
                same = value == mine
            if not same:
                problems.append("%s pk=%s %s: dumped %r, Django's serializer %r" % (
                    model.__name__, ours["id"], field.attname, mine, value))
    return problems


def write_fixture(Author, Item):
    utc = datetime.timezone.utc
    plus_two = datetime.timezone(datetime.timedelta(hours=2))
    bob = Author.objects.create(
        name="O'Brien \"Bob\" \u2014 Zo\u00eb \U0001F680", email="bob@example.com",
        active=True, joined=datetime.date(2024, 2, 29))
    ada = Author.objects.create(
        name="Ada'); DROP TABLE dj_item;--", email="ada@example.com", active=False)
    Item.objects.create(
        author=bob, title="first \u2603",
        notes="line1\nline2\ttab \\ backslash 'quote' \"dq\" 100% a_b",
        price=decimal.Decimal("1234567890.12"), ratio=decimal.Decimal("-0.0000000001"),
        weight=0.1, quantity=-5, big=9223372036854775807, small=-32768,
        created_at=datetime.datetime(2024, 1, 2, 3, 4, 5, 123456, tzinfo=utc),
        day=datetime.date(1999, 12, 31), clock=datetime.time(23, 59, 59, 999999),
        token=uuid.UUID("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"),
        data={"k": "\u0142\u2603", "n": [1, 2.5, None, True], "nested": {"a": {"b": []}}},
        flag=True, maybe=None, blob=b"\x00\x01\xffbinary",
        site="https://example.com/?a=1&b=2")
    Item.objects.create(
        author=bob, title="second", price=decimal.Decimal("0.10"),
        created_at=datetime.datetime(2024, 6, 1, 12, 0, 0, tzinfo=plus_two),
        clock=datetime.time(0, 0), token=uuid.UUID("00000000-0000-0000-0000-000000000001"),
        data=["list", 1], maybe=False)
    Item.objects.create(
        author=ada, title="", price=decimal.Decimal("-99.99"), ratio=decimal.Decimal("3.5"),
        weight=-1e-300, quantity=2147483647, big=-9223372036854775808, small=32767,
        created_at=datetime.datetime(1970, 1, 1, 0, 0, 0, 1, tzinfo=utc),
        day=datetime.date(1, 1, 1), clock=datetime.time(12, 30, 0, 500),
        token=uuid.UUID("ffffffff-ffff-ffff-ffff-ffffffffffff"), data="just a string",
        flag=False, maybe=True, blob=b"")


def differences(expected, actual, where):
    """Human-readable differences between two dumps of one model."""
    out = []
    if len(expected) != len(actual):
        out.append("%s: covet has %d rows, Django %d" % (where, len(expected), len(actual)))
    for theirs, ours in zip(expected, actual):
        for key in sorted(set(theirs) | set(ours)):
            if theirs.get(key, "<missing>") != ours.get(key, "<missing>"):
                out.append("%s pk=%s %s: covet %r, Django %r" % (
                    where, ours.get("id"), key, theirs.get(key, "<missing>"),
                    ours.get(key, "<missing>")))
    return out


def main(argv):
    if len(argv) != 4 or argv[1] not in ("write", "check"):
        sys.exit("usage: django_same_database.py write|check URL FILE.json")
    command, url, path = argv[1:]
    configure(url)
    Author, Item = define_models()
    if command == "write":
        write_fixture(Author, Item)
        rows = {"Author": dump(Author), "Item": dump(Item)}
        problems = serializer_problems(Author, rows["Author"])
        problems += serializer_problems(Item, rows["Item"])
        for problem in problems:
            print(problem)
        with open(path, "w", encoding="utf-8") as out:
            json.dump(rows, out, ensure_ascii=False)
        return 1 if problems else 0
    with open(path, encoding="utf-8") as covet_file:
        covet = json.load(covet_file)
    problems = []
    for name, model in (("Author", Author), ("Item", Item)):
        problems += differences(covet.get(name, []), dump(model), name)
    for problem in problems:
        print(problem)
    if not problems:
        print("Django read %d authors and %d items identical to covet's" % (
            len(covet["Author"]), len(covet["Item"])))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
