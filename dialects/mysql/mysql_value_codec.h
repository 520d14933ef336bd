// Values to and from MySQL/MariaDB through Connector/C++: binding
// parameters and reading columns.
#pragma once

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

// Blob parameters are read from their streams at execute time: they must
// outlive the execution.
using BlobStreams = std::vector<std::unique_ptr<std::istringstream>>;

void bind_values(sql::PreparedStatement& stmt, const std::vector<Value>& params,
                 BlobStreams& blobs);

// The value of column i (1-based) of the current row.
Value column_value(sql::ResultSet& rs, sql::ResultSetMetaData& meta, unsigned int i);

}  // namespace covet
