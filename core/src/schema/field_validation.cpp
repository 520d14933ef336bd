#include <arpa/inet.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <regex>

#include "covet/error.h"
#include "covet/field.h"
#include "schema/python_repr.h"
#include "schema/typed_default.h"
#include "util/text_case.h"

namespace covet {

namespace {

std::string trimmed(const std::string& text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return "";
    const auto last = text.find_last_not_of(" \t\r\n");
    return text.substr(first, last - first + 1);
}

std::string text_of(const Value& value) {
    return value.kind() == Value::Kind::Text ? value.as_text() : value.to_string();
}

bool is_empty_text(const Value& value) {
    return value.kind() == Value::Kind::Text && value.as_text().empty();
}

// Django quotes offending values with typographic quotes: “abc”.
std::string quoted(const Value& value) {
    return "\u201c" + text_of(value) + "\u201d";
}

std::int64_t character_count(const std::string& text) {
    return std::count_if(text.begin(), text.end(),
                         [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
}

std::int64_t length_of(const Value& value) {
    if (value.kind() == Value::Kind::Blob) {
        return static_cast<std::int64_t>(value.as_blob().data.size());
    }
    return character_count(text_of(value));
}

// Limits are stored as doubles but were mostly written as integers: show 18, not 18.0.
std::string format_limit(double limit) {
    if (std::isfinite(limit) && std::floor(limit) == limit && std::fabs(limit) < 1e15) {
        return std::to_string(static_cast<std::int64_t>(limit));
    }
    return python_repr(Value(limit));
}

std::string plural(std::int64_t count, const char* singular, const char* plural_form) {
    return count == 1 ? singular : plural_form;
}

std::optional<std::int64_t> integer_of_text(const std::string& text) {
    const std::string digits = trimmed(text);
    const std::size_t skip = !digits.empty() && digits[0] == '+' ? 1 : 0;
    std::int64_t value = 0;
    const char* end = digits.data() + digits.size();
    const auto result = std::from_chars(digits.data() + skip, end, value);
    if (digits.empty() || result.ec != std::errc() || result.ptr != end) return std::nullopt;
    return value;
}

std::optional<double> double_of_text(const std::string& text) {
    const std::string digits = trimmed(text);
    const std::size_t skip = !digits.empty() && digits[0] == '+' ? 1 : 0;
    double value = 0;
    const char* end = digits.data() + digits.size();
    const auto result = std::from_chars(digits.data() + skip, end, value);
    if (digits.empty() || result.ec != std::errc() || result.ptr != end) return std::nullopt;
    return value;
}

std::optional<double> number_of(const Value& value) {
    switch (value.kind()) {
        case Value::Kind::Int:
        case Value::Kind::Float:
            return value.as_double();
        case Value::Kind::Text:
            return double_of_text(value.as_text());
        default:
            return std::nullopt;
    }
}

struct DecimalShape {
    std::int64_t digits = 0;
    std::int64_t decimals = 0;
};

// Digits in total and after the point, counted as Python's Decimal.as_tuple()
// does for Django's DecimalValidator: 0.05 has 2 and 2, 100 has 3 and 0.
std::optional<DecimalShape> decimal_shape(const std::string& text) {
    const std::string number = trimmed(text);
    std::size_t pos = 0;
    if (pos < number.size() && (number[pos] == '+' || number[pos] == '-')) ++pos;
    std::string mantissa;
    std::int64_t fraction_digits = 0;
    bool seen_point = false;
    for (; pos < number.size(); ++pos) {
        const char c = number[pos];
        if (c >= '0' && c <= '9') {
            mantissa += c;
            if (seen_point) ++fraction_digits;
        } else if (c == '.' && !seen_point) {
            seen_point = true;
        } else {
            break;
        }
    }
    if (mantissa.empty()) return std::nullopt;
    std::int64_t exponent = 0;
    if (pos < number.size() && (number[pos] == 'e' || number[pos] == 'E')) {
        std::string exponent_text = number.substr(pos + 1);
        if (!exponent_text.empty() && exponent_text[0] == '+') exponent_text.erase(0, 1);
        const auto parsed = integer_of_text(exponent_text);
        if (!parsed || exponent_text.empty() || std::llabs(*parsed) > 1000000) return std::nullopt;
        exponent = *parsed;
        pos = number.size();
    }
    if (pos != number.size()) return std::nullopt;
    exponent -= fraction_digits;
    const auto significant = mantissa.find_first_not_of('0');
    const std::int64_t length = significant == std::string::npos
                                    ? 1
                                    : static_cast<std::int64_t>(mantissa.size() - significant);
    const bool is_zero = significant == std::string::npos;
    DecimalShape shape;
    if (exponent >= 0) {
        shape.digits = length + (is_zero ? 0 : exponent);
    } else if (-exponent > length) {
        shape.digits = shape.decimals = -exponent;
    } else {
        shape.digits = length;
        shape.decimals = -exponent;
    }
    return shape;
}

std::optional<DecimalShape> decimal_shape_of(const Value& value) {
    switch (value.kind()) {
        case Value::Kind::Int:
        case Value::Kind::Float:
            return decimal_shape(value.to_string());
        case Value::Kind::Text:
            return decimal_shape(value.as_text());
        default:
            return std::nullopt;
    }
}

enum class TemporalCheck { Valid, BadFormat, BadValue };

// Reads the fixed-width or 1-2 digit number fields of ISO dates and times.
class DigitReader {
  public:
    explicit DigitReader(const std::string& text) : text_(text) {}
    bool number(int min_width, int max_width, int& out) {
        int width = 0;
        out = 0;
        while (width < max_width && pos_ < text_.size() && std::isdigit(uc(text_[pos_]))) {
            out = out * 10 + (text_[pos_++] - '0');
            ++width;
        }
        return width >= min_width;
    }
    bool accept(char c) {
        if (pos_ < text_.size() && text_[pos_] == c) {
            ++pos_;
            return true;
        }
        return false;
    }
    void skip_digits(int max_count) {
        while (max_count-- > 0 && pos_ < text_.size() && std::isdigit(uc(text_[pos_])))
            ++pos_;
    }
    void skip_spaces() {
        while (pos_ < text_.size() && std::isspace(uc(text_[pos_])))
            ++pos_;
    }
    bool at_end() const { return pos_ == text_.size(); }

  private:
    static unsigned char uc(char c) { return static_cast<unsigned char>(c); }
    const std::string& text_;
    std::size_t pos_ = 0;
};

bool is_leap_year(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) {
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap_year(year) ? 29 : days[month - 1];
}

TemporalCheck read_date(DigitReader& in) {
    int year = 0, month = 0, day = 0;
    if (!in.number(4, 4, year) || !in.accept('-') || !in.number(1, 2, month) || !in.accept('-') ||
        !in.number(1, 2, day)) {
        return TemporalCheck::BadFormat;
    }
    const bool valid =
        year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= days_in_month(year, month);
    return valid ? TemporalCheck::Valid : TemporalCheck::BadValue;
}

TemporalCheck read_time(DigitReader& in) {
    int hour = 0, minute = 0, second = 0, fraction = 0;
    if (!in.number(1, 2, hour) || !in.accept(':') || !in.number(1, 2, minute)) {
        return TemporalCheck::BadFormat;
    }
    if (in.accept(':')) {
        if (!in.number(1, 2, second)) return TemporalCheck::BadFormat;
        if (in.accept('.') || in.accept(',')) {
            if (!in.number(1, 6, fraction)) return TemporalCheck::BadFormat;
            in.skip_digits(6);
        }
    }
    return hour <= 23 && minute <= 59 && second <= 59 ? TemporalCheck::Valid
                                                      : TemporalCheck::BadValue;
}

TemporalCheck check_date(const std::string& text) {
    DigitReader in(text);
    const TemporalCheck check = read_date(in);
    if (check == TemporalCheck::Valid && !in.at_end()) return TemporalCheck::BadFormat;
    return check;
}

TemporalCheck check_time(const std::string& text) {
    DigitReader in(text);
    const TemporalCheck check = read_time(in);
    if (check == TemporalCheck::Valid && !in.at_end()) return TemporalCheck::BadFormat;
    return check;
}

// YYYY-MM-DD[( |T)HH:MM[:ss[.uuuuuu]][TZ]]; a date alone means midnight, as in Django.
TemporalCheck check_datetime(const std::string& text, bool& bad_date) {
    DigitReader in(text);
    const TemporalCheck date = read_date(in);
    bad_date = date == TemporalCheck::BadValue;
    if (date == TemporalCheck::BadFormat) return date;
    if (in.at_end()) return date;
    if (!in.accept('T') && !in.accept(' ')) return TemporalCheck::BadFormat;
    const TemporalCheck time = read_time(in);
    if (time == TemporalCheck::BadFormat) return time;
    in.skip_spaces();
    bool zone_valid = true;
    if (!in.accept('Z') && (in.accept('+') || in.accept('-'))) {
        int hours = 0, minutes = 0;
        if (!in.number(2, 2, hours)) return TemporalCheck::BadFormat;
        if ((in.accept(':') || !in.at_end()) && !in.number(2, 2, minutes)) {
            return TemporalCheck::BadFormat;
        }
        zone_valid = hours <= 23 && minutes <= 59;
    }
    if (!in.at_end()) return TemporalCheck::BadFormat;
    const bool valid = date == TemporalCheck::Valid && time == TemporalCheck::Valid && zone_valid;
    return valid ? TemporalCheck::Valid : TemporalCheck::BadValue;
}

bool is_uuid_text(const std::string& text) {
    std::string hex = trimmed(text);
    for (const char* prefix : {"urn:", "uuid:"}) {
        if (hex.rfind(prefix, 0) == 0) hex.erase(0, std::string(prefix).size());
    }
    if (hex.size() >= 2 && hex.front() == '{' && hex.back() == '}')
        hex = hex.substr(1, hex.size() - 2);
    hex.erase(std::remove(hex.begin(), hex.end(), '-'), hex.end());
    return hex.size() == 32 && std::all_of(hex.begin(), hex.end(), [](char c) {
               return std::isxdigit(static_cast<unsigned char>(c));
           });
}

bool is_ip_address(const std::string& text, int family) {
    unsigned char buffer[16];
    return inet_pton(family, text.c_str(), buffer) == 1;
}

bool is_valid_email_domain(const std::string& domain) {
    static const std::regex domain_name(
        "((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+)(?:[a-z0-9-]{2,63})",
        std::regex::ECMAScript | std::regex::icase);
    static const std::regex address_literal("\\[([a-f0-9:.]+)\\]",
                                            std::regex::ECMAScript | std::regex::icase);
    // The top-level label may not end with a hyphen (Django's (?<!-), which ECMAScript lacks).
    if (std::regex_match(domain, domain_name) && domain.back() != '-') return true;
    std::smatch literal;
    if (std::regex_match(domain, literal, address_literal)) {
        return is_ip_address(literal[1], AF_INET) || is_ip_address(literal[1], AF_INET6);
    }
    return false;
}

// Django's EmailValidator for ASCII addresses.
bool is_valid_email(const std::string& value) {
    static const std::regex dot_atom(
        "[-!#$%&'*+/=?^_`{}|~0-9a-z]+(\\.[-!#$%&'*+/=?^_`{}|~0-9a-z]+)*",
        std::regex::ECMAScript | std::regex::icase);
    static const std::regex quoted_string(
        "\"([\\x01-\\x08\\x0b\\x0c\\x0e-\\x1f!#-\\[\\]-\\x7f]|\\\\[\\x01-\\x09\\x0b\\x0c\\x0e-"
        "\\x7f])"
        "*\"",
        std::regex::ECMAScript | std::regex::icase);
    const auto at = value.rfind('@');
    if (value.empty() || value.size() > 320 || at == std::string::npos) return false;
    const std::string user = value.substr(0, at);
    const std::string domain = value.substr(at + 1);
    if (!std::regex_match(user, dot_atom) && !std::regex_match(user, quoted_string)) return false;
    return domain == "localhost" || (!domain.empty() && is_valid_email_domain(domain));
}

// Django's URLValidator (schemes http, https, ftp, ftps) for ASCII host names.
bool is_valid_url(const std::string& value) {
    static const std::string ipv4 =
        "(?:0|25[0-5]|2[0-4][0-9]|1[0-9]?[0-9]?|[1-9][0-9]?)"
        "(?:\\.(?:0|25[0-5]|2[0-4][0-9]|1[0-9]?[0-9]?|[1-9][0-9]?)){3}";
    static const std::string label = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";
    static const std::string top_level = "\\.(?:[a-z][a-z-]{0,61}[a-z]|xn--[a-z0-9]{1,59})\\.?";
    static const std::regex authority(
        "(?:[^\\s:@/]+(?::[^\\s:@/]*)?@)?"
        "(" +
            ipv4 + "|\\[([0-9a-f:.]+)\\]|(" + label + "(?:\\." + label + ")*" + top_level +
            "|localhost))"
            "(?::([0-9]{1,5}))?",
        std::regex::ECMAScript | std::regex::icase);
    if (value.empty() || value.size() > 2048) return false;
    if (std::any_of(value.begin(), value.end(),
                    [](char c) { return std::isspace(static_cast<unsigned char>(c)); })) {
        return false;
    }
    const auto separator = value.find("://");
    if (separator == std::string::npos) return false;
    std::string scheme = value.substr(0, separator);
    scheme = to_lower(scheme);
    if (scheme != "http" && scheme != "https" && scheme != "ftp" && scheme != "ftps") return false;
    const std::size_t host_start = separator + 3;
    const auto path_start = value.find_first_of("/?#", host_start);
    const std::string host_part = value.substr(
        host_start, path_start == std::string::npos ? std::string::npos : path_start - host_start);
    std::smatch match;
    if (!std::regex_match(host_part, match, authority)) return false;
    if (match[2].matched && !is_ip_address(match[2], AF_INET6)) return false;
    if (match[3].matched && match[3].length() > 253) return false;
    if (match[4].matched && std::stoi(match[4]) > 65535) return false;
    return true;
}

bool same_choice_value(const Value& value, const Value& choice) {
    if (value == choice) return true;
    const auto a = number_of(value);
    const auto b = number_of(choice);
    const bool numeric_pair =
        value.kind() != Value::Kind::Text || choice.kind() != Value::Kind::Text;
    return numeric_pair && a && b && *a == *b;
}

bool is_integer_type(FieldType type) {
    return type == FieldType::AutoField || type == FieldType::BigAutoField ||
           type == FieldType::IntegerField || type == FieldType::BigIntegerField ||
           type == FieldType::SmallIntegerField;
}

// The value cannot be read as the field's type; Django stops at this message.
std::optional<std::string> conversion_error(const Field& field, const Value& value) {
    const Value::Kind kind = value.kind();
    const bool is_text = kind == Value::Kind::Text;
    const bool is_number =
        kind == Value::Kind::Int || kind == Value::Kind::Float || kind == Value::Kind::Bool;
    if (is_integer_type(field.type)) {
        if (is_number || (is_text && integer_of_text(value.as_text()))) return std::nullopt;
        return quoted(value) + " value must be an integer.";
    }
    switch (field.type) {
        case FieldType::FloatField:
            if (is_number || (is_text && double_of_text(value.as_text()))) return std::nullopt;
            return quoted(value) + " value must be a float.";
        case FieldType::DecimalField:
            if (is_number || (is_text && decimal_shape(value.as_text()))) return std::nullopt;
            return quoted(value) + " value must be a decimal number.";
        case FieldType::BooleanField: {
            if (kind == Value::Kind::Bool) return std::nullopt;
            if (kind == Value::Kind::Int && (value.as_int() == 0 || value.as_int() == 1)) {
                return std::nullopt;
            }
            const std::string text = is_text ? value.as_text() : "";
            if (is_text && (text == "t" || text == "True" || text == "1" || text == "f" ||
                            text == "False" || text == "0")) {
                return std::nullopt;
            }
            return quoted(value) + (field.null ? " value must be either True, False, or None."
                                               : " value must be either True or False.");
        }
        case FieldType::UUIDField:
            if ((is_text && is_uuid_text(value.as_text())) ||
                (kind == Value::Kind::Int && value.as_int() >= 0) ||
                (kind == Value::Kind::Blob && value.as_blob().data.size() == 16)) {
                return std::nullopt;
            }
            return quoted(value) + " is not a valid UUID.";
        case FieldType::DateField: {
            const TemporalCheck check =
                is_text ? check_date(trimmed(value.as_text())) : TemporalCheck::BadFormat;
            if (check == TemporalCheck::BadFormat) {
                return quoted(value) +
                       " value has an invalid date format. It must be in YYYY-MM-DD format.";
            }
            if (check == TemporalCheck::BadValue) {
                return quoted(value) +
                       " value has the correct format (YYYY-MM-DD) but it is an invalid date.";
            }
            return std::nullopt;
        }
        case FieldType::TimeField: {
            const TemporalCheck check =
                is_text ? check_time(trimmed(value.as_text())) : TemporalCheck::BadFormat;
            if (check == TemporalCheck::BadFormat) {
                return quoted(value) +
                       " value has an invalid format. It must be in HH:MM[:ss[.uuuuuu]] format.";
            }
            if (check == TemporalCheck::BadValue) {
                return quoted(value) +
                       " value has the correct format (HH:MM[:ss[.uuuuuu]]) but it is an invalid "
                       "time.";
            }
            return std::nullopt;
        }
        case FieldType::DateTimeField: {
            bool bad_date = false;
            const TemporalCheck check = is_text ? check_datetime(trimmed(value.as_text()), bad_date)
                                                : TemporalCheck::BadFormat;
            if (check == TemporalCheck::BadFormat) {
                return quoted(value) +
                       " value has an invalid format. It must be in YYYY-MM-DD "
                       "HH:MM[:ss[.uuuuuu]][TZ] format.";
            }
            if (check == TemporalCheck::BadValue && bad_date) {
                return quoted(value) +
                       " value has the correct format (YYYY-MM-DD) but it is an invalid date.";
            }
            if (check == TemporalCheck::BadValue) {
                return quoted(value) +
                       " value has the correct format (YYYY-MM-DD HH:MM[:ss[.uuuuuu]][TZ]) but it "
                       "is an invalid date/time.";
            }
            return std::nullopt;
        }
        default:
            return std::nullopt;
    }
}

void check_max_length(std::int64_t limit, const Value& value, std::vector<std::string>& out) {
    const std::int64_t length = length_of(value);
    if (length > limit) {
        out.push_back("Ensure this value has at most " + std::to_string(limit) + " " +
                      plural(limit, "character", "characters") + " (it has " +
                      std::to_string(length) + ").");
    }
}

void check_min_length(std::int64_t limit, const Value& value, std::vector<std::string>& out) {
    const std::int64_t length = length_of(value);
    if (length < limit) {
        out.push_back("Ensure this value has at least " + std::to_string(limit) + " " +
                      plural(limit, "character", "characters") + " (it has " +
                      std::to_string(length) + ").");
    }
}

void check_min_value(double limit, const Value& value, std::vector<std::string>& out) {
    const auto number = number_of(value);
    if (number && *number < limit) {
        out.push_back("Ensure this value is greater than or equal to " + format_limit(limit) + ".");
    }
}

void check_max_value(double limit, const Value& value, std::vector<std::string>& out) {
    const auto number = number_of(value);
    if (number && *number > limit) {
        out.push_back("Ensure this value is less than or equal to " + format_limit(limit) + ".");
    }
}

// Django's DecimalValidator reports only the first rule broken.
void check_decimal_digits(const Field& field, const Value& value, std::vector<std::string>& out) {
    const auto shape = decimal_shape_of(value);
    if (!shape) return;
    const std::int64_t whole_digits = shape->digits - shape->decimals;
    if (field.max_digits && shape->digits > *field.max_digits) {
        out.push_back("Ensure that there are no more than " + std::to_string(*field.max_digits) +
                      " " + plural(*field.max_digits, "digit", "digits") + " in total.");
    } else if (field.decimal_places && shape->decimals > *field.decimal_places) {
        out.push_back("Ensure that there are no more than " +
                      std::to_string(*field.decimal_places) + " " +
                      plural(*field.decimal_places, "decimal place", "decimal places") + ".");
    } else if (field.max_digits && field.decimal_places &&
               whole_digits > *field.max_digits - *field.decimal_places) {
        const std::int64_t allowed = *field.max_digits - *field.decimal_places;
        out.push_back("Ensure that there are no more than " + std::to_string(allowed) + " " +
                      plural(allowed, "digit", "digits") + " before the decimal point.");
    }
}

void check_integer_range(FieldType type, const Value& value, std::vector<std::string>& out) {
    double low = 0, high = 0;
    if (type == FieldType::SmallIntegerField) {
        low = -32768;
        high = 32767;
    } else if (type == FieldType::IntegerField || type == FieldType::AutoField) {
        low = -2147483648.0;
        high = 2147483647.0;
    } else {
        return;
    }
    check_min_value(low, value, out);
    check_max_value(high, value, out);
}

void check_regex(const std::string& pattern, const Value& value, std::vector<std::string>& out) {
    try {
        const std::regex regex(pattern, std::regex::ECMAScript);
        if (!std::regex_search(text_of(value), regex)) out.push_back("Enter a valid value.");
    } catch (const std::regex_error& e) {
        throw FieldError("invalid regex " + python_quote(pattern) + ": " + e.what());
    }
}

}  // namespace

std::vector<std::string> Field::validate(const Value& value) const {
    // As in Django: fields the user cannot edit and many-to-many sets are not checked here.
    if (!editable || is_many_to_many()) return {};
    if (value.is_null()) {
        // The database or save() fills these in.
        if (null || is_auto() || auto_now || auto_now_add) return {};
        return {"This field cannot be null."};
    }
    if (blank && is_empty_text(value)) return {};
    if (auto error = conversion_error(*this, value)) return {*error};

    std::vector<std::string> messages;
    if (!choices.empty() && !is_empty_text(value)) {
        const bool listed = std::any_of(choices.begin(), choices.end(), [&](const Choice& choice) {
            return same_choice_value(value, choice.value);
        });
        if (!listed) messages.push_back("Value " + python_repr(value) + " is not a valid choice.");
    }
    if (is_empty_text(value)) {
        messages.push_back("This field cannot be blank.");
        return messages;
    }

    if (type == FieldType::EmailField && !is_valid_email(text_of(value))) {
        messages.push_back("Enter a valid email address.");
    }
    if (type == FieldType::URLField && !is_valid_url(text_of(value))) {
        messages.push_back("Enter a valid URL.");
    }
    if (type == FieldType::DecimalField) check_decimal_digits(*this, value, messages);
    if (const auto limit = effective_max_length()) check_max_length(*limit, value, messages);
    if (is_integer_type(type)) check_integer_range(type, value, messages);

    if (validators.min_value) check_min_value(*validators.min_value, value, messages);
    if (validators.max_value) check_max_value(*validators.max_value, value, messages);
    if (validators.min_length) check_min_length(*validators.min_length, value, messages);
    if (validators.max_length) check_max_length(*validators.max_length, value, messages);
    if (validators.regex) check_regex(*validators.regex, value, messages);

    // A limit given both as the column length and as a validator is reported once.
    std::vector<std::string> unique_messages;
    for (auto& message : messages) {
        if (std::find(unique_messages.begin(), unique_messages.end(), message) ==
            unique_messages.end()) {
            unique_messages.push_back(std::move(message));
        }
    }
    return unique_messages;
}

std::optional<std::string> default_value_problem(const Field& field) {
    if (!field.default_value || field.default_value->is_null()) return std::nullopt;
    // A relation's default is typed by its target's key; JSON and bytes take any value.
    if (field.is_relation() || field.type == FieldType::JSONField ||
        field.type == FieldType::BinaryField)
        return field.type == FieldType::JSONField ? typed_default_problem(field) : std::nullopt;
    const Value& value = *field.default_value;
    if (auto error = conversion_error(field, value)) return error;
    // An integer column given 1.5 would round on one back end and keep 1.5 on another.
    if (is_integer_type(field.type) && value.kind() == Value::Kind::Float &&
        value.as_double() != std::floor(value.as_double()))
        return quoted(value) + " value must be an integer.";
    std::vector<std::string> messages;
    if (field.type == FieldType::DecimalField) check_decimal_digits(field, value, messages);
    if (const auto limit = field.effective_max_length()) check_max_length(*limit, value, messages);
    if (is_integer_type(field.type)) check_integer_range(field.type, value, messages);
    if (messages.empty()) return typed_default_problem(field);
    return messages.front();
}

}  // namespace covet
