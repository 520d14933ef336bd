#include <algorithm>

#include "covet/error.h"
#include "covet/executor.h"

namespace covet {

Plan MigrationPlanner::backwards_of(const std::set<MigrationKey>& keys) const {
    Plan plan;
    for (const auto& key : keys) {
        if (!applied_.count(key)) continue;
        const Migration* m = graph_.find(key);
        if (!m && !allow_missing_)
            throw MigrationError("cannot roll back " + key.to_string() +
                                 ": its migration file is missing (`--fake` removes its record "
                                 "without running SQL)");
        plan.push_back({m, true, key});
    }
    // Newest first: reverse dependency order. Missing files have no place in
    // the graph; their records go first, as nothing known depends on them.
    auto rank = [&](const PlanStep& s) {
        return s.migration ? graph_.position(s.key()) + 1 : std::size_t(0);
    };
    std::stable_sort(plan.begin(), plan.end(), [&](const PlanStep& a, const PlanStep& b) {
        if (!a.migration && !b.migration) return a.key() < b.key();
        return rank(a) == 0 ? rank(b) != 0 : rank(b) != 0 && rank(a) > rank(b);
    });
    return plan;
}

Plan MigrationPlanner::migrate(const std::optional<Target>& target) const {
    Plan plan;
    if (!target) {
        for (const Migration* m : graph_.order())
            if (!applied_.count(m->key())) plan.push_back({m, false});
        return plan;
    }
    if (target->is_zero()) {
        std::set<MigrationKey> keys;
        for (const Migration* m : graph_.order())
            if (target->zero_app.empty() || m->app == target->zero_app) {
                auto d = graph_.descendants(m->key());
                keys.insert(d.begin(), d.end());
            }
        for (const auto& key : applied_)
            if (!graph_.contains(key) && (target->zero_app.empty() || key.app == target->zero_app))
                keys.insert(key);
        return backwards_of(keys);
    }
    const MigrationKey& key = *target->key;
    if (applied_.count(key)) {
        // Behind the applied state: undo what follows the target in its app
        // (and whatever depends on that), as Django does.
        std::set<MigrationKey> keys;
        for (const Migration* m : graph_.order()) {
            if (m->app != key.app || m->key() == key) continue;
            auto deps = graph_.ancestors(m->key());
            if (!deps.count(key)) continue;
            auto d = graph_.descendants(m->key());
            keys.insert(d.begin(), d.end());
        }
        return backwards_of(keys);
    }
    auto needed = graph_.ancestors(key);
    for (const Migration* m : graph_.order())
        if (needed.count(m->key()) && !applied_.count(m->key())) plan.push_back({m, false});
    return plan;
}

Plan MigrationPlanner::rollback_steps(int steps) const {
    for (const auto& key : applied_)
        if (!graph_.contains(key) && !allow_missing_)
            throw MigrationError("cannot roll back " + key.to_string() +
                                 ": it is recorded as applied but its migration file is missing "
                                 "(`--fake` removes its record without running SQL)");
    std::vector<MigrationKey> newest_last = application_order_;
    if (newest_last.empty()) {
        for (const Migration* m : graph_.order())
            if (applied_.count(m->key())) newest_last.push_back(m->key());
        // Records without a file: newest, as far as anyone can tell.
        for (const auto& key : applied_)
            if (!graph_.contains(key)) newest_last.push_back(key);
    }
    std::set<MigrationKey> keys;
    for (auto it = newest_last.rbegin(); it != newest_last.rend() && steps > 0; ++it) {
        if (!applied_.count(*it) || !keys.insert(*it).second) continue;
        --steps;
    }
    // Whatever depends on them goes first (only a history edited by hand
    // has a dependent applied before its dependency).
    for (const auto& key : std::set<MigrationKey>(keys))
        if (graph_.contains(key))
            for (const auto& d : graph_.descendants(key))
                if (applied_.count(d)) keys.insert(d);
    return backwards_of(keys);
}

Plan MigrationPlanner::rollback_to(const Target& target) const {
    if (target.is_zero()) return migrate(target);
    const MigrationKey& key = *target.key;
    if (!applied_.count(key))
        throw MigrationError("cannot roll back to " + key.to_string() + ": it is not applied");
    std::set<MigrationKey> keys;
    std::size_t pos = graph_.position(key);
    auto kept = graph_.ancestors(key);
    for (const Migration* m : graph_.order())
        if (graph_.position(m->key()) > pos && !kept.count(m->key())) keys.insert(m->key());
    return backwards_of(keys);
}

}  // namespace covet
