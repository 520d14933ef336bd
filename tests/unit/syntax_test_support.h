// What the syntax leaf's tests share: the SyntaxError a call throws, with
// its message, line and column.
#pragma once

#include <catch2/catch.hpp>

#include <string>

#include "covet/error.h"

struct ErrorSeen {
    std::string message;
    int line = -1;
    int column = -1;
};

template <typename Fn>
ErrorSeen syntax_error_of(Fn&& fn) {
    try {
        fn();
    } catch (const covet::SyntaxError& e) {
        return {e.what(), e.line(), e.column()};
    }
    FAIL("expected a SyntaxError");
    return {};
}
