// Loads a back end's driver module on first use (see driver_module.h).
#pragma once

#include <memory>
#include <string>

#include "covet/connection.h"
#include "covet/database_url.h"

namespace covet {

// Opens a connection through the driver module `module` (e.g. "covet_postgres"),
// loading it once per process. The module is looked for in $COVET_DRIVER_DIR
// alone when it is set; otherwise in lib/covet and ../lib/covet next to the
// running executable, then in the install directory, then in the build tree
// the binary was built in. Throws ConnectionError naming the places searched
// when the module is missing, cannot be loaded or comes from another version;
// `backend` ("PostgreSQL") makes that message readable.
std::unique_ptr<Connection> connect_through_driver(const std::string& module,
                                                   const std::string& backend,
                                                   const DatabaseUrl& url);

}  // namespace covet
