// The parsed form of a Condition (covet/condition.h), shared by the parser
// and the renderer. Nodes are immutable and shared between copies.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "covet/condition.h"

namespace covet {

struct ConditionNode {
    enum class Kind { Or, And, Not, Compare, IsNull, In, Name, Literal };
    Kind kind = Kind::Literal;
    std::string op;        // Compare: = <> < <= > >=
    bool negated = false;  // IS NOT NULL, NOT IN
    // Name: the identifier; Literal: a number as written ("" for other literals).
    std::string text;
    Value literal;   // Literal that is not a number: string, bool or null
    int column = 0;  // Name, Literal: 1-based column in the condition's text
    std::vector<std::shared_ptr<const ConditionNode>> children;
};

void collect_names(const ConditionNode& node, std::vector<Condition::NameUse>& out);
// Returns `node` itself when no name changes, so unchanged conditions stay shared.
std::shared_ptr<const ConditionNode> rename_names(
    const std::shared_ptr<const ConditionNode>& node,
    const std::function<std::string(const std::string&)>& rename);
// `parent_precedence`: how tightly the surrounding expression binds (0: top).
std::string render_node(const ConditionNode& node, const ConditionStyle& style,
                        int parent_precedence);
const ConditionStyle& neutral_condition_style();

}  // namespace covet
