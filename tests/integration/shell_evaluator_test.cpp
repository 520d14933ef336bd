// The shell's evaluator on all three back ends, on the fixed blog of
// orm_blog_data.h: statements evaluated from text are checked against the
// ORM's own answers to the same question, asked in C++.
#include <catch2/catch.hpp>

#include "orm_blog_data.h"
#include "orm_raw_sql.h"
#include "shell_harness.h"

using covet::F;
using covet::Q;
using covet::Value;
using covet::test::ids;
using covet::test::insert_blog;
using covet::test::raw_value;
using covet::test::ShellHarness;
using covet::test::sorted;
using Ids = std::vector<std::int64_t>;

COVET_ORM_TEST("shell: Model.objects is the manager, unknown names suggest the nearest") {
    insert_blog(o);
    ShellHarness shell(o);
    CHECK(sorted(ids(shell.queryset("User.objects"))) == sorted(ids(o.objects("User"))));
    CHECK(sorted(ids(shell.queryset("Post.objects.all()"))) == sorted(ids(o.objects("Post"))));
    CHECK(shell.error("Usr.objects") == "name 'Usr' is not defined (did you mean 'User'?)");
    CHECK(shell.error("User.object") ==
          "the model User has no attribute 'object' (did you mean 'objects'?)");
    CHECK(shell.error("User.objects.fliter") ==
          "the manager User.objects has no attribute 'fliter' (did you mean 'filter'?)");
    CHECK(shell.error("User.objects.count").find("'count' is a method") == 0);
    CHECK(shell.error("User.save()").find("the model User has no method 'save'") == 0);
}

COVET_ORM_TEST("shell: Q with & | ~ selects the rows the ORM's Q selects") {
    insert_blog(o);
    ShellHarness shell(o);
    const auto posts = o.objects("Post");
    const std::vector<std::pair<std::string, Q>> cases{
        {"Q(view_count__gte=1000)", Q{{"view_count__gte", 1000}}},
        {"Q(view_count__gte=1000) | Q(author__name='carol')",
         Q{{"view_count__gte", 1000}} | Q{{"author__name", "carol"}}},
        {"~Q(author__name='alice') & Q(view_count__gt=0)",
         ~Q{{"author__name", "alice"}} & Q{{"view_count__gt", 0}}},
        {"Q(author__name='bob') & (Q(view_count__lt=600) | Q(tags__name='rust'))",
         Q{{"author__name", "bob"}} & (Q{{"view_count__lt", 600}} | Q{{"tags__name", "rust"}})},
        {"Q(id__in=[1, 3, 5]) & ~Q(rating=None)",
         Q{{"id__in", covet::Operand(std::vector<Value>{1, 3, 5})}} & ~Q{{"rating", nullptr}}},
        {"Q(Q(title__icontains='SQL'), view_count__gt=100)",
         Q{{"title__icontains", "SQL"}} & Q{{"view_count__gt", 100}}},
    };
    for (const auto& [text, q] : cases) {
        INFO(text);
        const Ids expected = sorted(ids(posts.filter(q)));
        CHECK(sorted(ids(shell.queryset("Post.objects.filter(" + text + ")"))) == expected);
        CHECK(sorted(ids(shell.queryset("c = " + text + "; Post.objects.filter(c)"))) == expected);
    }
    CHECK(sorted(ids(shell.queryset("Post.objects.exclude(Q(author__name='alice'))"))) ==
          sorted(ids(posts.exclude(Q{{"author__name", "alice"}}))));
}

COVET_ORM_TEST("shell: F arithmetic and typed literals filter as the ORM's") {
    insert_blog(o);
    ShellHarness shell(o);
    const auto posts = o.objects("Post");
    CHECK(sorted(ids(shell.queryset("Post.objects.filter(view_count__gt=F('id') * 100 + 1)"))) ==
          sorted(ids(posts.filter({{"view_count__gt", F("id") * 100 + 1}}))));
    CHECK(sorted(ids(shell.queryset("Post.objects.filter(view_count__lt=-F('id') + 20)"))) ==
          sorted(ids(posts.filter({{"view_count__lt", F("id") * -1 + 20}}))));
    CHECK(sorted(ids(shell.queryset(
              "Post.objects.filter(published_at__gte=datetime('2024-02-01T00:00:00'))"))) ==
          sorted(ids(posts.filter(
              {{"published_at__gte", Value(covet::DateTime::parse("2024-02-01T00:00:00"))}}))));
    CHECK(sorted(ids(shell.queryset("Post.objects.filter(rating=Decimal('4.50'))"))) ==
          sorted(ids(posts.filter({{"rating", Value(covet::Decimal::parse("4.50"))}}))));
    CHECK(sorted(ids(shell.queryset("Comment.objects.filter(day__lt=date(2024, 3, 1))"))) ==
          sorted(ids(o.objects("Comment").filter({{"day__lt", Value(covet::Date(2024, 3, 1))}}))));
    CHECK(sorted(ids(shell.queryset("Post.objects.filter(view_count=10 * 50)"))) ==
          sorted(ids(posts.filter({{"view_count", 500}}))));
}

