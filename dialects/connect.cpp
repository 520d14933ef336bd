#include "connect.h"

#include "covet/error.h"
#include "registry.h"

namespace covet {

namespace {

const Backend& backend_of(const DatabaseUrl& url) {
    const Backend* backend = dialect_registry().by_url_scheme(url.scheme);
    if (!backend) throw UsageError("unknown database scheme '" + url.scheme + "'");
    return *backend;
}

}  // namespace

std::unique_ptr<Connection> connect_database(const DatabaseUrl& url) {
    return backend_of(url).connect(url);
}

std::unique_ptr<Dialect> dialect_for_url(const DatabaseUrl& url) {
    return backend_of(url).make_dialect();
}

}  // namespace covet
