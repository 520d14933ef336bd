#include "covet/database_url.h"

#include <cctype>

#include "covet/backend_registry.h"
#include "covet/error.h"

namespace covet {

namespace {

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// The canonical back-end name of a URL scheme; empty when no back end has it.
std::string normalise_scheme(const std::string& scheme) {
    const Backend* backend = backend_registry().by_url_scheme(scheme);
    return backend ? backend->name : "";
}

// Messages quote the URL only in its redacted form.
[[noreturn]] void malformed(const DatabaseUrl& url, const std::string& why) {
    throw UsageError("malformed database URL '" + url.redacted() + "': " + why);
}

void parse_query(DatabaseUrl& url, const std::string& query) {
    std::size_t pos = 0;
    while (pos <= query.size() && !query.empty()) {
        std::size_t amp = query.find('&', pos);
        std::string pair =
            query.substr(pos, amp == std::string::npos ? std::string::npos : amp - pos);
        if (!pair.empty()) {
            auto eq = pair.find('=');
            std::string key = percent_decode(pair.substr(0, eq));
            std::string value = eq == std::string::npos ? "" : percent_decode(pair.substr(eq + 1));
            url.params[key] = value;
        }
        if (amp == std::string::npos) break;
        pos = amp + 1;
    }
}

const Backend* memory_backend(const std::string& text) {
    for (const Backend& backend : backend_registry().backends())
        for (const std::string& memory_url : backend.memory_urls)
            if (text == memory_url) return &backend;
    return nullptr;
}

// The URL the "expected scheme://..." message shows: a file of the first file back end.
std::string example_url() {
    for (const Backend& backend : backend_registry().backends())
        if (backend.file_database) return backend.name + ":///covet.db";
    return "scheme://host/database";
}

// scheme:///relative.db -> "relative.db"; scheme:////abs.db -> "/abs.db".
DatabaseUrl parse_file_url(DatabaseUrl url, const std::string& rest, const std::string& query) {
    if (rest.empty() || rest[0] != '/')
        malformed(url, "expected " + url.scheme + ":///path or " + url.scheme + ":////abs/path");
    url.database = percent_decode(rest.substr(1));
    if (url.database.empty()) malformed(url, "missing the database file path");
    parse_query(url, query);
    return url;
}

}  // namespace

std::string percent_decode(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '%') {
            out += text[i];
            continue;
        }
        int hi = i + 1 < text.size() ? hex_digit(text[i + 1]) : -1;
        int lo = i + 2 < text.size() ? hex_digit(text[i + 2]) : -1;
        if (hi < 0 || lo < 0) throw UsageError("malformed percent-escape in database URL");
        out += static_cast<char>(hi * 16 + lo);
        i += 2;
    }
    return out;
}

std::string DatabaseUrl::redacted() const {
    return redact_url(original);
}

namespace {

// Client libraries also take a password as a query parameter
// (?password=..., ?sslpassword=...): its value is masked like the user info's.
std::string redact_query(const std::string& text) {
    auto question = text.find('?');
    if (question == std::string::npos) return text;
    std::string out = text.substr(0, question + 1);
    std::size_t pos = question + 1;
    while (pos <= text.size()) {
        auto amp = text.find('&', pos);
        std::string pair =
            text.substr(pos, amp == std::string::npos ? std::string::npos : amp - pos);
        auto eq = pair.find('=');
        std::string key = pair.substr(0, eq);
        for (auto& c : key)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        bool secret = key.find("password") != std::string::npos ||
                      key.find("passwd") != std::string::npos || key == "pass" || key == "pwd";
        out += (secret && eq != std::string::npos) ? pair.substr(0, eq + 1) + "***" : pair;
        if (amp == std::string::npos) break;
        out += '&';
        pos = amp + 1;
    }
    return out;
}

}  // namespace

