// Savepoints and on_commit callbacks of a connection's transaction: which
// callbacks a rollback to a savepoint drops, and running the rest after the
// outermost commit (Django's transaction.on_commit).
#include <algorithm>
#include <utility>

#include "covet/connection.h"
#include "covet/error.h"

namespace covet {

namespace {

// The position of savepoint `name` among the open ones, the innermost found first.
std::size_t position_of(const std::vector<std::string>& savepoints, const std::string& name) {
    for (std::size_t i = savepoints.size(); i > 0; --i)
        if (savepoints[i - 1] == name) return i - 1;
    return savepoints.size();
}

}  // namespace

void Connection::savepoint(const std::string& name) {
    if (!in_transaction_) throw UsageError("savepoint '" + name + "' outside a transaction");
    do_savepoint(dialect().quote_name(name));
    savepoints_.push_back(name);
}

void Connection::release_savepoint(const std::string& name) {
    do_release_savepoint(dialect().quote_name(name));
    const std::size_t at = position_of(savepoints_, name);
    if (at == savepoints_.size()) return;
    // Its callbacks now belong to the enclosing savepoint (or the transaction).
    for (auto& callback : on_commit_)
        callback.first = std::min(callback.first, at);
    savepoints_.resize(at);
}

void Connection::rollback_to(const std::string& name) {
    do_rollback_to(dialect().quote_name(name));
    const std::size_t at = position_of(savepoints_, name);
    if (at == savepoints_.size()) return;
    // What was registered after the savepoint was rolled back with it.
    std::erase_if(on_commit_, [&](const auto& callback) { return callback.first > at; });
    savepoints_.resize(at + 1);  // the savepoint stays open
}

void Connection::on_commit(std::function<void()> fn) {
    if (!in_transaction_) {
        fn();
        return;
    }
    on_commit_.emplace_back(savepoints_.size(), std::move(fn));
}

void Connection::forget_transaction() {
    savepoints_.clear();
    on_commit_.clear();
}

void Connection::run_on_commit() {
    // Taken first: a callback may open a transaction of its own.
    auto callbacks = std::move(on_commit_);
    forget_transaction();
    for (auto& callback : callbacks)
        callback.second();
}

bool Connection::is_usable() {
    if (broken_) return false;
    try {
        query("SELECT 1");
        return true;
    } catch (const Error&) {
        return false;
    }
}

}  // namespace covet
