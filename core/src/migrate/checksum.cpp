#include <openssl/evp.h>

#include <memory>

#include "covet/error.h"
#include "covet/migration.h"
#include "migrate/canonical_text.h"
#include "util/hex.h"

namespace covet {

std::string md5_hex(const std::string& data) {
    // Fetched once: with OpenSSL 3, EVP_md5() looks the provider's
    // implementation up again on every digest, which cost more than hashing
    // a migration.
    static const std::unique_ptr<EVP_MD, decltype(&EVP_MD_free)> md5(
        EVP_MD_fetch(nullptr, "MD5", nullptr), &EVP_MD_free);
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (!md5 || EVP_Digest(data.data(), data.size(), digest, &length, md5.get(), nullptr) != 1)
        throw Error("OpenSSL could not compute an MD5 digest");
    return hex_lower(digest, length);
}

std::string Migration::canonical() const {
    std::vector<std::string> deps;
    deps.reserve(dependencies.size());
    for (const auto& d : dependencies)
        deps.push_back(d.to_string());
    std::string out = "migration{app=" + canonical_quote(app) + ",name=" + canonical_quote(name) +
                      ",dependencies=" + canonical_list(deps) + ",operations=[";
    for (std::size_t i = 0; i < operations.size(); ++i) {
        if (i) out += ",";
        out += operations[i]->canonical();
    }
    return out + "]}";
}

std::string Migration::checksum() const {
    return md5_hex(canonical());
}

std::string SourceLocation::to_string() const {
    if (file.empty()) return "";
    return file + ":" + std::to_string(line) + ":" + std::to_string(column);
}

}  // namespace covet
