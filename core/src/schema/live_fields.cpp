// One introspected column read back as a field, as Django's inspectdb does.
#include <algorithm>
#include <cctype>
#include <charconv>

#include "covet/column_types.h"
#include "covet/dialect.h"
#include "covet/error.h"
#include "schema/live_state_parts.h"
#include "util/text_case.h"

namespace covet {

namespace {

// "'abc'::text" -> "'abc'": the cast a database may add to a literal.
std::string without_cast(const std::string& text) {
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\'') quoted = !quoted;
        if (!quoted && text.compare(i, 2, "::") == 0) return text.substr(0, i);
    }
    return text;
}

std::string without_parentheses(std::string text) {
    while (text.size() >= 2 && text.front() == '(' && text.back() == ')')
        text = text.substr(1, text.size() - 2);
    return text;
}

std::optional<std::string> quoted_text(const std::string& text) {
    if (text.size() < 2 || text.front() != '\'' || text.back() != '\'') return std::nullopt;
    std::string out;
    for (std::size_t i = 1; i + 1 < text.size(); ++i) {
        if (text[i] == '\'' && text[i + 1] == '\'') ++i;  // '' is one quote
        out += text[i];
    }
    return out;
}

bool is_number(const std::string& text, bool allow_point) {
    if (text.empty()) return false;
    std::size_t i = text[0] == '-' ? 1 : 0;
    bool digits = false, point = false;
    for (; i < text.size(); ++i) {
        if (std::isdigit(static_cast<unsigned char>(text[i]))) {
            digits = true;
        } else if (text[i] == '.' && allow_point && !point) {
            point = true;
        } else {
            return false;
        }
    }
    return digits;
}

// An integer literal; nullopt past 64 bits (left as no default).
std::optional<Value> integer_value(const std::string& text) {
    std::int64_t n = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return Value(n);
}

bool is_integer_type(FieldType type) {
    return type == FieldType::IntegerField || type == FieldType::BigIntegerField ||
           type == FieldType::SmallIntegerField;
}

OnDelete on_delete_of(const std::string& rule) {
    const std::string r = to_upper(rule);
    if (r == "CASCADE") return OnDelete::Cascade;
    if (r == "SET NULL") return OnDelete::SetNull;
    if (r == "SET DEFAULT") return OnDelete::SetDefault;
    // covet writes PROTECT as RESTRICT; no clause reads back as NO ACTION.
    if (r == "RESTRICT") return OnDelete::Protect;
    return OnDelete::DoNothing;
}

bool has_single_column_unique(const IntrospectedTable& table, const std::string& column) {
    return std::any_of(table.indexes.begin(), table.indexes.end(), [&](const auto& index) {
        return index.unique && !index.primary && index.where.empty() &&
               index.columns == std::vector<std::string>{column};
    });
}

void read_foreign_key(const IntrospectedForeignKey& fk, Field& field) {
    field.type = FieldType::ForeignKey;
    field.to = fk.target_table;
    field.on_delete = on_delete_of(fk.on_delete);
    field.max_length.reset();
    field.max_digits.reset();
    field.decimal_places.reset();
    const std::string suffix = "_id";
    const std::string& column = fk.column;
    if (column.size() > suffix.size() &&
        column.compare(column.size() - suffix.size(), suffix.size(), suffix) == 0) {
        field.name = column.substr(0, column.size() - suffix.size());
    } else {
        field.db_column = column;
    }
}

}  // namespace

std::optional<Value> default_of_column(const std::string& reported, FieldType type) {
    const std::string text = without_parentheses(without_cast(reported));
    if (to_upper(text) == "NULL") return std::nullopt;
    auto quoted = quoted_text(text);
    const std::string bare = quoted ? *quoted : text;
    if (type == FieldType::BooleanField) {
        const std::string word = to_lower(bare);
        if (word == "1" || word == "true" || word == "t") return Value(true);
        if (word == "0" || word == "false" || word == "f") return Value(false);
        return std::nullopt;
    }
    if (is_integer_type(type) && is_number(bare, false)) return integer_value(bare);
    if (type == FieldType::FloatField && is_number(bare, true)) return Value(std::stod(bare));
    if (type == FieldType::DecimalField && is_number(bare, true)) {
        // A column's scale pads the default ("0.000"): the value written was 0.
        std::string digits = bare;
        if (digits.find('.') != std::string::npos) {
            digits.erase(digits.find_last_not_of('0') + 1);
            if (digits.back() == '.') digits.pop_back();
        }
        return digits.find('.') == std::string::npos ? integer_value(digits)
                                                     : std::optional<Value>(std::stod(digits));
    }
    if (quoted) return Value(*quoted);
    return std::nullopt;  // an expression
}

Field field_of_column(const IntrospectedTable& table, const IntrospectedColumn& column,
                      const Dialect& dialect) {
    const bool auto_key = column.primary_key && column.auto_increment;
    auto read = field_of_column_type(dialect.column_types(), column.type, auto_key);
    if (!read)
        throw MigrationError("column " + table.name + "." + column.name + " has type '" +
                             column.type + "', which no field type reads back");
    Field field;
    field.name = column.name;
    field.type = read->type;
    if (column.json_checked && field.type == FieldType::TextField)
        field.type = FieldType::JSONField;
    field.max_length = read->max_length;
    field.max_digits = read->max_digits;
    field.decimal_places = read->decimal_places;
    field.primary_key = column.primary_key;
    field.null = column.nullable && !column.primary_key;
    field.unique = !column.primary_key && has_single_column_unique(table, column.name);
    if (column.default_value && !auto_key)
        field.default_value = default_of_column(*column.default_value, field.type);
    for (const auto& fk : table.foreign_keys)
        if (fk.column == column.name) read_foreign_key(fk, field);
    return field;
}

}  // namespace covet
