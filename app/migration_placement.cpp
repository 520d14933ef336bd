#include "migration_placement.h"

#include <cctype>
#include <filesystem>

namespace covet::cli {

namespace {

namespace fs = std::filesystem;

int leading_number(const std::string& name) {
    std::size_t digits = 0;
    while (digits < name.size() && digits < 9 &&
           std::isdigit(static_cast<unsigned char>(name[digits])))
        ++digits;
    return digits ? std::stoi(name.substr(0, digits)) : 0;
}

// Migrations of `app` that no other migration of the app depends on.
std::vector<MigrationKey> leaves(const MigrationGraph& graph, const std::string& app) {
    std::set<MigrationKey> depended;
    for (const Migration* m : graph.order())
        for (const MigrationKey& dep : m->dependencies)
            if (dep.app == m->app) depended.insert(dep);
    std::vector<MigrationKey> out;
    for (const Migration* m : graph.order())
        if (m->app == app && !depended.count(m->key())) out.push_back(m->key());
    return out;
}

}  // namespace

std::string only_app(const MigrationGraph* graph) {
    if (!graph) return "default";
    std::set<std::string> apps = graph->apps();
    return apps.size() == 1 ? *apps.begin() : "default";
}

Placement place_migration(const MigrationGraph* graph, const std::string& migrations_dir,
                          const std::string& app, const std::set<std::string>& other_apps) {
    Placement placement;
    placement.app = app;
    placement.directory =
        app == "default" ? migrations_dir : (fs::path(migrations_dir) / app).string();
    if (!graph) return placement;
    int highest = 0;
    for (const Migration* m : graph->order()) {
        if (m->app != app) continue;
        highest = std::max(highest, leading_number(m->name));
        if (!m->location.file.empty())
            placement.directory = fs::path(m->location.file).parent_path().string();
    }
    placement.number = highest + 1;
    placement.dependencies = leaves(*graph, app);
    for (const std::string& other : other_apps)
        for (const MigrationKey& key : leaves(*graph, other))
            placement.dependencies.push_back(key);
    return placement;
}

}  // namespace covet::cli
