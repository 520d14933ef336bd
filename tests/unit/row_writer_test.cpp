// Golden SQL of the one-table row statements (query/row_writer.h) that
// records, related managers, bulk writes and the deletion collector run,
// on the three dialects.
#include "query/row_writer.h"

#include "query_compiler_support.h"

using namespace covet;
using namespace covet::compiler_test;

namespace {

const ModelState& tag() {
    return *schema().find_model("Tag");
}

const ModelState& user() {
    return *schema().find_model("User");
}

std::vector<const Field*> fields_of(const ModelState& model, std::vector<std::string> names) {
    std::vector<const Field*> out;
    for (const auto& name : names)
        out.push_back(model.find_field(name));
    return out;
}

}  // namespace

TEST_CASE("row writer: a multi-row INSERT returns the keys") {
    const std::vector<Row> rows{{Value("a")}, {Value("b")}};
    const auto fields = fields_of(tag(), {"name"});
    const CompiledSql s = RowWriter(sqlite, tag()).insert(fields, rows, false, true);
    CHECK(s.sql == "INSERT INTO \"tags\" (\"name\") VALUES (?), (?) RETURNING \"id\"");
    CHECK(s.params == std::vector<Value>{Value("a"), Value("b")});
    CHECK(RowWriter(postgres, tag()).insert(fields, rows, false, true).sql ==
          "INSERT INTO \"tags\" (\"name\") VALUES ($1), ($2) RETURNING \"id\"");
    CHECK(RowWriter(mysql, tag()).insert(fields, rows, false, true).sql ==
          "INSERT INTO `tags` (`name`) VALUES (?), (?) RETURNING `id`");
}

TEST_CASE("row writer: ignore_conflicts in each dialect's spelling, nothing returned") {
    const std::vector<Row> rows{{Value("a")}};
    const auto fields = fields_of(tag(), {"name"});
    CHECK(RowWriter(sqlite, tag()).insert(fields, rows, true, false).sql ==
          "INSERT OR IGNORE INTO \"tags\" (\"name\") VALUES (?)");
    CHECK(RowWriter(postgres, tag()).insert(fields, rows, true, false).sql ==
          "INSERT INTO \"tags\" (\"name\") VALUES ($1) ON CONFLICT DO NOTHING");
    CHECK(RowWriter(mysql, tag()).insert(fields, rows, true, false).sql ==
          "INSERT IGNORE INTO `tags` (`name`) VALUES (?)");
    CHECK_THROWS_AS(RowWriter(sqlite, tag()).insert({}, rows, false, false), QueryError);
}

TEST_CASE("row writer: UPDATE and SELECT by key, DELETE and UPDATE by a list of keys") {
    const auto fields = fields_of(user(), {"name", "profile"});
    const CompiledSql update =
        RowWriter(postgres, user()).update_by_pk(fields, {Value("x"), Value()}, Value(7));
    CHECK(update.sql ==
          "UPDATE \"users\" SET \"name\" = $1, \"profile_id\" = $2 WHERE \"id\" = $3");
    CHECK(update.params == std::vector<Value>{Value("x"), Value(), Value(7)});
    CHECK(RowWriter(mysql, user()).select_by_pk(fields, Value(7)).sql ==
          "SELECT `name`, `profile_id` FROM `users` WHERE `id` = ?");
    CHECK(RowWriter(postgres, user()).delete_where_in("id", {Value(1), Value(2)}).sql ==
          "DELETE FROM \"users\" WHERE \"id\" IN ($1, $2)");
    const CompiledSql set_null =
        RowWriter(postgres, user())
            .set_where_in(*user().find_field("profile"), Value(), "profile_id", {Value(3)});
    CHECK(set_null.sql == "UPDATE \"users\" SET \"profile_id\" = $1 WHERE \"profile_id\" IN ($2)");
    CHECK(set_null.params == std::vector<Value>{Value(), Value(3)});
    CHECK(RowWriter(sqlite, user())
              .select_where_in(fields_of(user(), {"id"}), "profile_id", {Value(3)})
              .sql == "SELECT \"id\" FROM \"users\" WHERE \"profile_id\" IN (?)");
}

TEST_CASE("row writer: rows per statement stay within the parameter limit") {
    const std::size_t limit = sqlite.features().max_query_params;
    CHECK(rows_per_statement(sqlite, 1, 0) == limit);
    CHECK(rows_per_statement(sqlite, 3, 0) == limit / 3);
    CHECK(rows_per_statement(sqlite, 3, 10) == 10);
    CHECK(rows_per_statement(sqlite, 3, limit) == limit / 3);
    CHECK(rows_per_statement(sqlite, limit * 2, 0) == 1);
}
