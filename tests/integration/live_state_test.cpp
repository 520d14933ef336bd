// read_live_state: the live schema a migrated database has, read back into
// a ProjectState, says every fact the migration state says that a database
// can keep. Not compared, because no database keeps them: model names,
// related_name, ordering, blank, auto_now(_add), symmetrical, a field type
// whose column type is another's too (an EmailField is a CharField's
// varchar; SQLite's BigAutoField an AutoField's integer key), a DecimalField's
// digits where the column type has none (SQLite's plain decimal), and the
// order of many-to-many fields among the others. PROTECT and RESTRICT are
// both written as RESTRICT and read back as PROTECT.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

#include "covet/column_types.h"
#include "covet/dialect.h"
#include "covet/graph.h"
#include "covet/live_state.h"
#include "covet/loader.h"
#include "covet/migration.h"
#include "covet/models_file.h"
#include "covet/state_yaml.h"
#include "migration_harness.h"
#include "orm_schema.h"

namespace {

using covet::Field;
using covet::FieldType;
using covet::ModelState;
using covet::ProjectState;

ProjectState migrated_state(covet::test::MigrationHarness& h) {
    covet::MigrationGraph graph(
        covet::load_migration_directory((h.root() / "migrations").string()));
    ProjectState state;
    for (const covet::Migration* m : graph.order())
        for (const auto& op : m->operations)
            op->state_forwards(m->app, state);
    return state;
}

std::string_view column_type_text(const covet::Dialect& dialect, FieldType type) {
    for (const auto& row : dialect.column_types().types)
        if (row.field == type) return row.text;
    return "";
}

// The live field's type where both write the same column type (an
// EmailField is a varchar as a CharField is; SQLite's BigAutoField an
// integer key as an AutoField is).
std::string type_name(const covet::Dialect& dialect, const Field& f, const Field* live) {
    if (live && !column_type_text(dialect, f.type).empty() &&
        column_type_text(dialect, f.type) == column_type_text(dialect, live->type))
        return covet::field_type_name(live->type);
    return covet::field_type_name(f.type);
}

std::string target_table(const ProjectState& state, const ModelState& model, const Field& f) {
    const ModelState* target = state.resolve_target(f.to, model);
    return target ? target->table : "?" + f.to;
}

std::string on_delete_text(const Field& f) {
    std::string action = covet::on_delete_sql_action(f.on_delete);
    return action.empty() ? "NO ACTION" : action;
}

std::string field_fact(const covet::Dialect& dialect, const ProjectState& state,
                       const ModelState& model, const Field& f, const Field* live) {
    const bool digits_known = live && live->max_digits && f.max_digits;
    std::string out =
        "field " + f.name + " column=" + f.column() + " type=" + type_name(dialect, f, live);
    out += std::string(" null=") + (f.null ? "1" : "0") + " pk=" + (f.primary_key ? "1" : "0");
    out += std::string(" unique=") + (f.unique ? "1" : "0");
    out += std::string(" index=") + (f.wants_index() ? "1" : "0");
    if (auto n = f.effective_max_length()) out += " max_length=" + std::to_string(*n);
    if (digits_known && f.max_digits)
        out += " digits=" + std::to_string(*f.max_digits) + "," +
               std::to_string(f.decimal_places.value_or(0));
    if (f.default_value) out += " default=" + f.default_value->to_string();
    if (f.type == FieldType::ForeignKey)
        out += " fk=" + target_table(state, model, f) + " on_delete=" + on_delete_text(f);
    return out;
}

std::string columns_text(const ModelState& model, const std::vector<std::string>& names) {
    std::string out;
    for (const auto& name : names)
        out += (out.empty() ? "" : ",") + model.column_for(name);
    return out;
}

// The facts of a model a database keeps, one line each, sorted.
std::vector<std::string> facts(const covet::Dialect& dialect, const ProjectState& state,
                               const ModelState& model, const ModelState& live) {
    std::vector<std::string> out;
    for (const auto& f : model.fields) {
        if (f.is_many_to_many()) {
            out.push_back("m2m " + f.name + " -> " + target_table(state, model, f));
            continue;
        }
        out.push_back(field_fact(dialect, state, model, f, live.find_field_or_column(f.column())));
    }
    for (const auto& group : model.unique_together)
        out.push_back("unique_together " + columns_text(model, group));
    for (const auto& index : model.indexes)
        out.push_back("index " + index.name + " " + columns_text(model, index.columns) +
                      (index.unique ? " unique" : "") + " where=" + index.where.normalized());
    for (const auto& c : model.constraints)
        if (!c.is_check())
            out.push_back("index " + c.name + " " + columns_text(model, c.unique) +
                          " unique where=" + c.where.normalized());
    std::sort(out.begin(), out.end());
    return out;
}

// inspectdb's output: the models YAML of the live state loads back as the
// same models (with the digits a plain decimal column lacks guessed).
void check_yaml_round_trip(const covet::Dialect& d, ProjectState live) {
    covet::guess_decimal_digits(live);
    const std::string text = covet::models_yaml(live);
    INFO(text);
    const ProjectState loaded = covet::parse_models_file("models.yaml", text);
    CHECK(loaded.size() == live.size());
    for (const ModelState* model : live.models()) {
        const ModelState* again = loaded.find_table(model->table);
        REQUIRE(again);
        CHECK(again->name == model->name);
        CHECK(facts(d, loaded, *again, *again) == facts(d, live, *model, *model));
    }
}

void check_live_state_matches(covet::test::MigrationHarness& h) {
    h.migrate();
    ProjectState expected = migrated_state(h);
    ProjectState live = covet::read_live_state(h.db());
    std::vector<std::string> expected_tables, live_tables;
    for (const ModelState* m : expected.models())
        expected_tables.push_back(m->table);
    for (const ModelState* m : live.models())
        live_tables.push_back(m->table);
    CHECK(live_tables == expected_tables);
    for (const ModelState* model : expected.models()) {
        const ModelState* read = live.find_table(model->table);
        REQUIRE(read);
        INFO("table " << model->table);
        const covet::Dialect& d = h.db().dialect();
        CHECK(facts(d, live, *read, *read) == facts(d, expected, *model, *read));
    }
    check_yaml_round_trip(h.db().dialect(), live);
}

}  // namespace

