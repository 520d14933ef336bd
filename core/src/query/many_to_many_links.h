// The link rows of a many-to-many relation in its through table, seen from
// one record (Django's ManyRelatedManager's _add_items, _remove_items and
// clear): add skips links that exist, a symmetrical relation to the own
// model writes and removes both directions.
#pragma once

#include <vector>

#include "covet/database.h"
#include "covet/models.h"
#include "covet/relation_index.h"

namespace covet {

class ManyToManyLinks {
  public:
    // `end` is the relation as seen from the owner's model (forward or reverse).
    ManyToManyLinks(Database db, const Models& models, const RelationEnd& end);

    // The keys of the rows linked to `owner`.
    std::vector<Value> linked(const Value& owner) const;
    void add(const Value& owner, const std::vector<Value>& others) const;
    void remove(const Value& owner, const std::vector<Value>& others) const;
    void clear(const Value& owner) const;
    bool symmetrical() const { return symmetrical_; }

  private:
    // Links (a, b) for each b of `bs` that has none, `a_field` holding a.
    void add_missing(const Field& a_field, const Field& b_field, const Value& a,
                     const std::vector<Value>& bs) const;
    std::vector<Value> column_where(const Field& wanted, const Field& by, const Value& value,
                                    const Field* in_field, const std::vector<Value>& in) const;

    Database db_;
    ModelState through_;
    const Field* owner_field_ = nullptr;  // the through model's key to the owner
    const Field* other_field_ = nullptr;  // ... and to the related rows
    bool symmetrical_ = false;
};

}  // namespace covet
