// Django's transaction.atomic for the ORM's own writes: a transaction when
// none is open, else a savepoint inside the open one. Rolls back what ran
// in the scope unless commit() was called.
#pragma once

#include <atomic>
#include <string>

#include "covet/connection.h"

namespace covet {

class AtomicScope {
  public:
    explicit AtomicScope(Connection& connection) : connection_(connection) {
        if (connection_.in_transaction()) {
            static std::atomic<unsigned> next{0};
            savepoint_ = "covet_orm_" + std::to_string(++next);
            connection_.savepoint(savepoint_);
        } else {
            connection_.begin();
        }
    }
    AtomicScope(const AtomicScope&) = delete;
    AtomicScope& operator=(const AtomicScope&) = delete;
    ~AtomicScope() {
        if (!open_) return;
        try {
            if (savepoint_.empty()) {
                connection_.rollback();
            } else if (connection_.in_transaction()) {
                connection_.rollback_to(savepoint_);
                connection_.release_savepoint(savepoint_);
            }
        } catch (...) {
            // Already unwinding: the first error is the one to report.
        }
    }

    void commit() {
        if (savepoint_.empty())
            connection_.commit();
        else
            connection_.release_savepoint(savepoint_);
        open_ = false;
    }

  private:
    Connection& connection_;
    std::string savepoint_;
    bool open_ = true;
};

}  // namespace covet
