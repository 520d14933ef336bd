#include "covet/temporal.h"

#include <cctype>
#include <cstdio>

#include "covet/error.h"

namespace covet {

namespace {

constexpr std::int64_t kMicrosPerDay = 86'400'000'000;

bool is_leap(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) {
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap(year) ? 29 : days[month - 1];
}

// Reads the digit groups of ISO dates and times from left to right.
class Reader {
  public:
    explicit Reader(std::string_view text) : text_(text) {}
    bool number(int min_width, int max_width, int& out) {
        out = 0;
        int width = 0;
        while (width < max_width && pos_ < text_.size() && digit(text_[pos_])) {
            out = out * 10 + (text_[pos_++] - '0');
            ++width;
        }
        return width >= min_width;
    }
    // Up to six digits as microseconds ("5" is 500000); digits past six are dropped.
    bool fraction(int& micros) {
        int width = 0;
        micros = 0;
        for (; pos_ < text_.size() && digit(text_[pos_]); ++pos_, ++width) {
            if (width < 6) micros = micros * 10 + (text_[pos_] - '0');
        }
        for (int w = width; w < 6; ++w)
            micros *= 10;
        return width >= 1 && width <= 12;
    }
    bool accept(char c) {
        if (pos_ >= text_.size() || text_[pos_] != c) return false;
        ++pos_;
        return true;
    }
    void skip_spaces() {
        while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_])))
            ++pos_;
    }
    bool at_end() const { return pos_ == text_.size(); }

  private:
    static bool digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }
    std::string_view text_;
    std::size_t pos_ = 0;
};

[[noreturn]] void fail(const char* what, std::string_view text, const char* format) {
    throw ValueError("'" + std::string(text) + "' is not a valid " + what + " (expected " + format +
                     ")");
}

constexpr const char* kDateFormat = "YYYY-MM-DD";
constexpr const char* kTimeFormat = "HH:MM[:SS[.ffffff]]";
constexpr const char* kDateTimeFormat = "YYYY-MM-DD[ HH:MM[:SS[.ffffff]]][Z|+HH:MM]";

bool read_date(Reader& in, int& y, int& m, int& d) {
    return in.number(4, 4, y) && in.accept('-') && in.number(1, 2, m) && in.accept('-') &&
           in.number(1, 2, d);
}

bool read_time(Reader& in, int& h, int& mi, int& s, int& us) {
    s = us = 0;
    if (!in.number(1, 2, h) || !in.accept(':') || !in.number(1, 2, mi)) return false;
    if (!in.accept(':')) return true;
    if (!in.number(1, 2, s)) return false;
    if (in.accept('.') || in.accept(',')) return in.fraction(us);
    return true;
}

// Z, ±HH, ±HHMM or ±HH:MM, as minutes east of UTC.
bool read_offset(Reader& in, int& minutes_east) {
    minutes_east = 0;
    if (in.accept('Z')) return true;
    const bool plus = in.accept('+');
    if (!plus && !in.accept('-')) return true;
    int hours = 0, minutes = 0;
    if (!in.number(2, 2, hours)) return false;
    if (in.accept(':') ? !in.number(2, 2, minutes) : !in.at_end() && !in.number(2, 2, minutes))
        return false;
    if (hours > 23 || minutes > 59) return false;
    minutes_east = (plus ? 1 : -1) * (hours * 60 + minutes);
    return true;
}

std::string two(int n) {
    char buf[4];
    std::snprintf(buf, sizeof buf, "%02d", n % 100);
    return buf;
}

}  // namespace

Date::Date(int year, int month, int day) {
    if (year < 1 || year > 9999)
        throw ValueError("year " + std::to_string(year) + " is out of range 1..9999");
    if (month < 1 || month > 12)
        throw ValueError("month " + std::to_string(month) + " is out of range 1..12");
    if (day < 1 || day > days_in_month(year, month))
        throw ValueError("day " + std::to_string(day) + " does not exist in " +
                         std::to_string(year) + "-" + two(month));
    year_ = static_cast<short>(year);
    month_ = static_cast<signed char>(month);
    day_ = static_cast<signed char>(day);
}

Date Date::parse(std::string_view text) {
    Reader in(text);
    int y = 0, m = 0, d = 0;
    if (!read_date(in, y, m, d) || !in.at_end()) fail("date", text, kDateFormat);
    try {
        return Date(y, m, d);
    } catch (const ValueError& e) {
        throw ValueError("'" + std::string(text) + "' is not a valid date: " + e.what());
    }
}

