#include "schema/identifier_names.h"

#include "covet/migration.h"

namespace covet {

namespace {

std::string joined(const std::vector<std::string>& parts) {
    std::string out;
    for (const auto& part : parts) {
        if (!out.empty()) out += '_';
        out += part;
    }
    return out;
}

}  // namespace

std::string fit_identifier(const std::string& name, std::size_t max_length) {
    constexpr std::size_t kHashLength = 8;
    if (name.size() <= max_length || max_length <= kHashLength + 1) return name;
    return name.substr(0, max_length - kHashLength - 1) + "_" +
           md5_hex(name).substr(0, kHashLength);
}

std::string foreign_key_name(const std::string& table, const std::string& column,
                             const std::string& target_table, const std::string& target_column,
                             std::size_t max_length) {
    return fit_identifier(table + "_" + column + "_fk_" + target_table + "_" + target_column,
                          max_length);
}

std::string index_name(const std::string& table, const std::vector<std::string>& columns,
                       std::size_t max_length) {
    return fit_identifier(table + "_" + joined(columns) + "_idx", max_length);
}

std::string unique_name(const std::string& table, const std::vector<std::string>& columns,
                        std::size_t max_length) {
    return fit_identifier(table + "_" + joined(columns) + "_uniq", max_length);
}

std::string set_aside_name(const std::string& table, const std::string& column,
                           std::size_t max_length) {
    return fit_identifier("_covet_dropped_" + table + (column.empty() ? "" : "__" + column),
                          max_length);
}

}  // namespace covet
