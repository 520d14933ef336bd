// A transaction that rolls back unless committed: the scope of a block of
// statements that must happen together or not at all.
#pragma once

#include "covet/connection.h"

namespace covet {

class Transaction {
  public:
    explicit Transaction(Connection& connection) : connection_(connection) { connection_.begin(); }
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    // Rolls back when neither commit() nor rollback() ran (an exception left the scope).
    ~Transaction() {
        if (open_) try {
                connection_.rollback();
            } catch (...) {
                // Already unwinding or closing: the first error is the one to report.
            }
    }

    // A commit that throws leaves the guard open, so that it rolls back.
    void commit() {
        connection_.commit();
        open_ = false;
    }
    void rollback() {
        open_ = false;
        connection_.rollback();
    }

  private:
    Connection& connection_;
    bool open_ = true;
};

}  // namespace covet
