// Shared by the query compiler's golden-SQL tests: the ORM test schema as a
// project state, the three dialects, and expectations written once in
// SQLite's spelling ("names", ? placeholders) and respelled for PostgreSQL
// ($1, $2, ...) and MySQL (`names`) where the statement is otherwise alike.
#pragma once

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "covet/loader.h"
#include "covet/state_at.h"
#include "mysql/mysql_dialect.h"
#include "postgres/postgres_dialect.h"
#include "query/compiler.h"
#include "query/query.h"
#include "sqlite/sqlite_dialect.h"

namespace covet::compiler_test {

inline const char* const kSchema = R"Y(operations:
  - create_table:
      table: profiles
      model: Profile
      fields:
        id: AutoField(primary_key=True)
        bio: TextField(blank=True, default='')
  - create_table:
      table: users
      model: User
      fields:
        id: AutoField(primary_key=True)
        name: CharField(max_length=100)
        age: IntegerField(null=True)
        profile: ForeignKey(profiles, on_delete=SET_NULL, null=True, related_name=users)
  - create_table:
      table: tags
      model: Tag
      fields:
        id: AutoField(primary_key=True)
        name: CharField(max_length=50, unique=True)
  - create_table:
      table: posts
      model: Post
      fields:
        id: AutoField(primary_key=True)
        title: CharField(max_length=200)
        author: ForeignKey(users, on_delete=CASCADE, related_name=posts)
        tags: ManyToManyField(tags, related_name=posts)
        view_count: IntegerField(default=0)
        rating: DecimalField(max_digits=5, decimal_places=2, null=True)
        published_at: DateTimeField(null=True)
      ordering: ["-published_at"]
  - create_table:
      table: comments
      model: Comment
      fields:
        id: AutoField(primary_key=True)
        post: ForeignKey(posts, on_delete=CASCADE)
        author: ForeignKey(users, on_delete=PROTECT, related_name=comments)
        text: TextField()
        day: DateField(null=True)
  - create_table:
      table: people
      model: Person
      fields:
        id: AutoField(primary_key=True)
        name: CharField(max_length=50)
        friends: ManyToManyField(self)
        follows: ManyToManyField(self, symmetrical=False, related_name=followers)
)Y";

inline const ProjectState& schema() {
    static const ProjectState state = [] {
        ProjectState s;
        apply_forwards(parse_migration_file("blog/0001_initial.yaml", kSchema, "blog"), s);
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
