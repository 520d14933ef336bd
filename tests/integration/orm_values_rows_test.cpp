// values() / values_list() rows one at a time: first_row(), last_row(),
// row_at() and row_iterator() (Django's first(), last(), qs[i] and
// iterator() on such a queryset), and iterator() ignoring prefetch_related
// as Django 3.2's does. Expected rows are worked out from orm_blog_data.h.
#include <catch2/catch.hpp>

#include "orm_blog_data.h"

using covet::Count;
using covet::NamedRow;
using covet::Row;
using covet::Value;
using covet::test::insert_blog;

COVET_ORM_TEST("orm: first_row, last_row and row_at give values() and values_list() rows") {
    insert_blog(o);
    auto users = o.objects("User");
    o.reset_queries();
    const std::optional<NamedRow> first = users.values({"name", "age"}).first_row();  // by pk
    CHECK(o.queries() == 1);
    REQUIRE(first);
    CHECK((*first)["name"].as_text() == "alice");
    CHECK((*first)["age"].as_int() == 30);
    const std::optional<NamedRow> last = users.values_list({"name"}).last_row();
    REQUIRE(last);
    CHECK(last->values == Row{Value("dave")});
    auto by_age =
        users.filter({{"age__isnull", false}}).order_by({"-age"}).values_list({"name"}, true);
    CHECK(by_age.first_row()->values == Row{Value("dave")});  // 40
    CHECK(by_age.last_row()->values == Row{Value("bob")});    // 25
    CHECK(by_age.row_at(1).values == Row{Value("alice")});
    CHECK_THROWS_AS(by_age.row_at(3), covet::DoesNotExist);
    CHECK_THROWS_AS(by_age.row_at(-1), covet::QueryError);
    CHECK_FALSE(users.filter({{"name", "nobody"}}).values().first_row());
    CHECK_FALSE(users.filter({{"name", "nobody"}}).values().last_row());
    REQUIRE(by_age.rows().size() == 3);
    o.reset_queries();
    CHECK(by_age.row_at(2).values == Row{Value("bob")});  // from the rows read
    CHECK(o.queries() == 0);
    CHECK_THROWS_AS(users.first_row(), covet::QueryError);
    CHECK_THROWS_AS(users.row_at(0), covet::QueryError);
}

COVET_ORM_TEST("orm: row_iterator streams values() rows without caching them") {
    insert_blog(o);
    auto titles = o.objects("Post")
                      .filter({{"view_count__gt", 5}})
                      .order_by({"id"})
                      .values_list({"title", "author__name"});
    covet::RowStream stream = titles.row_iterator();
    NamedRow row;
    std::vector<std::string> seen;
    while (stream.next(row))
        seen.push_back(row.values.at(0).as_text() + "/" + row.values.at(1).as_text());
    CHECK(seen == std::vector<std::string>{"Intro/alice", "Deep dive/alice", "Bob's notes/bob",
                                           "SQL tips/bob"});
    covet::RowStream counted = o.objects("User")
                                   .values({"name"})
                                   .annotate({{"n", Count("posts")}})
                                   .order_by({"name"})
                                   .row_iterator();
    seen.clear();
    while (counted.next(row))
        seen.push_back(row["name"].as_text() + " " + std::to_string(row["n"].as_int()));
    CHECK(seen == std::vector<std::string>{"alice 2", "bob 2", "carol 1", "dave 0"});
    CHECK_NOTHROW(titles.iterator());  // streams the same rows (RecordStream::next(NamedRow&))
    CHECK_THROWS_AS(o.objects("Post").row_iterator(), covet::QueryError);
}

COVET_ORM_TEST("orm: iterator ignores prefetch_related as Django 3.2's does") {
    insert_blog(o);
    auto users = o.objects("User").prefetch_related({"posts"}).order_by({"id"});
    covet::RecordStream stream = users.iterator();
    covet::Record record(o.db, o.models, o.models.model("User"));
    std::vector<covet::Record> read;
    while (stream.next(record))
        read.push_back(record);
    REQUIRE(read.size() == 4);
    o.reset_queries();
    std::vector<std::size_t> counts;
    for (const covet::Record& user : read) {
        CHECK(user.prefetched("posts") == nullptr);
        counts.push_back(user.manager("posts").all().records().size());
    }
    CHECK(counts == std::vector<std::size_t>{2, 2, 1, 0});
    CHECK(o.queries() == 4);  // one per user: nothing was prefetched
    o.reset_queries();
    for (const covet::Record& user : users.records())
        user.manager("posts").all().records();
    CHECK(o.queries() == 2);  // records() does prefetch: the users, then their posts
}
