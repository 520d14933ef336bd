// values(), values_list() and aggregate() rows: values by name, and their
// JSON object in the value encoding of SPEC.md §6.
#include <string>

#include "covet/error.h"
#include "covet/queryset.h"
#include "query/json_encoding.h"
#include "util/json_writer.h"

namespace covet {

const Value& NamedRow::operator[](const std::string& name) const {
    if (names)
        for (std::size_t i = 0; i < names->size() && i < values.size(); ++i)
            if ((*names)[i] == name) return values[i];
    std::string known;
    if (names)
        for (const std::string& each : *names)
            known += (known.empty() ? "" : ", ") + each;
    throw QueryError("no value named '" + name +
                     "' in this row; it has: " + (known.empty() ? "(none)" : known));
}

std::string NamedRow::to_json() const {
    std::string out = "{";
    for (std::size_t i = 0; names && i < names->size() && i < values.size(); ++i) {
        if (i > 0) out += ",";
        append_json_string(out, (*names)[i]);
        out += ':';
        append_json(out, values[i]);
    }
    return out + "}";
}

}  // namespace covet
