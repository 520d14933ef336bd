// ORDER BY: Django's get_order_by and find_ordering_name. Fields of the
// model or across relations (joined, LEFT OUTER where the relation may be
// empty), annotations, "-" for descending, "?" for random. A relation
// named by itself orders by its model's default ordering, else its key.
#include "covet/error.h"
#include "query/select_list.h"

namespace covet::query_sql {

namespace {

void add_order(QueryBuild& b, std::string name, bool descending, int depth,
               std::vector<OrderPart>& out) {
    if (name == "?") {
        out.push_back(OrderPart{Sql(b.dialect.random_function()), false, true});
        return;
    }
    if (!name.empty() && (name[0] == '-' || name[0] == '+')) {
        descending = descending != (name[0] == '-');
        name.erase(0, 1);
    }
    if (const CompiledAnnotation* a = b.annotation(name)) {
        out.push_back(OrderPart{a->value.sql, descending, false, a->value.aggregate});
        return;
    }
    const auto names = split_path(name);
    const ResolvedPath path = resolve_path(b.state, b.model, names, b.annotation_names());
    if (path.used != names.size()) unknown_field(b.state, *path.model, names[path.used], {});
    const bool by_relation = path.relation && names.back() != "pk" && !path.model->ordering.empty();
    if (by_relation) {
        if (depth > 8) throw QueryError("Infinite loop caused by ordering.");
        for (const auto& related : path.model->ordering) {
            const bool flip = !related.empty() && related[0] == '-';
            const std::string field = flip || related[0] == '+' ? related.substr(1) : related;
            add_order(b, name + "__" + field, descending != flip, depth + 1, out);
        }
        return;
    }
    out.push_back(OrderPart{b.path_column(path, nullptr), descending});
}

}  // namespace

std::vector<OrderPart> order_parts(QueryBuild& b) {
    const Query& q = b.query;
    const std::vector<std::string>& names =
        q.ordering_set ? q.ordering : (b.grouped() ? std::vector<std::string>{} : b.model.ordering);
    std::vector<OrderPart> parts;
    for (const auto& name : names)
        add_order(b, name, q.reversed, 0, parts);
    return parts;
}

std::vector<SelectPart> with_order_columns(const std::vector<SelectPart>& parts,
                                           const std::vector<OrderPart>& order) {
    std::vector<SelectPart> out = parts;
    for (const auto& o : order) {
        bool selected = o.random;
        for (const auto& p : out)
            selected = selected || (p.sql.text == o.sql.text && p.sql.params == o.sql.params);
        if (!selected) out.push_back(SelectPart{o.sql, SelectColumn{}, o.aggregate});
    }
    return out;
}

}  // namespace covet::query_sql
