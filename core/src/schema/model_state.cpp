#include "covet/model_state.h"

#include <cctype>

namespace covet {

const Field* ModelState::find_field(const std::string& field_name) const {
    for (const auto& f : fields)
        if (f.name == field_name) return &f;
    return nullptr;
}

const Field* ModelState::find_field_or_column(const std::string& field_name) const {
    if (const Field* f = find_field(field_name)) return f;
    for (const auto& f : fields)
        if (f.has_column() && f.column() == field_name) return &f;
    return nullptr;
}

Field* ModelState::find_field_mut(const std::string& field_name) {
    return const_cast<Field*>(std::as_const(*this).find_field_or_column(field_name));
}

const Field* ModelState::primary_key() const {
    for (const auto& f : fields)
        if (f.primary_key) return &f;
    return nullptr;
}

std::vector<const Field*> ModelState::concrete_fields() const {
    std::vector<const Field*> out;
    for (const auto& f : fields)
        if (f.has_column()) out.push_back(&f);
    return out;
}

const IndexSpec* ModelState::find_index(const std::string& index_name) const {
    for (const auto& i : indexes)
        if (i.name == index_name) return &i;
    return nullptr;
}

const ConstraintSpec* ModelState::find_constraint(const std::string& constraint_name) const {
    for (const auto& c : constraints)
        if (c.name == constraint_name) return &c;
    return nullptr;
}

std::string ModelState::column_for(const std::string& field_or_column) const {
    const Field* f = find_field_or_column(field_or_column);
    return f ? f->column() : field_or_column;
}

std::string model_name_for_table(const std::string& table) {
    std::string out;
    bool upper = true;
    for (char c : table) {
        if (c == '_' || c == '-' || c == '.') {
            upper = true;
            continue;
        }
        out += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
        upper = false;
    }
    return out;
}

}  // namespace covet
