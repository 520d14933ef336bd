#include "command_context.h"

#include <cstdio>
#include <filesystem>

#include "connect.h"
#include "covet/error.h"
#include "covet/executor.h"
#include "covet/loader.h"

namespace covet::cli {

CommandContext::CommandContext(GlobalOptions options, const MigrationRegistry& registry)
    : options_(std::move(options)),
      registry_(registry),
      url_(parse_database_url(options_.database)) {}

const MigrationGraph& CommandContext::graph() {
    const MigrationGraph& graph = loaded_graph();
    if (!state_checked_) {
        // Names the connected database cannot keep are load errors too.
        ProjectState all = replay_all(graph, offline_dialect().get());
        std::set<MigrationKey> keys;
        for (const Migration* m : graph.order())
            keys.insert(m->key());
        states().remember(keys, std::move(all));
        state_checked_ = true;
    }
    return graph;
}

const MigrationGraph& CommandContext::loaded_graph() {
    if (graph_) return *graph_;
    // An embedding application may bring all its migrations in C++.
    bool allow_missing = !registry_.empty();
    std::vector<Migration> migrations =
        load_migration_directory(options_.migrations, allow_missing);
    for (const auto& m : registry_.migrations())
        migrations.push_back(m);
    graph_.emplace(std::move(migrations));
    return *graph_;
}

StateCache& CommandContext::states() {
    if (!states_) states_ = std::make_unique<StateCache>(loaded_graph());
    return *states_;
}

const ProjectState& CommandContext::state_at(const std::set<MigrationKey>& applied) {
    return states().at(applied);
}

Connection& CommandContext::connection() {
    if (connection_) return *connection_;
    connection_ = connect_database(url_);
    if (options_.verbose)
        connection_->set_log_hook([](const std::string& sql, double ms) {
            std::fprintf(stderr, "[sql %.3f ms] %s\n", ms, sql.c_str());
        });
    return *connection_;
}

std::unique_ptr<Dialect> CommandContext::offline_dialect() const {
    return dialect_for_url(url_);
}

}  // namespace covet::cli
