#include <catch2/catch.hpp>

#include <cstdio>
#include <map>
#include <memory>
#include <regex>
#include <set>

#include "backend_probe.h"
#include "cli_assertions.h"
#include "workspace.h"

using namespace covet_test;

namespace {

std::string two_digits(int n) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%02d", n);
    return buffer;
}

std::string migration_name(int n) {
    return "00" + two_digits(n) + "_table_" + two_digits(n);
}

// A chain of migrations, each creating one table with a foreign key to the previous one.
void write_chain(const Workspace& ws, int kMigrations) {
    for (int n = 1; n <= kMigrations; ++n) {
        std::string text;
        if (n > 1) text += "dependencies: [" + migration_name(n - 1) + "]\n";
        text +=
            "operations:\n"
            "  - create_table:\n"
            "      table: t" +
            two_digits(n) +
            "\n"
            "      fields:\n"
            "        id: AutoField(primary_key=True)\n"
            "        label: CharField(max_length=40, null=True)\n";
        if (n > 1) {
            text += "        previous: ForeignKey(t" + two_digits(n - 1) + ", on_delete=CASCADE)\n";
        }
        ws.write("migrations/load/" + migration_name(n) + ".yaml", text);
    }
}

}  // namespace

// Issue 4 asks for eight processes against each server; SQLite keeps its four.
COVET_CLI_BACKEND_TEST("several migrate processes at once apply every migration exactly once",
                       "[cli][concurrency]") {
    const int kMigrations = backend == "sqlite" ? 30 : 20;
    const int kProcesses = backend == "sqlite" ? 4 : 8;
    Workspace ws;
    write_chain(ws, kMigrations);
    const std::string url = database_url_for(backend, ws);

    std::vector<std::unique_ptr<BackgroundProcess>> processes;
    for (int i = 0; i < kProcesses; ++i) {
        RunOptions options = ws.covet_options({"-d", url, "migrate"});
        options.timeout = std::chrono::seconds(180);
        processes.push_back(std::make_unique<BackgroundProcess>(options));
    }
    std::vector<RunResult> results;
    for (auto& process : processes)
        results.push_back(process->wait());

    // Every migration is reported as applied by exactly one of the processes.
    std::map<std::string, int> applied_by_output;
    std::regex applying(R"(Applying load\.(\S+)\.\.\. OK)");
    for (const auto& result : results) {
        CHECK_EXIT(result, 0);
        for (const auto& line : lines_of(result.out)) {
            std::smatch match;
            if (std::regex_search(line, match, applying)) ++applied_by_output[match[1].str()];
        }
    }
    CHECK(applied_by_output.size() == static_cast<std::size_t>(kMigrations));
    for (const auto& [name, count] : applied_by_output) {
        INFO(name);
        CHECK(count == 1);
    }

    DatabaseProbe db(url);
    CHECK(db.scalar("SELECT count(*) FROM covet_migrations") == kMigrations);
    auto tables = db.tables();
    // No process left a half-done migration behind (MariaDB journals each one).
    if (tables.count("covet_migrations_journal") != 0) {
        CHECK(db.scalar("SELECT count(*) FROM covet_migrations_journal") == 0);
    }
    for (int n = 1; n <= kMigrations; ++n) {
        INFO("table t" << two_digits(n));
        CHECK(tables.count("t" + two_digits(n)) == 1);
    }
    auto history = db.history();
    REQUIRE(history.size() == static_cast<std::size_t>(kMigrations));
    for (int n = 1; n <= kMigrations; ++n) {
        CHECK(history[n - 1].second == migration_name(n));
    }
}