// Howard Hinnant's days_from_civil.
std::int64_t Date::days_since_epoch() const {
    const int y = year_ - (month_ <= 2);
    const int era = y / 400;
    const int yoe = y - era * 400;
    const int doy = (153 * (month_ + (month_ > 2 ? -3 : 9)) + 2) / 5 + day_ - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return static_cast<std::int64_t>(era) * 146097 + doe - 719468;
}

// Howard Hinnant's civil_from_days.
Date Date::from_days_since_epoch(std::int64_t days) {
    days += 719468;
    const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const auto doe = static_cast<int>(days - era * 146097);
    const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int mp = (5 * doy + 2) / 153;
    const int day = doy - (153 * mp + 2) / 5 + 1;
    const int month = mp < 10 ? mp + 3 : mp - 9;
    const auto year = static_cast<int>(yoe + era * 400 + (month <= 2));
    return Date(year, month, day);
}

std::string Date::to_string() const {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year_ % 10000, month_ % 100, day_ % 100);
    return buf;
}

Time::Time(int hour, int minute, int second, int microsecond) {
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 ||
        microsecond < 0 || microsecond > 999'999)
        throw ValueError("time " + two(hour) + ":" + two(minute) + ":" + two(second) +
                         " is out of range 00:00:00..23:59:59.999999");
    micros_ =
        ((static_cast<std::int64_t>(hour) * 60 + minute) * 60 + second) * 1'000'000 + microsecond;
}

Time Time::parse(std::string_view text) {
    Reader in(text);
    int h = 0, mi = 0, s = 0, us = 0;
    if (!read_time(in, h, mi, s, us) || !in.at_end()) fail("time", text, kTimeFormat);
    if (h > 23 || mi > 59 || s > 59)
        throw ValueError("'" + std::string(text) + "' is not a valid time: out of range");
    return Time(h, mi, s, us);
}

std::string Time::to_string() const {
    char buf[24];
    if (microsecond() == 0)
        std::snprintf(buf, sizeof buf, "%02d:%02d:%02d", hour(), minute(), second());
    else
        std::snprintf(buf, sizeof buf, "%02d:%02d:%02d.%06d", hour(), minute(), second(),
                      microsecond());
    return buf;
}

DateTime::DateTime(Date date, Time time)
    : micros_(date.days_since_epoch() * kMicrosPerDay + time.micros_since_midnight()) {}

DateTime DateTime::from_micros_since_epoch(std::int64_t micros) {
    static const std::int64_t kMaxMicros =
        (Date(9999, 12, 31).days_since_epoch() + 1) * kMicrosPerDay - 1;
    if (micros < kMinMicros || micros > kMaxMicros)
        throw ValueError("datetime out of range 0001-01-01..9999-12-31");
    DateTime out;
    out.micros_ = micros;
    return out;
}

DateTime DateTime::parse(std::string_view text) {
    Reader in(text);
    int y = 0, m = 0, d = 0, h = 0, mi = 0, s = 0, us = 0, offset = 0;
    bool ok = read_date(in, y, m, d);
    if (ok && !in.at_end()) {
        ok = (in.accept(' ') || in.accept('T')) && read_time(in, h, mi, s, us);
        in.skip_spaces();
        ok = ok && read_offset(in, offset);
    }
    if (!ok || !in.at_end()) fail("datetime", text, kDateTimeFormat);
    try {
        const DateTime local(Date(y, m, d), Time(h, mi, s, us));
        return from_micros_since_epoch(local.micros_ - std::int64_t{offset} * 60'000'000);
    } catch (const ValueError& e) {
        throw ValueError("'" + std::string(text) + "' is not a valid datetime: " + e.what());
    }
}

Date DateTime::date() const {
    const std::int64_t days =
        (micros_ >= 0 ? micros_ : micros_ - kMicrosPerDay + 1) / kMicrosPerDay;
    return Date::from_days_since_epoch(days);
}

Time DateTime::time() const {
    const std::int64_t in_day = ((micros_ % kMicrosPerDay) + kMicrosPerDay) % kMicrosPerDay;
    return Time(static_cast<int>(in_day / 3'600'000'000),
                static_cast<int>(in_day / 60'000'000 % 60),
                static_cast<int>(in_day / 1'000'000 % 60), static_cast<int>(in_day % 1'000'000));
}

std::string DateTime::to_string() const {
    return date().to_string() + " " + time().to_string();
}

std::string DateTime::iso() const {
    return date().to_string() + "T" + time().to_string();
}

}  // namespace covet
