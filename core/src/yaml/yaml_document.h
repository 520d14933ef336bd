// A read-only YAML document: the tree of one parsed text, with the position of
// every node, for the migration loader and the config file.
//
// Built on libyaml's event parser. It replaced yaml-cpp because loading a long
// history is dominated by parsing, and yaml-cpp spent about ten times longer
// per file (regex-driven scanning, one shared_ptr per node). Nodes live in one
// array per document; a Node is a cheap handle into it, valid while the
// Document lives.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace covet::yaml {

// 1-based, as users read them; 0 for "no position" (a missing node).
struct Mark {
    int line = 0;
    int column = 0;
};

enum class ScalarStyle { plain, single_quoted, double_quoted, literal, folded };

class Document;

class Node {
  public:
    Node() = default;

    // False for the result of looking up a key that is not there.
    explicit operator bool() const { return doc_ != nullptr; }

    // The YAML core schema's null: an empty value, ~, null, Null or NULL
    // (plain, untagged), or a !!null tag. A null is not a scalar. Mapping
    // keys are never null: `null: true` has the key "null".
    bool is_null() const;
    bool is_scalar() const;
    bool is_sequence() const;
    bool is_map() const;

    // The text of a scalar (empty for anything else).
    const std::string& scalar() const;
    ScalarStyle style() const;
    // Quoted, block or tagged !!str: the text is a string, never a number,
    // boolean or null.
    bool is_string_literal() const;
    Mark mark() const;

    // Number of items of a sequence or entries of a mapping.
    std::size_t size() const;
    // Item i of a sequence.
    Node item(std::size_t i) const;
    // Key and value of entry i of a mapping.
    Node key(std::size_t i) const;
    Node value(std::size_t i) const;
    // The value of a mapping's scalar key; a false Node when absent.
    Node operator[](std::string_view key) const;

    // for (Node item : node.items())        — sequences
    // for (auto [k, v] : node.entries())    — mappings
    template <bool Entries>
    class Range;
    Range<false> items() const;
    Range<true> entries() const;

  private:
    friend class Document;
    Node(const Document* doc, std::uint32_t index) : doc_(doc), index_(index) {}

    const Document* doc_ = nullptr;
    std::uint32_t index_ = 0;
};

template <bool Entries>
class Node::Range {
  public:
    class iterator {
      public:
        iterator(Node node, std::size_t i) : node_(node), i_(i) {}
        auto operator*() const {
            if constexpr (Entries)
                return std::pair<Node, Node>(node_.key(i_), node_.value(i_));
            else
                return node_.item(i_);
        }
        iterator& operator++() {
            ++i_;
            return *this;
        }
        bool operator!=(const iterator& other) const { return i_ != other.i_; }

      private:
        Node node_;
        std::size_t i_;
    };
    explicit Range(Node node) : node_(node) {}
    iterator begin() const { return {node_, 0}; }
    iterator end() const { return {node_, node_.size()}; }

  private:
    Node node_;
};

inline Node::Range<false> Node::items() const {
    return Range<false>(*this);
}
inline Node::Range<true> Node::entries() const {
    return Range<true>(*this);
}

class Document {
  public:
    // Parses the first document of `text`. Syntax errors, a second document
    // and duplicate mapping keys throw LoadError(file, line, column,
    // "malformed YAML: ..."). An empty text gives a null root. A text over
    // kMaxBytes, nesting deeper than 100 levels, or aliases that expand to
    // over a million nodes are errors too: readers walk the tree recursively.
    static constexpr std::size_t kMaxBytes = std::size_t{16} << 20;
    static Document parse(std::string_view text, const std::string& file);

    Document(Document&&) noexcept;
    Document& operator=(Document&&) noexcept;
    ~Document();

    // Handles keep a pointer to their Document: it must not be copied.
    Document(const Document&) = delete;
    Document& operator=(const Document&) = delete;

    Node root() const { return Node(this, 0); }

  private:
    friend class Node;
    struct NodeData;
    struct Builder;
    Document();
    std::vector<NodeData> nodes_;
};

}  // namespace covet::yaml
