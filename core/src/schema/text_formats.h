// The text forms Django's fields accept, checked as Django checks them:
// used to validate values and defaults (field_validation.cpp).
#pragma once

#include <string>

namespace covet {

// The text without surrounding blanks, as Django's fields strip it.
std::string trimmed(const std::string& text);

enum class TemporalCheck { Valid, BadFormat, BadValue };

// YYYY-MM-DD.
TemporalCheck check_date(const std::string& text);
// HH:MM[:ss[.uuuuuu]].
TemporalCheck check_time(const std::string& text);
// A date, optionally followed by a time and a time zone; `bad_date` tells
// whether a BadValue is the date's.
TemporalCheck check_datetime(const std::string& text, bool& bad_date);

// 32 hexadecimal digits, with or without the dashes of the canonical form.
bool is_uuid_text(const std::string& text);
// `family`: AF_INET or AF_INET6.
bool is_ip_address(const std::string& text, int family);
bool is_valid_email(const std::string& value);
bool is_valid_url(const std::string& value);

}  // namespace covet
