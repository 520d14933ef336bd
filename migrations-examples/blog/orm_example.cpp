// The blog's models used from C++ with covet's ORM: no generated code, the
// models are what the migrations in this directory build.
//   covet -d URL -m migrations-examples/blog migrate
//   covet_orm_example URL [migrations-examples/blog]
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "covet/orm.h"

namespace {

using covet::Q;
using covet::Record;

// "a, b, c" (sorted: a relation's rows come in no particular order).
std::string joined(std::vector<std::string> names) {
    std::sort(names.begin(), names.end());
    std::string text;
    for (const auto& name : names)
        text += (text.empty() ? "" : ", ") + name;
    return text;
}

std::vector<std::string> tag_names(const Record& post) {
    std::vector<std::string> names;
    for (const Record& tag : post.manager("tags").all())
        names.push_back(tag.get("name").as_text());
    return names;
}

// Two decimals, whichever numeric kind the back end returns.
std::string number_text(const covet::Value& value) {
    char text[64];
    const double number = value.kind() == covet::Value::Kind::Decimal ? std::stod(value.to_string())
                                                                      : value.as_double();
    std::snprintf(text, sizeof text, "%.2f", number);
    return text;
}

Record post(const covet::QuerySet& posts, const std::string& title, const Record& author,
            std::int64_t views, const char* published) {
    return posts.create(
        {{"title", title},
         {"body", "About " + title},
         {"author", author.pk()},
         {"view_count", views},
         {"published_at",
          published ? covet::Value(covet::DateTime::parse(published)) : covet::Value()}});
}

void recent_posts(const covet::Database& db, const covet::QuerySet& posts) {
    int queries = 0;
    db.set_sql_log([&](const std::string&, double) { ++queries; });
    std::vector<std::string> lines;
    for (const Record& p : posts.filter({{"published_at__isnull", false}})
                               .select_related({"author"})
                               .prefetch_related({"tags"})
                               .order_by({"-published_at"})
                               .slice(0, 3)) {
        lines.push_back("  " + p.get("title").as_text() + " by " +
                        p.related("author")->get("name").as_text() + " [" + joined(tag_names(p)) +
                        "]");
    }
    db.set_sql_log(nullptr);
    std::cout << "recent posts (" << queries << " queries):\n";
    for (const auto& line : lines)
        std::cout << line << "\n";
}

void reports(const covet::QuerySet& posts, const Record& ada) {
    std::vector<std::string> titles;
    for (const Record& p :
         posts.filter(Q{{"view_count__gte", 1000}} | Q{{"author", ada}}).order_by({"title"}))
        titles.push_back(p.get("title").as_text());
    std::cout << "popular or by " << ada.get("name").as_text() << ": " << joined(titles) << "\n";

    titles.clear();
    for (const Record& p : posts.annotate({{"tag_count", covet::Count("tags")}})
                               .filter({{"tag_count__gt", 1}})
                               .order_by({"title"}))
        titles.push_back(p.get("title").as_text() + " (" + p.get("tag_count").to_string() + ")");
    std::cout << "more than one tag: " << joined(titles) << "\n";

    const covet::NamedRow stats = posts.aggregate({{"posts", covet::Count("id")},
                                                   covet::Avg("view_count"),
                                                   {"max_views", covet::Max("view_count")}});
    std::cout << "stats: " << stats["posts"].to_string() << " posts, average views "
              << number_text(stats["view_count__avg"]) << ", most views "
              << stats["max_views"].to_string() << "\n";
}

void bulk_tags(const covet::QuerySet& tags) {
    std::vector<Record> batch;
    for (int i = 0; i < 100; ++i) {
        Record tag(tags.database(), tags.models(), tags.model());
        tag.set("name", "topic-" + std::to_string(i));
        batch.push_back(std::move(tag));
    }
    tags.bulk_create(batch, {.batch_size = 50});
    std::cout << "bulk-created " << batch.size() << " tags in batches of 50: primary keys "
              << batch.front().pk().to_string() << ".." << batch.back().pk().to_string() << ", "
              << tags.count() << " tags in all\n";
}

int run(const std::string& url, const std::string& migrations) {
    covet::Database db = covet::open(url);
    covet::Models models = covet::models_from_migrations(migrations);
    const covet::QuerySet users = db.objects(models, "User");
    const covet::QuerySet tags = db.objects(models, "Tag");
    const covet::QuerySet posts = db.objects(models, "Post");

    Record ada = users.create({{"name", "Ada Lovelace"}, {"email", "ada@example.com"}});
    Record grace = users.create({{"name", "Grace Hopper"}, {"email", "grace@example.com"}});
    std::cout << "created users " << ada.get("name").as_text() << " and "
              << grace.get("name").as_text() << "\n";
    Record cpp = tags.create({{"name", "cpp"}});
    Record orm = tags.create({{"name", "orm"}});
    Record sql = tags.create({{"name", "sql"}});
    std::cout << "created tags " << joined({"cpp", "orm", "sql"}) << "\n";

    Record hello = post(posts, "Hello ORM", ada, 10, "2024-05-03T10:00:00");
    hello.manager("tags").add({cpp, orm});
    post(posts, "Popular", grace, 5000, "2024-05-02T10:00:00").manager("tags").add({cpp});
    post(posts, "Quiet", grace, 3, "2024-05-01T10:00:00");
    post(posts, "Draft", ada, 0, nullptr).manager("tags").add({orm, sql});
    std::cout << "created post '" << hello.get("title").as_text() << "' tagged "
              << joined(tag_names(hello)) << ", and three more\n";

    recent_posts(db, posts);
    reports(posts, ada);
    bulk_tags(tags);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2 || argc > 3) {
        std::cerr << "usage: covet_orm_example DATABASE_URL [MIGRATIONS_DIR]\n";
        return 2;
    }
    try {
        return run(argv[1], argc == 3 ? argv[2] : "migrations-examples/blog");
    } catch (const covet::Error& e) {
        std::cerr << "covet_orm_example: " << e.what() << "\n";
        return 1;
    }
}
