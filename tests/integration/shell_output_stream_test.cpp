// Querysets print as they are read: the shell writes the first rows before
// the cursor has given the last (the SQL log hook fires when a cursor
// closes, so a statement is still to be logged when the first row reaches
// the stream; reading every row first would log them all before), and a
// stream that fails (a closed pipe) stops the reading and closes the cursor.
#include <catch2/catch.hpp>

#include <streambuf>

#include "orm_harness.h"
#include "shell/output.h"
#include "shell_output_support.h"

using covet::Value;
using covet::shell::OutputFormat;

namespace {

// Counts the lines written, notes the statements logged when the first
// bytes are flushed, and fails every write after `limit` bytes.
class WatchingBuffer : public std::streambuf {
  public:
    WatchingBuffer(const covet::test::OrmHarness& o, std::size_t limit) : o_(o), limit_(limit) {
        setp(buffer_, buffer_ + sizeof buffer_);
    }
    std::size_t lines = 0;
    std::size_t bytes = 0;
    int queries_at_first_flush = -1;

  protected:
    int sync() override { return drain() ? 0 : -1; }
    int_type overflow(int_type c) override {
        if (!drain()) return traits_type::eof();
        if (c != traits_type::eof()) {
            *pptr() = traits_type::to_char_type(c);
            pbump(1);
        }
        return traits_type::not_eof(c);
    }

  private:
    bool drain() {
        if (queries_at_first_flush < 0 && pptr() > pbase()) queries_at_first_flush = o_.queries();
        for (const char* p = pbase(); p < pptr(); ++p)
            lines += *p == '\n' ? 1 : 0;
        bytes += static_cast<std::size_t>(pptr() - pbase());
        setp(buffer_, buffer_ + sizeof buffer_);
        return bytes <= limit_;
    }
    const covet::test::OrmHarness& o_;
    std::size_t limit_;
    char buffer_[256];
};

void insert_tags(covet::test::OrmHarness& o, int count) {
    std::vector<covet::Record> tags;
    for (int i = 0; i < count; ++i) {
        covet::Record& tag = tags.emplace_back(o.db, o.models, o.objects("Tag").model());
        tag.set("name", "tag" + std::to_string(i));
    }
    o.objects("Tag").bulk_create(tags);
    o.reset_queries();
}

void print(covet::test::OrmHarness& o, const covet::shell::ShellValue& value, OutputFormat format,
           WatchingBuffer& buffer) {
    std::ostream out(&buffer);
    covet::shell::OutputOptions options;
    options.format = format;
    covet::shell::print_value(value, options, out);
    out.flush();
    (void)o;
}

}  // namespace

COVET_ORM_TEST("shell: output streams a queryset row by row in csv json and table") {
    insert_tags(o, 1500);
    const auto tags = o.objects("Tag").order_by({"id"});
    for (const OutputFormat format : {OutputFormat::Csv, OutputFormat::Json}) {
        WatchingBuffer buffer(o, 1 << 30);
        print(o, tags, format, buffer);
        CHECK(buffer.queries_at_first_flush >= 0);
        CHECK(buffer.queries_at_first_flush < o.queries());  // the cursor was still open
        CHECK(buffer.lines == (format == OutputFormat::Csv ? 1501u : 1u));
        o.reset_queries();
    }
    WatchingBuffer values(o, 1 << 30);
    print(o, tags.values_list({"name"}, true), OutputFormat::Csv, values);
    CHECK(values.queries_at_first_flush >= 0);
    CHECK(values.queries_at_first_flush < o.queries());
    CHECK(values.lines == 1501u);
    o.reset_queries();
    // Table: the first 1000 rows size the columns and show before the rest is read.
    WatchingBuffer table(o, 1 << 30);
    print(o, tags, OutputFormat::Table, table);
    CHECK(table.queries_at_first_flush >= 0);
    CHECK(table.queries_at_first_flush < o.queries());
    CHECK(table.lines == 1500u + 3u);
}

COVET_ORM_TEST("shell: output stops reading when the stream fails as a closed pipe") {
    insert_tags(o, 1500);
    const auto tags = o.objects("Tag").order_by({"id"});
    for (const OutputFormat format : {OutputFormat::Csv, OutputFormat::Json, OutputFormat::Table}) {
        WatchingBuffer buffer(o, 2000);
        print(o, tags, format, buffer);
        CHECK(buffer.bytes < 10000);  // all 1500 rows take more than 14000
        // The cursor is closed: the connection runs the next statement.
        CHECK(o.objects("Tag").count() == 1500);
    }
}

COVET_ORM_TEST("orm: iterator streams values and values_list rows") {
    insert_tags(o, 3);
    auto stream = o.objects("Tag").order_by({"-id"}).values_list({"name"}, true).iterator();
    covet::NamedRow row;
    std::vector<Value> names;
    while (stream.next(row))
        names.push_back(row.values.at(0));
    CHECK(names == std::vector<Value>{Value("tag2"), Value("tag1"), Value("tag0")});
    covet::Record record(o.db, o.models, o.objects("Tag").model());
    {
        auto objects = o.objects("Tag").order_by({"id"}).values({"id", "name"}).iterator();
        REQUIRE(objects.next(row));
        CHECK(*row.names == std::vector<std::string>{"id", "name"});
        CHECK(row["name"] == Value("tag0"));
        CHECK_THROWS_AS(objects.next(record), covet::QueryError);
    }
    auto records = o.objects("Tag").iterator();
    CHECK_THROWS_AS(records.next(row), covet::QueryError);
}
