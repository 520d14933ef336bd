// Passwords are never printed (SPEC.md): every message that may echo one
// passes through here.
#pragma once

#include <string>

namespace covet {

// Replaces `secret` in `text` with "***": everywhere when it has 8 or more
// characters; a shorter one wherever it is not part of a longer word (in a
// URL's user:secret@host, after password=, in quotes), however short.
std::string mask_secret(std::string text, const std::string& secret);

}  // namespace covet
