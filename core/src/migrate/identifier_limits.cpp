#include "migrate/identifier_limits.h"

namespace covet {

namespace {

class NameLimit {
  public:
    explicit NameLimit(const Dialect& dialect)
        : dialect_(dialect),
          limit_(dialect.features().name_limit),
          in_characters_(dialect.features().name_limit_counts_characters) {}

    bool unlimited() const { return limit_ == 0; }

    // "" when `name` fits; else what is wrong with it.
    std::string check(const std::string& what, const std::string& name) const {
        std::size_t length = length_of(name);
        if (length <= limit_) return "";
        const char* unit = in_characters_ ? "character" : "byte";
        return what + " '" + name + "' is " + std::to_string(length) + " " + unit +
               "s long, over the " + std::to_string(limit_) + "-" + unit + " limit of " +
               dialect_.name() + " (use a shorter name)";
    }

  private:
    std::size_t length_of(const std::string& name) const {
        if (!in_characters_) return name.size();
        std::size_t characters = 0;
        for (char c : name)
            if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++characters;
        return characters;
    }

    const Dialect& dialect_;
    std::size_t limit_;
    bool in_characters_;
};

std::string model_name_over_limit(const ProjectState& state, const ModelState& model,
                                  const NameLimit& limit) {
    if (auto problem = limit.check("table name", model.table); !problem.empty()) return problem;
    for (const Field& field : model.fields) {
        if (field.has_column()) {
            auto problem = limit.check("column name", field.column());
            if (!problem.empty()) return problem + " in table '" + model.table + "'";
            continue;
        }
        // An auto-created through table is named after the owner and the field.
        if (!field.through.empty() || !state.resolve_target(field.to, model)) continue;
        ModelState through = state.through_model(model, field);
        if (auto problem = model_name_over_limit(state, through, limit); !problem.empty())
            return problem + " (the through table of '" + model.table + "." + field.name + "')";
    }
    for (const IndexSpec& index : model.indexes)
        if (auto problem = limit.check("index name", index.name); !problem.empty()) return problem;
    for (const ConstraintSpec& constraint : model.constraints)
        if (auto problem = limit.check("constraint name", constraint.name); !problem.empty())
            return problem;
    return "";
}

}  // namespace

std::string name_over_limit(const ProjectState& state, const Dialect& dialect,
                            const std::vector<std::string>& tables) {
    NameLimit limit(dialect);
    if (limit.unlimited()) return "";
    for (const auto& table : tables)
        if (const ModelState* model = state.find_table(table))
            if (auto problem = model_name_over_limit(state, *model, limit); !problem.empty())
                return problem;
    return "";
}

}  // namespace covet
