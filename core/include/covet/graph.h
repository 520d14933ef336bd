// The dependency graph of all migrations: deterministic order, cycle and
// missing-dependency detection, and target resolution. No I/O.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "covet/migration.h"

namespace covet {

// A resolved TARGET: a migration, or "zero" for one app / every app.
struct Target {
    std::optional<MigrationKey> key;  // empty: zero
    std::string zero_app;             // with zero: the app, or empty for all apps
    bool is_zero() const { return !key.has_value(); }
};

class MigrationGraph {
  public:
    // Throws LoadError for a missing dependency (at the dependency's
    // location) or a cycle (the message lists it).
    explicit MigrationGraph(std::vector<Migration> migrations);

    // Every migration in dependency order; ties broken by (app, name).
    const std::vector<const Migration*>& order() const { return order_; }
    const Migration* find(const MigrationKey& key) const;
    std::size_t position(const MigrationKey& key) const;  // index in order()
    bool contains(const MigrationKey& key) const { return find(key) != nullptr; }
    std::set<std::string> apps() const;

    // Resolves NAME, a unique prefix, APP.NAME, APP.prefix, zero, APP.zero.
    // `extra` are recorded migrations that have no file (they can be targets too).
    // Throws UsageError for unknown or ambiguous targets.
    Target resolve(const std::string& text) const;

    // `key` and every migration that depends on it, transitively.
    std::set<MigrationKey> descendants(const MigrationKey& key) const;
    // `key` and every migration it depends on, transitively.
    std::set<MigrationKey> ancestors(const MigrationKey& key) const;

  private:
    void index_migrations();
    void link_dependencies();
    void order_topologically();
    [[noreturn]] void report_cycle() const;

    std::vector<Migration> migrations_;
    static constexpr std::size_t kUnplaced = static_cast<std::size_t>(-1);
    std::map<MigrationKey, std::size_t> index_;  // into migrations_
    // By index into migrations_: the migrations that depend on it, sorted.
    std::vector<std::vector<std::size_t>> children_;
    std::vector<const Migration*> order_;
    // By index into migrations_: its index in order_.
    std::vector<std::size_t> position_;
};

}  // namespace covet
