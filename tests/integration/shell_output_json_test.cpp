// --format json (SPEC.md §6): the shapes of every kind of result and the
// value encodings, on the fixed blog of orm_blog_data.h. The expected text
// is written out by hand from that data.
#include <catch2/catch.hpp>

#include "orm_blog_data.h"
#include "shell/output.h"
#include "shell_output_support.h"

using covet::Value;
using covet::shell::DeletedValue;
using covet::shell::DictValue;
using covet::shell::ExprValue;
using covet::shell::ListValue;
using covet::shell::ManagerValue;
using covet::shell::QValue;
using covet::shell::RawRows;
using covet::shell::ShellValue;
using covet::test::insert_blog;
using covet::test::json;

COVET_ORM_TEST("shell: output json of instances keyed by column attribute name") {
    insert_blog(o);
    CHECK(json(o.objects("Tag").order_by({"id"})) ==
          "[{\"id\":1,\"name\":\"python\"},{\"id\":2,\"name\":\"sql\"},"
          "{\"id\":3,\"name\":\"rust\"}]\n");
    CHECK(json(o.objects("Post").filter({{"id__in", {1, 3}}}).order_by({"id"})) ==
          "[{\"id\":1,\"title\":\"Intro\",\"body\":\"\",\"author_id\":1,\"view_count\":10,"
          "\"rating\":\"4.50\",\"published_at\":\"2024-01-10T09:00:00\"},"
          "{\"id\":3,\"title\":\"Bob's notes\",\"body\":\"\",\"author_id\":2,\"view_count\":500,"
          "\"rating\":null,\"published_at\":null}]\n");
    CHECK(json(o.objects("Tag").filter({{"name", "nothing"}})) == "[]\n");
    // A manager prints its queryset.
    CHECK(json(ManagerValue{o.objects("Tag").order_by({"-id"})}) ==
          "[{\"id\":3,\"name\":\"rust\"},{\"id\":2,\"name\":\"sql\"},"
          "{\"id\":1,\"name\":\"python\"}]\n");
}

COVET_ORM_TEST("shell: output json of annotations after the fields and of get first last") {
    insert_blog(o);
    auto annotated = o.objects("User").annotate({{"n", covet::Count("posts")}});
    CHECK(json(annotated.filter({{"id", 1}})) ==
          "[{\"id\":1,\"name\":\"alice\",\"email\":\"alice@example.com\",\"age\":30,"
          "\"active\":true,\"created_at\":\"2024-01-01T10:00:00\",\"profile_id\":1,\"n\":2}]\n");
    CHECK(json(o.objects("Comment").get({{"id", 1}})) ==
          "{\"id\":1,\"post_id\":1,\"author_id\":2,\"text\":\"nice\",\"day\":\"2024-01-11\"}\n");
    const auto none = o.objects("Comment").filter({{"id", 99}}).first();
    CHECK(json(none ? ShellValue(*none) : ShellValue(Value())) == "null\n");
    CHECK(json(*o.objects("Comment").order_by({"id"}).last()) ==
          "{\"id\":4,\"post_id\":4,\"author_id\":1,\"text\":\"thanks\",\"day\":\"2024-03-02\"}\n");
}

COVET_ORM_TEST("shell: output json of values values_list and flat") {
    insert_blog(o);
    auto posts = o.objects("Post").filter({{"id__lte", 2}}).order_by({"id"});
    CHECK(json(posts.values({"title", "rating", "published_at"})) ==
          "[{\"title\":\"Intro\",\"rating\":\"4.50\",\"published_at\":\"2024-01-10T09:00:00\"},"
          "{\"title\":\"Deep "
          "dive\",\"rating\":\"3.25\",\"published_at\":\"2024-02-10T09:00:00\"}]\n");
    CHECK(json(o.objects("User").order_by({"name"}).values_list({"name", "age"})) ==
          "[[\"alice\",30],[\"bob\",25],[\"carol\",null],[\"dave\",40]]\n");
    CHECK(json(o.objects("Tag").order_by({"-name"}).values_list({"name"}, true)) ==
          "[\"sql\",\"rust\",\"python\"]\n");
    CHECK(json(o.objects("Comment").order_by({"id"}).values_list({"day"}, true)) ==
          "[\"2024-01-11\",null,\"2024-02-11\",\"2024-03-02\"]\n");
    CHECK(json(o.objects("Tag").filter({{"id", 0}}).values()) == "[]\n");
}

