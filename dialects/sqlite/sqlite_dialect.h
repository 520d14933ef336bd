// SQLite: "double-quoted" names, ? placeholders, transactional DDL.
#pragma once

#include "covet/dialect.h"

namespace covet {

class SqliteDialect final : public Dialect {
  public:
    std::string name() const override { return "sqlite"; }
    const DialectFeatures& features() const override;
    std::string quote_name(std::string_view identifier) const override;
    std::string quote_value(const Value& value) const override;
    std::string placeholder(int index) const override;
    std::unique_ptr<SchemaEditor> schema_editor() const override;
    const ColumnTypeTable& column_types() const override;
    // The query compiler's hooks (see covet/dialect.h).
    std::string pattern_condition(PatternLookup lookup, const std::string& lhs,
                                  const std::string& rhs) const override;
    std::string pattern_value(PatternLookup lookup, const std::string& text) const override;
    std::string pattern_expression(PatternLookup lookup,
                                   const std::string& expression) const override;
    std::string date_part(DatePart part, const std::string& expression) const override;
    // Decimals are bound as text, which an expression without a column's
    // NUMERIC affinity would compare as text; the CAST gives it that
    // affinity (Django's SQLiteNumericMixin).
    std::string decimal_expression(const std::string& expression) const override {
        return "CAST(" + expression + " AS NUMERIC)";
    }
    // No row locks: a write locks the whole database (Django's SQLite
    // back end ignores select_for_update() too).
    std::string lock_clause(bool, bool) const override { return ""; }
    std::string limit_offset(std::optional<std::int64_t> limit, std::int64_t offset) const override;
    std::string insert_start(bool ignore_conflicts) const override;
    std::string insert_end(bool ignore_conflicts) const override;
};

}  // namespace covet
