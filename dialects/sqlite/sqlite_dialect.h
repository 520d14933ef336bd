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
};

}  // namespace covet
