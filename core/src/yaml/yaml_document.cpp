#include "yaml/yaml_document.h"

#include <yaml.h>

#include <algorithm>
#include <map>
#include <memory>
#include <new>
#include <optional>
#include <unordered_set>

#include "covet/error.h"
#include "yaml/yaml_event_stream.h"

namespace covet::yaml {

enum class Kind : std::uint8_t { scalar, sequence, map };

struct Document::NodeData {
    Kind kind = Kind::scalar;
    ScalarStyle style = ScalarStyle::plain;
    bool is_null = false;
    bool is_string_literal = false;
    Mark mark;
    // Nesting depth and node count of the node as a reader walking it sees
    // them, aliases expanded: what bounds every recursive walk of the tree.
    std::uint32_t depth = 1;
    std::uint64_t expanded_size = 1;
    std::string text;
    // Items of a sequence; keys and values of a mapping, alternating.
    std::vector<std::uint32_t> children;
};

namespace {

constexpr const char* kStrTag = "tag:yaml.org,2002:str";
constexpr const char* kNullTag = "tag:yaml.org,2002:null";

ScalarStyle style_of(yaml_scalar_style_t style) {
    switch (style) {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE:
            return ScalarStyle::single_quoted;
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE:
            return ScalarStyle::double_quoted;
        case YAML_LITERAL_SCALAR_STYLE:
            return ScalarStyle::literal;
        case YAML_FOLDED_SCALAR_STYLE:
            return ScalarStyle::folded;
        default:
            return ScalarStyle::plain;
    }
}

bool is_null_text(const std::string& text) {
    return text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL";
}

const char* text_of(const yaml_char_t* s) {
    return reinterpret_cast<const char*>(s);
}

}  // namespace

struct Document::Builder {
    // Far beyond any migration or config file, and low enough that no reader
    // walking the tree recursively can exhaust the stack or spin for minutes.
    static constexpr std::size_t kMaxDepth = 100;
    static constexpr std::uint64_t kMaxExpandedNodes = 1'000'000;
    // Keys of a mapping are compared one by one up to this many, then hashed.
    static constexpr std::size_t kLinearKeyScan = 32;

    Document& doc;
    EventStream& events;
    std::vector<std::uint32_t> open;  // containers being filled, innermost last
    // Per open container: its keys once it has more than kLinearKeyScan.
    std::vector<std::unique_ptr<std::unordered_set<std::string>>> open_keys;
    std::map<std::string, std::uint32_t, std::less<>> anchors;

    Document::NodeData& at(std::uint32_t index) { return doc.nodes_[index]; }

    void remember_anchor(const yaml_char_t* anchor, std::uint32_t index) {
        if (anchor) anchors[text_of(anchor)] = index;
    }

    std::uint32_t add(Document::NodeData data) {
        auto index = static_cast<std::uint32_t>(doc.nodes_.size());
        doc.nodes_.push_back(std::move(data));
        attach(index);
        return index;
    }

    void open_container(std::uint32_t index) {
        open.push_back(index);
        open_keys.emplace_back();
    }

    // Closes the innermost container and totals what it holds, aliases
    // expanded, so that a few aliases cannot make a reader walk billions of nodes.
    void close_container() {
        std::uint32_t index = open.back();
        open.pop_back();
        open_keys.pop_back();
        std::uint32_t depth = 0;
        std::uint64_t size = 1;
        for (std::uint32_t child : at(index).children) {
            depth = std::max(depth, at(child).depth);
            size += at(child).expanded_size;
        }
        if (size > kMaxExpandedNodes)
            events.fail(at(index).mark, "the document expands to more than " +
                                            std::to_string(kMaxExpandedNodes) +
                                            " nodes (through aliases)");
        at(index).depth = depth + 1;
        at(index).expanded_size = size;
    }

    // Adds a node to the innermost open container; a second mapping key equal
    // to an earlier one is an error (yaml-cpp and PyYAML silently keep one of
    // them, which hides typos such as a repeated `table:`).
    // `where` is the alias's position when the node comes from an alias.
    void attach(std::uint32_t index, std::optional<Mark> where = std::nullopt) {
        if (open.empty()) return;
        // An alias brings the depth of the node it names.
        if (open.size() + at(index).depth > kMaxDepth)
            events.fail(where.value_or(at(index).mark),
                        "nesting deeper than " + std::to_string(kMaxDepth) +
                            " levels (a migration needs a handful)");
        auto& parent = at(open.back());
        bool is_key = parent.kind == Kind::map && parent.children.size() % 2 == 0;
        if (is_key && at(index).kind == Kind::scalar && !is_merge_key(index)) check_new_key(index);
        at(open.back()).children.push_back(index);
    }

