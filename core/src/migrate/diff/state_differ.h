// The steps of diff_states over one working state: every operation it
// produces is applied to the working state at once (state_forwards checks
// it), so each later step compares what the migration will have built so far
// with the target.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "covet/state_diff.h"

namespace covet::diff {

// A field as the differ compares it: relation targets as tables (a renamed
// table keeps its model name), and how db_index came to be set left out.
Field comparable(const ProjectState& state, const ModelState& owner, const Field& field);
bool same_field(const ProjectState& a_state, const ModelState& a_model, const Field& a,
                const ProjectState& b_state, const ModelState& b_model, const Field& b);

class StateDiffer {
  public:
    StateDiffer(const ProjectState& from, const ProjectState& to, const DiffOptions& options)
        : working_(from), target_(to), options_(options) {}

    std::vector<OperationPtr> run();

  private:
    // diff_renames.cpp
    void rename_tables();
    void rename_columns();
    void rename_columns_of(const ModelState& target);
    bool decide(const RenameChoice& choice);
    void take_forced(std::vector<std::string>& gone, std::vector<std::string>& come,
                     const std::string& table);
    void rename(const RenameChoice& choice);

    // diff_removals.cpp
    void drop_indexes();
    void drop_constraints();
    void narrow_unique_together();
    void drop_columns();
    void drop_tables();

    // diff_additions.cpp
    void create_tables();
    void add_columns();
    void add_column(const ModelState& target, const Field& field);
    void alter_columns();
    void alter_unique_together();
    void create_indexes();
    void add_constraints();
    void add_deferred_relations();

    void emit(OperationPtr op);
    // Tables in both states, in the target's table order.
    std::vector<const ModelState*> shared_tables() const;
    // Fields of `table` that the target changes (removed or altered).
    std::set<std::string> changing_fields(const ModelState& target) const;

    ProjectState working_;
    const ProjectState& target_;
    const DiffOptions& options_;
    std::string app_ = "default";
    std::vector<OperationPtr> operations_;
    // Relations of new tables whose target comes later (a cycle): added
    // as columns once every table exists.
    std::vector<std::pair<std::string, Field>> deferred_;
};

}  // namespace covet::diff
