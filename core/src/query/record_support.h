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
struct Record::Caches {
    std::map<std::string, std::optional<Record>> related;   // by ForeignKey field name
    std::map<std::string, std::vector<Record>> prefetched;  // by accessor
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
