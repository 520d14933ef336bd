#include "query/key_field.h"

namespace covet {

const Field& key_kind_field(const ProjectState& state, const ModelState& model,
                            const Field& field) {
    const ModelState* owner = &model;
    const Field* current = &field;
    for (int hops = 0; current->type == FieldType::ForeignKey && hops < 8; ++hops) {
        const ModelState* target = state.resolve_target(current->to, *owner);
        const Field* key = target ? target->primary_key() : nullptr;
        if (!key) break;
        owner = target;
        current = key;
    }
    return *current;
}

}  // namespace covet
