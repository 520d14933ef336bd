// A Record's relations: the related record of a ForeignKey, loaded on first
// access and cached, and the managers of its to-many relations.
#include "covet/error.h"
#include "covet/queryset.h"
#include "query/record_support.h"

namespace covet {

std::optional<Record> Record::related(const std::string& name) const {
    const std::size_t index = index_of(name);
    const Field& field = field_at(index);
    if (field.type != FieldType::ForeignKey)
        throw QueryError("'" + model_->name + "." + field.name + "' is no foreign key");
    const Value& key = value_at(index);
    if (key.is_null()) return std::nullopt;
    // A cached record of another key was cached before the key changed.
    if (const std::optional<Record>* cached = caches().find_related(field.name);
        cached && *cached && (*cached)->pk() == key)
        return *cached;
    const ModelState* target = models_.state().resolve_target(field.to, *model_);
    if (!target) throw QueryError("unknown model '" + field.to + "'");
    std::optional<Record> loaded = load_record(db_, models_, *target, key);
    if (!loaded) throw_does_not_exist(*target);
    caches().related_slot(field.name) = loaded;
    return loaded;
}

RelatedManager Record::manager(const std::string& accessor) const {
    const RelationEnd* end = models_.state().relations().by_accessor(*model_, accessor);
    if (end && end->to_many()) return RelatedManager(*this, *end);
    std::string names;
    const RelationIndex& relations = models_.state().relations();
    for (const auto* ends : {&relations.forward_of(*model_), &relations.reverse_of(*model_)})
        for (const RelationEnd& candidate : *ends)
            if (candidate.to_many() && !candidate.hidden())
                names += (names.empty() ? "" : ", ") + candidate.accessor;
    throw QueryError("'" + model_->name + "' has no related manager '" + accessor +
                     "'; the managers are: " + (names.empty() ? "(none)" : names));
}

}  // namespace covet
