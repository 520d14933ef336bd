// covet inspectdb (issue 12): the live schema printed as a models YAML that
// loads back as the schema the migrations built, and the tables of a Django
// 3.2 app (tests/django/django_inspect_app.py) printed as models.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>

#include "backend_probe.h"
#include "cli_assertions.h"
#include "covet/models_file.h"
#include "workspace.h"

using namespace covet_test;

namespace {

const covet::ModelState& model_of(const covet::ProjectState& state, const std::string& table) {
    const covet::ModelState* model = state.find_table(table);
    INFO("table " << table);
    REQUIRE(model);
    return *model;
}

}  // namespace

COVET_CLI_BACKEND_TEST("inspectdb prints the migrated blog example as models that load back",
                       "[cli][inspectdb]") {
    Workspace ws;
    ws.copy_tree(source_dir() / "migrations-examples" / "blog", "blog");
    const std::string url = database_url_for(backend, ws);
    REQUIRE_EXIT(ws.covet({"-d", url, "-m", "blog", "migrate"}), 0);

    RunResult run = ws.covet({"-d", url, "inspectdb"});
    REQUIRE_EXIT(run, 0);
    INFO(run.out);
    const covet::ProjectState models = covet::parse_models_file("models.yaml", run.out);
    CHECK(models.size() == 4);  // users, tags, posts, profiles: posts_tags is Post.tags
    CHECK(models.find_table("posts_tags") == nullptr);
    const covet::ModelState& posts = model_of(models, "posts");
    CHECK(posts.name == "Post");
    REQUIRE(posts.find_field("tags"));
    CHECK(posts.find_field("tags")->type == covet::FieldType::ManyToManyField);
    REQUIRE(posts.find_field("author"));
    CHECK(posts.find_field("author")->on_delete == covet::OnDelete::Cascade);
    REQUIRE(posts.find_index("idx_posts_published"));
    const covet::ModelState& users = model_of(models, "users");
    REQUIRE(users.find_field("profile"));
    CHECK(users.find_field("profile")->on_delete == covet::OnDelete::SetNull);
    CHECK(users.find_field("email")->unique);
    // Tables come after the tables they point at.
    CHECK(run.out.find("table: users") < run.out.find("table: posts"));
    CHECK(run.out.find("table: profiles") < run.out.find("table: users"));

    // With the migrations at hand, what no database keeps comes from them:
    // makemigrations then finds nothing to do.
    RunResult hinted = ws.covet({"-d", url, "-m", "blog", "inspectdb"});
    REQUIRE_EXIT(hinted, 0);
    ws.write("models.yaml", hinted.out);
    RunResult none =
        ws.covet({"-d", url, "-m", "blog", "makemigrations", "--models", "models.yaml", "--check"});
    REQUIRE_EXIT(none, 0);
    CHECK(none.out == "No changes detected\n");

    RunResult only = ws.covet({"-d", url, "inspectdb", "--table", "tags"});
    REQUIRE_EXIT(only, 0);
    CHECK(covet::parse_models_file("models.yaml", only.out).size() == 1);
}

