// Helpers that render values unambiguously for canonical serializations
// (checksums): strings are quoted and escaped, lists bracketed.
#pragma once

#include <string>
#include <vector>

namespace covet {

std::string canonical_quote(const std::string& text);
std::string canonical_list(const std::vector<std::string>& items);  // quotes each item
std::string canonical_list_of_lists(const std::vector<std::vector<std::string>>& items);

}  // namespace covet
