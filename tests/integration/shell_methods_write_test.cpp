// The shell's writing QuerySet methods and the record methods, checked
// against the rows the ORM reads back.
#include <catch2/catch.hpp>

#include "orm_blog_data.h"
#include "orm_fixture_rows.h"
#include "shell_call.h"

using covet::F;
using covet::Q;
using covet::QuerySet;
using covet::Record;
using covet::Value;
using covet::shell::DeletedValue;
using covet::shell::DictValue;
using covet::shell::ExprValue;
using covet::shell::ListValue;
using namespace covet::test;

COVET_ORM_TEST("shell: methods create, get_or_create and update_or_create write as the ORM") {
    ShellCall s(o);
    auto ann =
        *s.on("User", "create", keywords({{"name", Value("ann")}, {"email", Value("a@x.io")}}))
             .as<Record>();
    CHECK(o.objects("User").get(Q{{"pk", ann.pk()}}).get("name") == Value("ann"));
    // A ForeignKey takes a record or its key by `author_id`.
    auto p =
        *s.on("Post", "create", keywords({{"title", Value("Hi")}, {"author", ann}})).as<Record>();
    auto q = *s.on("Post", "create", keywords({{"title", Value("Ho")}, {"author_id", ann.pk()}}))
                  .as<Record>();
    CHECK(o.objects("Post").get(Q{{"pk", p.pk()}}).get("author_id") == ann.pk());
    CHECK(o.objects("Post").get(Q{{"pk", q.pk()}}).get("author_id") == ann.pk());
    CHECK_THROWS_AS(s.on("Post", "create", keywords({{"title", Value("x")}, {"author", p}})),
                    covet::QueryError);
    // get_or_create: (record, created), defaults only used to create.
    DictValue defaults;
    defaults.entries.emplace_back(Value("email"), Value("b@x.io"));
    auto made =
        *s.on("User", "get_or_create", keywords({{"name", Value("bo")}, {"defaults", defaults}}))
             .as<ListValue>();
    REQUIRE(made.items.size() == 2);
    CHECK(made.tuple);
    CHECK(*made.items[1].as<Value>() == Value(true));
    CHECK(o.objects("User").get(Q{{"name", "bo"}}).get("email") == Value("b@x.io"));
    auto found = *s.on("User", "get_or_create", keywords({{"name", Value("bo")}})).as<ListValue>();
    CHECK(*found.items[1].as<Value>() == Value(false));
    CHECK(*found.items[0].as<Record>() == *made.items[0].as<Record>());
    DictValue older;
    older.entries.emplace_back(Value("age"), Value(77));
    auto updated =
        *s.on("User", "update_or_create", keywords({{"name", Value("bo")}, {"defaults", older}}))
             .as<ListValue>();
    CHECK(*updated.items[1].as<Value>() == Value(false));
    CHECK(o.objects("User").get(Q{{"name", "bo"}}).get("age") == Value(77));
    CHECK_THROWS_WITH(s.on("User", "get_or_create", keywords({{"defaults", Value(1)}})),
                      "the defaults of get_or_create() must be a dict, not an integer");
    CHECK_THROWS_WITH(s.on("User", "create", positional({Value(1)})),
                      "create() takes keyword arguments only (1 positional given)");
}

COVET_ORM_TEST("shell: methods update and delete count as the ORM and confirm unfiltered writes") {
    insert_blog(o);
    ShellCall s(o);
    const auto views = [&] {
        return o.objects("Post").aggregate({covet::Sum("view_count")}).values[0].as_int();
    };
    const std::int64_t before = views();
    const auto big = s.set("Post", "filter", keywords({{"view_count__gte", Value(500)}}));
    const std::int64_t matched = o.objects("Post").filter(Q{{"view_count__gte", 500}}).count();
    CHECK(*s.on(big, "update", keywords({{"view_count", ExprValue{F("view_count") + 1}}}))
               .as<Value>() == Value(matched));
    CHECK(views() == before + matched);
    // Unfiltered: the session asks first; a no cancels before any write.
    std::vector<std::string> asked;
    bool answer = false;
    s.session.confirm_destructive = [&](const std::string& what) {
        asked.push_back(what);
        return answer;
    };
    CHECK_THROWS_WITH(s.on("Post", "update", keywords({{"view_count", Value(0)}})),
                      "update() cancelled");
    CHECK(views() == before + matched);
    CHECK_THROWS_WITH(s.on("Comment", "delete"), "delete() cancelled");
    CHECK(count_rows(o, "comments") == 4);
    CHECK(asked ==
          std::vector<std::string>{"update() on every Post row", "delete() on every Comment row"});
    (void)s.on(big, "update", keywords({{"view_count", Value(1)}}));  // filtered: not asked
    CHECK(asked.size() == 2);
    answer = true;
    const std::int64_t comments = count_rows(o, "comments");
    auto deleted = *s.on("Comment", "delete").as<DeletedValue>();
    CHECK(deleted.result.total == comments);
    CHECK(count_rows(o, "comments") == 0);
    // The deletion collector's count (cascades and links), as the ORM's.
    auto bob = s.set("User", "filter", keywords({{"name", Value("bob")}}));
    const std::int64_t expected_posts =
        o.objects("Post").filter(Q{{"author__name", "bob"}}).count();
    auto gone = *s.on(bob, "delete").as<DeletedValue>();
    CHECK(gone.result.per_model["library.Post"] == expected_posts);
    CHECK(o.objects("User").filter(Q{{"name", "bob"}}).count() == 0);
}

COVET_ORM_TEST("shell: methods bulk_create and bulk_update write every record") {
    ShellCall s(o);
    ListValue fresh;
    for (const char* name : {"t1", "t2", "t3"}) {
        Record tag(o.db, o.models, o.objects("Tag").model());
        tag.set("name", Value(name));
        fresh.items.emplace_back(tag);
    }
    auto made =
        *s.on("Tag", "bulk_create", Arguments{{fresh}, {{"batch_size", Value(2)}}}).as<ListValue>();
    REQUIRE(made.items.size() == 3);
    for (const auto& item : made.items)
        CHECK(o.objects("Tag").get(Q{{"pk", item.as<Record>()->pk()}}).get("name") ==
              item.as<Record>()->get("name"));
    // ignore_conflicts: the duplicate names are skipped.
    (void)s.on("Tag", "bulk_create", Arguments{{fresh}, {{"ignore_conflicts", Value(true)}}});
    CHECK(o.objects("Tag").count() == 3);
    ListValue renamed;
    for (const auto& item : made.items) {
        Record tag = *item.as<Record>();
        tag.set("name", Value(tag.get("name").as_text() + "!"));
        renamed.items.emplace_back(tag);
    }
    auto count = s.on("Tag", "bulk_update",
                      Arguments{{renamed, ListValue{{Value("name")}}}, {{"batch_size", Value(1)}}});
    CHECK(*count.as<Value>() == Value(3));
    CHECK(o.objects("Tag").filter(Q{{"name__endswith", "!"}}).count() == 3);
    CHECK_THROWS_WITH(s.on("Tag", "bulk_update", positional({renamed})),
                      "bulk_update() missing required argument: 'fields'");
    CHECK_THROWS_WITH(s.on("Tag", "bulk_create", Arguments{{fresh}, {{"batch_size", Value(0)}}}),
                      "the batch_size of bulk_create() must be positive");
}
