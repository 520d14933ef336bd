// Definitions no back end can apply as written are load errors with
// file:line:column, before anything touches the database: names over the
// connected dialect's limit, defaults that do not fit their field, unknown
// through models, empty names, unknown ordering fields, clashing index names,
// and documents nested too deep.
#include <catch2/catch.hpp>

#include <chrono>

#include "backend_probe.h"
#include "cli_assertions.h"
#include "workspace.h"

using namespace covet_test;

namespace {

// Runs migrate on a set holding one file; expects exit 1, one error line
// located at file:line:column and naming `says`, and nothing applied.
void expect_load_error(const Workspace& ws, const std::string& url, const std::string& text,
                       const std::string& where, const std::string& says) {
    std::filesystem::remove_all(ws / "migrations");
    ws.write("migrations/0001_bad.yaml", text);
    RunResult result = ws.covet({"-d", url, "migrate"});
    CHECK_EXIT(result, 1);
    CHECK_RUN(result, is_one_error_line(result.err));
    CHECK_RUN(result, contains(result.err, "migrations/0001_bad.yaml:" + where + ": "));
    CHECK_RUN(result, contains(result.err, says));
    DatabaseProbe db(url);
    CHECK(db.schema_tables().empty());
    CHECK(db.history().empty());
}

std::string one_table(const std::string& table, const std::string& fields) {
    return "operations:\n  - create_table:\n      table: " + table + "\n      fields:\n" + fields;
}

}  // namespace

COVET_CLI_BACKEND_TEST("names over the dialect's limit are load errors before anything runs",
                       "[cli][bad_definitions]") {
    Workspace ws;
    const std::string url = database_url_for(backend, ws);
    const std::string table64(64, 'w');
    const std::string column65(65, 'c');
    // 40 characters, 80 bytes: over PostgreSQL's 63 bytes, within MySQL's 64 characters.
    std::string wide;
    for (int i = 0; i < 40; ++i)
        wide += "\u00e9";
    if (backend == "postgresql") {
        expect_load_error(ws, url, one_table(table64, "        n: IntegerField()\n"), "2:5",
                          "table name '" + table64 + "' is 64 bytes long, over the 63-byte limit");
        expect_load_error(ws, url, one_table("kiosk", "        " + wide + ": IntegerField()\n"),
                          "2:5", "is 80 bytes long");
    } else if (backend == "mysql") {
        expect_load_error(ws, url, one_table("kiosk", "        " + column65 + ": IntegerField()\n"),
                          "2:5", "column name '" + column65 + "' is 65 characters long");
    }
    if (backend != "sqlite") {
        // The through table covet names <table>_<field>: 5 + 1 + 60 characters.
        const std::string m2m(60, 'm');
        expect_load_error(ws, url,
                          one_table("kiosk", "        " + m2m + ": ManyToManyField(kiosk)\n"),
                          "2:5", "the through table of 'kiosk." + m2m + "'");
        // A later operation is located at its own key.
        expect_load_error(ws, url,
                          one_table("kiosk", "        n: IntegerField()\n") +
                              "  - rename_table: {old: kiosk, new: " + std::string(70, 'k') + "}\n",
                          "6:5", "70 ");
    }
    // What fits is applied; SQLite keeps names of any length.
    std::filesystem::remove_all(ws / "migrations");
    const std::string fits = backend == "sqlite" ? std::string(200, 's') : std::string(63, 's');
    std::string column = wide;
    if (backend == "postgresql") {
        column.assign(61, 'x');
        column += "\u00e9";  // 63 bytes
    }
    std::string fields = "        ";
    fields += column;
    fields += ": IntegerField()\n";
    ws.write("migrations/0001_ok.yaml", one_table(fits, fields));
    REQUIRE_EXIT(ws.covet({"-d", url, "migrate"}), 0);
    CHECK(DatabaseProbe(url).has_table(fits));
    CHECK_EXIT(ws.covet({"-d", url, "check"}), 0);
}

TEST_CASE("sqlmigrate checks names against the dialect of the URL, offline",
          "[cli][bad_definitions]") {
    Workspace ws;
    ws.write("migrations/0001_long.yaml",
             one_table(std::string(64, 'q'), "        n: IntegerField()\n"));
    RunResult pg = ws.covet({"-d", "postgresql://nobody@127.0.0.1:1/none", "sqlmigrate", "0001"});
    CHECK_EXIT(pg, 1);
    CHECK_RUN(pg, contains(pg.err, "migrations/0001_long.yaml:2:5: create_table: table name"));
    RunResult my = ws.covet({"-d", "mysql://nobody@127.0.0.1:1/none", "sqlmigrate", "0001"});
    CHECK_EXIT(my, 0);
    CHECK_RUN(my, contains(my.out, std::string(64, 'q')));
}

