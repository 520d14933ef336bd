// QuerySet methods of the differential test: order_by, distinct, slicing,
// first/last, count/exists, values/values_list, in_bulk, and the writes
// (delete counts, get_or_create, update_or_create) rolled back afterwards.
#include "covet/queryset.h"
#include "django_diff.h"

namespace covet::test {

namespace {

nlohmann::json maybe(const std::optional<Record>& record) {
    return record ? record_json(*record) : nlohmann::json(nullptr);
}

nlohmann::json without_id(const Record& record) {
    nlohmann::json row = record_json(record);
    row.erase("id");
    return row;
}

nlohmann::json deleted(const DeleteResult& result) {
    nlohmann::json per_model = nlohmann::json::object();
    for (const auto& [label, n] : result.per_model)
        per_model[label] = n;
    return nlohmann::json::array({result.total, per_model});
}

nlohmann::json bulk(const std::vector<std::pair<Value, Record>>& found) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& [key, record] : found)
        out.push_back(nlohmann::json::array({key.as_int(), record_json(record)}));
    return out;
}

std::vector<DiffQuery> orderings(const QuerySet& A, const QuerySet& B, const QuerySet& R) {
    return {
        {"order_by across FK and desc",
         [=] {
             return flat(B.order_by({"author__name", "-pages"}).values_list({"title"}, true));
         }},
        {"order_by FK follows its default ordering",
         [=] {
             return flat(B.order_by({"author", "title"}).values_list({"title"}, true));
         }},
        {"order_by reverse FK duplicates",
         [=] {
             return flat(A.order_by({"-books__pages", "name"}).values_list({"name"}, true));
         }},
        {"reverse", [=] { return flat(A.reverse().values_list({"name"}, true)); }},
        {"distinct",
         [=] {
             return recs(
                 A.filter({{"books__tags__name__in", {Value("python"), Value("db")}}}).distinct());
         }},
        {"values distinct",
         [=] { return vals(B.values({"author_id"}).distinct().order_by({"author_id"})); }},
        {"slice", [=] { return recs(B.all().slice(1, 3)); }},
        {"slice open end", [=] { return recs(B.all().slice(2, std::nullopt)); }},
        {"slice head",
         [=] {
             return recs(B.order_by({"-pages", "title"}).slice(std::nullopt, 2));
         }},
        {"index",
         [=] {
             return record_json(B.order_by({"-pages", "title"}).at(1));
         }},
        {"first ordered", [=] { return maybe(B.first()); }},
        {"last ordered", [=] { return maybe(B.last()); }},
        {"first unordered", [=] { return maybe(R.first()); }},
        {"last unordered", [=] { return maybe(R.last()); }},
        {"first empty",
         [=] {
             return maybe(B.filter({{"pages__gt", 1000}}).first());
         }},
        {"last order_by", [=] { return maybe(B.order_by({"price"}).last()); }},
    };
}

std::vector<DiffQuery> counts_and_values(const QuerySet& A, const QuerySet& T, const QuerySet& B,
                                         const QuerySet& R) {
    return {
        {"count", [=] { return nlohmann::json(B.count()); }},
        {"count M2M",
         [=] {
             return nlohmann::json(B.filter({{"tags__name", "python"}}).count());
         }},
        {"count distinct",
         [=] {
             return nlohmann::json(
                 A.filter({{"books__tags__name__in", {Value("python"), Value("db")}}})
                     .distinct()
                     .count());
         }},
        {"count sliced", [=] { return nlohmann::json(B.all().slice(1, 10).count()); }},
        {"exists",
         [=] {
             return nlohmann::json::array({T.filter({{"books__isnull", true}}).exists(),
                                           A.filter({{"name", "Nobody"}}).exists()});
         }},
        {"values_list flat",
         [=] { return flat(T.order_by({"name"}).values_list({"name"}, true)); }},
        {"values_list across FK",
         [=] {
             return vlist(B.values_list({"title", "author__name", "editor__name"}));
         }},
        {"values all fields", [=] { return vals(R.values().order_by({"id"})); }},
        {"values across M2M",
         [=] {
             return vals(B.filter({{"pages__gte", 250}})
                             .values({"title", "tags__name"})
                             .order_by({"title", "tags__name"}));
         }},
        {"in_bulk",
         [=] {
             return bulk(B.in_bulk({Value(1), Value(3), Value(99)}));
         }},
        {"in_bulk all", [=] { return bulk(T.in_bulk()); }},
    };
}

std::vector<DiffQuery> writes(OrmHarness& o, const QuerySet& A, const QuerySet& T,
                              const QuerySet& B) {
    return {
        {"delete cascade",
         [&o, A, B] {
             return rolled_back(o, [A, B] {
                 const nlohmann::json d = deleted(A.filter({{"name", "Ana"}}).delete_());
                 return nlohmann::json::array({d[0], d[1], recs(B.all())});
             });
         }},
        {"delete M2M links",
         [&o, T] {
             return rolled_back(o, [T] { return deleted(T.filter({{"name", "db"}}).delete_()); });
         }},
        {"delete books",
         [&o, B] {
             return rolled_back(o, [B] {
                 return deleted(B.filter({{"pages__lt", 200}}).delete_());
             });
         }},
        {"get_or_create found",
         [&o, T] {
             return rolled_back(o, [T] {
                 const auto [record, created] = T.get_or_create({{"name", "db"}});
                 return nlohmann::json::array({record_json(record), created});
             });
         }},
        {"get_or_create created",
         [&o, A] {
             return rolled_back(o, [A] {
                 const auto [record, created] = A.get_or_create({{"name", "Eve"}}, {{"age", 20}});
                 return nlohmann::json::array({without_id(record), created});
             });
         }},
        {"update_or_create updated",
         [&o, A] {
             return rolled_back(o, [A] {
                 const auto [record, created] =
                     A.update_or_create({{"name", "Bob"}}, {{"age", 50}});
                 return nlohmann::json::array({record_json(record), created, recs(A.all())});
             });
         }},
        {"update_or_create created",
         [&o, B] {
             return rolled_back(o, [B] {
                 const auto [record, created] = B.update_or_create(
                     {{"title", "Zeta"}}, {{"author_id", 2}, {"price", "1.5"}, {"pages", 7}});
                 return nlohmann::json::array({without_id(record), created});
             });
         }},
    };
}

}  // namespace

std::vector<DiffQuery> diff_method_queries(OrmHarness& o) {
    const QuerySet A = o.objects("Author"), T = o.objects("Tag");
    const QuerySet B = o.objects("Book"), R = o.objects("Review");
    std::vector<DiffQuery> q = orderings(A, B, R);
    for (auto& more : {counts_and_values(A, T, B, R), writes(o, A, T, B)})
        q.insert(q.end(), more.begin(), more.end());
    return q;
}

}  // namespace covet::test
