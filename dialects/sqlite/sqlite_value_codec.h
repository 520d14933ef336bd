// Typed values in SQLite, stored as Django's SQLite back end stores them:
// text for dates, times and datetimes (UTC, no offset), UUIDs as 32 hex
// digits, JSON as its text, decimals in a column declared `decimal` (whose
// NUMERIC affinity keeps 15 significant digits, as in Django).
#pragma once

#include <optional>
#include <string>

#include <vector>

#include "covet/value.h"

struct sqlite3_stmt;

namespace covet {

// The text a typed value is bound as; nullopt for the kinds bound natively
// (null, integer, float, boolean, text, blob).
std::optional<std::string> sqlite_stored_text(const Value& value);

// The typed kind a result column's declared type stands for (`decimal`,
// `date`, `time`, `datetime`/`timestamp`), or Text for any other (also for
// char(32) and text: a UUID or JSON column is not told apart by its type).
Value::Kind sqlite_declared_kind(const char* declared_type);

// A stored value read back as the declared kind; values that do not read
// as it (SQLite keeps anything in any column) come back unchanged.
Value sqlite_typed_value(Value::Kind declared, Value stored);

// Whether SQLite copies bound text and blobs (the statement may step after
// `params` are gone: a streaming cursor) or reads them in place (the
// statement is stepped to its end and reset while `params` live; saves a
// copy of every text of a bulk insert).
enum class BindCopy { copied, in_place };

// Binds params[i] to placeholder i + 1; returns the first SQLite error code
// (SQLITE_OK when all were bound).
int bind_values(sqlite3_stmt* stmt, const std::vector<Value>& params,
                BindCopy copy = BindCopy::copied);

// The value of column i of the current row.
Value column_value(sqlite3_stmt* stmt, int i);
// The same over `into`, overwriting it in place where the kind allows.
void read_column(sqlite3_stmt* stmt, int i, Value& into);

}  // namespace covet
