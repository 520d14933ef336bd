// Renames: a table or column that goes and one that comes with the same
// definition are one rename when each is the other's only candidate, and
// only when confirmed (--rename, or y on a terminal): never a silent drop
// and add that loses the data, never a guess.
#include <algorithm>

#include "covet/error.h"
#include "migrate/diff/state_differ.h"

namespace covet::diff {

namespace {

// Same columns with the same definitions, whatever the table is called.
bool same_table_shape(const ProjectState& a_state, const ModelState& a, const ProjectState& b_state,
                      const ModelState& b) {
    if (a.fields.size() != b.fields.size()) return false;
    for (std::size_t i = 0; i < a.fields.size(); ++i)
        if (!same_field(a_state, a, a.fields[i], b_state, b, b.fields[i])) return false;
    return true;
}

template <typename Match>
std::vector<std::pair<std::string, std::string>> unique_pairs(const std::vector<std::string>& gone,
                                                              const std::vector<std::string>& come,
                                                              Match match) {
    std::vector<std::pair<std::string, std::string>> pairs;
    for (const std::string& old_name : gone) {
        std::vector<std::string> candidates;
        for (const std::string& new_name : come)
            if (match(old_name, new_name)) candidates.push_back(new_name);
        if (candidates.size() != 1) continue;
        int back = 0;
        for (const std::string& other : gone)
            if (match(other, candidates[0])) ++back;
        if (back == 1) pairs.emplace_back(old_name, candidates[0]);
    }
    return pairs;
}

}  // namespace

bool StateDiffer::decide(const RenameChoice& choice) {
    return options_.confirm && options_.confirm(choice);
}

void StateDiffer::rename_tables() {
    std::vector<std::string> gone, come;
    for (const ModelState* m : working_.models())
        if (!m->auto_created && !target_.find_table(m->table)) gone.push_back(m->table);
    for (const ModelState* m : target_.models())
        if (!m->auto_created && !working_.find_table(m->table)) come.push_back(m->table);
    for (const RenameChoice& r : options_.renames) {
        if (!r.is_table()) continue;
        if (std::find(gone.begin(), gone.end(), r.old_name) == gone.end() ||
            std::find(come.begin(), come.end(), r.new_name) == come.end())
            throw MigrationError("--rename " + r.flag() + ": the models do not drop table '" +
                                 r.old_name + "' and add table '" + r.new_name + "'");
    }
    take_forced(gone, come, "");
    auto match = [&](const std::string& old_name, const std::string& new_name) {
        return same_table_shape(working_, working_.table(old_name), target_,
                                target_.table(new_name));
    };
    for (const auto& [old_name, new_name] : unique_pairs(gone, come, match))
        if (decide({"", old_name, new_name})) rename({"", old_name, new_name});
}

void StateDiffer::rename_columns() {
    for (const RenameChoice& r : options_.renames) {
        if (r.is_table()) continue;
        const ModelState* current = working_.find_table(r.table);
        const ModelState* wanted = target_.find_table(r.table);
        if (!current || !wanted || !current->find_field(r.old_name) ||
            wanted->find_field(r.old_name) || !wanted->find_field(r.new_name) ||
            current->find_field(r.new_name))
            throw MigrationError("--rename " + r.flag() + ": the models do not drop column '" +
                                 r.table + "." + r.old_name + "' and add column '" + r.new_name +
                                 "'");
    }
    for (const ModelState* target : shared_tables())
        rename_columns_of(*target);
}

void StateDiffer::rename_columns_of(const ModelState& target) {
    std::vector<std::string> gone, come;
    for (const Field& f : working_.table(target.table).fields)
        if (!target.find_field(f.name)) gone.push_back(f.name);
    for (const Field& f : target.fields)
        if (!working_.table(target.table).find_field(f.name)) come.push_back(f.name);
    take_forced(gone, come, target.table);
    // Read after the forced renames changed the working state.
    const ModelState& current = working_.table(target.table);
    auto match = [&](const std::string& old_name, const std::string& new_name) {
        Field renamed = *current.find_field(old_name);
        renamed.name = new_name;
        // A column named after the field follows the rename.
        return renamed.has_column() && same_field(working_, current, renamed, target_, target,
                                                  *target.find_field(new_name));
    };
    const std::string table = target.table;
    for (const auto& [old_name, new_name] : unique_pairs(gone, come, match))
        if (decide({table, old_name, new_name})) rename({table, old_name, new_name});
}

// The --rename choices of `table` ("" for tables): made first, whatever
// else could match, and taken out of what goes and what comes.
void StateDiffer::take_forced(std::vector<std::string>& gone, std::vector<std::string>& come,
                              const std::string& table) {
    for (const RenameChoice& r : options_.renames) {
        if (r.table != table) continue;
        auto old_at = std::find(gone.begin(), gone.end(), r.old_name);
        auto new_at = std::find(come.begin(), come.end(), r.new_name);
        if (old_at == gone.end() || new_at == come.end()) continue;
        gone.erase(old_at);
        come.erase(new_at);
        rename(r);
    }
}

void StateDiffer::rename(const RenameChoice& choice) {
    if (choice.is_table()) {
        auto op = std::make_shared<RenameTable>();
        op->old_name = choice.old_name;
        op->new_name = choice.new_name;
        emit(op);
        return;
    }
    auto op = std::make_shared<RenameColumn>();
    op->table = choice.table;
    op->old_name = choice.old_name;
    op->new_name = choice.new_name;
    emit(op);
}

}  // namespace covet::diff
