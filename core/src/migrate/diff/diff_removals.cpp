// What goes, before anything comes: indexes, constraints and unique_together
// groups first (a column they use cannot be dropped), then columns, then
// tables, each table after the tables that point at it.
#include <algorithm>

#include "covet/state_yaml.h"
#include "migrate/diff/state_differ.h"

namespace covet::diff {

void StateDiffer::drop_indexes() {
    for (const ModelState* target : shared_tables()) {
        std::vector<std::string> names;
        for (const IndexSpec& index : working_.table(target->table).indexes) {
            const IndexSpec* wanted = target->find_index(index.name);
            if (!wanted || !(*wanted == index)) names.push_back(index.name);
        }
        for (const std::string& name : names) {
            auto op = std::make_shared<DropIndex>();
            op->table = target->table;
            op->name = name;
            emit(op);
        }
    }
}

void StateDiffer::drop_constraints() {
    for (const ModelState* target : shared_tables()) {
        std::vector<std::string> names;
        for (const ConstraintSpec& c : working_.table(target->table).constraints) {
            const ConstraintSpec* wanted = target->find_constraint(c.name);
            if (!wanted || !(*wanted == c)) names.push_back(c.name);
        }
        for (const std::string& name : names) {
            auto op = std::make_shared<RemoveConstraint>();
            op->table = target->table;
            op->name = name;
            emit(op);
        }
    }
}

// A unique_together group over a column that is dropped or altered goes
// first; the groups both states share stay. The complete new set comes
// after the columns (alter_unique_together below).
void StateDiffer::narrow_unique_together() {
    for (const ModelState* target : shared_tables()) {
        const ModelState& current = working_.table(target->table);
        if (current.unique_together == target->unique_together) continue;
        std::set<std::string> changing = changing_fields(*target);
        auto touches = [&](const std::vector<std::string>& group) {
            return std::any_of(group.begin(), group.end(),
                               [&](const std::string& name) { return changing.count(name) > 0; });
        };
        auto& groups = current.unique_together;
        if (std::none_of(groups.begin(), groups.end(), touches)) continue;
        auto op = std::make_shared<AlterUniqueTogether>();
        op->table = target->table;
        for (const auto& group : groups)
            if (std::find(target->unique_together.begin(), target->unique_together.end(), group) !=
                target->unique_together.end())
                op->unique_together.push_back(group);
        emit(op);
    }
}

void StateDiffer::drop_columns() {
    for (const ModelState* target : shared_tables()) {
        std::vector<std::string> names;
        for (const Field& f : working_.table(target->table).fields)
            if (!target->find_field(f.name)) names.push_back(f.name);
        for (const std::string& name : names) {
            auto op = std::make_shared<DropColumn>();
            op->table = target->table;
            op->column = name;
            emit(op);
        }
    }
}

void StateDiffer::drop_tables() {
    std::vector<const ModelState*> order = models_in_dependency_order(working_);
    std::vector<std::string> names;
    // Reverse dependency order: a table that points at another goes first.
    for (auto it = order.rbegin(); it != order.rend(); ++it)
        if (!target_.find_table((*it)->table)) names.push_back((*it)->table);
    for (const std::string& name : names) {
        auto op = std::make_shared<DropTable>();
        op->table = name;
        emit(op);
    }
}

}  // namespace covet::diff
