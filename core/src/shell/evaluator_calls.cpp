// Calls: methods of querysets, managers, records and related managers go
// through method_call.h; built-in functions through builtins.h; calling a
// model (`User(name='Ann')`) makes an unsaved record, as Django.
#include "covet/error.h"
#include "shell/builtins.h"
#include "shell/evaluator.h"

namespace covet::shell {

namespace {

Record new_record(const Session& session, const ModelState& model, const Arguments& args) {
    if (!args.positional.empty())
        throw QueryError(model.name + "() takes keyword arguments only (" + model.name +
                         "(name=...))");
    Record record(session.database(), session.models(), model);
    for (const auto& [name, value] : args.keywords) {
        const Record* related = value.as<Record>();
        const Field* field = model.find_field(name);
        if (related != nullptr && field != nullptr && field->is_relation())
            record.set(name, *related);
        else
            record.set(name, to_value(value, "the value of " + name));
    }
    return record;
}

}  // namespace

Arguments Evaluator::arguments(const syntax::Call& call) {
    Arguments args;
    args.positional.reserve(call.positional.size());
    for (const syntax::Expr& argument : call.positional)
        args.positional.push_back(evaluate(argument));
    for (const syntax::KeywordArgument& keyword : call.keywords)
        args.keywords.emplace_back(keyword.name, evaluate(*keyword.value));
    return args;
}

std::optional<ShellValue> Evaluator::call(const syntax::Call& call) {
    if (const auto* method = call.callee->as<syntax::Attribute>())
        return method_call(*method, call);
    const ShellValue callee = evaluate(*call.callee);
    Arguments args = arguments(call);
    if (const auto* builtin = callee.as<BuiltinRef>())
        return call_builtin(session_, builtin->name, args);
    if (const auto* model = callee.as<ModelRef>()) return new_record(session_, *model->model, args);
    throw QueryError(describe(callee) + " is not callable");
}

// The receiver is evaluated before the arguments, as in Python. A record
// held in a variable is called in place, so that save() and
// refresh_from_db() change the variable's record.
std::optional<ShellValue> Evaluator::method_call(const syntax::Attribute& callee,
                                                 const syntax::Call& call) {
    const std::string& name = callee.name;
    ShellValue* variable = variable_named_by(*callee.object);
    if (variable != nullptr && variable->as<Record>() != nullptr) {
        Arguments args = arguments(call);
        return call_record_method(session_, std::get<Record>(variable->v), name, args);
    }
    ShellValue receiver = evaluate(*callee.object);
    Arguments args = arguments(call);
    if (const QuerySet* queryset = as_queryset(receiver))
        return call_queryset_method(session_, *queryset, name, args);
    if (auto* record = std::get_if<Record>(&receiver.v))
        return call_record_method(session_, *record, name, args);
    if (const auto* related = receiver.as<RelatedValue>())
        return call_related_method(session_, related->manager, name, args);
    if (const auto* model = receiver.as<ModelRef>())
        throw QueryError("the model " + model->model->name + " has no method '" + name +
                         "': query it through " + model->model->name + ".objects." + name + "()");
    throw QueryError(describe(receiver) + " has no method '" + name + "'");
}

}  // namespace covet::shell
