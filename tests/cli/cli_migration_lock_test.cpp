// The migration lock of SPEC §3 from outside: --lock-timeout gives up while
// another session holds the lock, and rollback processes run at once each
// un-apply distinct migrations.
#include <catch2/catch.hpp>

#include <chrono>
#include <map>
#include <memory>
#include <regex>

#include "backend_probe.h"
#include "cli_assertions.h"
#include "covet/migration_lock.h"
#include "workspace.h"

using namespace covet_test;

namespace {

using Clock = std::chrono::steady_clock;

std::string chain_name(int n) {
    return "000" + std::to_string(n) + "_table_" + std::to_string(n);
}

// A chain of migrations, each creating table t<n>.
void write_chain(const Workspace& ws, int count) {
    for (int n = 1; n <= count; ++n) {
        std::string text = n > 1 ? "dependencies: [" + chain_name(n - 1) + "]\n" : "";
        text += "operations:\n  - create_table: {table: t" + std::to_string(n) +
                ", fields: {id: AutoField(primary_key=True)}}\n";
        ws.write("migrations/chain/" + chain_name(n) + ".yaml", text);
    }
}

// Runs covet with a deadline of its own and reports how long it took.
RunResult timed(const Workspace& ws, const std::vector<std::string>& args, double& seconds) {
    const auto started = Clock::now();
    RunResult result = ws.covet(args);
    seconds = std::chrono::duration<double>(Clock::now() - started).count();
    return result;
}

}  // namespace

COVET_CLI_BACKEND_TEST("--lock-timeout gives up while another session holds the migration lock",
                       "[cli][lock]") {
    Workspace ws;
    write_chain(ws, 3);
    const std::string url = database_url_for(backend, ws);
    REQUIRE_EXIT(ws.covet({"-d", url, "migrate", "0002"}), 0);

    // A second session takes the lock the way any covet process does.
    auto holder = std::make_unique<DatabaseProbe>(url);
    covet::migration_lock_of(holder->connection()).acquire_migration_lock(std::chrono::seconds(5));

    for (const auto& command : std::vector<std::vector<std::string>>{
             {"migrate", "--lock-timeout", "1.5"}, {"rollback", "--lock-timeout", "1.5"}}) {
        std::vector<std::string> args = {"-d", url};
        args.insert(args.end(), command.begin(), command.end());
        double seconds = 0;
        RunResult result = timed(ws, args, seconds);
        CHECK_EXIT(result, 1);
        CHECK_RUN(result, is_one_error_line(result.err));
        CHECK_RUN(result, contains(result.err, "could not take the migration lock"));
        CHECK_RUN(result, contains(result.err, "within 1.5 s"));
        INFO(command[0] << " gave up after " << seconds << " s");
        // It waited for the lock (not an immediate failure), and not for the 60 s default.
        CHECK(seconds >= 1.4);
        CHECK(seconds < 45);
    }
    covet::migration_lock_of(holder->connection()).release_migration_lock(false);
    holder.reset();
    CHECK(DatabaseProbe(url).history().size() == 2);

    // Once the lock is free the same command goes through.
    RunResult after = ws.covet({"-d", url, "migrate", "--lock-timeout", "1.5"});
    REQUIRE_EXIT(after, 0);
    CHECK_RUN(after, contains(after.out, "Applying chain." + chain_name(3) + "... OK"));
}

COVET_CLI_BACKEND_TEST("rollback processes run at once never un-apply a migration twice",
                       "[cli][lock][concurrency]") {
    const int kMigrations = 8;
    const int kProcesses = 4;
    Workspace ws;
    write_chain(ws, kMigrations);
    const std::string url = database_url_for(backend, ws);
    REQUIRE_EXIT(ws.covet({"-d", url, "migrate"}), 0);

    std::vector<std::unique_ptr<BackgroundProcess>> processes;
    for (int i = 0; i < kProcesses; ++i) {
        RunOptions options = ws.covet_options({"-d", url, "rollback", "--steps", "2"});
        options.timeout = std::chrono::seconds(120);
        processes.push_back(std::make_unique<BackgroundProcess>(options));
    }
    std::map<std::string, int> unapplied;
    std::vector<int> per_process;
    const std::regex unapplying(R"(Unapplying chain\.(\S+)\.\.\. OK)");
    for (auto& process : processes) {
        RunResult result = process->wait();
        CHECK_EXIT(result, 0);
        int lines = 0;
        for (const auto& line : lines_of(result.out)) {
            std::smatch match;
            if (std::regex_search(line, match, unapplying)) {
                ++unapplied[match[1].str()];
                ++lines;
            }
        }
        per_process.push_back(lines);
    }
    for (const auto& [name, count] : unapplied) {
        INFO(name << " was reported un-applied " << count << " times");
        CHECK(count == 1);
    }
    // The history is still a prefix of the chain, and the tables match it.
    DatabaseProbe db(url);
    auto history = db.history();
    const int remaining = static_cast<int>(history.size());
    CHECK(remaining + static_cast<int>(unapplied.size()) == kMigrations);
    std::set<std::string> expected_tables;
    for (int n = 1; n <= remaining; ++n) {
        CHECK(history[n - 1].second == chain_name(n));
        expected_tables.insert("t" + std::to_string(n));
    }
    CHECK(db.schema_tables() == expected_tables);
    // Every back end holds the lock for the whole run (SQLite through its lock
    // file): each process plans under it and takes its own two.
    CHECK(remaining == 0);
    for (int lines : per_process)
        CHECK(lines == 2);
}
