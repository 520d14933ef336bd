// The shell's chaining and reading QuerySet methods give what the ORM's
// own calls give on the fixed blog (orm_blog_data.h).
#include <catch2/catch.hpp>

#include "orm_blog_data.h"
#include "query/query.h"
#include "shell_call.h"

using covet::F;
using covet::Q;
using covet::QuerySet;
using covet::Record;
using covet::Value;
using covet::shell::ExprValue;
using covet::shell::ListValue;
using covet::shell::QValue;
using namespace covet::test;

COVET_ORM_TEST(
    "shell: methods filter, exclude, order_by, reverse, distinct and none chain as the ORM") {
    insert_blog(o);
    ShellCall s(o);
    const Q adult{{"age__gte", 26}};
    // Keywords and positional Q's are ANDed, as Django.
    auto mixed = s.on(
        "User", "filter",
        Arguments{{QValue{Q{{"active", true}} | Q{{"name", "carol"}}}}, {{"age__gte", Value(26)}}});
    CHECK(keys(*mixed.as<QuerySet>()) ==
          keys(o.objects("User").filter((Q{{"active", true}} | Q{{"name", "carol"}}) & adult)));
    CHECK(keys(s.set("User", "exclude", keywords({{"age__gte", Value(26)}}))) ==
          keys(o.objects("User").exclude(adult)));
    // A record as a value is its primary key; a list is an `in` operand.
    const Record bob = o.objects("User").get(Q{{"name", "bob"}});
    CHECK(keys(s.set("Post", "filter", keywords({{"author", bob}}))) ==
          keys(o.objects("Post").filter(Q{{"author", bob.pk()}})));
    CHECK(keys(s.set("Post", "filter", keywords({{"id__in", ListValue{{Value(1), Value(3)}}}}))) ==
          keys(o.objects("Post").filter(Q{{"id__in", {Value(1), Value(3)}}})));
    // A queryset as the value is read, as Django's subquery.
    const auto adults = s.set("User", "filter", keywords({{"age__gte", Value(26)}}));
    CHECK(keys(s.set("Post", "filter", keywords({{"author__in", adults}}))) ==
          keys(o.objects("Post").filter(Q{{"author__age__gte", 26}})));
    const auto adult_ids =
        s.on(adults, "values_list", Arguments{{Value("id")}, {{"flat", Value(true)}}});
    CHECK(keys(s.set("Post", "filter", keywords({{"author__in", adult_ids}}))) ==
          keys(o.objects("Post").filter(Q{{"author__age__gte", 26}})));
    const auto ordered = s.set("Post", "order_by", positional({Value("-view_count"), Value("id")}));
    CHECK(keys(ordered) == keys(o.objects("Post").order_by({"-view_count", "id"})));
    CHECK(keys(*s.on(ordered, "reverse").as<QuerySet>()) ==
          keys(o.objects("Post").order_by({"-view_count", "id"}).reverse()));
    const auto tagged =
        s.set("Post", "filter",
              keywords({{"tags__name__in", ListValue{{Value("sql"), Value("python")}}}}));
    CHECK(s.on(tagged, "distinct").as<QuerySet>()->count() ==
          o.objects("Post")
              .filter(Q{{"tags__name__in", {Value("sql"), Value("python")}}})
              .distinct()
              .count());
    CHECK(keys(s.set("User", "all")).size() == 4);
    CHECK(s.set("User", "none").count() == 0);
    CHECK_FALSE(s.set("User", "none").exists());
}

COVET_ORM_TEST("shell: methods values, values_list, only, defer and the related loaders") {
    insert_blog(o);
    ShellCall s(o);
    const auto post = o.objects("Post").order_by({"id"});
    auto values =
        *s.on(post, "values", positional({Value("title"), Value("author__name")})).as<QuerySet>();
    CHECK(value_rows(values) == value_rows(post.values({"title", "author__name"})));
    CHECK(*values.rows()[0].names == *post.values({"title", "author__name"}).rows()[0].names);
    auto flat = *s.on(post, "values_list", Arguments{{Value("title")}, {{"flat", Value(true)}}})
                     .as<QuerySet>();
    CHECK(value_rows(flat) == value_rows(post.values_list({"title"}, true)));
    auto pairs =
        *s.on(post, "values_list", positional({Value("id"), Value("view_count")})).as<QuerySet>();
    CHECK(value_rows(pairs) == value_rows(post.values_list({"id", "view_count"})));
    // only/defer load fewer columns; the records read the same.
    auto only = *s.on(post, "only", positional({Value("title")})).as<QuerySet>();
    auto deferred = *s.on(post, "defer", positional({Value("body")})).as<QuerySet>();
    CHECK(only.sql() == post.only({"title"}).sql());
    CHECK(deferred.sql() == post.defer({"body"}).sql());
    CHECK(keys(only) == keys(post));
    auto joined = *s.on(post, "select_related", positional({Value("author")})).as<QuerySet>();
    CHECK(joined.sql() == post.select_related({"author"}).sql());
    auto fetched = *s.on(post, "prefetch_related", positional({Value("tags")})).as<QuerySet>();
    CHECK(fetched.query().prefetch_related == std::vector<std::string>{"tags"});
    o.reset_queries();
    for (const Record& p : fetched)
        (void)p.manager("tags").all().count();
    CHECK(o.queries() == 2);
}

