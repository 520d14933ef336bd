// Reading PostgreSQL's error messages and statement texts.
#pragma once

#include <string>

#include "db/server_error.h"

namespace covet {

// libpq messages start with "ERROR:" and span lines; covet prints one line.
std::string pg_message(std::string message);
// What a SQLSTATE means to covet (PostgreSQL's "Error Codes" appendix).
ServerFailure failure_of(const std::string& state, const std::string& message);
// The message without PostgreSQL's quote of the text around the error's position.
std::string without_position_quote(const std::string& message);
// The index a `CREATE [UNIQUE] INDEX CONCURRENTLY name ...` statement builds; "" otherwise.
std::string concurrent_index_name(const std::string& sql);

}  // namespace covet
