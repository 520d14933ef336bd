// Passwords are never printed (SPEC.md): every message that may echo one
// passes through here.
#pragma once

#include <string>

namespace covet {

// Replaces each occurrence of `secret` in `text` with "***". Any non-empty
// secret is masked, however short: a short password is still a password.
std::string mask_secret(std::string text, const std::string& secret);

}  // namespace covet
