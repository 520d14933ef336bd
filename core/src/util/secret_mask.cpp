#include "util/secret_mask.h"

namespace covet {

std::string mask_secret(std::string text, const std::string& secret) {
    static const std::string kMask = "***";
    if (secret.empty()) return text;
    // Search on after the mask, so a secret made of '*' cannot loop forever.
    for (auto at = text.find(secret); at != std::string::npos;
         at = text.find(secret, at + kMask.size()))
        text.replace(at, secret.size(), kMask);
    return text;
}

}  // namespace covet
