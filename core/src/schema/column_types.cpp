#include "covet/column_types.h"

#include <cctype>
#include <map>

#include "covet/error.h"
#include "util/text_case.h"

namespace covet {

namespace {

constexpr std::string_view kOpen = "%(";
constexpr std::string_view kClose = ")s";

const ColumnTypeRow* find_row(std::span<const ColumnTypeRow> rows, FieldType type) {
    for (const auto& row : rows)
        if (row.field == type) return &row;
    return nullptr;
}

// The text a placeholder stands for in a field's column type.
std::string argument(const Field& field, std::string_view name, const std::string& column) {
    const std::string what = std::string(field_type_name(field.type)) + " '" + field.name + "'";
    if (name == "max_length") {
        if (auto length = field.effective_max_length()) return std::to_string(*length);
        throw MigrationError(what + " needs max_length");
    }
    if (name == "max_digits" || name == "decimal_places") {
        if (!field.max_digits || !field.decimal_places)
            throw MigrationError(what + " needs max_digits and decimal_places");
        return std::to_string(name == "max_digits" ? *field.max_digits : *field.decimal_places);
    }
    if (name == "column" && !column.empty()) return column;
    throw MigrationError("column type of " + what + " names an unknown argument '" +
                         std::string(name) + "'");
}

std::string render(std::string_view text, const Field& field, const std::string& column) {
    std::string out;
    while (!text.empty()) {
        const auto open = text.find(kOpen);
        const auto close = open == std::string_view::npos ? open : text.find(kClose, open);
        if (close == std::string_view::npos) {
            out += text;
            break;
        }
        out += text.substr(0, open);
        out +=
            argument(field, text.substr(open + kOpen.size(), close - open - kOpen.size()), column);
        text.remove_prefix(close + kClose.size());
    }
    return out;
}

// Lower case, without the blank after a comma nor surrounding blanks:
// " NUMERIC(10, 2)" reads as "numeric(10,2)".
std::string comparable(std::string_view text) {
    const auto first = text.find_first_not_of(' ');
    text = first == std::string_view::npos
               ? ""
               : text.substr(first, text.find_last_not_of(' ') - first + 1);
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i)
        if (!(text[i] == ' ' && i > 0 && text[i - 1] == ',')) out += text[i];
    return to_lower(out);
}

using Arguments = std::map<std::string, std::int64_t, std::less<>>;

// Whether `type` is what `text` renders to for some arguments, which it then holds.
bool matches(std::string_view text, std::string_view type, Arguments& arguments) {
    const std::string pattern = comparable(text);
    std::size_t p = 0, t = 0;
    while (p < pattern.size()) {
        if (pattern.compare(p, kOpen.size(), kOpen) == 0) {
            const auto close = pattern.find(kClose, p);
            if (close == std::string::npos) return false;
            const std::size_t start = t;
            if (t < type.size() && type[t] == '-') ++t;
            while (t < type.size() && std::isdigit(static_cast<unsigned char>(type[t])))
                ++t;
            const std::string digits(type.substr(start, t - start));
            if (digits.empty() || digits == "-" || digits.size() > 18) return false;
            arguments[pattern.substr(p + kOpen.size(), close - p - kOpen.size())] =
                std::stoll(digits);
            p = close + kClose.size();
        } else if (t < type.size() && pattern[p] == type[t]) {
            ++p, ++t;
        } else {
            return false;
        }
    }
    return t == type.size();
}

// Field types that give a column type another field type writes too a
// meaning of their own, which the column alone does not show.
bool refines_another(FieldType type) {
    switch (type) {
        case FieldType::AutoField:
        case FieldType::BigAutoField:
        case FieldType::EmailField:
        case FieldType::URLField:
        case FieldType::JSONField:
            return true;
        default:
            return false;
    }
}

std::optional<int> small(const Arguments& arguments, std::string_view name) {
    auto it = arguments.find(name);
    if (it == arguments.end()) return std::nullopt;
    return static_cast<int>(it->second);
}

FieldOfColumn field_of(FieldType type, const Arguments& arguments, bool auto_key) {
    FieldOfColumn field;
    field.type = type;
    if (auto it = arguments.find("max_length"); it != arguments.end())
        field.max_length = it->second;
    field.max_digits = small(arguments, "max_digits");
    field.decimal_places = small(arguments, "decimal_places");
    if (auto_key && type == FieldType::IntegerField) field.type = FieldType::AutoField;
    if (auto_key && type == FieldType::BigIntegerField) field.type = FieldType::BigAutoField;
    return field;
}

}  // namespace

std::string render_column_type(const ColumnTypeTable& table, const Field& field) {
    const ColumnTypeRow* row = find_row(table.types, field.type);
    if (!row)
        throw MigrationError(std::string(field_type_name(field.type)) + " '" + field.name +
                             "' has no column type of its own");
    return render(row->text, field, "");
}

std::string column_type_suffix(const ColumnTypeTable& table, FieldType type) {
    const ColumnTypeRow* row = find_row(table.suffixes, type);
    return row ? std::string(row->text) : "";
}

std::string column_type_check(const ColumnTypeTable& table, FieldType type,
                              const std::string& quoted_column) {
    const ColumnTypeRow* row = find_row(table.checks, type);
    if (!row) return "";
    Field field;
    field.type = type;
    return render(row->text, field, quoted_column);
}

std::optional<FieldOfColumn> field_of_column_type(const ColumnTypeTable& table,
                                                  std::string_view column_type, bool auto_key) {
    const std::string type = comparable(column_type);
    Arguments arguments;
    auto first_match = [&](std::span<const ColumnTypeRow> rows,
                           bool refined) -> std::optional<FieldOfColumn> {
        for (const auto& row : rows) {
            if (refines_another(row.field) != refined) continue;
            arguments.clear();
            if (matches(row.text, type, arguments)) return field_of(row.field, arguments, auto_key);
        }
        return std::nullopt;
    };
    if (auto field = first_match(table.types, false)) return field;
    if (auto field = first_match(table.read_back, false)) return field;
    if (auto field = first_match(table.types, true)) return field;
    return first_match(table.read_back, true);
}

}  // namespace covet
