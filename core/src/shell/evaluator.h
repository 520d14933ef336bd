// Evaluates the statements of one Session: literals, names (variables,
// models, built-ins), operators, subscripts, attributes and calls. Method
// calls go through method_call.h, built-ins through builtins.h; nothing here
// builds SQL. One Evaluator lives for one statement.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "shell/method_call.h"
#include "shell/session.h"
#include "shell/shell_value.h"
#include "shell/statement.h"
#include "syntax/ast.h"

namespace covet::shell {

// Deeper expression trees than this are refused, so that a long chain such
// as `a.b.c...` or `1+1+...` (which the parser reads without nesting) cannot
// exhaust the stack while it is evaluated.
inline constexpr int kMaxEvaluationDepth = 256;

class Evaluator {
  public:
    Evaluator(Session& session, std::map<std::string, ShellValue>& variables)
        : session_(session), variables_(variables) {}

    std::optional<ShellValue> run(const Statement& statement);
    // A call that returns nothing evaluates to None here.
    ShellValue evaluate(const syntax::Expr& expr);

  private:
    std::optional<ShellValue> evaluate_or_nothing(const syntax::Expr& expr);
    ShellValue evaluate_node(const syntax::Expr& expr);
    ShellValue name(const syntax::Name& name) const;
    ShellValue sequence(const std::vector<syntax::Expr>& items, bool tuple);
    ShellValue dict(const syntax::DictExpr& dict);
    ShellValue subscript(const syntax::Subscript& subscript);
    ShellValue slice_of(const ShellValue& object, const syntax::Slice& slice);
    ShellValue index_of(const ShellValue& object, const ShellValue& index);
    ShellValue unary(const syntax::UnaryOp& op);
    ShellValue binary(const syntax::BinaryOp& op);
    ShellValue attribute(const syntax::Attribute& attribute);
    void assign_attribute(const Statement& statement);
    std::optional<ShellValue> call(const syntax::Call& call);
    std::optional<ShellValue> method_call(const syntax::Attribute& callee,
                                          const syntax::Call& call);
    Arguments arguments(const syntax::Call& call);
    // The variable `expr` names, so that a method or an assignment changes
    // the record the variable holds; nullptr for any other expression.
    ShellValue* variable_named_by(const syntax::Expr& expr);

    Session& session_;
    std::map<std::string, ShellValue>& variables_;
    int depth_ = 0;
};

// The names a statement may use without assigning them: built-ins and the
// models (for "name 'x' is not defined (did you mean ...)").
std::vector<std::string> known_names(const Session& session);

}  // namespace covet::shell
