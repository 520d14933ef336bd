// Shared by the query compiler's golden-SQL tests: the ORM test schema (the
// integration tests' own, tests/support/orm_schema.h) as a
// project state, the three dialects, and expectations written once in
// SQLite's spelling ("names", ? placeholders) and respelled for PostgreSQL
// ($1, $2, ...) and MySQL (`names`) where the statement is otherwise alike.
#pragma once

#include <algorithm>
#include <catch2/catch.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "../support/orm_schema.h"
#include "covet/loader.h"
#include "covet/state_at.h"
#include "mysql/mysql_dialect.h"
#include "postgres/postgres_dialect.h"
#include "query/compiler.h"
#include "query/query.h"
#include "sqlite/sqlite_dialect.h"

namespace covet::compiler_test {

// The integration tests' schema (one text for both) without the eight
// fields that the golden SQL here was written before, so that each SELECT
// lists fewer columns: the same models and the other relations.
inline const std::string& schema_text() {
    static const std::string text = [] {
        const std::string omitted[] = {
            "email:", "active:", "created_at:", "body:", "website:", "mentor:", "token:", "data:"};
        std::istringstream in(test::kOrmSchemaText);
        std::string out;
        for (std::string line; std::getline(in, line);) {
            const std::string field =
                line.substr(std::min(line.find_first_not_of(' '), line.size()));
            bool keep = true;
            for (const std::string& name : omitted)
                if (field.rfind(name, 0) == 0) keep = false;
            if (keep) out += line + "\n";
        }
        return out;
    }();
    return text;
}

inline const ProjectState& schema() {
    static const ProjectState state = [] {
        ProjectState s;
        apply_forwards(parse_migration_file("library/0001_initial.yaml", schema_text(), "library"),
                       s);
        return s;
    }();
    return state;
}

inline const SqliteDialect sqlite;
inline const PostgresDialect postgres;
inline const MysqlDialect mysql;

inline Query query_of(const std::string& model) {
    Query q;
    q.model = schema().find_model(model);
    REQUIRE(q.model);
    return q;
}

inline Query filtered(const std::string& model, std::vector<Q> filters) {
    Query q = query_of(model);
    for (auto& f : filters)
        q.filters.push_back(Query::Filter{std::move(f), false});
    return q;
}

inline QueryCompiler compiler(const Dialect& dialect) {
    return QueryCompiler(schema(), dialect);
}

// SQLite's spelling respelled: $N placeholders for PostgreSQL, backquoted
// names for MySQL (the expectations put no quote or ? inside a name).
inline std::string on_postgres(const std::string& sql) {
    std::string out;
    int n = 0;
    for (char c : sql) {
        if (c == '?')
            out += "$" + std::to_string(++n);
        else
            out += c;
    }
    return out;
}

inline std::string on_mysql(const std::string& sql) {
    std::string out = sql;
    for (char& c : out)
        if (c == '"') c = '`';
    return out;
}

// The statement select() gives on each dialect, and its parameters.
inline void check_select(const Query& q, const std::string& sqlite_sql,
                         const std::vector<Value>& params = {}) {
    const CompiledSelect s = compiler(sqlite).select(q);
    CHECK(s.sql == sqlite_sql);
    CHECK(s.params == params);
    CHECK(compiler(postgres).select(q).sql == on_postgres(sqlite_sql));
    CHECK(compiler(mysql).select(q).sql == on_mysql(sqlite_sql));
}

}  // namespace covet::compiler_test
