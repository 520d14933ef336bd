#include "query/many_to_many_links.h"

#include <algorithm>

#include "covet/error.h"
#include "query/field_value.h"
#include "query/row_writer.h"

namespace covet {

namespace {

// An explicit through model's two foreign keys: the first to the declaring
// model, then the other (for a relation to its own model, the next one).
std::pair<const Field*, const Field*> through_keys(const ProjectState& state,
                                                   const ModelState& through,
                                                   const ModelState& from, const ModelState& to) {
    const Field* source = nullptr;
    const Field* target = nullptr;
    for (const Field& field : through.fields) {
        if (field.type != FieldType::ForeignKey) continue;
        const ModelState* points_at = state.resolve_target(field.to, through);
        if (!points_at) continue;
        if (!source && points_at->table == from.table)
            source = &field;
        else if (!target && points_at->table == to.table)
            target = &field;
    }
    if (!source || !target)
        throw QueryError("the through model '" + through.name + "' has no foreign keys to '" +
                         from.name + "' and '" + to.name + "'");
    return {source, target};
}

}  // namespace

ManyToManyLinks::ManyToManyLinks(Database db, const Models& models, const RelationEnd& end)
    : db_(std::move(db)) {
    const ProjectState& state = models.state();
    const ModelState& declared_on = *end.declared_on;
    const ModelState* target = state.resolve_target(end.field->to, declared_on);
    if (end.field->through.empty()) {
        through_ = state.through_model(declared_on, *end.field);
    } else {
        const ModelState* explicit_through = state.resolve_target(end.field->through, declared_on);
        if (!explicit_through)
            throw QueryError("unknown through model '" + end.field->through + "'");
        through_ = *explicit_through;
    }
    const Field* source = nullptr;
    const Field* destination = nullptr;
    if (end.field->through.empty()) {
        source = &through_.fields[1];
        destination = &through_.fields[2];
    } else {
        std::tie(source, destination) = through_keys(state, through_, declared_on, *target);
    }
    owner_field_ = end.reverse ? destination : source;
    other_field_ = end.reverse ? source : destination;
    symmetrical_ = end.field->symmetrical && target && target->table == declared_on.table;
}

std::vector<Value> ManyToManyLinks::column_where(const Field& wanted, const Field& by,
                                                 const Value& value, const Field* in_field,
                                                 const std::vector<Value>& in) const {
    const Dialect& d = db_.dialect();
    std::vector<Value> params{value};
    std::string sql = "SELECT " + d.quote_name(wanted.column()) + " FROM " +
                      d.quote_name(through_.table) + " WHERE " + d.quote_name(by.column()) + " = " +
                      d.placeholder(1);
    if (in_field) {
        sql += " AND " + d.quote_name(in_field->column()) + " IN (";
        for (std::size_t i = 0; i < in.size(); ++i) {
            params.push_back(in[i]);
            sql += (i ? ", " : "") + d.placeholder(static_cast<int>(params.size()));
        }
        sql += ")";
    }
    std::vector<Value> out;
    for (Row& row : db_.connection().query(sql, params).rows)
        out.push_back(row.front().is_null() ? Value() : value_from_db(wanted, row.front()));
    return out;
}

std::vector<Value> ManyToManyLinks::linked(const Value& owner) const {
    return column_where(*other_field_, *owner_field_, owner, nullptr, {});
}

void ManyToManyLinks::add_missing(const Field& a_field, const Field& b_field, const Value& a,
                                  const std::vector<Value>& bs) const {
    if (bs.empty()) return;
    const std::vector<Value> existing = column_where(b_field, a_field, a, &b_field, bs);
    std::vector<Row> rows;
    for (const Value& b : bs)
        if (std::find(existing.begin(), existing.end(), b) == existing.end())
            rows.push_back(Row{a, b});
    if (rows.empty()) return;
    const RowWriter writer(db_.dialect(), through_);
    const std::size_t per_statement = rows_per_statement(db_.dialect(), 2, 0);
    for (std::size_t start = 0; start < rows.size(); start += per_statement) {
        const std::vector<Row> batch(rows.begin() + start,
                                     rows.begin() + std::min(rows.size(), start + per_statement));
        const CompiledSql insert = writer.insert({&a_field, &b_field}, batch, false, false);
        db_.connection().execute(insert.sql, insert.params);
    }
}

void ManyToManyLinks::add(const Value& owner, const std::vector<Value>& others) const {
    std::vector<Value> unique;
    for (const Value& other : others)
        if (std::find(unique.begin(), unique.end(), other) == unique.end()) unique.push_back(other);
    add_missing(*owner_field_, *other_field_, owner, unique);
    if (!symmetrical_) return;
    for (const Value& other : unique)
        add_missing(*owner_field_, *other_field_, other, {owner});
}

void ManyToManyLinks::remove(const Value& owner, const std::vector<Value>& others) const {
    if (others.empty()) return;
    const Dialect& d = db_.dialect();
    auto in_list = [&](const Field& field, std::vector<Value>& params) {
        std::string text = d.quote_name(field.column()) + " IN (";
        for (std::size_t i = 0; i < others.size(); ++i) {
            params.push_back(others[i]);
            text += (i ? ", " : "") + d.placeholder(static_cast<int>(params.size()));
        }
        return text + ")";
    };
    // Each placeholder is numbered before the next is made: the operands of
    // one + chain may be evaluated in any order.
    std::vector<Value> params{owner};
    std::string sql = "DELETE FROM " + d.quote_name(through_.table) + " WHERE (" +
                      d.quote_name(owner_field_->column()) + " = " + d.placeholder(1) + " AND ";
    sql += in_list(*other_field_, params) + ")";
    if (symmetrical_) {
        params.push_back(owner);
        sql += " OR (" + d.quote_name(other_field_->column()) + " = " +
               d.placeholder(static_cast<int>(params.size())) + " AND ";
        sql += in_list(*owner_field_, params) + ")";
    }
    db_.connection().execute(sql, params);
}

void ManyToManyLinks::clear(const Value& owner) const {
    const Dialect& d = db_.dialect();
    std::string sql = "DELETE FROM " + d.quote_name(through_.table) + " WHERE " +
                      d.quote_name(owner_field_->column()) + " = " + d.placeholder(1);
    std::vector<Value> params{owner};
    if (symmetrical_) {
        sql += " OR " + d.quote_name(other_field_->column()) + " = " + d.placeholder(2);
        params.push_back(owner);
    }
    db_.connection().execute(sql, params);
}

}  // namespace covet
