// Shared by the engine-promise CLI tests (issue 19's regressions): a
// migration history, URL arguments, and the planets table they start from.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "workspace.h"

namespace covet_test::promises {

using History = std::vector<std::pair<std::string, std::string>>;

inline std::vector<std::string> with_url(const std::string& url, std::vector<std::string> args) {
    args.insert(args.begin(), {"-d", url});
    return args;
}

// A table of planets with three rows, the start of several engine-promise tests.
inline void write_planets(const Workspace& ws) {
    ws.write("migrations/astro/0001_planets.yaml",
             "operations:\n"
             "  - create_table:\n"
             "      table: planets\n"
             "      fields:\n"
             "        id: AutoField(primary_key=True)\n"
             "        label: CharField(max_length=40)\n"
             "  - run_sql:\n"
             "      sql: \"INSERT INTO planets (label) VALUES ('venus'), ('mars'), ('io')\"\n"
             "      reverse_sql: \"DELETE FROM planets\"\n");
}

}  // namespace covet_test::promises
