// MySQL and MariaDB: `backquoted` names, ? placeholders, and DDL that
// commits implicitly (it cannot be rolled back).
#pragma once

#include "covet/dialect.h"

namespace covet {

class MysqlDialect final : public Dialect {
  public:
    std::string name() const override { return "mysql"; }
    const DialectFeatures& features() const override;
    std::string quote_name(std::string_view identifier) const override;
    std::string quote_value(const Value& value) const override;
    std::string placeholder(int index) const override;
    std::unique_ptr<SchemaEditor> schema_editor() const override;
    const ColumnTypeTable& column_types() const override;
    // The AUTO_INCREMENT attribute is written into the type; introspection reports it apart.
    std::string normalise_column_type(std::string type) const override;
    // datetime(6) and time(6) defaults read back with all six fraction
    // digits ('10:00:00.000000'): the fraction without its trailing zeros.
    std::string normalise_default(std::string expression) const override;
    // MariaDB stores `json` as longtext with a JSON_VALID check; bool is tinyint(1).
    bool reports_type_as(const std::string& expected, const std::string& actual) const override {
        return (expected == "json" && actual == "longtext") ||
               (expected == "bool" && actual == "tinyint(1)");
    }
    // The query compiler's hooks (see covet/dialect.h).
    std::string pattern_condition(PatternLookup lookup, const std::string& lhs,
                                  const std::string& rhs) const override;
    std::string pattern_value(PatternLookup lookup, const std::string& text) const override;
    std::string pattern_expression(PatternLookup lookup,
                                   const std::string& expression) const override;
    std::string date_part(DatePart part, const std::string& expression) const override;
    std::string limit_offset(std::optional<std::int64_t> limit, std::int64_t offset) const override;
    std::string random_function() const override { return "RAND()"; }
    std::string insert_start(bool ignore_conflicts) const override;
    std::string insert_end(bool ignore_conflicts) const override;
};

}  // namespace covet
