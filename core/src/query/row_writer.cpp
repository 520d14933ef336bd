#include "query/row_writer.h"

#include <algorithm>

#include "covet/error.h"
#include "query/field_value.h"

namespace covet {

RowWriter::RowWriter(const Dialect& dialect, const ModelState& model)
    : dialect_(dialect), model_(model) {}

std::string RowWriter::quoted_table() const {
    return dialect_.quote_name(model_.table);
}

std::string RowWriter::quoted(const std::string& column) const {
    return dialect_.quote_name(column);
}

std::string RowWriter::column_list(const std::vector<const Field*>& fields) const {
    std::string text;
    for (const Field* field : fields) {
        if (!text.empty()) text += ", ";
        text += quoted(field->column());
    }
    return text;
}

std::string RowWriter::in_list(const std::string& column, const std::vector<Value>& keys,
                               std::vector<Value>& params) const {
    std::string text = quoted(column) + " IN (";
    for (std::size_t i = 0; i < keys.size(); ++i) {
        params.push_back(keys[i]);
        text += (i ? ", " : "") + dialect_.placeholder(static_cast<int>(params.size()));
    }
    return text + ")";
}

CompiledSql RowWriter::insert(const std::vector<const Field*>& fields, const std::vector<Row>& rows,
                              bool ignore_conflicts, bool returning) const {
    CompiledSql out;
    out.sql = insert_sql(fields, rows.size(), ignore_conflicts, returning);
    out.params.reserve(rows.size() * fields.size());
    for (const Row& row : rows)
        for (std::size_t i = 0; i < fields.size(); ++i)
            out.params.push_back(value_for_save(*fields[i], row[i]));
    return out;
}

std::string RowWriter::insert_sql(const std::vector<const Field*>& fields, std::size_t rows,
                                  bool ignore_conflicts, bool returning) const {
    if (fields.empty())
        throw QueryError("cannot insert a row of '" + model_.name + "' without any column values");
    std::string sql = dialect_.insert_start(ignore_conflicts) + " INTO " + quoted_table() + " (" +
                      column_list(fields) + ") VALUES ";
    int number = 0;
    for (std::size_t r = 0; r < rows; ++r) {
        sql += r ? ", (" : "(";
        for (std::size_t c = 0; c < fields.size(); ++c) {
            if (c) sql += ", ";
            sql += dialect_.placeholder(++number);
        }
        sql += ')';
    }
    sql += dialect_.insert_end(ignore_conflicts);
    if (returning) sql += " RETURNING " + quoted(model_.primary_key()->column());
    return sql;
}

CompiledSql RowWriter::update_by_pk(const std::vector<const Field*>& fields, const Row& values,
                                    const Value& pk) const {
    CompiledSql out;
    out.sql = "UPDATE " + quoted_table() + " SET ";
    for (std::size_t i = 0; i < fields.size(); ++i) {
        out.params.push_back(value_for_save(*fields[i], values[i]));
        out.sql += (i ? ", " : "") + quoted(fields[i]->column()) + " = " +
                   dialect_.placeholder(static_cast<int>(out.params.size()));
    }
    out.params.push_back(pk);
    out.sql += " WHERE " + quoted(model_.primary_key()->column()) + " = " +
               dialect_.placeholder(static_cast<int>(out.params.size()));
    return out;
}

CompiledSql RowWriter::select_by_pk(const std::vector<const Field*>& fields,
                                    const Value& pk) const {
    CompiledSql out;
    out.params.push_back(pk);
    out.sql = "SELECT " + column_list(fields) + " FROM " + quoted_table() + " WHERE " +
              quoted(model_.primary_key()->column()) + " = " + dialect_.placeholder(1);
    return out;
}

CompiledSql RowWriter::select_where_in(const std::vector<const Field*>& fields,
                                       const std::string& column,
                                       const std::vector<Value>& keys) const {
    CompiledSql out;
    out.sql = "SELECT " + column_list(fields) + " FROM " + quoted_table() + " WHERE ";
    out.sql += in_list(column, keys, out.params);
    return out;
}

CompiledSql RowWriter::delete_where_in(const std::string& column,
                                       const std::vector<Value>& keys) const {
    CompiledSql out;
    out.sql = "DELETE FROM " + quoted_table() + " WHERE ";
    out.sql += in_list(column, keys, out.params);
    return out;
}

CompiledSql RowWriter::set_where_in(const Field& field, const Value& value,
                                    const std::string& column,
                                    const std::vector<Value>& keys) const {
    CompiledSql out;
    out.params.push_back(value);
    out.sql = "UPDATE " + quoted_table() + " SET " + quoted(field.column()) + " = " +
              dialect_.placeholder(1) + " WHERE ";
    out.sql += in_list(column, keys, out.params);
    return out;
}

std::size_t rows_per_statement(const Dialect& dialect, std::size_t columns,
                               std::size_t batch_size) {
    const std::size_t limit = std::max<std::size_t>(
        1, dialect.features().max_query_params / std::max<std::size_t>(1, columns));
    return batch_size == 0 ? limit : std::min(limit, batch_size);
}

}  // namespace covet
