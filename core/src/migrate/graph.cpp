#include "covet/graph.h"

#include <algorithm>
#include <functional>
#include <queue>

#include "covet/error.h"

namespace covet {

namespace {

[[noreturn]] void fail_at(const SourceLocation& at, const std::string& message) {
    if (at.file.empty()) throw MigrationError(message);
    throw LoadError(at.file, at.line, at.column, message);
}

}  // namespace

MigrationGraph::MigrationGraph(std::vector<Migration> migrations)
    : migrations_(std::move(migrations)) {
    for (std::size_t i = 0; i < migrations_.size(); ++i) {
        auto [it, inserted] = index_.emplace(migrations_[i].key(), i);
        if (!inserted)
            fail_at(migrations_[i].location,
                    "duplicate migration name '" + migrations_[i].key().to_string() + "'");
    }
    for (const auto& m : migrations_) {
        for (std::size_t d = 0; d < m.dependencies.size(); ++d) {
            const MigrationKey& dep = m.dependencies[d];
            if (!index_.count(dep)) {
                SourceLocation at =
                    d < m.dependency_locations.size() ? m.dependency_locations[d] : m.location;
                fail_at(at, "migration " + m.key().to_string() + " depends on " + dep.to_string() +
                                ", which does not exist");
            }
            children_[dep].push_back(m.key());
        }
    }

    // Kahn's algorithm with the smallest (app, name) first: a stable order.
    std::map<MigrationKey, std::size_t> pending;
    std::priority_queue<MigrationKey, std::vector<MigrationKey>, std::greater<>> ready;
    for (const auto& m : migrations_) {
        std::set<MigrationKey> unique_deps(m.dependencies.begin(), m.dependencies.end());
        pending[m.key()] = unique_deps.size();
        if (unique_deps.empty()) ready.push(m.key());
    }
    for (auto& [key, kids] : children_) {
        std::sort(kids.begin(), kids.end());
        kids.erase(std::unique(kids.begin(), kids.end()), kids.end());
    }
    while (!ready.empty()) {
        MigrationKey key = ready.top();
        ready.pop();
        position_[key] = order_.size();
        order_.push_back(&migrations_[index_[key]]);
        for (const auto& child : children_[key])
            if (--pending[child] == 0) ready.push(child);
    }
    if (order_.size() == migrations_.size()) return;

    // Some nodes never became ready: follow unresolved dependencies to a cycle.
    const Migration* start = nullptr;
    for (const auto& m : migrations_)
        if (!position_.count(m.key())) {
            start = &m;
            break;
        }
    std::vector<MigrationKey> path;
    std::map<MigrationKey, std::size_t> on_path;
    MigrationKey current = start->key();
    while (!on_path.count(current)) {
        on_path[current] = path.size();
        path.push_back(current);
        const Migration& m = migrations_[index_[current]];
        for (const auto& dep : m.dependencies)
            if (!position_.count(dep)) {
                current = dep;
                break;
            }
    }
    std::string cycle;
    for (std::size_t i = on_path[current]; i < path.size(); ++i)
        cycle += path[i].to_string() + " -> ";
    cycle += current.to_string();
    fail_at(migrations_[index_[current]].location, "dependency cycle: " + cycle);
}

const Migration* MigrationGraph::find(const MigrationKey& key) const {
    auto it = index_.find(key);
    return it == index_.end() ? nullptr : &migrations_[it->second];
}

std::size_t MigrationGraph::position(const MigrationKey& key) const {
    return position_.at(key);
}

std::set<std::string> MigrationGraph::apps() const {
    std::set<std::string> out;
    for (const auto& m : migrations_)
        out.insert(m.app);
    return out;
}

Target MigrationGraph::resolve(const std::string& text) const {
    if (text == "zero") return Target{std::nullopt, ""};
    std::string app;
    std::string name = text;
    if (auto dot = text.find('.'); dot != std::string::npos) {
        app = text.substr(0, dot);
        name = text.substr(dot + 1);
        if (!apps().count(app))
            throw MigrationError("unknown app '" + app + "' in target '" + text + "'");
        if (name == "zero") return Target{std::nullopt, app};
    }
    std::vector<MigrationKey> matches;
    for (const auto& m : migrations_) {
        if (!app.empty() && m.app != app) continue;
        if (m.name == name) {
            // An exact name wins over prefixes of longer names.
            if (!app.empty() ||
                std::none_of(migrations_.begin(), migrations_.end(),
                             [&](const Migration& o) { return o.name == name && o.app != m.app; }))
                return Target{m.key(), ""};
        }
        if (m.name.starts_with(name)) matches.push_back(m.key());
    }
    if (matches.size() == 1) return Target{matches[0], ""};
    if (matches.empty()) throw MigrationError("no migration matches target '" + text + "'");
    std::sort(matches.begin(), matches.end());
    std::string list;
    for (const auto& k : matches)
        list += (list.empty() ? "" : ", ") + k.to_string();
    throw MigrationError("target '" + text + "' is ambiguous: it matches " + list);
}

std::set<MigrationKey> MigrationGraph::descendants(const MigrationKey& key) const {
    std::set<MigrationKey> out;
    std::vector<MigrationKey> stack{key};
    while (!stack.empty()) {
        MigrationKey k = stack.back();
        stack.pop_back();
        if (!out.insert(k).second) continue;
        if (auto it = children_.find(k); it != children_.end())
            for (const auto& c : it->second)
                stack.push_back(c);
    }
    return out;
}

std::set<MigrationKey> MigrationGraph::ancestors(const MigrationKey& key) const {
    std::set<MigrationKey> out;
    std::vector<MigrationKey> stack{key};
    while (!stack.empty()) {
        MigrationKey k = stack.back();
        stack.pop_back();
        if (!out.insert(k).second) continue;
        if (const Migration* m = find(k))
            for (const auto& d : m->dependencies)
                stack.push_back(d);
    }
    return out;
}

}  // namespace covet
