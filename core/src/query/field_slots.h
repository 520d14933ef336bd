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

    // The slot of a field by attribute or column name, or "pk" for the
    // first primary key field (as Record::get reads them).
    std::optional<std::size_t> find(const std::string& name) const {
        if (name.size() == 2 && name == "pk") return pk_;
        const std::uint64_t head = head_of(name);
        for (const Name& known : names_)
            if (known.head == head && known.text.size() == name.size() &&
                (name.size() <= sizeof head || known.text == name))
                return known.slot;
        return std::nullopt;
    }
    std::optional<std::size_t> pk() const { return pk_; }
    const std::vector<const Field*>& fields() const { return fields_; }  // column order
    // Every field's default, in column order; null when one does not read.
    const Row* defaults() const { return defaults_ ? &*defaults_ : nullptr; }

  private:
    // Field names are short: their first eight bytes as one number settle
    // most comparisons without a call to memcmp.
    struct Name {
        std::string text;
        std::uint64_t head;
        std::size_t slot;
    };
    static std::uint64_t head_of(const std::string& name) {
        std::uint64_t head = 0;
        std::memcpy(&head, name.data(), std::min(name.size(), sizeof head));
        return head;
    }
    std::vector<Name> names_;  // first match wins
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
