// The YAML writers of covet/state_yaml.h read back by the loaders: a models
// file gives back an equal state, a migration file an equal canonical text,
// with names and values that need quoting (quotes, colons, '#', unicode).
#include <catch2/catch.hpp>

#include "covet/error.h"
#include "covet/loader.h"
#include "covet/models_file.h"
#include "covet/state_at.h"
#include "covet/state_yaml.h"

using namespace covet;

namespace {

const std::string kModels = R"Y(app: shop
models:
  - table: orders
    fields:
      customer: ForeignKey(customers, on_delete=SET_NULL, null=True, related_name=orders)
      note: 'CharField(max_length=40, default="it''s: #1 \"q\"", help_text=''naïve – café'')'
      total: DecimalField(max_digits=8, decimal_places=2, default=0)
      tags: ManyToManyField(tags)
      kind: "CharField(max_length=3, choices=[('a', 'Ä: one'), ('b', 'two # x')])"
      score: "IntegerField(min_value=0, max_value=10, db_index=True)"
      seen: BooleanField(default=False)
      ref: ForeignKey('self', on_delete=DO_NOTHING, null=True, db_index=False)
    unique_together: [[customer, note]]
    indexes:
      - {name: 'idx: total #1', columns: [total], where: "total > 0"}
    ordering: ["-total", note]
  - table: customers
    model: Client
    fields:
      name: "CharField(max_length=100, db_column='full name', verbose_name='名前')"
      yes: TextField(null=True)
  - table: tags
    fields:
      label: CharField(max_length=20, unique=True)
)Y";

}  // namespace

TEST_CASE("a models file written from a state loads back as an equal state") {
    ProjectState state = parse_models_file("models.yaml", kModels);
    std::string written = models_yaml(state);
    ProjectState again = parse_models_file("written.yaml", written);
    REQUIRE(again.size() == state.size());
    for (const ModelState* model : state.models()) {
        const ModelState* other = again.find_table(model->table);
        REQUIRE(other != nullptr);
        CHECK(*other == *model);
    }
    CHECK(models_yaml(again) == written);
    // Targets before the tables that point at them.
    CHECK(written.find("table: customers") < written.find("table: orders"));
    CHECK(written.find("table: tags") < written.find("table: orders"));
    CHECK(written.find("app: shop") == 0);
}

TEST_CASE("a migration written as YAML loads back with the same canonical text") {
    const std::string text = R"Y(app: shop
dependencies: [0001_initial, other.0002_x]
atomic: false
operations:
  - create_table:
      table: "we: #ird"
      fields:
        "col 'q'": "CharField(max_length=20, default='a: b # c')"
      indexes: [{name: ix, columns: ["col 'q'"], unique: true}]
  - add_column: {table: "we: #ird", column: age, field: "IntegerField(default=3)", preserve_default: false}
  - alter_column: {table: "we: #ird", column: age, field: IntegerField(null=True)}
  - rename_column: {table: "we: #ird", old: age, new: âge}
  - drop_column: {table: "we: #ird", column: âge, default: 7}
  - rename_table: {old: "we: #ird", new: plain}
  - create_index: {name: "p: 1", table: plain, columns: ["col 'q'"], where: "\"col 'q'\" = 'x: y'", concurrently: true}
  - drop_index: {name: "p: 1", table: plain}
  - alter_unique_together: {table: plain, unique_together: [["col 'q'"]]}
  - add_constraint: {table: plain, name: c1, check: "id > 0"}
  - add_constraint: {table: plain, name: c2, unique: [id], where: "id < 5"}
  - remove_constraint: {table: plain, name: c1}
  - run_sql: {sql: "SELECT ':' -- #", reverse_sql: "SELECT 1", dialect: sqlite}
  - drop_table: {table: plain}
)Y";
    Migration migration = parse_migration_file("m/0003_x.yaml", text, "default");
    std::string written = migration_yaml(migration, "written: by a test");
    CHECK(written.rfind("# written: by a test\n", 0) == 0);
    Migration again = parse_migration_file("m/0003_x.yaml", written, "default");
    CHECK(again.canonical() == migration.canonical());
    CHECK(again.atomic == false);
    CHECK(migration_yaml(again, "written: by a test") == written);
}

TEST_CASE("the field shorthand is written in the house style") {
    CHECK(field_shorthand(field("t", "CharField(max_length=200)")) == "CharField(max_length=200)");
    CHECK(field_shorthand(field("a", "ForeignKey(users, related_name=posts)")) ==
          "ForeignKey(users, on_delete=CASCADE, related_name='posts')");
    CHECK(field_shorthand(field("i", "AutoField(primary_key=True)")) ==
          "AutoField(primary_key=True)");
}

TEST_CASE("bad models files are refused at file:line:column") {
    auto error_of = [](const std::string& text) -> std::string {
        try {
            parse_models_file("models.yaml", text);
        } catch (const LoadError& e) {
            return e.what();
        }
        return "no error";
    };
    CHECK(error_of("models:\n  - table: a\n    fields:\n      x: Integr()\n")
              .rfind("models.yaml:4:10: field 'x': unknown field type 'Integr'", 0) == 0);
    CHECK(error_of("models:\n  - table: a\n    fields:\n      x: ForeignKey(nowhere)\n") ==
          "models.yaml:4:10: field 'x' of table 'a' points at model 'nowhere', which the "
          "models file does not define");
    CHECK(error_of("models:\n  - table: a\n    fields:\n      x: TextField()\n      x: "
                   "TextField()\n")
              .rfind("models.yaml:5:7: malformed YAML", 0) == 0);
    CHECK(error_of("tables: []\n") ==
          "models.yaml:1:1: unknown key 'tables' in a models file (expected: app, models)");
}
