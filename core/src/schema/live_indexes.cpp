// The indexes and unique constraints of an introspected table as model
// options: db_index and unique on fields, unique_together, named indexes.
#include <algorithm>
#include <cctype>

#include "covet/dialect.h"
#include "covet/error.h"
#include "schema/identifier_names.h"
#include "schema/live_state_parts.h"

namespace covet {

namespace {

std::string joined(const std::vector<std::string>& columns) {
    std::string out;
    for (const auto& c : columns)
        out += (out.empty() ? "" : "_") + c;
    return out;
}

bool is_hex8(const std::string& text) {
    return text.size() == 8 && std::all_of(text.begin(), text.end(), [](char c) {
               return std::isxdigit(static_cast<unsigned char>(c));
           });
}

// A condition as a database prints it, without the casts it may add
// ("0::numeric", "'a'::character varying"), which conditions do not spell.
std::string without_casts(const std::string& text) {
    std::string out;
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\'') quoted = !quoted;
        if (quoted || text.compare(i, 2, "::") != 0) {
            out += text[i];
            continue;
        }
        i += 2;
        while (i < text.size() && (std::isalnum(static_cast<unsigned char>(text[i])) ||
                                   text[i] == '_' || text[i] == ' ')) {
            // A type name of several words ends before an operator or keyword.
            if (text[i] == ' ' && text.compare(i, 8, " varying") != 0 &&
                text.compare(i, 5, " with") != 0 && text.compare(i, 5, " time") != 0 &&
                text.compare(i, 5, " zone") != 0 && text.compare(i, 8, " without") != 0)
                break;
            ++i;
        }
        --i;
    }
    return out;
}

std::vector<std::string> field_names(const ModelState& model,
                                     const std::vector<std::string>& columns) {
    std::vector<std::string> out;
    for (const auto& column : columns) {
        const Field* f = model.find_field_or_column(column);
        out.push_back(f ? f->name : column);
    }
    return out;
}

bool names_only_columns(const ModelState& model, const IntrospectedIndex& index) {
    return !index.columns.empty() &&
           std::all_of(index.columns.begin(), index.columns.end(),
                       [&](const auto& c) { return model.find_field_or_column(c) != nullptr; });
}

bool is_foreign_key_constraint(const IntrospectedTable& table, const IntrospectedIndex& index) {
    return std::any_of(table.foreign_keys.begin(), table.foreign_keys.end(),
                       [&](const auto& fk) { return !fk.name.empty() && fk.name == index.name; });
}

Condition condition_of(const IntrospectedTable& table, const IntrospectedIndex& index) {
    if (index.where.empty()) return {};
    try {
        return Condition(without_casts(index.where));
    } catch (const ConditionError& e) {
        throw MigrationError("index " + index.name + " on " + table.name + ": condition '" +
                             index.where + "' does not read as a condition: " + e.what());
    }
}

// A single-column index with the name covet gives a field's db_index: the
// field says it. Another tool's (Django's <table>_<column>_<digest>) stays a
// named index, so that the adopted state names the index the database has.
bool read_as_db_index(const IntrospectedIndex& index, const IntrospectedTable& table,
                      const Dialect& dialect, ModelState& model) {
    if (index.unique || !index.where.empty() || index.columns.size() != 1) return false;
    const std::size_t limit = dialect.features().max_identifier_length;
    if (index.name != index_name(table.name, index.columns, limit)) return false;
    Field* field = model.find_field_mut(model.find_field_or_column(index.columns[0])->name);
    field->db_index = true;
    return true;
}

}  // namespace

bool generated_index_name(const std::string& name, const std::string& table,
                          const std::vector<std::string>& columns, const std::string& suffix,
                          const Dialect& dialect) {
    const std::size_t limit = dialect.features().max_identifier_length;
    if (suffix == "_idx" && name == index_name(table, columns, limit)) return true;
    if (suffix == "_uniq" && name == unique_name(table, columns, limit)) return true;
    // Django: <table>_<columns>_<digest of 8 hex digits><suffix>.
    const std::string stem = table + "_" + joined(columns) + "_";
    if (name.size() != stem.size() + 8 + suffix.size() || name.rfind(stem, 0) != 0) return false;
    return is_hex8(name.substr(stem.size(), 8)) && name.substr(stem.size() + 8) == suffix;
}

void read_indexes(const IntrospectedTable& table, const Dialect& dialect, ModelState& model) {
    for (auto& field : model.fields)
        if (field.type == FieldType::ForeignKey) field.db_index = false;
    for (const auto& index : table.indexes) {
        if (index.primary || !names_only_columns(model, index)) continue;
        // The pattern-ops twin of a text index Django adds on some back ends.
        if (generated_index_name(index.name, table.name, index.columns, "_like", dialect)) continue;
        if (!index.unique && is_foreign_key_constraint(table, index)) continue;
        if (read_as_db_index(index, table, dialect, model)) continue;
        const bool plain = index.where.empty();
        if (index.unique && plain && index.columns.size() == 1) continue;  // the field's unique
        if (index.unique && plain &&
            (index.implicit_name ||
             generated_index_name(index.name, table.name, index.columns, "_uniq", dialect))) {
            model.unique_together.push_back(field_names(model, index.columns));
            continue;
        }
        IndexSpec spec;
        spec.name = index.name;
        spec.columns = field_names(model, index.columns);
        spec.unique = index.unique;
        spec.where = condition_of(table, index);
        model.indexes.push_back(std::move(spec));
    }
}

}  // namespace covet
