// Django's transaction.atomic for the ORM's own writes: the public Atomic
// scope (covet/atomic.h), so that a write nested in an application's scope
// is a savepoint of it and its on_commit callbacks follow the same rules.
#pragma once

#include "covet/atomic.h"

namespace covet {

using AtomicScope = Atomic;

}  // namespace covet
