#include "postgres/postgres_conninfo.h"

#include <libpq-fe.h>

#include <map>
#include <set>

#include "covet/error.h"

namespace covet {

namespace {

std::string conninfo_quote(const std::string& value) {
    std::string out = "'";
    for (char c : value) {
        if (c == '\'' || c == '\\') out += '\\';
        out += c;
    }
    return out + "'";
}

// A host list "h1:p1,h2:p2" becomes libpq's parallel host and port lists.
void split_hosts(const std::string& hosts, std::string& host_list, std::string& port_list) {
    bool any_port = false;
    std::size_t pos = 0;
    while (pos <= hosts.size()) {
        auto comma = hosts.find(',', pos);
        std::string entry = hosts.substr(pos, comma == std::string::npos ? comma : comma - pos);
        std::string host = entry, port;
        if (!entry.empty() && entry[0] == '[') {
            auto close = entry.find(']');
            host = entry.substr(1, close == std::string::npos ? close : close - 1);
            if (close != std::string::npos && close + 1 < entry.size() && entry[close + 1] == ':')
                port = entry.substr(close + 2);
        } else if (auto colon = entry.rfind(':'); colon != std::string::npos) {
            host = entry.substr(0, colon);
            port = entry.substr(colon + 1);
        }
        if (pos) {
            host_list += ',';
            port_list += ',';
        }
        host_list += host;
        port_list += port;
        any_port = any_port || !port.empty();
        if (comma == std::string::npos) break;
        pos = comma + 1;
    }
    if (!any_port) port_list.clear();
}

}  // namespace

std::string location(const DatabaseUrl& url) {
    std::string host = url.host;
    if (auto it = url.params.find("host"); it != url.params.end()) host = it->second;
    std::string port = url.port;
    if (auto it = url.params.find("port"); it != url.params.end()) port = it->second;
    std::string where;
    if (host.empty())
        where = "the default host";
    else if (host[0] == '/')
        where = "socket directory " + host;
    else
        where = host;
    if (host.find(',') == std::string::npos) where += ":" + (port.empty() ? "5432" : port);
    return where + ", database '" + url.database + "'";
}

// URL parameters are libpq keywords; any other is a mistake in the URL (a
// usage error), found before connecting rather than reported as a failed connection.
void check_url_parameters(const DatabaseUrl& url) {
    std::set<std::string> known;
    if (PQconninfoOption* options = PQconndefaults()) {
        for (PQconninfoOption* o = options; o->keyword; ++o)
            known.insert(o->keyword);
        PQconninfoFree(options);
    }
    for (const auto& [key, value] : url.params)
        if (!known.empty() && !known.count(key))
            throw UsageError("malformed database URL '" + url.redacted() +
                             "': unknown parameter '" + key +
                             "' for PostgreSQL (it takes libpq's connection keywords, e.g. "
                             "sslmode, host, target_session_attrs)");
}

std::string build_conninfo(const DatabaseUrl& url, const std::string& application_name) {
    std::map<std::string, std::string> keywords{{"connect_timeout", "10"},
                                                {"application_name", application_name},
                                                {"client_encoding", "UTF8"}};
    if (url.host.find(',') != std::string::npos) {
        std::string hosts, ports;
        split_hosts(url.host, hosts, ports);
        keywords["host"] = hosts;
        if (!ports.empty()) keywords["port"] = ports;
    } else {
        if (!url.host.empty()) keywords["host"] = url.host;
        if (!url.port.empty()) keywords["port"] = url.port;
    }
    if (!url.user.empty()) keywords["user"] = url.user;
    if (!url.password.empty()) keywords["password"] = url.password;
    keywords["dbname"] = url.database;
    // Query parameters are libpq keywords (sslmode, host=/socket/dir, target_session_attrs, ...).
    for (const auto& [key, value] : url.params)
        keywords[key] = value;
    std::string out;
    for (const auto& [key, value] : keywords)
        out += key + "=" + conninfo_quote(value) + " ";
    return out;
}

}  // namespace covet