    void check_new_key(std::uint32_t index) {
        const auto& parent = at(open.back());
        const std::string& key = at(index).text;
        auto& keys = open_keys.back();
        if (!keys && parent.children.size() < 2 * kLinearKeyScan) {
            for (std::size_t i = 0; i < parent.children.size(); i += 2) {
                const auto& other = at(parent.children[i]);
                if (other.kind == Kind::scalar && other.text == key)
                    events.fail(at(index).mark, "duplicate key '" + key + "'");
            }
            return;
        }
        if (!keys) {
            keys = std::make_unique<std::unordered_set<std::string>>();
            for (std::size_t i = 0; i < parent.children.size(); i += 2)
                if (at(parent.children[i]).kind == Kind::scalar)
                    keys->insert(at(parent.children[i]).text);
        }
        if (!keys->insert(key).second) events.fail(at(index).mark, "duplicate key '" + key + "'");
    }

    // True when the next node attached becomes a key of the open mapping.
    bool at_key_position() {
        if (open.empty()) return false;
        const auto& parent = at(open.back());
        return parent.kind == Kind::map && parent.children.size() % 2 == 0;
    }

    bool is_merge_key(std::uint32_t index) {
        const auto& n = at(index);
        return n.kind == Kind::scalar && n.style == ScalarStyle::plain && n.text == "<<";
    }

    // `<<: *base` (or a list of them) copies the entries of the merged
    // mappings that the mapping does not set itself, as PyYAML does.
    void apply_merge_keys(std::uint32_t map_index) {
        std::vector<std::uint32_t> own;
        std::vector<std::uint32_t> sources;
        const auto children = at(map_index).children;
        for (std::size_t i = 0; i + 1 < children.size(); i += 2) {
            if (!is_merge_key(children[i])) {
                own.push_back(children[i]);
                own.push_back(children[i + 1]);
                continue;
            }
            const auto& value = at(children[i + 1]);
            if (value.kind == Kind::map) {
                sources.push_back(children[i + 1]);
            } else if (value.kind == Kind::sequence) {
                for (std::uint32_t item : value.children) {
                    if (at(item).kind != Kind::map)
                        events.fail(at(item).mark, "a merge key '<<' takes mappings");
                    sources.push_back(item);
                }
            } else {
                events.fail(value.mark, "a merge key '<<' takes a mapping or a list of mappings");
            }
        }
        if (sources.empty()) return;
        // Views into the nodes' texts: no node is added while merging.
        std::unordered_set<std::string_view> keys;
        for (std::size_t i = 0; i < own.size(); i += 2)
            if (at(own[i]).kind == Kind::scalar) keys.insert(at(own[i]).text);
        for (std::uint32_t source : sources) {
            const auto entries = at(source).children;
            for (std::size_t i = 0; i + 1 < entries.size(); i += 2) {
                bool is_scalar_key = at(entries[i]).kind == Kind::scalar;
                if (is_scalar_key && !keys.insert(at(entries[i]).text).second) continue;
                own.push_back(entries[i]);
                own.push_back(entries[i + 1]);
            }
        }
        at(map_index).children = std::move(own);
    }

    void build() {
        if (events.next().type != YAML_STREAM_START_EVENT) events.fail({1, 1}, "no YAML stream");
        const yaml_event_t* e = &events.next();
        if (e->type == YAML_STREAM_END_EVENT) {
            Document::NodeData empty;
            empty.is_null = true;
            empty.mark = {1, 1};
            doc.nodes_.push_back(std::move(empty));
            return;
        }
        // DOCUMENT_START, then the root node's events, then DOCUMENT_END.
        for (e = &events.next(); e->type != YAML_DOCUMENT_END_EVENT; e = &events.next())
            take(*e);
        e = &events.next();
        if (e->type != YAML_STREAM_END_EVENT)
            events.fail(mark_of(e->start_mark),
                        "a migration or config file holds one YAML document, found a second");
    }

