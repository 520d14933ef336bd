// Filter conditions: Django's Q objects. A Q holds lookups such as
// {"author__name__icontains", "doe"} (all of them must hold), and combines
// with & | ~ into a tree. Values are bound as parameters when compiled.
#pragma once

#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "covet/expression.h"
#include "covet/value.h"

namespace covet {

class Record;

// The right-hand side of a lookup: a value, a list (in, range), an
// expression (F("other") + 1), or a record (compared by primary key).
class Operand {
  public:
    enum class Kind { Value, List, Expression };
    Operand(covet::Value value) : kind_(Kind::Value), value_(std::move(value)) {}
    Operand(int v) : Operand(covet::Value(v)) {}
    Operand(std::int64_t v) : Operand(covet::Value(v)) {}
    Operand(double v) : Operand(covet::Value(v)) {}
    Operand(bool v) : Operand(covet::Value(v)) {}
    Operand(const char* v) : Operand(covet::Value(v)) {}
    Operand(std::string v) : Operand(covet::Value(std::move(v))) {}
    Operand(std::nullptr_t) : Operand(covet::Value()) {}
    Operand(std::vector<covet::Value> list) : kind_(Kind::List), list_(std::move(list)) {}
    Operand(std::initializer_list<covet::Value> list) : kind_(Kind::List), list_(list) {}
    Operand(Expr expression) : kind_(Kind::Expression), expression_(std::move(expression)) {}
    // The record's primary key (`author=user`).
    Operand(const Record& record);

    Kind kind() const { return kind_; }
    const covet::Value& value() const { return value_; }
    const std::vector<covet::Value>& list() const { return list_; }
    const Expr& expression() const { return *expression_; }

  private:
    Kind kind_;
    covet::Value value_;
    std::vector<covet::Value> list_;
    std::optional<Expr> expression_;
};

// One lookup: the path as written ("author__name__icontains") and its operand.
struct Lookup {
    std::string path;
    Operand operand;
};

class Q {
  public:
    enum class Connector { And, Or };
    struct Node {
        Connector connector = Connector::And;
        bool negated = false;
        std::vector<Lookup> lookups;                        // leaves, joined by `connector`
        std::vector<std::shared_ptr<const Node>> children;  // subtrees, joined by `connector`
    };

    Q();  // matches everything
    Q(std::initializer_list<std::pair<std::string, Operand>> lookups);
    Q(std::vector<Lookup> lookups);
    explicit Q(std::shared_ptr<const Node> node) : node_(std::move(node)) {}

    const Node& node() const { return *node_; }
    const std::shared_ptr<const Node>& node_ptr() const { return node_; }
    bool empty() const;

    Q operator&(const Q& other) const;
    Q operator|(const Q& other) const;
    Q operator~() const;

  private:
    std::shared_ptr<const Node> node_;
};

}  // namespace covet
