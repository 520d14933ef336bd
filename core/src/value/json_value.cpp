#include "covet/json_value.h"

#include <nlohmann/json.hpp>

#include "covet/error.h"

namespace covet {

namespace {

nlohmann::json parsed(std::string_view text) {
    return nlohmann::json::parse(text.begin(), text.end());
}

}  // namespace

Json Json::parse(std::string_view text) {
    try {
        (void)parsed(text);
    } catch (const nlohmann::json::exception& e) {
        // nlohmann's message names the byte: "syntax error while parsing value - ..."
        std::string why = e.what();
        const auto colon = why.find("] ");
        if (colon != std::string::npos) why.erase(0, colon + 2);
        throw ValueError("not a valid JSON document: " + why);
    }
    return Json(std::string(text));
}

bool operator==(const Json& a, const Json& b) {
    return a.text_ == b.text_ || parsed(a.text_) == parsed(b.text_);
}

}  // namespace covet
