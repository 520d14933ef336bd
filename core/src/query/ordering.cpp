// ORDER BY: Django's get_order_by. Fields of the model or across relations
// (joined, LEFT OUTER where the relation may be empty), annotations, "-"
// for descending, "?" for random; a relation orders by its key.
#include "covet/error.h"
#include "query/select_list.h"

namespace covet::query_sql {

namespace {

OrderPart order_part(QueryBuild& b, std::string name) {
    OrderPart part;
    if (name == "?") {
        part.sql = Sql(b.dialect.random_function());
        part.random = true;
        return part;
    }
    if (!name.empty() && (name[0] == '-' || name[0] == '+')) {
        part.descending = name[0] == '-';
        name.erase(0, 1);
    }
    if (const CompiledAnnotation* a = b.annotation(name)) {
        part.sql = a->value.sql;
        part.aggregate = a->value.aggregate;
        return part;
    }
    const auto names = split_path(name);
    const ResolvedPath path = resolve_path(b.state, b.model, names, b.annotation_names());
    if (path.used != names.size()) unknown_field(b.state, *path.model, names[path.used], {});
    part.sql = b.path_column(path, nullptr);
    return part;
}

}  // namespace

std::vector<OrderPart> order_parts(QueryBuild& b) {
    const Query& q = b.query;
    const std::vector<std::string>& names =
        q.ordering_set ? q.ordering : (b.grouped() ? std::vector<std::string>{} : b.model.ordering);
    std::vector<OrderPart> parts;
    for (const auto& name : names) {
        parts.push_back(order_part(b, name));
        if (q.reversed) parts.back().descending = !parts.back().descending;
    }
    return parts;
}

}  // namespace covet::query_sql
