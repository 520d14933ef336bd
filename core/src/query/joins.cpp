#include "query/joins.h"

#include <algorithm>

namespace covet::query_sql {

Joins::Joins(std::string base_table, std::string prefix)
    : base_table_(std::move(base_table)), prefix_(std::move(prefix)) {
    base_alias_ = prefix_.empty() ? base_table_ : prefix_ + "0";
}

std::string Joins::new_alias(const std::string& table) {
    const std::size_t count = joins_.size() + 1;  // the base table counts
    if (!prefix_.empty()) return prefix_ + std::to_string(count);
    bool taken = table == base_alias_;
    for (const auto& j : joins_)
        taken = taken || j.alias == table;
    return taken ? "T" + std::to_string(count + 1) : table;
}

std::string Joins::join(const std::string& parent_alias, const Hop& hop,
                        const std::set<std::string>* reuse) {
    for (const auto& j : joins_) {
        const bool same = j.parent_alias == parent_alias && j.hop.table == hop.table &&
                          j.hop.from_column == hop.from_column && j.hop.to_column == hop.to_column;
        if (!same) continue;
        if (!hop.multi || !reuse || reuse->count(j.alias)) return j.alias;
    }
    Join join{new_alias(hop.table), parent_alias, hop, hop.nullable || is_outer(parent_alias)};
    joins_.push_back(join);
    return join.alias;
}

const Join* Joins::find(const std::string& alias) const {
    for (const auto& j : joins_)
        if (j.alias == alias) return &j;
    return nullptr;
}

bool Joins::is_outer(const std::string& alias) const {
    const Join* j = find(alias);
    return j && j->outer;
}

std::set<std::string> Joins::inner_aliases() const {
    std::set<std::string> out;
    for (const auto& j : joins_)
        if (!j.outer) out.insert(j.alias);
    return out;
}

// Django's promote_joins: a join that may miss its partner (nullable, or
// hanging off an outer join) becomes outer, and the joins below it are
// looked at again; a join every row has a partner for stays inner.
void Joins::promote(const std::set<std::string>& aliases) {
    std::vector<std::string> pending(aliases.begin(), aliases.end());
    while (!pending.empty()) {
        const std::string alias = pending.back();
        pending.pop_back();
        for (auto& j : joins_) {
            if (j.alias != alias || j.outer) continue;
            if (!j.hop.nullable && !is_outer(j.parent_alias)) continue;
            j.outer = true;
            for (const auto& child : joins_)
                if (child.parent_alias == alias) pending.push_back(child.alias);
        }
    }
}

// Django's demote_joins: the joins a condition needs to match become inner
// (the joins above them are in the same vote already).
void Joins::demote(const std::set<std::string>& aliases) {
    for (auto& j : joins_)
        if (aliases.count(j.alias)) j.outer = false;
}

std::string Joins::from_clause(const Dialect& dialect) const {
    std::string sql = dialect.quote_name(base_table_);
    if (base_alias_ != base_table_) sql += " " + dialect.quote_name(base_alias_);
    for (const auto& j : joins_) {
        sql += j.outer ? " LEFT OUTER JOIN " : " INNER JOIN ";
        sql += dialect.quote_name(j.hop.table);
        if (j.alias != j.hop.table) sql += " " + dialect.quote_name(j.alias);
        sql += " ON (" + dialect.quote_name(j.parent_alias) + "." +
               dialect.quote_name(j.hop.from_column) + " = " + dialect.quote_name(j.alias) + "." +
               dialect.quote_name(j.hop.to_column) + ")";
    }
    return sql;
}

}  // namespace covet::query_sql
