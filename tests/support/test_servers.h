// Where the tests find their live PostgreSQL and MariaDB servers: the
// COVET_TEST_*_URL environment variables, else the servers.env file that
// tests/servers/test-servers.sh writes when CTest starts the servers.
#pragma once

#include <optional>
#include <string>

namespace covet::test {

// The URL of the test server of `backend` ("postgresql" or "mysql"), logging
// in as the password-protected user covet; nullopt when none is configured.
std::optional<std::string> test_database_url(const std::string& backend);

// As test_database_url, but for the servers' superuser (postgres / root);
// falls back to test_database_url when no admin URL is configured.
std::optional<std::string> test_admin_database_url(const std::string& backend);

// test_database_url, or a std::runtime_error explaining how to provide one:
// a missing server fails the test, it never skips a back end.
std::string require_test_database_url(const std::string& backend);

// Creates a new empty database (covet_t_<pid>_<counter>) on the test server
// of `backend` and returns the URL of the covet user for it. Databases made
// by a process are dropped when it exits.
std::string fresh_database_url(const std::string& backend);

}  // namespace covet::test
