#include "query/select_list.h"

#include <algorithm>

#include "covet/error.h"
#include "query/key_field.h"
#include "query/lookups.h"

namespace covet::query_sql {

namespace {

bool named(const std::vector<std::string>& names, const std::string& name) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

// only()/defer() of the fields of `prefix`'s model ("" the queried one);
// the primary key is always loaded.
bool loaded(const Query& query, const Field& field, const std::string& prefix) {
    if (field.primary_key) return true;
    const std::string name = prefix.empty() ? field.name : prefix + "__" + field.name;
    if (named(query.defer, name)) return false;
    if (query.only.empty()) return true;
    if (prefix.empty()) return named(query.only, name);
    for (const auto& o : query.only)
        if (o.rfind(prefix + "__", 0) == 0) return named(query.only, name);
    return true;
}

void check_loading_names(const QueryBuild& b) {
    for (const auto* list : {&b.query.only, &b.query.defer})
        for (const auto& name : *list)
            if (name.find("__") == std::string::npos && !b.model.find_field(name) && name != "pk")
                unknown_field(b.state, b.model, name, {});
}

void add_model_columns(QueryBuild& b, const ModelState& model, const std::string& alias,
                       const std::string& prefix, std::vector<SelectPart>& parts) {
    for (const Field* f : model.concrete_fields()) {
        if (!loaded(b.query, *f, prefix)) continue;
        SelectColumn c;
        c.kind = SelectColumn::Kind::Field;
        c.name = f->name;
        c.model = &model;
        c.field = f;
        if (f->type == FieldType::ForeignKey) c.value_field = &key_kind_field(b.state, model, *f);
        c.relation_path = prefix;
        parts.push_back(SelectPart{Sql(b.column(alias, f->column())), c});
    }
}

[[noreturn]] void bad_related(const QueryBuild& b, const ModelState& model,
                              const std::string& name) {
    std::string choices;
    for (const auto& rel : b.state.relations().forward_of(model))
        if (rel.kind == RelationKind::ManyToOne)
            choices += (choices.empty() ? "" : ", ") + rel.field->name;
    throw QueryError("Invalid field name(s) given in select_related: '" + name +
                     "'. Choices are: " + (choices.empty() ? "(none)" : choices));
}

// select_related: a join per forward ForeignKey of each path, LEFT OUTER
// where the key may be NULL, and the related model's columns.
void add_related(QueryBuild& b, std::vector<SelectPart>& parts) {
    std::vector<std::string> done;
    for (const auto& path : b.query.select_related) {
        const ModelState* current = &b.model;
        std::string alias = b.joins.base_alias();
        std::string prefix;
        for (const auto& name : split_path(path)) {
            const RelationEnd* rel = b.state.resolve_relation(*current, name);
            if (!rel || rel->reverse || rel->kind == RelationKind::ManyToMany)
                bad_related(b, *current, name);
            alias = b.joins.join(alias, relation_hops(b.state, *current, *rel).front(), nullptr);
            current = rel->related;
            prefix += (prefix.empty() ? "" : "__") + name;
            if (named(done, prefix)) continue;
            done.push_back(prefix);
            add_model_columns(b, *current, alias, prefix, parts);
        }
    }
}

SelectPart annotation_part(const CompiledAnnotation& a, const ModelState& model) {
    SelectColumn c;
    c.kind = SelectColumn::Kind::Annotation;
    c.name = a.alias;
    c.model = &model;
    c.field = a.value.field;
    c.aggregate = a.value.aggregate;
    c.function = a.value.function;
    return SelectPart{a.value.sql, c, a.value.aggregate};
}

std::string value_name(const Field& f) {
    return f.type == FieldType::ForeignKey ? f.name + "_id" : f.name;
}

// A values() entry: a field across relations, perhaps ending in date
// transforms (`published_at__year`), read as the transform's type.
SelectPart value_part(QueryBuild& b, const std::string& name) {
    const auto names = split_path(name);
    const ResolvedPath path = resolve_path(b.state, b.model, names, b.annotation_names());
    SelectColumn c;
    c.kind = SelectColumn::Kind::Value;
    c.name = name;
    c.model = path.model;
    c.field = path.field;
    Sql sql = b.path_column(path, nullptr);
    if (path.used != names.size()) {
        LookupTail tail;
        tail.transforms.assign(names.begin() + static_cast<long>(path.used), names.end());
        if (path.relation || !transforms_only(*path.field, tail.transforms))
            unknown_field(b.state, *path.model, names[path.used], {});
        sql = apply_transforms(b.dialect, tail, sql, c.field);
    } else if (c.field && c.field->type == FieldType::ForeignKey) {
        c.value_field = &key_kind_field(b.state, *path.model, *c.field);
    }
    return SelectPart{sql, c};
}

void add_values(QueryBuild& b, std::vector<SelectPart>& parts) {
    const Query& q = b.query;
    std::vector<std::string> names = q.value_fields;
    const bool all_annotations = names.empty() || q.group_by_values || q.annotated_values;
    if (names.empty())
        for (const Field* f : b.model.concrete_fields())
            names.push_back(value_name(*f));
    for (const auto& name : names) {
        if (const CompiledAnnotation* a = b.annotation(name)) {
            if (!q.value_fields.empty() && all_annotations) continue;  // added below, in order
            parts.push_back(annotation_part(*a, b.model));
            continue;
        }
        parts.push_back(value_part(b, name));
    }
    if (all_annotations)
        for (const auto& a : b.annotations)
            parts.push_back(annotation_part(a, b.model));
}

bool contains(const std::vector<Sql>& list, const Sql& sql) {
    for (const auto& s : list)
        if (s.text == sql.text && s.params == sql.params) return true;
    return false;
}

}  // namespace

std::vector<SelectPart> select_list(QueryBuild& b, bool with_related) {
    std::vector<SelectPart> parts;
    if (b.query.shape != Query::Shape::Records) {
        add_values(b, parts);
        return parts;
    }
    check_loading_names(b);
    add_model_columns(b, b.model, b.joins.base_alias(), "", parts);
    for (const auto& a : b.annotations)
        parts.push_back(annotation_part(a, b.model));
    if (with_related) add_related(b, parts);
    return parts;
}

std::vector<Sql> group_by(QueryBuild& b, const std::vector<SelectPart>& parts,
                          const std::vector<OrderPart>& order) {
    std::vector<Sql> group;
    if (!b.grouped()) return group;
    auto add = [&](const Sql& sql) {
        if (!contains(group, sql)) group.push_back(sql);
    };
    if (!b.query.group_by_values)
        for (const Field* f : b.model.concrete_fields())
            add(Sql(b.column(b.joins.base_alias(), f->column())));
    for (const auto& p : parts)
        if (!p.aggregate) add(p.sql);
    for (const auto& o : order)
        if (!o.random && !o.aggregate) add(o.sql);
    return group;
}

Sql where_clause(const QueryBuild& b) {
    Sql sql;
    if (!b.where.empty()) {
        const Sql all = join_sql(b.where, " AND ");
        sql += Sql(" WHERE ") + (b.where.size() > 1 ? Sql("(") + all + Sql(")") : all);
    }
    return sql;
}

Sql select_statement(QueryBuild& b, const std::vector<SelectPart>& parts,
                     const std::vector<Sql>& group, const std::vector<OrderPart>& order,
                     const StatementOptions& options) {
    std::vector<Sql> columns;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        Sql column = parts[i].sql;
        if (parts[i].column.kind == SelectColumn::Kind::Annotation)
            column += " AS " + b.dialect.quote_name(parts[i].column.name);
        else if (options.alias_columns)
            column += " AS " + b.dialect.quote_name("__col" + std::to_string(i + 1));
        columns.push_back(std::move(column));
    }
    Sql sql(options.distinct ? "SELECT DISTINCT " : "SELECT ");
    sql += join_sql(columns, ", ");
    sql += " FROM " + b.joins.from_clause(b.dialect);
    sql += where_clause(b);
    if (!group.empty()) sql += Sql(" GROUP BY ") + join_sql(group, ", ");
    if (!b.having.empty()) sql += Sql(" HAVING ") + join_sql(b.having, " AND ");
    std::vector<Sql> terms;
    for (const auto& o : order)
        terms.push_back(o.random ? o.sql : o.sql + Sql(o.descending ? " DESC" : " ASC"));
    if (!terms.empty()) sql += Sql(" ORDER BY ") + join_sql(terms, ", ");
    sql += b.dialect.limit_offset(options.limit, options.offset);
    return sql;
}

}  // namespace covet::query_sql
