// PostgreSQL: "double-quoted" names, $N placeholders, transactional DDL.
#pragma once

#include "covet/dialect.h"

namespace covet {

class PostgresDialect final : public Dialect {
  public:
    std::string name() const override { return "postgresql"; }
    const DialectFeatures& features() const override;
    std::string quote_name(std::string_view identifier) const override;
    std::string quote_value(const Value& value) const override;
    std::string placeholder(int index) const override;
    std::unique_ptr<SchemaEditor> schema_editor() const override;
    const ColumnTypeTable& column_types() const override;
    // serial and bigserial are pseudo-types: the column reads back as integer or bigint.
    std::string normalise_column_type(std::string type) const override {
        if (type == "serial") return "integer";
        if (type == "bigserial") return "bigint";
        return type;
    }
    // The catalog keeps a default with its casts ('a'::character varying,
    // '-1'::integer): the literal alone, a quoted number unquoted.
    std::string normalise_default(std::string expression) const override;
    // Foreign keys are DEFERRABLE INITIALLY DEFERRED: checking them now and
    // deferring again is the state every migration transaction starts in.
    std::vector<std::string> flush_deferred_checks() const override {
        return {"SET CONSTRAINTS ALL IMMEDIATE", "SET CONSTRAINTS ALL DEFERRED"};
    }
    // The query compiler's hooks (see covet/dialect.h).
    std::string pattern_condition(PatternLookup lookup, const std::string& lhs,
                                  const std::string& rhs) const override;
    std::string pattern_value(PatternLookup lookup, const std::string& text) const override;
    std::string date_part(DatePart part, const std::string& expression) const override;
    // Parameters go as untyped text: `"pages" * $1` would read $1 as an
    // integer and refuse '0.1', so decimals and floats say their type.
    std::string expression_literal(const std::string& placeholder,
                                   Value::Kind kind) const override {
        if (kind == Value::Kind::Decimal) return "CAST(" + placeholder + " AS NUMERIC)";
        if (kind == Value::Kind::Float) return "CAST(" + placeholder + " AS DOUBLE PRECISION)";
        return placeholder;
    }
};

}  // namespace covet
