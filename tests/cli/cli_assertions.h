// Assertions that print the whole run (command, exit code, stdout, stderr) when they fail.
#pragma once

#include <catch2/catch.hpp>

#include "run_covet.h"

#define REQUIRE_EXIT(result, code)             \
    do {                                       \
        INFO((result).describe());             \
        REQUIRE((result).exit_code == (code)); \
    } while (false)

#define CHECK_EXIT(result, code)             \
    do {                                     \
        INFO((result).describe());           \
        CHECK((result).exit_code == (code)); \
    } while (false)

#define CHECK_RUN(result, condition) \
    do {                             \
        INFO((result).describe());   \
        CHECK(condition);            \
    } while (false)

#define REQUIRE_RUN(result, condition) \
    do {                               \
        INFO((result).describe());     \
        REQUIRE(condition);            \
    } while (false)
