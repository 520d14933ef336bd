// An expression tree as an S-expression, written independently of the
// parser so that a test states the shape it expects: `(call (. u save))`.
#pragma once

#include <optional>
#include <sstream>
#include <string>
#include <variant>

#include "syntax/ast.h"

namespace covet::syntax {

inline std::string render(const Expr& expr);

inline std::string render_optional(const std::optional<Box<Expr>>& part) {
    return part ? render(**part) : "_";
}

// The tree as an S-expression, written here independently of the parser so
// that a test states the shape it expects.
struct Renderer {
    std::ostringstream out;
    void operator()(const IntegerLiteral& n) { out << n.value; }
    void operator()(const FloatLiteral& n) { out << "float(" << n.value << ")"; }
    void operator()(const StringLiteral& n) { out << "'" << n.value << "'"; }
    void operator()(const BoolLiteral& n) { out << (n.value ? "True" : "False"); }
    void operator()(const NoneLiteral&) { out << "None"; }
    void operator()(const Name& n) { out << n.id; }
    void operator()(const ListExpr& n) { items("list", n.items); }
    void operator()(const TupleExpr& n) { items("tuple", n.items); }
    void operator()(const DictExpr& n) {
        out << "(dict";
        for (const auto& entry : n.entries)
            out << " " << render(*entry.key) << ":" << render(*entry.value);
        out << ")";
    }
    void operator()(const Attribute& n) {
        out << "(. " << render(*n.object) << " " << n.name << ")";
    }
    void operator()(const Call& n) {
        out << "(call " << render(*n.callee);
        for (const auto& argument : n.positional)
            out << " " << render(argument);
        for (const auto& keyword : n.keywords)
            out << " " << keyword.name << "=" << render(*keyword.value);
        out << ")";
    }
    void operator()(const Subscript& n) {
        out << "([] " << render(*n.object) << " " << render(*n.index) << ")";
    }
    void operator()(const Slice& n) {
        out << "(slice " << render_optional(n.lower) << " " << render_optional(n.upper) << " "
            << render_optional(n.step) << ")";
    }
    void operator()(const UnaryOp& n) {
        out << "(" << operator_symbol(n.op) << " " << render(*n.operand) << ")";
    }
    void operator()(const BinaryOp& n) {
        out << "(" << operator_symbol(n.op) << " " << render(*n.left) << " " << render(*n.right)
            << ")";
    }
    void items(const char* kind, const std::vector<Expr>& items) {
        out << "(" << kind;
        for (const auto& item : items)
            out << " " << render(item);
        out << ")";
    }
};

inline std::string render(const Expr& expr) {
    Renderer renderer;
    std::visit(renderer, expr.node);
    return renderer.out.str();
}

}  // namespace covet::syntax
