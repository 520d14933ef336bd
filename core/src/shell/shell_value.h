// What a shell expression evaluates to (SPEC.md §6): a database value, a
// list or tuple, a dict (in_bulk), a model, a manager or queryset, a record,
// a row of values()/aggregate(), a Q or F/aggregate expression, raw() rows,
// a delete() result, or a built-in function not yet called. Values are
// cheap to copy: querysets, records and expressions share their data.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "covet/expression.h"
#include "covet/q.h"
#include "covet/queryset.h"
#include "covet/record.h"
#include "covet/value.h"

namespace covet::shell {

struct ShellValue;

// `[a, b]` or `(a, b)`: the tuple flag only changes how it prints in text.
struct ListValue {
    std::vector<ShellValue> items;
    bool tuple = false;
};
// in_bulk()'s result: keys in order.
struct DictValue {
    std::vector<std::pair<ShellValue, ShellValue>> entries;
};
// A model's name (`User`): only `.objects` and its fields mean something on it.
struct ModelRef {
    const ModelState* model = nullptr;
};
// `User.objects`: prints as its queryset does, and every QuerySet method applies.
struct ManagerValue {
    QuerySet queryset;
};
// A relation manager (`u.posts`, `p.tags`).
struct RelatedValue {
    RelatedManager manager;
};
struct QValue {
    Q q;
};
// F() and its arithmetic, and the aggregates Count/Sum/Avg/Max/Min.
struct ExprValue {
    Expr expr;
};
// raw('SELECT ...', [params]): the columns and the rows read.
struct RawRows {
    std::vector<std::string> columns;
    std::vector<Row> rows;
};
struct DeletedValue {
    DeleteResult result;
};
// A built-in name not called yet (`Q`, `F`, `Count`, `datetime`, `raw`...).
struct BuiltinRef {
    std::string name;
};

struct ShellValue {
    using Variant =
        std::variant<Value, ListValue, DictValue, ModelRef, ManagerValue, QuerySet, Record,
                     RelatedValue, NamedRow, QValue, ExprValue, RawRows, DeletedValue, BuiltinRef>;
    Variant v;

    ShellValue() = default;
    template <typename T>
    ShellValue(T value) : v(std::move(value)) {}

    template <typename T>
    const T* as() const {
        return std::get_if<T>(&v);
    }
    bool is_none() const {
        const Value* value = as<Value>();
        return value != nullptr && value->is_null();
    }
};

// "an integer", "a queryset of Post", "a Post record", ...: for messages
// such as "filter() takes keyword arguments, not a queryset of Post".
std::string describe(const ShellValue& value);

// Conversions for arguments of ORM calls; each throws QueryError with a
// message naming `what` ("the argument of first()") and the value's kind.
// A record converts to its primary key, a list of scalars to an Operand list.
Value to_value(const ShellValue& value, const std::string& what);
Operand to_operand(const ShellValue& value, const std::string& what);
Expr to_expr(const ShellValue& value, const std::string& what);  // F(), aggregates, scalars
Q to_q(const ShellValue& value, const std::string& what);
const Record& to_record(const ShellValue& value, const std::string& what);
std::string to_text(const ShellValue& value, const std::string& what);  // a str literal
std::int64_t to_int(const ShellValue& value, const std::string& what);
bool to_bool(const ShellValue& value, const std::string& what);
// One row of a values() / values_list() queryset as Django gives it: a
// dict (the row), a tuple, or (flat=True) the value itself.
ShellValue row_of(const QuerySet& queryset, const NamedRow& row);
// A queryset, or a manager's queryset; nullptr otherwise.
const QuerySet* as_queryset(const ShellValue& value);

}  // namespace covet::shell
