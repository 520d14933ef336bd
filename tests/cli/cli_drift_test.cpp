// `covet check` after the live schema was changed by hand: each change is
// reported as exactly one drift finding, in text and in JSON, on every back
// end; tables no migration manages only with --strict.
#include <catch2/catch.hpp>

#include <map>

#include "backend_probe.h"
#include "cli_assertions.h"
#include "hand_schema_edit.h"
#include "json_value.h"
#include "workspace.h"

using namespace covet_test;

namespace {

const char* kPets = R"(operations:
  - create_table:
      table: owners
      fields:
        name: CharField(max_length=50)
  - create_table:
      table: pets
      fields:
        owner: ForeignKey(owners, on_delete=CASCADE)
        name: CharField(max_length=40, unique=True)
        nickname: CharField(max_length=20, db_index=True)
        age: IntegerField(default=0)
        weight: IntegerField(null=True)
)";

struct Finding {
    std::string kind, table, column, expected, actual, name;
};

// A change by hand: statements per server, or a rewrite of the table's
// CREATE TABLE text on SQLite (from -> to); and the one finding it makes.
struct HandEdit {
    std::vector<std::string> postgresql;
    std::vector<std::string> mysql;
    std::pair<std::string, std::string> sqlite_rewrite;  // empty first: run sqlite_sql
    std::string sqlite_sql;
    std::string message;
    Finding finding;
};

void apply(const HandEdit& edit, const std::string& backend, DatabaseProbe& db) {
    if (backend == "sqlite") {
        if (!edit.sqlite_rewrite.first.empty())
            rewrite_sqlite_table(db.connection(), "pets", edit.sqlite_rewrite.first,
                                 edit.sqlite_rewrite.second);
        else
            db.connection().execute(edit.sqlite_sql);
        return;
    }
    for (const auto& sql : backend == "postgresql" ? edit.postgresql : edit.mysql)
        db.connection().execute(sql);
}

// Changes to the columns themselves.
void add_column_edits(std::map<std::string, HandEdit>& edits) {
    edits["drop a default"] = {{"ALTER TABLE pets ALTER COLUMN age DROP DEFAULT"},
                               {"ALTER TABLE pets ALTER COLUMN age DROP DEFAULT"},
                               {" DEFAULT 0", ""},
                               "",
                               "column pets.age has no default, expected 0",
                               {"default", "pets", "age", "0", "", ""}};
    edits["change a type"] = {{"ALTER TABLE pets ALTER COLUMN weight TYPE bigint"},
                              {"ALTER TABLE pets MODIFY weight bigint NULL"},
                              {"\"weight\" integer", "\"weight\" bigint"},
                              "",
                              "column pets.weight has type bigint, expected integer",
                              {"type", "pets", "weight", "integer", "bigint", ""}};
    edits["make a column nullable"] = {
        {"ALTER TABLE pets ALTER COLUMN nickname DROP NOT NULL"},
        {"ALTER TABLE pets MODIFY nickname varchar(20) NULL"},
        {"\"nickname\" varchar(20) NOT NULL", "\"nickname\" varchar(20) NULL"},
        "",
        "column pets.nickname is nullable, expected NOT NULL",
        {"nullability", "pets", "nickname", "NOT NULL", "nullable", ""}};
    edits["add a column"] = {{"ALTER TABLE pets ADD COLUMN color varchar(10)"},
                             {"ALTER TABLE pets ADD COLUMN color varchar(10)"},
                             {},
                             "ALTER TABLE pets ADD COLUMN color varchar(10)",
                             "column pets.color is not in the migration state",
                             {"extra_column", "pets", "color", "", "varchar(10)", ""}};
}

// Changes to the indexes, constraints and keys around the columns.
void add_key_edits(std::map<std::string, HandEdit>& edits) {
    const std::string fk = "pets_owner_id_fk_owners_id";
    const std::string restrict_fk = "ADD CONSTRAINT " + fk +
                                    " FOREIGN KEY (owner_id) REFERENCES owners (id) ON DELETE "
                                    "RESTRICT";
    edits["drop an index"] = {{"DROP INDEX pets_nickname_idx"},
                              {"DROP INDEX pets_nickname_idx ON pets"},
                              {},
                              "DROP INDEX pets_nickname_idx",
                              "index pets_nickname_idx on pets is missing from the database",
                              {"missing_index", "pets", "", "(nickname)", "", "pets_nickname_idx"}};
    edits["drop a unique constraint"] = {
        {"ALTER TABLE pets DROP CONSTRAINT pets_name_uniq"},
        {"ALTER TABLE pets DROP INDEX pets_name_uniq"},
        {"varchar(40) NOT NULL UNIQUE", "varchar(40) NOT NULL"},
        "",
        "unique constraint pets_name_uniq on pets is missing from the database",
        {"missing_unique", "pets", "", "(name) UNIQUE", "", "pets_name_uniq"}};
    edits["change an ON DELETE rule"] = {
        {"ALTER TABLE pets DROP CONSTRAINT " + fk, "ALTER TABLE pets " + restrict_fk},
        {"ALTER TABLE pets DROP FOREIGN KEY " + fk, "ALTER TABLE pets " + restrict_fk},
        {"ON DELETE CASCADE", "ON DELETE RESTRICT"},
        "",
        "foreign key pets.owner_id has ON DELETE RESTRICT, expected CASCADE",
        {"on_delete", "pets", "owner_id", "CASCADE", "RESTRICT", ""}};
    edits["add an index"] = {{"CREATE INDEX pets_weight_extra ON pets (weight)"},
                             {"CREATE INDEX pets_weight_extra ON pets (weight)"},
                             {},
                             "CREATE INDEX pets_weight_extra ON pets (weight)",
                             "index pets_weight_extra on pets is not in the migration state",
                             {"extra_index", "pets", "", "", "(weight)", "pets_weight_extra"}};
}

