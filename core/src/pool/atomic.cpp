// Atomic scopes (covet/atomic.h): a transaction outermost, a savepoint inside.
#include "covet/atomic.h"

#include <atomic>

namespace covet {

Atomic::Atomic(Connection& connection) : connection_(connection) {
    if (connection_.in_transaction()) {
        // Unique across threads and connections: a name never reused while open.
        static std::atomic<unsigned> next{0};
        savepoint_ = "covet_atomic_" + std::to_string(++next);
        connection_.savepoint(savepoint_);
    } else {
        connection_.begin();
    }
}

Atomic::~Atomic() {
    if (!open_) return;
    try {
        rollback();
    } catch (...) {
        // Already unwinding: the first error is the one to report.
    }
}

void Atomic::commit() {
    if (savepoint_.empty())
        connection_.commit();
    else
        connection_.release_savepoint(savepoint_);
    open_ = false;
}

void Atomic::rollback() {
    open_ = false;
    if (savepoint_.empty()) {
        connection_.rollback();
    } else if (connection_.in_transaction()) {
        // A transaction the server aborted (a lost connection) has no savepoint left.
        connection_.rollback_to(savepoint_);
        connection_.release_savepoint(savepoint_);
    }
}

}  // namespace covet
