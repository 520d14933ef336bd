#include "backend_probe.h"
#include "covet/introspector.h"

#include <algorithm>
#include <stdexcept>

#include "connect.h"
#include "test_servers.h"

namespace covet_test {

namespace {

std::string text_of(const covet::Value& value) {
    return value.kind() == covet::Value::Kind::Text ? value.as_text() : value.to_string();
}

}  // namespace

std::string database_url_for(const std::string& backend, const Workspace& ws) {
    if (backend == "sqlite") return "sqlite:///" + (ws / "covet.db").string();
    return covet::test::fresh_database_url(backend);
}

DatabaseProbe::DatabaseProbe(const std::string& url)
    : connection_(covet::connect_database(covet::parse_database_url(url))) {}

std::set<std::string> DatabaseProbe::tables() {
    auto names = covet::introspector_of(*connection_).table_names();
    return {names.begin(), names.end()};
}

std::set<std::string> DatabaseProbe::schema_tables() {
    auto names = tables();
    names.erase("covet_migrations");
    names.erase("covet_migrations_journal");
    return names;
}

bool DatabaseProbe::has_table(const std::string& table) {
    return tables().count(table) != 0;
}

std::vector<std::string> DatabaseProbe::columns(const std::string& table) {
    std::vector<std::string> names;
    for (const auto& column : covet::introspector_of(*connection_).describe_table(table).columns)
        names.push_back(column.name);
    return names;
}

bool DatabaseProbe::has_column(const std::string& table, const std::string& column) {
    if (!has_table(table)) return false;
    auto names = columns(table);
    return std::find(names.begin(), names.end(), column) != names.end();
}

std::set<std::string> DatabaseProbe::indexes(const std::string& table) {
    std::set<std::string> names;
    for (const auto& index : covet::introspector_of(*connection_).describe_table(table).indexes)
        names.insert(index.name);
    return names;
}

long long DatabaseProbe::scalar(const std::string& sql) {
    auto result = connection_->query(sql);
    if (result.rows.empty() || result.rows[0].empty())
        throw std::runtime_error("no value from: " + sql);
    // Drivers differ in the type they report for count(*); the text is the same.
    return std::stoll(text_of(result.rows[0][0]));
}

std::vector<std::pair<std::string, std::string>> DatabaseProbe::history() {
    std::vector<std::pair<std::string, std::string>> rows;
    if (!has_table("covet_migrations")) return rows;
    for (const auto& row :
         connection_->query("SELECT app, name FROM covet_migrations ORDER BY id").rows)
        rows.emplace_back(text_of(row.at(0)), text_of(row.at(1)));
    return rows;
}

}  // namespace covet_test
