// Django's checks of text forms: ISO dates and times, UUIDs, IP addresses,
// e-mail addresses and URLs; see text_formats.h.
#include "schema/text_formats.h"

#include <arpa/inet.h>

#include <algorithm>
#include <cctype>
#include <regex>

#include "util/text_case.h"

namespace covet {

std::string trimmed(const std::string& text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return "";
    const auto last = text.find_last_not_of(" \t\r\n");
    return text.substr(first, last - first + 1);
}

namespace {

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

}  // namespace

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

namespace {

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

}  // namespace

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

}  // namespace covet
