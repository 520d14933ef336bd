// Other facts about the test servers that tests/servers/test-servers.sh
// records beside their URLs, such as the MariaDB server's TLS certificate.
#pragma once

#include <optional>
#include <string>

namespace covet::test {

// The environment variable `name`, else its line in servers.env; nullopt when neither.
std::optional<std::string> test_server_setting(const std::string& name);

}  // namespace covet::test
