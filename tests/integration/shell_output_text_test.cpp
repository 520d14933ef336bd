// --format table and --format csv on the fixed blog of orm_blog_data.h:
// aligned columns, NULL, numbers to the right, cutting to the terminal
// width with an ellipsis, expanded display, row counts; RFC 4180 quoting
// with CRLF, NULL empty and '' quoted. Expected text written by hand.
#include <catch2/catch.hpp>

#include "orm_blog_data.h"
#include "shell/output.h"
#include "shell_output_support.h"

using covet::Value;
using covet::shell::DeletedValue;
using covet::shell::Expanded;
using covet::shell::ListValue;
using covet::shell::ShellValue;
using covet::test::csv;
using covet::test::insert_blog;
using covet::test::insert_row;
using covet::test::table;

COVET_ORM_TEST("shell: output table of a queryset with a header and a row count") {
    insert_blog(o);
    CHECK(table(o.objects("Tag").order_by({"id"})) ==
          " id | name\n"
          "----+--------\n"
          "  1 | python\n"
          "  2 | sql\n"
          "  3 | rust\n"
          "(3 rows)\n");
    CHECK(table(o.objects("User").order_by({"name"}).values_list({"name", "age"})) ==
          " name  | age\n"
          "-------+------\n"
          " alice |   30\n"
          " bob   |   25\n"
          " carol | NULL\n"
          " dave  |   40\n"
          "(4 rows)\n");
    CHECK(table(o.objects("Tag").filter({{"id", 0}})) ==
          " id | name\n"
          "----+------\n"
          "(0 rows)\n");
}

COVET_ORM_TEST("shell: output table of a record an aggregate scalars and delete") {
    insert_blog(o);
    CHECK(table(o.objects("Comment").get({{"id", 2}})) ==
          " id | post_id | author_id | text | day\n"
          "----+---------+-----------+------+------\n"
          "  2 |       1 |         3 | meh  | NULL\n"
          "(1 row)\n");
    CHECK(table(o.objects("Post").aggregate({{"n", covet::Count("id")}})) ==
          " n\n"
          "---\n"
          " 5\n"
          "(1 row)\n");
    CHECK(table(Value(o.objects("Post").count())) == "5\n");
    CHECK(table(Value()) == "NULL\n");
    CHECK(table(Value("Bob's notes")) == "Bob's notes\n");
    CHECK(table(ListValue{{Value(1), Value("a'b"), Value(), Value(true)}, false}) ==
          "[1, 'a\\'b', None, True]\n");
    CHECK(table(ListValue{{Value(1)}, true}) == "(1,)\n");
    CHECK(table(DeletedValue{o.objects("Tag").filter({{"id", 3}}).delete_()}) ==
          " deleted\n"
          "---------\n"
          "       2\n"  // the tag and its link to post 3
          "(1 row)\n");
}

COVET_ORM_TEST("shell: output table cuts cells to the terminal width with an ellipsis") {
    insert_blog(o);
    auto two =
        o.objects("Post").filter({{"id__in", {2, 5}}}).order_by({"id"}).values({"id", "title"});
    // Cut to the width, but never below ten columns (the line then outgrows
    // a very narrow terminal, which the pager scrolls).
    CHECK(table(two, 15) ==
          " id | title\n"
          "----+------------\n"
          "  2 | Deep dive\n"
          "  5 | Draft 100\u2026\n"
          "(2 rows)\n");
    CHECK(table(two, 5) == table(two, 15));
    // Post 5 has no publication date: NULL reads whole in a narrow terminal.
    auto wide = o.objects("Post").filter({{"id", 5}}).values({"title", "rating", "published_at"});
    const std::string narrow = table(wide, 20);
    CHECK(narrow.find("| NULL") != std::string::npos);
    CHECK(narrow.find("2.00") != std::string::npos);
    CHECK(table(two, 80) == table(two));  // wide enough: nothing cut
    CHECK(table(two) ==
          " id | title\n"
          "----+--------------\n"
          "  2 | Deep dive\n"
          "  5 | Draft 100%_x\n"
          "(2 rows)\n");
    insert_row(o, "tags", {{"id", 4}, {"name", "two\nlines\u00e9"}});
    CHECK(table(o.objects("Tag").filter({{"id", 4}}).values_list({"name"}, true)) ==
          " name\n"
          "-------------\n"  // 11 columns: the escape is two, the é one
          " two\\nlines\u00e9\n"
          "(1 row)\n");
}

COVET_ORM_TEST("shell: output table expanded shows one field per line") {
    insert_blog(o);
    auto comment = o.objects("Comment").filter({{"id__in", {1, 2}}}).order_by({"id"});
    const std::string expanded =
        "-[ RECORD 1 ]\n"
        "id        | 1\n"
        "post_id   | 1\n"
        "author_id | 2\n"
        "text      | nice\n"
        "day       | 2024-01-11\n"
        "-[ RECORD 2 ]\n"
        "id        | 2\n"
        "post_id   | 1\n"
        "author_id | 3\n"
        "text      | meh\n"
        "day       | NULL\n"
        "(2 rows)\n";
    CHECK(table(comment, 0, Expanded::On) == expanded);
    // Auto: expanded only when the table would be wider than the terminal.
    CHECK(table(comment, 30, Expanded::Auto) == expanded);
    CHECK(table(comment, 80, Expanded::Auto) == table(comment));
    CHECK(table(comment, 0, Expanded::Auto) == table(comment));
}

COVET_ORM_TEST("shell: output csv quotes by RFC 4180 with CRLF and a header") {
    insert_blog(o);
    insert_row(o, "tags", {{"id", 4}, {"name", "a,\"b\""}});
    insert_row(o, "tags", {{"id", 5}, {"name", "line\nbreak"}});
    CHECK(csv(o.objects("Tag").order_by({"id"})) ==
          "id,name\r\n1,python\r\n2,sql\r\n3,rust\r\n4,\"a,\"\"b\"\"\"\r\n"
          "5,\"line\nbreak\"\r\n");
    // NULL is an empty field, an empty string a quoted one.
    CHECK(csv(o.objects("Post").filter({{"id", 3}}).values({"body", "rating", "published_at"})) ==
          "body,rating,published_at\r\n\"\",,\r\n");
    CHECK(csv(o.objects("Post").filter({{"id", 1}}).values_list({"rating", "published_at"})) ==
          "rating,published_at\r\n4.50,2024-01-10T09:00:00\r\n");
    CHECK(csv(o.objects("Comment").get({{"id", 1}})) ==
          "id,post_id,author_id,text,day\r\n1,1,2,nice,2024-01-11\r\n");
    CHECK(csv(Value(o.objects("Post").count())) == "5\r\n");
    // No rows: the header still names the columns.
    CHECK(csv(o.objects("Tag").filter({{"id", 0}}).values()) == "id,name\r\n");
    CHECK(csv(o.objects("Tag").filter({{"id", 0}}).values_list({"name"}, true)) == "name\r\n");
    CHECK(csv(Value("x,y")) == "\"x,y\"\r\n");
    CHECK(csv(o.objects("Post").aggregate({{"n", covet::Count("id")}})) == "n\r\n5\r\n");
}
