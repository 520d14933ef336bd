// libFuzzer target: shell statements (SPEC.md §6) parsed and evaluated on an
// in-memory SQLite database migrated to a small blog with a few rows. A
// covet::Error is a correct answer to bad input; a crash, a sanitizer
// report, a hang or another exception is a defect. Each input runs in a
// transaction rolled back afterwards, so inputs do not change the rows the
// next one sees. Inputs naming raw() are skipped: raw SQL text could commit
// that transaction or attach files, which tests nothing of the shell.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "covet/database.h"
#include "covet/error.h"
#include "covet/executor.h"
#include "covet/graph.h"
#include "covet/loader.h"
#include "covet/record.h"
#include "covet/recorder.h"
#include "shell/session.h"

namespace {

const char* const kSchema = R"Y(app: blog
operations:
  - create_table:
      table: users
      model: User
      fields:
        id: AutoField(primary_key=True)
        name: CharField(max_length=100)
        age: IntegerField(null=True)
        active: BooleanField(default=True)
        is_admin: BooleanField(default=False)
        created_at: DateTimeField(null=True)
  - create_table:
      table: tags
      model: Tag
      fields:
        id: AutoField(primary_key=True)
        name: CharField(max_length=50)
  - create_table:
      table: posts
      model: Post
      fields:
        id: AutoField(primary_key=True)
        title: CharField(max_length=200)
        author: ForeignKey(users, on_delete=CASCADE, related_name=posts)
        tags: ManyToManyField(tags, related_name=posts)
        view_count: IntegerField(default=0)
        rating: DecimalField(max_digits=5, decimal_places=2, null=True)
        day: DateField(null=True)
)Y";

struct World {
    covet::Database db;
    covet::Models models;
};

covet::Record saved(const World& world, const std::string& model,
                    const std::vector<std::pair<std::string, covet::Value>>& fields) {
    covet::Record record(world.db, world.models, world.models.model(model));
    for (const auto& [name, value] : fields)
        record.set(name, value);
    record.save();
    return record;
}

World make_world() {
    covet::MigrationGraph graph(
        {covet::parse_migration_file("0001_initial.yaml", kSchema, "blog")});
    World world{covet::open("sqlite::memory:"), covet::Models(covet::replay_all(graph))};
    covet::Connection& connection = world.db.connection();
    covet::MigrationRecorder(connection).ensure_schema();
    const covet::Plan plan = covet::MigrationPlanner(graph, {}).migrate(std::nullopt);
    covet::MigrationExecutor(graph, connection.dialect()).run(connection, plan, {}, {}, {});
    const covet::Record ann = saved(world, "User", {{"name", "ann"}, {"age", 30}});
    const covet::Record bo = saved(world, "User", {{"name", "bo"}, {"active", false}});
    const covet::Record t1 = saved(world, "Tag", {{"name", "t1"}});
    const covet::Record post = saved(world, "Post", {{"title", "Hi"}, {"author", ann.pk()}});
    saved(world, "Post", {{"title", "Yo"}, {"author", bo.pk()}, {"view_count", 5}});
    post.manager("tags").add({t1});
    return world;
}

World& world() {
    static World instance = make_world();
    return instance;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    if (text.find("raw") != std::string::npos) return 0;
    World& w = world();
    std::vector<covet::shell::Statement> statements;
    try {
        statements = covet::shell::parse_statements(text);
        (void)covet::shell::needs_more_input(text);
    } catch (const covet::SyntaxError& e) {
        (void)covet::shell::caret_excerpt(text, {e.line(), e.column()});
        return 0;
    }
    w.db.connection().begin();
    covet::shell::Session session(w.db, w.models);
    for (const covet::shell::Statement& statement : statements) {
        try {
            (void)session.run(statement);
        } catch (const covet::Error&) {
        }
    }
    w.db.connection().rollback();
    return 0;
}
