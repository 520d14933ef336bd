// This back end's entry in the registry (dialects/registry.cpp).
#pragma once

#include "covet/backend_registry.h"

namespace covet {

Backend make_postgres_backend();

}  // namespace covet
