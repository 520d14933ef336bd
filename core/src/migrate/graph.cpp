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
    index_migrations();
    link_dependencies();
    order_topologically();
    if (order_.size() != migrations_.size()) report_cycle();
}

void MigrationGraph::index_migrations() {
    for (std::size_t i = 0; i < migrations_.size(); ++i) {
        auto [it, inserted] = index_.emplace(migrations_[i].key(), i);
        if (!inserted)
            fail_at(migrations_[i].location,
                    "duplicate migration name '" + migrations_[i].key().to_string() + "'");
    }
}

// The graph works on indexes into migrations_: keys are two strings each,
// and a long history has thousands of edges.
void MigrationGraph::link_dependencies() {
    children_.resize(migrations_.size());
    for (std::size_t i = 0; i < migrations_.size(); ++i) {
        const Migration& m = migrations_[i];
        for (std::size_t d = 0; d < m.dependencies.size(); ++d) {
            const MigrationKey& dep = m.dependencies[d];
            auto it = index_.find(dep);
            if (it == index_.end()) {
                SourceLocation at =
                    d < m.dependency_locations.size() ? m.dependency_locations[d] : m.location;
                fail_at(at, "migration " + m.key().to_string() + " depends on " + dep.to_string() +
                                ", which does not exist");
            }
            children_[it->second].push_back(i);
        }
    }
    for (auto& kids : children_) {
        std::sort(kids.begin(), kids.end());
        kids.erase(std::unique(kids.begin(), kids.end()), kids.end());
    }
}

// Kahn's algorithm with the smallest (app, name) first: a stable order.
void MigrationGraph::order_topologically() {
    const std::size_t count = migrations_.size();
    std::vector<std::size_t> pending(count, 0);
    for (std::size_t parent = 0; parent < count; ++parent)
        for (std::size_t child : children_[parent])
            ++pending[child];
    auto later = [this](std::size_t a, std::size_t b) {
        const Migration& x = migrations_[a];
        const Migration& y = migrations_[b];
        if (int c = x.app.compare(y.app); c != 0) return c > 0;
        return x.name > y.name;
    };
    std::priority_queue<std::size_t, std::vector<std::size_t>, decltype(later)> ready(later);
    for (std::size_t i = 0; i < count; ++i)
        if (pending[i] == 0) ready.push(i);
    position_.assign(count, kUnplaced);
    order_.reserve(count);
    while (!ready.empty()) {
        std::size_t i = ready.top();
        ready.pop();
        position_[i] = order_.size();
        order_.push_back(&migrations_[i]);
        for (std::size_t child : children_[i])
            if (--pending[child] == 0) ready.push(child);
    }
}

// Some nodes never became ready: follow unresolved dependencies to a cycle.
void MigrationGraph::report_cycle() const {
    const std::size_t count = migrations_.size();
    std::size_t current = 0;
    while (position_[current] != kUnplaced)
        ++current;
    std::vector<std::size_t> path;
    std::vector<std::size_t> on_path(count, kUnplaced);
    while (on_path[current] == kUnplaced) {
        on_path[current] = path.size();
        path.push_back(current);
        for (const auto& dep : migrations_[current].dependencies) {
            std::size_t d = index_.at(dep);
            if (position_[d] == kUnplaced) {
                current = d;
                break;
            }
        }
    }
    std::string cycle;
    for (std::size_t i = on_path[current]; i < path.size(); ++i)
        cycle += migrations_[path[i]].key().to_string() + " -> ";
    cycle += migrations_[current].key().to_string();
    fail_at(migrations_[current].location, "dependency cycle: " + cycle);
}

const Migration* MigrationGraph::find(const MigrationKey& key) const {
    auto it = index_.find(key);
    return it == index_.end() ? nullptr : &migrations_[it->second];
}

std::size_t MigrationGraph::position(const MigrationKey& key) const {
    return position_[index_.at(key)];
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
            throw UsageError("unknown app '" + app + "' in target '" + text + "'");
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
    if (matches.empty()) throw UsageError("no migration matches target '" + text + "'");
    std::sort(matches.begin(), matches.end());
    std::string list;
    for (const auto& k : matches)
        list += (list.empty() ? "" : ", ") + k.to_string();
    throw UsageError("target '" + text + "' is ambiguous: it matches " + list);
}

std::set<MigrationKey> MigrationGraph::descendants(const MigrationKey& key) const {
    std::set<MigrationKey> out;
    std::vector<MigrationKey> stack{key};
    while (!stack.empty()) {
        MigrationKey k = stack.back();
        stack.pop_back();
        if (!out.insert(k).second) continue;
        if (auto it = index_.find(k); it != index_.end())
            for (std::size_t child : children_[it->second])
                stack.push_back(migrations_[child].key());
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
