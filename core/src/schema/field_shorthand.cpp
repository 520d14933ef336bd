// The field shorthand `CharField(max_length=10)`: read by the syntax leaf as a
// call of literals, then turned into a FieldSpec here, where fields are known.
#include <string>
#include <vector>

#include "covet/error.h"
#include "covet/field.h"
#include "syntax/parser.h"

namespace covet {

namespace {

// A field definition is a line or two; a megabyte is a mistake, not a field.
constexpr std::size_t kMaxTextBytes = std::size_t{1} << 20;

// The syntax leaf counts columns per line; a FieldError's column counts
// from the start of the whole definition, which may span lines.
class FlatColumns {
  public:
    explicit FlatColumns(const std::string& text) {
        int characters = 0;
        line_starts_.push_back(0);
        for (unsigned char c : text) {
            if ((c & 0xC0) != 0x80) ++characters;  // a UTF-8 code point starts here
            if (c == '\n') line_starts_.push_back(characters);
        }
    }
    int operator()(int line, int column) const {
        const auto index = static_cast<std::size_t>(line > 0 ? line - 1 : 0);
        return (index < line_starts_.size() ? line_starts_[index] : 0) + column;
    }
    int operator()(const syntax::Position& at) const { return (*this)(at.line, at.column); }

  private:
    std::vector<int> line_starts_;  // code points before each line
};

FieldArg field_arg(const syntax::Expr& expr, const FlatColumns& flat);

FieldArg items_arg(const std::vector<syntax::Expr>& items, const FlatColumns& flat) {
    FieldArg arg;
    arg.is_list = true;
    for (const syntax::Expr& item : items)
        arg.items.push_back(field_arg(item, flat));
    return arg;
}

FieldArg dict_arg(const syntax::DictExpr& dict, const FlatColumns& flat) {
    FieldArg arg;
    arg.is_dict = true;
    for (const syntax::DictEntry& entry : dict.entries) {
        arg.dict_keys.push_back(syntax::dict_key_text(*entry.key));
        arg.items.push_back(field_arg(*entry.value, flat));
    }
    return arg;
}

// Literals become values, (dotted) names bare words such as CASCADE, lists
// and tuples lists. Grammar::Literals reads nothing else.
FieldArg field_arg(const syntax::Expr& expr, const FlatColumns& flat) {
    FieldArg arg;
    if (const auto* integer = expr.as<syntax::IntegerLiteral>()) {
        arg.value = integer->value;
    } else if (const auto* number = expr.as<syntax::FloatLiteral>()) {
        arg.value = number->value;
    } else if (const auto* text = expr.as<syntax::StringLiteral>()) {
        arg.value = text->value;
    } else if (const auto* flag = expr.as<syntax::BoolLiteral>()) {
        arg.value = flag->value;
    } else if (const auto* list = expr.as<syntax::ListExpr>()) {
        arg = items_arg(list->items, flat);
    } else if (const auto* tuple = expr.as<syntax::TupleExpr>()) {
        arg = items_arg(tuple->items, flat);
    } else if (const auto* dict = expr.as<syntax::DictExpr>()) {
        arg = dict_arg(*dict, flat);
    } else if (std::optional<std::string> name = syntax::dotted_name(expr)) {
        arg.value = std::move(*name);
        arg.is_bare_word = true;
    } else if (!expr.as<syntax::NoneLiteral>()) {
        throw FieldError("expected a literal value", flat(expr.position));
    }
    arg.column = flat(expr.position);
    return arg;
}

FieldSpec field_spec(const syntax::Call& call, const FlatColumns& flat) {
    FieldSpec spec;
    spec.type_name = syntax::dotted_name(*call.callee).value_or("");
    spec.type_column = flat(call.callee->position);
    for (const syntax::Expr& argument : call.positional)
        spec.positional.push_back(field_arg(argument, flat));
    for (const syntax::KeywordArgument& keyword : call.keywords) {
        FieldArg value = field_arg(*keyword.value, flat);
        // An error about an option points at the option's name.
        value.column = flat(keyword.position);
        spec.keywords.emplace_back(keyword.name, std::move(value));
    }
    return spec;
}

}  // namespace

FieldSpec parse_field_shorthand(const std::string& text) {
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
        throw FieldError("empty field definition", 1);
    }
    if (text.size() > kMaxTextBytes) {
        throw FieldError(
            "the definition is longer than " + std::to_string(kMaxTextBytes >> 10) + " KiB", 1);
    }
    const FlatColumns flat(text);
    try {
        return field_spec(syntax::parse_literal_call(text), flat);
    } catch (const SyntaxError& e) {
        // FieldError keeps the column only: the loader places it on the definition's
        // line, and at the value itself for a definition written over several lines.
        throw FieldError(e.what(), flat(e.line(), e.column()));
    }
}

Field field(const std::string& name, const std::string& shorthand) {
    return make_field(name, parse_field_shorthand(shorthand));
}

}  // namespace covet
