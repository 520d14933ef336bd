// A MySQL/MariaDB database URL as Connector/C++ connect options, where it
// points (for messages, never with the password), and the name of its
// migration lock.
#pragma once

#include <cppconn/connection.h>

#include <string>

#include "covet/database_url.h"

namespace covet {

// The URL parameters a MySQL URL may carry, under the spellings users know
// from the mysql client (ssl-ca), Connector/J (sslMode) and libpq (ssl_mode).
struct UrlOptions {
    std::string socket;
    std::string ssl_mode;  // "", DISABLED, PREFERRED, REQUIRED, VERIFY_CA, VERIFY_IDENTITY
    std::string ssl_ca;
    std::string ssl_cert;
    std::string ssl_key;
    int connect_timeout = 10;  // seconds
};

// Throws UsageError for an unknown parameter or a bad value.
UrlOptions read_url_options(const DatabaseUrl& url);
// "database 'x' on 127.0.0.1:3306" (or the socket).
std::string describe_target(const DatabaseUrl& url, const UrlOptions& options);
// Why a connection failed, in words, for the codes users meet most; "" otherwise.
std::string connect_hint(int code, bool over_socket);
// The driver's connect options; `tls_required` is set when the connection must be encrypted.
sql::ConnectOptionsMap connect_properties(const DatabaseUrl& url, const UrlOptions& options,
                                          bool& tls_required);
// One lock per database: runs against other databases of the same server
// must not wait for each other.
std::string lock_name_for(const std::string& database);

}  // namespace covet
