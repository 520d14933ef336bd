// Tab completion for the interactive shell: what may follow the text left
// of the cursor. Model names at the start of an expression, manager and
// QuerySet/record/relation methods after `.`, field names and
// `field__lookup` chains inside filter/exclude/get/order_by/values/...
// following relations (`author__` offers the author's fields and the
// lookups), and variable names. Pure: reads the session, runs no query.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "shell/session.h"

namespace covet::shell {

struct Completions {
    std::size_t replace_from = 0;         // offset in the line where the completed word starts
    std::vector<std::string> candidates;  // full replacements for line[replace_from, cursor)
};

Completions complete(const Session& session, std::string_view line, std::size_t cursor);
// The same from the parts of a session it reads. Never throws: a line being
// typed may be anything.
Completions complete(const Models& models, const std::map<std::string, ShellValue>& variables,
                     std::string_view line, std::size_t cursor);

}  // namespace covet::shell
