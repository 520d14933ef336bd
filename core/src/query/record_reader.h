// Rows of a compiled SELECT read back by its column layout (SelectColumn):
// into Records (the queried model's concrete fields, select_related records
// cached on their owners, annotations) or into named values (values(),
// values_list(), aggregate()). The layout is worked out once per query, so
// reading a row is a pass over its values.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "covet/queryset.h"
#include "query/compiler.h"

namespace covet {

// A driver's value of a column as the ORM hands it out: a field's kind
// (value_from_db), or an aggregate's type as Django gives it (Count an
// integer, never NULL; Avg a float, a Decimal over a DecimalField;
// Sum/Min/Max the kind of their field).
Value column_value(const SelectColumn& column, Value raw);

class RecordLayout {
  public:
    RecordLayout(Database db, Models models, const ModelState& model,
                 std::vector<SelectColumn> columns);

    // The row's values are moved out of `row`.
    Record read(Row& row) const;
    // The same into `record`: a record of this layout's model, database and
    // models (the one RecordStream::next refills) takes the row in place,
    // keeping its allocations; any other is replaced.
    void read_into(Row& row, Record& record) const;
    NamedRow read_named(Row& row) const;
    const std::vector<SelectColumn>& columns() const { return columns_; }

  private:
    // The queried model (owners_[0]) or a select_related record.
    struct Owner {
        const ModelState* model = nullptr;
        std::string path;                  // "" for the queried model, "author__profile"
        int parent = -1;                   // index of the owner whose field `field` this is
        std::string field;                 // the relation field on the parent ("profile")
        std::vector<const Field*> fields;  // concrete, in column order
        std::size_t size = 0;
        std::vector<bool> loaded;  // empty: every field was read
        std::size_t pk_slot = 0;
        const FieldSlots* slots = nullptr;  // of models_; null for a model of no state of it
    };
    struct Target {
        int owner = -1;  // -1: an annotation
        std::size_t slot = 0;
        std::optional<Value::Kind> kept;  // a value of this kind needs no column_value
    };
    Value value_of(std::size_t column, Value& raw) const {
        const std::optional<Value::Kind>& kept = targets_[column].kept;
        if (kept && (raw.kind() == *kept || raw.is_null())) return std::move(raw);
        return column_value(columns_[column], std::move(raw));
    }
    Owner make_owner(const ModelState& model, const std::string& path) const;
    Record make_record(const Owner& owner, Row values) const;
    // The select_related records of a row (owners_[1...]), built in `records`.
    void read_related(Row& row, std::optional<Record>* records) const;
    int owner_for(const SelectColumn& column);
    void link_owners();
    bool reusable(const Record& record) const;

    Database db_;
    Models models_;
    std::vector<SelectColumn> columns_;
    std::vector<Owner> owners_;
    std::vector<Target> targets_;
    std::shared_ptr<const std::vector<std::string>> names_;
    bool identity_ = false;  // one owner, column i is slot i, no annotation
};

}  // namespace covet
