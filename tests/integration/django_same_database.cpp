#include "django_same_database.h"

#include <catch2/catch.hpp>

#include "covet/queryset.h"
#include "covet/record.h"
#include "query/json_encoding.h"

namespace covet::test {

const char* const kDjangoSchema = R"Y(app: sameapp
operations:
  - create_table:
      table: dj_author
      model: Author
      fields:
        id: AutoField(primary_key=True)
        name: CharField(max_length=100)
        email: EmailField(unique=True)
        active: BooleanField(default=True)
        joined: DateField(null=True)
  - create_table:
      table: dj_item
      model: Item
      fields:
        id: BigAutoField(primary_key=True)
        author: ForeignKey(dj_author, on_delete=CASCADE, related_name=items)
        title: CharField(max_length=200)
        notes: TextField(null=True)
        price: DecimalField(max_digits=12, decimal_places=2)
        ratio: DecimalField(max_digits=20, decimal_places=10, null=True)
        weight: FloatField(null=True)
        quantity: IntegerField(default=0)
        big: BigIntegerField(null=True)
        small: SmallIntegerField(null=True)
        created_at: DateTimeField()
        day: DateField(null=True)
        clock: TimeField(null=True)
        token: UUIDField(unique=True)
        data: JSONField(null=True)
        flag: BooleanField(default=False)
        maybe: BooleanField(null=True)
        blob: BinaryField(null=True)
        site: URLField(null=True)
)Y";

const char* const kCovetFixtureJson = R"J({
  "Author": [{"name": "Za\u017c\u00f3\u0142\u0107 \"g\u0119\u015bl\u0105\" 'ja\u017a\u0144' \u2211",
              "email": "covet@example.com", "active": true, "joined": "2000-01-01"}],
  "Item": [
    {"title": "covet's row -- /* comment */ ; DROP TABLE dj_author",
     "notes": "back\\slash %_ 100% \ud83d\ude00", "price": "42.50", "ratio": "0.1250000000",
     "weight": 3.0, "quantity": 17, "big": -9223372036854775807, "small": 32767,
     "created_at": "2024-03-10T02:39:10.000001", "day": "2024-12-31", "clock": "07:08:09",
     "token": "6f9619ff8b86d011b42d00c04fc964ff",
     "data": {"covet": [true, false, null], "\u00fc": "\u00fc", "d": 1.5},
     "flag": true, "maybe": false, "blob": "AH+A/ydc", "site": "http://example.org/x?y='1'"},
    {"title": "nulls", "notes": null, "price": "-0.01", "ratio": null, "weight": null,
     "quantity": 0, "big": null, "small": null, "created_at": "9999-12-31T23:59:59.999999",
     "day": null, "clock": null, "token": "12345678123456781234567812345678", "data": [],
     "flag": false, "maybe": null, "blob": null, "site": null}]
})J";

namespace {

// Through the driver: a plain SELECT, each value through value_from_db.
nlohmann::json dump_model_raw(OrmHarness& o, const std::string& name) {
    const ModelState& model = o.models.model(name);
    const Dialect& d = o.db.dialect();
    std::string columns;
    for (const Field* f : model.concrete_fields())
        columns += (columns.empty() ? "" : ", ") + d.quote_name(f->column());
    const ResultSet rs =
        o.db.connection().query("SELECT " + columns + " FROM " + d.quote_name(model.table) +
                                " ORDER BY " + d.quote_name("id"));
    nlohmann::json rows = nlohmann::json::array();
    for (const Row& row : rs.rows) {
        nlohmann::json object = nlohmann::json::object();
        std::size_t i = 0;
        for (const Field* f : model.concrete_fields())
            object[f->column()] = json_of(*f, row[i++]);
        rows.push_back(std::move(object));
    }
    return rows;
}

// Through the ORM: the model's QuerySet by primary key, each Record's fields.
nlohmann::json dump_model_orm(OrmHarness& o, const std::string& name) {
    nlohmann::json rows = nlohmann::json::array();
    for (const Record& record : o.objects(name).order_by({"pk"})) {
        nlohmann::json object = nlohmann::json::object();
        for (const Field* f : record.model().concrete_fields())
            object[f->column()] = json_of(record.get(f->column()));
        rows.push_back(std::move(object));
    }
    return rows;
}

// A new Record of `name` given the values as a user gives them, saved.
Record insert(OrmHarness& o, const std::string& name,
              const std::vector<std::pair<std::string, Value>>& given) {
    Record record(o.db, o.models, o.models.model(name));
    for (const auto& [field_name, value] : given)
        record.set(field_name, value);
    record.save();
    return record;
}

}  // namespace

nlohmann::json covet_dump(OrmHarness& o) {
    return {{"Author", dump_model_orm(o, "Author")}, {"Item", dump_model_orm(o, "Item")}};
}

nlohmann::json covet_dump_raw(OrmHarness& o) {
    return {{"Author", dump_model_raw(o, "Author")}, {"Item", dump_model_raw(o, "Item")}};
}

void covet_write_fixture(OrmHarness& o) {
    const Record author =
        insert(o, "Author",
               {{"name", Value("Za\xc5\xbc\xc3\xb3\xc5\x82\xc4\x87 \"g\xc4\x99\xc5\x9bl\xc4\x85\" "
                               "'ja\xc5\xba\xc5\x84' \xe2\x88\x91")},
                {"email", Value("covet@example.com")},
                {"active", Value(std::int64_t{1})},
                {"joined", Value("2000-01-01")}});
    insert(
        o, "Item",
        {{"author", author.pk()},
         {"title", Value("covet's row -- /* comment */ ; DROP TABLE dj_author")},
         {"notes", Value("back\\slash %_ 100% \xf0\x9f\x98\x80")},
         {"price", Value("42.5")},
         {"ratio", Value(0.125)},
         {"weight", Value(std::int64_t{3})},
         {"quantity", Value("17")},
         {"big", Value(std::int64_t{-9223372036854775807})},
         {"small", Value(std::int64_t{32767})},
         {"created_at", Value("2024-03-10T08:09:10.000001+05:30")},
         {"day", Value(Date(2024, 12, 31))},
         {"clock", Value("07:08:09")},
         {"token", Value("6F9619FF-8B86-D011-B42D-00C04FC964FF")},
         {"data", Value("{\"covet\": [true, false, null], \"\xc3\xbc\": \"\\u00fc\", \"d\": 1.5}")},
         {"flag", Value(true)},
         {"maybe", Value(std::int64_t{0})},
         {"blob", Value(Bytes{{0, 0x7f, 0x80, 0xff, '\'', '\\'}})},
         {"site", Value("http://example.org/x?y='1'")}});
    insert(o, "Item",
           {{"author", author.pk()},
            {"title", Value("nulls")},
            {"price", Value(Decimal::parse("-0.01"))},
            {"created_at", Value(DateTime::parse("9999-12-31 23:59:59.999999"))},
            {"token", Value(Uuid::parse("12345678123456781234567812345678"))},
            {"data", Value("[]")},
            {"quantity", Value(0.0)},
            {"flag", Value("False")}});
}

}  // namespace covet::test
