#include "query/query_build.h"

#include "covet/error.h"

namespace covet::query_sql {

namespace {

const ModelState& model_of(const Query& query) {
    if (!query.model) throw QueryError("the query has no model");
    return *query.model;
}

}  // namespace

QueryBuild::QueryBuild(const ProjectState& state_, const Dialect& dialect_, const Query& query_,
                       std::string prefix)
    : state(state_),
      dialect(dialect_),
      query(query_),
      model(model_of(query_)),
      joins(model.table, std::move(prefix)) {}

void QueryBuild::build_conditions() {
    std::size_t next = 0;
    for (const auto& filter : query.filters) {
        for (; next < query.annotations.size() && next < filter.annotations_before; ++next)
            add_annotation(query.annotations[next]);
        add_filter(filter);
    }
    for (; next < query.annotations.size(); ++next)
        add_annotation(query.annotations[next]);
}

std::string QueryBuild::column(const std::string& alias, const std::string& name) const {
    return dialect.quote_name(alias) + "." + dialect.quote_name(name);
}

std::vector<std::string> QueryBuild::setup_joins(const ResolvedPath& path,
                                                 const std::set<std::string>* reuse,
                                                 std::set<std::string>* used) {
    std::vector<std::string> aliases{joins.base_alias()};
    for (const auto& hop : path.hops) {
        aliases.push_back(joins.join(aliases.back(), hop, reuse));
        if (used) used->insert(aliases.back());
    }
    return aliases;
}

Sql QueryBuild::path_column(const ResolvedPath& path, const std::set<std::string>* reuse,
                            std::set<std::string>* used) {
    const auto aliases = setup_joins(path, reuse, used);
    return Sql(column(aliases.back(), path.column));
}

std::string QueryBuild::sub_prefix() const {
    const std::string& own = joins.prefix();
    if (own.empty()) return "U";
    return std::string(1, static_cast<char>(own[0] + 1));
}

void check_alias(const std::string& alias) {
    bool ok = !alias.empty() && !(alias[0] >= '0' && alias[0] <= '9');
    for (char c : alias)
        ok = ok && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '_');
    if (!ok)
        throw QueryError("Column aliases may contain only letters, digits and underscores: '" +
                         alias + "'");
}

}  // namespace covet::query_sql