COVET_ORM_TEST("shell: querysets index and slice as the ORM's at() and slice()") {
    insert_blog(o);
    ShellHarness shell(o);
    // Post orders by -published_at: only the dated posts have a defined order everywhere.
    const auto dated = o.objects("Post").filter({{"published_at__isnull", false}});
    shell.run("dated = Post.objects.filter(published_at__isnull=False)");
    CHECK(shell.record("dated[0]").pk() == dated.at(0).pk());
    CHECK(shell.record("dated[2]").pk() == dated.at(2).pk());
    CHECK(ids(shell.queryset("dated[1:3]")) == ids(dated.slice(1, 3)));
    CHECK(ids(shell.queryset("dated[:2]")) == ids(dated.slice(std::nullopt, 2)));
    CHECK(ids(shell.queryset("dated[1:]")) == ids(dated.slice(1, std::nullopt)));
    CHECK(ids(shell.queryset("dated[1:][:1]")) == ids(dated.slice(1, std::nullopt).slice(0, 1)));
    CHECK(ids(shell.queryset("dated[9223372036854775807:]")).empty());
    // Past the end: Python's IndexError, as Django's.
    CHECK(shell.error("dated[3]") == "list index out of range");
    CHECK(shell.error("dated[9223372036854775807]") == "list index out of range");
    CHECK(shell.error("dated[-1]") == "Negative indexing is not supported.");
    // A step reads the slice and steps through it: a list, as Django's.
    const covet::shell::ShellValue every_other = shell.value("dated.order_by('id')[::2]");
    const auto* list = every_other.as<covet::shell::ListValue>();
    REQUIRE(list != nullptr);
    const auto ordered = dated.order_by({"id"});
    const std::vector<covet::Record>& by_id = ordered.records();
    REQUIRE(list->items.size() == (by_id.size() + 1) / 2);
    for (std::size_t i = 0; i < list->items.size(); ++i)
        CHECK(list->items[i].as<covet::Record>()->pk() == by_id[2 * i].pk());
    CHECK(shell.error("dated[::-1]") == "Negative indexing is not supported.");
    CHECK(shell.error("dated['a']") == "a queryset index must be an integer, not a string");
}

COVET_ORM_TEST("shell: record attributes read fields, the related record and relation managers") {
    insert_blog(o);
    ShellHarness shell(o);
    const covet::Record post = o.objects("Post").get({{"id", 3}});
    shell.run("p = Post.objects.get(id=3)");
    CHECK(shell.scalar("p.title") == post.get("title"));
    CHECK(shell.scalar("p.pk") == post.pk());
    CHECK(shell.scalar("p.author_id") == post.get("author_id"));
    const std::optional<covet::Record> author = post.related("author");
    REQUIRE(author.has_value());
    CHECK(shell.record("p.author") == *author);
    CHECK(shell.scalar("p.author.name") == author->get("name"));
    CHECK(sorted(ids(shell.queryset("p.tags.all()"))) == sorted(ids(post.manager("tags").all())));
    CHECK(sorted(ids(shell.queryset("p.author.posts.all()"))) ==
          sorted(ids(author->manager("posts").all())));
    CHECK(sorted(ids(shell.queryset("Comment.objects.get(id=1).post.comment_set.all()"))) ==
          sorted(ids(o.objects("Comment").filter({{"post", 1}}))));
    CHECK(shell.value("User.objects.get(name='carol').profile").is_none());
    const covet::Record ann = o.objects("Person").get({{"name", "ann"}});
    CHECK(sorted(ids(shell.queryset("Person.objects.get(name='ann').friends.all()"))) ==
          sorted(ids(ann.manager("friends").all())));
    CHECK(sorted(ids(shell.queryset("Person.objects.get(name='cy').followers.all()"))) ==
          sorted(ids(o.objects("Person").get({{"name", "cy"}}).manager("followers").all())));
    CHECK(shell.error("p.titel") ==
          "a Post record has no attribute 'titel' (did you mean 'title'?)");
    CHECK(shell.error("p.author.nmae") ==
          "a User record has no attribute 'nmae' (did you mean 'name'?)");
    CHECK(shell.error("p.save").find("'save' is a method") == 0);
    CHECK(shell.error("p.tags.al").find("a related manager has no attribute 'al'") == 0);
}

