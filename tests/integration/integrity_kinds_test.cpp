// IntegrityError::kind() from each driver's own code: SQLite's extended
// result codes, PostgreSQL's SQLSTATE, MySQL's error numbers. Each rule is
// provoked with plain SQL on each back end.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "covet/error.h"
#include "migration_harness.h"

using Kind = covet::IntegrityError::Kind;
using covet::Value;

namespace {

// Plain SQL every back end reads alike (table-level FOREIGN KEY: InnoDB
// ignores a column's inline REFERENCES).
void create_tables(covet::Connection& db) {
    db.execute("CREATE TABLE ik_parent (id INTEGER PRIMARY KEY, code VARCHAR(10) UNIQUE)");
    db.execute(
        "CREATE TABLE ik_child (id INTEGER PRIMARY KEY, parent_id INTEGER, "
        "name VARCHAR(10) NOT NULL, qty INTEGER, CONSTRAINT ik_qty CHECK (qty >= 0), "
        "FOREIGN KEY (parent_id) REFERENCES ik_parent (id))");
    db.execute("INSERT INTO ik_parent (id, code) VALUES (1, 'a')");
    db.execute("INSERT INTO ik_child (id, parent_id, name, qty) VALUES (1, 1, 'x', 1)");
}

// The kind of the IntegrityError `sql` raises; fails the test when none.
Kind kind_of(covet::Connection& db, const std::string& sql, const std::vector<Value>& params = {}) {
    try {
        db.execute(sql, params);
    } catch (const covet::IntegrityError& e) {
        INFO(e.what());
        return e.kind();
    }
    FAIL("no IntegrityError from " << sql);
    return Kind::other;
}

}  // namespace

COVET_BACKEND_TEST(
    "IntegrityError kinds: unique, foreign key, not null and check from driver codes") {
    covet::Connection& db = h.db();
    create_tables(db);
    CHECK(kind_of(db, "INSERT INTO ik_parent (id, code) VALUES (2, 'a')") == Kind::unique);
    CHECK(kind_of(db, "INSERT INTO ik_parent (id, code) VALUES (1, 'b')") == Kind::unique);
    CHECK(kind_of(db, "INSERT INTO ik_child (id, parent_id, name, qty) VALUES (2, 99, 'y', 1)") ==
          Kind::foreign_key);
    CHECK(kind_of(db, "DELETE FROM ik_parent WHERE id = 1") == Kind::foreign_key);
    CHECK(kind_of(db, "INSERT INTO ik_child (id, parent_id, name, qty) VALUES (3, 1, NULL, 1)") ==
          Kind::not_null);
    CHECK(kind_of(db, "INSERT INTO ik_child (id, parent_id, qty) VALUES (4, 1, 1)") ==
          Kind::not_null);
    CHECK(kind_of(db, "INSERT INTO ik_child (id, parent_id, name, qty) VALUES (5, 1, 'z', -1)") ==
          Kind::check);
    CHECK(kind_of(db, "UPDATE ik_child SET qty = -5 WHERE id = 1") == Kind::check);
    // Bound parameters take the same path as literal SQL.
    const covet::Dialect& d = db.dialect();
    CHECK(kind_of(db,
                  "INSERT INTO ik_parent (id, code) VALUES (" + d.placeholder(1) + ", " +
                      d.placeholder(2) + ")",
                  {Value(std::int64_t{3}), Value("a")}) == Kind::unique);
    // Nothing refused got in.
    CHECK(db.query("SELECT COUNT(*) FROM ik_child").rows[0][0] == Value(std::int64_t{1}));
    CHECK(db.query("SELECT COUNT(*) FROM ik_parent").rows[0][0] == Value(std::int64_t{1}));
}
