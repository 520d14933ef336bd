// What a table rebuild (SQLite) or an in-place alter (the servers) must carry
// along: views and triggers on the table, and the columns of other tables
// that reference a primary key whose type changes.
#include <catch2/catch.hpp>

#include <string>

#include "migration_harness.h"

using covet::test::MigrationHarness;

namespace {

std::string text_of(MigrationHarness& h, const std::string& sql) {
    return h.db().query(sql).rows.at(0).at(0).to_string();
}

const char* kKennel = R"Y(app: kennel
operations:
  - create_table:
      table: pets
      model: Pet
      fields:
        id: AutoField(primary_key=True)
        nickname: CharField(max_length=15)
        weight: IntegerField(null=True)
      indexes: [{name: pets_weight_idx, columns: [weight]}]
  - create_table:
      table: pet_log
      model: PetLog
      fields:
        id: AutoField(primary_key=True)
        note: CharField(max_length=60)
)Y";

const char* kViewAndTrigger = R"Y(dependencies: [0001_initial]
operations:
  - run_sql:
      sql: "CREATE VIEW heavy_pets AS SELECT nickname FROM pets WHERE weight > 20; CREATE TRIGGER pets_logged AFTER INSERT ON pets BEGIN INSERT INTO pet_log (note) VALUES ('hello ' || NEW.nickname); END"
      reverse_sql: "DROP TRIGGER pets_logged; DROP VIEW heavy_pets"
)Y";

std::int64_t logged(MigrationHarness& h, const std::string& note) {
    return h.db()
        .query("SELECT count(*) FROM pet_log WHERE note = ?", {covet::Value(note)})
        .rows.at(0)
        .at(0)
        .as_int();
}

}  // namespace

