#include "migration_harness.h"
#include "covet/introspector.h"
#include "covet/migration_lock.h"

#include <unistd.h>

#include <algorithm>
#include <fstream>

#include "connect.h"
#include "covet/database_url.h"
#include "covet/error.h"
#include "covet/loader.h"
#include "covet/recorder.h"
#include "covet/schema_drift.h"
#include "test_servers.h"

namespace covet::test {

namespace fs = std::filesystem;

MigrationHarness::MigrationHarness(const std::string& backend) : backend_(backend) {
    std::string pattern = (fs::temp_directory_path() / "covet-it-XXXXXX").string();
    if (!mkdtemp(pattern.data())) throw Error("mkdtemp failed");
    root_ = pattern;
    fs::create_directories(root_ / "migrations");
    url_ = backend == "sqlite" ? "sqlite:///" + (root_ / "test.db").string()
                               : fresh_database_url(backend);
    connection_ = connect_database(parse_database_url(url_));
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
    covet::migration_lock_of(*connection_).acquire_migration_lock(std::chrono::seconds(5));
    try {
        MigrationRecorder recorder(*connection_);
        recorder.ensure_schema();
        std::set<MigrationKey> done;
        for (const auto& [key, rec] : recorder.applied())
            done.insert(key);
        Plan plan = build(MigrationPlanner(graph, done));
        MigrationExecutor(graph, connection_->dialect()).run(*connection_, plan, done, {}, {});
    } catch (...) {
        covet::migration_lock_of(*connection_).release_migration_lock(true);
        throw;
    }
    covet::migration_lock_of(*connection_).release_migration_lock(true);
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
    for (const auto& [key, rec] : MigrationRecorder(*connection_).applied())
        out.insert(key);
    return out;
}

std::vector<std::string> MigrationHarness::tables() {
    return covet::introspector_of(*connection_).table_names();
}

std::vector<std::string> MigrationHarness::user_tables() {
    std::vector<std::string> out;
    for (auto& t : tables())
        if (t != "covet_migrations" && t != "covet_migrations_journal") out.push_back(t);
    return out;
}

std::vector<ColumnInfo> MigrationHarness::columns(const std::string& table) {
    std::vector<ColumnInfo> out;
    for (const auto& c : covet::introspector_of(*connection_).describe_table(table).columns)
        out.push_back({c.name, c.type, !c.nullable, c.default_value.value_or(""), c.primary_key});
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
    for (const auto& fk : covet::introspector_of(*connection_).describe_table(table).foreign_keys)
        out.push_back({fk.column, fk.target_table, fk.target_column, fk.on_delete});
    std::sort(out.begin(), out.end(),
              [](const auto& a, const auto& b) { return a.column < b.column; });
    return out;
}

std::vector<IndexInfo> MigrationHarness::indexes(const std::string& table) {
    std::vector<IndexInfo> out;
    for (const auto& i : covet::introspector_of(*connection_).describe_table(table).indexes)
        if (!i.primary) out.push_back({i.name, i.unique, i.columns});
    return out;
}

std::int64_t MigrationHarness::count(const std::string& table) {
    return connection_->query("SELECT count(*) FROM " + connection_->dialect().quote_name(table))
        .rows.at(0)
        .at(0)
        .as_int();
}

}  // namespace covet::test

namespace covet::test {

std::vector<std::string> MigrationHarness::drift() {
    MigrationGraph graph(load_migration_directory((root_ / "migrations").string()));
    auto done = applied();
    ProjectState state;
    for (const Migration* m : graph.order())
        if (done.count(m->key()))
            for (const auto& op : m->operations)
                op->state_forwards(m->app, state);
    return find_schema_drift(state, *connection_);
}

}  // namespace covet::test
