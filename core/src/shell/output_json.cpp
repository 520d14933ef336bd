// --format json: one document per statement on one line (SPEC.md §6).
// Records use Record::to_json and values() rows NamedRow::to_json, so the
// shell and the C++ API write the same objects. A queryset streams: each
// row is written as it is read from the cursor.
#include <sstream>
#include <string>

#include "query/json_encoding.h"
#include "query/query.h"
#include "shell/output_formats.h"
#include "shell/output_repr.h"
#include "shell/output_rows.h"
#include "util/json_writer.h"

namespace covet::shell {

namespace {

std::string json_text(const Value& value) {
    return json_of(value).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string json_array(const Row& values) {
    std::string out = "[";
    for (std::size_t i = 0; i < values.size(); ++i)
        out += (i ? "," : "") + json_text(values[i]);
    return out + "]";
}

// A values() / values_list() row in its queryset's shape.
std::string row_json(Query::Shape shape, const NamedRow& row) {
    switch (shape) {
        case Query::Shape::Values:
            return row.to_json();
        case Query::Shape::FlatList:
            return row.values.empty() ? "null" : json_text(row.values[0]);
        default:
            return json_array(row.values);
    }
}

// Writes the rows of `set` as they come; stops when the stream fails
// (a closed pipe). A failure of the database mid-way ends the line
// before the error goes up, so the error is printed on a line of its own.
void stream_queryset(const QuerySet& set, std::ostream& out) {
    const Query::Shape shape = set.query().shape;
    if (!streams(set)) {
        std::string line = "[";
        for (const Record& record : set)
            line += (line.size() > 1 ? "," : "") + record.to_json();
        out << line << "]\n";
        return;
    }
    RecordStream stream = set.iterator();
    std::size_t written = 0;
    out << "[";
    try {
        if (shape == Query::Shape::Records) {
            Record record(set.database(), set.models(), set.model());
            while (out.good() && stream.next(record)) {
                out << (written ? "," : "") << record.to_json();
                if (++written == 1) out.flush();
            }
        } else {
            NamedRow row;
            while (out.good() && stream.next(row)) {
                out << (written ? "," : "") << row_json(shape, row);
                if (++written == 1) out.flush();
            }
        }
    } catch (...) {
        out << "\n";
        throw;
    }
    out << "]\n";
}

std::string raw_json(const RawRows& raw) {
    std::string out = "[";
    for (std::size_t r = 0; r < raw.rows.size(); ++r) {
        out += r ? ",{" : "{";
        for (std::size_t c = 0; c < raw.columns.size() && c < raw.rows[r].size(); ++c)
            out += (c ? "," : "") + json_quote(raw.columns[c]) + ":" + json_text(raw.rows[r][c]);
        out += "}";
    }
    return out + "]";
}

std::string model_json(const ModelState& model) {
    JsonWriter writer;
    writer.begin_object().key("model").string(model.name).key("table").string(model.table);
    writer.key("fields").begin_array();
    for (const Field& field : model.fields)
        writer.string(field.name);
    writer.end_array().end_object();
    return writer.str();
}

std::string document(const ShellValue& value);

std::string list_json(const ListValue& list) {
    std::string out = "[";
    for (std::size_t i = 0; i < list.items.size(); ++i)
        out += (i ? "," : "") + document(list.items[i]);
    return out + "]";
}

// in_bulk(): an object keyed by each key's text (its cell text: 7, "ab12...").
std::string dict_json(const DictValue& dict) {
    std::string out = "{";
    for (std::size_t i = 0; i < dict.entries.size(); ++i) {
        const auto& [key, value] = dict.entries[i];
        out += (i ? "," : "") + json_quote(plain_text(key)) + ":" + document(value);
    }
    return out + "}";
}

// Any value but a queryset, as one JSON text.
std::string document(const ShellValue& value) {
    if (const Value* v = value.as<Value>()) return json_text(*v);
    if (const Record* record = value.as<Record>()) return record->to_json();
    if (const NamedRow* row = value.as<NamedRow>()) return row->to_json();
    if (const ListValue* list = value.as<ListValue>()) return list_json(*list);
    if (const DictValue* dict = value.as<DictValue>()) return dict_json(*dict);
    if (const RawRows* raw = value.as<RawRows>()) return raw_json(*raw);
    if (const DeletedValue* deleted = value.as<DeletedValue>())
        return "{\"deleted\":" + std::to_string(deleted->result.total) + "}";
    if (const ModelRef* model = value.as<ModelRef>()) return model_json(*model->model);
    if (const QuerySet* set = as_queryset(value)) {  // inside a list
        std::ostringstream text;
        stream_queryset(*set, text);
        std::string out = text.str();
        out.pop_back();  // the newline
        return out;
    }
    return json_quote(plain_text(value));  // Q, F(), aggregates, built-ins
}

}  // namespace

void print_json(const ShellValue& value, std::ostream& out) {
    if (const QuerySet* set = as_queryset(value)) return stream_queryset(*set, out);
    if (const RelatedValue* related = value.as<RelatedValue>())
        return stream_queryset(related->manager.all(), out);
    out << document(value) << "\n";
}

}  // namespace covet::shell