TEST_CASE("sqlite: a table rebuild keeps the views and triggers on the table") {
    MigrationHarness h("sqlite");
    h.write("kennel/0001_initial.yaml", kKennel);
    h.write("kennel/0002_view_and_trigger.yaml", kViewAndTrigger);
    h.migrate();
    h.db().execute("INSERT INTO pets (nickname, weight) VALUES ('Bruno', 31)");
    REQUIRE(logged(h, "hello Bruno") == 1);

    // A new length and a NOT NULL with a default: both rebuild the table.
    h.write("kennel/0003_rebuild.yaml", R"Y(dependencies: [0002_view_and_trigger]
operations:
  - alter_column: {table: pets, column: nickname, field: "CharField(max_length=40)"}
  - alter_column: {table: pets, column: weight, field: "IntegerField(default=5)"}
)Y");
    h.migrate();
    CHECK(h.applied().size() == 3);
    CHECK(h.drift().empty());
    CHECK(text_of(h, "SELECT nickname FROM heavy_pets") == "Bruno");
    h.db().execute("INSERT INTO pets (nickname, weight) VALUES ('Clementine', 25)");
    CHECK(logged(h, "hello Clementine") == 1);
    CHECK(text_of(h, "SELECT count(*) FROM heavy_pets") == "2");
    CHECK(text_of(h, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'") == "1");
    CHECK(text_of(h, "SELECT count(*) FROM sqlite_temp_master") == "0");

    // Rolling back rebuilds again; then the run_sql's reverse finds its trigger.
    h.rollback();
    CHECK(h.drift().empty());
    h.db().execute("INSERT INTO pets (nickname, weight) VALUES ('Dot', 2)");
    CHECK(logged(h, "hello Dot") == 1);
    CHECK(text_of(h, "SELECT count(*) FROM heavy_pets") == "2");
    h.rollback();
    CHECK(h.applied().size() == 1);
    CHECK(text_of(h, "SELECT count(*) FROM sqlite_master WHERE type IN ('trigger', 'view')") ==
          "0");
    CHECK(h.count("pets") == 3);
}

TEST_CASE("sqlite: a table rebuild keeps triggers of other tables that write to it") {
    MigrationHarness h("sqlite");
    h.write("kennel/0001_initial.yaml", kKennel);
    h.write("kennel/0002_trigger.yaml", R"Y(dependencies: [0001_initial]
operations:
  - run_sql:
      sql: "CREATE TRIGGER log_makes_pet AFTER INSERT ON pet_log BEGIN INSERT INTO pets (nickname) VALUES (NEW.note); END"
      reverse_sql: "DROP TRIGGER log_makes_pet"
  - alter_column: {table: pets, column: nickname, field: "CharField(max_length=25)"}
)Y");
    h.migrate();
    CHECK(h.drift().empty());
    h.db().execute("INSERT INTO pet_log (note) VALUES ('Pip')");
    CHECK(text_of(h, "SELECT nickname FROM pets") == "Pip");
    h.rollback();
    CHECK(h.drift().empty());
    CHECK(text_of(h, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'") == "0");
}

TEST_CASE("sqlite: a rebuild that would leave a trigger or view naming a lost column fails") {
    MigrationHarness h("sqlite");
    h.write("kennel/0001_initial.yaml", kKennel);
    h.write("kennel/0002_view_and_trigger.yaml", kViewAndTrigger);
    h.migrate();
    h.db().execute("INSERT INTO pets (nickname, weight) VALUES ('Bruno', 31)");
    // A new default rebuilds the table, where weight becomes mass; the view needs weight.
    h.write("kennel/0003_mass.yaml", R"Y(dependencies: [0002_view_and_trigger]
operations:
  - alter_column: {table: pets, column: weight, field: "IntegerField(default=0, db_column='mass')"}
)Y");
    REQUIRE_THROWS_WITH(h.migrate(),
                        Catch::Contains("heavy_pets") && Catch::Contains("no such column: weight"));
    CHECK(h.applied().size() == 2);
    CHECK(h.drift().empty());
    CHECK(text_of(h, "SELECT nickname FROM heavy_pets") == "Bruno");
    CHECK(text_of(h, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'") == "1");
}

COVET_BACKEND_TEST("a primary key's new type reaches the foreign keys and through tables") {
    h.write("kennel/0001_initial.yaml", R"Y(app: kennel
operations:
  - create_table:
      table: breeds
      model: Breed
      fields:
        code: CharField(max_length=2, primary_key=True)
        title: CharField(max_length=30)
  - create_table:
      table: owners
      model: Owner
      fields:
        id: AutoField(primary_key=True)
        name: CharField(max_length=30)
        mentor: ForeignKey(self, on_delete=SET_NULL, null=True)
  - create_table:
      table: dogs
      model: Dog
      fields:
        id: AutoField(primary_key=True)
        breed: ForeignKey(breeds, on_delete=CASCADE)
        owner: ForeignKey(owners, on_delete=CASCADE, null=True)
  - create_table:
      table: licences
      model: Licence
      fields:
        owner: ForeignKey(owners, on_delete=CASCADE, primary_key=True)
  - create_table:
      table: fines
      model: Fine
      fields:
        id: AutoField(primary_key=True)
        licence: ForeignKey(licences, on_delete=CASCADE)
  - create_table:
      table: contests
      model: Contest
      fields:
        id: AutoField(primary_key=True)
        breeds: ManyToManyField(breeds)
        judges: ManyToManyField(owners)
  - run_sql:
      sql: "INSERT INTO breeds (code, title) VALUES ('bx', 'Boxer'); INSERT INTO owners (name) VALUES ('Ines'); INSERT INTO dogs (breed_id, owner_id) VALUES ('bx', 1); INSERT INTO contests (id) VALUES (4); INSERT INTO contests_breeds (contest_id, breed_id) VALUES (4, 'bx'); INSERT INTO contests_judges (contest_id, owner_id) VALUES (4, 1)"
      reverse_sql: "DELETE FROM contests_judges; DELETE FROM contests_breeds; DELETE FROM contests; DELETE FROM dogs; DELETE FROM owners; DELETE FROM breeds"
)Y");
    h.write("kennel/0002_wider_keys.yaml", R"Y(dependencies: [0001_initial]
operations:
  - alter_column: {table: breeds, column: code, field: "CharField(max_length=3, primary_key=True)"}
  - alter_column: {table: owners, column: id, field: "BigAutoField(primary_key=True)"}
)Y");
    h.migrate();
    CHECK(h.applied().size() == 2);
    CHECK(h.drift().empty());
    auto breed_type = h.column("dogs", "breed_id")->type;
    CHECK(breed_type.find('3') != std::string::npos);
    CHECK(h.column("contests_breeds", "breed_id")->type.find('3') != std::string::npos);
    CHECK(h.column("dogs", "owner_id")->type.find("big") != std::string::npos);
    CHECK(h.column("contests_judges", "owner_id")->type.find("big") != std::string::npos);
    CHECK(h.column("owners", "mentor_id")->type.find("big") != std::string::npos);
    // A key that is itself a foreign key passes the new type on.
    CHECK(h.column("licences", "owner_id")->type.find("big") != std::string::npos);
    CHECK(h.column("fines", "licence_id")->type.find("big") != std::string::npos);
    CHECK(text_of(h, "SELECT breed_id FROM dogs WHERE owner_id = 1") == "bx");
    CHECK(text_of(h, "SELECT breed_id FROM contests_breeds WHERE contest_id = 4") == "bx");
    CHECK(h.foreign_keys("dogs").size() == 2);
    CHECK(h.foreign_keys("contests_breeds").size() == 2);
    // The wider keys hold values the old ones could not.
    h.db().execute("INSERT INTO breeds (code, title) VALUES ('pug', 'Pug')");
    h.db().execute("INSERT INTO owners (id, name) VALUES (5000000000, 'Big')");
    h.db().execute("INSERT INTO dogs (breed_id, owner_id) VALUES ('pug', 5000000000)");
    h.db().execute("INSERT INTO contests_breeds (contest_id, breed_id) VALUES (4, 'pug')");
    h.db().execute("INSERT INTO contests_judges (contest_id, owner_id) VALUES (4, 5000000000)");
    CHECK(h.count("dogs") == 2);

    h.db().execute("DELETE FROM contests_judges WHERE owner_id = 5000000000");
    h.db().execute("DELETE FROM dogs WHERE owner_id = 5000000000");
    h.db().execute("DELETE FROM contests_breeds WHERE breed_id = 'pug'");
    h.db().execute("DELETE FROM owners WHERE id = 5000000000");
    h.db().execute("DELETE FROM breeds WHERE code = 'pug'");
    h.rollback();
    CHECK(h.drift().empty());
    CHECK(h.column("dogs", "breed_id")->type.find('2') != std::string::npos);
    CHECK(text_of(h, "SELECT breed_id FROM contests_breeds WHERE contest_id = 4") == "bx");
}
