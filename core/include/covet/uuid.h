// A UUID (UUIDField): 16 bytes, stored as a native uuid column or as the
// 32-hex-digit char(32) where a back end has none (as Django stores it).
#pragma once

#include <array>
#include <compare>
#include <string>
#include <string_view>

namespace covet {

class Uuid {
  public:
    using Bytes16 = std::array<unsigned char, 16>;

    Uuid() = default;  // the nil UUID
    explicit Uuid(const Bytes16& bytes) : bytes_(bytes) {}
    // 32 hex digits, with or without hyphens, in braces or after "urn:uuid:",
    // either case (what Python's uuid.UUID accepts). Throws ValueError.
    static Uuid parse(std::string_view text);

    const Bytes16& bytes() const { return bytes_; }
    // 8-4-4-4-12 lower-case hex, as Python prints it.
    std::string to_string() const;
    // 32 lower-case hex digits without hyphens (Django's char(32), SPEC's JSON).
    std::string hex() const;

    auto operator<=>(const Uuid&) const = default;

  private:
    Bytes16 bytes_{};
};

}  // namespace covet
