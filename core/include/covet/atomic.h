// Django's transaction.atomic: a block of ORM calls that happens whole or
// not at all.
//
//   covet::atomic(db, [&] {
//       auto post = db.objects(models, "Post").create({{"title", "Hi"}});
//       covet::on_commit(db, [] { notify(); });  // only once the outer block commits
//   });
//
// The outermost scope is a transaction; a scope inside it is a savepoint,
// so an exception leaving an inner scope undoes only that scope's work. An
// exception rolls the scope back and goes on; leaving it normally commits
// (or releases the savepoint). A scope pins its Database's connection (a
// pool's lease stays out of the pool until the scope ends).
#pragma once

#include <functional>
#include <string>
#include <type_traits>

#include "covet/connection.h"
#include "covet/database.h"

namespace covet {

class Atomic {
  public:
    explicit Atomic(Connection& connection);
    explicit Atomic(const Database& db) : Atomic(db.connection()) {}
    Atomic(const Atomic&) = delete;
    Atomic& operator=(const Atomic&) = delete;
    // Rolls back what ran in the scope unless commit() ran (an exception left it).
    ~Atomic();

    // Commits the transaction, or releases the savepoint into the enclosing
    // scope. A commit that throws leaves the scope open, so that it rolls back.
    void commit();
    // Rolls the scope back now.
    void rollback();
    bool is_savepoint() const { return !savepoint_.empty(); }

  private:
    Connection& connection_;
    std::string savepoint_;  // empty: the outermost scope
    bool open_ = true;
};

// Runs `fn` in an Atomic scope on `db` and returns what it returns.
template <class F>
auto atomic(const Database& db, F&& fn) -> std::invoke_result_t<F&> {
    Atomic scope(db);
    if constexpr (std::is_void_v<std::invoke_result_t<F&>>) {
        fn();
        scope.commit();
    } else {
        auto result = fn();
        scope.commit();
        return result;
    }
}

// Runs `fn` once the outermost transaction open on `db` commits; never when
// it (or the savepoint that was open when `fn` was registered) rolls back.
// Outside a transaction `fn` runs at once.
inline void on_commit(const Database& db, std::function<void()> fn) {
    db.connection().on_commit(std::move(fn));
}

}  // namespace covet
