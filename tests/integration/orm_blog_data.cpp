#include "orm_blog_data.h"

#include <algorithm>

namespace covet::test {

void insert_row(OrmHarness& o, const std::string& table,
                const std::vector<std::pair<std::string, Value>>& columns) {
    const Dialect& dialect = o.h.db().dialect();
    std::string names;
    std::string marks;
    std::vector<Value> params;
    for (const auto& [name, value] : columns) {
        if (!params.empty()) {
            names += ", ";
            marks += ", ";
        }
        names += dialect.quote_name(name);
        params.push_back(value);
        marks += dialect.placeholder(static_cast<int>(params.size()));
    }
    std::string sql = "INSERT INTO ";
    sql += dialect.quote_name(table);
    sql += " (";
    sql += names;
    sql += ") VALUES (";
    sql += marks;
    sql += ")";
    o.h.db().execute(sql, params);
}

namespace {

Value at(const char* text) {
    return Value(DateTime::parse(text));
}

void insert_users(OrmHarness& o) {
    insert_row(o, "profiles", {{"id", 1}, {"bio", "writer"}});
    insert_row(o, "profiles", {{"id", 2}, {"bio", ""}});
    const struct {
        int id;
        const char* name;
        Value age;
        bool active;
        Value profile;
    } users[] = {{1, "alice", 30, true, 1},
                 {2, "bob", 25, true, 2},
                 {3, "carol", Value(), false, Value()},
                 {4, "dave", 40, true, Value()}};
    for (const auto& u : users) {
        std::string email = u.name;
        email += "@example.com";
        insert_row(o, "users",
                   {{"id", u.id},
                    {"name", u.name},
                    {"email", email},
                    {"age", u.age},
                    {"active", u.active},
                    {"created_at", at("2024-01-01 10:00:00")},
                    {"profile_id", u.profile}});
    }
}

void insert_posts(OrmHarness& o) {
    for (const auto& [id, name] : {std::pair{1, "python"}, {2, "sql"}, {3, "rust"}})
        insert_row(o, "tags", {{"id", id}, {"name", name}});
    const struct {
        int id;
        const char* title;
        int author;
        int views;
        Value rating;
        Value published;
    } posts[] = {{1, "Intro", 1, 10, Decimal::parse("4.50"), at("2024-01-10 09:00:00")},
                 {2, "Deep dive", 1, 2000, Decimal::parse("3.25"), at("2024-02-10 09:00:00")},
                 {3, "Bob's notes", 2, 500, Value(), Value()},
                 {4, "SQL tips", 2, 1500, Decimal::parse("5.00"), at("2024-03-01 09:00:00")},
                 {5, "Draft 100%_x", 3, 0, Decimal::parse("2.00"), Value()}};
    for (const auto& p : posts)
        insert_row(o, "posts",
                   {{"id", p.id},
                    {"title", p.title},
                    {"body", ""},
                    {"author_id", p.author},
                    {"view_count", p.views},
                    {"rating", p.rating},
                    {"published_at", p.published}});
    int link = 0;
    for (const auto& [post, tag] : {std::pair{1, 1}, {1, 2}, {2, 1}, {3, 2}, {3, 3}, {4, 2}})
        insert_row(o, "posts_tags", {{"id", ++link}, {"post_id", post}, {"tag_id", tag}});
}

void insert_comments_and_people(OrmHarness& o) {
    const struct {
        int id, post, author;
        const char* text;
        Value day;
    } comments[] = {{1, 1, 2, "nice", Value(Date::parse("2024-01-11"))},
                    {2, 1, 3, "meh", Value()},
                    {3, 2, 2, "great", Value(Date::parse("2024-02-11"))},
                    {4, 4, 1, "thanks", Value(Date::parse("2024-03-02"))}};
    for (const auto& c : comments)
        insert_row(o, "comments",
                   {{"id", c.id},
                    {"post_id", c.post},
                    {"author_id", c.author},
                    {"text", c.text},
                    {"day", c.day}});
    insert_row(o, "people", {{"id", 1}, {"name", "ann"}, {"mentor_id", Value()}});
    insert_row(o, "people", {{"id", 2}, {"name", "bo"}, {"mentor_id", 1}});
    insert_row(o, "people", {{"id", 3}, {"name", "cy"}, {"mentor_id", 1}});
    int link = 0;
    for (const auto& [from, to] : {std::pair{1, 2}, {2, 1}})
        insert_row(o, "people_friends",
                   {{"id", ++link}, {"from_person_id", from}, {"to_person_id", to}});
    link = 0;
    for (const auto& [from, to] : {std::pair{1, 2}, {1, 3}, {2, 3}})
        insert_row(o, "people_follows",
                   {{"id", ++link}, {"from_person_id", from}, {"to_person_id", to}});
}

}  // namespace

void insert_blog(OrmHarness& o) {
    insert_users(o);
    insert_posts(o);
    insert_comments_and_people(o);
    o.reset_queries();
}

std::vector<std::string> texts(const QuerySet& set, const std::string& field) {
    std::vector<std::string> out;
    for (const Record& record : set)
        out.push_back(record.get(field).to_string());
    return out;
}

std::vector<std::int64_t> ids(const QuerySet& set) {
    std::vector<std::int64_t> out;
    for (const Record& record : set)
        out.push_back(record.pk().as_int());
    return out;
}

std::vector<std::string> sorted(std::vector<std::string> values) {
    std::sort(values.begin(), values.end());
    return values;
}

std::vector<std::int64_t> sorted(std::vector<std::int64_t> values) {
    std::sort(values.begin(), values.end());
    return values;
}

}  // namespace covet::test
