// libFuzzer target: the field shorthand `Type(args)` as a migration file
// writes it, parsed and checked into a Field. A covet::Error is a correct
// answer to bad input; a crash, a sanitizer report or another exception is a
// defect.
#include <cstddef>
#include <cstdint>
#include <string>

#include "covet/error.h"
#include "covet/field.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
        covet::Field field = covet::make_field("f", covet::parse_field_shorthand(text));
        (void)field.canonical();
        if (field.default_value) (void)field.validate(*field.default_value);
    } catch (const covet::Error&) {
    }
    return 0;
}
