// Django's Migration.suggest_name: a name that says what the migration does.
#include <algorithm>
#include <cctype>

#include "covet/state_diff.h"

namespace covet {

namespace {

// Names longer than this read worse than auto_<timestamp> (Django's limit).
constexpr std::size_t kMaxNameLength = 52;

std::string lower_word(const std::string& text) {
    std::string out;
    for (unsigned char c : text)
        out += std::isalnum(c) ? static_cast<char>(std::tolower(c)) : '_';
    return out;
}

template <typename Op>
const Op* as(const OperationPtr& op) {
    return dynamic_cast<const Op*>(op.get());
}

std::string fragment(const OperationPtr& op) {
    if (auto* o = as<CreateTable>(op)) return lower_word(o->table);
    if (auto* o = as<DropTable>(op)) return "delete_" + lower_word(o->table);
    if (auto* o = as<AddColumn>(op)) return "add_" + lower_word(o->table + "_" + o->field.name);
    if (auto* o = as<DropColumn>(op)) return "remove_" + lower_word(o->table + "_" + o->column);
    if (auto* o = as<AlterColumn>(op)) return "alter_" + lower_word(o->table + "_" + o->column);
    if (auto* o = as<RenameTable>(op))
        return "rename_" + lower_word(o->old_name + "_" + o->new_name);
    if (auto* o = as<RenameColumn>(op))
        return "rename_" + lower_word(o->table + "_" + o->old_name + "_" + o->new_name);
    if (auto* o = as<CreateIndex>(op)) return lower_word(o->table + "_" + o->index.name);
    if (auto* o = as<DropIndex>(op)) return "remove_" + lower_word(o->table + "_" + o->name);
    if (auto* o = as<AlterUniqueTogether>(op))
        return "alter_" + lower_word(o->table) + "_unique_together";
    if (auto* o = as<AddConstraint>(op)) return lower_word(o->table + "_" + o->constraint.name);
    if (auto* o = as<RemoveConstraint>(op)) return "remove_" + lower_word(o->table + "_" + o->name);
    return "";
}

}  // namespace

std::string suggest_migration_name(const std::vector<OperationPtr>& operations, bool initial,
                                   const std::string& timestamp) {
    if (initial) return "initial";
    std::string name;
    bool all_creates = !operations.empty() &&
                       std::all_of(operations.begin(), operations.end(),
                                   [](const OperationPtr& op) { return as<CreateTable>(op); });
    if (operations.size() == 1) {
        name = fragment(operations[0]);
    } else if (all_creates) {
        std::vector<std::string> tables;
        for (const OperationPtr& op : operations)
            tables.push_back(fragment(op));
        std::sort(tables.begin(), tables.end());
        for (const std::string& table : tables)
            name += (name.empty() ? "" : "_") + table;
    }
    if (name.empty() || name.size() > kMaxNameLength) return "auto_" + timestamp;
    return name;
}

}  // namespace covet
