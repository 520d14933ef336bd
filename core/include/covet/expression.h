// Value expressions of the ORM: F("field") references, literals, arithmetic
// on them, and the aggregates Count, Sum, Avg, Max and Min (Django's F,
// Value, CombinedExpression and Aggregate). Plain immutable trees: the query
// compiler resolves the field names against a model when the query runs.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "covet/value.h"

namespace covet {

class Expr {
  public:
    enum class Kind { Field, Literal, Binary, Aggregate };
    enum class Op { Add, Sub, Mul, Div };
    enum class Function { Count, Sum, Avg, Max, Min };

    struct Node {
        Kind kind = Kind::Literal;
        std::string field;  // Field: a lookup path (author__name); Aggregate: its field ("*" for
                            // Count('*'))
        Value value;        // Literal
        Op op = Op::Add;    // Binary
        Function function = Function::Count;  // Aggregate
        bool distinct = false;                // Aggregate (Count(distinct=True))
        std::shared_ptr<const Node> left,
            right;  // Binary operands; Aggregate: left is its argument
    };

    Expr(Value literal);  // implicit: F("x") + 1
    Expr(int literal) : Expr(Value(literal)) {}
    Expr(std::int64_t literal) : Expr(Value(literal)) {}
    Expr(double literal) : Expr(Value(literal)) {}
    Expr(const char* literal) : Expr(Value(literal)) {}
    Expr(std::string literal) : Expr(Value(std::move(literal))) {}
    explicit Expr(std::shared_ptr<const Node> node) : node_(std::move(node)) {}

    const Node& node() const { return *node_; }
    const std::shared_ptr<const Node>& node_ptr() const { return node_; }
    bool is_aggregate() const;  // an aggregate anywhere in the tree
    // Django's default alias of an aggregate over one field: `age__avg`;
    // throws QueryError for anything else (an alias must then be given).
    std::string default_alias() const;

  private:
    std::shared_ptr<const Node> node_;
};

// A reference to a field of the model being queried (across relations with __).
Expr F(const std::string& field);

Expr operator+(const Expr& a, const Expr& b);
Expr operator-(const Expr& a, const Expr& b);
Expr operator*(const Expr& a, const Expr& b);
Expr operator/(const Expr& a, const Expr& b);

Expr Count(const std::string& field, bool distinct = false);
Expr Sum(const std::string& field);
Expr Avg(const std::string& field);
Expr Max(const std::string& field);
Expr Min(const std::string& field);

// An expression and the name its result has (annotate, aggregate); an empty
// alias asks for the default alias.
struct Aliased {
    Aliased(Expr e) : expr(std::move(e)) {}
    Aliased(std::string a, Expr e) : alias(std::move(a)), expr(std::move(e)) {}
    std::string alias;
    Expr expr;
};

}  // namespace covet
