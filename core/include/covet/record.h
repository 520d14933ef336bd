// One row of a model as an object (Django's model instance): typed get/set
// by field name, save, delete, refresh_from_db, JSON, relation access.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "covet/database.h"
#include "covet/models.h"
#include "covet/q.h"
#include "covet/value.h"

namespace covet {

class QuerySet;

// What delete() removed: the total and the rows per model, as Django's
// (total, {"library.Post": n}): keyed by "<app>.<Model>", an auto-created
// many-to-many table by its through model ("library.Post_tags"); models
// without a deleted row are left out.
struct DeleteResult {
    std::int64_t total = 0;
    std::map<std::string, std::int64_t> per_model;
};

class RelatedManager;

class Record {
  public:
    // A new record of `model` with every field at its default (not saved):
    // the typed default, else '' for a text field that is not null (as
    // Django), else NULL.
    Record(Database db, Models models, const ModelState& model);
    // A record read from the database by the query engine: `values` holds
    // the concrete fields in column order (ModelState::concrete_fields());
    // `loaded` marks the ones read (only/defer), empty meaning all. The
    // values are taken as the fields' kinds (value_from_db already applied);
    // such a record is saved (adding() is false).
    Record(Database db, Models models, const ModelState& model, Row values,
           std::vector<bool> loaded = {});

    const ModelState& model() const { return *model_; }
    const Models& models() const { return models_; }
    const Database& database() const { return db_; }
    // Binds the record, and the related records it cached, to another
    // Database of the same database: an async call's result, read through a
    // worker's lease, is handed back bound to the caller's.
    void rebind(const Database& db);

    // A field by attribute name (`author` gives the related primary key,
    // as `author_id` does), or an annotation. A deferred field is loaded on
    // first access. Throws QueryError naming the valid fields.
    const Value& get(const std::string& name) const;
    const Value& get(const char* name) const;  // get("title") makes no std::string
    // Sets a field (by name or column attribute name) or, for a ForeignKey
    // given a record, its related record. Text for a typed field is read as
    // its kind (a DateTimeField takes '2024-01-01T10:00:00').
    void set(const std::string& name, Value value);
    void set(const std::string& name, const Record& related);
    Value pk() const;
    // Whether the record has not been saved (Django's _state.adding).
    bool adding() const { return adding_; }

    // The related record of a ForeignKey, loaded on first access and cached;
    // nullopt when the key is NULL.
    std::optional<Record> related(const std::string& field) const;
    // A reverse ForeignKey or many-to-many manager (`user.posts`, `post.tags`,
    // `<model>_set`). Throws QueryError for a name that is no relation.
    RelatedManager manager(const std::string& accessor) const;

    // Validates every field; throws ValidationError with all failing fields.
    // The auto primary key and deferred fields not read are skipped; null
    // and blank as Django (auto_now fields may be empty: save() fills them).
    void full_clean() const;
    // full_clean(), then inserts when adding (filling auto_now/auto_now_add
    // and the primary key), else updates by primary key (inserting when no
    // row has it, as Django). force_insert always inserts (create()).
    void save(bool force_insert = false);
    // save() without full_clean(): what create(), get_or_create(),
    // update_or_create() and a related manager's create() do, as Django's
    // (which never validate; the database's constraints still apply).
    void save_unvalidated(bool force_insert = false);
    // Through the deletion collector (as QuerySet::delete_); the record
    // keeps its fields but its key becomes NULL. ProtectedError when a
    // PROTECT or RESTRICT relation refuses, with nothing deleted.
    DeleteResult delete_();
    // Throws DoesNotExist when the row is gone.
    void refresh_from_db();

    // The JSON object of SPEC.md §6: fields in field order by column
    // attribute name (author_id), then annotations.
    std::string to_json() const;
    static Record from_json(Database db, Models models, const ModelState& model,
                            const std::string& json);

    // Equal when both are of one model and share a saved primary key.
    bool operator==(const Record& other) const;

