// The statements that write or read one table's rows by primary key: INSERT
// of one or many rows (the new keys returned), UPDATE of fields by key,
// SELECT of columns by key, DELETE and UPDATE of rows by a list of keys.
// Records, related managers, bulk writes and the deletion collector share
// them; the QuerySet compiler builds everything that filters by more.
#pragma once

#include <string>
#include <vector>

#include "covet/dialect.h"
#include "covet/model_state.h"
#include "covet/value.h"
#include "query/compiler.h"

namespace covet {

class RowWriter {
  public:
    RowWriter(const Dialect& dialect, const ModelState& model);

    // INSERT of `rows` (each holding a value per field of `fields`), with
    // RETURNING of the primary key when `returning` and the dialect's
    // conflict-ignoring spelling when `ignore_conflicts`.
    CompiledSql insert(const std::vector<const Field*>& fields, const std::vector<Row>& rows,
                       bool ignore_conflicts, bool returning) const;
    // The text of that INSERT for `rows` rows (its parameters are the
    // rows' values in order), for callers that bind the values themselves.
    std::string insert_sql(const std::vector<const Field*>& fields, std::size_t rows,
                           bool ignore_conflicts, bool returning) const;
    // UPDATE of `fields` to `values` in the row of primary key `pk`.
    CompiledSql update_by_pk(const std::vector<const Field*>& fields, const Row& values,
                             const Value& pk) const;
    // SELECT of `fields` of the row of primary key `pk`.
    CompiledSql select_by_pk(const std::vector<const Field*>& fields, const Value& pk) const;
    // SELECT of `fields` of the rows whose `column` is one of `keys`.
    CompiledSql select_where_in(const std::vector<const Field*>& fields, const std::string& column,
                                const std::vector<Value>& keys) const;
    // DELETE of the rows whose `column` is one of `keys`.
    CompiledSql delete_where_in(const std::string& column, const std::vector<Value>& keys) const;
    // UPDATE setting `field` to `value` in the rows whose `column` is one of `keys`.
    CompiledSql set_where_in(const Field& field, const Value& value, const std::string& column,
                             const std::vector<Value>& keys) const;

    std::string quoted_table() const;
    std::string quoted(const std::string& column) const;

  private:
    // `column IN (?, ?, ...)`, its parameters appended to `params`.
    std::string in_list(const std::string& column, const std::vector<Value>& keys,
                        std::vector<Value>& params) const;
    std::string column_list(const std::vector<const Field*>& fields) const;

    const Dialect& dialect_;
    const ModelState& model_;
};

// How many rows of `columns` values fit in one statement of the dialect.
std::size_t rows_per_statement(const Dialect& dialect, std::size_t columns, std::size_t batch_size);

}  // namespace covet
