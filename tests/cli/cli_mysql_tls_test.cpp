// covet's MySQL TLS URL options against the test MariaDB, which serves TLS
// with a self-signed certificate (tests/servers/test-servers.sh). A migration
// records its own session's cipher, so the test sees what covet negotiated.
#include <catch2/catch.hpp>

#include "backend_probe.h"
#include "cli_assertions.h"
#include "test_server_settings.h"
#include "workspace.h"

using namespace covet_test;

namespace {

void write_cipher_recording_migration(const Workspace& ws) {
    ws.write("migrations/tls/0001_record_cipher.yaml",
             "operations:\n"
             "  - run_sql:\n"
             "      sql: \"CREATE TABLE tls_session AS SELECT VARIABLE_VALUE AS cipher "
             "FROM information_schema.SESSION_STATUS WHERE VARIABLE_NAME = 'SSL_CIPHER'\"\n"
             "      reverse_sql: \"DROP TABLE tls_session\"\n");
}

std::string tls_ca_file() {
    auto ca = covet::test::test_server_setting("COVET_TEST_MYSQL_TLS_CA");
    INFO(
        "tests/servers/test-servers.sh records the MariaDB certificate as COVET_TEST_MYSQL_TLS_CA");
    REQUIRE(ca);
    return *ca;
}

// Sessions of covet's that used TLS, as the migration recorded them (0 or 1).
long long tls_sessions(const std::string& url) {
    return DatabaseProbe(url).scalar("SELECT count(*) FROM tls_session WHERE cipher <> ''");
}

}  // namespace

TEST_CASE("mysql: ssl-mode=VERIFY_CA with ssl-ca migrates over TLS", "[cli][tls]") {
    const std::string ca = tls_ca_file();
    for (const std::string mode : {"VERIFY_CA", "VERIFY_IDENTITY", "REQUIRED"}) {
        Workspace ws;
        write_cipher_recording_migration(ws);
        const std::string url = database_url_for("mysql", ws);
        INFO("ssl-mode " << mode);
        RunResult result = ws.covet({"-d", url + "?ssl-mode=" + mode + "&ssl-ca=" + ca, "migrate"});
        REQUIRE_EXIT(result, 0);
        CHECK(tls_sessions(url) == 1);
    }
}

TEST_CASE("mysql: ssl-mode=DISABLED migrates in plain text", "[cli][tls]") {
    const std::string ca = tls_ca_file();
    Workspace ws;
    write_cipher_recording_migration(ws);
    const std::string url = database_url_for("mysql", ws);
    RunResult result = ws.covet({"-d", url + "?ssl-mode=DISABLED&ssl-ca=" + ca, "migrate"});
    REQUIRE_EXIT(result, 0);
    CHECK(tls_sessions(url) == 0);
}

TEST_CASE("mysql: a certificate the CA file does not vouch for is refused", "[cli][tls]") {
    Workspace ws;
    write_cipher_recording_migration(ws);
    const std::string url = database_url_for("mysql", ws);
    // The system's public CAs never signed the test server's self-signed certificate.
    RunResult result = ws.covet(
        {"-d", url + "?ssl-mode=VERIFY_CA&ssl-ca=/etc/ssl/certs/ca-certificates.crt", "migrate"});
    CHECK_EXIT(result, 1);
    CHECK_RUN(result, is_one_error_line(result.err));
    CHECK_RUN(result, !contains(result.err, "covet-pw"));
    CHECK_FALSE(DatabaseProbe(url).has_table("tls_session"));
}
