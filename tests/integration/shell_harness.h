// The shell's integration tests: a Session on the ORM harness's database
// and models, statements run from text, and their values or error messages.
#pragma once

#include <catch2/catch.hpp>

#include <optional>
#include <string>

#include "covet/error.h"
#include "orm_harness.h"
#include "shell/session.h"

namespace covet::test {

class ShellHarness {
  public:
    explicit ShellHarness(OrmHarness& o) : session(o.db, o.models) {}

    // The value of the last statement of `text` (REQUIREd to have one).
    shell::ShellValue value(const std::string& text) {
        INFO(text);
        std::optional<shell::ShellValue> last = run(text);
        REQUIRE(last.has_value());
        return *last;
    }
    Value scalar(const std::string& text) {
        const shell::ShellValue result = value(text);
        const Value* v = result.as<Value>();
        REQUIRE(v != nullptr);
        return *v;
    }
    // The queryset `text` evaluates to (a manager gives its queryset).
    QuerySet queryset(const std::string& text) {
        const shell::ShellValue result = value(text);
        const QuerySet* qs = shell::as_queryset(result);
        REQUIRE(qs != nullptr);
        return *qs;
    }
    Record record(const std::string& text) {
        const shell::ShellValue result = value(text);
        const Record* r = result.as<Record>();
        REQUIRE(r != nullptr);
        return *r;
    }
    std::optional<shell::ShellValue> run(const std::string& text) {
        std::optional<shell::ShellValue> last;
        for (const shell::Statement& statement : shell::parse_statements(text))
            last = session.run(statement);
        return last;
    }
    // The message of the covet::Error the statements throw.
    std::string error(const std::string& text) {
        INFO(text);
        try {
            run(text);
        } catch (const Error& e) {
            return e.what();
        }
        FAIL("no error");
        return {};
    }

    shell::Session session;
};

}  // namespace covet::test
