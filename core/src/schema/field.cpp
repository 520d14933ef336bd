#include "covet/field.h"

#include <array>
#include <utility>

#include "schema/python_repr.h"

namespace covet {

namespace {

constexpr std::array<std::pair<FieldType, const char*>, 20> kFieldTypeNames = {{
    {FieldType::AutoField, "AutoField"},
    {FieldType::BigAutoField, "BigAutoField"},
    {FieldType::IntegerField, "IntegerField"},
    {FieldType::BigIntegerField, "BigIntegerField"},
    {FieldType::SmallIntegerField, "SmallIntegerField"},
    {FieldType::FloatField, "FloatField"},
    {FieldType::DecimalField, "DecimalField"},
    {FieldType::CharField, "CharField"},
    {FieldType::TextField, "TextField"},
    {FieldType::EmailField, "EmailField"},
    {FieldType::URLField, "URLField"},
    {FieldType::BooleanField, "BooleanField"},
    {FieldType::DateField, "DateField"},
    {FieldType::TimeField, "TimeField"},
    {FieldType::DateTimeField, "DateTimeField"},
    {FieldType::UUIDField, "UUIDField"},
    {FieldType::JSONField, "JSONField"},
    {FieldType::BinaryField, "BinaryField"},
    {FieldType::ForeignKey, "ForeignKey"},
    {FieldType::ManyToManyField, "ManyToManyField"},
}};

constexpr std::array<std::pair<OnDelete, const char*>, 6> kOnDeleteNames = {{
    {OnDelete::Cascade, "CASCADE"},
    {OnDelete::SetNull, "SET_NULL"},
    {OnDelete::Protect, "PROTECT"},
    {OnDelete::Restrict, "RESTRICT"},
    {OnDelete::SetDefault, "SET_DEFAULT"},
    {OnDelete::DoNothing, "DO_NOTHING"},
}};

// Django code is often pasted with its module prefix: models.CharField, models.CASCADE.
std::string without_models_prefix(const std::string& name) {
    const std::string prefix = "models.";
    return name.rfind(prefix, 0) == 0 ? name.substr(prefix.size()) : name;
}

// Full precision, always recognisable as a float, independent of how it was written.
std::string canonical_double(double value) {
    return python_repr(Value(value));
}

class CanonicalWriter {
  public:
    explicit CanonicalWriter(const char* type) : text_(std::string(type) + "(") {}

    void add(const char* key, const std::string& rendered) {
        if (!first_) text_ += ",";
        first_ = false;
        text_ += key;
        text_ += "=";
        text_ += rendered;
    }
    void add_flag(const char* key, bool value, bool default_value) {
        if (value != default_value) add(key, value ? "True" : "False");
    }
    void add_text(const char* key, const std::string& value) {
        if (!value.empty()) add(key, python_quote(value));
    }
    std::string finish() { return text_ + ")"; }

  private:
    std::string text_;
    bool first_ = true;
};

std::string canonical_choices(const std::vector<Choice>& choices) {
    std::string out = "[";
    for (std::size_t i = 0; i < choices.size(); ++i) {
        if (i) out += ",";
        out += "(" + python_repr(choices[i].value) + "," + python_quote(choices[i].label) + ")";
    }
    return out + "]";
}

std::string canonical_validators(const Validators& validators) {
    std::string out = "{";
    auto add = [&out](const char* key, const std::string& rendered) {
        if (out.size() > 1) out += ",";
        out += std::string(key) + ":" + rendered;
    };
    if (validators.min_value) add("min_value", canonical_double(*validators.min_value));
    if (validators.max_value) add("max_value", canonical_double(*validators.max_value));
    if (validators.min_length) add("min_length", std::to_string(*validators.min_length));
    if (validators.max_length) add("max_length", std::to_string(*validators.max_length));
    if (validators.regex) add("regex", python_quote(*validators.regex));
    return out + "}";
}

}  // namespace

const char* field_type_name(FieldType type) {
    for (const auto& [candidate, name] : kFieldTypeNames) {
        if (candidate == type) return name;
    }
    return "UnknownField";
}

std::optional<FieldType> field_type_from_name(const std::string& name) {
    const std::string bare = without_models_prefix(name);
    for (const auto& [type, candidate] : kFieldTypeNames) {
        if (bare == candidate) return type;
    }
    return std::nullopt;
}

const char* on_delete_name(OnDelete rule) {
    for (const auto& [candidate, name] : kOnDeleteNames) {
        if (candidate == rule) return name;
    }
    return "CASCADE";
}

const char* on_delete_sql_action(OnDelete rule) {
    switch (rule) {
        case OnDelete::Cascade:
            return "CASCADE";
        case OnDelete::SetNull:
            return "SET NULL";
        case OnDelete::Protect:  // PROTECT is enforced by the database as RESTRICT
        case OnDelete::Restrict:
            return "RESTRICT";
        case OnDelete::SetDefault:
            return "SET DEFAULT";
        case OnDelete::DoNothing:
            return "";
    }
    return "";
}

std::optional<OnDelete> on_delete_from_name(const std::string& name) {
    const std::string bare = without_models_prefix(name);
    for (const auto& [rule, candidate] : kOnDeleteNames) {
        if (bare == candidate) return rule;
    }
    return std::nullopt;
}

std::string Field::column() const {
    if (!db_column.empty()) return db_column;
    if (type == FieldType::ForeignKey) return name + "_id";
    return name;
}

std::optional<std::int64_t> Field::effective_max_length() const {
    if (max_length) return max_length;
    if (type == FieldType::EmailField) return 254;
    if (type == FieldType::URLField) return 200;
    return std::nullopt;
}

// The order is fixed and only non-default attributes appear, so equal fields
// give equal text however they were written (shorthand, long form, C++).
std::string Field::canonical() const {
    CanonicalWriter out(field_type_name(type));
    if (!to.empty()) out.add("to", python_quote(to));
    if (on_delete != OnDelete::Cascade) out.add("on_delete", on_delete_name(on_delete));
    if (max_length) out.add("max_length", std::to_string(*max_length));
    if (max_digits) out.add("max_digits", std::to_string(*max_digits));
    if (decimal_places) out.add("decimal_places", std::to_string(*decimal_places));
    // An AutoField is the primary key whether or not it says so.
    out.add_flag("primary_key", primary_key || is_auto(), false);
    out.add_flag("null", null, false);
    out.add_flag("blank", blank, false);
    if (default_value) out.add("default", python_repr(*default_value));
    out.add_flag("unique", unique, false);
    // Written as before a ForeignKey's index became the default (only when
    // True was written), so existing checksums stay as they were; False on a
    // ForeignKey now means something, so it is written too.
    if (type != FieldType::ForeignKey)
        out.add_flag("db_index", db_index, false);
    else if (!db_index)
        out.add("db_index", "False");
    else if (db_index_written)
        out.add("db_index", "True");
    out.add_text("db_column", db_column);
    if (!choices.empty()) out.add("choices", canonical_choices(choices));
    out.add_flag("editable", editable, true);
    out.add_text("help_text", help_text);
    out.add_text("verbose_name", verbose_name);
    if (!validators.empty()) out.add("validators", canonical_validators(validators));
    out.add_flag("auto_now", auto_now, false);
    out.add_flag("auto_now_add", auto_now_add, false);
    out.add_text("related_name", related_name);
    out.add_text("through", through);
    out.add_flag("symmetrical", symmetrical, true);
    return out.finish();
}

}  // namespace covet
