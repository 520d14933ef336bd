#!/usr/bin/python3
"""Django 3.2's answers to the queries of the differential test (issue 9).

tests/integration/django_diff_test.cpp migrates the tables with covet, seeds
them, runs each query through covet's ORM and then runs this script on the
same database:

  django_diff.py URL     prints one JSON line per query: {"q": name, "r": result}

The names and shapes match django_diff_queries.cpp line for line: records as
objects by column attname, values() as objects, values_list() as arrays,
decimals as strings, datetimes in UTC ISO (the encoding of
django_same_database.py). Writes run in a transaction that is rolled back.
"""

import json
from decimal import Decimal
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from django_same_database import encode  # noqa: E402 (exits without Django)
from django_diff_models import configure, define_models  # noqa: E402

from django.db.models import Avg, Count, F, Max, Min, Q, Sum  # noqa: E402 (reads no settings)


def record(obj):
    return {f.attname: encode(f, getattr(obj, f.attname)) for f in obj._meta.concrete_fields}


def recs(qs):
    return [record(o) for o in qs]


def vals(qs):
    return [{k: encode(None, v) for k, v in row.items()} for row in qs]


def vlist(qs):
    return [[encode(None, v) for v in row] for row in qs]


def flat(qs):
    return [encode(None, v) for v in qs]


def maybe(obj):
    return None if obj is None else record(obj)


def without_id(obj):
    row = record(obj)
    del row["id"]
    return row


def rolled_back(fn):
    from django.db import transaction

    with transaction.atomic():
        result = fn()
        transaction.set_rollback(True)
    return result


def text_and_value_lookups(A, T, B, R):
    return [
        ("default ordering: authors", lambda: recs(A.all())),
        ("default ordering: books", lambda: recs(B.all())),
        ("exact", lambda: recs(B.filter(title="Gamma"))),
        ("iexact", lambda: recs(A.filter(name__iexact="BOB"))),
        ("contains", lambda: recs(B.filter(title__contains="et"))),
        ("icontains", lambda: recs(B.filter(title__icontains="A"))),
        ("contains with a wildcard", lambda: recs(B.filter(title__contains="100%"))),
        ("startswith", lambda: recs(B.filter(title__startswith="Al"))),
        ("istartswith", lambda: recs(B.filter(title__istartswith="g"))),
        ("endswith", lambda: recs(B.filter(title__endswith="ma"))),
        ("iendswith", lambda: recs(B.filter(title__iendswith="A"))),
        ("in", lambda: flat(B.filter(pk__in=[1, 3, 5, 99]).values_list("title", flat=True))),
        ("range", lambda: recs(B.filter(pages__range=(80, 250)))),
        ("gt decimal", lambda: recs(B.filter(price__gt="10.50"))),
        ("gte decimal", lambda: recs(B.filter(price__gte="10.50"))),
        ("lt float", lambda: recs(B.filter(rating__lt=4.5))),
        ("lte", lambda: recs(B.filter(pages__lte=100))),
        ("isnull true", lambda: recs(B.filter(editor__isnull=True))),
        ("isnull false", lambda: recs(B.filter(rating__isnull=False))),
        ("regex", lambda: recs(B.filter(title__regex=r"^[A-D]"))),
        ("iregex", lambda: recs(B.filter(title__iregex=r"^E|ON$"))),
        ("year", lambda: recs(B.filter(published__year=2020))),
        ("year gte", lambda: recs(B.filter(published__year__gte=2021))),
        ("month", lambda: recs(B.filter(published__month=6))),
        ("day", lambda: recs(B.filter(published__day=31))),
        ("date", lambda: recs(B.filter(published__date="2020-12-31"))),
        ("date field year and month", lambda: recs(A.filter(born__year=1990, born__month=5))),
    ]