COVET_ORM_TEST("shell: output json of count exists aggregate update and delete") {
    insert_blog(o);
    CHECK(json(Value(o.objects("Post").count())) == "5\n");
    CHECK(json(Value(o.objects("Post").filter({{"view_count__gt", 5000}}).exists())) == "false\n");
    const covet::NamedRow totals = o.objects("Post").aggregate(
        {{"total", covet::Count("id")}, {"views", covet::Sum("view_count")}});
    CHECK(json(totals) == "{\"total\":5,\"views\":4010}\n");
    const std::int64_t updated = o.objects("Post")
                                     .filter({{"author", 1}})
                                     .update({{"view_count", covet::F("view_count") + 1}});
    CHECK(json(Value(updated)) == "2\n");
    CHECK(json(DeletedValue{o.objects("Comment").filter({{"post", 1}}).delete_()}) ==
          "{\"deleted\":2}\n");
}

COVET_ORM_TEST("shell: output json of UUID JSON Decimal and datetime values") {
    insert_blog(o);
    o.objects("Person")
        .filter({{"id", 1}})
        .update({{"token", Value(covet::Uuid::parse("12345678-1234-5678-1234-567812345678"))},
                 {"data", Value(covet::Json::parse("{\"a\": [1, 2.5, \"x\"]}"))}});
    CHECK(json(o.objects("Person")
                   .filter({{"id__lte", 2}})
                   .order_by({"id"})
                   .values({"name", "token", "data"})) ==
          "[{\"name\":\"ann\",\"token\":\"12345678123456781234567812345678\","
          "\"data\":{\"a\":[1,2.5,\"x\"]}},{\"name\":\"bo\",\"token\":null,\"data\":null}]\n");
    CHECK(json(Value(covet::Decimal::parse("1.50"))) == "\"1.50\"\n");
    CHECK(json(Value(covet::DateTime::parse("2024-01-01 10:00:00.250000"))) ==
          "\"2024-01-01T10:00:00.250000\"\n");
    CHECK(json(Value(covet::Time::parse("08:30:00"))) == "\"08:30:00\"\n");
    CHECK(json(Value(covet::Bytes{{'h', 'i', '!', 0}})) == "\"aGkhAA==\"\n");
    CHECK(json(Value(2.5)) == "2.5\n");
    CHECK(json(Value("say \"hi\"\n")) == "\"say \\\"hi\\\"\\n\"\n");
}

COVET_ORM_TEST("shell: output json of lists in_bulk raw rows and the other kinds") {
    insert_blog(o);
    DictValue bulk;
    for (const auto& [key, record] : o.objects("Tag").in_bulk({Value(1), Value(3)}))
        bulk.entries.emplace_back(key, record);
    CHECK(json(bulk) ==
          "{\"1\":{\"id\":1,\"name\":\"python\"},\"3\":{\"id\":3,\"name\":\"rust\"}}\n");
    CHECK(json(ListValue{{Value(1), Value("a"), Value()}, true}) == "[1,\"a\",null]\n");
    const covet::ResultSet result = o.db.connection().query(
        "SELECT id, name FROM " + o.db.dialect().quote_name("tags") + " ORDER BY id");
    RawRows raw{{"id", "name"}, result.rows};
    CHECK(json(raw) ==
          "[{\"id\":1,\"name\":\"python\"},{\"id\":2,\"name\":\"sql\"},"
          "{\"id\":3,\"name\":\"rust\"}]\n");
    CHECK(json(QValue{covet::Q{{"age__gte", 18}, {"active", true}}}) ==
          "\"<Q: (AND: ('age__gte', 18), ('active', True))>\"\n");
    CHECK(json(QValue{~covet::Q{{"name", "x'y"}}}) ==
          "\"<Q: (NOT (AND: ('name', 'x\\\\'y')))>\"\n");
    CHECK(json(ExprValue{covet::F("view_count") + 1}) == "\"F(view_count) + Value(1)\"\n");
    CHECK(json(ExprValue{covet::Count("posts", true)}) == "\"Count(F(posts), distinct=True)\"\n");
    CHECK(json(covet::shell::ModelRef{&o.objects("Tag").model()}) ==
          "{\"model\":\"Tag\",\"table\":\"tags\",\"fields\":[\"id\",\"name\"]}\n");
}

TEST_CASE("shell: output json error lines") {
    std::ostringstream out;
    covet::shell::print_error("DoesNotExist", "Tag matching query does not exist.",
                              covet::shell::OutputFormat::Json, out);
    covet::shell::print_error("QueryError", "no field \"x\"\nhere",
                              covet::shell::OutputFormat::Json, out);
    covet::shell::print_error("QueryError", "bad", covet::shell::OutputFormat::Table, out);
    CHECK(out.str() ==
          "{\"error\":\"Tag matching query does not exist.\",\"type\":\"DoesNotExist\"}\n"
          "{\"error\":\"no field \\\"x\\\"\\nhere\",\"type\":\"QueryError\"}\n"
          "QueryError: bad\n");
}
