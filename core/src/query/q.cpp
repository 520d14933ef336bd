// Q: Django's filter condition tree. A Q of lookups is one AND node; & and |
// make a node of the two operands (flattened when the connector matches and
// neither is negated, as Django's Node.add squashes), ~ negates a copy.
#include "covet/q.h"

namespace covet {

namespace {

using NodePtr = std::shared_ptr<const Q::Node>;

bool is_empty(const Q::Node& node) {
    if (!node.lookups.empty()) return false;
    for (const auto& child : node.children)
        if (!is_empty(*child)) return false;
    return true;
}

// Adds `operand` to `into` (connector `connector`): its parts inline when it
// is an unnegated node of the same connector, else as one child.
void add_operand(Q::Node& into, const NodePtr& operand) {
    if (is_empty(*operand)) return;
    const bool inline_parts =
        !operand->negated && (operand->connector == into.connector ||
                              operand->lookups.size() + operand->children.size() == 1);
    if (inline_parts) {
        into.lookups.insert(into.lookups.end(), operand->lookups.begin(), operand->lookups.end());
        into.children.insert(into.children.end(), operand->children.begin(),
                             operand->children.end());
        return;
    }
    into.children.push_back(operand);
}

Q combine(const Q& a, const Q& b, Q::Connector connector) {
    if (a.empty()) return b;
    if (b.empty()) return a;
    auto node = std::make_shared<Q::Node>();
    node->connector = connector;
    add_operand(*node, a.node_ptr());
    add_operand(*node, b.node_ptr());
    return Q(NodePtr(std::move(node)));
}

}  // namespace

Q::Q() : node_(std::make_shared<const Node>()) {}

Q::Q(std::initializer_list<std::pair<std::string, Operand>> lookups) {
    auto node = std::make_shared<Node>();
    for (const auto& [path, operand] : lookups)
        node->lookups.push_back(Lookup{path, operand});
    node_ = std::move(node);
}

Q::Q(std::vector<Lookup> lookups) {
    auto node = std::make_shared<Node>();
    node->lookups = std::move(lookups);
    node_ = std::move(node);
}

bool Q::empty() const {
    return is_empty(*node_);
}

Q Q::operator&(const Q& other) const {
    return combine(*this, other, Connector::And);
}

Q Q::operator|(const Q& other) const {
    return combine(*this, other, Connector::Or);
}

Q Q::operator~() const {
    if (empty()) return *this;
    auto node = std::make_shared<Node>();
    node->children.push_back(node_);
    node->negated = true;
    return Q(NodePtr(std::move(node)));
}

}  // namespace covet
