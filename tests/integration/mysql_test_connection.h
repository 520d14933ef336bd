// MysqlConnection for the MySQL connection tests: to a URL, to a fresh
// database of the test server, or to a variant of the test server's URL.
#pragma once

#include <catch2/catch.hpp>

#include <cstdint>
#include <memory>
#include <string>

#include "covet/database_url.h"
#include "mysql/mysql_connection.h"
#include "test_servers.h"

namespace covet::test::on_mysql {

inline std::unique_ptr<MysqlConnection> connect(const std::string& url) {
    return std::make_unique<MysqlConnection>(parse_database_url(url));
}

inline std::unique_ptr<MysqlConnection> fresh() {
    return connect(fresh_database_url("mysql"));
}

// The test server's URL with another password, port or database.
inline std::string variant_url(const std::string& url, const std::string& password,
                               std::string port = "", std::string database = "",
                               const std::string& query = "") {
    DatabaseUrl parsed = parse_database_url(url);
    if (port.empty()) port = parsed.port;
    if (database.empty()) database = parsed.database;
    return "mysql://" + parsed.user + ":" + password + "@" + parsed.host + ":" + port + "/" +
           database + query;
}

// The one integer `sql` selects.
inline std::int64_t single_int(MysqlConnection& db, const std::string& sql) {
    auto rs = db.query(sql);
    REQUIRE(rs.rows.size() == 1);
    REQUIRE(rs.rows[0][0].kind() == Value::Kind::Int);
    return rs.rows[0][0].as_int();
}

}  // namespace covet::test::on_mysql
