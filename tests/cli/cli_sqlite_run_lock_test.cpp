// SQLite runs are serialised for their whole length (SPEC.md §3): migrate and
// migrate zero started together never interleave their plans.
#include <catch2/catch.hpp>

#include <map>
#include <memory>
#include <set>
#include <string>

#include "backend_probe.h"
#include "cli_assertions.h"
#include "workspace.h"

using namespace covet_test;

namespace {

std::string step_name(int n) {
    return "0" + std::string(n < 10 ? "00" : "0") + std::to_string(n) + "_step";
}

// Twelve migrations; 0006 and 0007 both depend on 0005 (a branch), 0008 on both.
std::map<std::string, std::set<std::string>> write_branched_chain(const Workspace& ws) {
    std::map<std::string, std::set<std::string>> dependencies;
    for (int n = 1; n <= 12; ++n) {
        std::set<std::string> deps;
        if (n == 7)
            deps = {step_name(5)};
        else if (n == 8)
            deps = {step_name(6), step_name(7)};
        else if (n > 1)
            deps = {step_name(n - 1)};
        dependencies[step_name(n)] = deps;
        std::string text = "dependencies: [";
        bool first = true;
        for (const auto& d : deps) {
            text += (first ? "" : ", ") + d;
            first = false;
        }
        text += "]\noperations:\n  - create_table:\n      table: box" + std::to_string(n) +
                "\n      fields:\n        id: AutoField(primary_key=True)\n"
                "        note: CharField(max_length=10, null=True)\n";
        ws.write("migrations/crate/" + step_name(n) + ".yaml", text);
    }
    return dependencies;
}

}  // namespace

TEST_CASE(
    "sqlite: four migrate and two migrate zero processes at once leave history and schema "
    "consistent",
    "[cli][concurrency][sqlite]") {
    Workspace ws;
    const auto dependencies = write_branched_chain(ws);
    const std::string url = "sqlite:///" + (ws / "covet.db").string();
    for (int round = 1; round <= 5; ++round) {
        INFO("round " << round);
        std::vector<std::unique_ptr<BackgroundProcess>> processes;
        for (int i = 0; i < 6; ++i) {
            std::vector<std::string> args = {"-d", url, "migrate"};
            if (i % 3 == 2) args.push_back("zero");
            args.insert(args.end(), {"--lock-timeout", "60"});
            processes.push_back(std::make_unique<BackgroundProcess>(ws.covet_options(args)));
        }
        for (auto& process : processes) {
            RunResult result = process->wait();
            CHECK_EXIT(result, 0);
        }
        DatabaseProbe db(url);
        std::set<std::string> applied;
        for (const auto& [app, name] : db.history())
            applied.insert(name);
        for (const auto& name : applied)
            for (const auto& dep : dependencies.at(name)) {
                INFO(name << " is applied without its dependency " << dep);
                CHECK(applied.count(dep) == 1);
            }
        // Every applied migration's table exists, and no other.
        std::set<std::string> expected_tables;
        for (const auto& name : applied)
            expected_tables.insert("box" + std::to_string(std::stoi(name.substr(0, 4))));
        CHECK(db.schema_tables() == expected_tables);
        RunResult check = ws.covet({"-d", url, "check"});
        CHECK_EXIT(check, 0);
    }
}

TEST_CASE("sqlite: --lock-timeout expires while another run holds the migration lock",
          "[cli][concurrency][sqlite]") {
    Workspace ws;
    ws.write("migrations/slow/0001_wait.yaml",
             "operations:\n"
             "  - create_table:\n"
             "      table: waited\n"
             "      fields:\n"
             "        id: AutoField(primary_key=True)\n");
    const std::string url = "sqlite:///" + (ws / "covet.db").string();
    // The lock file is an advisory lock any process can take: hold it here.
    RunOptions holder;
    holder.program = "/usr/bin/flock";
    holder.args = {(ws / "covet.db-migrate.lock").string(), "-c", "echo held; sleep 30"};
    BackgroundProcess lock_holder(holder);
    REQUIRE(lock_holder.wait_for_stdout("held", std::chrono::seconds(20)));
    RunResult result = ws.covet({"-d", url, "migrate", "--lock-timeout", "0.5"});
    lock_holder.kill_now();
    CHECK_EXIT(result, 1);
    CHECK_RUN(result, contains(result.err, "migration lock"));
    CHECK_RUN(result, contains(result.err, "0.5 s"));
    CHECK_FALSE(DatabaseProbe(url).has_table("waited"));
}
