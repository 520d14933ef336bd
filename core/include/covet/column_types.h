// A dialect's column types as data, in the spelling of Django's
// `data_types`: one row per field type, whose column type is a template such
// as "varchar(%(max_length)s)". Read forwards, the table gives the column
// type the schema editor writes for a field; read backwards, it gives the
// field type (and its arguments) of an introspected column, for inspectdb.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "covet/field.h"

namespace covet {

// `text` is a template: %(max_length)s, %(max_digits)s and %(decimal_places)s
// stand for the field's arguments, %(column)s (checks only) for its quoted column.
struct ColumnTypeRow {
    FieldType field;
    std::string_view text;
};

struct ColumnTypeTable {
    // The column type of every field type that has a column of its own
    // (foreign keys take their target's, many-to-many fields have none).
    std::span<const ColumnTypeRow> types;
    // Written after PRIMARY KEY (an auto-increment keyword).
    std::span<const ColumnTypeRow> suffixes = {};
    // A CHECK condition every column of the field type gets.
    std::span<const ColumnTypeRow> checks = {};
    // Other spellings an introspected column may have, read back only.
    std::span<const ColumnTypeRow> read_back = {};
};

// The column type of a field that is not a relation. Throws MigrationError
// when the field lacks an argument the template needs, or the table has no
// row for its type.
std::string render_column_type(const ColumnTypeTable& table, const Field& field);
// The field type's suffix after PRIMARY KEY; empty when it has none.
std::string column_type_suffix(const ColumnTypeTable& table, FieldType type);
// The field type's CHECK condition on `quoted_column`; empty when it has none.
std::string column_type_check(const ColumnTypeTable& table, FieldType type,
                              const std::string& quoted_column);

// A field as a column type reads back.
struct FieldOfColumn {
    FieldType type = FieldType::IntegerField;
    std::optional<std::int64_t> max_length;
    std::optional<int> max_digits;
    std::optional<int> decimal_places;
    bool operator==(const FieldOfColumn&) const = default;
};

// The field an introspected column type (any case, blanks after commas or
// not) reads back as; nullopt when no row matches. `auto_key`: the column
// is a key the database numbers itself. A column type several field types
// share reads back as the plainest: an integer column is an IntegerField
// unless `auto_key` (then an AutoField), a varchar a CharField, not an
// EmailField.
std::optional<FieldOfColumn> field_of_column_type(const ColumnTypeTable& table,
                                                  std::string_view column_type,
                                                  bool auto_key = false);

}  // namespace covet
