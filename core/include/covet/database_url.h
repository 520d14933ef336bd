// Database URLs of SPEC.md §2.
#pragma once

#include <map>
#include <string>

namespace covet {

struct DatabaseUrl {
    std::string scheme;  // the back end's canonical name (backend_registry.h), aliases resolved
    std::string user;
    std::string password;
    std::string host;
    std::string port;
    std::string database;  // database name; for a file back end the path or ":memory:"
    std::map<std::string, std::string> params;
    std::string original;
    bool in_memory = false;  // one of the back end's in-memory URLs

    bool is_memory() const { return in_memory; }
    // The URL with the password replaced by "***", safe to print.
    std::string redacted() const;
};

// Throws UsageError for a malformed URL; the message never holds the password.
DatabaseUrl parse_database_url(const std::string& url);

// Replaces the password of a URL text with "***" (works on malformed URLs too).
std::string redact_url(const std::string& text);

// Decodes %XX escapes; throws UsageError on a malformed escape.
std::string percent_decode(const std::string& text);

}  // namespace covet