COVET_CLI_BACKEND_TEST("defaults that do not fit their field are load errors at the default",
                       "[cli][bad_definitions]") {
    Workspace ws;
    const std::string url = database_url_for(backend, ws);
    expect_load_error(ws, url, one_table("ledger", "        qty: IntegerField(default=lots)\n"),
                      "5:27", "option 'default' does not fit IntegerField");
    expect_load_error(ws, url,
                      one_table("ledger", "        qty: SmallIntegerField(default=40000)\n"),
                      "5:32", "less than or equal to 32767");
    expect_load_error(ws, url, one_table("ledger", "        qty: IntegerField(default=2.5)\n"),
                      "5:27", "must be an integer");
    expect_load_error(ws, url,
                      one_table("ledger",
                                "        amount: \"DecimalField(max_digits=4, decimal_places=2, "
                                "default='123.45')\"\n"),
                      "5:63", "no more than 4 digits in total");
    expect_load_error(ws, url, one_table("ledger", "        open: BooleanField(default=maybe)\n"),
                      "5:28", "must be either True or False");
    expect_load_error(
        ws, url, one_table("ledger", "        day: {type: DateField, default: '2023-02-29'}\n"),
        "5:32", "invalid date");
    expect_load_error(ws, url,
                      one_table("ledger", "        code: CharField(max_length=2, default=abc)\n"),
                      "5:39", "at most 2 characters");
    expect_load_error(ws, url, one_table("ledger", "        ref: UUIDField(default=nope)\n"),
                      "5:24", "is not a valid UUID");
    // A fitting default still loads and applies.
    std::filesystem::remove_all(ws / "migrations");
    ws.write("migrations/0001_ok.yaml",
             one_table("ledger",
                       "        qty: IntegerField(default=-7)\n        day: {type: "
                       "DateField, default: '2024-02-29'}\n"));
    REQUIRE_EXIT(ws.covet({"-d", url, "migrate"}), 0);
    CHECK(DatabaseProbe(url).has_table("ledger"));
}

COVET_CLI_BACKEND_TEST("unknown through models, empty names and unknown ordering are load errors",
                       "[cli][bad_definitions]") {
    Workspace ws;
    const std::string url = database_url_for(backend, ws);
    expect_load_error(
        ws, url, one_table("crates", "        links: ManyToManyField(crates, through=nowhere)\n"),
        "2:5", "names unknown through table or model 'nowhere'");
    expect_load_error(ws, url, one_table("''", "        n: IntegerField()\n"), "3:14",
                      "'table' must not be empty");
    expect_load_error(ws, url, one_table("crates", "        \"\": IntegerField()\n"), "5:9",
                      "a column name must not be empty");
    expect_load_error(ws, url,
                      one_table("crates", "        n: IntegerField()\n") +
                          "  - add_column: {table: crates, column: '', field: IntegerField()}\n",
                      "6:41", "'column' must not be empty");
    expect_load_error(
        ws, url, one_table("crates", "        n: IntegerField()\n      ordering: [\"-weight\"]\n"),
        "2:5", "ordering of table 'crates' names unknown field '-weight'");
    // "-field", "?" and a relation path are valid ordering entries.
    std::filesystem::remove_all(ws / "migrations");
    ws.write("migrations/0001_ok.yaml",
             one_table("crates",
                       "        n: IntegerField()\n        up: ForeignKey(crates, "
                       "null=True, on_delete=SET_NULL)\n      ordering: [\"-n\", \"?\", "
                       "\"up__n\", \"pk\"]\n"));
    REQUIRE_EXIT(ws.covet({"-d", url, "migrate"}), 0);
}

COVET_CLI_BACKEND_TEST("an index name that db_index or another index already uses is a load error",
                       "[cli][bad_definitions]") {
    Workspace ws;
    const std::string url = database_url_for(backend, ws);
    const std::string base = one_table("parcels", "        weight: IntegerField(db_index=True)\n");
    expect_load_error(ws, url,
                      base +
                          "  - create_index: {name: parcels_weight_idx, table: parcels, "
                          "columns: [id]}\n",
                      "6:5",
                      "index name 'parcels_weight_idx' of table 'parcels' is already the "
                      "index db_index makes for column parcels.weight");
    // The other way round: the explicit index came first.
    expect_load_error(ws, url,
                      one_table("parcels", "        weight: IntegerField()\n") +
                          "  - create_index: {name: parcels_size_idx, table: parcels, columns: "
                          "[weight]}\n  - add_column: {table: parcels, column: size, field: "
                          "\"IntegerField(null=True, db_index=True)\"}\n",
                      "7:5", "db_index makes for column parcels.size");
    expect_load_error(ws, url,
                      one_table("parcels",
                                "        weight: IntegerField()\n      indexes: [{name: "
                                "p_w, columns: [weight]}, {name: p_w, columns: [id]}]\n"),
                      "2:5",
                      "index name 'p_w' of table 'parcels' is already used by another index");
    // A ForeignKey's own index name counts too.
    expect_load_error(
        ws, url,
        one_table("parcels",
                  "        weight: IntegerField()\n        up: ForeignKey(parcels, "
                  "null=True, on_delete=SET_NULL)\n      indexes: [{name: parcels_up_id_idx, "
                  "columns: [weight]}]\n"),
        "2:5", "the index db_index makes for column parcels.up_id");
}

TEST_CASE("a migration nested 200000 levels deep fails fast at the first level too deep",
          "[cli][bad_definitions]") {
    Workspace ws;
    ws.write("migrations/0001_deep.yaml",
             "operations:\n  - run_sql:\n      sql: " + std::string(200000, '[') + "\n");
    auto started = std::chrono::steady_clock::now();
    RunResult result = ws.covet({"migrate"});
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    CHECK_EXIT(result, 1);
    CHECK_RUN(result, is_one_error_line(result.err));
    CHECK_RUN(result, contains(result.err, "migrations/0001_deep.yaml:3:"));
    CHECK_RUN(result, contains(result.err, "nesting deeper than 100 levels"));
    // Not a timing assertion on speed, a guard against the old minutes-long hang.
    CHECK(seconds < 30);

    ws.write("migrations/0001_deep.yaml",
             "operations:\n  - create_table: {table: t, fields: {a: \"JSONField(default=" +
                 std::string(5000, '[') + std::string(5000, ']') + ")\"}}\n");
    RunResult shorthand = ws.covet({"migrate"});
    CHECK_EXIT(shorthand, 1);
    CHECK_RUN(shorthand, contains(shorthand.err, "migrations/0001_deep.yaml:2:"));
    CHECK_RUN(shorthand, contains(shorthand.err, "nesting deeper than 64 levels"));
}
