// The schema as the migrations build it: one ModelState per table.
#pragma once

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "covet/condition.h"
#include "covet/field.h"
#include "covet/relation_index.h"

namespace covet {

struct IndexSpec {
    std::string name;
    std::vector<std::string> columns;  // field names or column names
    bool unique = false;
    Condition where;  // partial-index condition; empty: none
    // Build without blocking writes where the dialect can (PostgreSQL); the
    // migration must then be `atomic: false`.
    bool concurrently = false;
    bool operator==(const IndexSpec&) const = default;
};

// A named constraint of add_constraint: UNIQUE over fields (partial when
// `where` is set) or a CHECK condition.
struct ConstraintSpec {
    std::string name;
    std::vector<std::string> unique;  // field names; empty for a CHECK
    Condition where;                  // UNIQUE only
    Condition check;                  // CHECK only
    bool is_check() const { return unique.empty(); }
    bool operator==(const ConstraintSpec&) const = default;
};

struct ModelState {
    std::string app;
    std::string name;           // model name (CamelCase), as in the ORM and shell
    std::string table;          // database table
    std::vector<Field> fields;  // column order
    std::vector<std::vector<std::string>> unique_together;  // field names
    std::vector<IndexSpec> indexes;
    std::vector<ConstraintSpec> constraints;
    std::vector<std::string> ordering;
    // An auto-created many-to-many through table: never created on its own.
    bool auto_created = false;

    const Field* find_field(const std::string& name) const;
    // Finds a field by attribute name or by column name.
    const Field* find_field_or_column(const std::string& name) const;
    Field* find_field_mut(const std::string& name);
    const Field* primary_key() const;
    // Fields that own a column, in column order.
    std::vector<const Field*> concrete_fields() const;
    const IndexSpec* find_index(const std::string& name) const;
    const ConstraintSpec* find_constraint(const std::string& name) const;
    // Resolves a name used in an index or unique_together to its column.
    std::string column_for(const std::string& field_or_column) const;

    bool operator==(const ModelState&) const = default;
};

// CamelCase of a table name: blog_posts -> BlogPosts.
std::string model_name_for_table(const std::string& table);

// Models keyed by table name, with an index by model name and, built on
// first use, the relations seen from both ends (relations()).
//
// Copying a ProjectState is cheap: the copy shares the models. A state may
// change a model in place only while no copy shares it: every model records
// the generation of the state that made it, and a copy gives both states
// new generations, so any change after that copies the model first. Nothing
// depends on reference counts, so a state published read-only may be read
// and copied from any number of threads at once (const members only); a
// state being changed belongs to one thread.
class ProjectState {
  public:
    ProjectState();
    ProjectState(const ProjectState& other);
    ProjectState(ProjectState&& other) noexcept;
    ProjectState& operator=(const ProjectState& other);
    ProjectState& operator=(ProjectState&& other) noexcept;
    ~ProjectState();

    const ModelState* find_table(const std::string& table) const;
    // By model name, case-insensitive as Django's model names (an exact
    // match first when two differ only in case).
    const ModelState* find_model(const std::string& model_name) const;
    // By app label and model name (the app exact, the name case-insensitive).
    const ModelState* find_model(const std::string& app, const std::string& model_name) const;
    // A relation target ("self", a model name or a table name) seen from `from`.
    const ModelState* resolve_target(const std::string& target, const ModelState& from) const;
    const ModelState& table(const std::string& table) const;  // throws MigrationError

    // Every relation seen from both of its models; built once per state
    // (on first call, from any thread) and valid until the state changes.
    const RelationIndex& relations() const;
    // The relations pointing at `model` (a model of this state).
    const std::vector<RelationEnd>& reverse_relations_of(const ModelState& model) const;
    // The relation `name` names in a lookup on `model` (`author` of
    // author__name, `posts` or `post` for a reverse ForeignKey), or null.
    const RelationEnd* resolve_relation(const ModelState& model, const std::string& name) const;

    // Replaces or inserts a model.
    void put(ModelState model);
    void remove(const std::string& table);
    // Gives a private copy of the model to change; its table, app and name
    // stay as they are (a rename is remove() and put()). Read nothing
    // through relations() while changing it.
    ModelState& edit(const std::string& table);

    std::vector<const ModelState*> models() const;  // in table-name order
    std::size_t size() const { return models_.size(); }
    // With tracking on, the tables put or edited since the last call: what
    // an operation changed, for checks that need not look at the whole state
    // again. Off by default, so the states the executor keeps stay small.
    void track_changed_tables(bool on) {
        tracking_ = on;
        changed_.clear();
    }
    std::vector<std::string> take_changed_tables() { return std::exchange(changed_, {}); }

    // The auto-created through model of a ManyToManyField (SPEC.md §4):
    // table `<table>_<field>`, id primary key, two foreign keys.
    ModelState through_model(const ModelState& owner, const Field& m2m) const;
    // Foreign keys pointing at `table`, as (model, field) pairs.
    std::vector<std::pair<const ModelState*, const Field*>> references_to(
        const std::string& table) const;

  private:
    struct Entry {
        std::shared_ptr<ModelState> model;  // handed out as const only
        std::uint64_t generation = 0;       // of the state that may change it in place
    };
    struct LazyRelations;
    struct NameIndex;
    void changed();
    NameIndex& own_names();
    const ModelState* find_named(const std::string& model_name, const std::string* app) const;

    std::map<std::string, Entry> models_;
    // Model name to table, shared by copies as the models are and owned
    // (changed in place) under the same rule; null while there are no models.
    std::shared_ptr<NameIndex> names_;
    std::uint64_t names_generation_ = 0;
    // Copying a state changes the generation of the original too, hence
    // mutable, and atomic because readers of a shared state may copy it at once.
    mutable std::atomic<std::uint64_t> generation_;
    // Shared by copies until either changes; null for a state never changed.
    std::shared_ptr<LazyRelations> relations_;
    std::uint64_t relations_generation_ = 0;
    std::vector<std::string> changed_;
    bool tracking_ = false;
};

}  // namespace covet
