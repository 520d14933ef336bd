// A connection's prepared statements, keyed by SQL text and bounded: the
// least recently used one goes when the cache is full. A statement is taken
// out while it runs (a cursor may hold it for long) and put back after, so
// that the same text run meanwhile prepares a statement of its own.
#pragma once

#include <cstddef>
#include <functional>
#include <list>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>

#include "covet/statement_cache_stats.h"

namespace covet {

template <class Statement>
class StatementCache {
  public:
    // `discard` frees a statement the cache lets go of (evicted or cleared).
    StatementCache(std::size_t capacity, StatementCacheStats& stats,
                   std::function<void(Statement&)> discard = {})
        : capacity_(capacity), stats_(stats), discard_(std::move(discard)) {}
    StatementCache(const StatementCache&) = delete;
    StatementCache& operator=(const StatementCache&) = delete;
    ~StatementCache() { clear(); }

    // The cached statement for `sql`, removed from the cache; nullopt when
    // there is none (the caller prepares one and counts it with prepared()).
    std::optional<Statement> take(const std::string& sql) {
        auto it = index_.find(sql);
        if (it == index_.end()) return std::nullopt;
        Statement statement = std::move(it->second->second);
        order_.erase(it->second);
        index_.erase(it);
        ++stats_.reused;
        return statement;
    }

    // Puts a statement (back) in; one already there for `sql` wins.
    void put(const std::string& sql, Statement statement) {
        if (index_.count(sql)) {
            if (discard_) discard_(statement);
            return;
        }
        order_.emplace_front(sql, std::move(statement));
        index_[sql] = order_.begin();
        while (order_.size() > capacity_) {
            if (discard_) discard_(order_.back().second);
            index_.erase(order_.back().first);
            order_.pop_back();
            ++stats_.evicted;
        }
    }

    void prepared() { ++stats_.prepared; }

    void clear() {
        if (discard_)
            for (auto& entry : order_)
                discard_(entry.second);
        order_.clear();
        index_.clear();
    }

    std::size_t size() const { return order_.size(); }

  private:
    using Entry = std::pair<std::string, Statement>;
    std::size_t capacity_;
    StatementCacheStats& stats_;
    std::function<void(Statement&)> discard_;
    std::list<Entry> order_;  // most recently used first
    std::unordered_map<std::string, typename std::list<Entry>::iterator> index_;
};

}  // namespace covet