    // Used by the query engine.
    void set_annotation(const std::string& name, Value value);
    const std::vector<std::pair<std::string, Value>>& annotations() const { return annotations_; }
    void cache_related(const std::string& field, std::optional<Record> related) const;
    void cache_prefetched(const std::string& accessor, std::vector<Record> records) const;
    const std::vector<Record>* prefetched(const std::string& accessor) const;
    // A related manager's write makes the prefetched rows stale (Django's
    // _remove_prefetched_objects).
    void forget_prefetched(const std::string& accessor) const;
    const Row& values() const { return values_; }  // concrete fields, column order
    // The concrete field at `slot` of values() (a deferred one loaded), and
    // a value of the field's kind stored there as it is (bulk_create's keys).
    const Value& value_at(std::size_t slot) const;
    void store_at(std::size_t slot, Value value);
    void mark_saved() { adding_ = false; }
    // Sets the auto_now fields, and auto_now_add ones when adding, to now
    // in UTC (save() and bulk_create() call it before writing).
    void stamp_auto_now();

  private:
    friend class RecordLayout;  // refills a record in place (RecordStream)
    // A read record whose model's slots the query engine looked up once
    // for every row (`slots` are of `models`, which outlive the record).
    Record(Database db, Models models, const ModelState& model, const FieldSlots& slots, Row values,
           const std::vector<bool>& loaded);
    // Position in values_ of a field by attribute or column name ("pk" too).
    std::optional<std::size_t> find_index(const std::string& name) const;
    const Value& get_named(std::string_view name) const;
    void bind_slots();
    std::size_t index_of(const std::string& name) const;  // throws QueryError
    const Field& field_at(std::size_t index) const;
    void load_deferred(std::size_t index) const;
    void insert();
    bool update();

    Database db_;
    Models models_;
    const ModelState* model_;
    const FieldSlots* slots_ = nullptr;            // from models_, or own_slots_
    std::shared_ptr<const FieldSlots> own_slots_;  // a model of no state of models_
    mutable Row values_;                           // mutable: a deferred field loads on first get()
    mutable std::vector<bool> loaded_;             // empty: all loaded
    std::vector<std::pair<std::string, Value>> annotations_;
    bool adding_ = true;
    struct Caches;
    Caches& caches() const;                   // made on first use: most records never cache
    mutable std::shared_ptr<Caches> caches_;  // related records and prefetched lists; may be null
};

// `user.posts` (reverse ForeignKey) or `post.tags` (many-to-many): the
// related rows of one record, as Django's related managers.
class RelatedManager {
  public:
    RelatedManager(Record owner, const RelationEnd& relation);
    QuerySet all() const;  // the prefetched rows when prefetch_related loaded them
    QuerySet filter(const Q& condition) const;
    // A new related record saved with the key to the owner (many-to-many:
    // saved, then linked), in one transaction.
    Record create(const std::vector<std::pair<std::string, Value>>& fields) const;
    // Many-to-many: links rows, skipping links that exist (for a reverse
    // ForeignKey: sets their key to the owner in one UPDATE, as Django's
    // add(bulk=True), refusing records not saved; unlike Django's, the
    // records given keep their old key: reread them). Symmetrical self relations
    // link and unlink both ways. remove() and clear() of a reverse
    // ForeignKey set the key to NULL and need a nullable key (QueryError
    // otherwise); remove() throws DoesNotExist for a row not related.
    // set() keeps what is related already, removes the rest, adds the new.
    void add(const std::vector<Record>& records) const;
    void remove(const std::vector<Record>& records) const;
    void clear() const;
    void set(const std::vector<Record>& records) const;
    const RelationEnd& relation() const { return *relation_; }

  private:
    QuerySet query() const;  // the related rows, read anew
    std::vector<Value> related_keys() const;

    Record owner_;
    const RelationEnd* relation_;
};

}  // namespace covet
