// libFuzzer target: a migration file as the loader reads it, then the checks
// a load makes (graph, state replay) and the SQL each dialect would run, both
// ways. Any covet::Error is a correct answer to bad input; a crash, a
// sanitizer report, another exception or a hang is a defect.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "covet/error.h"
#include "covet/executor.h"
#include "covet/loader.h"
#include "mysql/mysql_dialect.h"
#include "postgres/postgres_dialect.h"
#include "registry.h"
#include "sqlite/sqlite_dialect.h"

namespace {

void compile_both_ways(const covet::MigrationGraph& graph, const covet::Dialect& dialect) {
    covet::MigrationExecutor executor(graph, dialect);
    for (const covet::Migration* m : graph.order()) {
        for (bool backwards : {false, true}) {
            try {
                executor.compile({m, backwards}, covet::ProjectState{});
            } catch (const covet::Error&) {
            }
        }
    }
}

}  // namespace

// run_sql's `dialect:` names resolve through the back-end registry.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
    covet::install_dialect_registry();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
        std::vector<covet::Migration> migrations;
        migrations.push_back(covet::parse_migration_file("fuzz/0001_fuzz.yaml", text, "default"));
        const covet::MigrationGraph graph(std::move(migrations));
        covet::replay_all(graph);
        compile_both_ways(graph, covet::SqliteDialect());
        compile_both_ways(graph, covet::PostgresDialect());
        compile_both_ways(graph, covet::MysqlDialect());
    } catch (const covet::Error&) {
    }
    return 0;
}
