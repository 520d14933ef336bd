// Walking a parsed condition: names it mentions, renames, and SQL text.
#include "schema/condition_node.h"

namespace covet {

namespace {

int precedence(ConditionNode::Kind kind) {
    switch (kind) {
        case ConditionNode::Kind::Or:
            return 1;
        case ConditionNode::Kind::And:
            return 2;
        case ConditionNode::Kind::Not:
            return 3;
        case ConditionNode::Kind::Compare:
        case ConditionNode::Kind::IsNull:
        case ConditionNode::Kind::In:
            return 4;
        case ConditionNode::Kind::Name:
        case ConditionNode::Kind::Literal:
            break;
    }
    return 5;
}

std::string neutral_literal(const Value& value) {
    switch (value.kind()) {
        case Value::Kind::Null:
            return "NULL";
        case Value::Kind::Bool:
            return value.as_bool() ? "true" : "false";
        case Value::Kind::Text: {
            std::string out = "'";
            for (char c : value.as_text()) {
                if (c == '\'') out += c;
                out += c;
            }
            return out + "'";
        }
        default:
            return value.to_string();
    }
}

std::string render_body(const ConditionNode& node, const ConditionStyle& style) {
    const int own = precedence(node.kind);
    auto child = [&](std::size_t i, int needed) {
        return render_node(*node.children[i], style, needed);
    };
    switch (node.kind) {
        case ConditionNode::Kind::Or:
        case ConditionNode::Kind::And: {
            const char* joiner = node.kind == ConditionNode::Kind::Or ? " OR " : " AND ";
            std::string out;
            for (std::size_t i = 0; i < node.children.size(); ++i)
                out += (i ? joiner : "") + child(i, own);
            return out;
        }
        case ConditionNode::Kind::Not:
            // Parentheses whatever the operand: dialects differ on NOT's precedence.
            return "NOT " + child(0, 5);
        case ConditionNode::Kind::Compare:
            return child(0, 5) + " " + node.op + " " + child(1, 5);
        case ConditionNode::Kind::IsNull:
            return child(0, 5) + (node.negated ? " IS NOT NULL" : " IS NULL");
        case ConditionNode::Kind::In: {
            std::string out = child(0, 5) + (node.negated ? " NOT IN (" : " IN (");
            for (std::size_t i = 1; i < node.children.size(); ++i)
                out += (i > 1 ? ", " : "") + child(i, 5);
            return out + ")";
        }
        case ConditionNode::Kind::Name:
            return style.identifier(node.text);
        case ConditionNode::Kind::Literal:
            break;
    }
    if (!node.text.empty()) return node.text;  // a number, as written
    return style.literal(node.literal);
}

}  // namespace

void collect_names(const ConditionNode& node, std::vector<Condition::NameUse>& out) {
    if (node.kind == ConditionNode::Kind::Name) out.push_back({node.text, node.column});
    for (const auto& child : node.children)
        collect_names(*child, out);
}

std::shared_ptr<const ConditionNode> rename_names(
    const std::shared_ptr<const ConditionNode>& node,
    const std::function<std::string(const std::string&)>& rename) {
    if (node->kind == ConditionNode::Kind::Name) {
        std::string renamed = rename(node->text);
        if (renamed.empty() || renamed == node->text) return node;
        auto copy = std::make_shared<ConditionNode>(*node);
        copy->text = std::move(renamed);
        return copy;
    }
    std::shared_ptr<ConditionNode> copy;
    for (std::size_t i = 0; i < node->children.size(); ++i) {
        auto child = rename_names(node->children[i], rename);
        if (child == node->children[i]) continue;
        if (!copy) copy = std::make_shared<ConditionNode>(*node);
        copy->children[i] = std::move(child);
    }
    if (!copy) return node;
    return copy;
}

std::string render_node(const ConditionNode& node, const ConditionStyle& style,
                        int parent_precedence) {
    std::string body = render_body(node, style);
    if (precedence(node.kind) < parent_precedence) return "(" + body + ")";
    return body;
}

const ConditionStyle& neutral_condition_style() {
    static const ConditionStyle style{[](const std::string& name) { return name; },
                                      neutral_literal};
    return style;
}

}  // namespace covet