def relation_lookups(A, T, B, R):
    return [
        ("forward FK", lambda: recs(B.filter(author__name="Ana"))),
        ("forward FK gte", lambda: recs(B.filter(author__age__gte=40))),
        ("reverse FK", lambda: recs(A.filter(books__pages=250))),
        ("reverse FK then M2M", lambda: recs(A.filter(books__tags__name="python"))),
        ("reverse FK twice", lambda: recs(A.filter(books__reviews__stars=5))),
        ("reverse FK isnull", lambda: recs(A.filter(books__isnull=True))),
        ("M2M", lambda: recs(B.filter(tags__name="python"))),
        ("M2M reverse", lambda: recs(T.filter(books__title="Delta 100%"))),
        ("M2M in duplicates", lambda: flat(B.filter(tags__name__in=["python", "db"]).values_list("title", flat=True))),
        ("M2M reverse isnull", lambda: recs(T.filter(books__isnull=True))),
        ("FK then M2M", lambda: recs(R.filter(book__tags__name="db").order_by("id"))),
        ("FK FK unicode startswith", lambda: recs(R.filter(book__author__name__startswith="\u00c7").order_by("id"))),
    ]


def multi_valued_null_q_f(A, T, B, R):
    return [
        ("one filter two conditions reverse FK", lambda: recs(A.filter(books__pages=100, books__price__gt=15))),
        ("two filters reverse FK", lambda: recs(A.filter(books__pages=100).filter(books__price__gt=15))),
        ("one filter two conditions M2M", lambda: recs(B.filter(Q(tags__name="python") & Q(tags__name="db")))),
        ("two filters M2M", lambda: recs(B.filter(tags__name="python").filter(tags__name="db"))),
        ("exclude M2M", lambda: recs(B.exclude(tags__name="python"))),
        ("exclude M2M two conditions", lambda: recs(B.exclude(tags__name="python", tags__name__startswith="d"))),
        ("exclude reverse FK", lambda: recs(B.exclude(reviews__stars=5))),
        ("filter None", lambda: recs(B.filter(editor=None))),
        ("filter None text", lambda: recs(A.filter(email=None))),
        ("exclude nullable int", lambda: recs(A.exclude(age=30))),
        ("exclude nullable float lt", lambda: recs(B.exclude(rating__lt=4))),
        ("exclude across nullable FK", lambda: recs(B.exclude(editor__name="Ana"))),
        ("Q or", lambda: recs(B.filter(Q(pages__gt=200) | Q(price__lt=6)))),
        ("Q nested not", lambda: recs(B.filter(~Q(author__name="Ana") & (Q(rating__gte=3) | Q(published__isnull=True))))),
        ("Q or negated M2M", lambda: recs(B.filter(Q(title__startswith="A") | ~Q(tags__name="python")))),
        ("F times in filter", lambda: recs(B.filter(pages__gte=F("author__age") * 5))),
        ("F across FK in filter", lambda: recs(R.filter(stars__gt=F("book__rating")).order_by("id"))),
    ]


