// The shell's --format json output of a queryset against the sqlite3 C API
// printing the same JSON by hand (run_shell_json.sh). Both write the JSON
// document to stdout and "<side> us=<time of the printing>" to stderr; the script
// checks that both documents are byte-identical.
//   covet_bench_shell_json shell SQLITE_PATH MIGRATIONS
//   covet_bench_shell_json raw SQLITE_PATH
#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

#include "covet/orm.h"
#include "shell/output.h"

namespace {

using Clock = std::chrono::steady_clock;

std::int64_t since(Clock::time_point started) {
    return std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - started).count();
}

// Microseconds of the printing alone (opening and loading the models excluded).
std::int64_t shell_side(const std::string& path, const std::string& migrations) {
    covet::Database db = covet::open("sqlite:///" + path);
    const covet::Models models = covet::models_from_migrations(migrations);
    const covet::shell::ShellValue items = db.objects(models, "Item").order_by({"id"});
    covet::shell::OutputOptions options;
    options.format = covet::shell::OutputFormat::Json;
    const auto started = Clock::now();
    covet::shell::print_value(items, options, std::cout);
    std::cout.flush();
    return since(started);
}

std::string text_json(sqlite3_stmt* st, int column) {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(st, column));
    const std::string text(p, static_cast<std::size_t>(sqlite3_column_bytes(st, column)));
    return nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// What a program would write by hand: the same keys and value encodings.
std::int64_t raw_side(const std::string& path) {
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK)
        throw std::runtime_error("cannot open " + path);
    sqlite3_stmt* st = nullptr;
    const char* sql = "SELECT id, name, quantity, price, active, note FROM bench_items ORDER BY id";
    if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) != SQLITE_OK)
        throw std::runtime_error(sqlite3_errmsg(db));
    const auto started = Clock::now();
    std::string line;
    bool first = true;
    std::cout << "[";
    while (sqlite3_step(st) == SQLITE_ROW) {
        line = first ? "{\"id\":" : ",{\"id\":";
        first = false;
        line += std::to_string(sqlite3_column_int64(st, 0));
        line += ",\"name\":" + text_json(st, 1);
        line += ",\"quantity\":" + std::to_string(sqlite3_column_int64(st, 2));
        line += ",\"price\":" + nlohmann::json(sqlite3_column_double(st, 3)).dump();
        line += sqlite3_column_int(st, 4) ? ",\"active\":true" : ",\"active\":false";
        line += ",\"note\":";
        line += sqlite3_column_type(st, 5) == SQLITE_NULL ? "null" : text_json(st, 5);
        line += "}";
        std::cout << line;
    }
    std::cout << "]\n";
    std::cout.flush();
    const std::int64_t us = since(started);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return us;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        const std::string side = argc > 2 ? argv[1] : "";
        std::ios::sync_with_stdio(false);
        std::int64_t us = 0;
        if (side == "shell" && argc > 3) {
            us = shell_side(argv[2], argv[3]);
        } else if (side == "raw") {
            us = raw_side(argv[2]);
        } else {
            std::cerr << "usage: covet_bench_shell_json shell|raw SQLITE_PATH [MIGRATIONS]\n";
            return 2;
        }
        std::cerr << side << " us=" << us << "\n";
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "covet_bench_shell_json: " << e.what() << "\n";
        return 1;
    }
}
