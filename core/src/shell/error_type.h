// The type name an error line shows (`{"error": "...", "type": "DoesNotExist"}`):
// the most specific class of the covet::Error hierarchy the exception is.
#pragma once

#include <exception>
#include <string>

namespace covet::shell {

std::string error_type(const std::exception& error);

}  // namespace covet::shell
