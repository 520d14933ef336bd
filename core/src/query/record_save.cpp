// A Record's writes and reads of its own row: full_clean, save (insert or
// update by primary key, auto_now stamps), refresh_from_db.
#include <chrono>

#include "covet/error.h"
#include "query/deletion_collector.h"
#include "query/field_value.h"
#include "query/record_support.h"
#include "query/row_writer.h"

namespace covet {

namespace {

DateTime utc_now() {
    const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(
                            std::chrono::system_clock::now().time_since_epoch())
                            .count();
    return DateTime::from_micros_since_epoch(micros);
}

std::string messages_text(
    const ModelState& model,
    const std::vector<std::pair<std::string, std::vector<std::string>>>& fields) {
    std::string text = "invalid " + model.name + ":";
    for (const auto& [name, messages] : fields) {
        text += " " + name + ":";
        for (const auto& message : messages)
            text += " " + message;
    }
    return text;
}

}  // namespace

void Record::full_clean() const {
    std::vector<std::pair<std::string, std::vector<std::string>>> failing;
    std::size_t index = 0;
    for (const Field& field : model_->fields) {
        if (!field.has_column()) continue;
        const std::size_t i = index++;
        if (field.primary_key && field.is_auto()) continue;
        if (!loaded_.empty() && !loaded_[i]) continue;  // not read, so not changed
        std::vector<std::string> messages = field.validate(values_[i]);
        if (!messages.empty()) failing.emplace_back(field.name, std::move(messages));
    }
    if (!failing.empty()) throw ValidationError(messages_text(*model_, failing), failing);
}

// Django's DateField/DateTimeField.pre_save: auto_now on every save,
// auto_now_add on the insert, in UTC to the microsecond.
void Record::stamp_auto_now() {
    const DateTime now = utc_now();
    std::size_t index = 0;
    for (const Field& field : model_->fields) {
        if (!field.has_column()) continue;
        const std::size_t i = index++;
        if (!(field.auto_now || (field.auto_now_add && adding_))) continue;
        if (field.type == FieldType::DateField)
            values_[i] = Value(now.date());
        else if (field.type == FieldType::TimeField)
            values_[i] = Value(now.time());
        else
            values_[i] = Value(now);
        if (!loaded_.empty()) loaded_[i] = true;
    }
}

void Record::insert() {
    const Field* pk_field = model_->primary_key();
    const bool generated = pk_field && pk_field->is_auto() && pk().is_null();
    std::vector<const Field*> fields;
    Row row;
    std::size_t index = 0;
    for (const Field& field : model_->fields) {
        if (!field.has_column()) continue;
        const std::size_t i = index++;
        if (generated && &field == pk_field) continue;
        fields.push_back(&field);
        row.push_back(values_[i]);
    }
    const RowWriter writer(db_.dialect(), *model_);
    const CompiledSql insert = writer.insert(fields, {row}, false, generated);
    if (!generated) {
        db_.connection().execute(insert.sql, insert.params);
        return;
    }
    ResultSet result = db_.connection().query(insert.sql, insert.params);
    if (result.rows.empty() || result.rows.front().empty())
        throw DatabaseError("the insert into '" + model_->table + "' returned no primary key");
    values_[*find_index("pk")] = value_from_db(*pk_field, std::move(result.rows.front().front()));
}

// UPDATE of every loaded field but the key; false when no row has the key.
bool Record::update() {
    std::vector<const Field*> fields;
    Row row;
    std::size_t index = 0;
    for (const Field& field : model_->fields) {
        if (!field.has_column()) continue;
        const std::size_t i = index++;
        if (field.primary_key || (!loaded_.empty() && !loaded_[i])) continue;
        fields.push_back(&field);
        row.push_back(values_[i]);
    }
    const RowWriter writer(db_.dialect(), *model_);
    if (!fields.empty()) {  // every back end counts the rows matched
        const CompiledSql update = writer.update_by_pk(fields, row, pk());
        return db_.connection().execute(update.sql, update.params) > 0;
    }
    // No field to write: whether the row is there decides.
    const CompiledSql exists = writer.select_by_pk({model_->primary_key()}, pk());
    return !db_.connection().query(exists.sql, exists.params).rows.empty();
}

// Django's Model.save: an unsaved record without a key is inserted; one
// with a key is updated, and inserted when no row has that key.
void Record::save(bool force_insert) {
    full_clean();
    save_unvalidated(force_insert);
}

void Record::save_unvalidated(bool force_insert) {
    stamp_auto_now();
    if (force_insert || (adding_ && pk().is_null()))
        insert();
    else if (!update())
        insert();
    adding_ = false;
}

void Record::refresh_from_db() {
    if (pk().is_null()) throw_does_not_exist(*model_);
    std::optional<Record> fresh = load_record(db_, models_, *model_, pk());
    if (!fresh) throw_does_not_exist(*model_);
    values_ = std::move(fresh->values_);
    loaded_.clear();
    caches_.reset();
    adding_ = false;
}

// Django's Model.delete: through the collector; the record keeps its
// fields but no longer its key.
DeleteResult Record::delete_() {
    if (pk().is_null())
        throw QueryError(model_->name + " object can't be deleted because its " +
                         model_->primary_key()->column() + " attribute is set to None.");
    DeletionCollector collector(db_, models_);
    collector.collect(*model_, {pk()});
    DeleteResult result = collector.delete_();
    values_[*find_index("pk")] = Value();
    return result;
}

}  // namespace covet
