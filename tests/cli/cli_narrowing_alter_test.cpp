// A narrowing alter_column that would lose data stops with exit 1, one clear
// line naming the column and the longest value, and leaves schema and history
// as they were; the SQL it would run shows the guard.
#include <catch2/catch.hpp>

#include "backend_probe.h"
#include "cli_assertions.h"
#include "workspace.h"

using namespace covet_test;

namespace {

void write_depot(const Workspace& ws) {
    ws.write("migrations/depot/0001_initial.yaml", R"Y(app: depot
operations:
  - create_table:
      table: crates
      model: Crate
      fields:
        id: AutoField(primary_key=True)
        tag: CharField(max_length=16)
  - run_sql:
      sql: "INSERT INTO crates (tag) VALUES ('lavender-box'); INSERT INTO crates (tag) VALUES ('oak')"
      reverse_sql: "DELETE FROM crates"
)Y");
    ws.write("migrations/depot/0002_shorter_tags.yaml", R"Y(dependencies: [0001_initial]
operations:
  - add_column: {table: crates, column: shelf, field: "IntegerField(null=True)"}
  - alter_column: {table: crates, column: tag, field: "CharField(max_length=6)"}
)Y");
}

}  // namespace

COVET_CLI_BACKEND_TEST("a narrowing alter_column that would cut values fails and changes nothing",
                       "[cli][narrowing]") {
    Workspace ws;
    write_depot(ws);
    const std::string url = database_url_for(backend, ws);

    RunResult sql = ws.covet({"-d", url, "sqlmigrate", "depot.0002_shorter_tags"});
    CHECK_EXIT(sql, 0);
    CHECK_RUN(sql, contains(sql.out, "-- covet guard"));
    CHECK_RUN(sql, contains(sql.out, "cannot narrow crates.tag to varchar(6)"));

    RunResult result = ws.covet({"-d", url, "migrate"});
    CHECK_EXIT(result, 1);
    CHECK_RUN(result, is_one_error_line(result.err));
    CHECK_RUN(result, contains(result.err, "0002_shorter_tags"));
    CHECK_RUN(result, contains(result.err,
                               "cannot narrow crates.tag to varchar(6): a row holds "
                               "a value of 12 characters"));
    {
        DatabaseProbe db(url);
        CHECK(db.history() ==
              std::vector<std::pair<std::string, std::string>>{{"depot", "0001_initial"}});
        CHECK_FALSE(db.has_column("crates", "shelf"));
        CHECK(db.scalar("SELECT count(*) FROM crates WHERE tag = 'lavender-box'") == 1);
    }
    RunResult check = ws.covet({"-d", url, "check"});
    CHECK_EXIT(check, 0);

    // Once the long value is shortened, the same migration applies.
    DatabaseProbe(url).connection().execute("UPDATE crates SET tag = 'lav' WHERE id = 1");
    REQUIRE_EXIT(ws.covet({"-d", url, "migrate"}), 0);
    DatabaseProbe db(url);
    CHECK(db.history().size() == 2);
    CHECK(db.scalar("SELECT count(*) FROM crates WHERE tag IN ('lav', 'oak')") == 2);
    CHECK_EXIT(ws.covet({"-d", url, "check"}), 0);
}
