// What covet::Objects<T> is built on, without templates (core/src/typed):
// the check of a struct's mapping against the state, and a cursor that
// hands out each row's values as the fields' kinds, in place.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "covet/cursor.h"
#include "covet/error.h"
#include "covet/models.h"
#include "covet/queryset.h"
#include "covet/typed_mapping.h"

namespace covet {

struct SelectColumn;  // core/src/query/compiler.h

// A struct's mapping that does not fit the state: a missing model or field,
// or a member type that cannot hold the column. Names struct, member, field.
class MappingError : public Error {
  public:
    using Error::Error;
};

struct MemberSpec {
    const char* member;
    const char* field;
    MemberKind kind;
    bool optional;
};

// A mapping checked against one state.
class TypedBinding {
  public:
    // Throws MappingError for the first member that does not fit.
    TypedBinding(const Models& models, const char* struct_name, const char* model,
                 const std::vector<MemberSpec>& members);
    const ModelState& model() const { return *model_; }
    const char* struct_name() const { return struct_name_; }
    // Per member: its field's place among the model's concrete fields, and
    // the field's name.
    const std::vector<std::size_t>& slots() const { return slots_; }
    const std::vector<std::string>& fields() const { return fields_; }
    // The member holding the primary key, if any, and whether the database
    // assigns it (a zero or empty key is then left out of an insert).
    std::optional<std::size_t> pk_member() const { return pk_member_; }
    bool auto_pk() const { return auto_pk_; }

  private:
    const ModelState* model_;
    const char* struct_name_;
    std::vector<std::size_t> slots_;
    std::vector<std::string> fields_;
    std::optional<std::size_t> pk_member_;
    bool auto_pk_ = false;
};

// The rows of a QuerySet (records or values_list) streamed with each value
// already of its field's kind; the row is refilled in place.
class RowCursor {
  public:
    explicit RowCursor(const QuerySet& set);
    RowCursor(RowCursor&&) noexcept;
    ~RowCursor();
    bool next();
    const Row& row() const { return row_; }

  private:
    void convert();
    std::vector<SelectColumn> columns_;
    std::vector<std::optional<Value::Kind>> kept_;  // a value of this kind is kept as read
    std::optional<Cursor> cursor_;
    Row row_;
};

}  // namespace covet
