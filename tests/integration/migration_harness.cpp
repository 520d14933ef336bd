#include "migration_harness.h"

#include <unistd.h>

#include <fstream>

#include "connect.h"
#include "covet/database_url.h"
#include "covet/error.h"
#include "covet/loader.h"
#include "covet/recorder.h"

namespace covet::test {

namespace fs = std::filesystem;

MigrationHarness::MigrationHarness() {
    std::string pattern = (fs::temp_directory_path() / "covet-it-XXXXXX").string();
    if (!mkdtemp(pattern.data())) throw Error("mkdtemp failed");
    root_ = pattern;
    fs::create_directories(root_ / "migrations");
    connection_ = connect_database(parse_database_url("sqlite:///" + (root_ / "test.db").string()));
}

MigrationHarness::~MigrationHarness() {
    connection_.reset();
    std::error_code ec;
    fs::remove_all(root_, ec);
}

void MigrationHarness::write(const std::string& relative_path, const std::string& yaml) {
    fs::path p = root_ / "migrations" / relative_path;
    fs::create_directories(p.parent_path());
    std::ofstream(p) << yaml;
}

void MigrationHarness::remove(const std::string& relative_path) {
    fs::remove(root_ / "migrations" / relative_path);
}

void MigrationHarness::run(const std::function<Plan(const MigrationPlanner&)>& build,
                           const std::optional<std::string>&) {
    MigrationGraph graph(load_migration_directory((root_ / "migrations").string()));
    replay_all(graph);
    connection_->acquire_migration_lock(std::chrono::seconds(5));
    try {
        MigrationRecorder recorder(*connection_);
        recorder.ensure_schema();
        std::set<MigrationKey> done;
        for (const auto& [key, rec] : recorder.applied()) done.insert(key);
        Plan plan = build(MigrationPlanner(graph, done));
        MigrationExecutor(graph, connection_->dialect()).run(*connection_, plan, done, false, {});
    } catch (...) {
        connection_->release_migration_lock(true);
        throw;
    }
    connection_->release_migration_lock(true);
}

void MigrationHarness::migrate(const std::string& target) {
    MigrationGraph graph(load_migration_directory((root_ / "migrations").string()));
    std::optional<Target> resolved;
    if (!target.empty()) resolved = graph.resolve(target);
    run([resolved](const MigrationPlanner& p) { return p.migrate(resolved); }, target);
}

void MigrationHarness::rollback(int steps) {
    run([steps](const MigrationPlanner& p) { return p.rollback_steps(steps); }, std::nullopt);
}

std::set<MigrationKey> MigrationHarness::applied() {
    std::set<MigrationKey> out;
    for (const auto& [key, rec] : MigrationRecorder(*connection_).applied()) out.insert(key);
    return out;
}

std::vector<std::string> MigrationHarness::tables() {
    std::vector<std::string> out;
    auto rs = connection_->query(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY name");
    for (const auto& row : rs.rows) out.push_back(row[0].to_string());
    return out;
}

std::vector<ColumnInfo> MigrationHarness::columns(const std::string& table) {
    std::vector<ColumnInfo> out;
    auto rs = connection_->query("SELECT name, type, \"notnull\", dflt_value, pk FROM "
                                 "pragma_table_info(?) ORDER BY cid",
                                 {table});
    for (const auto& row : rs.rows)
        out.push_back({row[0].to_string(), row[1].to_string(), row[2].as_int() != 0,
                       row[3].is_null() ? "" : row[3].to_string(), row[4].as_int() != 0});
    return out;
}

std::optional<ColumnInfo> MigrationHarness::column(const std::string& table,
                                                   const std::string& name) {
    for (auto& c : columns(table))
        if (c.name == name) return c;
    return std::nullopt;
}

std::vector<ForeignKeyInfo> MigrationHarness::foreign_keys(const std::string& table) {
    std::vector<ForeignKeyInfo> out;
    auto rs = connection_->query(
        "SELECT \"from\", \"table\", \"to\", on_delete FROM pragma_foreign_key_list(?) ORDER BY "
        "\"from\"",
        {table});
    for (const auto& row : rs.rows)
        out.push_back({row[0].to_string(), row[1].to_string(), row[2].to_string(),
                       row[3].to_string()});
    return out;
}

std::vector<IndexInfo> MigrationHarness::indexes(const std::string& table) {
    std::vector<IndexInfo> out;
    auto rs = connection_->query(
        "SELECT name, \"unique\" FROM pragma_index_list(?) WHERE origin = 'c' ORDER BY name",
        {table});
    for (const auto& row : rs.rows) {
        IndexInfo info{row[0].to_string(), row[1].as_int() != 0, {}};
        auto cols = connection_->query("SELECT name FROM pragma_index_info(?) ORDER BY seqno",
                                       {info.name});
        for (const auto& c : cols.rows) info.columns.push_back(c[0].to_string());
        out.push_back(std::move(info));
    }
    return out;
}

std::int64_t MigrationHarness::count(const std::string& table) {
    return connection_->query("SELECT count(*) FROM \"" + table + "\"").rows.at(0).at(0).as_int();
}

}  // namespace covet::test
