// What differs between back ends, as data and small virtuals. Core code asks
// a Dialect; it never tests which dialect it has.
#pragma once

#include <memory>
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
};

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
    // The column type of each field type, read forwards by the schema editor
    // and backwards for introspected columns (covet/column_types.h).
    virtual const ColumnTypeTable& column_types() const = 0;
};

}  // namespace covet
