// Django's deletion collector (django/db/models/deletion.py): from the rows
// to delete it follows every relation pointing at them, hidden ones too, and
// applies each ForeignKey's on_delete — CASCADE collects the related rows,
// SET_NULL and SET_DEFAULT update them, PROTECT (and RESTRICT, unless the
// rows are deleted anyway) raises ProtectedError before anything is
// deleted, DO_NOTHING leaves them to the database. The links of
// many-to-many relations go with their rows and are counted as Django
// counts them, under the through model ("library.Post_tags").
#pragma once

#include <deque>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "covet/database.h"
#include "covet/models.h"
#include "covet/record.h"

namespace covet {

class DeletionCollector {
  public:
    DeletionCollector(Database db, Models models);

    // Adds the rows of `model` with these primary keys and everything their
    // relations bring in. Throws ProtectedError naming the protecting rows.
    void collect(const ModelState& model, const std::vector<Value>& keys);
    // Runs the collected deletes and updates in one transaction (a savepoint
    // inside an open one): what Django's Collector.delete() returns.
    DeleteResult delete_();

  private:
    struct Collected {
        const ModelState* model = nullptr;
        std::vector<Value> keys;
        std::set<std::string> seen;  // key texts, to add each row once
    };
    // Rows deleted by one statement without being read (Django's fast
    // deletes): those of `model` whose `column` is one of `keys`.
    struct FastDelete {
        const ModelState* model = nullptr;
        std::string column;
        std::vector<Value> keys;
    };
    struct FieldUpdate {
        const ModelState* model = nullptr;
        const Field* field = nullptr;
        Value value;
        std::vector<Value> keys;
    };
    struct Restricted {
        const ModelState* model = nullptr;
        const Field* field = nullptr;
        std::vector<Value> keys;
    };
    using Protecting = std::vector<std::pair<std::string, std::vector<std::string>>>;

    std::vector<Value> add(const ModelState& model, const std::vector<Value>& keys,
                           const ModelState* source, bool nullable);
    void collect_related(const ModelState& model, const std::vector<Value>& keys);
    void follow(const ModelState& model, const RelationEnd& end, const std::vector<Value>& keys,
                Protecting& protecting);
    void collect_links(const ModelState& model, const std::vector<Value>& keys);
    const ModelState& through_of(const ModelState& owner, const Field& field);
    bool can_fast_delete(const ModelState& model) const;
    std::vector<Value> keys_where(const ModelState& model, const std::string& column,
                                  const std::vector<Value>& keys) const;
    void check_restricted(const ModelState& model) const;
    [[noreturn]] void throw_protected(const ModelState& model, const Protecting& protecting,
                                      const char* kind) const;
    std::vector<const Collected*> sorted() const;
    // DELETE (or, given `set_field`, UPDATE) of the rows of `model` whose
    // `column` is one of `keys`, in statements the dialect takes; the rows changed.
    std::int64_t run_in_batches(const ModelState& model, const std::string& column,
                                const std::vector<Value>& keys, const Field* set_field = nullptr,
                                const Value& set_value = Value());

    Database db_;
    Models models_;
    std::deque<ModelState> through_models_;  // auto-created ones, made on demand
    std::vector<Collected> data_;            // in order of first collection
    std::map<std::string, std::set<std::string>> dependencies_;  // table: tables deleted first
    std::vector<FastDelete> fast_deletes_;
    std::vector<FieldUpdate> field_updates_;
    std::vector<Restricted> restricted_;
};

}  // namespace covet
