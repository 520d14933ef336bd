// What raw('...') refuses to send: more than one statement, transaction
// control (the shell scopes each statement itself, and --sandbox must never
// end its transaction), and in a sandbox on a back end whose DDL commits
// implicitly, DDL.
#pragma once

#include <string>

namespace covet::shell {

// Throws QueryError naming what is refused.
void check_raw_sql(const std::string& sql, bool sandbox, bool ddl_rolls_back);

}  // namespace covet::shell
