// Edge cases of the differential test: empty lists, None, records as
// values, annotations mixing HAVING and WHERE, filters before and after
// annotate() on a multi-valued relation, subqueries (count of groups,
// aggregate over an annotation), SET_NULL counts, integer division.
#include "covet/queryset.h"
#include "django_diff.h"
#include "query/json_encoding.h"

namespace covet::test {

namespace {

nlohmann::json bulk(const std::vector<std::pair<Value, Record>>& found) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& [key, record] : found)
        out.push_back(nlohmann::json::array({key.as_int(), record_json(record)}));
    return out;
}

nlohmann::json one(const NamedRow& row) {
    return nlohmann::json::array({named(row)});
}

std::vector<DiffQuery> filter_edges(const QuerySet& A, const QuerySet& B) {
    const std::vector<Value> none;
    return {
        {"in empty list",
         [=] {
             return recs(B.filter({{"pk__in", none}}));
         }},
        {"exclude in empty list",
         [=] {
             return nlohmann::json(B.exclude({{"pk__in", none}}).count());
         }},
        {"iexact None",
         [=] {
             return recs(A.filter({{"email__iexact", nullptr}}));
         }},
        {"filter by record",
         [=] {
             return recs(B.filter({{"author", A.get({{"name", "Ana"}})}}));
         }},
        {"M2M in ids",
         [=] {
             return flat(
                 B.filter({{"tags__in", {Value(1), Value(3)}}}).values_list({"title"}, true));
         }},
        {"exclude M2M isnull",
         [=] {
             return recs(B.exclude({{"tags__isnull", true}}));
         }},
        {"order by annotation",
         [=] {
             return vlist(A.annotate({{"n", Count("books")}})
                              .order_by({"-n", "name"})
                              .values_list({"name", "n"}));
         }},
        {"annotation or field",
         [=] {
             return vlist(A.annotate({{"n", Count("books")}})
                              .filter(Q{{"n__gte", 2}} | Q{{"age__isnull", true}})
                              .values_list({"name", "n"}));
         }},
        {"exclude on annotation",
         [=] {
             return vlist(A.annotate({{"n", Count("books")}})
                              .exclude({{"n", 0}})
                              .values_list({"name", "n"}));
         }},
        {"values FK annotate",
         [=] {
             return vals(B.values({"author"}).annotate({{"s", Sum("price")}}).order_by({"author"}));
         }},
    };
}

std::vector<DiffQuery> date_and_null_edges(OrmHarness& o, const QuerySet& A, const QuerySet& T,
                                           const QuerySet& B) {
    return {
        {"update across M2M",
         [&o, B] {
             return rolled_back(o, [B] {
                 const std::int64_t n =
                     B.filter({{"tags__name", "python"}}).update({{"rating", 1.0}});
                 return nlohmann::json::array({n, flat(B.values_list({"rating"}, true))});
             });
         }},
        {"date field range",
         [=] {
             return recs(A.filter({{"born__range", {Value("1980-01-01"), Value("1990-12-31")}}}));
         }},
        {"date gte",
         [=] {
             return recs(B.filter({{"published__date__gte", "2021-01-01"}}));
         }},
        {"month in",
         [=] {
             return recs(B.filter({{"published__month__in", {Value(1), Value(2)}}}));
         }},
        {"exclude Q or nullable",
         [=] {
             return recs(A.exclude(Q{{"age", 30}} | Q{{"email__isnull", true}}));
         }},
        {"negated nullable",
         [=] {
             return recs(A.filter(~Q{{"age__gt", 40}} & ~Q{{"name", "Bob"}}));
         }},
        {"values_list flat across M2M",
         [=] {
             return flat(T.order_by({"name", "books__title"}).values_list({"books__title"}, true));
         }},
    };
}

std::vector<DiffQuery> aggregate_edges(OrmHarness& o, const QuerySet& A, const QuerySet& B,
                                       const QuerySet& R) {
    return {
        {"count of groups",
         [=] {
             return nlohmann::json(B.values({"pages"}).annotate({{"c", Count("id")}}).count());
         }},
        {"aggregate over annotation",
         [=] {
             return one(A.annotate({{"n", Count("books")}}).aggregate({Sum("n")}));
         }},
        {"Count star",
         [=] {
             return one(B.aggregate({{"n", Count("*")}}));
         }},
        {"filter then annotate",
         [=] {
             return vlist(A.filter({{"books__pages__gt", 90}})
                              .annotate({{"n", Count("books")}})
                              .values_list({"name", "n"}));
         }},
        {"annotate then filter",
         [=] {
             return vlist(A.annotate({{"n", Count("books")}})
                              .filter({{"books__pages__gt", 90}})
                              .values_list({"name", "n"}));
         }},
        {"distinct flat",
         [=] {
             return flat(
                 A.filter({{"books__pages__gt", 0}}).values_list({"name"}, true).distinct());
         }},
        {"first across M2M",
         [=] {
             const auto found = B.filter({{"tags__name", "db"}}).first();
             return found ? record_json(*found) : nlohmann::json(nullptr);
         }},
        {"get across FK",
         [=] {
             return record_json(B.get({{"author__name", "dan"}}));
         }},
        {"delete SET_NULL",
         [&o, A, B] {
             return rolled_back(o, [A, B] {
                 const DeleteResult d = A.filter({{"name", "Bob"}}).delete_();
                 nlohmann::json per_model = nlohmann::json::object();
                 for (const auto& [label, n] : d.per_model)
                     per_model[label] = n;
                 return nlohmann::json::array({nlohmann::json::array({d.total, per_model}),
                                               flat(B.values_list({"editor_id"}, true))});
             });
         }},
        {"slice of values", [=] { return vals(B.values({"title"}).slice(1, 3)); }},
        {"in_bulk empty", [=] { return bulk(B.in_bulk(std::vector<Value>{})); }},
        {"icontains unicode",
         [=] {
             return recs(A.filter({{"name__icontains", "zo\xc3\xab"}}));
         }},
        {"F minus nullable",
         [=] {
             return vlist(A.annotate({{"x", F("age") - 1}}).values_list({"name", "x"}));
         }},
        {"F integer division",
         [=] {
             return vlist(B.annotate({{"h", F("pages") / 3}}).values_list({"title", "h"}));
         }},
        {"values Avg per group",
         [=] {
             return vals(
                 R.values({"book_id"}).annotate({{"a", Avg("stars")}}).order_by({"book_id"}));
         }},
        {"exists sliced", [=] { return nlohmann::json(B.all().slice(5, std::nullopt).exists()); }},
    };
}

}  // namespace

std::vector<DiffQuery> diff_edge_queries(OrmHarness& o) {
    const QuerySet A = o.objects("Author"), T = o.objects("Tag");
    const QuerySet B = o.objects("Book"), R = o.objects("Review");
    std::vector<DiffQuery> q = filter_edges(A, B);
    for (auto& more : {date_and_null_edges(o, A, T, B), aggregate_edges(o, A, B, R)})
        q.insert(q.end(), more.begin(), more.end());
    return q;
}

}  // namespace covet::test
