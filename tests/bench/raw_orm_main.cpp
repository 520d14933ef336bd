// The raw side of the ORM benchmark (run_orm.sh): one workload per run on
// the client library of the URL's back end. Prints "<workload> us=<time of
// the workload alone> check=<checksum of what it read>".
//   covet_bench_raw_orm URL fill ITEMS BOOKS BATCH   (set-up, untimed)
//   covet_bench_raw_orm URL clear                    (empties bench_new_items)
//   covet_bench_raw_orm URL iterate | typed | bulk ROWS BATCH | get GETS ITEMS | join
#include <chrono>
#include <exception>
#include <iostream>
#include <string>

#include "raw_orm.h"

namespace {

using bench::Checksum;
using Clock = std::chrono::steady_clock;

std::unique_ptr<bench::RawBackend> open_backend(const std::string& url) {
    if (url.starts_with("sqlite:///")) return bench::open_raw_sqlite(url.substr(10));
    if (url.starts_with("postgresql://") || url.starts_with("postgres://"))
        return bench::open_raw_postgres(url);
    if (url.starts_with("mysql://")) return bench::open_raw_mysql(url);
    throw std::runtime_error("unknown database URL: " + url);
}

std::int64_t number(char** argv, int argc, int index) {
    if (index >= argc) throw std::runtime_error("missing argument " + std::to_string(index));
    return std::stoll(argv[index]);
}

int run(int argc, char** argv) {
    if (argc < 3) {
        std::cerr << "usage: covet_bench_raw_orm URL fill|clear|iterate|typed|bulk|get|join ...\n";
        return 2;
    }
    auto backend = open_backend(argv[1]);
    const std::string command = argv[2];
    if (command == "fill") {
        backend->insert_items("bench_items", number(argv, argc, 3), number(argv, argc, 5));
        backend->insert_books(number(argv, argc, 4));
        return 0;
    }
    if (command == "clear") {
        backend->clear_new_items();
        return 0;
    }
    Checksum checksum;
    const auto started = Clock::now();
    if (command == "iterate") {
        checksum = backend->iterate("bench_items");
    } else if (command == "typed") {
        checksum = backend->iterate_structs("bench_items");
    } else if (command == "bulk") {
        backend->insert_items("bench_new_items", number(argv, argc, 3), number(argv, argc, 4));
    } else if (command == "get") {
        checksum = backend->get_loop(number(argv, argc, 3), number(argv, argc, 4));
    } else if (command == "join") {
        checksum = backend->join();
    } else {
        throw std::runtime_error("unknown workload: " + command);
    }
    const auto elapsed = Clock::now() - started;
    // What bulk wrote, read back outside the timed part.
    if (command == "bulk") checksum = backend->iterate("bench_new_items");
    bench::print_result(command.c_str(), elapsed, checksum);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        return run(argc, argv);
    } catch (const std::exception& e) {
        std::cerr << "covet_bench_raw_orm: " << e.what() << "\n";
        return 1;
    }
}
