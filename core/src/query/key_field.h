// The field whose kind a ForeignKey's values take: its target's primary
// key (Django's ForeignKey.target_field converters), so that a key to a
// UUID primary key reads as a Uuid where the column holds text.
#pragma once

#include "covet/model_state.h"

namespace covet {

// `field` itself unless it is a ForeignKey; then the target's primary key,
// followed while that is a ForeignKey too. `field` when the target is unknown.
const Field& key_kind_field(const ProjectState& state, const ModelState& model, const Field& field);

}  // namespace covet
