// The tables a query reads and how they are joined: Django's alias_map.
// Joins are reused as Django's Query.join does: a single-valued join always,
// a multi-valued one (reverse ForeignKey, many-to-many) only within the set
// of aliases the current filter() call has used (its "sticky" joins).
#pragma once

#include <set>
#include <string>
#include <vector>

#include "covet/dialect.h"

namespace covet::query_sql {

// One step from a table to a joined table: ON parent.from_column = joined.to_column.
struct Hop {
    std::string table;
    std::string from_column;
    std::string to_column;
    bool nullable = false;  // whether a row may have no partner (LEFT OUTER by default)
    bool multi = false;     // a row may have many partners
    bool direct = false;    // follows a ForeignKey forwards (may be trimmed)
};

struct Join {
    std::string alias;
    std::string parent_alias;
    Hop hop;
    bool outer = false;  // LEFT OUTER JOIN, else INNER JOIN
};

class Joins {
  public:
    // `prefix` empty: the outer query, whose tables are aliased by their
    // names first and then T2, T3, ...; else a subquery's aliases U0, U1, ...
    Joins(std::string base_table, std::string prefix);

    const std::string& base_alias() const { return base_alias_; }
    // The alias of `hop` joined to `parent_alias`: an equal join reused
    // (multi-valued ones only when in `reuse`; null reuses any), else a new one.
    std::string join(const std::string& parent_alias, const Hop& hop,
                     const std::set<std::string>* reuse);
    const Join* find(const std::string& alias) const;
    bool is_outer(const std::string& alias) const;
    bool empty() const { return joins_.empty(); }
    std::set<std::string> inner_aliases() const;
    // LEFT OUTER for these joins where a row may miss its partner, and
    // then for the joins hanging off them.
    void promote(const std::set<std::string>& aliases);
    // INNER for these joins.
    void demote(const std::set<std::string>& aliases);
    // FROM clause text after FROM: the base table and every join.
    std::string from_clause(const Dialect& dialect) const;
    const std::string& prefix() const { return prefix_; }

  private:
    std::string new_alias(const std::string& table);

    std::string base_table_;
    std::string prefix_;
    std::string base_alias_;
    std::vector<Join> joins_;
};

}  // namespace covet::query_sql
