// The one-line message of each kind of drift finding.
#include "covet/schema_drift.h"

namespace covet {

namespace {

std::string or_none(const std::string& text, const std::string& none) {
    return text.empty() ? none : text;
}

}  // namespace

std::string DriftFinding::message() const {
    const std::string where = table + "." + column;
    if (kind == "missing_table") return "table " + table + " is missing from the database";
    if (kind == "extra_table") return "table " + table + " is not in the migration state";
    if (kind == "unmanaged_table") return "table " + table + " is not managed by any migration";
    if (kind == "missing_column") return "column " + where + " is missing from the database";
    if (kind == "extra_column") return "column " + where + " is not in the migration state";
    if (kind == "type") return "column " + where + " has type " + actual + ", expected " + expected;
    if (kind == "nullability")
        return "column " + where + " is " + actual + ", expected " + expected;
    if (kind == "default")
        return "column " + where + " has " + (actual.empty() ? "no default" : "default " + actual) +
               ", expected " + or_none(expected, "none");
    if (kind == "primary_key")
        return "column " + where + " is " + actual + " in the database, expected " + expected;
    if (kind == "missing_index")
        return "index " + subject + " on " + table + " is missing from the database";
    if (kind == "extra_index")
        return "index " + subject + " on " + table + " is not in the migration state";
    if (kind == "index")
        return "index " + subject + " on " + table +
               " differs from the migration state: " + actual + ", expected " + expected;
    if (kind == "missing_unique")
        return "unique constraint " + subject + " on " + table + " is missing from the database";
    if (kind == "missing_foreign_key")
        return "foreign key " + where + " is missing from the database";
    if (kind == "extra_foreign_key")
        return "foreign key " + where + " to " + actual + " is not in the migration state";
    if (kind == "foreign_key_target")
        return "foreign key " + where + " references " + actual + ", expected " + expected;
    if (kind == "on_delete")
        return "foreign key " + where + " has ON DELETE " + actual + ", expected " + expected;
    return kind + " " + table + (column.empty() ? "" : "." + column) + ": " + actual +
           ", expected " + expected;
}

std::vector<std::string> find_schema_drift(const ProjectState& state, Connection& connection) {
    std::vector<std::string> out;
    for (const auto& finding : find_drift(state, connection))
        out.push_back(finding.message());
    return out;
}

}  // namespace covet
