// UUID(int=n), as Django's UUIDField reads an integer (defaults, lookups).
#pragma once

#include <cstdint>

#include "covet/uuid.h"

namespace covet {

// Throws ValueError for a negative n ("-1 is not a valid UUID").
Uuid uuid_of_integer(std::int64_t n);

}  // namespace covet
