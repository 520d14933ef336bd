// The evaluator's core: statements, literals, names and subscripts.
// Operators, attributes and calls are in evaluator_*.cpp.
#include "shell/evaluator.h"

#include <algorithm>
#include <limits>

#include "covet/error.h"
#include "shell/builtins.h"
#include "shell/near_miss.h"

namespace covet::shell {

namespace {

// Keeps the evaluation depth, as the parser's Nested keeps its own.
class Deeper {
  public:
    explicit Deeper(int& depth) : depth_(depth) {
        if (++depth_ > kMaxEvaluationDepth) {
            --depth_;
            throw QueryError("expression nested deeper than " +
                             std::to_string(kMaxEvaluationDepth) + " levels");
        }
    }
    ~Deeper() { --depth_; }
    Deeper(const Deeper&) = delete;
    Deeper& operator=(const Deeper&) = delete;

  private:
    int& depth_;
};

const ModelState* model_named(const Session& session, const std::string& name) {
    for (const ModelState* model : session.models().all())
        if (!model->auto_created && model->name == name) return model;
    return nullptr;
}

}  // namespace

std::vector<std::string> known_names(const Session& session) {
    std::vector<std::string> names = builtin_names();
    for (const ModelState* model : session.models().all())
        if (!model->auto_created) names.push_back(model->name);
    for (const auto& [name, value] : session.variables())
        names.push_back(name);
    return names;
}

std::optional<ShellValue> Evaluator::run(const Statement& statement) {
    switch (statement.kind) {
        case Statement::Kind::Expression:
            return evaluate_or_nothing(statement.value);
        case Statement::Kind::Assign: {
            ShellValue value = evaluate(statement.value);
            variables_[statement.name] = std::move(value);
            return std::nullopt;
        }
        case Statement::Kind::AttributeAssign:
            assign_attribute(statement);
            return std::nullopt;
    }
    return std::nullopt;
}

std::optional<ShellValue> Evaluator::evaluate_or_nothing(const syntax::Expr& expr) {
    if (const auto* c = expr.as<syntax::Call>()) {
        Deeper deeper(depth_);
        return call(*c);
    }
    return evaluate(expr);
}

ShellValue Evaluator::evaluate(const syntax::Expr& expr) {
    Deeper deeper(depth_);
    if (const auto* c = expr.as<syntax::Call>()) {
        std::optional<ShellValue> value = call(*c);
        return value ? std::move(*value) : ShellValue(Value());
    }
    return evaluate_node(expr);
}

ShellValue Evaluator::evaluate_node(const syntax::Expr& expr) {
    using namespace syntax;
    if (const auto* n = expr.as<IntegerLiteral>()) return Value(n->value);
    if (const auto* n = expr.as<FloatLiteral>()) return Value(n->value);
    if (const auto* n = expr.as<StringLiteral>()) return Value(n->value);
    if (const auto* n = expr.as<BoolLiteral>()) return Value(n->value);
    if (expr.as<NoneLiteral>() != nullptr) return Value();
    if (const auto* n = expr.as<Name>()) return name(*n);
    if (const auto* n = expr.as<ListExpr>()) return sequence(n->items, false);
    if (const auto* n = expr.as<TupleExpr>()) return sequence(n->items, true);
    if (const auto* n = expr.as<DictExpr>()) return dict(*n);
    if (const auto* n = expr.as<Attribute>()) return attribute(*n);
    if (const auto* n = expr.as<Subscript>()) return subscript(*n);
    if (const auto* n = expr.as<UnaryOp>()) return unary(*n);
    if (const auto* n = expr.as<BinaryOp>()) return binary(*n);
    throw QueryError("a slice such as a:b is only allowed inside [ ]");
}

ShellValue Evaluator::name(const syntax::Name& name) const {
    const auto variable = variables_.find(name.id);
    if (variable != variables_.end()) return variable->second;
    if (const ModelState* model = model_named(session_, name.id)) return ModelRef{model};
    if (is_builtin(name.id)) return BuiltinRef{name.id};
    throw QueryError("name '" + name.id + "' is not defined" +
                     near_miss_hint(name.id, known_names(session_)));
}

ShellValue Evaluator::sequence(const std::vector<syntax::Expr>& items, bool tuple) {
    ListValue list;
    list.tuple = tuple;
    list.items.reserve(items.size());
    for (const syntax::Expr& item : items)
        list.items.push_back(evaluate(item));
    return list;
}

ShellValue Evaluator::dict(const syntax::DictExpr& dict) {
    DictValue value;
    for (const syntax::DictEntry& entry : dict.entries)
        value.entries.emplace_back(Value(syntax::dict_key_text(*entry.key)),
                                   evaluate(*entry.value));
    return value;
}

ShellValue* Evaluator::variable_named_by(const syntax::Expr& expr) {
    const auto* name = expr.as<syntax::Name>();
    if (name == nullptr) return nullptr;
    const auto variable = variables_.find(name->id);
    return variable == variables_.end() ? nullptr : &variable->second;
}

}  // namespace covet::shell
