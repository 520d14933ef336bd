// A Record as the JSON object of SPEC.md §6 and back: fields in field order
// keyed by column attribute name (author_id), then annotations.
#include <nlohmann/json.hpp>

#include "covet/error.h"
#include "covet/record.h"
#include "query/json_encoding.h"

namespace covet {

std::string Record::to_json() const {
    std::string out = "{";
    std::size_t index = 0;
    for (const Field& field : model_->fields) {
        if (!field.has_column()) continue;
        const std::size_t i = index++;
        if (!loaded_.empty() && !loaded_[i]) load_deferred(i);
        if (i > 0) out += ',';
        append_json_string(out, field.column());
        out += ':';
        append_json(out, values_[i]);
    }
    for (const auto& [alias, value] : annotations_) {
        if (out.size() > 1) out += ',';
        append_json_string(out, alias);
        out += ':';
        append_json(out, value);
    }
    return out + "}";
}

Record Record::from_json(Database db, Models models, const ModelState& model,
                         const std::string& json) {
    nlohmann::json object;
    try {
        object = nlohmann::json::parse(json);
    } catch (const nlohmann::json::exception& e) {
        throw ValueError("a '" + model.name + "' record is no JSON text: " + e.what());
    }
    if (!object.is_object())
        throw ValueError("a '" + model.name + "' record must be a JSON object");
    Record record(std::move(db), std::move(models), model);
    for (const auto& [key, value] : object.items()) {
        const Field* field = model.find_field_or_column(key);
        if (!field || !field->has_column())
            record.index_of(key);  // throws QueryError naming the fields
        const std::size_t index = record.index_of(key);
        record.values_[index] = value_of_json(*field, value);
    }
    return record;
}

}  // namespace covet