    void take(const yaml_event_t& e) {
        switch (e.type) {
            case YAML_SCALAR_EVENT: {
                Document::NodeData n;
                n.mark = mark_of(e.start_mark);
                n.text.assign(text_of(e.data.scalar.value), e.data.scalar.length);
                n.style = style_of(e.data.scalar.style);
                const char* tag = e.data.scalar.tag ? text_of(e.data.scalar.tag) : nullptr;
                bool tagged_str = tag && (std::string_view(tag) == kStrTag || tag[0] == '!');
                n.is_string_literal = n.style != ScalarStyle::plain || tagged_str;
                // A mapping key is a name, never null: `null: true` is the
                // field option `null` (yaml-cpp read such keys as "null" too).
                n.is_null = !at_key_position() && ((tag && std::string_view(tag) == kNullTag) ||
                                                   (!n.is_string_literal && is_null_text(n.text)));
                remember_anchor(e.data.scalar.anchor, add(std::move(n)));
                break;
            }
            case YAML_SEQUENCE_START_EVENT:
            case YAML_MAPPING_START_EVENT: {
                Document::NodeData n;
                n.mark = mark_of(e.start_mark);
                bool is_map = e.type == YAML_MAPPING_START_EVENT;
                n.kind = is_map ? Kind::map : Kind::sequence;
                std::uint32_t index = add(std::move(n));
                open_container(index);
                remember_anchor(is_map ? e.data.mapping_start.anchor : e.data.sequence_start.anchor,
                                index);
                break;
            }
            case YAML_MAPPING_END_EVENT:
                apply_merge_keys(open.back());
                close_container();
                break;
            case YAML_SEQUENCE_END_EVENT:
                close_container();
                break;
            case YAML_ALIAS_EVENT: {
                auto it = anchors.find(text_of(e.data.alias.anchor));
                if (it == anchors.end())
                    events.fail(
                        mark_of(e.start_mark),
                        "unknown alias '*" + std::string(text_of(e.data.alias.anchor)) + "'");
                // An alias inside the node it names would make the tree a cycle.
                if (std::find(open.begin(), open.end(), it->second) != open.end())
                    events.fail(mark_of(e.start_mark),
                                "alias '*" + std::string(text_of(e.data.alias.anchor)) +
                                    "' refers to a node that contains it");
                attach(it->second, mark_of(e.start_mark));
                break;
            }
            default:
                break;
        }
    }
};

Document::Document() = default;
Document::Document(Document&&) noexcept = default;
Document& Document::operator=(Document&&) noexcept = default;
Document::~Document() = default;

Document Document::parse(std::string_view text, const std::string& file) {
    if (text.size() > kMaxBytes)
        throw LoadError(file, mark_at_offset(text, kMaxBytes).line,
                        mark_at_offset(text, kMaxBytes).column,
                        "the file is larger than " + std::to_string(kMaxBytes >> 20) +
                            " MiB, the most a migration or config file may hold");
    Document doc;
    // Roughly one node per dozen bytes in migration files: one allocation
    // instead of a dozen regrowths.
    doc.nodes_.reserve(text.size() / 12 + 4);
    EventStream events(text, file);
    Builder builder{doc, events, {}, {}, {}};
    builder.build();
    return doc;
}

bool Node::is_null() const {
    return doc_ && doc_->nodes_[index_].is_null;
}
bool Node::is_scalar() const {
    return doc_ && doc_->nodes_[index_].kind == Kind::scalar && !doc_->nodes_[index_].is_null;
}
bool Node::is_sequence() const {
    return doc_ && doc_->nodes_[index_].kind == Kind::sequence;
}
bool Node::is_map() const {
    return doc_ && doc_->nodes_[index_].kind == Kind::map;
}

const std::string& Node::scalar() const {
    static const std::string empty;
    return doc_ && doc_->nodes_[index_].kind == Kind::scalar ? doc_->nodes_[index_].text : empty;
}
ScalarStyle Node::style() const {
    return doc_ ? doc_->nodes_[index_].style : ScalarStyle::plain;
}
bool Node::is_string_literal() const {
    return doc_ && doc_->nodes_[index_].is_string_literal;
}
Mark Node::mark() const {
    return doc_ ? doc_->nodes_[index_].mark : Mark{};
}

std::size_t Node::size() const {
    if (!doc_) return 0;
    const auto& n = doc_->nodes_[index_];
    if (n.kind == Kind::map) return n.children.size() / 2;
    if (n.kind == Kind::sequence) return n.children.size();
    return 0;
}
Node Node::item(std::size_t i) const {
    return {doc_, doc_->nodes_[index_].children.at(i)};
}
Node Node::key(std::size_t i) const {
    return {doc_, doc_->nodes_[index_].children.at(2 * i)};
}
Node Node::value(std::size_t i) const {
    return {doc_, doc_->nodes_[index_].children.at(2 * i + 1)};
}

Node Node::operator[](std::string_view key) const {
    if (!is_map()) return {};
    const auto& children = doc_->nodes_[index_].children;
    for (std::size_t i = 0; i + 1 < children.size(); i += 2) {
        const auto& k = doc_->nodes_[children[i]];
        if (k.kind == Kind::scalar && k.text == key) return {doc_, children[i + 1]};
    }
    return {};
}

}  // namespace covet::yaml
