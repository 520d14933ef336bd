// Operators: & | ~ combine Q objects; + - * / build F() expressions when
// either side is one, and otherwise compute on numbers (as Python: `/` is
// true division) or join strings (`+`).
#include <cmath>
#include <limits>

#include "covet/error.h"
#include "shell/evaluator.h"

namespace covet::shell {

namespace {

using syntax::BinaryOperator;

bool is_number(const Value* v) {
    return v != nullptr && (v->kind() == Value::Kind::Int || v->kind() == Value::Kind::Float);
}

[[noreturn]] void unsupported(const char* symbol, const ShellValue& left, const ShellValue& right) {
    throw QueryError(std::string("unsupported operand types for ") + symbol + ": " +
                     describe(left) + " and " + describe(right));
}

Value integer_result(BinaryOperator op, std::int64_t a, std::int64_t b) {
    std::int64_t result = 0;
    bool overflow = false;
    switch (op) {
        case BinaryOperator::Add:
            overflow = __builtin_add_overflow(a, b, &result);
            break;
        case BinaryOperator::Subtract:
            overflow = __builtin_sub_overflow(a, b, &result);
            break;
        default:
            overflow = __builtin_mul_overflow(a, b, &result);
            break;
    }
    if (overflow) throw QueryError("integer overflow");
    return Value(result);
}

Value number_result(BinaryOperator op, const Value& left, const Value& right) {
    const bool integers = left.kind() == Value::Kind::Int && right.kind() == Value::Kind::Int;
    if (op == BinaryOperator::Divide) {
        if (right.as_double() == 0) throw QueryError("division by zero");
        return Value(left.as_double() / right.as_double());
    }
    if (integers) return integer_result(op, left.as_int(), right.as_int());
    const double a = left.as_double();
    const double b = right.as_double();
    if (op == BinaryOperator::Add) return Value(a + b);
    if (op == BinaryOperator::Subtract) return Value(a - b);
    return Value(a * b);
}

ShellValue arithmetic(BinaryOperator op, const ShellValue& left, const ShellValue& right) {
    const char* symbol = syntax::operator_symbol(op);
    if (left.as<ExprValue>() != nullptr || right.as<ExprValue>() != nullptr) {
        const std::string what = std::string("an operand of ") + symbol;
        const Expr a = to_expr(left, what);
        const Expr b = to_expr(right, what);
        if (op == BinaryOperator::Add) return ExprValue{a + b};
        if (op == BinaryOperator::Subtract) return ExprValue{a - b};
        if (op == BinaryOperator::Multiply) return ExprValue{a * b};
        return ExprValue{a / b};
    }
    const Value* a = left.as<Value>();
    const Value* b = right.as<Value>();
    if (is_number(a) && is_number(b)) return number_result(op, *a, *b);
    const bool texts = a != nullptr && b != nullptr && a->kind() == Value::Kind::Text &&
                       b->kind() == Value::Kind::Text;
    if (texts && op == BinaryOperator::Add) return Value(a->as_text() + b->as_text());
    unsupported(symbol, left, right);
}

}  // namespace

ShellValue Evaluator::binary(const syntax::BinaryOp& op) {
    const ShellValue left = evaluate(*op.left);
    const ShellValue right = evaluate(*op.right);
    if (op.op == BinaryOperator::And || op.op == BinaryOperator::Or) {
        const QValue* a = left.as<QValue>();
        const QValue* b = right.as<QValue>();
        if (a == nullptr || b == nullptr) unsupported(syntax::operator_symbol(op.op), left, right);
        return QValue{op.op == BinaryOperator::And ? a->q & b->q : a->q | b->q};
    }
    return arithmetic(op.op, left, right);
}

ShellValue Evaluator::unary(const syntax::UnaryOp& op) {
    const ShellValue operand = evaluate(*op.operand);
    const char* symbol = syntax::operator_symbol(op.op);
    if (op.op == syntax::UnaryOperator::Invert) {
        if (const QValue* q = operand.as<QValue>()) return QValue{~q->q};
    } else if (const ExprValue* e = operand.as<ExprValue>()) {
        // As Django's Combinable.__neg__: the expression times -1.
        if (op.op == syntax::UnaryOperator::Plus) return operand;
        return ExprValue{e->expr * Expr(-1)};
    } else if (const Value* v = operand.as<Value>(); is_number(v)) {
        if (op.op == syntax::UnaryOperator::Plus) return operand;
        if (v->kind() == Value::Kind::Float) return Value(-v->as_double());
        if (v->as_int() == std::numeric_limits<std::int64_t>::min())
            throw QueryError("integer overflow");
        return Value(-v->as_int());
    }
    throw QueryError(std::string("bad operand type for unary ") + symbol + ": " +
                     describe(operand));
}

}  // namespace covet::shell
