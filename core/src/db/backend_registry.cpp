#include "covet/backend_registry.h"

#include <algorithm>
#include <stdexcept>

namespace covet {

namespace {

const BackendRegistry* installed_registry = nullptr;

bool contains(const std::vector<std::string>& names, std::string_view name) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

}  // namespace

void BackendRegistry::add(Backend backend) {
    backends_.push_back(std::move(backend));
}

const Backend* BackendRegistry::by_url_scheme(std::string_view scheme) const {
    for (const Backend& backend : backends_)
        if (contains(backend.url_schemes, scheme)) return &backend;
    return nullptr;
}

const Backend* BackendRegistry::by_dialect_name(std::string_view name) const {
    for (const Backend& backend : backends_)
        if (backend.name == name || contains(backend.aliases, name)) return &backend;
    return nullptr;
}

std::string BackendRegistry::names_for_message() const {
    std::string out;
    for (std::size_t i = 0; i < backends_.size(); ++i) {
        if (i > 0) out += i + 1 == backends_.size() ? " or " : ", ";
        out += backends_[i].name;
    }
    return out;
}

void install_backend_registry(const BackendRegistry& registry) {
    installed_registry = &registry;
}

const BackendRegistry& backend_registry() {
    if (installed_registry == nullptr)
        throw std::logic_error("no back-end registry installed (call install_dialect_registry())");
    return *installed_registry;
}

}  // namespace covet