COVET_ORM_TEST(
    "shell: methods get, first, last, count, exists, in_bulk and iterator read as the ORM") {
    insert_blog(o);
    ShellCall s(o);
    const Q bob{{"name", "bob"}};
    CHECK(*s.on("User", "get", keywords({{"name", Value("bob")}})).as<Record>() ==
          o.objects("User").get(bob));
    CHECK(*s.on("User", "get", positional({QValue{bob}})).as<Record>() ==
          o.objects("User").get(bob));
    CHECK_THROWS_AS(s.on("User", "get", keywords({{"name", Value("zed")}})), covet::DoesNotExist);
    CHECK_THROWS_AS(s.on("User", "get"), covet::MultipleObjectsReturned);
    CHECK(*s.on("Post", "first").as<Record>() == *o.objects("Post").first());
    CHECK(*s.on("Post", "last").as<Record>() == *o.objects("Post").last());
    CHECK(s.on(s.set("User", "filter", keywords({{"name", Value("zed")}})), "first").is_none());
    CHECK(*s.on("Post", "count").as<Value>() == Value(o.objects("Post").count()));
    CHECK(
        *s.on(s.set("User", "filter", keywords({{"age__gt", Value(100)}})), "exists").as<Value>() ==
        Value(false));
    // values(): the single-row methods give rows, flat values_list() scalars.
    const auto names = o.objects("User").values_list({"name"}, true);
    CHECK(*s.on(names, "first").as<Value>() == o.objects("User").first()->get("name"));
    CHECK(s.on(o.objects("User").values(), "last").as<covet::NamedRow>()->values ==
          o.objects("User").values().last_row()->values);
    CHECK(s.on(o.objects("User").values({"age"}), "get", keywords({{"name", Value("bob")}}))
              .as<covet::NamedRow>()
              ->values == covet::Row{o.objects("User").get(bob).get("age")});
    // in_bulk: keys and records as the ORM's.
    auto bulk = *s.on("User", "in_bulk", positional({ListValue{{Value(1), Value(3)}}}))
                     .as<covet::shell::DictValue>();
    const auto expected = o.objects("User").in_bulk(std::vector<Value>{Value(1), Value(3)});
    REQUIRE(bulk.entries.size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        CHECK(*bulk.entries[i].first.as<Value>() == expected[i].first);
        CHECK(*bulk.entries[i].second.as<Record>() == expected[i].second);
    }
    auto by_email = *s.on("User", "in_bulk", keywords({{"field_name", Value("email")}}))
                         .as<covet::shell::DictValue>();
    CHECK(by_email.entries.size() == o.objects("User").in_bulk(std::nullopt, "email").size());
    CHECK(*by_email.entries[0].first.as<Value>() ==
          o.objects("User").in_bulk(std::nullopt, "email")[0].first);
    CHECK(keys(*s.on("Post", "iterator").as<QuerySet>()) == keys(o.objects("Post")));
    CHECK_THROWS_WITH(s.on(o.objects("User").values(), "in_bulk"),
                      "Cannot call in_bulk() after .values() or .values_list().");
}

COVET_ORM_TEST("shell: methods annotate and aggregate take aliases and Django's default aliases") {
    insert_blog(o);
    ShellCall s(o);
    auto counted = s.set("User", "annotate", keywords({{"n", ExprValue{covet::Count("posts")}}}));
    auto counted_orm = o.objects("User").annotate({{"n", covet::Count("posts")}});
    CHECK(value_rows(counted.order_by({"id"}).values_list({"name", "n"})) ==
          value_rows(counted_orm.order_by({"id"}).values_list({"name", "n"})));
    auto defaulted = s.set("Post", "annotate", positional({ExprValue{covet::Count("tags")}}));
    CHECK(value_rows(defaulted.order_by({"id"}).values_list({"id", "tags__count"})) ==
          value_rows(o.objects("Post")
                         .annotate({covet::Count("tags")})
                         .order_by({"id"})
                         .values_list({"id", "tags__count"})));
    auto row =
        *s.on("User", "aggregate",
              Arguments{{ExprValue{covet::Avg("age")}}, {{"most", ExprValue{covet::Max("age")}}}})
             .as<covet::NamedRow>();
    const auto orm = o.objects("User").aggregate({covet::Avg("age"), {"most", covet::Max("age")}});
    CHECK(*row.names == std::vector<std::string>{"age__avg", "most"});
    CHECK(row.values == orm.values);
    CHECK_THROWS_WITH(s.on("User", "annotate", positional({Value(1)})),
                      "a positional argument of annotate() must be an aggregate (Count, Sum, Avg, "
                      "Max, Min), not an integer");
}
