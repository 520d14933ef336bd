// F, literals, arithmetic and aggregates: immutable expression trees.
#include "covet/expression.h"

#include "covet/error.h"

namespace covet {

namespace {

using NodePtr = std::shared_ptr<const Expr::Node>;

Expr binary(const Expr& a, const Expr& b, Expr::Op op) {
    auto node = std::make_shared<Expr::Node>();
    node->kind = Expr::Kind::Binary;
    node->op = op;
    node->left = a.node_ptr();
    node->right = b.node_ptr();
    return Expr(NodePtr(std::move(node)));
}

Expr aggregate(Expr::Function function, const std::string& field, bool distinct) {
    auto node = std::make_shared<Expr::Node>();
    node->kind = Expr::Kind::Aggregate;
    node->function = function;
    node->field = field;
    node->distinct = distinct;
    if (field != "*") node->left = F(field).node_ptr();
    return Expr(NodePtr(std::move(node)));
}

bool contains_aggregate(const Expr::Node& node) {
    if (node.kind == Expr::Kind::Aggregate) return true;
    if (node.kind != Expr::Kind::Binary) return false;
    return contains_aggregate(*node.left) || contains_aggregate(*node.right);
}

const char* function_suffix(Expr::Function function) {
    switch (function) {
        case Expr::Function::Count:
            return "count";
        case Expr::Function::Sum:
            return "sum";
        case Expr::Function::Avg:
            return "avg";
        case Expr::Function::Max:
            return "max";
        case Expr::Function::Min:
            return "min";
    }
    return "";
}

}  // namespace

Expr::Expr(Value literal) {
    auto node = std::make_shared<Node>();
    node->kind = Kind::Literal;
    node->value = std::move(literal);
    node_ = std::move(node);
}

bool Expr::is_aggregate() const {
    return contains_aggregate(*node_);
}

std::string Expr::default_alias() const {
    const Node& node = *node_;
    if (node.kind != Kind::Aggregate || node.field == "*")
        throw QueryError("complex aggregates require an alias");
    return node.field + "__" + function_suffix(node.function);
}

Expr F(const std::string& field) {
    auto node = std::make_shared<Expr::Node>();
    node->kind = Expr::Kind::Field;
    node->field = field;
    return Expr(NodePtr(std::move(node)));
}

Expr operator+(const Expr& a, const Expr& b) {
    return binary(a, b, Expr::Op::Add);
}
Expr operator-(const Expr& a, const Expr& b) {
    return binary(a, b, Expr::Op::Sub);
}
Expr operator*(const Expr& a, const Expr& b) {
    return binary(a, b, Expr::Op::Mul);
}
Expr operator/(const Expr& a, const Expr& b) {
    return binary(a, b, Expr::Op::Div);
}

Expr Count(const std::string& field, bool distinct) {
    return aggregate(Expr::Function::Count, field, distinct);
}
Expr Sum(const std::string& field) {
    return aggregate(Expr::Function::Sum, field, false);
}
Expr Avg(const std::string& field) {
    return aggregate(Expr::Function::Avg, field, false);
}
Expr Max(const std::string& field) {
    return aggregate(Expr::Function::Max, field, false);
}
Expr Min(const std::string& field) {
    return aggregate(Expr::Function::Min, field, false);
}

}  // namespace covet
