#include "shell/output_repr.h"

#include "covet/model_state.h"
#include "shell/output_cells.h"

namespace covet::shell {

namespace {

std::string operand_repr(const Operand& operand) {
    switch (operand.kind()) {
        case Operand::Kind::Value:
            return python_repr(operand.value());
        case Operand::Kind::List: {
            std::string out = "[";
            for (std::size_t i = 0; i < operand.list().size(); ++i)
                out += (i ? ", " : "") + python_repr(operand.list()[i]);
            return out + "]";
        }
        case Operand::Kind::Expression:
            return repr(operand.expression());
    }
    return "";
}

std::string node_repr(const Q::Node& node) {
    // ~Q(...) wraps its Q in a negated node: Django prints (NOT (AND: ...)).
    if (node.negated && node.lookups.empty() && node.children.size() == 1)
        return "(NOT " + node_repr(*node.children[0]) + ")";
    std::string out = node.connector == Q::Connector::And ? "(AND: " : "(OR: ";
    bool first = true;
    for (const Lookup& lookup : node.lookups) {
        out +=
            (first ? "" : ", ") + ("('" + lookup.path + "', " + operand_repr(lookup.operand) + ")");
        first = false;
    }
    for (const auto& child : node.children) {
        out += (first ? "" : ", ") + node_repr(*child);
        first = false;
    }
    out += ")";
    return node.negated ? "(NOT " + out + ")" : out;
}

const char* function_name(Expr::Function function) {
    switch (function) {
        case Expr::Function::Count:
            return "Count";
        case Expr::Function::Sum:
            return "Sum";
        case Expr::Function::Avg:
            return "Avg";
        case Expr::Function::Max:
            return "Max";
        case Expr::Function::Min:
            return "Min";
    }
    return "?";
}

const char* op_text(Expr::Op op) {
    switch (op) {
        case Expr::Op::Add:
            return " + ";
        case Expr::Op::Sub:
            return " - ";
        case Expr::Op::Mul:
            return " * ";
        case Expr::Op::Div:
            return " / ";
    }
    return " ? ";
}

std::string expr_node_repr(const Expr::Node& node, bool nested) {
    switch (node.kind) {
        case Expr::Kind::Field:
            return "F(" + node.field + ")";
        case Expr::Kind::Literal:
            return "Value(" + python_repr(node.value) + ")";
        case Expr::Kind::Binary: {
            std::string out = expr_node_repr(*node.left, true) + op_text(node.op) +
                              expr_node_repr(*node.right, true);
            return nested ? "(" + out + ")" : out;
        }
        case Expr::Kind::Aggregate: {
            std::string argument = node.left           ? expr_node_repr(*node.left, false)
                                   : node.field == "*" ? "'*'"
                                                       : "F(" + node.field + ")";
            return std::string(function_name(node.function)) + "(" + argument +
                   (node.distinct ? ", distinct=True)" : ")");
        }
    }
    return "";
}

}  // namespace

std::string repr(const Q& q) {
    return "<Q: " + node_repr(q.node()) + ">";
}

std::string repr(const Expr& expr) {
    return expr_node_repr(expr.node(), false);
}

std::string repr(const ModelState& model) {
    std::string out = "<model " + model.name + " (table " + model.table + "):";
    bool first = true;
    for (const Field& field : model.fields) {
        out += (first ? " " : ", ") + field.name;
        first = false;
    }
    return out + ">";
}

std::string repr(const ListValue& list) {
    std::string out = list.tuple ? "(" : "[";
    for (std::size_t i = 0; i < list.items.size(); ++i) {
        const ShellValue& item = list.items[i];
        const Value* value = item.as<Value>();
        out += (i ? ", " : "") + (value ? python_repr(*value) : plain_text(item));
    }
    if (list.tuple && list.items.size() == 1) out += ",";
    return out + (list.tuple ? ")" : "]");
}

std::string plain_text(const ShellValue& value) {
    if (const Value* v = value.as<Value>()) {
        const std::optional<std::string> text = cell_text(*v);
        return text ? *text : "NULL";
    }
    if (const ListValue* list = value.as<ListValue>()) return repr(*list);
    if (const ModelRef* model = value.as<ModelRef>()) return repr(*model->model);
    if (const QValue* q = value.as<QValue>()) return repr(q->q);
    if (const ExprValue* expr = value.as<ExprValue>()) return repr(expr->expr);
    if (const BuiltinRef* builtin = value.as<BuiltinRef>())
        return "<built-in function " + builtin->name + ">";
    return "<" + describe(value) + ">";
}

}  // namespace covet::shell
