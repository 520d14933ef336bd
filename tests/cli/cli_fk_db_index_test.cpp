// ForeignKey(..., db_index=False) makes no index, as in Django: not at
// create_table, not after a SQLite table rebuild, not in what `check` expects.
#include <catch2/catch.hpp>

#include <algorithm>

#include "backend_probe.h"
#include "cli_assertions.h"
#include "covet/introspector.h"
#include "workspace.h"

using namespace covet_test;

namespace {

const char* kKennel = R"(operations:
  - create_table:
      table: kennels
      fields:
        label: CharField(max_length=30)
  - create_table:
      table: hounds
      fields:
        kennel: ForeignKey(kennels, on_delete=CASCADE, db_index=False)
        breeder: ForeignKey(kennels, on_delete=CASCADE, related_name=bred)
        nickname: CharField(max_length=10)
)";

// Indexes of `table` covering exactly `column`, whatever their names.
std::vector<std::string> indexes_on(DatabaseProbe& db, const std::string& table,
                                    const std::string& column) {
    std::vector<std::string> names;
    for (const auto& index : covet::introspector_of(db.connection()).describe_table(table).indexes)
        if (!index.primary && index.columns == std::vector<std::string>{column})
            names.push_back(index.name);
    return names;
}

}  // namespace

COVET_CLI_BACKEND_TEST("a ForeignKey with db_index=False gets no index, the default one does",
                       "[cli][fk_index]") {
    Workspace ws;
    ws.write("migrations/0001_kennel.yaml", kKennel);
    const std::string url = database_url_for(backend, ws);
    REQUIRE_EXIT(ws.covet({"-d", url, "migrate"}), 0);
    DatabaseProbe db(url);
    CHECK(db.indexes("hounds").count("hounds_breeder_id_idx") == 1);
    CHECK(db.indexes("hounds").count("hounds_kennel_id_idx") == 0);
    // InnoDB keeps an index of its own for every foreign key (named after the
    // constraint); PostgreSQL and SQLite have none on the column.
    if (backend != "mysql") CHECK(indexes_on(db, "hounds", "kennel_id").empty());
    RunResult check = ws.covet({"-d", url, "check"});
    CHECK_EXIT(check, 0);

    // A change that rebuilds the table on SQLite keeps it without the index.
    ws.write("migrations/0002_longer.yaml",
             "dependencies: [0001_kennel]\noperations:\n  - alter_column: {table: hounds, column: "
             "nickname, field: \"CharField(max_length=40)\"}\n");
    REQUIRE_EXIT(ws.covet({"-d", url, "migrate"}), 0);
    CHECK(db.indexes("hounds").count("hounds_kennel_id_idx") == 0);
    CHECK(db.indexes("hounds").count("hounds_breeder_id_idx") == 1);
    if (backend != "mysql") CHECK(indexes_on(db, "hounds", "kennel_id").empty());
    CHECK_EXIT(ws.covet({"-d", url, "check"}), 0);
}

COVET_CLI_BACKEND_TEST("check reports a ForeignKey index that db_index=False says not to have",
                       "[cli][fk_index]") {
    Workspace ws;
    ws.write("migrations/0001_kennel.yaml", kKennel);
    const std::string url = database_url_for(backend, ws);
    REQUIRE_EXIT(ws.covet({"-d", url, "migrate"}), 0);
    DatabaseProbe db(url);
    db.connection().execute("CREATE INDEX hounds_kennel_id_idx ON hounds (kennel_id)");
    RunResult extra = ws.covet({"-d", url, "check"});
    CHECK_EXIT(extra, 3);
    CHECK_RUN(extra,
              contains(extra.out + extra.err,
                       "index hounds_kennel_id_idx on hounds is not in the migration state"));
}

COVET_CLI_BACKEND_TEST("check reports a missing ForeignKey index", "[cli][fk_index]") {
    Workspace ws;
    ws.write("migrations/0001_kennel.yaml", kKennel);
    const std::string url = database_url_for(backend, ws);
    REQUIRE_EXIT(ws.covet({"-d", url, "migrate"}), 0);
    DatabaseProbe db(url);
    // MySQL needs an index for the foreign key: give it another one first.
    if (backend == "mysql")
        db.connection().execute("CREATE INDEX other_breeder ON hounds (breeder_id, nickname)");
    db.connection().execute(backend == "mysql" ? "DROP INDEX hounds_breeder_id_idx ON hounds"
                                               : "DROP INDEX hounds_breeder_id_idx");
    RunResult missing = ws.covet({"-d", url, "check"});
    CHECK_EXIT(missing, 3);
    CHECK_RUN(missing,
              contains(missing.out + missing.err,
                       "index hounds_breeder_id_idx on hounds is missing from the database"));
}

TEST_CASE("db_index=False on a ForeignKey changes the checksum", "[cli][fk_index]") {
    Workspace ws;
    ws.write("migrations/0001_kennel.yaml", kKennel);
    REQUIRE_EXIT(ws.covet({"migrate"}), 0);
    CHECK_EXIT(ws.covet({"showmigrations", "--check"}), 0);
    // The same text without the option, spliced around it.
    const std::string text = kKennel;
    const std::string off = ", db_index=False";
    const std::size_t at = text.find(off);
    REQUIRE(at != std::string::npos);
    ws.write("migrations/0001_kennel.yaml", text.substr(0, at) + text.substr(at + off.size()));
    RunResult modified = ws.covet({"showmigrations"});
    CHECK_RUN(modified, contains(modified.out, "modified"));
}

COVET_CLI_BACKEND_TEST(
    "altering a ForeignKey to db_index=False drops its index, rollback restores it",
    "[cli][fk_index]") {
    Workspace ws;
    ws.write("migrations/0001_kennel.yaml", kKennel);
    ws.write("migrations/0002_unindex.yaml",
             "dependencies: [0001_kennel]\noperations:\n  - alter_column: {table: hounds, column: "
             "breeder, field: \"ForeignKey(kennels, on_delete=CASCADE, related_name=bred, "
             "db_index=False)\"}\n");
    const std::string url = database_url_for(backend, ws);
    REQUIRE_EXIT(ws.covet({"-d", url, "migrate"}), 0);
    DatabaseProbe db(url);
    CHECK(db.indexes("hounds").count("hounds_breeder_id_idx") == 0);
    if (backend != "mysql") CHECK(indexes_on(db, "hounds", "breeder_id").empty());
    CHECK_EXIT(ws.covet({"-d", url, "check"}), 0);
    REQUIRE_EXIT(ws.covet({"-d", url, "rollback"}), 0);
    CHECK(db.indexes("hounds").count("hounds_breeder_id_idx") == 1);
    CHECK_EXIT(ws.covet({"-d", url, "check"}), 0);
}
