// The related managers of a record (Django's related_descriptors.py): a
// reverse ForeignKey (`user.posts`) changes the key of the related rows; a
// many-to-many (`post.tags`, `tag.posts`, `person.friends`) the links in its
// through table.
#include <algorithm>

#include "covet/error.h"
#include "covet/queryset.h"
#include "query/atomic_scope.h"
#include "query/many_to_many_links.h"
#include "query/record_support.h"
#include "query/row_writer.h"

namespace covet {

namespace {

const ModelState& other_model(const RelationEnd& end) {
    return *end.related;
}

std::vector<Value> keys_of(const std::vector<Record>& records, const RelationEnd& end) {
    std::vector<Value> keys;
    for (const Record& record : records) {
        if (record.model().table != other_model(end).table)
            throw QueryError("'" + end.accessor + "' relates '" + other_model(end).name +
                             "' records, not '" + record.model().name + "' records");
        if (record.pk().is_null())
            throw QueryError("a '" + record.model().name +
                             "' record must be saved before it is related (save it first)");
        keys.push_back(record.pk());
    }
    return keys;
}

}  // namespace

RelatedManager::RelatedManager(Record owner, const RelationEnd& relation)
    : owner_(std::move(owner)), relation_(&relation) {
    if (owner_.pk().is_null())
        throw QueryError("'" + owner_.model().name +
                         "' instance needs to have a primary key value before this "
                         "relationship can be used.");
}

Record RelatedManager::create(const std::vector<std::pair<std::string, Value>>& fields) const {
    owner_.forget_prefetched(relation_->accessor);
    const RelationEnd& end = *relation_;
    Record record(owner_.database(), owner_.models(), other_model(end));
    for (const auto& [name, value] : fields)
        record.set(name, value);
    if (end.kind != RelationKind::ManyToMany) {
        record.set(end.field->name, owner_.pk());
        record.save_unvalidated();
        return record;
    }
    AtomicScope scope(owner_.database().connection());
    record.save_unvalidated();
    ManyToManyLinks(owner_.database(), owner_.models(), end).add(owner_.pk(), {record.pk()});
    scope.commit();
    return record;
}

void RelatedManager::add(const std::vector<Record>& records) const {
    owner_.forget_prefetched(relation_->accessor);
    const RelationEnd& end = *relation_;
    const std::vector<Value> keys = keys_of(records, end);
    // Django's bulk add() of a reverse ForeignKey updates rows that exist:
    // a record not saved yet (even with its key set) is refused.
    for (const Record& record : records)
        if (end.kind != RelationKind::ManyToMany && record.adding())
            throw QueryError("'" + record.model().name +
                             "' instance isn't saved. Save the object first.");
    if (keys.empty()) return;
    AtomicScope scope(owner_.database().connection());
    if (end.kind == RelationKind::ManyToMany) {
        ManyToManyLinks(owner_.database(), owner_.models(), end).add(owner_.pk(), keys);
    } else {
        const ModelState& related = other_model(end);
        const CompiledSql update =
            RowWriter(owner_.database().dialect(), related)
                .set_where_in(*end.field, owner_.pk(), related.primary_key()->column(), keys);
        owner_.database().connection().execute(update.sql, update.params);
    }
    scope.commit();
}

// The keys of the rows related now, as the database has them.
std::vector<Value> RelatedManager::related_keys() const {
    const RelationEnd& end = *relation_;
    if (end.kind == RelationKind::ManyToMany)
        return ManyToManyLinks(owner_.database(), owner_.models(), end).linked(owner_.pk());
    const ModelState& related = other_model(end);
    const CompiledSql select =
        RowWriter(owner_.database().dialect(), related)
            .select_where_in({related.primary_key()}, end.field->column(), {owner_.pk()});
    std::vector<Value> keys;
    for (Row& row : owner_.database().connection().query(select.sql, select.params).rows)
        keys.push_back(values_from_db({related.primary_key()}, std::move(row)).front());
    return keys;
}

// Django offers remove() and clear() on a reverse ForeignKey only when the
// key may be NULL: the rows are kept with no owner.
static void require_nullable(const RelationEnd& end, const char* method) {
    if (end.kind == RelationKind::ManyToMany || end.field->null) return;
    throw QueryError(std::string(method) + "() needs '" + end.declared_on->name + "." +
                     end.field->name + "' to allow NULL: delete the rows instead");
}

void RelatedManager::remove(const std::vector<Record>& records) const {
    owner_.forget_prefetched(relation_->accessor);
    const RelationEnd& end = *relation_;
    require_nullable(end, "remove");
    const std::vector<Value> keys = keys_of(records, end);
    if (keys.empty()) return;
    if (end.kind == RelationKind::ManyToMany) {
        AtomicScope scope(owner_.database().connection());
        ManyToManyLinks(owner_.database(), owner_.models(), end).remove(owner_.pk(), keys);
        scope.commit();
        return;
    }
    const std::vector<Value> current = related_keys();
    for (const Record& record : records)
        if (std::find(current.begin(), current.end(), record.pk()) == current.end())
            throw DoesNotExist(record.model().name,
                               record.model().name + " " + record.pk().to_string() +
                                   " is not related to " + owner_.model().name + " " +
                                   owner_.pk().to_string() + ".");
    const ModelState& related = other_model(end);
    const CompiledSql update =
        RowWriter(owner_.database().dialect(), related)
            .set_where_in(*end.field, Value(), related.primary_key()->column(), keys);
    owner_.database().connection().execute(update.sql, update.params);
}

void RelatedManager::clear() const {
    owner_.forget_prefetched(relation_->accessor);
    const RelationEnd& end = *relation_;
    require_nullable(end, "clear");
    if (end.kind == RelationKind::ManyToMany) {
        ManyToManyLinks(owner_.database(), owner_.models(), end).clear(owner_.pk());
        return;
    }
    const CompiledSql update =
        RowWriter(owner_.database().dialect(), other_model(end))
            .set_where_in(*end.field, Value(), end.field->column(), {owner_.pk()});
    owner_.database().connection().execute(update.sql, update.params);
}

// Django's set(): keeps the rows related already, removes the others and
// adds the new ones (a reverse ForeignKey that is not nullable only adds).
void RelatedManager::set(const std::vector<Record>& records) const {
    owner_.forget_prefetched(relation_->accessor);
    const RelationEnd& end = *relation_;
    const std::vector<Value> wanted = keys_of(records, end);
    if (end.kind != RelationKind::ManyToMany && !end.field->null) return add(records);
    AtomicScope scope(owner_.database().connection());
    const std::vector<Value> current = related_keys();
    std::vector<Record> stale, fresh;
    for (const Record& record : records)
        if (std::find(current.begin(), current.end(), record.pk()) == current.end())
            fresh.push_back(record);
    for (const Value& key : current)
        if (std::find(wanted.begin(), wanted.end(), key) == wanted.end()) {
            Record row(owner_.database(), owner_.models(), other_model(end));
            row.set("pk", key);
            stale.push_back(std::move(row));
        }
    remove(stale);
    add(fresh);
    scope.commit();
}

}  // namespace covet
