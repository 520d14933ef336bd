// Reading one record by primary key, for the record's own reads (refresh,
// deferred fields, foreign keys) that need no QuerySet.
#include "covet/error.h"
#include "query/field_value.h"
#include "query/key_field.h"
#include "query/record_support.h"
#include "query/row_writer.h"

namespace covet {

Row values_from_db(const std::vector<const Field*>& fields, Row raw) {
    for (std::size_t i = 0; i < fields.size() && i < raw.size(); ++i)
        if (!raw[i].is_null()) raw[i] = value_from_db(*fields[i], std::move(raw[i]));
    return raw;
}

std::string model_label(const ModelState& model) {
    return model.app + "." + model.name;
}

std::optional<Record> load_record(const Database& db, const Models& models, const ModelState& model,
                                  const Value& pk) {
    const std::vector<const Field*> fields = model.concrete_fields();
    const CompiledSql select = RowWriter(db.dialect(), model).select_by_pk(fields, pk);
    ResultSet result = db.connection().query(select.sql, select.params);
    if (result.rows.empty()) return std::nullopt;
    std::vector<const Field*> kinds;  // a ForeignKey's values in its target key's kind
    for (const Field* field : fields)
        kinds.push_back(&key_kind_field(models.state(), model, *field));
    return Record(db, models, model, values_from_db(kinds, std::move(result.rows.front())));
}

void throw_does_not_exist(const ModelState& model) {
    throw DoesNotExist(model.name, model.name + " matching query does not exist.");
}

}  // namespace covet
