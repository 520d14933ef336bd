// The blog of migrations-examples/blog as a typed C++ application: plain
// structs mapped to the models, the migrations registered in C++ and
// applied at start-up, then the seed's queries (blog/orm_example.cpp).
//   covet_typed_blog DATABASE_URL
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "covet/migrate.h"
#include "covet/orm.h"
#include "covet/registry.h"
#include "covet/typed.h"

struct User {
    std::int64_t id = 0;
    std::string name;
    std::string email;
    covet::Timestamp created_at;
};
COVET_MODEL(User, "User", COVET_FIELD(id), COVET_FIELD(name), COVET_FIELD(email),
            COVET_FIELD(created_at));

struct Tag {
    std::int64_t id = 0;
    std::string name;
};
COVET_MODEL(Tag, "Tag", COVET_FIELD(id), COVET_FIELD(name));

struct Post {
    std::int64_t id = 0;
    std::string title;
    std::string body;
    std::int64_t author_id = 0;  // the ForeignKey `author`
    std::int64_t view_count = 0;
    std::optional<covet::Timestamp> published_at;
};
COVET_MODEL(Post, "Post", COVET_FIELD(id), COVET_FIELD(title), COVET_FIELD(body),
            COVET_FIELD_AS(author_id, "author"), COVET_FIELD(view_count),
            COVET_FIELD(published_at));

namespace {

covet::MigrationRegistry blog_migrations() {
    covet::MigrationRegistry registry;
    auto& initial = registry.add("blog", "0001_initial").operations;
    initial.push_back(covet::ops::create_table("users",
                                               {{"id", "AutoField(primary_key=True)"},
                                                {"name", "CharField(max_length=100)"},
                                                {"email", "EmailField(unique=True)"},
                                                {"created_at", "DateTimeField(auto_now_add=True)"}},
                                               "User"));
    initial.push_back(covet::ops::create_table(
        "tags",
        {{"id", "AutoField(primary_key=True)"}, {"name", "CharField(max_length=50, unique=True)"}},
        "Tag"));
    initial.push_back(covet::ops::create_table(
        "posts",
        {{"id", "AutoField(primary_key=True)"},
         {"title", "CharField(max_length=200)"},
         {"body", "TextField()"},
         {"author", "ForeignKey(users, on_delete=CASCADE, related_name=posts)"},
         {"tags", "ManyToManyField(tags, related_name=posts)"},
         {"view_count", "IntegerField(default=0)"},
         {"published_at", "DateTimeField(null=True)"}},
        "Post"));
    return registry;
}

std::string joined(std::vector<std::string> names) {
    std::sort(names.begin(), names.end());
    std::string text;
    for (const auto& name : names)
        text += (text.empty() ? "" : ", ") + name;
    return text;
}

covet::Timestamp at(const char* text) {
    return covet::Timestamp(
        std::chrono::microseconds(covet::DateTime::parse(text).micros_since_epoch()));
}

struct Blog {
    covet::Database db;
    covet::Models models;
    covet::Objects<User> users;
    covet::Objects<Tag> tags;
    covet::Objects<Post> posts;

