#include "test_servers.h"

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <mutex>
#include <set>
#include <stdexcept>
#include <vector>

#include "connect.h"
#include "covet/database_url.h"
#include "covet/error.h"

#ifndef COVET_TEST_SERVERS_ENV
#error "COVET_TEST_SERVERS_ENV must name the servers.env file of tests/servers/test-servers.sh"
#endif

namespace covet::test {

namespace {

std::string variable_name(const std::string& backend, bool admin) {
    std::string server;
    if (backend == "postgresql")
        server = "POSTGRES";
    else if (backend == "mysql")
        server = "MYSQL";
    else
        throw std::invalid_argument("no test server for back end '" + backend +
                                    "' (expected postgresql or mysql)");
    return "COVET_TEST_" + server + (admin ? "_ADMIN_URL" : "_URL");
}

std::optional<std::string> from_environment(const std::string& name) {
    const char* value = std::getenv(name.c_str());
    if (!value || !*value) return std::nullopt;
    return std::string(value);
}

std::optional<std::string> from_servers_env(const std::string& name) {
    std::ifstream in(COVET_TEST_SERVERS_ENV);
    std::string line;
    const std::string prefix = name + "=";
    while (std::getline(in, line))
        if (line.compare(0, prefix.size(), prefix) == 0 && line.size() > prefix.size())
            return line.substr(prefix.size());
    return std::nullopt;
}

// The same URL naming another database (the path between authority and query).
std::string with_database(const std::string& url, const std::string& database) {
    auto scheme_end = url.find("://");
    if (scheme_end == std::string::npos) throw std::invalid_argument("not a server URL: " + url);
    auto path = url.find('/', scheme_end + 3);
    auto query = url.find('?', scheme_end + 3);
    if (path == std::string::npos || (query != std::string::npos && query < path))
        path = query == std::string::npos ? url.size() : query;
    std::string rest = query == std::string::npos || query < path ? "" : url.substr(query);
    return url.substr(0, path) + "/" + database + rest;
}

struct CreatedDatabase {
    std::string backend;
    std::string admin_url;
    std::string name;
};

// Drops the databases this process created when it exits, so that a long
// test run does not fill the servers' disk. Best effort: they are thrown away.
//
// Not from a static destructor: exit handlers run in reverse order of
// registration, and Connector/C++ registers the destruction of its driver
// when the first MySQL connection is made. A static made before that (a run
// whose first test used PostgreSQL) would connect through a destroyed driver
// and crash the test program at exit. So the drop is registered with atexit
// again after each back end's first connection: the newest registration runs
// first, before any driver's teardown, and the later ones find nothing to do.
class CreatedDatabases {
  public:
    void add(CreatedDatabase db) {
        std::lock_guard<std::mutex> lock(mutex_);
        if (backends_seen_.insert(db.backend).second) std::atexit(drop_created_databases);
        databases_.push_back(std::move(db));
    }

    void drop_all() {
        std::vector<CreatedDatabase> databases;
        {
            std::lock_guard<std::mutex> lock(mutex_);
            databases.swap(databases_);
        }
        for (const auto& db : databases) {
            try {
                auto connection = connect_database(parse_database_url(db.admin_url));
                const std::string quoted = connection->dialect().quote_name(db.name);
                if (db.backend == "postgresql") {
                    connection->execute("DROP DATABASE IF EXISTS " + quoted + " WITH (FORCE)");
                } else {
                    connection->execute("SET SESSION lock_wait_timeout = 5");
                    connection->execute("DROP DATABASE IF EXISTS " + quoted);
                }
            } catch (...) {
            }
        }
    }

  private:
    static void drop_created_databases();

    std::mutex mutex_;
    std::set<std::string> backends_seen_;
    std::vector<CreatedDatabase> databases_;
};

// Never destroyed: the atexit handlers above use it until the very end.
CreatedDatabases& created_databases() {
    static CreatedDatabases* databases = new CreatedDatabases;
    return *databases;
}

void CreatedDatabases::drop_created_databases() {
    created_databases().drop_all();
}

}  // namespace

std::optional<std::string> test_database_url(const std::string& backend) {
    const std::string name = variable_name(backend, false);
    if (auto url = from_environment(name)) return url;
    return from_servers_env(name);
}

std::optional<std::string> test_admin_database_url(const std::string& backend) {
    const std::string user = variable_name(backend, false);
    const std::string admin = variable_name(backend, true);
    // An admin URL belongs to the same servers as the user URL.
    if (from_environment(user)) {
        if (auto url = from_environment(admin)) return url;
        return from_environment(user);
    }
    if (auto url = from_servers_env(admin)) return url;
    return from_servers_env(user);
}

std::string require_test_database_url(const std::string& backend) {
    if (auto url = test_database_url(backend)) return *url;
    const std::string name = variable_name(backend, false);
    throw std::runtime_error("no " + backend + " test server: set " + name +
                             " or run the tests through CTest, whose `servers: start` fixture "
                             "writes " COVET_TEST_SERVERS_ENV);
}

std::string fresh_database_url(const std::string& backend) {
    static std::mutex mutex;
    static int counter = 0;
    const std::string url = require_test_database_url(backend);
    const std::string admin_url = test_admin_database_url(backend).value_or(url);
    std::string name;
    {
        std::lock_guard<std::mutex> lock(mutex);
        name = "covet_t_" + std::to_string(::getpid()) + "_" + std::to_string(++counter);
    }
    auto admin = connect_database(parse_database_url(admin_url));
    const std::string quoted = admin->dialect().quote_name(name);
    // A database of the same name belongs to a finished process that had our pid.
    admin->execute("DROP DATABASE IF EXISTS " + quoted);
    const DatabaseUrl user = parse_database_url(url);
    if (backend == "postgresql" && !user.user.empty())
        admin->execute("CREATE DATABASE " + quoted + " OWNER " +
                       admin->dialect().quote_name(user.user));
    else
        admin->execute("CREATE DATABASE " + quoted);
    created_databases().add({backend, admin_url, name});
    return with_database(url, name);
}

}  // namespace covet::test
