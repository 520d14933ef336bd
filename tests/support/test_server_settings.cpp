#include "test_server_settings.h"

#include <cstdlib>
#include <fstream>

#ifndef COVET_TEST_SERVERS_ENV
#error "COVET_TEST_SERVERS_ENV must name the servers.env file of tests/servers/test-servers.sh"
#endif

namespace covet::test {

std::optional<std::string> test_server_setting(const std::string& name) {
    if (const char* value = std::getenv(name.c_str()); value && *value) return std::string(value);
    std::ifstream in(COVET_TEST_SERVERS_ENV);
    std::string line;
    const std::string prefix = name + "=";
    while (std::getline(in, line))
        if (line.compare(0, prefix.size(), prefix) == 0 && line.size() > prefix.size())
            return line.substr(prefix.size());
    return std::nullopt;
}

}  // namespace covet::test
