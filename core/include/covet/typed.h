// Typed models: plain structs in, std::vector<T> out, over the same
// QuerySet as the dynamic API (covet/queryset.h).
//
//   COVET_MODEL(Post, "Post", COVET_FIELD(id), COVET_FIELD(title), ...);  // covet/typed_mapping.h
//   covet::Objects<Post> posts(db, models);  // checks the mapping: MappingError
//   std::vector<Post> popular = posts.filter(covet::field(&Post::view_count) >= 1000)
//                                    .order_by({"-published_at"}).all();
//
// Reading decodes each cursor row straight into T (no Record per row).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "covet/database.h"
#include "covet/queryset.h"
#include "covet/record.h"
#include "covet/typed_binding.h"
#include "covet/typed_filter.h"
#include "covet/typed_mapping.h"

namespace covet {

template <class T>
class Objects;

// T's members read from a row of RowCursor: member i from row[index(i)].
template <class T, class Index>
void read_members(const Row& row, T& out, Index index) {
    std::apply(
        [&](const auto&... m) {
            std::size_t i = 0;
            ((MemberTraits<typename std::remove_cvref_t<decltype(m)>::member_type>::read(
                 row[index(i++)], out.*m.pointer)),
             ...);
        },
        Mapping<T>::members);
}

// Typed rows streamed one at a time: next(T&) refills the struct given.
template <class T>
class TypedStream {
  public:
    TypedStream(std::shared_ptr<const TypedBinding> binding, const QuerySet& set)
        : binding_(std::move(binding)), rows_(set) {}
    bool next(T& out) {
        if (!rows_.next()) return false;
        const std::size_t* slots = binding_->slots().data();
        read_members(rows_.row(), out, [slots](std::size_t i) { return slots[i]; });
        return true;
    }

  private:
    std::shared_ptr<const TypedBinding> binding_;
    RowCursor rows_;
};

template <class T>
class Objects {
  public:
    // Checks T's mapping against the models' state (MappingError).
    Objects(const Database& db, const Models& models)
        : binding_(std::make_shared<const TypedBinding>(models, Mapping<T>::struct_name,
                                                        Mapping<T>::model, specs())),
          set_(db, models, binding_->model()) {}

    Objects filter(const Q& condition) const { return with(set_.filter(condition)); }
    Objects exclude(const Q& condition) const { return with(set_.exclude(condition)); }
    Objects order_by(const std::vector<std::string>& fields) const {
        return with(set_.order_by(fields));
    }
    Objects reverse() const { return with(set_.reverse()); }
    Objects distinct() const { return with(set_.distinct()); }
    Objects slice(std::optional<std::int64_t> start, std::optional<std::int64_t> stop) const {
        return with(set_.slice(start, stop));
    }

    TypedStream<T> iterator() const { return TypedStream<T>(binding_, set_); }
    std::vector<T> all() const {
        std::vector<T> out;
        TypedStream<T> stream = iterator();
        for (T row{}; stream.next(row);)
            out.push_back(std::move(row));
        return out;
    }
    std::optional<T> first() const {
        std::optional<Record> record = set_.first();
        if (!record) return std::nullopt;
        return from_record(*record);
    }
    T get(const Q& condition = Q()) const { return from_record(set_.get(condition)); }
    std::int64_t count() const { return set_.count(); }
    bool exists() const { return set_.exists(); }

    // Tuples of the members given, in this query's order.
    template <class... M>
    std::vector<std::tuple<M...>> values_list(M T::*... members) const {
        RowCursor rows(set_.values_list({field_name_of(members)...}));
        std::vector<std::tuple<M...>> out;
        while (rows.next()) {
            std::tuple<M...>& t = out.emplace_back();
            std::size_t i = 0;
            std::apply([&](auto&... v) { (read_into(rows.row()[i++], v), ...); }, t);
        }
        return out;
    }