std::map<std::string, HandEdit> hand_edits() {
    std::map<std::string, HandEdit> edits;
    add_column_edits(edits);
    add_key_edits(edits);
    return edits;
}

void check_json_finding(const JsonValue& object, const Finding& expected) {
    CHECK(object.keys() ==
          std::vector<std::string>{"kind", "table", "column", "expected", "actual", "name"});
    CHECK(object.at("kind").text == expected.kind);
    CHECK(object.at("table").text == expected.table);
    CHECK(object.at("column").text == expected.column);
    CHECK(object.at("expected").text == expected.expected);
    CHECK(object.at("actual").text == expected.actual);
    CHECK(object.at("name").text == expected.name);
}

// Exactly one finding: `message` in text, `finding` in JSON, exit 3.
void check_one_finding(const Workspace& ws, const std::vector<std::string>& args,
                       const std::string& message, const Finding& finding) {
    RunResult text = ws.covet(args);
    CHECK_EXIT(text, 3);
    const std::string line = "drift: " + message + "\n";
    CHECK_RUN(text, text.out == line);
    std::vector<std::string> json_args = {args[0], args[1], "--format", "json"};
    json_args.insert(json_args.end(), args.begin() + 2, args.end());
    RunResult json = ws.covet(json_args);
    CHECK_EXIT(json, 3);
    INFO(json.describe());
    JsonValue document = parse_json(json.out);
    CHECK(document.keys() == std::vector<std::string>{"findings", "drift"});
    REQUIRE(document.at("findings").items.size() == 1);
    CHECK(document.at("findings").items[0].text == "drift: " + message);
    REQUIRE(document.at("drift").items.size() == 1);
    check_json_finding(document.at("drift").items[0], finding);
}

void check_clean(const Workspace& ws, const std::string& url) {
    RunResult clean = ws.covet({"-d", url, "check"});
    CHECK_EXIT(clean, 0);
    CHECK_RUN(clean, clean.out == "No issues found.\n");
    RunResult json = ws.covet({"-d", url, "--format", "json", "check"});
    CHECK_EXIT(json, 0);
    INFO(json.describe());
    JsonValue document = parse_json(json.out);
    CHECK(document.at("findings").items.empty());
    CHECK(document.at("drift").is_array());
    CHECK(document.at("drift").items.empty());
}

}  // namespace

COVET_CLI_BACKEND_TEST("check names exactly the one change made to the schema by hand",
                       "[cli][drift]") {
    for (const auto& [title, edit] : hand_edits()) {
        SECTION(title) {
            Workspace ws;
            ws.write("migrations/0001_pets.yaml", kPets);
            const std::string url = database_url_for(backend, ws);
            REQUIRE_EXIT(ws.covet({"-d", url, "migrate"}), 0);
            check_clean(ws, url);
            {
                DatabaseProbe db(url);
                apply(edit, backend, db);
            }
            check_one_finding(ws, {"-d", url, "check"}, edit.message, edit.finding);
        }
    }
}

COVET_CLI_BACKEND_TEST("a table no migration mentions is drift only with check --strict",
                       "[cli][drift]") {
    Workspace ws;
    ws.write("migrations/0001_pets.yaml", kPets);
    const std::string url = database_url_for(backend, ws);
    REQUIRE_EXIT(ws.covet({"-d", url, "migrate"}), 0);
    DatabaseProbe(url).connection().execute("CREATE TABLE notes (id integer PRIMARY KEY)");
    check_clean(ws, url);
    check_one_finding(ws, {"-d", url, "check", "--strict"},
                      "table notes is not managed by any migration",
                      {"unmanaged_table", "notes", "", "", "notes", ""});
}