def annotations_and_aggregates(A, T, B, R):
    return [
        ("F in annotate", lambda: vals(B.annotate(double=F("pages") * 2 + 1).values("title", "double"))),
        ("F update", lambda: rolled_back(lambda: [B.filter(pages__lt=200).update(pages=F("pages") + 1), vlist(B.values_list("title", "pages"))])),
        ("annotate Count", lambda: vlist(A.annotate(n=Count("books")).values_list("name", "n"))),
        ("annotate Count distinct", lambda: vlist(A.annotate(n=Count("books__tags", distinct=True)).values_list("name", "n"))),
        ("annotate Count not distinct", lambda: vlist(A.annotate(n=Count("books__tags")).values_list("name", "n"))),
        ("annotate Sum decimal", lambda: vlist(A.annotate(total=Sum("books__price")).values_list("name", "total"))),
        ("annotate Avg int", lambda: vlist(A.annotate(mean=Avg("books__pages")).values_list("name", "mean"))),
        ("annotate Max datetime Min decimal", lambda: vlist(A.annotate(last=Max("books__published"), low=Min("books__price")).values_list("name", "last", "low"))),
        ("annotate records", lambda: [dict(record(a), n=a.n) for a in A.annotate(n=Count("books"))]),
        ("filter on annotation", lambda: vlist(A.annotate(n=Count("books")).filter(n__gte=2).values_list("name", "n"))),
        ("M2M count filter on annotation", lambda: vlist(B.annotate(nt=Count("tags")).filter(nt__gt=1).values_list("title", "nt"))),
        ("two multi-valued counts", lambda: vlist(A.annotate(nb=Count("books", distinct=True), nr=Count("books__reviews")).values_list("name", "nb", "nr"))),
        # Explicit order_by(): Django 3.2 would add Meta.ordering to GROUP BY.
        ("values annotate across FK", lambda: vals(B.values("author__name").annotate(n=Count("id"), s=Sum("pages")).order_by("author__name"))),
        ("values annotate", lambda: vals(B.values("pages").annotate(c=Count("id")).order_by("pages"))),
        ("values annotate no ordering model", lambda: vals(R.values("stars").annotate(c=Count("id")).order_by("-stars"))),
        ("aggregate default aliases", lambda: vals([B.aggregate(Sum("price"), Avg("pages"), Max("rating"), Min("published"), Count("id"))])),
        ("aggregate Avg decimal", lambda: vals([B.aggregate(Avg("price"))])),
        ("aggregate Sum float", lambda: vals([B.aggregate(Sum("rating"))])),
        ("aggregate Avg nullable int", lambda: vals([A.aggregate(Avg("age"))])),
        ("aggregate Count distinct M2M", lambda: vals([B.aggregate(Count("tags", distinct=True))])),
        ("aggregate empty", lambda: vals([B.filter(pages__gt=1000).aggregate(Sum("pages"), Count("id"), Max("price"))])),
        ("aggregate named", lambda: vals([A.aggregate(oldest=Max("age"), n=Count("books"))])),
    ]


def orderings_and_slices(A, T, B, R):
    return [
        ("order_by across FK and desc", lambda: flat(B.order_by("author__name", "-pages").values_list("title", flat=True))),
        ("order_by FK follows its default ordering", lambda: flat(B.order_by("author", "title").values_list("title", flat=True))),
        ("order_by reverse FK duplicates", lambda: flat(A.order_by("-books__pages", "name").values_list("name", flat=True))),
        ("reverse", lambda: flat(A.reverse().values_list("name", flat=True))),
        ("distinct", lambda: recs(A.filter(books__tags__name__in=["python", "db"]).distinct())),
        ("values distinct", lambda: vals(B.values("author_id").distinct().order_by("author_id"))),
        ("slice", lambda: recs(B.all()[1:3])),
        ("slice open end", lambda: recs(B.all()[2:])),
        ("slice head", lambda: recs(B.order_by("-pages", "title")[:2])),
        ("index", lambda: record(B.order_by("-pages", "title")[1])),
        ("first ordered", lambda: maybe(B.first())),
        ("last ordered", lambda: maybe(B.last())),
        ("first unordered", lambda: maybe(R.first())),
        ("last unordered", lambda: maybe(R.last())),
        ("first empty", lambda: maybe(B.filter(pages__gt=1000).first())),
        ("last order_by", lambda: maybe(B.order_by("price").last())),
    ]


def counts_values_writes(A, T, B, R):
    return [
        ("count", lambda: B.count()),
        ("count M2M", lambda: B.filter(tags__name="python").count()),
        ("count distinct", lambda: A.filter(books__tags__name__in=["python", "db"]).distinct().count()),
        ("count sliced", lambda: B.all()[1:10].count()),
        ("exists", lambda: [T.filter(books__isnull=True).exists(), A.filter(name="Nobody").exists()]),
        ("values_list flat", lambda: flat(T.order_by("name").values_list("name", flat=True))),
        ("values_list across FK", lambda: vlist(B.values_list("title", "author__name", "editor__name"))),
        ("values all fields", lambda: vals(R.values().order_by("id"))),
        ("values across M2M", lambda: vals(B.filter(pages__gte=250).values("title", "tags__name").order_by("title", "tags__name"))),
        ("in_bulk", lambda: [[k, record(v)] for k, v in sorted(B.in_bulk([1, 3, 99]).items())]),
        ("in_bulk all", lambda: [[k, record(v)] for k, v in sorted(T.in_bulk().items())]),
        ("delete cascade", lambda: rolled_back(lambda: (lambda d: [d[0], d[1], recs(B.all())])(A.filter(name="Ana").delete()))),
        ("delete M2M links", lambda: rolled_back(lambda: list(T.filter(name="db").delete()))),
        ("delete books", lambda: rolled_back(lambda: list(B.filter(pages__lt=200).delete()))),
        ("get_or_create found", lambda: rolled_back(lambda: (lambda r: [record(r[0]), r[1]])(T.get_or_create(name="db")))),
        ("get_or_create created", lambda: rolled_back(lambda: (lambda r: [without_id(r[0]), r[1]])(A.get_or_create(name="Eve", defaults={"age": 20})))),
        ("update_or_create updated", lambda: rolled_back(lambda: (lambda r: [record(r[0]), r[1], recs(A.all())])(A.update_or_create(name="Bob", defaults={"age": 50})))),
        ("update_or_create created", lambda: rolled_back(lambda: (lambda r: [without_id(r[0]), r[1]])(B.update_or_create(title="Zeta", defaults={"author_id": 2, "price": "1.5", "pages": 7})))),
    ]


