// A Field written back as the shorthand the loader reads. The options follow
// Field::canonical()'s order; bare words where the loader reads them as the
// same string (targets, ON DELETE rules), Python literals everywhere else.
#include <cmath>
#include <regex>

#include "covet/state_yaml.h"
#include "schema/python_repr.h"

namespace covet {

namespace {

class ShorthandWriter {
  public:
    explicit ShorthandWriter(const Field& field) : text_(field_type_name(field.type)) {
        text_ += "(";
    }
    void positional(const std::string& rendered) { add_raw(rendered); }
    void add(const char* key, const std::string& rendered) {
        add_raw(std::string(key) + "=" + rendered);
    }
    void flag(const char* key, bool value, bool default_value) {
        if (value != default_value) add(key, value ? "True" : "False");
    }
    void text(const char* key, const std::string& value) {
        if (!value.empty()) add(key, python_quote(value));
    }
    std::string finish() { return text_ + ")"; }

  private:
    void add_raw(const std::string& part) {
        if (!first_) text_ += ", ";
        first_ = false;
        text_ += part;
    }
    std::string text_;
    bool first_ = true;
};

// A target name reads back as the same bare word when it is an identifier
// that is not one of the literal words.
std::string name_argument(const std::string& name) {
    static const std::regex identifier("[A-Za-z_][A-Za-z0-9_]*");
    bool literal_word = name == "True" || name == "False" || name == "None";
    return std::regex_match(name, identifier) && !literal_word ? name : python_quote(name);
}

std::string number_text(double value) {
    return python_repr(Value(value));
}

std::string choices_text(const std::vector<Choice>& choices) {
    std::string out = "[";
    for (std::size_t i = 0; i < choices.size(); ++i) {
        if (i) out += ", ";
        out += "(" + python_repr(choices[i].value) + ", " + python_quote(choices[i].label) + ")";
    }
    return out + "]";
}

void write_type_arguments(const Field& f, ShorthandWriter& out) {
    if (f.is_relation()) out.positional(name_argument(f.to));
    if (f.type == FieldType::ForeignKey) out.add("on_delete", on_delete_name(f.on_delete));
    if (f.max_length) out.add("max_length", std::to_string(*f.max_length));
    if (f.max_digits) out.add("max_digits", std::to_string(*f.max_digits));
    if (f.decimal_places) out.add("decimal_places", std::to_string(*f.decimal_places));
    out.flag("primary_key", f.primary_key, false);
}

void write_db_index(const Field& f, ShorthandWriter& out) {
    const bool implied = f.type == FieldType::ForeignKey;
    if (f.db_index_written || f.db_index != implied) out.flag("db_index", f.db_index, !f.db_index);
}

void write_validators(const Validators& v, ShorthandWriter& out) {
    if (v.min_value) out.add("min_value", number_text(*v.min_value));
    if (v.max_value) out.add("max_value", number_text(*v.max_value));
    if (v.min_length) out.add("min_length", std::to_string(*v.min_length));
    if (v.max_length) out.add("max_length", std::to_string(*v.max_length));
    if (v.regex) out.add("regex", python_quote(*v.regex));
}

}  // namespace

std::string field_shorthand(const Field& f) {
    ShorthandWriter out(f);
    write_type_arguments(f, out);
    out.flag("null", f.null, false);
    out.flag("blank", f.blank, false);
    if (f.default_value) out.add("default", python_repr(*f.default_value));
    out.flag("unique", f.unique, false);
    write_db_index(f, out);
    out.text("db_column", f.db_column);
    if (!f.choices.empty()) out.add("choices", choices_text(f.choices));
    out.flag("editable", f.editable, true);
    out.text("help_text", f.help_text);
    out.text("verbose_name", f.verbose_name);
    write_validators(f.validators, out);
    out.flag("auto_now", f.auto_now, false);
    out.flag("auto_now_add", f.auto_now_add, false);
    out.text("related_name", f.related_name);
    out.text("related_query_name", f.related_query_name);
    if (!f.through.empty()) out.add("through", name_argument(f.through));
    out.flag("symmetrical", f.symmetrical, true);
    return out.finish();
}

}  // namespace covet
