// The relations of a project state seen from both ends, as Django's model
// options list them (fields and related_objects): what the ORM resolves
// `author__name` and `user.posts` through. Names follow Django 3.2
// (fields/related.py, fields/reverse_related.py).
#pragma once

#include <map>
#include <string>
#include <vector>

namespace covet {

struct Field;
struct ModelState;
class ProjectState;

enum class RelationKind { ManyToOne, OneToOne, ManyToMany };

// A ForeignKey is many-to-one, a ManyToManyField many-to-many. (OneToOne has
// no field type of its own yet; its names are given by the functions below.)
RelationKind relation_kind(const Field& field);

// One relation field seen from one of its two models: the field itself on
// the model that declares it, its reverse (Django's ForeignObjectRel) on the
// model it points at. A self relation has both ends on the same model.
struct RelationEnd {
    const ModelState* model = nullptr;    // the model the names below belong to
    const ModelState* related = nullptr;  // the model at the other end
    const ModelState* declared_on = nullptr;
    const Field* field = nullptr;  // the relation field, on `declared_on`
    RelationKind kind = RelationKind::ManyToOne;
    bool reverse = false;  // seen from the model the field points at
    // Attribute name (`post.author`, `user.posts`, `user.post_set`); empty
    // when the reverse is hidden (related_name '+') or, for a symmetrical
    // many-to-many to its own model, does not exist.
    std::string accessor;
    // Name in lookups (`author__name`, `post__title`); empty when none.
    std::string query_name;

    bool hidden() const { return accessor.empty(); }
    // Whether one row of `model` relates to many rows of `related`.
    bool to_many() const {
        return kind == RelationKind::ManyToMany || (reverse && kind == RelationKind::ManyToOne);
    }
};

// Django's ForeignObjectRel.is_hidden: a related_name ending in '+'.
bool is_hidden_related_name(const std::string& related_name);

// The reverse accessor of `field`, declared on the model named
// `declared_on_name` (Django's get_accessor_name): related_name, else the
// lower-cased model name plus "_set" unless one-to-one. Empty when hidden,
// or when `self_symmetrical` (a symmetrical many-to-many to its own model).
std::string reverse_accessor_name(const Field& field, RelationKind kind,
                                  const std::string& declared_on_name, bool self_symmetrical);

// The reverse name in lookups (Django's related_query_name):
// related_query_name, else related_name, else the lower-cased model name.
// A hidden reverse is reachable only through an explicit related_query_name.
std::string reverse_query_name(const Field& field, const std::string& declared_on_name,
                               bool self_symmetrical);

// Built from one state and valid as long as that state is unchanged; the
// state owns it (ProjectState::relations()). Not copyable: ends point into it.
class RelationIndex {
  public:
    explicit RelationIndex(const ProjectState& state);
    RelationIndex(const RelationIndex&) = delete;
    RelationIndex& operator=(const RelationIndex&) = delete;

    // The relation fields `model` declares, in field order.
    const std::vector<RelationEnd>& forward_of(const ModelState& model) const;
    // The relations pointing at `model`, hidden ones included (the deletion
    // collector follows those too), in table then field order.
    const std::vector<RelationEnd>& reverse_of(const ModelState& model) const;
    // The relation a lookup names: a field of the model first (as Django's
    // get_field; a column field's name shadows a reverse name), else a
    // reverse query name. Null when the name is no relation of the model.
    const RelationEnd* by_query_name(const ModelState& model, const std::string& name) const;
    // The relation an attribute names: a relation field, else a reverse accessor.
    const RelationEnd* by_accessor(const ModelState& model, const std::string& name) const;

  private:
    struct ModelRelations {
        std::vector<RelationEnd> forward;
        std::vector<RelationEnd> reverse;
        std::map<std::string, const RelationEnd*> by_query;
        std::map<std::string, const RelationEnd*> by_accessor;
    };
    const ModelRelations* find(const ModelState& model) const;
    void add_field(const ProjectState& state, const ModelState& model, const Field& field);
    void index_names(const ModelState& model, ModelRelations& relations);

    std::map<std::string, ModelRelations> by_table_;
};

}  // namespace covet
