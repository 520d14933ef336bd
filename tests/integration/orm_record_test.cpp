// Records: defaults, typed get/set, save (insert and update), full_clean,
// refresh_from_db, equality — checked against raw SQL reads.
#include <catch2/catch.hpp>

#include "orm_fixture_rows.h"

using covet::Record;
using covet::Value;
using covet::test::count_rows;
using covet::test::raw_int;
using covet::test::raw_rows;
using covet::test::raw_value;

namespace {

Record user(covet::test::OrmHarness& o, const std::string& name, const std::string& email) {
    Record u(o.db, o.models, o.models.model("User"));
    u.set("name", name);
    u.set("email", email);
    return u;
}

}  // namespace

COVET_ORM_TEST("orm: a new record holds the fields' defaults, as Django") {
    Record u(o.db, o.models, o.models.model("User"));
    CHECK(u.adding());
    CHECK(u.get("active") == Value(true));
    CHECK(u.get("name") == Value(std::string()));  // a text field that is not null: ''
    CHECK(u.get("age").is_null());
    CHECK(u.get("profile").is_null());
    CHECK(u.pk().is_null());
    Record p(o.db, o.models, o.models.model("Post"));
    CHECK(p.get("view_count") == Value(0));
    CHECK(p.get("rating").is_null());
    CHECK_THROWS_AS(p.get("nope"), covet::QueryError);
    CHECK_THROWS_WITH(p.get("nope"), Catch::Contains("title"));
    CHECK_THROWS_AS(p.get("tags"), covet::QueryError);
}

COVET_ORM_TEST("orm: save inserts a new record and sets its primary key and auto_now_add") {
    Record u = user(o, "Ann", "ann@example.com");
    u.set("age", 31);
    o.reset_queries();
    u.save();
    CHECK(o.queries() == 1);  // INSERT ... RETURNING
    CHECK_FALSE(u.adding());
    REQUIRE_FALSE(u.pk().is_null());
    auto rows = raw_rows(
        o, "SELECT \"name\", \"email\", \"age\", \"created_at\" FROM \"users\" WHERE \"id\" = ?",
        {u.pk()});
    REQUIRE(rows.size() == 1);
    CHECK(rows[0][0].to_string() == "Ann");
    CHECK(rows[0][1].to_string() == "ann@example.com");
    CHECK(rows[0][2].as_int() == 31);
    CHECK_FALSE(rows[0][3].is_null());
    REQUIRE(u.get("created_at").kind() == Value::Kind::DateTime);
    CHECK(rows[0][3].to_string().substr(0, 19) == u.get("created_at").to_string().substr(0, 19));
    CHECK(raw_int(o, "SELECT COUNT(*) FROM \"users\"") == 1);
}

COVET_ORM_TEST("orm: save of a saved record updates its row by primary key") {
    Record a = user(o, "Ann", "ann@example.com");
    a.save();
    Record b = user(o, "Bob", "bob@example.com");
    b.save();
    const Value created = a.get("created_at");
    a.set("name", "Anne");
    a.set("age", 40);
    a.save();
    CHECK(raw_int(o, "SELECT COUNT(*) FROM \"users\"") == 2);
    CHECK(raw_value(o, "SELECT \"name\" FROM \"users\" WHERE \"id\" = ?", {a.pk()}).to_string() ==
          "Anne");
    CHECK(raw_int(o, "SELECT \"age\" FROM \"users\" WHERE \"id\" = ?", {a.pk()}) == 40);
    CHECK(raw_value(o, "SELECT \"name\" FROM \"users\" WHERE \"id\" = ?", {b.pk()}).to_string() ==
          "Bob");
    CHECK(a.get("created_at") == created);  // auto_now_add only on the insert
}

COVET_ORM_TEST("orm: a foreign key reads as the related key by field or column name") {
    Record u = user(o, "Ann", "ann@example.com");
    u.save();
    Record p(o.db, o.models, o.models.model("Post"));
    p.set("title", "Hello");
    p.set("author", u);
    CHECK(p.get("author") == u.pk());
    CHECK(p.get("author_id") == u.pk());
    p.set("author_id", Value());
    CHECK(p.get("author").is_null());
    Record unsaved = user(o, "X", "x@example.com");
    CHECK_THROWS_AS(p.set("author", unsaved), covet::QueryError);
}

