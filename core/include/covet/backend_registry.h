// The back ends covet knows, as core sees them. Which back ends exist is
// decided in dialects/ (dialects/registry.cpp), which installs its registry
// at start-up; core resolves URL schemes and run_sql's `dialect:` names
// through it and never names a back end itself.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace covet {

class Connection;
class Dialect;
struct DatabaseUrl;

struct Backend {
    // Canonical name: DatabaseUrl::scheme, Dialect::name() and run_sql's `dialect:`.
    std::string name;
    // Other names run_sql's `dialect:` accepts for this back end.
    std::vector<std::string> aliases;
    // URL schemes (lower case) that select this back end, the name among them.
    std::vector<std::string> url_schemes;
    // The URL path is a file path (scheme:///relative, scheme:////absolute)
    // rather than host/database.
    bool file_database = false;
    // Whole URLs that mean a private in-memory database.
    std::vector<std::string> memory_urls;
    std::function<std::unique_ptr<Dialect>()> make_dialect;
    // Opens a live connection; throws ConnectionError, never showing the password.
    std::function<std::unique_ptr<Connection>(const DatabaseUrl&)> connect;
};

class BackendRegistry {
  public:
    // Registration order is the order messages list the back ends in.
    void add(Backend backend);
    const std::vector<Backend>& backends() const { return backends_; }
    // nullptr when no back end has this URL scheme.
    const Backend* by_url_scheme(std::string_view scheme) const;
    // By canonical name or alias; nullptr when unknown.
    const Backend* by_dialect_name(std::string_view name) const;
    // "a, b or c": the canonical names, for error messages.
    std::string names_for_message() const;

  private:
    std::vector<Backend> backends_;
};

// The registry core asks. The application installs it once at start-up
// (install_dialect_registry() in dialects/registry.h); asking before that
// throws std::logic_error (a programming error, not a user one).
void install_backend_registry(const BackendRegistry& registry);
const BackendRegistry& backend_registry();

}  // namespace covet
