// What the Record's files share: its caches of related records, the
// reading of driver rows as field values, and a model's label.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "covet/record.h"

namespace covet {

// Copies of a record share its caches once it has any (they are made on
// first use, so copies taken before that cache apart): a cached related record is checked
// against the current key before use, so a copy that changed the key never
// sees a stale one.
// A record has one cached related record at most in practice
// (select_related reads one per joined relation of every row): the first
// sits in the caches' own block, any more in a short list, found by field
// name; no tree node or list is made per record.
struct Record::Caches {
    struct Related {
        std::string field;  // the ForeignKey field's name; empty: unused
        std::optional<Record> record;
    };
    Related first;
    std::vector<Related> more;
    std::map<std::string, std::vector<Record>> prefetched;  // by accessor

    std::optional<Record>* find_related(const std::string& field) {
        if (!first.field.empty() && first.field == field) return &first.record;
        for (Related& entry : more)
            if (entry.field == field) return &entry.record;
        return nullptr;
    }
    // The entry of `field`, made (empty) when there is none.
    std::optional<Record>& related_slot(const std::string& field) {
        if (std::optional<Record>* found = find_related(field)) return *found;
        if (first.field.empty()) {
            first.field = field;
            return first.record;
        }
        return more.emplace_back(Related{field, std::nullopt}).record;
    }
    void forget_related(const std::string& field) {
        if (!first.field.empty() && first.field == field) {
            first.field.clear();
            first.record.reset();
            return;
        }
        for (auto it = more.begin(); it != more.end(); ++it)
            if (it->field == field) {
                more.erase(it);
                return;
            }
    }
};

// The driver's values of `fields` as the fields' kinds.
Row values_from_db(const std::vector<const Field*>& fields, Row raw);

// Django's model label: "library.Post" (the key of DeleteResult::per_model).
std::string model_label(const ModelState& model);

// The rows of `model` whose primary key is `pk` as a record; nullopt when
// there is none.
std::optional<Record> load_record(const Database& db, const Models& models, const ModelState& model,
                                  const Value& pk);

// DoesNotExist for `model`, with Django's message.
[[noreturn]] void throw_does_not_exist(const ModelState& model);

}  // namespace covet
