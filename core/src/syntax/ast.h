// The expressions of the Python-like subset, as the parser reads them and
// before anyone gives them a meaning: the field shorthand turns them into
// field arguments, the shell evaluates them into querysets. Nodes are values
// (copies are deep), one struct per kind, held in Expr's variant.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "syntax/position.h"

namespace covet::syntax {

// An owning pointer that copies what it points to, so that a recursive node
// (an attribute's object, an operator's operands) stays a plain value. Never
// empty, except after being moved from.
template <typename T>
class Box {
  public:
    Box(T value) : ptr_(std::make_unique<T>(std::move(value))) {}
    Box(const Box& other) : ptr_(std::make_unique<T>(*other)) {}
    Box(Box&&) noexcept = default;
    Box& operator=(const Box& other) {
        if (this != &other) ptr_ = std::make_unique<T>(*other);
        return *this;
    }
    Box& operator=(Box&&) noexcept = default;
    ~Box() = default;

    T& operator*() { return *ptr_; }
    const T& operator*() const { return *ptr_; }
    T* operator->() { return ptr_.get(); }
    const T* operator->() const { return ptr_.get(); }

  private:
    std::unique_ptr<T> ptr_;
};

struct Expr;

struct IntegerLiteral {
    std::int64_t value = 0;
};
struct FloatLiteral {
    double value = 0;
};
struct StringLiteral {
    std::string value;  // decoded: escapes already applied
};
struct BoolLiteral {
    bool value = false;
};
struct NoneLiteral {};

// A bare word: a variable, a model, a function, or (in the field shorthand) a constant.
struct Name {
    std::string id;
};

struct ListExpr {
    std::vector<Expr> items;
};
// `(a, b)`, `(a,)` and `()`; `(a)` is `a` itself, as in Python.
struct TupleExpr {
    std::vector<Expr> items;
};

// A key is a Name or a StringLiteral: `{max_length: 3}` and `{'max_length': 3}`
// both name the key "max_length" (keys are never evaluated).
struct DictEntry {
    Box<Expr> key;
    Box<Expr> value;
};
struct DictExpr {
    std::vector<DictEntry> entries;  // in written order, keys distinct
};

// `object.name`
struct Attribute {
    Box<Expr> object;
    std::string name;
};

struct KeywordArgument {
    std::string name;
    Position position;  // of the keyword, so that an error about it points at its name
    Box<Expr> value;
};
// `callee(positional..., name=value...)`: positional arguments come first.
struct Call {
    Box<Expr> callee;
    std::vector<Expr> positional;
    std::vector<KeywordArgument> keywords;  // in written order, names distinct
};

// `object[index]`; the index may be a Slice.
struct Subscript {
    Box<Expr> object;
    Box<Expr> index;
};
// `lower:upper:step`, each part optional, only ever as a Subscript's index.
struct Slice {
    std::optional<Box<Expr>> lower;
    std::optional<Box<Expr>> upper;
    std::optional<Box<Expr>> step;
};

enum class UnaryOperator { Negate, Plus, Invert };  // - + ~
struct UnaryOp {
    UnaryOperator op;
    Box<Expr> operand;
};

// From the loosest binding to the tightest: | then & then + - then * /.
enum class BinaryOperator { Or, And, Add, Subtract, Multiply, Divide };
struct BinaryOp {
    BinaryOperator op;
    Position operator_position;
    Box<Expr> left;
    Box<Expr> right;
};

using ExprNode = std::variant<IntegerLiteral, FloatLiteral, StringLiteral, BoolLiteral, NoneLiteral,
                              Name, ListExpr, TupleExpr, DictExpr, Attribute, Call, Subscript,
                              Slice, UnaryOp, BinaryOp>;

struct Expr {
    ExprNode node;
    Position position;  // of the expression's first character, an opening bracket included

    template <typename T>
    const T* as() const {
        return std::get_if<T>(&node);
    }
};

// "models.CASCADE" for a Name or a chain of attributes on a Name; nullopt otherwise.
std::optional<std::string> dotted_name(const Expr& expr);

// The key a DictEntry's key expression names (see DictExpr).
std::string dict_key_text(const Expr& key);

// "|", "&", "+", "-", "*", "/" and "-", "+", "~".
const char* operator_symbol(BinaryOperator op);
const char* operator_symbol(UnaryOperator op);

}  // namespace covet::syntax
