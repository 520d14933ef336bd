// A shell value seen as a table, a row at a time, for the table and csv
// formats: querysets (streamed through QuerySet::iterator(), so a large one
// is never held in memory), records, values()/aggregate() rows, raw() rows,
// in_bulk() dicts, lists of records and delete() results.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "covet/value.h"
#include "shell/shell_value.h"

namespace covet::shell {

class TableRows {
  public:
    virtual ~TableRows() = default;
    // The column names: an instance's fields by column attribute name
    // (author_id) then its annotations, a values() row's names, raw()'s columns.
    virtual const std::vector<std::string>& columns() const = 0;
    // The next row's values, in column order; false at the end.
    virtual bool next(Row& row) = 0;
};

// Whether a queryset's rows are printed from a cursor as they come
// (QuerySet::iterator()). Not when prefetch_related must read the rows
// together, nor with only()/defer(), whose records load the other fields
// with a query of their own, which some back ends refuse while a cursor
// is open.
bool streams(const QuerySet& set);

// nullptr when the value is no table (a scalar, a Q, a model...).
std::unique_ptr<TableRows> table_rows(const ShellValue& value);

// The instance's values in column order, then its annotations (deferred
// fields load as they do for Record::get).
Row record_row(const Record& record);
// An instance's column names then the annotations of `query_annotations`.
std::vector<std::string> record_columns(const ModelState& model,
                                        const std::vector<std::string>& annotations);

}  // namespace covet::shell
