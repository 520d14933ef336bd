#include "covet/error.h"
#include "query/compiler.h"
#include "query/query.h"
#include "query/record_reader.h"

namespace covet {

RecordStream::RecordStream(std::shared_ptr<const Query> query, Database db, Models models,
                           Cursor cursor)
    : query_(std::move(query)),
      db_(std::move(db)),
      models_(std::move(models)),
      cursor_(std::move(cursor)) {
    const QueryCompiler compiler(models_.state(), db_.dialect());
    layout_ = std::make_shared<const RecordLayout>(db_, models_, *query_->model,
                                                   compiler.select(*query_).columns);
}

bool RecordStream::next(Record& record) {
    if (query_->shape != Query::Shape::Records)
        throw QueryError("this " + query_->model->name +
                         " stream gives values (values() or values_list()): read NamedRows");
    if (!cursor_.next(row_)) return false;
    layout_->read_into(row_, record);
    return true;
}

bool RecordStream::next(NamedRow& row) {
    if (query_->shape == Query::Shape::Records)
        throw QueryError("this " + query_->model->name + " stream gives records: read Records");
    if (!cursor_.next(row_)) return false;
    row = layout_->read_named(row_);
    return true;
}

}  // namespace covet