def edge_filters(A, T, B, R):
    return [
        # Edge cases: empty lists, None, records as values, HAVING, subqueries.
        ("in empty list", lambda: recs(B.filter(pk__in=[]))),
        ("exclude in empty list", lambda: B.exclude(pk__in=[]).count()),
        ("iexact None", lambda: recs(A.filter(email__iexact=None))),
        ("filter by record", lambda: recs(B.filter(author=A.get(name="Ana")))),
        ("M2M in ids", lambda: flat(B.filter(tags__in=[1, 3]).values_list("title", flat=True))),
        ("exclude M2M isnull", lambda: recs(B.exclude(tags__isnull=True))),
        ("order by annotation", lambda: vlist(A.annotate(n=Count("books")).order_by("-n", "name").values_list("name", "n"))),
        ("annotation or field", lambda: vlist(A.annotate(n=Count("books")).filter(Q(n__gte=2) | Q(age__isnull=True)).values_list("name", "n"))),
        ("exclude on annotation", lambda: vlist(A.annotate(n=Count("books")).exclude(n=0).values_list("name", "n"))),
        ("values FK annotate", lambda: vals(B.values("author").annotate(s=Sum("price")).order_by("author"))),
    ]


def edge_dates_and_aggregates(A, T, B, R):
    return [
        ("update across M2M", lambda: rolled_back(lambda: [B.filter(tags__name="python").update(rating=1.0), flat(B.values_list("rating", flat=True))])),
        ("date field range", lambda: recs(A.filter(born__range=("1980-01-01", "1990-12-31")))),
        ("date gte", lambda: recs(B.filter(published__date__gte="2021-01-01"))),
        ("month in", lambda: recs(B.filter(published__month__in=[1, 2]))),
        ("exclude Q or nullable", lambda: recs(A.exclude(Q(age=30) | Q(email__isnull=True)))),
        ("negated nullable", lambda: recs(A.filter(~Q(age__gt=40) & ~Q(name="Bob")))),
        ("values_list flat across M2M", lambda: flat(T.order_by("name", "books__title").values_list("books__title", flat=True))),
        ("count of groups", lambda: B.values("pages").annotate(c=Count("id")).count()),
        ("aggregate over annotation", lambda: vals([A.annotate(n=Count("books")).aggregate(Sum("n"))])),
        ("Count star", lambda: vals([B.aggregate(n=Count("*"))])),
        ("filter then annotate", lambda: vlist(A.filter(books__pages__gt=90).annotate(n=Count("books")).values_list("name", "n"))),
        ("annotate then filter", lambda: vlist(A.annotate(n=Count("books")).filter(books__pages__gt=90).values_list("name", "n"))),
        ("distinct flat", lambda: flat(A.filter(books__pages__gt=0).values_list("name", flat=True).distinct())),
        ("first across M2M", lambda: maybe(B.filter(tags__name="db").first())),
        ("get across FK", lambda: record(B.get(author__name="dan"))),
        ("delete SET_NULL", lambda: rolled_back(lambda: [list(A.filter(name="Bob").delete()), flat(B.values_list("editor_id", flat=True))])),
        ("slice of values", lambda: vals(B.values("title")[1:3])),
        ("in_bulk empty", lambda: [[k, record(v)] for k, v in sorted(B.in_bulk([]).items())]),
        ("icontains unicode", lambda: recs(A.filter(name__icontains="zo\u00eb"))),
        ("F minus nullable", lambda: vlist(A.annotate(x=F("age") - 1).values_list("name", "x"))),
        ("F integer division", lambda: vlist(B.annotate(h=F("pages") / 3).values_list("title", "h"))),
        ("values Avg per group", lambda: vals(R.values("book_id").annotate(a=Avg("stars")).order_by("book_id"))),
        ("exists sliced", lambda: B.all()[5:].exists()),
    ]