COVET_ORM_TEST("shell: assigning fields and saving writes the row") {
    insert_blog(o);
    ShellHarness shell(o);
    CHECK_FALSE(shell.run("u = User.objects.get(id=1); u.name = 'Jane'; u.save()").has_value());
    CHECK(raw_value(o, "SELECT \"name\" FROM \"users\" WHERE \"id\" = ?", {1}) == Value("Jane"));
    shell.run("p = Post.objects.get(id=5)\np.author = u\np.view_count = 7 * 6\np.save()");
    CHECK(raw_value(o, "SELECT \"author_id\" FROM \"posts\" WHERE \"id\" = ?", {5}) ==
          Value(std::int64_t{1}));
    CHECK(raw_value(o, "SELECT \"view_count\" FROM \"posts\" WHERE \"id\" = ?", {5}) ==
          Value(std::int64_t{42}));
    shell.run("c = User.objects.get(id=3); c.profile = None; c.age = 33; c.save()");
    CHECK(raw_value(o, "SELECT \"age\" FROM \"users\" WHERE \"id\" = ?", {3}) ==
          Value(std::int64_t{33}));
    CHECK(shell.error("p.tags = []") ==
          "Direct assignment to the forward side of a many-to-many set is prohibited. Use "
          "tags.set() instead.");
    CHECK(shell.error("u.posts = []").find("Direct assignment to the reverse side") == 0);
    CHECK(shell.error("u.nme = 'x'") ==
          "a User record has no attribute 'nme' (did you mean 'name'?)");
    CHECK(shell.error("User.objects.get(id=2).name = 'x'")
              .find("only a record held in a "
                    "variable") == 0);
    // A list literal is JSON (a JSONField's value); a number field refuses it.
    CHECK(shell.error("u.age = [1]").find("value must be an integer") != std::string::npos);
    CHECK(shell.error("u.name = Q(id=1)") == "the value of name must be a value, not a Q object");
}

COVET_ORM_TEST("shell: calling a model makes an unsaved record that save() inserts") {
    ShellHarness shell(o);
    shell.run("t = Tag(name='go')");
    CHECK(shell.scalar("t.pk").is_null());
    CHECK(raw_value(o, "SELECT COUNT(*) FROM \"tags\"").as_int() == 0);
    shell.run("t.save()");
    const Value id = raw_value(o, "SELECT \"id\" FROM \"tags\" WHERE \"name\" = ?", {"go"});
    CHECK_FALSE(id.is_null());
    CHECK(shell.scalar("t.pk") == id);
    CHECK(shell.error("Tag('go')").find("Tag() takes keyword arguments only") == 0);
}

COVET_ORM_TEST("shell: raw() sends its text with bound parameters and reads the rows") {
    insert_blog(o);
    ShellHarness shell(o);
    const std::string mark = "%s";  // Django's mark on every back end
    std::string text = "raw('SELECT name FROM users WHERE id = ";
    text.append(mark).append("', [2])");
    const covet::shell::ShellValue rows = shell.value(text);
    const auto* raw = rows.as<covet::shell::RawRows>();
    REQUIRE(raw != nullptr);
    REQUIRE(raw->rows.size() == 1);
    CHECK(raw->rows[0][0] == raw_value(o, "SELECT \"name\" FROM \"users\" WHERE \"id\" = ?", {2}));
    CHECK(shell.scalar(text + "[0][0]") == raw->rows[0][0]);
    std::string hostile = "raw('SELECT COUNT(*) FROM users WHERE name = ";
    hostile.append(mark).append("', [\"x' OR '1'='1\"])");
    CHECK(shell.value(hostile).as<covet::shell::RawRows>()->rows[0][0].as_int() == 0);
}

COVET_ORM_TEST("shell: list and dict literals are a JSONField's value") {
    ShellHarness shell(o);
    shell.run("p = Person.objects.create(name='jo', data={'a': [1, 2.5, None, True], 'b': 'x'})");
    const covet::Record stored = o.objects("Person").get({{"name", "jo"}});
    CHECK(stored.get("data") == Value(covet::Json::parse(R"({"b":"x","a":[1,2.5,null,true]})")));
    shell.run("Person.objects.filter(name='jo').update(data=[3])");
    CHECK(o.objects("Person").get({{"name", "jo"}}).get("data") ==
          Value(covet::Json::parse("[3]")));
    shell.run("p.data = {'c': {}}; p.save()");
    CHECK(o.objects("Person").get({{"name", "jo"}}).get("data") ==
          Value(covet::Json::parse(R"({"c":{}})")));
    CHECK(shell.error("Person.objects.create(name='k', data={'a': Q(id=1)})")
              .find("must be a value, not a Q object") != std::string::npos);
}
