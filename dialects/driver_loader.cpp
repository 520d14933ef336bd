#include "driver_loader.h"

#include <dlfcn.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <mutex>
#include <vector>

#include "covet/error.h"
#include "driver_module.h"

namespace covet {

namespace fs = std::filesystem;

namespace {

std::vector<fs::path> search_directories() {
    std::vector<fs::path> dirs;
    // An explicit directory is the only place looked in.
    if (const char* env = std::getenv("COVET_DRIVER_DIR"); env && *env) return {fs::path(env)};
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        // build/covet finds build/lib/covet; build/tests/x and an installed
        // bin/covet find ../lib/covet.
        dirs.push_back(exe.parent_path() / "lib" / "covet");
        dirs.push_back((exe.parent_path() / ".." / "lib" / "covet").lexically_normal());
    }
    dirs.emplace_back(COVET_DRIVER_INSTALL_DIR);
    // The .deb's directory: an application built against covet-dev runs
    // from anywhere, with covet's own prefix compiled in as /usr/local.
    if (fs::path(COVET_DRIVER_PACKAGE_DIR) != fs::path(COVET_DRIVER_INSTALL_DIR))
        dirs.emplace_back(COVET_DRIVER_PACKAGE_DIR);
    // Last, the build tree this binary came from, so a copy of the binary
    // alone keeps working while its build exists (like a build-tree RPATH).
    dirs.emplace_back(COVET_DRIVER_BUILD_DIR);
    return dirs;
}

driver_module::ConnectFunction load(const std::string& module, const std::string& backend) {
    std::string file = module + ".so";
    std::string searched;
    for (const fs::path& dir : search_directories()) {
        fs::path candidate = dir / file;
        std::error_code ec;
        if (!fs::is_regular_file(candidate, ec)) {
            searched += (searched.empty() ? "" : ", ") + dir.string();
            continue;
        }
        // Never closed: connections and their vtables live in the module.
        void* handle = dlopen(candidate.c_str(), RTLD_NOW | RTLD_LOCAL);
        if (!handle) {
            const char* why = dlerror();
            throw ConnectionError("cannot load the " + backend + " driver " + candidate.string() +
                                  ": " + (why ? why : "unknown error"));
        }
        auto version = reinterpret_cast<driver_module::VersionFunction>(
            dlsym(handle, driver_module::kVersionSymbol));
        auto connect = reinterpret_cast<driver_module::ConnectFunction>(
            dlsym(handle, driver_module::kConnectSymbol));
        if (!version || !connect)
            throw ConnectionError("the " + backend + " driver " + candidate.string() +
                                  " is not a covet driver module");
        if (std::string(version()) != COVET_VERSION)
            throw ConnectionError("the " + backend + " driver " + candidate.string() +
                                  " belongs to covet " + version() + ", not " + COVET_VERSION);
        return connect;
    }
    throw ConnectionError(backend + " support is not installed: " + file + " was not found in " +
                          searched + " (COVET_DRIVER_DIR names the directory that holds it)");
}

}  // namespace

std::unique_ptr<Connection> connect_through_driver(const std::string& module,
                                                   const std::string& backend,
                                                   const DatabaseUrl& url) {
    static std::mutex mutex;
    static std::map<std::string, driver_module::ConnectFunction> loaded;
    driver_module::ConnectFunction connect;
    {
        std::lock_guard lock(mutex);
        auto it = loaded.find(module);
        if (it == loaded.end()) it = loaded.emplace(module, load(module, backend)).first;
        connect = it->second;
    }
    return std::unique_ptr<Connection>(connect(url));
}

}  // namespace covet
