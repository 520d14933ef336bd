// bulk_create and bulk_update as Django runs them: multi-row INSERTs per
// batch that return the new keys (or whose keys are counted where that is
// cheaper: counted_keys.h), and one UPDATE per batch with a CASE per
// field. Batches never exceed the parameters one statement takes.
#include <algorithm>
#include <optional>

#include "covet/error.h"
#include "covet/queryset.h"
#include "query/atomic_scope.h"
#include "query/counted_keys.h"
#include "query/field_value.h"
#include "query/row_writer.h"

namespace covet {

namespace {

// Where each of `fields` sits in a record's values (concrete fields in order).
std::vector<std::size_t> slots_of(const ModelState& model,
                                  const std::vector<const Field*>& fields) {
    const std::vector<const Field*> all = model.concrete_fields();
    std::vector<std::size_t> slots;
    for (const Field* field : fields)
        slots.push_back(
            static_cast<std::size_t>(std::find(all.begin(), all.end(), field) - all.begin()));
    return slots;
}

// A key the back end gave a record, held as set() holds it.
void store_key(const Field& pk, std::size_t pk_slot, Record& record, Value key) {
    key = value_from_db(pk, std::move(key));
    if (!key.is_null()) key = value_for_db(pk, std::move(key));
    record.store_at(pk_slot, std::move(key));
    record.mark_saved();
}

// The INSERT of one batch whose keys come back by RETURNING.
void insert_returning(Connection& connection, const ModelState& model, const std::string& sql,
                      const std::vector<Value>& params, Record* const* batch, std::size_t rows,
                      std::size_t pk_slot) {
    std::vector<Value> keys;
    keys.reserve(rows);
    connection.query_each(sql, params, [&](Row& row) {
        keys.push_back(row.empty() ? Value() : std::move(row.front()));
    });
    if (keys.size() != rows)
        throw DatabaseError("bulk_create: '" + model.table + "' returned " +
                            std::to_string(keys.size()) + " keys for " + std::to_string(rows) +
                            " rows");
    for (std::size_t i = 0; i < rows; ++i)
        store_key(*model.primary_key(), pk_slot, *batch[i], std::move(keys[i]));
}

// The INSERTs of one group of records (all with keys, or all without) in
// batches; the keys the back end returns are set on the records. Values
// are read by slot, not by name: a batch reads thousands.
void insert_batches(const Database& db, const ModelState& model, std::vector<Record*>& records,
                    const std::vector<const Field*>& fields, BulkOptions options, bool returning) {
    const RowWriter writer(db.dialect(), model);
    const std::vector<std::size_t> slots = slots_of(model, fields);
    const std::size_t pk_slot = slots_of(model, {model.primary_key()}).front();
    const std::size_t per_statement =
        rows_per_statement(db.dialect(), fields.size(), options.batch_size);
    std::optional<CountedKeys> counted;
    if (returning && db.dialect().features().auto_keys_follow_max)
        counted.emplace(db.connection(), writer, model.primary_key()->column());
    std::string sql, plain_sql;  // the same texts for every full batch
    std::size_t sql_rows = 0;
    std::vector<Value> params;
    for (std::size_t start = 0; start < records.size(); start += per_statement) {
        const std::size_t stop = std::min(records.size(), start + per_statement);
        const std::size_t rows = stop - start;
        const bool count_keys = counted && rows >= CountedKeys::kMinRows;
        if (sql_rows != rows) {
            sql_rows = rows;
            sql = writer.insert_sql(fields, rows, options.ignore_conflicts, returning);
            if (counted) plain_sql = writer.insert_sql(fields, rows, false, false);
        }
        params.clear();
        params.reserve(rows * fields.size());
        for (std::size_t i = start; i < stop; ++i)
            for (std::size_t f = 0; f < slots.size(); ++f)
                params.push_back(value_for_save(*fields[f], records[i]->value_at(slots[f])));
        if (!returning) {
            db.connection().execute(sql, params);
            continue;
        }
        if (count_keys) {
            if (const auto first = counted->insert(plain_sql, params, rows)) {
                for (std::size_t i = 0; i < rows; ++i)
                    store_key(*model.primary_key(), pk_slot, *records[start + i],
                              Value(*first + static_cast<std::int64_t>(i)));
                continue;
            }
        }
        insert_returning(db.connection(), model, sql, params, &records[start], rows, pk_slot);
    }
}

}  // namespace

// Django's bulk_create: records with a key are inserted with it, the others
// without their auto key, which the back end returns (not with
// ignore_conflicts, where skipped rows return none: Django leaves those
// keys unset). No validation, but auto_now fields are stamped.
void QuerySet::bulk_create(std::vector<Record>& records, BulkOptions options) const {
    if (records.empty()) return;
    std::vector<Record*> with_pk, without_pk;
    for (Record& record : records) {
        if (record.model().table != model().table)
            throw QueryError("bulk_create of '" + model().name + "' given a '" +
                             record.model().name + "' record");
        record.stamp_auto_now();
        (record.pk().is_null() ? without_pk : with_pk).push_back(&record);
    }
    std::vector<const Field*> all = model().concrete_fields();
    std::vector<const Field*> generated;
    for (const Field* field : all)
        if (!(field->primary_key && field->is_auto())) generated.push_back(field);
    const bool returning = db_.dialect().features().supports_insert_returning &&
                           !options.ignore_conflicts && generated.size() < all.size();
    AtomicScope scope(db_.connection());
    insert_batches(db_, model(), with_pk, all, options, false);
    for (Record* record : with_pk)
        record->mark_saved();
    insert_batches(db_, model(), without_pk, generated, options, returning);
    scope.commit();
}

namespace {

// UPDATE t SET f = CASE WHEN pk = ? THEN ? ... ELSE f END, ... WHERE pk IN (...).
// The ELSE names the column, so that every back end types the CASE as it
// (a back end that types bare parameters as text would refuse the CASE).
CompiledSql case_update(const Dialect& d, const ModelState& model,
                        const std::vector<const Field*>& fields, const Record* const* batch,
                        std::size_t size) {
    const std::string pk = d.quote_name(model.primary_key()->column());
    CompiledSql out;
    auto mark = [&](Value value) {
        out.params.push_back(std::move(value));
        return d.placeholder(static_cast<int>(out.params.size()));
    };
    out.sql = "UPDATE " + d.quote_name(model.table) + " SET ";
    for (std::size_t f = 0; f < fields.size(); ++f) {
        const std::string column = d.quote_name(fields[f]->column());
        out.sql += (f ? ", " : "") + column + " = CASE";
        for (std::size_t i = 0; i < size; ++i) {
            out.sql += " WHEN " + pk + " = " + mark(batch[i]->pk());
            out.sql += " THEN " + mark(value_for_save(*fields[f], batch[i]->get(fields[f]->name)));
        }
        out.sql += " ELSE " + column + " END";
    }
    out.sql += " WHERE " + pk + " IN (";
    for (std::size_t i = 0; i < size; ++i)
        out.sql += (i ? ", " : "") + mark(batch[i]->pk());
    out.sql += ")";
    return out;
}

std::vector<const Field*> updatable_fields(const ModelState& model,
                                           const std::vector<std::string>& names) {
    if (names.empty()) throw QueryError("Field names must be given to bulk_update().");
    std::vector<const Field*> fields;
    for (const std::string& name : names) {
        const Field* field = model.find_field_or_column(name);
        if (!field) throw QueryError("'" + model.name + "' has no field named '" + name + "'");
        if (!field->has_column())
            throw QueryError("bulk_update() can only be used with concrete fields.");
        if (field->primary_key)
            throw QueryError("bulk_update() cannot be used with primary key fields.");
        fields.push_back(field);
    }
    return fields;
}

}  // namespace

// Django's bulk_update: one UPDATE per batch; the rows matched.
std::int64_t QuerySet::bulk_update(const std::vector<Record>& records,
                                   const std::vector<std::string>& fields,
                                   std::size_t batch_size) const {
    const std::vector<const Field*> targets = updatable_fields(model(), fields);
    std::vector<const Record*> rows;
    for (const Record& record : records) {
        if (record.pk().is_null())
            throw QueryError("All bulk_update() objects must have a primary key set.");
        rows.push_back(&record);
    }
    if (rows.empty()) return 0;
    const std::size_t per_statement =
        rows_per_statement(db_.dialect(), 2 * targets.size() + 1, batch_size);
    std::int64_t updated = 0;
    AtomicScope scope(db_.connection());
    for (std::size_t start = 0; start < rows.size(); start += per_statement) {
        const std::size_t size = std::min(per_statement, rows.size() - start);
        const CompiledSql update = case_update(db_.dialect(), model(), targets, &rows[start], size);
        updated += db_.connection().execute(update.sql, update.params);
    }
    scope.commit();
    return updated;
}

}  // namespace covet
