#include "orm_harness.h"

#include "orm_schema.h"

namespace covet::test {

const char* const kOrmSchema = kOrmSchemaText;

OrmHarness::OrmHarness(MigrationHarness& harness, const std::string& schema)
    : h(harness),
      db(harness.shared_db()),
      models(ProjectState()),
      queries_(std::make_shared<int>(0)) {
    h.write("0001_initial.yaml", schema);
    h.migrate();
    models = models_from_migrations((h.root() / "migrations").string());
    auto counter = queries_;
    db.set_sql_log([counter](const std::string&, double) { ++*counter; });
}

}  // namespace covet::test