COVET_ORM_TEST(
    "orm: full_clean lists every failing field with its messages and save writes nothing") {
    Record u(o.db, o.models, o.models.model("User"));
    u.set("email", "not an email");
    try {
        u.save();
        FAIL("save() did not refuse the record");
    } catch (const covet::ValidationError& e) {
        REQUIRE(e.fields().size() == 2);
        CHECK(e.fields()[0].first == "name");
        CHECK(e.fields()[0].second == std::vector<std::string>{"This field cannot be blank."});
        CHECK(e.fields()[1].first == "email");
        CHECK(e.fields()[1].second == std::vector<std::string>{"Enter a valid email address."});
        CHECK_THAT(e.what(), Catch::Contains("name") && Catch::Contains("email"));
    }
    CHECK(raw_int(o, "SELECT COUNT(*) FROM \"users\"") == 0);
    Record p(o.db, o.models, o.models.model("Post"));
    p.set("title", std::string(201, 'x'));
    try {
        p.full_clean();
        FAIL("full_clean() passed");
    } catch (const covet::ValidationError& e) {
        REQUIRE(e.fields().size() == 2);
        CHECK(e.fields()[0].first == "title");
        CHECK(e.fields()[1].first == "author");
        CHECK(e.fields()[1].second == std::vector<std::string>{"This field cannot be null."});
    }
}

COVET_ORM_TEST("orm: refresh_from_db reads the row again and a deleted row is DoesNotExist") {
    Record u = user(o, "Ann", "ann@example.com");
    u.save();
    covet::test::raw_execute(o, "UPDATE \"users\" SET \"name\" = ?, \"age\" = ? WHERE \"id\" = ?",
                             {Value("Changed"), Value(7), u.pk()});
    u.refresh_from_db();
    CHECK(u.get("name") == Value("Changed"));
    CHECK(u.get("age").as_int() == 7);
    covet::test::raw_execute(o, "DELETE FROM \"users\" WHERE \"id\" = ?", {u.pk()});
    CHECK_THROWS_AS(u.refresh_from_db(), covet::DoesNotExist);
}

COVET_ORM_TEST("orm: records are equal by model and primary key") {
    Record a = user(o, "Ann", "ann@example.com");
    Record b = user(o, "Bob", "bob@example.com");
    CHECK_FALSE(a == b);  // unsaved records equal only themselves
    CHECK(a == a);
    a.save();
    b.save();
    CHECK_FALSE(a == b);
    Record again(o.db, o.models, o.models.model("User"), a.values());
    CHECK(again == a);
    CHECK_FALSE(again.adding());
    Record tag(o.db, o.models, o.models.model("Tag"));
    tag.set("name", "t");
    tag.set("id", a.pk());
    CHECK_FALSE(tag == a);
}

COVET_ORM_TEST("orm: a deferred field is read on first access and save writes only loaded ones") {
    Record ann = user(o, "Ann", "ann@example.com");
    ann.set("age", 30);
    ann.save();
    Record read = o.objects("User").only({"name"}).records().front();
    covet::test::raw_execute(o, "UPDATE \"users\" SET \"age\" = ? WHERE \"id\" = ?",
                             {Value(31), ann.pk()});
    o.reset_queries();
    CHECK(read.get("name") == Value("Ann"));
    CHECK(o.queries() == 0);
    CHECK(read.get("age").as_int() == 31);
    CHECK(o.queries() == 1);
    read.get("age");
    CHECK(o.queries() == 1);
    Record other = o.objects("User").only({"name"}).records().front();
    other.set("name", "Anne");
    covet::test::raw_execute(o, "UPDATE \"users\" SET \"age\" = ? WHERE \"id\" = ?",
                             {Value(32), ann.pk()});
    other.save();
    CHECK(raw_value(o, "SELECT \"name\" FROM \"users\" WHERE \"id\" = ?", {ann.pk()}).to_string() ==
          "Anne");
    CHECK(raw_int(o, "SELECT \"age\" FROM \"users\" WHERE \"id\" = ?", {ann.pk()}) == 32);
}

