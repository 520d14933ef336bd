// The ORM side of the ORM benchmark (run_orm.sh): the same workloads as
// covet_bench_raw_orm through the public API only (covet/orm.h). Prints
// "<workload> us=<time of the workload alone> check=<checksum>".
//   covet_bench_orm URL MIGRATIONS iterate | typed | bulk ROWS BATCH | get GETS ITEMS | join
#include <chrono>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "covet/orm.h"
#include "covet/transaction.h"
#include "covet/typed.h"
#include "orm_workload.h"

COVET_MODEL(bench::Item, "Item", COVET_FIELD(id), COVET_FIELD(name), COVET_FIELD(quantity),
            COVET_FIELD(price), COVET_FIELD(active), COVET_FIELD(note));

namespace {

using bench::Checksum;
using Clock = std::chrono::steady_clock;

void add_item(Checksum& c, const covet::Record& r) {
    const covet::Value& note = r.get("note");
    c.item(r.get("id").as_int(), r.get("name").as_text(), r.get("quantity").as_int(),
           r.get("price").as_double(), r.get("active").as_bool(),
           note.is_null() ? nullptr : &note.as_text());
}

Checksum iterate(const covet::QuerySet& items) {
    Checksum c;
    covet::RecordStream stream = items.iterator();
    covet::Record record(items.database(), items.models(), items.model());
    while (stream.next(record))
        add_item(c, record);
    return c;
}

// Typed iteration: each row decoded straight into one reused struct.
Checksum typed_iterate(const covet::Database& db, const covet::Models& models) {
    Checksum c;
    const covet::Objects<bench::Item> items(db, models);
    covet::TypedStream<bench::Item> stream = items.iterator();
    bench::Item item;
    while (stream.next(item))
        c.add(item);
    return c;
}

// Builds the records and writes them in one transaction, as the raw side does.
void bulk(const covet::QuerySet& new_items, std::int64_t rows, std::int64_t batch) {
    std::vector<covet::Record> records;
    records.reserve(static_cast<std::size_t>(rows));
    for (std::int64_t i = 0; i < rows; ++i) {
        bench::ItemRow row = bench::item_row(i);
        covet::Record& r =
            records.emplace_back(new_items.database(), new_items.models(), new_items.model());
        r.set("name", std::move(row.name));
        r.set("quantity", row.quantity);
        r.set("price", row.price);
        r.set("active", row.active);
        r.set("note", row.note ? covet::Value(std::move(*row.note)) : covet::Value());
    }
    covet::Transaction tx(new_items.database().connection());
    new_items.bulk_create(records, {static_cast<std::size_t>(batch), false});
    tx.commit();
}

Checksum get_loop(const covet::QuerySet& items, std::int64_t gets, std::int64_t count) {
    Checksum c;
    for (std::int64_t i = 0; i < gets; ++i)
        add_item(c, items.get({{"pk", bench::get_key(i, count)}}));
    return c;
}

Checksum join(const covet::QuerySet& books) {
    Checksum c;
    const auto query =
        books.filter({{"pages__lt", bench::kJoinPagesBelow}}).select_related({"author"});
    for (const covet::Record& book : query) {
        const std::optional<covet::Record> author = book.related("author");
        ++c.rows;
        c.integers += book.get("id").as_int() + book.get("pages").as_int() +
                      book.get("author").as_int() + author->pk().as_int();
        c.text += static_cast<std::int64_t>(book.get("title").as_text().size() +
                                            author->get("name").as_text().size());
    }
    return c;
}

std::int64_t number(char** argv, int argc, int index) {
    if (index >= argc) throw std::runtime_error("missing argument " + std::to_string(index));
    return std::stoll(argv[index]);
}

int run(int argc, char** argv) {
    if (argc < 4) {
        std::cerr << "usage: covet_bench_orm URL MIGRATIONS iterate|typed|bulk|get|join ...\n";
        return 2;
    }
    covet::Database db = covet::open(argv[1]);
    const covet::Models models = covet::models_from_migrations(argv[2]);
    const std::string command = argv[3];
    Checksum checksum;
    const auto started = Clock::now();
    if (command == "iterate") {
        checksum = iterate(db.objects(models, "Item"));
    } else if (command == "typed") {
        checksum = typed_iterate(db, models);
    } else if (command == "bulk") {
        bulk(db.objects(models, "NewItem"), number(argv, argc, 4), number(argv, argc, 5));
    } else if (command == "get") {
        checksum =
            get_loop(db.objects(models, "Item"), number(argv, argc, 4), number(argv, argc, 5));
    } else if (command == "join") {
        checksum = join(db.objects(models, "Book"));
    } else {
        throw std::runtime_error("unknown workload: " + command);
    }
    const auto elapsed = Clock::now() - started;
    // What bulk_create wrote, read back outside the timed part.
    if (command == "bulk") checksum = iterate(db.objects(models, "NewItem"));
    bench::print_result(command.c_str(), elapsed, checksum);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        return run(argc, argv);
    } catch (const std::exception& e) {
        std::cerr << "covet_bench_orm: " << e.what() << "\n";
        return 1;
    }
}
