// A model's concrete fields by position in a Record's values, and the names
// (attribute, column, "pk") that find them: worked out once per model of a
// Models, so that reading a field of a row is no scan that builds column
// names.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "covet/models.h"

namespace covet {

// Django's Field.get_default, as a new Record takes it.
Value default_of(const Field& field);

class FieldSlots {
  public:
    explicit FieldSlots(const ModelState& model);

    static constexpr std::size_t npos = static_cast<std::size_t>(-1);
    // The slot of a field by attribute or column name, or "pk" for the
    // first primary key field (as Record::get reads them); npos for none.
    // Record::get runs it for every field read: it scans a compact array
    // and returns a plain number (an optional made a store-forwarding stall).
    std::size_t slot(std::string_view name) const {
        const std::size_t size = name.size();
        if (size == 2 && name[0] == 'p' && name[1] == 'k') return pk_ ? *pk_ : npos;
        const std::uint64_t head = head_of(name.data(), size);
        for (const Key& key : keys_)
            if (key.head == head && key.size == size &&
                (size <= sizeof head || texts_[key.slot_text] == name))
                return key.slot;
        return npos;
    }
    std::optional<std::size_t> find(const std::string& name) const {
        const std::size_t found = slot(name);
        return found == npos ? std::nullopt : std::optional<std::size_t>(found);
    }
    std::optional<std::size_t> pk() const { return pk_; }
    const std::vector<const Field*>& fields() const { return fields_; }  // column order
    // Every field's default, in column order; null when one does not read.
    const Row* defaults() const { return defaults_ ? &*defaults_ : nullptr; }

  private:
    // Field names are short: their first eight bytes as one number settle
    // most comparisons without touching the name's text.
    struct Key {
        std::uint64_t head;
        std::uint32_t size;
        std::uint16_t slot;
        std::uint16_t slot_text;  // index in texts_
    };
    // The first min(size, 8) bytes, zero-padded, read with fixed-size
    // copies (a memcpy of variable length would be a call).
    static std::uint64_t head_of(const char* text, std::size_t size) {
        std::uint64_t head = 0;
        if (size >= 8) {
            std::memcpy(&head, text, 8);
        } else if (size >= 4) {  // two overlapping words
            std::uint32_t low = 0, high = 0;
            std::memcpy(&low, text, 4);
            std::memcpy(&high, text + size - 4, 4);
            head = low | (static_cast<std::uint64_t>(high) << ((size - 4) * 8));
        } else {
            for (std::size_t i = 0; i < size; ++i)
                head |= static_cast<std::uint64_t>(static_cast<unsigned char>(text[i])) << (8 * i);
        }
        return head;
    }
    void add_name(const std::string& name, std::size_t slot);
    std::vector<Key> keys_;  // first match wins
    std::vector<std::string> texts_;
    std::vector<const Field*> fields_;
    std::optional<std::size_t> pk_;
    std::optional<Row> defaults_;
};

// The FieldSlots of every model of one read-only state, built with it.
class FieldSlotTables {
  public:
    explicit FieldSlotTables(const ProjectState& state);
    // nullptr for a model of no such state (its record builds its own).
    const FieldSlots* of(const ModelState& model) const {
        auto it = known_.find(&model);
        return it == known_.end() ? nullptr : it->second.get();
    }

  private:
    std::unordered_map<const ModelState*, std::unique_ptr<const FieldSlots>> known_;
};

}  // namespace covet
