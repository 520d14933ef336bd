#include "shell/output_rows.h"

#include <optional>

#include "covet/model_state.h"
#include "query/query.h"

namespace covet::shell {

std::vector<std::string> record_columns(const ModelState& model,
                                        const std::vector<std::string>& annotations) {
    std::vector<std::string> names;
    for (const Field& field : model.fields)
        if (field.has_column()) names.push_back(field.column());
    names.insert(names.end(), annotations.begin(), annotations.end());
    return names;
}

Row record_row(const Record& record) {
    Row row;
    row.reserve(record.values().size() + record.annotations().size());
    for (const Field& field : record.model().fields)
        if (field.has_column()) row.push_back(record.get(field.name));
    for (const auto& [alias, value] : record.annotations())
        row.push_back(value);
    return row;
}

bool streams(const QuerySet& set) {
    const Query& query = set.query();
    return set.returns_rows() ||
           (query.prefetch_related.empty() && query.only.empty() && query.defer.empty());
}

namespace {

std::vector<std::string> annotation_names(const Query& query) {
    std::vector<std::string> names;
    for (const Aliased& annotation : query.annotations)
        names.push_back(annotation.alias);
    return names;
}

// Records or values() rows of a queryset. Streamed (iterator()) unless
// prefetch_related asks for the rows to be read together.
class QuerySetRows : public TableRows {
  public:
    explicit QuerySetRows(const QuerySet& set) : set_(set) {
        if (set.returns_rows()) {
            stream_.emplace(set.iterator());
            NamedRow first;
            if (stream_->next(first)) {
                columns_ = *first.names;
                pending_ = std::move(first.values);
            } else {
                columns_ = set.query().value_fields;
            }
            return;
        }
        columns_ = record_columns(set.model(), annotation_names(set.query()));
        if (streams(set)) stream_.emplace(set.iterator());
    }
    const std::vector<std::string>& columns() const override { return columns_; }
    bool next(Row& row) override {
        if (set_.returns_rows()) return next_values(row);
        if (!stream_) {
            const std::vector<Record>& records = set_.records();
            if (index_ >= records.size()) return false;
            row = record_row(records[index_++]);
            return true;
        }
        if (!record_) record_.emplace(set_.database(), set_.models(), set_.model());
        if (!stream_->next(*record_)) return false;
        row = record_row(*record_);
        return true;
    }

  private:
    bool next_values(Row& row) {
        if (pending_) {
            row = std::move(*pending_);
            pending_.reset();
            return true;
        }
        NamedRow named;
        if (!stream_->next(named)) return false;
        row = std::move(named.values);
        return true;
    }

    QuerySet set_;
    std::optional<RecordStream> stream_;
    std::optional<Record> record_;
    std::optional<Row> pending_;  // the values() row read to learn the names
    std::size_t index_ = 0;
    std::vector<std::string> columns_;
};

class RecordRows : public TableRows {
  public:
    explicit RecordRows(std::vector<Record> records) : records_(std::move(records)) {
        if (records_.empty()) return;
        std::vector<std::string> annotations;
        for (const auto& [alias, value] : records_[0].annotations())
            annotations.push_back(alias);
        columns_ = record_columns(records_[0].model(), annotations);
    }
    const std::vector<std::string>& columns() const override { return columns_; }
    bool next(Row& row) override {
        if (index_ >= records_.size()) return false;
        row = record_row(records_[index_++]);
        return true;
    }

  private:
    std::vector<Record> records_;
    std::size_t index_ = 0;
    std::vector<std::string> columns_;
};

// Rows given whole: a values()/aggregate() row, raw() rows, a dict's entries.
class FixedRows : public TableRows {
  public:
    FixedRows(std::vector<std::string> columns, std::vector<Row> rows)
        : columns_(std::move(columns)), rows_(std::move(rows)) {}
    const std::vector<std::string>& columns() const override { return columns_; }
    bool next(Row& row) override {
        if (index_ >= rows_.size()) return false;
        row = std::move(rows_[index_++]);
        return true;
    }

  private:
    std::vector<std::string> columns_;
    std::vector<Row> rows_;
    std::size_t index_ = 0;
};

// Every item a record of one model (a list of records, in_bulk()'s values).
std::optional<std::vector<Record>> all_records(const std::vector<const ShellValue*>& items) {
    std::vector<Record> records;
    for (const ShellValue* item : items) {
        const Record* record = item->as<Record>();
        if (!record || (!records.empty() && &record->model() != &records[0].model()))
            return std::nullopt;
        records.push_back(*record);
    }
    if (records.empty()) return std::nullopt;
    return records;
}

std::unique_ptr<TableRows> list_rows(const ListValue& list) {
    std::vector<const ShellValue*> items;
    for (const ShellValue& item : list.items)
        items.push_back(&item);
    if (auto records = all_records(items)) return std::make_unique<RecordRows>(std::move(*records));
    return nullptr;
}

std::unique_ptr<TableRows> dict_rows(const DictValue& dict) {
    std::vector<const ShellValue*> values;
    for (const auto& entry : dict.entries)
        values.push_back(&entry.second);
    if (auto records = all_records(values))
        return std::make_unique<RecordRows>(std::move(*records));
    std::vector<Row> rows;
    for (const auto& [key, value] : dict.entries) {
        const Value* k = key.as<Value>();
        const Value* v = value.as<Value>();
        if (!k || !v) return nullptr;
        rows.push_back({*k, *v});
    }
    return std::make_unique<FixedRows>(std::vector<std::string>{"key", "value"}, std::move(rows));
}

}  // namespace

std::unique_ptr<TableRows> table_rows(const ShellValue& value) {
    if (const QuerySet* set = as_queryset(value)) return std::make_unique<QuerySetRows>(*set);
    if (const RelatedValue* related = value.as<RelatedValue>())
        return std::make_unique<QuerySetRows>(related->manager.all());
    if (const Record* record = value.as<Record>())
        return std::make_unique<RecordRows>(std::vector<Record>{*record});
    if (const NamedRow* named = value.as<NamedRow>())
        return std::make_unique<FixedRows>(
            named->names ? *named->names : std::vector<std::string>{},
            std::vector<Row>{named->values});
    if (const DeletedValue* deleted = value.as<DeletedValue>())
        return std::make_unique<FixedRows>(std::vector<std::string>{"deleted"},
                                           std::vector<Row>{{Value(deleted->result.total)}});
    if (const RawRows* raw = value.as<RawRows>())
        return std::make_unique<FixedRows>(raw->columns, raw->rows);
    if (const ListValue* list = value.as<ListValue>()) return list_rows(*list);
    if (const DictValue* dict = value.as<DictValue>()) return dict_rows(*dict);
    return nullptr;
}

}  // namespace covet::shell