def more_probes(A, T, B, R):
    return [
        # More probes: empty Q, distinct with ordering, two-hop relations.
        ("empty Q or", lambda: recs(B.filter(Q() | Q(pages=80)))),
        ("empty Q and", lambda: recs(B.filter(Q() & Q(pages=80)))),
        ("exclude Q or M2M", lambda: recs(B.exclude(Q(tags__name="python") | Q(tags__name="c++")))),
        ("negated M2M beside M2M", lambda: recs(B.filter(~Q(tags__name="python"), tags__name="c++"))),
        ("exclude reverse FK two conditions", lambda: recs(A.exclude(books__pages=250, books__price__gt=10))),
        ("exclude two hops", lambda: recs(A.exclude(books__reviews__stars=5))),
        ("M2M None", lambda: recs(B.filter(tags=None))),
        ("annotation equals zero", lambda: vlist(A.annotate(n=Count("books")).filter(n=0).values_list("name", "n"))),
        ("Sum two hops", lambda: vlist(A.annotate(s=Sum("books__reviews__stars")).values_list("name", "s"))),
        ("Max text across M2M", lambda: vlist(A.annotate(m=Max("books__tags__name")).values_list("name", "m"))),
        ("aggregate across reverse FK", lambda: vals([A.aggregate(Avg("books__price"), Count("books__tags"))])),
        ("values F across FK", lambda: vals(B.values("title").annotate(who=F("author__name")).order_by("title"))),
        ("values annotate ordered by annotation", lambda: vals(B.values("author__name").annotate(n=Count("id")).order_by("-n", "author__name"))),
        ("annotate sliced", lambda: vlist(A.annotate(n=Count("books")).values_list("name", "n")[1:3])),
        ("distinct ordered across reverse FK", lambda: flat(A.filter(books__pages__gt=0).distinct().order_by("books__pages", "name").values_list("name", flat=True))),
        ("float in", lambda: recs(B.filter(rating__in=[4.5, 3.0]))),
        ("decimal in", lambda: recs(B.filter(price__in=["10.50", "5.25"]))),
        ("pk range", lambda: recs(B.filter(pk__range=(2, 4)))),
        ("date gt", lambda: recs(A.filter(born__gt="1980-01-01"))),
        ("day in", lambda: recs(B.filter(published__day__in=[15, 28]))),
        ("exclude None", lambda: recs(R.exclude(text=None).order_by("id"))),
        ("exact empty text", lambda: recs(R.filter(text="").order_by("id"))),
        ("update F nullable", lambda: rolled_back(lambda: [A.update(age=F("age") + 1), flat(A.values_list("age", flat=True))])),
    ]


def loading_and_hops(A, T, B, R):
    return [
        # Loading strategies give the same records; three-hop relations; arithmetic on aggregates.
        ("select_related", lambda: recs(B.select_related("author", "editor"))),
        ("prefetch_related", lambda: [[record(b), sorted(t.name for t in b.tags.all())] for b in B.prefetch_related("tags")]),
        ("only", lambda: recs(B.only("title"))),
        ("defer", lambda: recs(B.defer("price", "published"))),
        ("iterator", lambda: recs(B.iterator())),
        ("reverse sliced", lambda: recs(B.reverse()[:2])),
        ("three hops", lambda: recs(A.filter(books__tags__books__title="Alpha").distinct())),
        ("related manager", lambda: [recs(A.get(name="Ana").books.all()), recs(T.get(name="db").books.all()), recs(B.get(title="Alpha").tags.order_by("name"))]),
        ("exclude three hops", lambda: recs(R.exclude(book__author__books__tags__name="c++").order_by("id"))),
        ("values across FK then reverse FK", lambda: flat(R.order_by("id", "book__author__books__title").values_list("book__author__books__title", flat=True))),
        ("annotate aggregate arithmetic", lambda: vlist(B.annotate(x=Count("tags", distinct=True) * 2 + Count("reviews", distinct=True)).values_list("title", "x"))),
        ("aggregate arithmetic", lambda: vals([B.aggregate(per=Sum("pages") / Count("id"))])),
    ]


