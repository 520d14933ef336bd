// Annotations and aggregates of the differential test: F in annotate and
// update, Count (distinct) / Sum / Avg / Max / Min, filters on annotations,
// values() grouping and aggregate() result types with default aliases.
// values().annotate() queries give order_by() explicitly: Django 3.2 adds
// Meta.ordering to their GROUP BY, covet drops it when aggregating (SPEC §7).
#include "covet/queryset.h"
#include "django_diff.h"
#include "query/json_encoding.h"

namespace covet::test {

namespace {

nlohmann::json annotated_records(const QuerySet& qs) {
    nlohmann::json out = nlohmann::json::array();
    for (const Record& record : qs) {
        nlohmann::json row = record_json(record);
        row["n"] = json_of(record.get("n"));
        out.push_back(std::move(row));
    }
    return out;
}

}  // namespace

namespace {

std::vector<DiffQuery> annotations([[maybe_unused]] OrmHarness& o,
                                   [[maybe_unused]] const QuerySet& A,
                                   [[maybe_unused]] const QuerySet& B,
                                   [[maybe_unused]] const QuerySet& R) {
    return {
        {"F in annotate",
         [=] {
             return vals(B.annotate({{"double", F("pages") * 2 + 1}}).values({"title", "double"}));
         }},
        {"F update",
         [&o, B] {
             return rolled_back(o, [B] {
                 const std::int64_t n =
                     B.filter({{"pages__lt", 200}}).update({{"pages", F("pages") + 1}});
                 return nlohmann::json::array({n, vlist(B.values_list({"title", "pages"}))});
             });
         }},
        {"annotate Count",
         [=] {
             return vlist(A.annotate({{"n", Count("books")}}).values_list({"name", "n"}));
         }},
        {"annotate Count distinct",
         [=] {
             return vlist(
                 A.annotate({{"n", Count("books__tags", true)}}).values_list({"name", "n"}));
         }},
        {"annotate Count not distinct",
         [=] {
             return vlist(A.annotate({{"n", Count("books__tags")}}).values_list({"name", "n"}));
         }},
        {"annotate Sum decimal",
         [=] {
             return vlist(
                 A.annotate({{"total", Sum("books__price")}}).values_list({"name", "total"}));
         }},
        {"annotate Avg int",
         [=] {
             return vlist(
                 A.annotate({{"mean", Avg("books__pages")}}).values_list({"name", "mean"}));
         }},
        {"annotate Max datetime Min decimal",
         [=] {
             return vlist(
                 A.annotate({{"last", Max("books__published")}, {"low", Min("books__price")}})
                     .values_list({"name", "last", "low"}));
         }},
        {"annotate records",
         [=] {
             return annotated_records(A.annotate({{"n", Count("books")}}));
         }},
    };
}

std::vector<DiffQuery> groupings([[maybe_unused]] OrmHarness& o, [[maybe_unused]] const QuerySet& A,
                                 [[maybe_unused]] const QuerySet& B,
                                 [[maybe_unused]] const QuerySet& R) {
    return {
        {"filter on annotation",
         [=] {
             return vlist(A.annotate({{"n", Count("books")}})
                              .filter({{"n__gte", 2}})
                              .values_list({"name", "n"}));
         }},
        {"M2M count filter on annotation",
         [=] {
             return vlist(B.annotate({{"nt", Count("tags")}})
                              .filter({{"nt__gt", 1}})
                              .values_list({"title", "nt"}));
         }},
        {"two multi-valued counts",
         [=] {
             return vlist(
                 A.annotate({{"nb", Count("books", true)}, {"nr", Count("books__reviews")}})
                     .values_list({"name", "nb", "nr"}));
         }},
        {"values annotate across FK",
         [=] {
             return vals(B.values({"author__name"})
                             .annotate({{"n", Count("id")}, {"s", Sum("pages")}})
                             .order_by({"author__name"}));
         }},
        {"values annotate",
         [=] {
             return vals(B.values({"pages"}).annotate({{"c", Count("id")}}).order_by({"pages"}));
         }},
        {"values annotate no ordering model",
         [=] {
             return vals(R.values({"stars"}).annotate({{"c", Count("id")}}).order_by({"-stars"}));
         }},
    };
}

std::vector<DiffQuery> aggregates([[maybe_unused]] OrmHarness& o,
                                  [[maybe_unused]] const QuerySet& A,
                                  [[maybe_unused]] const QuerySet& B,
                                  [[maybe_unused]] const QuerySet& R) {
    return {
        {"aggregate default aliases",
         [=] {
             return nlohmann::json::array({named(B.aggregate(
                 {Sum("price"), Avg("pages"), Max("rating"), Min("published"), Count("id")}))});
         }},
        {"aggregate Avg decimal",
         [=] { return nlohmann::json::array({named(B.aggregate({Avg("price")}))}); }},
        {"aggregate Sum float",
         [=] { return nlohmann::json::array({named(B.aggregate({Sum("rating")}))}); }},
        {"aggregate Avg nullable int",
         [=] { return nlohmann::json::array({named(A.aggregate({Avg("age")}))}); }},
        {"aggregate Count distinct M2M",
         [=] { return nlohmann::json::array({named(B.aggregate({Count("tags", true)}))}); }},
        {"aggregate empty",
         [=] {
             return nlohmann::json::array(
                 {named(B.filter({{"pages__gt", 1000}})
                            .aggregate({Sum("pages"), Count("id"), Max("price")}))});
         }},
        {"aggregate named",
         [=] {
             return nlohmann::json::array(
                 {named(A.aggregate({{"oldest", Max("age")}, {"n", Count("books")}}))});
         }},

    };
}

}  // namespace

std::vector<DiffQuery> diff_aggregate_queries(OrmHarness& o) {
    const QuerySet A = o.objects("Author"), B = o.objects("Book"), R = o.objects("Review");
    std::vector<DiffQuery> q;
    for (auto& query : annotations(o, A, B, R))
        q.push_back(std::move(query));
    for (auto& query : groupings(o, A, B, R))
        q.push_back(std::move(query));
    for (auto& query : aggregates(o, A, B, R))
        q.push_back(std::move(query));
    return q;
}

}  // namespace covet::test
