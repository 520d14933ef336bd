// Probes of the differential test for the row methods of values() and
// values_list() querysets (first_row, last_row, row_at, row_iterator, as
// Django's first(), last(), [i] and iterator() there), aggregate()
// arithmetic over an annotated queryset (a subquery), and a decimal
// expression on the right of a filter.
#include "covet/queryset.h"
#include "django_diff.h"
#include "query/json_encoding.h"

namespace covet::test {

namespace {

nlohmann::json tuple_json(const NamedRow& row) {
    nlohmann::json values = nlohmann::json::array();
    for (const Value& value : row.values)
        values.push_back(json_of(value));
    return values;
}

nlohmann::json maybe_named(const std::optional<NamedRow>& row) {
    return row ? named(*row) : nlohmann::json(nullptr);
}

}  // namespace

std::vector<DiffQuery> diff_row_queries(OrmHarness& o) {
    const QuerySet A = o.objects("Author"), B = o.objects("Book");
    return {
        {"values first",
         [=] {
             return maybe_named(B.values({"title", "pages"}).first_row());
         }},
        {"values first empty",
         [=] {
             return maybe_named(B.filter({{"pages", -1}}).values({"title"}).first_row());
         }},
        {"values_list last",
         [=] {
             return tuple_json(*B.values_list({"title", "price"}).last_row());
         }},
        {"values_list flat index",
         [=] {
             const auto titles = B.order_by({"-pages", "title"}).values_list({"title"}, true);
             return json_of(titles.row_at(1).values.at(0));
         }},
        {"values iterator",
         [=] {
             RowStream stream = B.values({"title", "author__name"}).row_iterator();
             nlohmann::json out = nlohmann::json::array();
             for (NamedRow row; stream.next(row);)
                 out.push_back(named(row));
             return out;
         }},
        {"aggregate arithmetic over annotation",
         [=] {
             const QuerySet counted = A.annotate({{"n", Count("books")}});
             return named(counted.aggregate(
                 {{"x", Sum("n") * 2}, {"spread", Max("n") - Min("n")}, {"plus", Avg("n") + 1}}));
         }},
        {"decimal expression on the right",
         [=] {
             return recs(B.filter({{"price__gt", F("price") * Value(Decimal::parse("2")) -
                                                     Value(Decimal::parse("15"))}}));
         }},
    };
}

}  // namespace covet::test
