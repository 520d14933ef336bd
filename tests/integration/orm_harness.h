// The ORM's integration tests: a database migrated to a schema of users,
// profiles, tags, posts, comments and people (every relation kind and the
// typed fields), and the Database and Models to query it with.
//   COVET_ORM_TEST("filter spans a foreign key") { auto u = o.objects("User").create(...); }
#pragma once

#include <string>

#include "covet/orm.h"
#include "migration_harness.h"

namespace covet::test {

// app `library`; see orm_harness.cpp for the models.
extern const char* const kOrmSchema;

class OrmHarness {
  public:
    // Migrates `schema` (one migration file) and loads its models.
    explicit OrmHarness(MigrationHarness& h, const std::string& schema = kOrmSchema);
    MigrationHarness& h;
    Database db;
    Models models;
    QuerySet objects(const std::string& model) const { return db.objects(models, model); }
    // Statements run since the last reset (the SQL log hook counts them).
    int queries() const { return *queries_; }
    void reset_queries() { *queries_ = 0; }

  private:
    std::shared_ptr<int> queries_;
};

#define COVET_ORM_TEST_IMPL(fn, title)          \
    static void fn(covet::test::OrmHarness& o); \
    COVET_BACKEND_TEST(title) {                 \
        covet::test::OrmHarness o(h);           \
        fn(o);                                  \
    }                                           \
    static void fn(covet::test::OrmHarness& o)
#define COVET_ORM_TEST(title) \
    COVET_ORM_TEST_IMPL(INTERNAL_CATCH_UNIQUE_NAME(covet_orm_test_), title)

}  // namespace covet::test
