// Typed values in MySQL and MariaDB, stored as Django's MySQL back end
// stores them: decimal/numeric, date, time(6), datetime(6) in UTC (the
// session's time_zone is +00:00), UUIDs as char(32) hex, JSON as its text.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <memory>
#include <sstream>
#include <vector>

#include "covet/value.h"

namespace sql {
class PreparedStatement;
class ResultSet;
class ResultSetMetaData;
}  // namespace sql

namespace covet {

// The string parameter of a typed value; nullopt for the kinds the
// connection binds itself.
std::optional<std::string> mysql_param_text(const Value& value);

// The typed kind of a result column by Connector/C++'s sql::DataType, or
// Text. MariaDB's JSON is a longtext and a UUID a char(32): both read as Text.
Value::Kind mysql_column_kind(int data_type);

// The server's text of a column of that kind as a typed value; values the
// kind cannot hold (zero dates, times past 23:59:59) stay Text.
Value mysql_typed_value(Value::Kind kind, std::string_view text);

// Blob parameters are read from their streams at execute time: they must
// outlive the execution.
using BlobStreams = std::vector<std::unique_ptr<std::istringstream>>;

void bind_values(sql::PreparedStatement& stmt, const std::vector<Value>& params,
                 BlobStreams& blobs);

// What a result column holds, read from the metadata once per result.
struct MysqlColumnType {
    int data_type = 0;  // sql::DataType
    bool is_signed = true;
};
MysqlColumnType mysql_column_type(sql::ResultSetMetaData& meta, unsigned int i);

// The value of column i (1-based) of the current row.
Value column_value(sql::ResultSet& rs, const MysqlColumnType& type, unsigned int i);

}  // namespace covet
