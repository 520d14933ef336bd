// An open database for the ORM: a cheap-to-copy handle on one connection.
//
//   auto db = covet::open(url);  // a database URL (SPEC.md §2)
//   auto models = covet::models_from_migrations("migrations");
//   for (auto& post : db.objects(models, "Post").filter({{"author__name__icontains", "doe"}}))
//       std::cout << post.get("title").to_string() << "\n";
//
// Copies share the connection; a Database is used by one thread at a time.
// A Database leased from a pool (covet/pool.h) returns its connection to
// the pool when the last copy is gone.
#pragma once

#include <memory>
#include <string>

#include "covet/connection.h"
#include "covet/models.h"

namespace covet {

class QuerySet;
class PoolCore;  // core/src/pool/pool_core.h

class Database {
  public:
    explicit Database(std::shared_ptr<Connection> connection,
                      std::shared_ptr<PoolCore> pool = nullptr);
    Connection& connection() const { return *connection_; }
    const Dialect& dialect() const { return connection_->dialect(); }
    // All rows of a model: the manager (`Post.objects`). Throws QueryError
    // for an unknown model.
    QuerySet objects(const Models& models, const std::string& model) const;
    // Called after each statement with its SQL and duration.
    void set_sql_log(SqlLogHook hook) const { connection_->set_log_hook(std::move(hook)); }
    // The pool the connection was leased from (async calls run there);
    // null for a Database of covet::open.
    const std::shared_ptr<PoolCore>& pool() const { return pool_; }
    bool operator==(const Database& other) const { return connection_ == other.connection_; }

  private:
    std::shared_ptr<Connection> connection_;
    std::shared_ptr<PoolCore> pool_;
};

// Opens the database of a URL (SPEC.md §2). Throws UsageError for a bad URL
// and ConnectionError when the server cannot be reached.
Database open(const std::string& url);

}  // namespace covet