COVET_ORM_TEST("orm: save of a new record with a key updates that row or inserts it, as Django") {
    Record tag(o.db, o.models, o.models.model("Tag"));
    tag.set("id", 500);
    tag.set("name", "first");
    tag.save();  // no row 500: UPDATE matches nothing, then INSERT
    CHECK(
        raw_value(o, "SELECT \"name\" FROM \"tags\" WHERE \"id\" = ?", {Value(500)}).to_string() ==
        "first");
    Record same(o.db, o.models, o.models.model("Tag"));
    same.set("id", 500);
    same.set("name", "second");
    same.save();  // row 500 exists: updated
    CHECK(count_rows(o, "tags") == 1);
    CHECK(
        raw_value(o, "SELECT \"name\" FROM \"tags\" WHERE \"id\" = ?", {Value(500)}).to_string() ==
        "second");
    same.save();  // nothing changed: still one row (every back end counts matched rows)
    CHECK(count_rows(o, "tags") == 1);
}

COVET_ORM_TEST(
    "orm: a record finds a field by attribute name, column name and pk, also of a model of another "
    "state") {
    Record p(o.db, o.models, o.models.model("Post"));
    p.set("author_id", Value(7));
    CHECK(p.get("author") == Value(7));
    CHECK(p.get("author_id") == Value(7));
    p.set("pk", Value(5));
    CHECK(p.get("id") == Value(5));
    CHECK(p.pk() == Value(5));
    // A model that no state of o.models holds (a copy): the record works it out itself.
    const covet::ModelState copy = o.models.model("Post");
    Record q(o.db, o.models, copy);
    CHECK(q.get("view_count") == Value(0));
    q.set("author_id", Value(9));
    CHECK(q.get("author") == Value(9));
    CHECK_THROWS_WITH(q.get("nope"), Catch::Contains("title"));
}

COVET_ORM_TEST("orm: create and get_or_create do not run full_clean, as Django, but save does") {
    // A blank name is no error for create() (Django validates only in
    // full_clean); the database's own constraints still apply.
    Record created = o.objects("User").create({{"email", "blank@example.com"}});
    CHECK(created.get("name") == Value(""));
    CHECK(raw_int(o, "SELECT COUNT(*) FROM \"users\" WHERE \"name\" = ''") == 1);
    auto [again, made] =
        o.objects("User").get_or_create({{"email", "second@example.com"}}, {{"name", ""}});
    CHECK(made);
    CHECK(again.get("name") == Value(""));
    Record unsaved(o.db, o.models, o.models.model("User"));
    unsaved.set("email", "third@example.com");
    CHECK_THROWS_AS(unsaved.save(), covet::ValidationError);
    CHECK(raw_int(o, "SELECT COUNT(*) FROM \"users\"") == 2);
}

COVET_ORM_TEST("orm: decimals are written rounded to the field's decimal places, as Django") {
    // rating is DecimalField(max_digits=5, decimal_places=2): Django's
    // get_db_prep_save rounds half to even on every write path.
    Record author = o.objects("User").create({{"name", "a"}, {"email", "a@example.com"}});
    auto posts = o.objects("Post");
    Record made = posts.create({{"title", "t"},
                                {"author", author.pk()},
                                {"rating", Value(covet::Decimal::parse("3.14159"))}});
    CHECK(posts.filter({{"rating", Value(covet::Decimal::parse("3.14"))}}).count() == 1);
    CHECK(posts.update({{"rating", Value(covet::Decimal::parse("1.005"))}}) == 1);
    CHECK(posts.filter({{"rating", Value(covet::Decimal::parse("1.00"))}}).count() == 1);
    std::vector<Record> more;
    Record bulk(o.db, o.models, o.models.model("Post"));
    bulk.set("title", "b");
    bulk.set("author", author.pk());
    bulk.set("rating", Value(covet::Decimal::parse("2.675")));
    more.push_back(bulk);
    posts.bulk_create(more);
    CHECK(posts.filter({{"rating", Value(covet::Decimal::parse("2.68"))}}).count() == 1);
    made.refresh_from_db();
    made.set("rating", Value(covet::Decimal::parse("9.999")));
    CHECK_THROWS_AS(made.save(), covet::ValidationError);  // full_clean counts the places
    more[0].set("rating", Value(covet::Decimal::parse("4.445")));
    posts.bulk_update(more, {"rating"});
    CHECK(posts.filter({{"rating", Value(covet::Decimal::parse("4.44"))}}).count() == 1);
}
