// The one registration point of the back ends. Adding a back end means a
// folder under dialects/ with its make_<x>_backend() and one line in
// registry.cpp; core/ does not change.
#pragma once

#include "covet/backend_registry.h"

namespace covet {

// The registry of every back end covet is built with.
const BackendRegistry& dialect_registry();

// Makes core resolve URL schemes and dialect names through dialect_registry().
// Call once at start-up, before parsing a URL or loading migrations.
void install_dialect_registry();

}  // namespace covet
