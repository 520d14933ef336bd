// covet::open (covet/database.h): lives beside the registry because opening
// a URL needs the back ends, which core does not know.
#include "connect.h"
#include "covet/database.h"
#include "registry.h"

namespace covet {

Database open(const std::string& url) {
    install_dialect_registry();
    return Database(std::shared_ptr<Connection>(connect_database(parse_database_url(url))));
}

}  // namespace covet
