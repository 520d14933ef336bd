#include "syntax/ast.h"

namespace covet::syntax {

std::optional<std::string> dotted_name(const Expr& expr) {
    if (const auto* name = expr.as<Name>()) return name->id;
    if (const auto* attribute = expr.as<Attribute>()) {
        std::optional<std::string> object = dotted_name(*attribute->object);
        if (object) return *object + "." + attribute->name;
    }
    return std::nullopt;
}

std::string dict_key_text(const Expr& key) {
    if (const auto* name = key.as<Name>()) return name->id;
    if (const auto* text = key.as<StringLiteral>()) return text->value;
    return {};  // the parser admits no other key
}

const char* operator_symbol(BinaryOperator op) {
    switch (op) {
        case BinaryOperator::Or:
            return "|";
        case BinaryOperator::And:
            return "&";
        case BinaryOperator::Add:
            return "+";
        case BinaryOperator::Subtract:
            return "-";
        case BinaryOperator::Multiply:
            return "*";
        case BinaryOperator::Divide:
            return "/";
    }
    return "?";
}

const char* operator_symbol(UnaryOperator op) {
    switch (op) {
        case UnaryOperator::Negate:
            return "-";
        case UnaryOperator::Plus:
            return "+";
        case UnaryOperator::Invert:
            return "~";
    }
    return "?";
}

}  // namespace covet::syntax
