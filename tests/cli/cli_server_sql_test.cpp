// sqlmigrate against a server prints that server's dialect, and the SQL it
// prints is what the server runs; atomic: false migrations run outside a
// transaction end to end.
#include <catch2/catch.hpp>

#include <set>

#include "backend_probe.h"
#include "cli_assertions.h"
#include "workspace.h"

using namespace covet_test;

namespace {

// Statements of sqlmigrate's output: each ends with ';' at the end of a line.
std::vector<std::string> statements_of(const std::string& text) {
    std::vector<std::string> statements;
    std::string current;
    for (const auto& line : lines_of(text)) {
        current += line + "\n";
        if (!line.empty() && line.back() == ';') {
            statements.push_back(current);
            current.clear();
        }
    }
    return statements;
}

}  // namespace

COVET_CLI_SERVER_TEST("sqlmigrate prints the connected server's SQL, which the server runs",
                      "[cli][sqlmigrate]") {
    const bool postgres = backend == "postgresql";
    Workspace ws;
    ws.copy_fixture("shop");
    const std::string url = database_url_for(backend, ws);

    RunResult forwards = ws.covet({"-d", url, "sqlmigrate", "0002"});
    REQUIRE_EXIT(forwards, 0);
    if (postgres) {
        CHECK_RUN(forwards, contains(forwards.out, "CREATE TABLE \"orders\""));
        CHECK_RUN(forwards, contains(forwards.out, "serial NOT NULL PRIMARY KEY"));
        CHECK_RUN(forwards, contains(forwards.out, "DEFERRABLE INITIALLY DEFERRED"));
    } else {
        CHECK_RUN(forwards, contains(forwards.out, "CREATE TABLE `orders`"));
        CHECK_RUN(forwards, contains(forwards.out, "integer AUTO_INCREMENT NOT NULL PRIMARY KEY"));
        CHECK_RUN(forwards, !contains(forwards.out, "DEFERRABLE"));
    }
    RunResult backwards = ws.covet({"-d", url, "sqlmigrate", "0002", "--backwards"});
    REQUIRE_EXIT(backwards, 0);
    // MySQL renames a dropped table aside and drops it at the end of the migration.
    CHECK_RUN(backwards, contains(backwards.out, postgres ? "DROP TABLE \"orders\""
                                                          : "RENAME TABLE `orders` TO "
                                                            "`_covet_dropped_orders`;\nDROP TABLE "
                                                            "`_covet_dropped_orders`"));
    {
        DatabaseProbe db(url);
        CHECK(db.schema_tables().empty());
        CHECK(db.history().empty());
    }

    // Run by hand, the printed SQL of 0001 and 0002 builds the tables.
    DatabaseProbe db(url);
    for (const std::string target : {"0001", "0002"}) {
        RunResult sql = ws.covet({"-d", url, "sqlmigrate", target});
        REQUIRE_EXIT(sql, 0);
        auto statements = statements_of(sql.out);
        REQUIRE_FALSE(statements.empty());
        for (const auto& statement : statements)
            db.connection().execute(statement);
    }
    CHECK(db.columns("customers") == std::vector<std::string>{"id", "name", "email"});
    CHECK(db.columns("orders") == std::vector<std::string>{"id", "customer_id", "total"});
}

COVET_CLI_BACKEND_TEST("an atomic: false migration applies and rolls back end to end",
                       "[cli][atomic]") {
    Workspace ws;
    const std::string url = database_url_for(backend, ws);
    ws.write("migrations/app/0001_items.yaml",
             "operations:\n"
             "  - create_table:\n"
             "      table: items\n"
             "      fields: {id: AutoField(primary_key=True), name: CharField(max_length=40)}\n");
    // PostgreSQL refuses CREATE INDEX CONCURRENTLY inside a transaction block.
    ws.write("migrations/app/0002_index.yaml",
             "dependencies: [0001_items]\n"
             "atomic: false\n"
             "operations:\n"
             "  - create_index: {name: idx_items_name, table: items, columns: [name], "
             "concurrently: true}\n"
             "  - run_sql:\n"
             "      dialect: postgresql\n"
             "      sql: \"CREATE INDEX CONCURRENTLY idx_items_raw ON items (name)\"\n"
             "      reverse_sql: \"DROP INDEX CONCURRENTLY idx_items_raw\"\n");
    RunResult migrate = ws.covet({"-d", url, "migrate"});
    REQUIRE_EXIT(migrate, 0);
    CHECK_RUN(migrate, contains(migrate.out, "Applying app.0002_index... OK"));
    {
        DatabaseProbe db(url);
        CHECK(db.history().size() == 2);
        CHECK(db.indexes("items").count("idx_items_name") == 1);
        if (backend == "postgresql") CHECK(db.indexes("items").count("idx_items_raw") == 1);
    }
    REQUIRE_EXIT(ws.covet({"-d", url, "rollback"}), 0);
    {
        DatabaseProbe db(url);
        CHECK(db.history().size() == 1);
        CHECK(db.indexes("items").count("idx_items_name") == 0);
        CHECK(db.indexes("items").count("idx_items_raw") == 0);
    }
    if (backend != "postgresql") return;
    // The same migration inside a transaction fails: atomic: false is what made it run.
    ws.write("migrations/app/0002_index.yaml",
             ws.read("migrations/app/0002_index.yaml")
                 .replace(ws.read("migrations/app/0002_index.yaml").find("atomic: false"), 13,
                          "atomic: true"));
    RunResult atomic = ws.covet({"-d", url, "migrate"});
    CHECK_EXIT(atomic, 1);
    CHECK_RUN(atomic, contains(atomic.err, "transaction block"));
    CHECK(DatabaseProbe(url).history().size() == 1);
}
