#include "mysql/mysql_url_options.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <set>

#include "covet/error.h"
#include "util/fnv.h"
#include "util/text_case.h"

namespace covet {

namespace {

constexpr int kDefaultPort = 3306;
constexpr std::size_t kMaxLockNameLength = 64;

// FNV-1a: a stable short name for databases whose lock name would be too long.
std::string stable_hash(const std::string& text) {
    char buffer[17];
    std::snprintf(buffer, sizeof buffer, "%016llx",
                  static_cast<unsigned long long>(fnv1a_64(text)));
    return buffer;
}

}  // namespace

std::string lock_name_for(const std::string& database) {
    std::string name = "covet_migrations:" + database;
    if (name.size() <= kMaxLockNameLength) return name;
    return "covet_migrations:" + database.substr(0, 24) + ":" + stable_hash(database);
}

UrlOptions read_url_options(const DatabaseUrl& url) {
    UrlOptions out;
    auto bad = [&](const std::string& why) {
        throw UsageError("malformed database URL '" + url.redacted() + "': " + why);
    };
    for (const auto& [key, value] : url.params) {
        std::string k;
        for (char c : key)
            if (c != '-' && c != '_') k += c;
        k = to_lower(k);
        if (k == "socket") {
            out.socket = value;
        } else if (k == "sslmode") {
            std::string mode = to_upper(value);
            std::replace(mode.begin(), mode.end(), '-', '_');
            static const std::set<std::string> modes{"DISABLED", "PREFERRED", "REQUIRED",
                                                     "VERIFY_CA", "VERIFY_IDENTITY"};
            if (!modes.count(mode))
                bad("ssl-mode '" + value +
                    "' is not one of DISABLED, PREFERRED, REQUIRED, VERIFY_CA, VERIFY_IDENTITY");
            out.ssl_mode = mode;
        } else if (k == "sslca") {
            out.ssl_ca = value;
        } else if (k == "sslcert") {
            out.ssl_cert = value;
        } else if (k == "sslkey") {
            out.ssl_key = value;
        } else if (k == "connecttimeout") {
            bool digits = !value.empty() && value.size() < 7 &&
                          std::all_of(value.begin(), value.end(),
                                      [](unsigned char c) { return std::isdigit(c); });
            if (!digits || std::stoi(value) == 0)
                bad("connect_timeout '" + value + "' is not a positive number of seconds");
            out.connect_timeout = std::stoi(value);
        } else {
            bad("unknown parameter '" + key +
                "' for MySQL/MariaDB (known: socket, ssl-mode, ssl-ca, ssl-cert, ssl-key, "
                "connect_timeout)");
        }
    }
    return out;
}

std::string describe_target(const DatabaseUrl& url, const UrlOptions& options) {
    std::string where;
    if (!options.socket.empty()) {
        where = "socket " + options.socket;
    } else {
        std::string host = url.host.empty() ? "127.0.0.1" : url.host;
        if (host.find(':') != std::string::npos) host = "[" + host + "]";
        where = host + ":" + (url.port.empty() ? std::to_string(kDefaultPort) : url.port);
    }
    if (url.database.empty()) return "server " + where;
    return "database '" + url.database + "' on " + where;
}

// Why a connection failed, in words, for the codes users meet most.
std::string connect_hint(int code, bool over_socket) {
    switch (code) {
        case 1045:
        case 1698:
            return "access denied (check the user name and password)";
        case 1044:
            return "access to the database denied for this user";
        case 1049:
            return "the database does not exist";
        case 2002:
            return over_socket ? "no server is listening on that socket"
                               : "no server is reachable there (refused or timed out)";
        case 2003:
            return "no server is reachable there (refused or timed out)";
        case 2005:
            return "unknown host";
        case 2006:
        case 2013:
            return "the server closed the connection or did not answer in time";
        case 2026:
            return "the TLS handshake failed";
        default:
            return "";
    }
}

sql::ConnectOptionsMap connect_properties(const DatabaseUrl& url, const UrlOptions& options,
                                          bool& tls_required) {
    const bool over_socket = !options.socket.empty();
    sql::ConnectOptionsMap properties;
    if (over_socket) {
        properties["socket"] = options.socket;
    } else {
        std::string host = url.host.empty() ? "127.0.0.1" : url.host;
        if (host.find(':') != std::string::npos) host = "[" + host + "]";
        properties["hostName"] = "tcp://" + host;
        properties["port"] = url.port.empty() ? kDefaultPort : std::stoi(url.port);
    }
    properties["userName"] = url.user;
    properties["password"] = url.password;
    if (!url.database.empty()) properties["schema"] = url.database;
    properties["OPT_CONNECT_TIMEOUT"] = options.connect_timeout;
    properties["OPT_CHARSET_NAME"] = std::string("utf8mb4");
    properties["CLIENT_MULTI_STATEMENTS"] = true;
    // An UPDATE counts the rows it matched, not only those it changed, as on
    // the other back ends (Django sets CLIENT.FOUND_ROWS): QuerySet.update(),
    // bulk_update() and a save() that updates rely on the count.
    properties["CLIENT_FOUND_ROWS"] = true;

    const std::string& mode = options.ssl_mode;
    if (mode != "DISABLED") {
        if (!options.ssl_ca.empty()) properties["sslCA"] = options.ssl_ca;
        if (!options.ssl_cert.empty()) properties["sslCert"] = options.ssl_cert;
        if (!options.ssl_key.empty()) properties["sslKey"] = options.ssl_key;
    }
    // OPT_SSL_MODE is what libmysqlclient builds read; MariaDB Connector/C
    // builds (Debian's) ignore it and read sslEnforce and sslVerify instead,
    // so both are given, and REQUIRED is checked after connecting. There,
    // PREFERRED uses TLS only when ssl-ca, ssl-cert or ssl-key is given.
    if (mode == "DISABLED") properties["OPT_SSL_MODE"] = static_cast<int>(sql::SSL_MODE_DISABLED);
    if (mode == "PREFERRED") properties["OPT_SSL_MODE"] = static_cast<int>(sql::SSL_MODE_PREFERRED);
    if (mode == "REQUIRED") properties["OPT_SSL_MODE"] = static_cast<int>(sql::SSL_MODE_REQUIRED);
    if (mode == "VERIFY_CA") properties["OPT_SSL_MODE"] = static_cast<int>(sql::SSL_MODE_VERIFY_CA);
    if (mode == "VERIFY_IDENTITY")
        properties["OPT_SSL_MODE"] = static_cast<int>(sql::SSL_MODE_VERIFY_IDENTITY);
    tls_required = mode == "REQUIRED" || mode.rfind("VERIFY_", 0) == 0;
    if (tls_required) properties["sslEnforce"] = true;
    if (mode.rfind("VERIFY_", 0) == 0) properties["sslVerify"] = true;

    return properties;
}

}  // namespace covet
