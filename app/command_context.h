// What every command needs: the options, the loaded migrations and graph,
// and (lazily) a connection.
#pragma once

#include <iostream>
#include <memory>
#include <optional>

#include "covet/connection.h"
#include "covet/database_url.h"
#include "covet/graph.h"
#include "covet/registry.h"
#include "covet/state_at.h"
#include "global_options.h"

namespace covet::cli {

class CommandContext {
  public:
    CommandContext(GlobalOptions options, const MigrationRegistry& registry);

    const GlobalOptions& options() const { return options_; }
    bool json() const { return options_.output_format() == OutputFormat::Json; }
    bool quiet() const { return options_.quiet; }
    const DatabaseUrl& url() const { return url_; }

    // Loads YAML files and registered migrations and builds the graph.
    // Throws LoadError.
    const MigrationGraph& loaded_graph();
    // loaded_graph(), replayed once to validate every operation against the
    // state before it. Throws LoadError.
    const MigrationGraph& graph();
    // The state the migrations of `applied` build, replayed once per set
    // for the whole command (graph() leaves the state at all of them).
    const ProjectState& state_at(const std::set<MigrationKey>& applied);
    StateCache& states();
    Connection& connection();
    std::unique_ptr<Dialect> offline_dialect() const;

    std::ostream& out() { return std::cout; }

  private:
    GlobalOptions options_;
    const MigrationRegistry& registry_;
    DatabaseUrl url_;
    std::optional<MigrationGraph> graph_;
    bool state_checked_ = false;
    std::unique_ptr<StateCache> states_;
    std::unique_ptr<Connection> connection_;
};

}  // namespace covet::cli