    // Writes: the struct's key (and auto_now fields) are read back after an insert.
    void create(T& row) const {
        Record record = to_record(row, false);
        record.save_unvalidated(true);
        read_back(record, row);
    }
    void save(T& row) const {
        Record record = to_record(row, true);
        record.save();
        read_back(record, row);
    }
    void bulk_create(std::vector<T>& rows, BulkOptions options = {}) const {
        std::vector<Record> records;
        records.reserve(rows.size());
        for (const T& row : rows)
            records.push_back(to_record(row, false));
        set_.bulk_create(records, options);
        for (std::size_t i = 0; i < rows.size(); ++i)
            read_back(records[i], rows[i]);
    }
    std::int64_t bulk_update(const std::vector<T>& rows, const std::vector<std::string>& fields,
                             std::size_t batch_size = 0) const {
        std::vector<Record> records;
        records.reserve(rows.size());
        for (const T& row : rows)
            records.push_back(to_record(row, true));
        return set_.bulk_update(records, fields, batch_size);
    }
    std::int64_t update(const std::vector<std::pair<std::string, Expr>>& assignments) const {
        return set_.update(assignments);
    }
    DeleteResult delete_() const { return set_.delete_(); }
    DeleteResult remove(const T& row) const { return to_record(row, true).delete_(); }

    // The struct a ForeignKey member points at (nullopt for a NULL key).
    template <class R, class M>
    std::optional<R> related(const T& row, M T::*key) const {
        const Value id = MemberTraits<M>::write(row.*key);
        if (id.is_null()) return std::nullopt;
        return Objects<R>(set_.database(), set_.models()).get(Q{{"pk", Operand(id)}});
    }

    const QuerySet& queryset() const { return set_; }
    const TypedBinding& binding() const { return *binding_; }

  private:
    Objects(std::shared_ptr<const TypedBinding> binding, QuerySet set)
        : binding_(std::move(binding)), set_(std::move(set)) {}
    Objects with(QuerySet set) const { return Objects(binding_, std::move(set)); }

    static std::vector<MemberSpec> specs() {
        return std::apply(
            [](const auto&... m) {
                return std::vector<MemberSpec>{MemberSpec{
                    m.member, m.field,
                    MemberTraits<typename std::remove_cvref_t<decltype(m)>::member_type>::kind,
                    is_optional_member<typename std::remove_cvref_t<decltype(m)>::member_type>}...};
            },
            Mapping<T>::members);
    }
    template <class M>
    static void read_into(const Value& value, M& out) {
        MemberTraits<M>::read(value, out);
    }
    T from_record(const Record& record) const {
        T out{};
        read_back(record, out);
        return out;
    }
    void read_back(const Record& record, T& out) const {
        const std::size_t* slots = binding_->slots().data();
        read_members(record.values(), out, [slots](std::size_t i) { return slots[i]; });
    }
    // `saved`: the row exists (save updates by key, inserting when it is gone).
    Record to_record(const T& row, bool saved) const {
        Record record(set_.database(), set_.models(), binding_->model());
        const std::optional<std::size_t> pk = binding_->pk_member();
        std::apply(
            [&](const auto&... m) {
                std::size_t i = 0;
                (store(record, row, m, i++, pk), ...);
            },
            Mapping<T>::members);
        if (saved && !record.pk().is_null()) record.mark_saved();
        return record;
    }
    template <class Member>
    void store(Record& record, const T& row, const Member& m, std::size_t i,
               std::optional<std::size_t> pk) const {
        using M = typename Member::member_type;
        Value value = MemberTraits<M>::write(row.*m.pointer);
        const bool unset_key =
            binding_->auto_pk() && pk && *pk == i &&
            (value.is_null() || (value.kind() == Value::Kind::Int && value.as_int() == 0));
        if (!unset_key) record.store_at(binding_->slots()[i], std::move(value));
    }

    std::shared_ptr<const TypedBinding> binding_;
    QuerySet set_;
};

}  // namespace covet