std::string redact_url(const std::string& text) {
    auto scheme_end = text.find("://");
    if (scheme_end == std::string::npos) return redact_query(text);
    auto start = scheme_end + 3;
    // The last '@' before the query ends the user info, whatever the password holds.
    auto at = text.rfind('@', text.find('?', start));
    if (at == std::string::npos || at < start) return redact_query(text);
    auto colon = text.find(':', start);
    if (colon == std::string::npos || colon > at) return redact_query(text);
    return redact_query(text.substr(0, colon + 1) + "***" + text.substr(at));
}

namespace {

void parse_host_and_port(DatabaseUrl& url, const std::string& authority) {
    // Several hosts (h1:p1,h2:p2) pass through to libpq as they are.
    if (authority.find(',') != std::string::npos) {
        url.host = percent_decode(authority);
    } else if (!authority.empty() && authority[0] == '[') {
        auto close = authority.find(']');
        if (close == std::string::npos) malformed(url, "unterminated IPv6 address");
        url.host = authority.substr(1, close - 1);
        if (close + 1 < authority.size()) {
            if (authority[close + 1] != ':') malformed(url, "unexpected text after the host");
            url.port = authority.substr(close + 2);
        }
    } else {
        auto c = authority.rfind(':');
        url.host = percent_decode(authority.substr(0, c));
        if (c != std::string::npos) url.port = authority.substr(c + 1);
    }
    if (url.host.find(',') == std::string::npos && !url.port.empty()) {
        for (char ch : url.port)
            if (!std::isdigit(static_cast<unsigned char>(ch)))
                malformed(url, "port '" + url.port + "' is not a number");
        if (url.port.size() > 5 || std::stoi(url.port) > 65535 || std::stoi(url.port) == 0)
            malformed(url, "port '" + url.port + "' is out of range");
    }
}

// user:password@host:port/database of a server URL (the query already cut off).
void parse_server_authority(DatabaseUrl& url, const std::string& rest) {
    auto slash = rest.find('/');
    std::string authority = rest.substr(0, slash);
    url.database = slash == std::string::npos ? "" : percent_decode(rest.substr(slash + 1));
    if (auto at = authority.rfind('@'); at != std::string::npos) {
        std::string userinfo = authority.substr(0, at);
        authority = authority.substr(at + 1);
        auto c = userinfo.find(':');
        url.user = percent_decode(userinfo.substr(0, c));
        if (c != std::string::npos) url.password = percent_decode(userinfo.substr(c + 1));
    }
    parse_host_and_port(url, authority);
}

}  // namespace

DatabaseUrl parse_database_url(const std::string& text) {
    DatabaseUrl url;
    url.original = text;
    if (const Backend* backend = memory_backend(text)) {
        url.scheme = backend->name;
        url.database = ":memory:";
        url.in_memory = true;
        return url;
    }
    auto colon = text.find(':');
    if (colon == std::string::npos || colon == 0)
        throw UsageError("malformed database URL '" + redact_url(text) +
                         "': expected scheme://..., e.g. " + example_url());
    std::string raw_scheme = text.substr(0, colon);
    for (auto& c : raw_scheme)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    url.scheme = normalise_scheme(raw_scheme);
    if (text.compare(colon, 3, "://") != 0) {
        url.scheme = url.scheme.empty() ? raw_scheme : url.scheme;
        malformed(url, "expected '://' after the scheme");
    }
    if (url.scheme.empty())
        throw UsageError("unsupported database URL scheme '" + raw_scheme + "' (use " +
                         backend_registry().names_for_message() + ")");
    std::string rest = text.substr(colon + 3);
    std::string query;
    if (auto q = rest.find('?'); q != std::string::npos) {
        query = rest.substr(q + 1);
        rest = rest.substr(0, q);
    }

    if (backend_registry().by_url_scheme(url.scheme)->file_database)
        return parse_file_url(std::move(url), rest, query);

    parse_server_authority(url, rest);
    parse_query(url, query);
    if (url.database.empty()) malformed(url, "missing the database name");
    return url;
}

}  // namespace covet
