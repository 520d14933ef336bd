// The check of a struct's mapping against the state: every member names a
// field of the model whose type the member can hold (SPEC.md §7 types).
#include "covet/typed_binding.h"

#include "query/field_value_kinds.h"
#include "query/key_field.h"

namespace covet {

namespace {

const char* kind_name(MemberKind kind) {
    static const char* const names[] = {"a 16-bit integer",
                                        "a 32-bit integer",
                                        "a 64-bit integer",
                                        "double",
                                        "bool",
                                        "std::string",
                                        "covet::Decimal",
                                        "a date",
                                        "a time of day",
                                        "a timestamp",
                                        "covet::Uuid",
                                        "covet::Json",
                                        "bytes"};
    return names[static_cast<int>(kind)];
}

bool integer_fits(MemberKind kind, FieldType type) {
    switch (type) {
        case FieldType::SmallIntegerField:
            return true;
        case FieldType::IntegerField:
        case FieldType::AutoField:
            return kind != MemberKind::Int16;
        default:
            return kind == MemberKind::Int64;  // BigIntegerField, BigAutoField
    }
}

// Whether a member of `kind` holds every value of a field of `type`.
bool holds(MemberKind kind, FieldType type) {
    if (is_integer_field(type))
        return (kind == MemberKind::Int16 || kind == MemberKind::Int32 ||
                kind == MemberKind::Int64) &&
               integer_fits(kind, type);
    switch (type) {
        case FieldType::FloatField:
            return kind == MemberKind::Double;
        case FieldType::BooleanField:
            return kind == MemberKind::Bool;
        case FieldType::CharField:
        case FieldType::TextField:
        case FieldType::EmailField:
        case FieldType::URLField:
            return kind == MemberKind::Text;
        case FieldType::DecimalField:
            return kind == MemberKind::Decimal;
        case FieldType::DateField:
            return kind == MemberKind::Date;
        case FieldType::TimeField:
            return kind == MemberKind::Time;
        case FieldType::DateTimeField:
            return kind == MemberKind::DateTime;
        case FieldType::UUIDField:
            return kind == MemberKind::Uuid;
        case FieldType::JSONField:
            return kind == MemberKind::Json;
        case FieldType::BinaryField:
            return kind == MemberKind::Bytes;
        default:
            return false;
    }
}

std::string where(const char* struct_name, const MemberSpec& spec) {
    return std::string(struct_name) + "::" + spec.member + " (field '" + spec.field + "')";
}

std::size_t slot_of(const ModelState& model, const Field& field) {
    const std::vector<const Field*> fields = model.concrete_fields();
    for (std::size_t i = 0; i < fields.size(); ++i)
        if (fields[i] == &field) return i;
    return fields.size();
}

}  // namespace

void throw_unmapped_member(const char* struct_name) {
    throw QueryError(std::string("a member of ") + struct_name +
                     " that its COVET_MODEL does not list was used in a filter");
}

TypedBinding::TypedBinding(const Models& models, const char* struct_name, const char* model,
                           const std::vector<MemberSpec>& members)
    : struct_name_(struct_name) {
    try {
        model_ = &models.model(model);
    } catch (const QueryError&) {
        throw MappingError(std::string(struct_name) + " maps to model '" + model +
                           "', which the migrations do not define");
    }
    for (const MemberSpec& spec : members) {
        const Field* field = model_->find_field_or_column(spec.field);
        if (!field || !field->has_column())
            throw MappingError(where(struct_name, spec) + ": " + model_->name + " has no field '" +
                               spec.field + "'");
        const Field& kind_field = key_kind_field(models.state(), *model_, *field);
        if (!holds(spec.kind, kind_field.type))
            throw MappingError(where(struct_name, spec) + ": " + kind_name(spec.kind) +
                               " cannot hold a " + field_type_name(kind_field.type));
        if (field->null && !spec.optional)
            throw MappingError(where(struct_name, spec) +
                               ": the column is nullable; the member must be a std::optional");
        if (field->primary_key) {
            pk_member_ = slots_.size();
            auto_pk_ =
                field->type == FieldType::AutoField || field->type == FieldType::BigAutoField;
        }
        slots_.push_back(slot_of(*model_, *field));
        fields_.push_back(field->name);
    }
}

}  // namespace covet
