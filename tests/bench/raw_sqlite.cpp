// The benchmark's baseline: executes a SQL script as `covet migrate --sql`
// prints it, straight on the sqlite3 C API, one transaction per migration.
// Usage: covet_bench_raw_sqlite DATABASE_FILE SCRIPT_FILE
#include <sqlite3.h>

#include <cctype>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace {

struct ScriptMigration {
    std::string name;
    std::string sql;
};

constexpr std::string_view kMigrationMarker = "-- migration ";

// Splits the script at its `-- migration app.name` lines.
std::vector<ScriptMigration> split_script(std::istream& in) {
    std::vector<ScriptMigration> migrations;
    std::string line;
    while (std::getline(in, line)) {
        if (line.starts_with(kMigrationMarker)) {
            migrations.push_back({line.substr(kMigrationMarker.size()), ""});
        } else if (!migrations.empty()) {
            migrations.back().sql += line;
            migrations.back().sql += '\n';
        } else if (line.find_first_not_of(" \t\r") != std::string::npos &&
                   !line.starts_with("--")) {
            throw std::runtime_error("SQL before the first '-- migration' line: " + line);
        }
    }
    return migrations;
}

// The statement's first words, upper-cased, past comments and whitespace.
std::string leading_words(const char* sql, int count) {
    std::string words;
    const char* p = sql;
    while (*p != '\0' && count > 0) {
        if (std::isspace(static_cast<unsigned char>(*p))) {
            ++p;
        } else if (p[0] == '-' && p[1] == '-') {
            while (*p != '\0' && *p != '\n')
                ++p;
        } else if (p[0] == '/' && p[1] == '*') {
            p += 2;
            while (*p != '\0' && !(p[0] == '*' && p[1] == '/'))
                ++p;
            if (*p != '\0') p += 2;
        } else if (std::isalpha(static_cast<unsigned char>(*p)) || *p == '_') {
            if (!words.empty()) words += ' ';
            while (std::isalnum(static_cast<unsigned char>(*p)) || *p == '_') {
                words += static_cast<char>(std::toupper(static_cast<unsigned char>(*p)));
                ++p;
            }
            --count;
        } else {
            break;
        }
    }
    return words;
}

// The harness owns the transaction and the foreign_keys switch, as covet's
// executor does, so the script's own copies of them are not executed.
bool managed_by_harness(const char* sql) {
    const std::string first = leading_words(sql, 1);
    if (first == "BEGIN" || first == "COMMIT" || first == "END" || first == "ROLLBACK") {
        return true;
    }
    return leading_words(sql, 2) == "PRAGMA FOREIGN_KEYS";
}

class Database {
  public:
    explicit Database(const std::string& path) {
        if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                            nullptr) != SQLITE_OK) {
            std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
            sqlite3_close(db_);
            throw std::runtime_error("cannot open " + path + ": " + message);
        }
        sqlite3_busy_timeout(db_, 5000);
        execute("PRAGMA journal_mode=WAL");
        execute("PRAGMA foreign_keys=ON");
    }
    ~Database() { sqlite3_close(db_); }
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    void execute(const std::string& sql) { run_all(sql.c_str(), false); }

    // Runs every statement of `sql`; returns how many ran.
    int run_all(const char* sql, bool skip_managed) {
        int executed = 0;
        while (*sql != '\0') {
            sqlite3_stmt* raw = nullptr;
            const char* tail = nullptr;
            if (sqlite3_prepare_v2(db_, sql, -1, &raw, &tail) != SQLITE_OK) {
                throw std::runtime_error(sqlite3_errmsg(db_));
            }
            const std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)> stmt(raw,
                                                                                  sqlite3_finalize);
            if (stmt && !(skip_managed && managed_by_harness(sql))) {
                step_to_end(stmt.get());
                ++executed;
            }
            sql = tail;
        }
        return executed;
    }

  private:
    void step_to_end(sqlite3_stmt* stmt) {
        // foreign_key_check answers with one row per violation.
        const bool is_fk_check = leading_words(sqlite3_sql(stmt), 2) == "PRAGMA FOREIGN_KEY_CHECK";
        int rc;
        while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
            if (is_fk_check) throw std::runtime_error("foreign key violation after migration");
        }
        if (rc != SQLITE_DONE) throw std::runtime_error(sqlite3_errmsg(db_));
    }

    sqlite3* db_ = nullptr;
};

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: " << argv[0] << " DATABASE_FILE SCRIPT_FILE\n";
        return 2;
    }
    std::ifstream script(argv[2]);
    if (!script) {
        std::cerr << "cannot read " << argv[2] << "\n";
        return 1;
    }
    std::string current = "(none)";
    try {
        const std::vector<ScriptMigration> migrations = split_script(script);
        const auto start = std::chrono::steady_clock::now();
        Database db(argv[1]);
        int statements = 0;
        for (const ScriptMigration& migration : migrations) {
            current = migration.name;
            db.execute("PRAGMA foreign_keys=OFF");
            db.execute("BEGIN");
            try {
                statements += db.run_all(migration.sql.c_str(), true);
                db.execute("COMMIT");
            } catch (...) {
                db.execute("ROLLBACK");
                throw;
            }
            db.execute("PRAGMA foreign_keys=ON");
        }
        const std::chrono::duration<double, std::milli> elapsed =
            std::chrono::steady_clock::now() - start;
        std::printf("%zu migrations, %d statements, %.1f ms\n", migrations.size(), statements,
                    elapsed.count());
    } catch (const std::exception& error) {
        std::cerr << "covet_bench_raw_sqlite: migration " << current << ": " << error.what()
                  << "\n";
        return 1;
    }
    return 0;
}
