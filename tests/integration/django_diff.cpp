#include "django_diff.h"

#include <tuple>

#include "covet/queryset.h"
#include "query/json_encoding.h"

namespace covet::test {

const char* const kDiffSchema = R"Y(app: diffapp
operations:
  - create_table:
      table: dd_author
      model: Author
      fields:
        id: AutoField(primary_key=True)
        name: CharField(max_length=100)
        email: CharField(max_length=100, null=True)
        age: IntegerField(null=True)
        born: DateField(null=True)
      ordering: ["name"]
  - create_table:
      table: dd_tag
      model: Tag
      fields:
        id: AutoField(primary_key=True)
        name: CharField(max_length=50)
  - create_table:
      table: dd_book
      model: Book
      fields:
        id: AutoField(primary_key=True)
        title: CharField(max_length=200)
        author: ForeignKey(dd_author, on_delete=CASCADE, related_name=books)
        editor: ForeignKey(dd_author, on_delete=SET_NULL, null=True, related_name=edited)
        price: DecimalField(max_digits=8, decimal_places=2)
        rating: FloatField(null=True)
        pages: IntegerField(default=0)
        published: DateTimeField(null=True)
        tags: ManyToManyField(dd_tag, related_name=books)
      ordering: ["title"]
  - create_table:
      table: dd_review
      model: Review
      fields:
        id: AutoField(primary_key=True)
        book: ForeignKey(dd_book, on_delete=CASCADE, related_name=reviews)
        stars: IntegerField()
        text: TextField(null=True)
)Y";

namespace {

using Fields = std::vector<std::pair<std::string, Value>>;

Value when(const char* text) {
    return text ? Value(DateTime::parse(text)) : Value();
}

}  // namespace

void seed_diff_rows(OrmHarness& o) {
    const QuerySet authors = o.objects("Author"), tags = o.objects("Tag");
    const QuerySet books = o.objects("Book"), reviews = o.objects("Review");
    std::vector<Record> a, t, b;
    a.push_back(authors.create({{"name", "Ana"},
                                {"email", "ana@example.com"},
                                {"age", 30},
                                {"born", Value(Date(1990, 5, 17))}}));
    a.push_back(authors.create({{"name", "Bob"}}));  // no books, NULLs
    a.push_back(authors.create({{"name",
                                 "\xc3\x87"
                                 "elik Zo\xc3\xab"},
                                {"email", "zoe@example.com"},
                                {"age", 45},
                                {"born", Value(Date(1975, 12, 1))}}));
    a.push_back(authors.create({{"name", "dan"},
                                {"email", "dan@x.org"},
                                {"age", 30},
                                {"born", Value(Date(1990, 1, 17))}}));
    for (const char* name : {"python", "c++", "db", "unused"})
        t.push_back(tags.create({{"name", name}}));
    struct BookRow {
        const char* title;
        int author, editor;  // editor 0: NULL
        const char* price;
        double rating;  // < 0: NULL
        int pages;
        const char* published;
        std::vector<int> tags;
    };
    const std::vector<BookRow> rows = {
        {"Alpha", 0, 2, "10.50", 4.5, 100, "2020-01-15 10:00:00", {0, 2}},
        {"Beta \xc3\xbcn\xc3\xaf", 0, 0, "20.00", -1, 250, "2021-06-30 23:30:00", {1}},
        {"Gamma", 2, 1, "5.25", 3.0, 80, nullptr, {}},
        {"Delta 100%", 2, 3, "99.99", 5.0, 400, "2020-12-31 12:00:00", {0, 1, 2}},
        {"epsilon", 3, 0, "0.00", 2.5, 250, "2022-02-28 08:15:00", {0}}};
    for (const BookRow& row : rows) {
        Fields fields = {{"title", row.title},
                         {"author", a[row.author].pk()},
                         {"editor", row.editor ? a[row.editor - 1].pk() : Value()},
                         {"price", Value(Decimal::parse(row.price))},
                         {"rating", row.rating < 0 ? Value() : Value(row.rating)},
                         {"pages", row.pages},
                         {"published", when(row.published)}};
        b.push_back(books.create(fields));
        std::vector<Record> linked;
        for (int i : row.tags)
            linked.push_back(t[i]);
        if (!linked.empty()) b.back().manager("tags").add(linked);
    }
    const std::vector<std::tuple<int, int, const char*>> review_rows = {{0, 5, "great"},
                                                                        {0, 3, nullptr},
                                                                        {1, 4, "ok \xe2\x9c\x93"},
                                                                        {3, 1, "bad"},
                                                                        {3, 5, "great"}};
    for (const auto& [book, stars, text] : review_rows)
        reviews.create(
            {{"book", b[book].pk()}, {"stars", stars}, {"text", text ? Value(text) : Value()}});
}

nlohmann::json record_json(const Record& record) {
    nlohmann::json object = nlohmann::json::object();
    for (const Field* f : record.model().concrete_fields())
        object[f->column()] = json_of(record.get(f->column()));
    return object;
}

nlohmann::json recs(const QuerySet& qs) {
    nlohmann::json out = nlohmann::json::array();
    for (const Record& record : qs)
        out.push_back(record_json(record));
    return out;
}

nlohmann::json named(const NamedRow& row) {
    nlohmann::json object = nlohmann::json::object();
    for (std::size_t i = 0; i < row.names->size(); ++i)
        object[(*row.names)[i]] = json_of(row.values[i]);
    return object;
}

nlohmann::json vals(const QuerySet& qs) {
    nlohmann::json out = nlohmann::json::array();
    for (const NamedRow& row : qs.rows())
        out.push_back(named(row));
    return out;
}

nlohmann::json vlist(const QuerySet& qs) {
    nlohmann::json out = nlohmann::json::array();
    for (const NamedRow& row : qs.rows()) {
        nlohmann::json values = nlohmann::json::array();
        for (const Value& value : row.values)
            values.push_back(json_of(value));
        out.push_back(std::move(values));
    }
    return out;
}

nlohmann::json flat(const QuerySet& qs) {
    nlohmann::json out = nlohmann::json::array();
    for (const NamedRow& row : qs.rows())
        out.push_back(json_of(row.values.at(0)));
    return out;
}

nlohmann::json rolled_back(OrmHarness& o, const std::function<nlohmann::json()>& fn) {
    o.db.connection().begin();
    try {
        nlohmann::json result = fn();
        o.db.connection().rollback();
        return result;
    } catch (...) {
        o.db.connection().rollback();
        throw;
    }
}

}  // namespace covet::test
