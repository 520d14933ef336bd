// What a column can hold, and the guards that refuse a change which would
// cut, round or overflow a stored value. Databases differ here: PostgreSQL's
// explicit casts truncate text, SQLite keeps whatever it is given, MySQL
// rounds decimals with a note; a guard makes all three refuse alike, with a
// message that names the column and the value in the way.
#include <cstdint>
#include <functional>
#include <optional>

#include "covet/dialect.h"
#include "covet/error.h"
#include "schema/base_schema_editor.h"

namespace covet {

namespace {

struct ValueDomain {
    enum class Family { Text, Number, Boolean, Date, Time, DateTime, Uuid, Json, Binary };
    enum class Number { Integer, Decimal, Float };
    Family family = Family::Text;
    std::optional<std::int64_t> max_length;  // Text; none: unlimited
    Number number = Number::Integer;
    int integer_bytes = 8;
    int digits = 0;  // Decimal
    int places = 0;  // Decimal
};

ValueDomain family_domain(ValueDomain::Family family,
                          std::optional<std::int64_t> max_length = std::nullopt) {
    ValueDomain domain;
    domain.family = family;
    domain.max_length = max_length;
    return domain;
}

ValueDomain integer_domain(int bytes) {
    ValueDomain domain = family_domain(ValueDomain::Family::Number);
    domain.integer_bytes = bytes;
    return domain;
}

ValueDomain domain_of(const Field& field) {
    using F = ValueDomain::Family;
    switch (field.type) {
        case FieldType::SmallIntegerField:
            return integer_domain(2);
        case FieldType::AutoField:
        case FieldType::IntegerField:
            return integer_domain(4);
        case FieldType::BigAutoField:
        case FieldType::BigIntegerField:
        case FieldType::ForeignKey:  // not reached: foreign keys are typed by their target
        case FieldType::ManyToManyField:
            return integer_domain(8);
        case FieldType::DecimalField:
        case FieldType::FloatField: {
            ValueDomain domain = family_domain(F::Number);
            domain.number = ValueDomain::Number::Float;
            if (field.type == FieldType::DecimalField && field.max_digits && field.decimal_places) {
                domain.number = ValueDomain::Number::Decimal;
                domain.digits = *field.max_digits;
                domain.places = *field.decimal_places;
            }
            return domain;
        }
        case FieldType::CharField:
        case FieldType::EmailField:
        case FieldType::URLField:
            return family_domain(F::Text, field.effective_max_length());
        case FieldType::TextField:
            return family_domain(F::Text);
        case FieldType::BooleanField:
            return family_domain(F::Boolean);
        case FieldType::DateField:
            return family_domain(F::Date);
        case FieldType::TimeField:
            return family_domain(F::Time);
        case FieldType::DateTimeField:
            return family_domain(F::DateTime);
        case FieldType::UUIDField:
            return family_domain(F::Uuid);
        case FieldType::JSONField:
            return family_domain(F::Json);
        case FieldType::BinaryField:
            return family_domain(F::Binary);
    }
    return {};
}

// Decimal digits every value of an integer type may need.
int integer_digits(int bytes) {
    return bytes == 2 ? 5 : bytes == 4 ? 10 : 19;
}

std::string integer_type_name(int bytes) {
    return bytes == 2 ? "smallint" : bytes == 4 ? "integer" : "bigint";
}

// The new type in words every back end shares, so messages read alike.
std::string describe(const ValueDomain& domain) {
    if (domain.family == ValueDomain::Family::Text)
        return domain.max_length ? "varchar(" + std::to_string(*domain.max_length) + ")" : "text";
    if (domain.family == ValueDomain::Family::Date) return "date";
    if (domain.family != ValueDomain::Family::Number) return "another type";
    if (domain.number == ValueDomain::Number::Float) return "double precision";
    if (domain.number == ValueDomain::Number::Decimal)
        return "numeric(" + std::to_string(domain.digits) + ", " + std::to_string(domain.places) +
               ")";
    return integer_type_name(domain.integer_bytes);
}

std::string or_join(const std::string& left, const std::string& right) {
    if (left.empty()) return right;
    return left + " OR " + right;
}

}  // namespace

const Field& BaseSchemaEditor::typing_field(const Field& field, const ProjectState& state,
                                            const ModelState& model) const {
    // A primary key may itself be a foreign key: follow the chain to a real type.
    const ModelState* owner = &model;
    const Field* relation = &field;
    for (int depth = 0; depth < 16; ++depth) {
        if (relation->type != FieldType::ForeignKey) return *relation;
        const ModelState& target = related_model(*relation, *owner, state);
        relation = &related_primary_key(*relation, *owner, state);
        owner = &target;
    }
    throw MigrationError("foreign key '" + model.table + "." + field.name +
                         "' leads to a cycle of primary keys");
}

bool BaseSchemaEditor::changes_type_family(const Field& old_field, const ProjectState& from,
                                           const ModelState& old_model, const Field& new_field,
                                           const ProjectState& to,
                                           const ModelState& new_model) const {
    return domain_of(typing_field(old_field, from, old_model)).family !=
           domain_of(typing_field(new_field, to, new_model)).family;
}

std::string BaseSchemaEditor::char_length_sql(const std::string& quoted_column) const {
    return "char_length(CAST(" + quoted_column + " AS text))";
}

std::string BaseSchemaEditor::text_sql(const std::string& quoted_column) const {
    return "CAST(" + quoted_column + " AS text)";
}

std::string BaseSchemaEditor::trim_fraction_zeros_sql(const std::string& decimal_text) const {
    return "CASE WHEN position('.' IN " + decimal_text + ") > 0 THEN TRIM(TRAILING '.' FROM " +
           "TRIM(TRAILING '0' FROM " + decimal_text + ")) ELSE " + decimal_text + " END";
}

std::string BaseSchemaEditor::time_of_day_sql(const std::string& quoted_column) const {
    return "CAST(" + quoted_column + " AS time)";
}

std::string BaseSchemaEditor::round_sql(const std::string& quoted_column, int places) const {
    // PostgreSQL rounds only numeric to a number of places, not double precision.
    return "round(CAST(" + quoted_column + " AS numeric), " + std::to_string(places) + ")";
}

namespace {

// The condition a stored number breaks when it does not fit `after`; "" when
// every value of `before` fits. `round(places)` rounds the column.
std::string number_violation(const ValueDomain& before, const ValueDomain& after,
                             const std::string& column,
                             const std::function<std::string(int)>& round) {
    using N = ValueDomain::Number;
    const bool had_fraction =
        before.number == N::Float || (before.number == N::Decimal && before.places > 0);
    std::string violation;
    if (after.number == N::Integer) {
        if (before.number != N::Integer || before.integer_bytes > after.integer_bytes) {
            const int bits = after.integer_bytes * 8 - 1;
            const std::string high = std::to_string((std::uint64_t{1} << bits) - 1);
            violation = column + " < -" + high + " - 1 OR " + column + " > " + high;
        }
        if (had_fraction) violation = or_join(violation, column + " <> " + round(0));
        return violation;
    }
    if (after.number != N::Decimal) return "";
    const int whole = after.digits - after.places;
    const int whole_before = before.number == N::Integer   ? integer_digits(before.integer_bytes)
                             : before.number == N::Decimal ? before.digits - before.places
                                                           : whole + 1;
    const bool more_places =
        had_fraction && (before.number == N::Float || before.places > after.places);
    if (whole_before > whole || more_places)
        violation = "abs(" + round(after.places) + ") >= 1" + std::string(whole, '0');
    if (more_places) violation = or_join(violation, column + " <> " + round(after.places));
    return violation;
}

}  // namespace

void BaseSchemaEditor::guard_narrowing(const ModelState& old_model, const Field& old_field,
                                       const ProjectState& from, const ModelState& new_model,
                                       const Field& new_field, const ProjectState& to) {
    using F = ValueDomain::Family;
    const ValueDomain before = domain_of(typing_field(old_field, from, old_model));
    const ValueDomain after = domain_of(typing_field(new_field, to, new_model));
    const std::string column = quote(old_field.column());
    const std::string table = quote(old_model.table);
    auto literal = [&](const std::string& text) { return dialect().quote_value(Value(text)); };
    const std::string prefix = "cannot narrow " + new_model.table + "." + new_field.column() +
                               " to " + describe(after) + ": a row holds ";
    if (after.family == F::Text) {
        if (!after.max_length) return;
        if (before.family == F::Text && before.max_length &&
            *before.max_length <= *after.max_length)
            return;
        emit_guard("SELECT " + literal(prefix + "a value of ") + ", longest, " +
                   literal(" characters") + " FROM (SELECT max(" + char_length_sql(column) +
                   ") AS longest FROM " + table + ") AS covet_longest WHERE longest > " +
                   std::to_string(*after.max_length));
        return;
    }
    std::string violation;
    std::string value = text_sql(column);
    if (before.family == F::DateTime && after.family == F::Date) {
        violation = time_of_day_sql(column) + " <> " + literal("00:00:00");
    } else if (before.family == F::Number && after.family == F::Number) {
        violation = number_violation(before, after, column,
                                     [&](int places) { return round_sql(column, places); });
        // numeric(8, 3) prints 4.5 as 4.500 on the servers and SQLite as 4.5.
        if (before.number == ValueDomain::Number::Decimal && before.places > 0)
            value = trim_fraction_zeros_sql(value);
    }
    if (violation.empty()) return;
    emit_guard("SELECT " + literal(prefix + "the value ") + ", " + value + " FROM " + table +
               " WHERE " + violation + " LIMIT 1");
}

}  // namespace covet
