#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>

#include "backend_probe.h"
#include "cli_assertions.h"
#include "covet/database_url.h"
#include "workspace.h"

using namespace covet_test;

namespace {

// A port on 127.0.0.1 that nothing listens on: bound by us, then released.
int closed_free_port() {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(fd >= 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    REQUIRE(bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    socklen_t length = sizeof address;
    REQUIRE(getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0);
    close(fd);
    return ntohs(address.sin_port);
}

}  // namespace

COVET_CLI_SERVER_TEST("a wrong password exits 1 naming host and database, never the password",
                      "[cli][connection]") {
    Workspace ws;
    ws.copy_fixture("shop");
    std::string url = database_url_for(backend, ws);
    const std::string right = ":covet-pw@";
    REQUIRE(url.find(right) != std::string::npos);
    url.replace(url.find(right), right.size(), ":Wr0ngS3cret@");
    const covet::DatabaseUrl parsed = covet::parse_database_url(url);

    RunResult result = ws.covet({"-d", url, "migrate"});
    CHECK_EXIT(result, 1);
    CHECK_RUN(result, is_one_error_line(result.err));
    CHECK_RUN(result, contains(result.err, parsed.host));
    CHECK_RUN(result, contains(result.err, parsed.database));
    CHECK_RUN(result, !contains(result.out + result.err, "Wr0ngS3cret"));
}

COVET_CLI_SERVER_TEST("an unreachable port exits 1 within the connect timeout",
                      "[cli][connection]") {
    Workspace ws;
    ws.copy_fixture("shop");
    const covet::DatabaseUrl real = covet::parse_database_url(database_url_for(backend, ws));
    const std::string url = real.scheme + "://" + real.user +
                            ":covet-pw@127.0.0.1:" + std::to_string(closed_free_port()) + "/" +
                            real.database;

    RunOptions options = ws.covet_options({"-d", url, "migrate"});
    // Refused at once; a generous limit only catches a client that retries for long.
    options.timeout = std::chrono::seconds(60);
    RunResult result = run_process(options);
    CHECK_RUN(result, !result.timed_out);
    CHECK_EXIT(result, 1);
    CHECK_RUN(result, is_one_error_line(result.err));
    CHECK_RUN(result, contains(result.err, "127.0.0.1"));
    CHECK_RUN(result, !contains(result.out + result.err, "covet-pw"));
}
