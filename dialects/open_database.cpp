// covet::open (covet/database.h): lives beside the registry because opening
// a URL needs the back ends, which core does not know.
#include "connect.h"
#include "covet/database.h"
#include "covet/error.h"
#include "covet/pool.h"
#include "pool/pool_core.h"
#include "registry.h"

namespace covet {

Database open(const std::string& url) {
    install_dialect_registry();
    return Database(std::shared_ptr<Connection>(connect_database(parse_database_url(url))));
}

Pool open_pool(const std::string& url, PoolOptions options) {
    install_dialect_registry();
    DatabaseUrl parsed = parse_database_url(url);
    // Each connection to :memory: is a database of its own.
    if (parsed.is_memory() && options.max > 1)
        throw UsageError(
            "a pool on an in-memory database needs max = 1 (each connection is a "
            "database of its own)");
    auto core = std::make_shared<PoolCore>(
        [parsed] { return std::unique_ptr<Connection>(connect_database(parsed)); }, options);
    core->start();
    return Pool(std::move(core));
}

}  // namespace covet