    // Many-to-many links go through the dynamic API (the struct holds no list).
    void tag(const Post& post, const std::vector<Tag>& with) const {
        std::vector<covet::Record> records;
        for (const Tag& t : with)
            records.push_back(db.objects(models, "Tag").get({{"pk", t.id}}));
        db.objects(models, "Post").get({{"pk", post.id}}).manager("tags").add(records);
    }
    std::vector<std::string> tag_names(const Post& post) const {
        std::vector<std::string> names;
        for (const Tag& t : tags.filter({{"posts", post.id}}).all())
            names.push_back(t.name);
        return names;
    }
    Post post(const std::string& title, const User& author, std::int64_t views,
              const char* published) const {
        Post p{0, title, "About " + title, author.id, views, std::nullopt};
        if (published) p.published_at = at(published);
        posts.create(p);
        return p;
    }
};

void reports(const Blog& blog, const User& ada) {
    std::cout << "recent posts:\n";
    for (const Post& p : blog.posts.filter(covet::field(&Post::published_at).is_null(false))
                             .order_by({"-published_at"})
                             .slice(0, 3)
                             .all())
        std::cout << "  " << p.title << " by "
                  << blog.posts.related<User>(p, &Post::author_id)->name << " ["
                  << joined(blog.tag_names(p)) << "]\n";
    std::vector<std::string> titles;
    for (const Post& p : blog.posts
                             .filter((covet::field(&Post::view_count) >= 1000) |
                                     (covet::field(&Post::author_id) == ada.id))
                             .order_by({"title"})
                             .all())
        titles.push_back(p.title);
    std::cout << "popular or by " << ada.name << ": " << joined(titles) << "\n";
    titles.clear();
    for (const auto& [title, views] : blog.posts.filter({{"tags__name", "orm"}})
                                          .order_by({"title"})
                                          .values_list(&Post::title, &Post::view_count))
        titles.push_back(title + " (" + std::to_string(views) + " views)");
    std::cout << "tagged orm: " << joined(titles) << "\n";
    const covet::NamedRow stats = blog.posts.queryset().aggregate(
        {{"posts", covet::Count("id")}, {"max_views", covet::Max("view_count")}});
    std::cout << "stats: " << stats["posts"].to_string() << " posts, most views "
              << stats["max_views"].to_string() << "\n";
}

void writes(const Blog& blog) {
    std::vector<Tag> batch;
    for (int i = 0; i < 100; ++i)
        batch.push_back({0, "topic-" + std::to_string(i)});
    blog.tags.bulk_create(batch, {.batch_size = 50});
    std::cout << "bulk-created " << batch.size() << " tags: primary keys " << batch.front().id
              << ".." << batch.back().id << ", " << blog.tags.count() << " tags in all\n";
    Post quiet = blog.posts.get(covet::field(&Post::title) == "Quiet");
    quiet.view_count += 1000;
    blog.posts.save(quiet);
    const auto bumped = blog.posts.filter(covet::field(&Post::published_at).is_null())
                            .update({{"view_count", covet::F("view_count") + 1}});
    std::cout << "saved Quiet with " << blog.posts.get({{"pk", quiet.id}}).view_count << " views; "
              << bumped << " unpublished post bumped; deleted "
              << blog.tags.filter(covet::field(&Tag::name).startswith("topic-")).delete_().total
              << " topic tags\n";
}

int run(const std::string& url) {
    const covet::MigrationRegistry registry = blog_migrations();
    covet::Database db = covet::open(url);
    covet::migrate(db, registry);  // the same lock and history as `covet migrate`
    covet::Models models = covet::models_from_migrations(registry);
    const Blog blog{db, models, {db, models}, {db, models}, {db, models}};  // checks the mappings

    User ada{0, "Ada Lovelace", "ada@example.com", {}};
    User grace{0, "Grace Hopper", "grace@example.com", {}};
    blog.users.create(ada);
    blog.users.create(grace);
    std::cout << "created users " << ada.name << " and " << grace.name << "\n";
    Tag cpp{0, "cpp"}, orm{0, "orm"}, sql{0, "sql"};
    for (Tag* t : {&cpp, &orm, &sql})
        blog.tags.create(*t);
    const Post hello = blog.post("Hello ORM", ada, 10, "2024-05-03T10:00:00");
    blog.tag(hello, {cpp, orm});
    blog.tag(blog.post("Popular", grace, 5000, "2024-05-02T10:00:00"), {cpp});
    blog.post("Quiet", grace, 3, "2024-05-01T10:00:00");
    blog.tag(blog.post("Draft", ada, 0, nullptr), {orm, sql});
    std::cout << "created post '" << hello.title << "' tagged " << joined(blog.tag_names(hello))
              << ", and three more\n";
    reports(blog, ada);
    writes(blog);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: covet_typed_blog DATABASE_URL\n";
        return 2;
    }
    try {
        return run(argv[1]);
    } catch (const covet::Error& e) {
        std::cerr << "covet_typed_blog: " << e.what() << "\n";
        return 1;
    }
}
