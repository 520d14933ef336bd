// Attributes: `Model.objects`, a record's fields (`p.author_id`), its
// related record (`p.author`), its reverse and many-to-many managers
// (`u.posts`, `p.tags`), and assignment to a record's fields
// (`u.name = 'Jane'`, `p.author = u`).
#include "covet/error.h"
#include "shell/evaluator.h"
#include "shell/near_miss.h"

namespace covet::shell {

namespace {

const RelationEnd* relation_named(const Record& record, const std::string& name) {
    return record.models().state().relations().by_accessor(record.model(), name);
}

// What may follow `record.`: fields, `<fk>_id`, reverse accessors,
// annotations and the instance methods.
std::vector<std::string> record_attribute_names(const Record& record) {
    std::vector<std::string> names{"pk"};
    for (const Field& field : record.model().fields) {
        names.push_back(field.name);
        if (field.is_relation() && field.has_column()) names.push_back(field.column());
    }
    for (const RelationEnd& end : record.models().state().relations().reverse_of(record.model()))
        if (!end.hidden()) names.push_back(end.accessor);
    for (const auto& [alias, value] : record.annotations())
        names.push_back(alias);
    for (const std::string& method : record_method_names())
        names.push_back(method);
    return names;
}

bool is_listed(const std::vector<std::string>& names, const std::string& name) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

bool is_field_value(const Record& record, const std::string& name) {
    if (record.model().find_field_or_column(name) != nullptr) return true;
    for (const Field& field : record.model().fields)
        if (field.is_relation() && field.has_column() && field.column() == name) return true;
    for (const auto& [alias, value] : record.annotations())
        if (alias == name) return true;
    return false;
}

[[noreturn]] void no_attribute(const std::string& owner, const std::string& name,
                               const std::vector<std::string>& valid) {
    throw QueryError(owner + " has no attribute '" + name + "'" + near_miss_hint(name, valid));
}

[[noreturn]] void must_call(const std::string& name) {
    throw QueryError("'" + name + "' is a method: call it, as " + name + "()");
}

ShellValue record_attribute(const Record& record, const std::string& name) {
    if (name == "pk") return record.pk();
    if (const RelationEnd* relation = relation_named(record, name)) {
        if (relation->to_many()) return RelatedValue{record.manager(name)};
        if (!relation->reverse) {
            std::optional<Record> related = record.related(name);
            return related ? ShellValue(std::move(*related)) : ShellValue(Value());
        }
    }
    if (is_field_value(record, name)) return record.get(name);
    if (is_listed(record_method_names(), name)) must_call(name);
    no_attribute("a " + record.model().name + " record", name, record_attribute_names(record));
}

ShellValue model_attribute(const Session& session, const ModelState& model,
                           const std::string& name) {
    if (name == "objects")
        return ManagerValue{session.database().objects(session.models(), model.name)};
    no_attribute("the model " + model.name, name, {"objects"});
}

}  // namespace

ShellValue Evaluator::attribute(const syntax::Attribute& attribute) {
    const ShellValue object = evaluate(*attribute.object);
    const std::string& name = attribute.name;
    if (const auto* record = object.as<Record>()) return record_attribute(*record, name);
    if (const auto* model = object.as<ModelRef>())
        return model_attribute(session_, *model->model, name);
    if (as_queryset(object) != nullptr) {
        if (is_listed(queryset_method_names(), name)) must_call(name);
        no_attribute(describe(object), name, queryset_method_names());
    }
    if (object.as<RelatedValue>() != nullptr) {
        if (is_listed(related_method_names(), name)) must_call(name);
        no_attribute(describe(object), name, related_method_names());
    }
    no_attribute(describe(object), name, {});
}

void Evaluator::assign_attribute(const Statement& statement) {
    const std::string& name = statement.name;
    ShellValue* target = variable_named_by(*statement.target);
    if (target == nullptr || target->as<Record>() == nullptr) {
        const ShellValue object = evaluate(*statement.target);
        if (object.as<Record>() == nullptr)
            throw QueryError("cannot set attribute '" + name + "' on " + describe(object));
        throw QueryError("only a record held in a variable can be changed: r = ...; r." + name +
                         " = ...; r.save()");
    }
    const ShellValue value = evaluate(statement.value);
    Record& record = std::get<Record>(target->v);
    if (const RelationEnd* relation = relation_named(record, name); relation && relation->to_many())
        throw QueryError(std::string("Direct assignment to the ") +
                         (relation->reverse ? "reverse side of a related set"
                                            : "forward side of a many-to-many set") +
                         " is prohibited. Use " + name + ".set() instead.");
    if (name != "pk" && !is_field_value(record, name)) {
        std::vector<std::string> fields;
        for (const Field& field : record.model().fields)
            if (field.has_column()) fields.push_back(field.name);
        no_attribute("a " + record.model().name + " record", name, fields);
    }
    const std::string field = name == "pk" ? record.model().primary_key()->name : name;
    if (const Record* related = value.as<Record>(); related && relation_named(record, name))
        record.set(field, *related);
    else
        record.set(field, to_value(value, "the value of " + name));
}

}  // namespace covet::shell
