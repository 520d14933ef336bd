#include "covet/error.h"
#include "covet/field.h"
#include "shell/call_parser.h"

namespace covet {

FieldSpec parse_field_shorthand(const std::string& text) {
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
        throw FieldError("empty field definition", 1);
    }
    CallExpression call = parse_call_expression(text);
    FieldSpec spec;
    spec.type_name = std::move(call.callee);
    spec.type_column = call.callee_column;
    spec.positional = std::move(call.positional);
    spec.keywords = std::move(call.keywords);
    return spec;
}

Field field(const std::string& name, const std::string& shorthand) {
    return make_field(name, parse_field_shorthand(shorthand));
}

}  // namespace covet
