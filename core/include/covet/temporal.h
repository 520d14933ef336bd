// Calendar values (DateField, TimeField, DateTimeField): proleptic Gregorian
// dates of years 1 to 9999 and times to the microsecond, as Python's datetime.
// A DateTime is an instant in UTC; text with an offset is converted to UTC.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

namespace covet {

class Date {
  public:
    Date() = default;  // 0001-01-01
    // Throws ValueError when the day does not exist (2023-02-29).
    Date(int year, int month, int day);
    // YYYY-MM-DD (month and day may have one digit, as Django reads them).
    static Date parse(std::string_view text);

    int year() const { return year_; }
    int month() const { return month_; }
    int day() const { return day_; }
    // Days since 1970-01-01 (negative before it).
    std::int64_t days_since_epoch() const;
    static Date from_days_since_epoch(std::int64_t days);

    std::string to_string() const;  // YYYY-MM-DD
    auto operator<=>(const Date&) const = default;

  private:
    short year_ = 1;
    signed char month_ = 1;
    signed char day_ = 1;
};

class Time {
  public:
    Time() = default;  // 00:00:00
    // Throws ValueError outside 00:00:00 to 23:59:59.999999.
    Time(int hour, int minute, int second = 0, int microsecond = 0);
    // HH:MM[:SS[.ffffff]] (',' also marks the fraction; digits past six are dropped).
    static Time parse(std::string_view text);

    int hour() const { return static_cast<int>(micros_ / 3'600'000'000); }
    int minute() const { return static_cast<int>(micros_ / 60'000'000 % 60); }
    int second() const { return static_cast<int>(micros_ / 1'000'000 % 60); }
    int microsecond() const { return static_cast<int>(micros_ % 1'000'000); }
    std::int64_t micros_since_midnight() const { return micros_; }

    // HH:MM:SS, plus .ffffff when there are microseconds (as Python's isoformat).
    std::string to_string() const;
    auto operator<=>(const Time&) const = default;

  private:
    std::int64_t micros_ = 0;
};

class DateTime {
  public:
    DateTime() = default;  // 0001-01-01 00:00:00 UTC
    DateTime(Date date, Time time);
    // YYYY-MM-DD[( |T)HH:MM[:SS[.ffffff]]][Z|±HH[:MM]]: a date alone is
    // midnight, no offset means UTC, an offset is converted to UTC.
    static DateTime parse(std::string_view text);
    static DateTime from_micros_since_epoch(std::int64_t micros);

    Date date() const;
    Time time() const;
    std::int64_t micros_since_epoch() const { return micros_; }

    // YYYY-MM-DD HH:MM:SS[.ffffff], as Python's str() and Django's text storage.
    std::string to_string() const;
    // YYYY-MM-DDTHH:MM:SS[.ffffff], the JSON spelling.
    std::string iso() const;
    auto operator<=>(const DateTime&) const = default;

  private:
    std::int64_t micros_ = kMinMicros;
    static constexpr std::int64_t kMinMicros = -62'135'596'800'000'000;  // 0001-01-01
};

}  // namespace covet
