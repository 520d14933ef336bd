// Assertions that print the whole run (command, exit code, stdout, stderr) when they fail.
#pragma once

#include <catch2/catch.hpp>

#include "run_covet.h"

// `result` may be a call: it is evaluated once and kept for the message.
#define REQUIRE_EXIT(result, code)                            \
    do {                                                      \
        const ::covet_test::RunResult& covet_run_ = (result); \
        INFO(covet_run_.describe());                          \
        REQUIRE(covet_run_.exit_code == (code));              \
    } while (false)

#define CHECK_EXIT(result, code)                              \
    do {                                                      \
        const ::covet_test::RunResult& covet_run_ = (result); \
        INFO(covet_run_.describe());                          \
        CHECK(covet_run_.exit_code == (code));                \
    } while (false)

// `result` must name a RunResult variable that `condition` inspects.
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
