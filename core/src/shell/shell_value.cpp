#include "shell/shell_value.h"

#include <nlohmann/json.hpp>

#include "covet/error.h"
#include "query/query.h"

namespace covet::shell {

namespace {

std::string value_kind_text(const Value& value) {
    switch (value.kind()) {
        case Value::Kind::Null:
            return "None";
        case Value::Kind::Int:
            return "an integer";
        case Value::Kind::Float:
            return "a float";
        case Value::Kind::Bool:
            return "a boolean";
        case Value::Kind::Text:
            return "a string";
        case Value::Kind::Blob:
            return "bytes";
        case Value::Kind::Decimal:
            return "a Decimal";
        case Value::Kind::Date:
            return "a date";
        case Value::Kind::Time:
            return "a time";
        case Value::Kind::DateTime:
            return "a datetime";
        case Value::Kind::Uuid:
            return "a UUID";
        case Value::Kind::Json:
            return "a JSON value";
    }
    return "a value";
}

[[noreturn]] void refuse(const ShellValue& value, const std::string& what,
                         const std::string& expected) {
    throw QueryError(what + " must be " + expected + ", not " + describe(value));
}

}  // namespace

std::string describe(const ShellValue& value) {
    struct Describe {
        std::string operator()(const Value& v) const { return value_kind_text(v); }
        std::string operator()(const ListValue& v) const { return v.tuple ? "a tuple" : "a list"; }
        std::string operator()(const DictValue&) const { return "a dict"; }
        std::string operator()(const ModelRef& v) const { return "the model " + v.model->name; }
        std::string operator()(const ManagerValue& v) const {
            return "the manager " + v.queryset.model().name + ".objects";
        }
        std::string operator()(const QuerySet& v) const {
            return "a queryset of " + v.model().name;
        }
        std::string operator()(const Record& v) const { return "a " + v.model().name + " record"; }
        std::string operator()(const RelatedValue&) const { return "a related manager"; }
        std::string operator()(const NamedRow&) const { return "a row"; }
        std::string operator()(const QValue&) const { return "a Q object"; }
        std::string operator()(const ExprValue& v) const {
            return v.expr.is_aggregate() ? "an aggregate" : "an F() expression";
        }
        std::string operator()(const RawRows&) const { return "raw() rows"; }
        std::string operator()(const DeletedValue&) const { return "a delete() result"; }
        std::string operator()(const BuiltinRef& v) const { return "the function " + v.name; }
    };
    return std::visit(Describe{}, value.v);
}

namespace {

// A list or dict literal as JSON (a JSONField's value): scalars, lists and
// dicts keyed by strings, nested.
nlohmann::json json_of(const ShellValue& value, const std::string& what) {
    if (const ListValue* list = value.as<ListValue>()) {
        nlohmann::json array = nlohmann::json::array();
        for (const ShellValue& item : list->items)
            array.push_back(json_of(item, what));
        return array;
    }
    if (const DictValue* dict = value.as<DictValue>()) {
        nlohmann::json object = nlohmann::json::object();
        for (const auto& [key, item] : dict->entries)
            object[to_text(key, "a key of a JSON object in " + what)] = json_of(item, what);
        return object;
    }
    const Value* v = value.as<Value>();
    if (v == nullptr) refuse(value, what, "a value");
    switch (v->kind()) {
        case Value::Kind::Null:
            return nullptr;
        case Value::Kind::Int:
            return v->as_int();
        case Value::Kind::Float:
            return v->as_double();
        case Value::Kind::Bool:
            return v->as_bool();
        case Value::Kind::Text:
            return v->as_text();
        case Value::Kind::Json:
            return nlohmann::json::parse(v->as_json().text());
        default:
            return v->to_string();  // Decimal, dates: as text, as Django's encoder
    }
}

}  // namespace

Value to_value(const ShellValue& value, const std::string& what) {
    if (const Value* v = value.as<Value>()) return *v;
    if (const Record* r = value.as<Record>()) return r->pk();
    if (value.as<ListValue>() != nullptr || value.as<DictValue>() != nullptr)
        return Value(Json::parse(json_of(value, what).dump()));
    refuse(value, what, "a value");
}

Operand to_operand(const ShellValue& value, const std::string& what) {
    if (const ListValue* list = value.as<ListValue>()) {
        std::vector<Value> items;
        items.reserve(list->items.size());
        for (const ShellValue& item : list->items)
            items.push_back(to_value(item, what));
        return Operand(std::move(items));
    }
    if (const ExprValue* e = value.as<ExprValue>()) return Operand(e->expr);
    return Operand(to_value(value, what));
}

Expr to_expr(const ShellValue& value, const std::string& what) {
    if (const ExprValue* e = value.as<ExprValue>()) return e->expr;
    if (value.as<Value>() != nullptr || value.as<Record>() != nullptr ||
        value.as<ListValue>() != nullptr || value.as<DictValue>() != nullptr)
        return Expr(to_value(value, what));
    refuse(value, what, "a value, F() or an aggregate");
}

Q to_q(const ShellValue& value, const std::string& what) {
    if (const QValue* q = value.as<QValue>()) return q->q;
    refuse(value, what, "a Q object");
}

const Record& to_record(const ShellValue& value, const std::string& what) {
    if (const Record* r = value.as<Record>()) return *r;
    refuse(value, what, "a record");
}

std::string to_text(const ShellValue& value, const std::string& what) {
    const Value* v = value.as<Value>();
    if (v == nullptr || v->kind() != Value::Kind::Text) refuse(value, what, "a string");
    return v->as_text();
}

std::int64_t to_int(const ShellValue& value, const std::string& what) {
    const Value* v = value.as<Value>();
    if (v == nullptr || v->kind() != Value::Kind::Int) refuse(value, what, "an integer");
    return v->as_int();
}

bool to_bool(const ShellValue& value, const std::string& what) {
    const Value* v = value.as<Value>();
    if (v == nullptr || v->kind() != Value::Kind::Bool) refuse(value, what, "True or False");
    return v->as_bool();
}

ShellValue row_of(const QuerySet& queryset, const NamedRow& row) {
    const Query::Shape shape = queryset.query().shape;
    if (shape == Query::Shape::Values) return row;
    if (shape == Query::Shape::FlatList && !row.values.empty()) return row.values.front();
    ListValue tuple;
    tuple.tuple = true;
    for (const Value& value : row.values)
        tuple.items.emplace_back(value);
    return tuple;
}

const QuerySet* as_queryset(const ShellValue& value) {
    if (const QuerySet* qs = value.as<QuerySet>()) return qs;
    if (const ManagerValue* m = value.as<ManagerValue>()) return &m->queryset;
    return nullptr;
}

}  // namespace covet::shell