COVET_BACKEND_TEST("read_live_state of the migrated blog example equals its migration state") {
    namespace fs = std::filesystem;
    for (const auto& entry :
         fs::directory_iterator(fs::path(COVET_SOURCE_DIR) / "migrations-examples/blog"))
        if (entry.path().extension() == ".yaml")
            fs::copy_file(entry.path(), h.root() / "migrations" / entry.path().filename());
    check_live_state_matches(h);
    // The through table posts_tags is Post.tags, and names both models.
    ProjectState live = covet::read_live_state(h.db());
    CHECK(live.find_table("posts_tags") == nullptr);
    CHECK(live.table("posts").name == "Post");
    CHECK(live.table("tags").name == "Tag");
}

COVET_BACKEND_TEST("read_live_state of the migrated ORM test schema equals its migration state") {
    h.write("0001_library.yaml", covet::test::kOrmSchemaText);
    check_live_state_matches(h);
    ProjectState live = covet::read_live_state(h.db());
    CHECK(live.table("people").name == "Person");
    CHECK(live.find_table("people_friends") == nullptr);
    CHECK(live.find_table("people_follows") == nullptr);
}

COVET_BACKEND_TEST("read_live_state reads a partial index, a unique pair and a JSON column") {
    std::string text = R"Y(app: store
operations:
  - create_table:
      table: shelves
      fields:
        id: BigAutoField(primary_key=True)
        aisle: CharField(max_length=10, db_index=True)
        position: SmallIntegerField(default=1)
        capacity: BigIntegerField(null=True)
        price: DecimalField(max_digits=8, decimal_places=3, default=0)
        ok: BooleanField(default=False)
        weight: FloatField(default=2.5)
        label: {type: CharField, max_length: 20, default: "it's: #1"}
        data: JSONField(null=True)
        token: UUIDField(null=True)
        raw: BinaryField(null=True)
        at: TimeField(null=True)
      unique_together: [[aisle, position]]
  - create_index: {name: shelves_pair, table: shelves, columns: [aisle, capacity]}
)Y";
    // MySQL has no partial indexes.
    if (h.backend() != "mysql")
        text +=
            "  - create_index: {name: shelves_big, table: shelves, columns: [capacity], "
            "where: \"capacity > 100\"}\n";
    h.write("0001_shelves.yaml", text);
    check_live_state_matches(h);
    ProjectState live = covet::read_live_state(h.db());
    CHECK(live.table("shelves").find_field("data")->type == FieldType::JSONField);
}