def case_sensitive(A, T, B, R):
    """SPEC.md section 7: contains/startswith/endswith/regex are case-sensitive
    on every back end, as Django only on PostgreSQL (on SQLite and MariaDB
    Django's are not). The expected rows are Django's on PostgreSQL, found
    here with Python's own case-sensitive matching of every book."""
    import re

    def where(test):
        return lambda: recs([b for b in B.all() if test(b.title)])

    return [
        ("case-sensitive contains", where(lambda t: "A" in t)),
        ("case-sensitive startswith", where(lambda t: t.startswith("e"))),
        ("case-sensitive endswith", where(lambda t: t.endswith("N"))),
        ("case-sensitive regex", where(lambda t: re.search("^[a-e]", t) is not None)),
    ]


def last_probes(A, T, B, R):
    return [
        ("update unchanged rows", lambda: rolled_back(lambda: B.filter(pages=250).update(pages=250))),
        ("values M2M key", lambda: vals(B.values("title", "tags").order_by("title", "tags"))),
        ("order_by M2M", lambda: flat(B.order_by("tags__name", "title").values_list("title", flat=True))),
        ("exclude pk None", lambda: B.exclude(pk=None).count()),
        ("Count distinct two hops back", lambda: vlist(T.annotate(n=Count("books__tags", distinct=True)).order_by("name").values_list("name", "n"))),
        ("bulk_create", lambda: rolled_back(lambda: (lambda made: [[t.name for t in made], T.count()])(T.bulk_create([Tag_model(name="x"), Tag_model(name="y")])))),
    ]


def row_methods(A, T, B, R):
    return [
        ("values first", lambda: vals([B.values("title", "pages").first()])[0]),
        ("values first empty", lambda: B.filter(pages=-1).values("title").first()),
        ("values_list last", lambda: vlist([B.values_list("title", "price").last()])[0]),
        ("values_list flat index", lambda: flat([B.order_by("-pages", "title").values_list("title", flat=True)[1]])[0]),
        ("values iterator", lambda: vals(B.values("title", "author__name").iterator())),
        ("aggregate arithmetic over annotation", lambda: vals([A.annotate(n=Count("books")).aggregate(x=Sum("n") * 2, spread=Max("n") - Min("n"), plus=Avg("n") + 1)])[0]),
        ("decimal expression on the right", lambda: recs(B.filter(price__gt=F("price") * Decimal("2") - Decimal("15")))),
    ]


def queries(Author, Tag, Book, Review):
    """(name, function) pairs, in the order of the C++ tables."""
    global Tag_model
    Tag_model = Tag
    managers = (Author.objects, Tag.objects, Book.objects, Review.objects)
    groups = (text_and_value_lookups, relation_lookups, multi_valued_null_q_f,
              annotations_and_aggregates, orderings_and_slices, counts_values_writes,
              edge_filters, edge_dates_and_aggregates, more_probes, loading_and_hops,
              case_sensitive, last_probes, row_methods)
    return [query for group in groups for query in group(*managers)]


def main(argv):
    if len(argv) != 2:
        sys.exit("usage: django_diff.py URL")
    configure(argv[1])
    for name, run in queries(*define_models()):
        try:
            result = {"q": name, "r": run()}
        except Exception as error:  # the answer is the exception's class
            result = {"q": name, "error": type(error).__name__ + ": " + str(error)}
        print(json.dumps(result, ensure_ascii=False, sort_keys=True, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
