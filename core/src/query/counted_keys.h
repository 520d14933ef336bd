// The keys of a multi-row INSERT told by counting instead of RETURNING, on a
// back end whose new auto keys are one more than the table's largest
// (DialectFeatures::auto_keys_follow_max): RETURNING makes such a back end
// buffer every inserted row before handing back the first, which costs more
// than the insert itself.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "covet/connection.h"
#include "covet/value.h"
#include "query/row_writer.h"

namespace covet {

class CountedKeys {
  public:
    // Batches of fewer rows keep RETURNING: the statements around a counted
    // batch would cost more than they save.
    static constexpr std::size_t kMinRows = 8;

    CountedKeys(Connection& connection, const RowWriter& writer, std::string key_column);

    // Runs the INSERT `sql` of `rows` rows without their keys in a savepoint.
    // The first key when the rows provably got first..first+rows-1 in their
    // order; nullopt when that cannot be shown, the batch then rolled back
    // (or never run) for the caller to insert with RETURNING.
    std::optional<std::int64_t> insert(const std::string& sql, const std::vector<Value>& params,
                                       std::size_t rows);

  private:
    std::optional<std::int64_t> largest_key();

    Connection& connection_;
    std::string table_;
    std::string column_;
    // The table's largest key as this transaction sees it; nullopt until read.
    std::optional<std::int64_t> largest_;
};

}  // namespace covet