COVET_CLI_BACKEND_TEST(
    "a Django 3.2 app adopted: inspectdb models load, makemigrations --initial-from-db and "
    "migrate --fake-initial leave check clean, and the shell reads Django's rows",
    "[cli][inspectdb]") {
    Workspace ws;
    const std::string url = database_url_for(backend, ws);
    const std::string script = (source_dir() / "tests/django/django_inspect_app.py").string();
    const std::string line =
        "/usr/bin/python3 '" + script + "' '" + url + "' '" + (ws / "rows.json").string() + "'";
    REQUIRE(std::system(line.c_str()) == 0);

    RunResult run = ws.covet({"-d", url, "inspectdb", "--exclude", "django_migrations"});
    REQUIRE_EXIT(run, 0);
    INFO(run.out);
    const covet::ProjectState models = covet::parse_models_file("models.yaml", run.out);
    CHECK(models.size() == 4);  // author, tag, book and Django's book_tags
    const covet::ModelState& book = model_of(models, "book");
    REQUIRE(book.find_field("tags"));
    const covet::ModelState* tag = models.resolve_target(book.find_field("tags")->to, book);
    REQUIRE(tag);
    CHECK(tag->table == "tag");
    CHECK(book.find_field("tags")->through == "book_tags");
    CHECK(book.unique_together == std::vector<std::vector<std::string>>{{"author", "title"}});

    const std::vector<std::string> adopted = {"-d", url, "-m", "adopted"};
    auto with = [&](std::vector<std::string> args) {
        args.insert(args.begin(), adopted.begin(), adopted.end());
        return args;
    };
    REQUIRE_EXIT(ws.covet(with({"makemigrations", "--initial-from-db"})), 0);
    CHECK(std::filesystem::exists(ws / "adopted" / "0001_initial.yaml"));
    RunResult faked = ws.covet(with({"migrate", "--fake-initial"}));
    REQUIRE_EXIT(faked, 0);
    CHECK(faked.out.find("FAKED") != std::string::npos);
    RunResult check = ws.covet(with({"check"}));
    INFO(check.out);
    REQUIRE_EXIT(check, 0);
    RunResult again = ws.covet(with({"inspectdb"}));
    REQUIRE_EXIT(again, 0);
    ws.write("models.yaml", again.out);
    REQUIRE_EXIT(ws.covet(with({"makemigrations", "--models", "models.yaml", "--check"})), 0);
    RunResult titles =
        ws.covet(with({"--format", "json", "shell", "-e",
                       "Book.objects.filter(tags__name='sql').order_by('id').values_list('title', "
                       "flat=True)"}));
    REQUIRE_EXIT(titles, 0);
    CHECK(titles.out.find("Schemas; DROP TABLE book") != std::string::npos);
    CHECK(titles.out.find("Migrations") != std::string::npos);
}

COVET_CLI_BACKEND_TEST(
    "inspectdb --migration adopts a database without history: migrate --fake then check is clean",
    "[cli][inspectdb]") {
    Workspace ws;
    ws.copy_tree(source_dir() / "migrations-examples" / "blog", "blog");
    const std::string url = database_url_for(backend, ws);
    REQUIRE_EXIT(ws.covet({"-d", url, "-m", "blog", "migrate"}), 0);
    // The blog schema, as a database covet never migrated would have it.
    DatabaseProbe(url).connection().execute("DROP TABLE covet_migrations");

    RunResult initial = ws.covet({"-d", url, "inspectdb", "--migration", "--app", "blog"});
    REQUIRE_EXIT(initial, 0);
    INFO(initial.out);
    CHECK(initial.out.find("create_table") != std::string::npos);
    ws.write("adopted/0001_initial.yaml", initial.out);
    const std::vector<std::string> adopted = {"-d", url, "-m", "adopted"};
    auto with = [&](std::vector<std::string> args) {
        args.insert(args.begin(), adopted.begin(), adopted.end());
        return args;
    };
    RunResult faked = ws.covet(with({"migrate", "--fake-initial"}));
    REQUIRE_EXIT(faked, 0);
    CHECK(faked.out.find("FAKED") != std::string::npos);
    RunResult check = ws.covet(with({"check"}));
    INFO(check.out);
    REQUIRE_EXIT(check, 0);
    // The ORM writes and reads the adopted tables through the migration's models.
    REQUIRE_EXIT(ws.covet(with({"shell", "-e", "Tag.objects.create(name='adopted')"})), 0);
    RunResult count = ws.covet(
        with({"shell", "-e", "Tag.objects.filter(name='adopted', post__isnull=True).count()"}));
    REQUIRE_EXIT(count, 0);
    CHECK(count.out == "1\n");
}
