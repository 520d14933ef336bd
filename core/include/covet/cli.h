// The covet command line as a library function, so an application can embed
// it with its own C++ migrations:
//   int main(int c, char** v) { return covet::cli::main(c, v, registry); }
#pragma once

#include "covet/registry.h"

namespace covet::cli {

// Returns the process exit code (SPEC.md §3).
int main(int argc, char** argv, const MigrationRegistry& registry = {});

}  // namespace covet::cli
