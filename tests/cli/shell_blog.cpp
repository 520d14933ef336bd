#include "shell_blog.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "backend_probe.h"
#include "cli_assertions.h"

namespace covet_test {

namespace {

// The fields SPEC.md §6's examples filter on. The blog's body stays a plain
// TextField(): `Post.objects.create(title='Hi', author=u)` leaves it blank,
// which create() accepts as Django's does (only save() runs full_clean()).
constexpr const char* kUserFlags = R"yaml(app: blog
dependencies: [0003_add_index]
operations:
  - add_column: {table: users, column: age, field: "IntegerField(default=0)"}
  - add_column: {table: users, column: active, field: "BooleanField(default=True)"}
  - add_column: {table: users, column: is_admin, field: "BooleanField(default=False)"}
)yaml";

// Ada and Grace are active adults, Jane is 17, John and Alan inactive (Alan
// an admin). Ada wrote two posts, everyone else one; views sum to 75 over 6.
const std::vector<std::string> kRows = {
    "INSERT INTO users (id, name, email, created_at, age, active, is_admin) VALUES "
    "(1, 'Ada Lovelace', 'ada@example.com', '2024-01-01 10:00:00', 36, TRUE, FALSE), "
    "(2, 'Grace Hopper', 'grace@example.com', '2024-01-02 10:00:00', 85, TRUE, TRUE), "
    "(3, 'Jane Doe', 'jane@example.com', '2024-01-03 10:00:00', 17, TRUE, FALSE), "
    "(4, 'John Doe', 'john@example.com', '2024-01-04 10:00:00', 30, FALSE, FALSE), "
    "(5, 'Alan Turing', 'alan@example.com', '2024-01-05 10:00:00', 41, FALSE, TRUE)",
    "INSERT INTO tags (id, name) VALUES (1, 'cpp'), (2, 'orm'), (3, 'sql')",
    "INSERT INTO posts (id, title, body, author_id, view_count, published_at) VALUES "
    "(1, 'Hello ORM', 'first', 1, 10, '2024-02-01 09:00:00'), "
    "(2, 'Popular', 'much read', 2, 40, '2024-02-02 09:00:00'), "
    "(3, 'Doe diary', 'dear diary', 3, 5, '2024-02-03 09:00:00'), "
    "(4, 'Doe again', 'again', 4, 15, '2024-02-04 09:00:00'), "
    "(5, 'Second', 'more', 1, 5, '2024-02-05 09:00:00'), "
    "(6, 'Quiet', 'shh', 5, 0, '2024-02-06 09:00:00')",
    "INSERT INTO posts_tags (post_id, tag_id) VALUES (1, 1), (1, 2), (2, 1)",
};

}  // namespace

std::string shell_blog(const std::string& backend, const Workspace& ws) {
    ws.copy_tree(source_dir() / "migrations-examples" / "blog", "migrations");
    ws.write("migrations/0004_user_flags.yaml", kUserFlags);
    const std::string url = database_url_for(backend, ws);
    REQUIRE_EXIT(ws.covet({"-d", url, "migrate"}), 0);
    DatabaseProbe probe(url);
    for (const auto& sql : kRows)
        probe.connection().execute(sql);
    // Explicit ids leave PostgreSQL's sequences behind: move them on.
    if (backend == "postgresql")
        for (const char* table : {"users", "tags", "posts"})
            probe.connection().query(std::string("SELECT setval(pg_get_serial_sequence('") + table +
                                     "', 'id'), (SELECT MAX(id) FROM " + table + "))");
    return url;
}

RunResult run_shell(const Workspace& ws, const std::string& url,
                    const std::vector<std::string>& args, const std::string& script) {
    std::vector<std::string> full = {"-d", url, "shell"};
    full.insert(full.end(), args.begin(), args.end());
    RunOptions options = ws.covet_options(full);
    if (!script.empty()) {
        ws.write("script.covet", script);
        options.stdin_file = (ws / "script.covet").string();
    }
    return run_process(options);
}

bool same_json_lines(const std::string& out, const std::vector<std::string>& expected,
                     std::string& why) {
    std::vector<std::string> lines = lines_of(out);
    if (lines.size() != expected.size()) {
        why = std::to_string(lines.size()) + " lines, expected " + std::to_string(expected.size());
        return false;
    }
    for (std::size_t i = 0; i < lines.size(); ++i) {
        nlohmann::ordered_json got = nlohmann::ordered_json::parse(lines[i], nullptr, false);
        if (got.is_discarded() || got != nlohmann::ordered_json::parse(expected[i])) {
            why = "line " + std::to_string(i + 1) + ": " + lines[i] + "\nexpected: " + expected[i];
            return false;
        }
    }
    return true;
}

}  // namespace covet_test
