// Statement text through the evaluator into the shell's methods: SPEC.md
// §6's examples and every method family, each answer compared with the
// ORM's own for the same query.
#include <catch2/catch.hpp>

#include "orm_fixture_rows.h"
#include "shell_call.h"

using covet::Count;
using covet::F;
using covet::Q;
using covet::QuerySet;
using covet::Record;
using covet::Value;
using covet::shell::DeletedValue;
using covet::shell::DictValue;
using covet::shell::ListValue;
using namespace covet::test;

namespace {

// ann (30, 2 posts), bob (17, 1 post), Jo (40, inactive), jdoe (25, 1 post).
void small_blog(OrmHarness& o) {
    const std::vector<std::pair<const char*, int>> people{
        {"ann", 30}, {"bob", 17}, {"Jo", 40}, {"jdoe", 25}};
    for (const auto& [name, age] : people) {
        Record user = make_user(o, name);
        user.set("age", Value(age));
        user.set("active", Value(std::string(name) != "Jo"));
        user.save();
    }
    const Record ann = o.objects("User").get(Q{{"name", "ann"}});
    const Record bob = o.objects("User").get(Q{{"name", "bob"}});
    const Record doe = o.objects("User").get(Q{{"name", "jdoe"}});
    make_post(o, ann, "a1");
    make_post(o, ann, "a2");
    make_post(o, bob, "b1");
    make_post(o, doe, "d1");
    make_tag(o, "t1");
    make_tag(o, "t2");
}

}  // namespace

COVET_ORM_TEST("shell: methods from statement text run SPEC.md's ten examples as the ORM") {
    small_blog(o);
    ShellCall s(o);
    auto first = *s.value(
                       "User.objects.filter(age__gte=18, active=True)"
                       ".exclude(name__startswith='J').order_by('-created_at')[:10]")
                      .as<QuerySet>();
    CHECK(keys(first) == keys(o.objects("User")
                                  .filter(Q{{"age__gte", 18}, {"active", true}})
                                  .exclude(Q{{"name__startswith", "J"}})
                                  .order_by({"-created_at"})
                                  .slice(std::nullopt, 10)));
    CHECK(*s.value("User.objects.filter(Q(age__gte=18) & Q(active=True) | Q(name='bob')).count()")
               .as<Value>() ==
          Value(o.objects("User")
                    .filter((Q{{"age__gte", 18}} & Q{{"active", true}}) | Q{{"name", "bob"}})
                    .count()));
    auto titles = *s.value(
                        "Post.objects.filter(author__name__icontains='DOE')"
                        ".select_related('author').values('title', 'author__name')")
                       .as<QuerySet>();
    CHECK(value_rows(titles) == value_rows(o.objects("Post")
                                               .filter(Q{{"author__name__icontains", "DOE"}})
                                               .select_related({"author"})
                                               .values({"title", "author__name"})));
    auto counted = *s.value(
                         "User.objects.annotate(post_count=Count('posts'))"
                         ".filter(post_count__gt=1).values_list('name', 'post_count')")
                        .as<QuerySet>();
    CHECK(value_rows(counted) == value_rows(o.objects("User")
                                                .annotate({{"post_count", Count("posts")}})
                                                .filter(Q{{"post_count__gt", 1}})
                                                .values_list({"name", "post_count"})));
    auto totals = *s.value("Post.objects.aggregate(total=Count('id'), avg_views=Avg('view_count'))")
                       .as<covet::NamedRow>();
    CHECK(totals.values ==
          o.objects("Post")
              .aggregate({{"total", Count("id")}, {"avg_views", covet::Avg("view_count")}})
              .values);
    const Record a1 = o.objects("Post").get(Q{{"title", "a1"}});
    const std::string a1_id = a1.pk().to_string();
    CHECK(*s.value("Post.objects.filter(id=" + a1_id + ").update(view_count=F('view_count') + 1)")
               .as<Value>() == Value(1));
    CHECK(o.objects("Post").get(Q{{"pk", a1.pk()}}).get("view_count") ==
          Value(a1.get("view_count").as_int() + 1));
    const std::string ann_id = o.objects("User").get(Q{{"name", "ann"}}).pk().to_string();
    CHECK_FALSE(s.run("u = User.objects.get(id=" + ann_id + ")").has_value());
    CHECK_FALSE(s.run("u.name = 'Jane'; u.save()").has_value());
    CHECK(o.objects("User").get(Q{{"pk", a1.get("author_id")}}).get("name") == Value("Jane"));
    CHECK(keys(*s.value("u.posts.all()").as<QuerySet>()) ==
          keys(o.objects("User").get(Q{{"name", "Jane"}}).manager("posts").all()));
    CHECK_FALSE(
        s.run("t1 = Tag.objects.get(name='t1'); t2 = Tag.objects.get(name='t2')").has_value());
    CHECK_FALSE(
        s.run("p = Post.objects.create(title='Hi', author=u); p.tags.add(t1, t2)").has_value());
    const Record hi = o.objects("Post").get(Q{{"title", "Hi"}});
    CHECK(hi.get("author_id") == a1.get("author_id"));
    CHECK(hi.manager("tags").all().count() == 2);
}

