#include "value/uuid_integer.h"

#include <string>

#include "covet/error.h"

namespace covet {

Uuid uuid_of_integer(std::int64_t n) {
    if (n < 0) throw ValueError(std::to_string(n) + " is not a valid UUID");
    Uuid::Bytes16 bytes{};
    for (int i = 15; i >= 8; --i, n >>= 8)
        bytes[static_cast<std::size_t>(i)] = static_cast<unsigned char>(n & 0xff);
    return Uuid(bytes);
}

}  // namespace covet
