// Filters of the differential test: every lookup, across each relation
// kind, multi-valued binding, exclude, NULLs, Q and F. Case-sensitive
// lookups use values whose case question does not arise (SPEC.md §7 makes
// contains/startswith/endswith/regex case-sensitive everywhere; Django is
// not on SQLite and MariaDB).
#include "covet/queryset.h"
#include "django_diff.h"

namespace covet::test {

namespace {

std::vector<DiffQuery> text_lookups([[maybe_unused]] const QuerySet& A,
                                    [[maybe_unused]] const QuerySet& T,
                                    [[maybe_unused]] const QuerySet& B,
                                    [[maybe_unused]] const QuerySet& R) {
    return {
        {"default ordering: authors", [=] { return recs(A.all()); }},
        {"default ordering: books", [=] { return recs(B.all()); }},
        {"exact",
         [=] {
             return recs(B.filter({{"title", "Gamma"}}));
         }},
        {"iexact",
         [=] {
             return recs(A.filter({{"name__iexact", "BOB"}}));
         }},
        {"contains",
         [=] {
             return recs(B.filter({{"title__contains", "et"}}));
         }},
        {"icontains",
         [=] {
             return recs(B.filter({{"title__icontains", "A"}}));
         }},
        {"contains with a wildcard",
         [=] {
             return recs(B.filter({{"title__contains", "100%"}}));
         }},
        {"startswith",
         [=] {
             return recs(B.filter({{"title__startswith", "Al"}}));
         }},
        {"istartswith",
         [=] {
             return recs(B.filter({{"title__istartswith", "g"}}));
         }},
        {"endswith",
         [=] {
             return recs(B.filter({{"title__endswith", "ma"}}));
         }},
        {"iendswith",
         [=] {
             return recs(B.filter({{"title__iendswith", "A"}}));
         }},
        {"in",
         [=] {
             return flat(B.filter({{"pk__in", {Value(1), Value(3), Value(5), Value(99)}}})
                             .values_list({"title"}, true));
         }},
        {"range",
         [=] {
             return recs(B.filter({{"pages__range", {Value(80), Value(250)}}}));
         }},
    };
}

std::vector<DiffQuery> value_lookups([[maybe_unused]] const QuerySet& A,
                                     [[maybe_unused]] const QuerySet& T,
                                     [[maybe_unused]] const QuerySet& B,
                                     [[maybe_unused]] const QuerySet& R) {
    return {
        {"gt decimal",
         [=] {
             return recs(B.filter({{"price__gt", "10.50"}}));
         }},
        {"gte decimal",
         [=] {
             return recs(B.filter({{"price__gte", "10.50"}}));
         }},
        {"lt float",
         [=] {
             return recs(B.filter({{"rating__lt", 4.5}}));
         }},
        {"lte",
         [=] {
             return recs(B.filter({{"pages__lte", 100}}));
         }},
        {"isnull true",
         [=] {
             return recs(B.filter({{"editor__isnull", true}}));
         }},
        {"isnull false",
         [=] {
             return recs(B.filter({{"rating__isnull", false}}));
         }},
        {"regex",
         [=] {
             return recs(B.filter({{"title__regex", "^[A-D]"}}));
         }},
        {"iregex",
         [=] {
             return recs(B.filter({{"title__iregex", "^E|ON$"}}));
         }},
        {"year",
         [=] {
             return recs(B.filter({{"published__year", 2020}}));
         }},
        {"year gte",
         [=] {
             return recs(B.filter({{"published__year__gte", 2021}}));
         }},
        {"month",
         [=] {
             return recs(B.filter({{"published__month", 6}}));
         }},
        {"day",
         [=] {
             return recs(B.filter({{"published__day", 31}}));
         }},
        {"date",
         [=] {
             return recs(B.filter({{"published__date", "2020-12-31"}}));
         }},
        {"date field year and month",
         [=] {
             return recs(A.filter({{"born__year", 1990}, {"born__month", 5}}));
         }},
    };
}

std::vector<DiffQuery> relation_lookups([[maybe_unused]] const QuerySet& A,
                                        [[maybe_unused]] const QuerySet& T,
                                        [[maybe_unused]] const QuerySet& B,
                                        [[maybe_unused]] const QuerySet& R) {
    return {
        {"forward FK",
         [=] {
             return recs(B.filter({{"author__name", "Ana"}}));
         }},
        {"forward FK gte",
         [=] {
             return recs(B.filter({{"author__age__gte", 40}}));
         }},
        {"reverse FK",
         [=] {
             return recs(A.filter({{"books__pages", 250}}));
         }},
        {"reverse FK then M2M",
         [=] {
             return recs(A.filter({{"books__tags__name", "python"}}));
         }},
        {"reverse FK twice",
         [=] {
             return recs(A.filter({{"books__reviews__stars", 5}}));
         }},
        {"reverse FK isnull",
         [=] {
             return recs(A.filter({{"books__isnull", true}}));
         }},
        {"M2M",
         [=] {
             return recs(B.filter({{"tags__name", "python"}}));
         }},
        {"M2M reverse",
         [=] {
             return recs(T.filter({{"books__title", "Delta 100%"}}));
         }},
        {"M2M in duplicates",
         [=] {
             return flat(B.filter({{"tags__name__in", {Value("python"), Value("db")}}})
                             .values_list({"title"}, true));
         }},
        {"M2M reverse isnull",
         [=] {
             return recs(T.filter({{"books__isnull", true}}));
         }},
        {"FK then M2M",
         [=] {
             return recs(R.filter({{"book__tags__name", "db"}}).order_by({"id"}));
         }},
        {"FK FK unicode startswith",
         [=] {
             return recs(
                 R.filter({{"book__author__name__startswith", "\xc3\x87"}}).order_by({"id"}));
         }},
    };
}

std::vector<DiffQuery> multi_valued_lookups([[maybe_unused]] const QuerySet& A,
                                            [[maybe_unused]] const QuerySet& T,
                                            [[maybe_unused]] const QuerySet& B,
                                            [[maybe_unused]] const QuerySet& R) {
    return {
        {"one filter two conditions reverse FK",
         [=] {
             return recs(A.filter({{"books__pages", 100}, {"books__price__gt", 15}}));
         }},
        {"two filters reverse FK",
         [=] {
             return recs(A.filter({{"books__pages", 100}}).filter({{"books__price__gt", 15}}));
         }},
        {"one filter two conditions M2M",
         [=] {
             return recs(B.filter(Q{{"tags__name", "python"}} & Q{{"tags__name", "db"}}));
         }},
        {"two filters M2M",
         [=] {
             return recs(B.filter({{"tags__name", "python"}}).filter({{"tags__name", "db"}}));
         }},
        {"exclude M2M",
         [=] {
             return recs(B.exclude({{"tags__name", "python"}}));
         }},
        {"exclude M2M two conditions",
         [=] {
             return recs(B.exclude({{"tags__name", "python"}, {"tags__name__startswith", "d"}}));
         }},
        {"exclude reverse FK",
         [=] {
             return recs(B.exclude({{"reviews__stars", 5}}));
         }},
    };
}

std::vector<DiffQuery> null_q_f_lookups([[maybe_unused]] const QuerySet& A,
                                        [[maybe_unused]] const QuerySet& T,
                                        [[maybe_unused]] const QuerySet& B,
                                        [[maybe_unused]] const QuerySet& R) {
    return {
        {"filter None",
         [=] {
             return recs(B.filter({{"editor", nullptr}}));
         }},
        {"filter None text",
         [=] {
             return recs(A.filter({{"email", nullptr}}));
         }},
        {"exclude nullable int",
         [=] {
             return recs(A.exclude({{"age", 30}}));
         }},
        {"exclude nullable float lt",
         [=] {
             return recs(B.exclude({{"rating__lt", 4}}));
         }},
        {"exclude across nullable FK",
         [=] {
             return recs(B.exclude({{"editor__name", "Ana"}}));
         }},
        {"Q or",
         [=] {
             return recs(B.filter(Q{{"pages__gt", 200}} | Q{{"price__lt", 6}}));
         }},
        {"Q nested not",
         [=] {
             return recs(B.filter(~Q{{"author__name", "Ana"}} &
                                  (Q{{"rating__gte", 3}} | Q{{"published__isnull", true}})));
         }},
        {"Q or negated M2M",
         [=] {
             return recs(B.filter(Q{{"title__startswith", "A"}} | ~Q{{"tags__name", "python"}}));
         }},
        {"F times in filter",
         [=] {
             return recs(B.filter({{"pages__gte", F("author__age") * 5}}));
         }},
        {"F across FK in filter",
         [=] {
             return recs(R.filter({{"stars__gt", F("book__rating")}}).order_by({"id"}));
         }},

    };
}

}  // namespace

std::vector<DiffQuery> diff_lookup_queries(OrmHarness& o) {
    const QuerySet A = o.objects("Author"), T = o.objects("Tag");
    const QuerySet B = o.objects("Book"), R = o.objects("Review");
    std::vector<DiffQuery> q;
    for (auto& query : text_lookups(A, T, B, R))
        q.push_back(std::move(query));
    for (auto& query : value_lookups(A, T, B, R))
        q.push_back(std::move(query));
    for (auto& query : relation_lookups(A, T, B, R))
        q.push_back(std::move(query));
    for (auto& query : multi_valued_lookups(A, T, B, R))
        q.push_back(std::move(query));
    for (auto& query : null_q_f_lookups(A, T, B, R))
        q.push_back(std::move(query));
    return q;
}

}  // namespace covet::test
