// Calling the shell's methods (core/src/shell/method_call.h) the way the
// evaluator does, with arguments built by hand, for the "shell: methods"
// tests: their answers are compared with the ORM's own for the same call.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "orm_harness.h"
#include "shell/method_call.h"
#include "shell/session.h"
#include "shell/statement.h"

namespace covet::test {

using shell::Arguments;
using shell::ShellValue;

using Keywords = std::vector<std::pair<std::string, ShellValue>>;

inline Arguments positional(std::vector<ShellValue> values) {
    return Arguments{std::move(values), {}};
}
inline Arguments keywords(Keywords values) {
    return Arguments{{}, std::move(values)};
}

struct ShellCall {
    explicit ShellCall(OrmHarness& orm) : o(orm), session(orm.db, orm.models) {}
    OrmHarness& o;
    shell::Session session;

    // `Model.objects.method(args)`; the value (REQUIRE'd to be there).
    ShellValue on(const std::string& model, const std::string& method, const Arguments& args = {}) {
        return on(o.objects(model), method, args);
    }
    ShellValue on(const QuerySet& qs, const std::string& method, const Arguments& args = {}) {
        auto value = shell::call_queryset_method(session, qs, method, args);
        if (!value) throw std::runtime_error(method + "() returned nothing");
        return *value;
    }
    // Statement text run in the session: the value of the last statement.
    std::optional<ShellValue> run(const std::string& text) {
        std::optional<ShellValue> last;
        for (const shell::Statement& statement : shell::parse_statements(text))
            last = session.run(statement);
        return last;
    }
    // The same, the value required.
    ShellValue value(const std::string& text) {
        auto last = run(text);
        if (!last) throw std::runtime_error("no value: " + text);
        return *last;
    }
    // The same, for a method that gives a queryset.
    QuerySet set(const std::string& model, const std::string& method, const Arguments& args = {}) {
        return *on(model, method, args).as<QuerySet>();
    }
};

// The primary keys of a queryset's records, in order.
inline std::vector<Value> keys(const QuerySet& qs) {
    std::vector<Value> out;
    for (const Record& record : qs)
        out.push_back(record.pk());
    return out;
}

// The values of every row of a values()/values_list() queryset.
inline std::vector<Row> value_rows(const QuerySet& qs) {
    std::vector<Row> out;
    for (const NamedRow& row : qs.rows())
        out.push_back(row.values);
    return out;
}

}  // namespace covet::test
