#include "shell/model_listing.h"

#include <algorithm>

#include "covet/relation_index.h"

namespace covet::shell {

namespace {

std::string padded(const std::string& text, std::size_t width) {
    return text + std::string(width > text.size() ? width - text.size() : 0, ' ');
}

std::string joined(const std::vector<std::string>& words) {
    std::string text;
    for (const auto& word : words)
        text += (text.empty() ? "" : ", ") + word;
    return text;
}

// A default as the shell would write it: text quoted, True/False/None.
std::string literal(const Value& value) {
    if (value.is_null()) return "None";
    if (value.kind() == Value::Kind::Bool) return value.as_bool() ? "True" : "False";
    if (value.kind() == Value::Kind::Text) return "'" + value.as_text() + "'";
    return value.to_string();
}

// `CharField(max_length=100, unique=True)`: the type and the options that
// change what a value may be.
std::string field_text(const Field& field) {
    std::vector<std::string> options;
    if (field.is_relation()) options.push_back(field.to);
    if (field.primary_key) options.push_back("primary_key=True");
    if (field.max_length) options.push_back("max_length=" + std::to_string(*field.max_length));
    if (field.max_digits) options.push_back("max_digits=" + std::to_string(*field.max_digits));
    if (field.decimal_places)
        options.push_back("decimal_places=" + std::to_string(*field.decimal_places));
    if (field.null) options.push_back("null=True");
    if (field.unique && !field.primary_key) options.push_back("unique=True");
    if (field.blank) options.push_back("blank=True");
    if (field.default_value) options.push_back("default=" + literal(*field.default_value));
    if (field.auto_now) options.push_back("auto_now=True");
    if (field.auto_now_add) options.push_back("auto_now_add=True");
    std::string text = std::string(field_type_name(field.type)) + "(" + joined(options) + ")";
    if (field.has_column() && field.column() != field.name) text += "  column " + field.column();
    return text;
}

const char* kind_name(const RelationEnd& end) {
    switch (end.kind) {
        case RelationKind::ManyToMany:
            return "many-to-many";
        case RelationKind::OneToOne:
            return "one-to-one";
        case RelationKind::ManyToOne:
            break;
    }
    return end.reverse ? "one-to-many" : "many-to-one";
}

void print_relations(const ModelState& model, const ProjectState& state, std::ostream& out) {
    const RelationIndex& index = state.relations();
    std::vector<std::string> lines;
    for (const RelationEnd& end : index.forward_of(model))
        lines.push_back(padded(end.accessor.empty() ? end.field->name : end.accessor, 16) + "-> " +
                        end.related->name + " (" + kind_name(end) + ")");
    for (const RelationEnd& end : index.reverse_of(model)) {
        if (end.hidden() || end.declared_on->auto_created) continue;
        lines.push_back(padded(end.accessor, 16) + "<- " + end.related->name + "." +
                        end.field->name + " (" + kind_name(end) + ")");
    }
    if (lines.empty()) return;
    out << "relations:\n";
    for (const auto& line : lines)
        out << "  " << line << "\n";
}

void print_indexes(const ModelState& model, std::ostream& out) {
    std::vector<std::string> lines;
    for (const Field& field : model.fields)
        if (field.wants_index()) lines.push_back(field.column() + " (db_index)");
    for (const IndexSpec& index : model.indexes)
        lines.push_back(index.name + " (" + joined(index.columns) + ")" +
                        (index.unique ? " unique" : ""));
    for (const auto& columns : model.unique_together)
        lines.push_back("unique together (" + joined(columns) + ")");
    for (const ConstraintSpec& constraint : model.constraints)
        lines.push_back(constraint.name + (constraint.is_check()
                                               ? " check"
                                               : " unique (" + joined(constraint.unique) + ")"));
    if (lines.empty()) return;
    out << "indexes:\n";
    for (const auto& line : lines)
        out << "  " << line << "\n";
}

}  // namespace

void print_models(const Models& models, std::ostream& out) {
    std::size_t width = 0;
    for (const ModelState* model : models.all())
        width = std::max(width, model->name.size());
    for (const ModelState* model : models.all()) {
        if (model->auto_created) continue;
        out << padded(model->name, width + 2) << "(table " << model->table << ", "
            << model->fields.size() << " fields)\n";
    }
}

void print_schema(const Models& models, const std::string& name, std::ostream& out) {
    const ModelState& model = models.model(name);
    out << model.name << " (table " << model.table << ", app " << model.app << ")\n";
    std::size_t width = 0;
    for (const Field& field : model.fields)
        width = std::max(width, field.name.size());
    out << "fields:\n";
    for (const Field& field : model.fields)
        out << "  " << padded(field.name, width + 2) << field_text(field) << "\n";
    print_relations(model, models.state(), out);
    print_indexes(model, out);
    if (!model.ordering.empty()) out << "ordering: " << joined(model.ordering) << "\n";
}

}  // namespace covet::shell
