// The shell's record and related-manager methods, and the messages of
// wrong calls: checked against the rows the ORM reads back.
#include <catch2/catch.hpp>

#include "orm_blog_data.h"
#include "orm_fixture_rows.h"
#include "shell_call.h"

using covet::Q;
using covet::QuerySet;
using covet::Record;
using covet::Value;
using covet::shell::call_record_method;
using covet::shell::call_related_method;
using covet::shell::DeletedValue;
using covet::shell::ListValue;
using covet::shell::RelatedValue;
using namespace covet::test;

COVET_ORM_TEST("shell: methods save, delete, full_clean and refresh_from_db on a record") {
    ShellCall s(o);
    Record ann = make_user(o, "ann");
    ann.set("name", Value("Jane"));
    CHECK_FALSE(call_record_method(s.session, ann, "save", {}).has_value());
    CHECK(o.objects("User").get(Q{{"pk", ann.pk()}}).get("name") == Value("Jane"));
    raw_execute(o, "UPDATE \"users\" SET \"age\" = 5");
    CHECK_FALSE(call_record_method(s.session, ann, "refresh_from_db", {}).has_value());
    CHECK(ann.get("age") == Value(5));
    ann.set("email", Value("not an email"));
    CHECK_THROWS_AS(call_record_method(s.session, ann, "full_clean", {}), covet::ValidationError);
    CHECK_THROWS_AS(call_record_method(s.session, ann, "save", {}), covet::ValidationError);
    Record bo = make_user(o, "bo");
    make_post(o, bo, "p");
    auto deleted = call_record_method(s.session, bo, "delete", {});
    REQUIRE(deleted.has_value());
    CHECK(deleted->as<DeletedValue>()->result.total == 2);
    CHECK(count_rows(o, "posts") == 0);
    CHECK_THROWS_WITH(call_record_method(s.session, ann, "sav", {}),
                      "'User' record has no method 'sav'; did you mean 'save'?");
    CHECK_THROWS_WITH(call_record_method(s.session, ann, "refresh_from_db", positional({Value(1)})),
                      "refresh_from_db() takes no arguments (1 given)");
}

COVET_ORM_TEST("shell: methods on related managers add, remove, set, clear, create and query") {
    // Rows made through the ORM (not insert_blog, whose explicit ids leave
    // PostgreSQL's sequences behind).
    ShellCall s(o);
    Record alice = make_user(o, "alice");
    Record intro = make_post(o, alice, "Intro");
    for (const char* name : {"python", "sql", "rust"})
        make_tag(o, name);
    intro.manager("tags").add(
        {o.objects("Tag").get(Q{{"name", "python"}}), o.objects("Tag").get(Q{{"name", "sql"}})});
    Record big_post = make_post(o, alice, "Big");
    o.objects("Post").filter(Q{{"pk", big_post.pk()}}).update({{"view_count", 500}});
    const auto tags = intro.manager("tags");
    const auto tag = [&](const char* name) { return o.objects("Tag").get(Q{{"name", name}}); };
    const auto linked = [&] { return sorted(texts(intro.manager("tags").all(), "name")); };
    CHECK_FALSE(call_related_method(s.session, tags, "add", positional({tag("rust")})).has_value());
    CHECK(linked() == std::vector<std::string>{"python", "rust", "sql"});
    // A many-to-many manager takes primary keys too (Django's add(1, 2)).
    (void)call_related_method(s.session, tags, "remove", positional({tag("rust").pk()}));
    CHECK(linked() == std::vector<std::string>{"python", "sql"});
    (void)call_related_method(s.session, tags, "add", positional({tag("rust").pk()}));
    CHECK(linked() == std::vector<std::string>{"python", "rust", "sql"});
    (void)call_related_method(s.session, tags, "remove", positional({tag("python"), tag("sql")}));
    CHECK(linked() == std::vector<std::string>{"rust"});
    (void)call_related_method(s.session, tags, "set",
                              positional({ListValue{{tag("sql"), tag("python")}}}));
    CHECK(linked() == std::vector<std::string>{"python", "sql"});
    (void)call_related_method(s.session, tags, "clear", {});
    CHECK(linked().empty());
    auto made = call_related_method(s.session, tags, "create", keywords({{"name", Value("go")}}));
    CHECK(linked() == std::vector<std::string>{"go"});
    CHECK(made->as<Record>()->get("name") == Value("go"));
    // get_or_create through the manager relates what it creates.
    const auto posts = alice.manager("posts");
    auto pair =
        *call_related_method(s.session, posts, "get_or_create", keywords({{"title", Value("New")}}))
             ->as<ListValue>();
    CHECK(*pair.items[1].as<Value>() == Value(true));
    CHECK(pair.items[0].as<Record>()->get("author_id") == alice.pk());
    auto again =
        *call_related_method(s.session, posts, "get_or_create", keywords({{"title", Value("New")}}))
             ->as<ListValue>();
    CHECK(*again.items[1].as<Value>() == Value(false));
    // Every QuerySet method through all().
    CHECK(*call_related_method(s.session, posts, "count", {})->as<Value>() ==
          Value(alice.manager("posts").all().count()));
    auto big =
        call_related_method(s.session, posts, "filter", keywords({{"view_count__gt", Value(100)}}));
    CHECK(keys(*big->as<QuerySet>()) ==
          keys(alice.manager("posts").filter(Q{{"view_count__gt", 100}})));
    auto other = call_related_method(s.session, posts, "exclude",
                                     keywords({{"view_count__gt", Value(100)}}));
    CHECK(keys(*other->as<QuerySet>()) ==
          keys(alice.manager("posts").all().exclude(Q{{"view_count__gt", 100}})));
    CHECK_THROWS_WITH(call_related_method(s.session, posts, "clera", {}),
                      "the related manager has no method 'clera'; did you mean 'clear'?");
    CHECK_THROWS_WITH(call_related_method(s.session, posts, "add", positional({Value(1)})),
                      "each argument of add() must be a record, not an integer");
}

