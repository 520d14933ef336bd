// covet adopts a database Django 3.2 built (issue 12): Django's own migrate
// creates a small app (tests/django/inspect_shop: foreign keys, a
// many-to-many, a unique_together and an index) and writes rows through its
// ORM (tests/django/django_inspect_app.py, Debian's /usr/bin/python3);
// read_live_state reads the schema back as models, and covet's ORM over
// those models reads every row with the values Django read.
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>

#include "covet/database.h"
#include "covet/live_state.h"
#include "covet/queryset.h"
#include "covet/record.h"
#include "migration_harness.h"

using nlohmann::json;

namespace {

const char* const kScript = COVET_SOURCE_DIR "/tests/django/django_inspect_app.py";

// Runs the script; its output (stdout and stderr) for the failure message.
std::string run_django(const std::string& url, const std::string& out_path, int& status) {
    const std::string line =
        "/usr/bin/python3 '" + std::string(kScript) + "' '" + url + "' '" + out_path + "' 2>&1";
    std::string output;
    FILE* pipe = popen(line.c_str(), "r");
    REQUIRE(pipe != nullptr);
    char buffer[4096];
    std::size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0)
        output.append(buffer, n);
    const int raw = pclose(pipe);
    status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    return output;
}

json rows_of(const covet::Database& db, const covet::Models& models, const std::string& model) {
    json rows = json::array();
    for (const covet::Record& record : db.objects(models, model).order_by({"pk"}))
        rows.push_back(json::parse(record.to_json()));
    return rows;
}

json through_rows(covet::Connection& connection) {
    json rows = json::array();
    const auto& d = connection.dialect();
    auto rs = connection.query("SELECT " + d.quote_name("id") + ", " + d.quote_name("book_id") +
                               ", " + d.quote_name("tag_id") + " FROM " +
                               d.quote_name("book_tags") + " ORDER BY " + d.quote_name("id"));
    for (const auto& row : rs.rows)
        rows.push_back(
            {{"id", row[0].as_int()}, {"book_id", row[1].as_int()}, {"tag_id", row[2].as_int()}});
    return rows;
}

void check_book_model(const covet::ProjectState& live, const std::string& backend) {
    const covet::ModelState& book = live.table("book");
    CHECK(book.name == "Book");
    const covet::Field* author = book.find_field("author");
    REQUIRE(author);
    CHECK(author->type == covet::FieldType::ForeignKey);
    CHECK(author->to == "author");
    // Django's index of the key keeps its name (<table>_<column>_<digest>):
    // a named index, not db_index, whose covet name the database lacks.
    // (Django makes none on MySQL, whose unique pair author_id, title serves.)
    CHECK_FALSE(author->db_index);
    CHECK(book.indexes.size() == (backend == "mysql" ? 0u : 2u));
    // Django writes no ON DELETE clause: the database does nothing itself
    // (NO ACTION), which MySQL reports as RESTRICT, covet's PROTECT.
    CHECK(author->on_delete ==
          (backend == "mysql" ? covet::OnDelete::Protect : covet::OnDelete::DoNothing));
    const covet::Field* editor = book.find_field("editor");
    REQUIRE(editor);
    CHECK(editor->null);
    const covet::Field* tags = book.find_field("tags");
    REQUIRE(tags);
    CHECK(tags->type == covet::FieldType::ManyToManyField);
    CHECK(tags->to == "tag");
    // Django's through table (no ON DELETE, its own index names) is not the
    // one covet would make: it stays a model, the field's explicit through.
    CHECK(tags->through == "book_tags");
    CHECK(book.unique_together == std::vector<std::vector<std::string>>{{"author", "title"}});
    CHECK(book.find_field("title")->max_length == 200);
    CHECK(book.find_field("in_print")->type == covet::FieldType::BooleanField);
    CHECK(live.table("author").find_field("email")->unique);
    REQUIRE(live.find_table("book_tags"));
    CHECK(live.table("book_tags").unique_together ==
          std::vector<std::vector<std::string>>{{"book", "tag"}});
}

}  // namespace

COVET_BACKEND_TEST("a Django 3.2 app's tables read back as models whose rows covet's ORM reads") {
    const std::string out = (h.root() / "django_rows.json").string();
    int status = -1;
    const std::string output = run_django(h.url(), out, status);
    INFO(output);
    REQUIRE(status == 0);
    std::ifstream in(out);
    const json django = json::parse(in);

    covet::LiveStateOptions options;
    options.exclude = {"django_migrations"};
    const covet::ProjectState live = covet::read_live_state(h.db(), options);
    std::vector<std::string> tables;
    for (const covet::ModelState* m : live.models())
        tables.push_back(m->table);
    CHECK(tables == std::vector<std::string>{"author", "book", "book_tags", "tag"});
    check_book_model(live, h.backend());

    const covet::Models models(live);
    const covet::Database db(h.shared_db());
    for (const char* model : {"Author", "Tag", "Book"}) {
        INFO(model);
        CHECK(rows_of(db, models, model) == django.at(model));
    }
    CHECK(through_rows(h.db()) == django.at("Book.tags"));
    CHECK(
        db.objects(models, "Book").filter(covet::Q{{"tags__name", covet::Value("sql")}}).count() ==
        2);
}