COVET_CLI_BACKEND_TEST("a table a run_sql creates is not drift, except with --strict",
                       "[cli][drift]") {
    Workspace ws;
    ws.write("migrations/0001_pets.yaml", kPets);
    ws.write("migrations/0002_audit.yaml",
             "dependencies: [0001_pets]\noperations:\n  - run_sql: {sql: \"CREATE TABLE audit_log "
             "(id integer PRIMARY KEY, note varchar(20))\", reverse_sql: \"DROP TABLE "
             "audit_log\"}\n");
    const std::string url = database_url_for(backend, ws);
    REQUIRE_EXIT(ws.covet({"-d", url, "migrate"}), 0);
    REQUIRE(DatabaseProbe(url).has_table("audit_log"));
    check_clean(ws, url);
    check_one_finding(ws, {"-d", url, "check", "--strict"},
                      "table audit_log is not managed by any migration",
                      {"unmanaged_table", "audit_log", "", "", "audit_log", ""});
}

COVET_CLI_BACKEND_TEST("a table a migration dropped but that is still there is drift",
                       "[cli][drift]") {
    Workspace ws;
    ws.write("migrations/0001_pets.yaml", kPets);
    ws.write("migrations/0002_drop_pets.yaml",
             "dependencies: [0001_pets]\noperations:\n  - drop_table: {table: pets}\n");
    const std::string url = database_url_for(backend, ws);
    REQUIRE_EXIT(ws.covet({"-d", url, "migrate", "0001"}), 0);
    // Recorded as applied without running: pets stays although the state drops it.
    REQUIRE_EXIT(ws.covet({"-d", url, "migrate", "--fake"}), 0);
    check_one_finding(ws, {"-d", url, "check"}, "table pets is not in the migration state",
                      {"extra_table", "pets", "", "", "pets", ""});
}

TEST_CASE("check names a changed partial-index condition and a dropped ForeignKey index",
          "[cli][drift]") {
    // MySQL has no partial indexes and keeps an index under every foreign key.
    for (const std::string backend : {"sqlite", "postgresql"}) {
        SECTION(backend) {
            Workspace ws;
            ws.write("migrations/0001_pets.yaml", kPets);
            ws.write("migrations/0002_partial.yaml",
                     "dependencies: [0001_pets]\noperations:\n  - create_index: {name: "
                     "pets_age_positive, table: pets, columns: [age], where: \"age > 0\"}\n");
            const std::string url = database_url_for(backend, ws);
            REQUIRE_EXIT(ws.covet({"-d", url, "migrate"}), 0);
            check_clean(ws, url);
            {
                DatabaseProbe db(url);
                db.connection().execute("DROP INDEX pets_age_positive");
                db.connection().execute(
                    "CREATE INDEX pets_age_positive ON pets (age) WHERE age > 5");
            }
            check_one_finding(ws, {"-d", url, "check"},
                              "index pets_age_positive on pets differs from the migration state: "
                              "(age) WHERE age > 5, expected (age) WHERE \"age\" > 0",
                              {"index", "pets", "", "(age) WHERE \"age\" > 0",
                               "(age) WHERE age > 5", "pets_age_positive"});
            {
                DatabaseProbe db(url);
                db.connection().execute("DROP INDEX pets_age_positive");
                db.connection().execute(
                    "CREATE INDEX pets_age_positive ON pets (age) WHERE age > 0");
            }
            check_clean(ws, url);
            DatabaseProbe(url).connection().execute("DROP INDEX pets_owner_id_idx");
            check_one_finding(ws, {"-d", url, "check"},
                              "index pets_owner_id_idx on pets is missing from the database",
                              {"missing_index", "pets", "", "(owner_id)", "", "pets_owner_id_idx"});
        }
    }
}

// Each back end spells types and defaults its own way (casts, display widths,
// quoted numbers): none of that is drift.
COVET_CLI_BACKEND_TEST("a schema of every kind of column, default and key shows no drift",
                       "[cli][drift]") {
    Workspace ws;
    ws.write("migrations/0001_initial.yaml", R"Y(operations:
  - create_table:
      table: tags
      fields:
        label: CharField(max_length=20, default=x)
  - create_table:
      table: things
      fields:
        id: BigAutoField(primary_key=True)
        title: CharField(max_length=30, default="it's")
        flag: BooleanField(default=True)
        price: DecimalField(max_digits=6, decimal_places=2, default=1.50)
        ratio: FloatField(default=1.5)
        neg: IntegerField(default=-3)
        day: DateField(default="2024-01-02")
        at: DateTimeField(default="2024-01-02T10:00:00", null=True)
        doc: JSONField(default={})
        uid: UUIDField(null=True)
        body: TextField(default="")
        tag: ForeignKey(tags, on_delete=SET_NULL, null=True)
        tags: ManyToManyField(tags, related_name=things)
        code: CharField(max_length=5, unique=True, null=True)
      unique_together: [[title, neg]]
      indexes: [{name: things_title_flag, columns: [title, flag]}]
)Y");
    const std::string url = database_url_for(backend, ws);
    REQUIRE_EXIT(ws.covet({"-d", url, "migrate"}), 0);
    check_clean(ws, url);
}
