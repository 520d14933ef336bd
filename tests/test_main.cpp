#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include "registry.h"

// Every test binary resolves URL schemes and dialect names as covet does.
int main(int argc, char** argv) {
    covet::install_dialect_registry();
    return Catch::Session().run(argc, argv);
}