COVET_ORM_TEST("shell: methods from statement text read rows, dicts and tuples as Django") {
    small_blog(o);
    ShellCall s(o);
    CHECK(*s.value("User.objects.values_list('name', flat=True).first()").as<Value>() ==
          o.objects("User").first()->get("name"));
    auto pair =
        *s.value("User.objects.order_by('age').values_list('name', 'age').last()").as<ListValue>();
    CHECK(pair.tuple);
    const Record oldest = *o.objects("User").order_by({"age"}).last();
    CHECK(*pair.items[0].as<Value>() == oldest.get("name"));
    CHECK(*pair.items[1].as<Value>() == oldest.get("age"));
    CHECK(s.value("User.objects.values('age').get(name='bob')").as<covet::NamedRow>()->values ==
          covet::Row{o.objects("User").get(Q{{"name", "bob"}}).get("age")});
    auto bulk = *s.value("User.objects.in_bulk(field_name='email')").as<DictValue>();
    CHECK(bulk.entries.size() == o.objects("User").in_bulk(std::nullopt, "email").size());
    auto made = *s.value("User.objects.get_or_create(name='zed', defaults={'email': 'z@x.io'})")
                     .as<ListValue>();
    CHECK(*made.items[1].as<Value>() == Value(true));
    CHECK(o.objects("User").get(Q{{"name", "zed"}}).get("email") == Value("z@x.io"));
    auto added = *s.value("Tag.objects.bulk_create([Tag(name='x1'), Tag(name='x2')], batch_size=1)")
                      .as<ListValue>();
    REQUIRE(added.items.size() == 2);
    CHECK(o.objects("Tag").get(Q{{"name", "x2"}}) == *added.items[1].as<Record>());
    CHECK(s.value("Post.objects.filter(author__name='bob').delete()")
              .as<DeletedValue>()
              ->result.total == 1);
    CHECK(o.objects("Post").filter(Q{{"author__name", "bob"}}).count() == 0);
}

COVET_ORM_TEST("shell: methods from statement text name what is wrong") {
    ShellCall s(o);
    CHECK_THROWS_WITH(s.run("User.objects.count(1)"), "count() takes no arguments (1 given)");
    CHECK_THROWS_WITH(s.run("User.objects.fliter(name='x')"),
                      "QuerySet has no method 'fliter'; did you mean 'filter'?");
    CHECK_THROWS_WITH(s.run("User.objects.all().exits()"),
                      "QuerySet has no method 'exits'; did you mean 'exists'?");
    CHECK_THROWS_WITH(s.run("u = User(name='a', email='a@x.io'); u.sve()"),
                      "'User' record has no method 'sve'; did you mean 'save'?");
    CHECK_THROWS_WITH(s.run("User.objects.order_by(1)"),
                      "each argument of order_by() must be a string, not an integer");
    // Unfiltered delete asks; a no leaves every row.
    make_user(o, "kept");
    s.session.confirm_destructive = [](const std::string&) { return false; };
    CHECK_THROWS_WITH(s.run("User.objects.all().delete()"), "delete() cancelled");
    CHECK(o.objects("User").count() == 1);
}