COVET_ORM_TEST("shell: methods refuse wrong arguments and unknown names with Python's messages") {
    ShellCall s(o);
    CHECK_THROWS_WITH(s.on("User", "count", positional({Value(1)})),
                      "count() takes no arguments (1 given)");
    CHECK_THROWS_WITH(s.on("User", "first", keywords({{"x", Value(1)}})),
                      "first() takes no arguments (1 given)");
    CHECK_THROWS_WITH(s.on("User", "fliter"),
                      "QuerySet has no method 'fliter'; did you mean 'filter'?");
    CHECK_THROWS_WITH(s.on("User", "value_list"),
                      "QuerySet has no method 'value_list'; did you mean 'values_list'?");
    CHECK_THROWS_WITH(s.on("User", "zzzzzz"),
                      Catch::StartsWith("QuerySet has no method 'zzzzzz'; valid: all, filter,"));
    CHECK_THROWS_WITH(s.on("User", "filter", positional({Value(1)})),
                      "a positional argument of filter() must be a Q object, not an integer");
    CHECK_THROWS_WITH(s.on("User", "order_by", positional({Value(1)})),
                      "each argument of order_by() must be a string, not an integer");
    CHECK_THROWS_WITH(s.on("User", "order_by", keywords({{"name", Value(1)}})),
                      "order_by() got an unexpected keyword argument 'name'");
    CHECK_THROWS_WITH(s.on("User", "values_list", keywords({{"named", Value(true)}})),
                      "values_list() got an unexpected keyword argument 'named'");
    CHECK_THROWS_WITH(s.on("User", "values_list", keywords({{"flat", Value(1)}})),
                      "flat must be True or False, not an integer");
    CHECK_THROWS_WITH(s.on("User", "in_bulk", positional({Value(1), Value(2)})),
                      "in_bulk() takes at most 1 positional argument (2 given)");
    CHECK_THROWS_WITH(s.on("User", "in_bulk", positional({Value(1)})),
                      "the id_list of in_bulk() must be a list, not an integer");
    CHECK_THROWS_WITH(s.on("User", "update", positional({Value(1)})),
                      "update() takes no positional arguments (1 given)");
    CHECK_THROWS_WITH(s.on("User", "distinct", positional({Value("name")})),
                      "distinct() on fields is not supported: call distinct()");
    // Unknown fields and lookups are the ORM's own QueryError.
    CHECK_THROWS_AS(s.on("User", "filter", keywords({{"nmae", Value(1)}})), covet::QueryError);
}
