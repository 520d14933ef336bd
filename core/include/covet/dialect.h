// What differs between back ends, as data and small virtuals. Core code asks
// a Dialect; it never tests which dialect it has.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "covet/value.h"

namespace covet {

class SchemaEditor;
struct ColumnTypeTable;

struct DialectFeatures {
    bool can_rollback_ddl = true;
    bool supports_partial_indexes = true;
    bool supports_deferrable_foreign_keys = true;
    // Generated constraint and index names are fitted to this length.
    std::size_t max_identifier_length = 63;
    // The longest name the database keeps (0: no limit). Longer names in a
    // migration are a load error: PostgreSQL would silently truncate them.
    std::size_t name_limit = 0;
    bool name_limit_counts_characters = false;  // MySQL counts characters, PostgreSQL bytes
    // CREATE INDEX CONCURRENTLY (builds without blocking writes; not in a transaction).
    bool supports_concurrent_indexes = false;
    // ORM: INSERT ... RETURNING gives the primary keys of inserted rows
    // (bulk_create, save); all three back ends covet supports have it.
    bool supports_insert_returning = true;
    // ORM: a row inserted without its auto key gets one more than the
    // table's largest, and no other session inserts while a transaction
    // writes: bulk_create may count the keys of a batch instead of
    // RETURNING them (query/counted_keys.h).
    bool auto_keys_follow_max = false;
    // ORM: an UPDATE/DELETE may read its own table in a subquery (where a
    // back end refuses, the ORM selects the primary keys first).
    bool update_can_self_select = true;
    // ORM: the most bound parameters one statement takes (bulk batches).
    std::size_t max_query_params = 32766;
};

// The lookups whose SQL differs between back ends (SPEC.md §7: the i…
// lookups case-insensitive and the others case-sensitive on every back end).
enum class PatternLookup {
    IExact,
    Contains,
    IContains,
    StartsWith,
    IStartsWith,
    EndsWith,
    IEndsWith,
    Regex,
    IRegex
};

enum class DatePart { Year, Month, Day, Date };

class Dialect {
  public:
    virtual ~Dialect() = default;
    // The back end's canonical name (backend_registry.h): run_sql's `dialect:`.
    virtual std::string name() const = 0;
    virtual const DialectFeatures& features() const = 0;
    virtual std::string quote_name(std::string_view identifier) const = 0;
    // A literal for DDL, where parameters cannot be bound (column defaults).
    virtual std::string quote_value(const Value& value) const = 0;
    // The placeholder of the n-th (1-based) bound parameter.
    virtual std::string placeholder(int index) const = 0;
    virtual std::unique_ptr<SchemaEditor> schema_editor() const = 0;
    // Statements that make the deferred constraint checks of rows written
    // so far in the transaction run now, leaving later rows deferred again.
    // Run before DDL that follows data changes in one migration: PostgreSQL
    // refuses to ALTER a table that has pending trigger events.
    virtual std::vector<std::string> flush_deferred_checks() const { return {}; }
    // Schema drift: an introspected or written column type (lower case, no
    // blank after commas) in the spelling both sides share, e.g. without the
    // auto-increment attribute or pseudo-type the editor writes.
    virtual std::string normalise_column_type(std::string type) const { return type; }
    // Schema drift: the database reports `actual` for a column written as
    // `expected` (both normalised), e.g. a type it stores another way.
    virtual bool reports_type_as(const std::string& /*expected*/,
                                 const std::string& /*actual*/) const {
        return false;
    }
    // Schema drift: a column default as the editor writes it (quote_value)
    // or as introspection reports it, in the spelling both sides share,
    // e.g. without the casts a database adds to the literal it keeps.
    virtual std::string normalise_default(std::string expression) const { return expression; }
    // The column type of each field type, read forwards by the schema editor
    // and backwards for introspected columns (covet/column_types.h).
    virtual const ColumnTypeTable& column_types() const = 0;

    // --- The ORM's query compiler (core/src/query) asks these. ---

    // The condition `lhs <lookup> ?` for a pattern lookup, `rhs` being the
    // placeholder of the parameter pattern_value() gives.
    virtual std::string pattern_condition(PatternLookup lookup, const std::string& lhs,
                                          const std::string& rhs) const;
    // The parameter bound for a pattern lookup of `text`: LIKE wildcards in
    // the text escaped (matched literally) and the pattern's own added.
    virtual std::string pattern_value(PatternLookup lookup, const std::string& text) const;
    // pattern_value() built in SQL from the text of `expression` (an F()
    // right-hand side): its wildcards escaped and the pattern's own added
    // (Django's pattern_esc and pattern_ops).
    virtual std::string pattern_expression(PatternLookup lookup,
                                           const std::string& expression) const;
    // An expression of decimal value (an aggregate or arithmetic over a
    // decimal column) as compared with a bound Decimal: as it is by default.
    virtual std::string decimal_expression(const std::string& expression) const {
        return expression;
    }
    // A bound literal of an expression (`F('pages') * Decimal('0.1')`):
    // as it is by default; a back end that types an untyped parameter from
    // the other operand (and would read 0.1 as an integer) casts it here.
    virtual std::string expression_literal(const std::string& placeholder, Value::Kind kind) const {
        (void)kind;
        return placeholder;
    }
    // A part of a date or datetime expression: an integer for Year, Month
    // and Day, a date for Date.
    virtual std::string date_part(DatePart part, const std::string& expression) const;
    // LIMIT/OFFSET text (with a leading space), empty when neither applies.
    virtual std::string limit_offset(std::optional<std::int64_t> limit, std::int64_t offset) const;
    // The row-lock clause of select_for_update() (with a leading space);
    // empty where the back end has no row locks (its queries then ignore
    // select_for_update(), as Django's).
    virtual std::string lock_clause(bool nowait, bool skip_locked) const;
    // ORDER BY ? (random order).
    virtual std::string random_function() const { return "RANDOM()"; }
    // INSERT statement text around `INTO table (...) VALUES ...`: the start
    // ("INSERT", "INSERT IGNORE") and the end (" ON CONFLICT DO NOTHING").
    virtual std::string insert_start(bool ignore_conflicts) const;
    virtual std::string insert_end(bool ignore_conflicts) const;
};

}  // namespace covet
