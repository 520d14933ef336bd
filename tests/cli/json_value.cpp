#include "json_value.h"

#include <cstdlib>
#include <stdexcept>

namespace covet_test {
namespace {

class JsonReader {
  public:
    explicit JsonReader(const std::string& text) : text_(text) {}

    JsonValue document() {
        JsonValue value = read_value();
        skip_space();
        if (pos_ != text_.size()) fail("trailing text after the document");
        return value;
    }

  private:
    [[noreturn]] void fail(const std::string& what) const {
        throw std::runtime_error("JSON: " + what + " at offset " + std::to_string(pos_));
    }

    void skip_space() {
        while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\n' ||
                                       text_[pos_] == '\t' || text_[pos_] == '\r')) {
            ++pos_;
        }
    }

    void expect(char c) {
        skip_space();
        if (pos_ >= text_.size() || text_[pos_] != c) fail(std::string("expected '") + c + "'");
        ++pos_;
    }

    bool take_word(const std::string& word) {
        if (text_.compare(pos_, word.size(), word) != 0) return false;
        pos_ += word.size();
        return true;
    }

    JsonValue read_value() {
        skip_space();
        if (pos_ >= text_.size()) fail("unexpected end");
        JsonValue value;
        char c = text_[pos_];
        if (c == '{') {
            read_object(value);
        } else if (c == '[') {
            read_array(value);
        } else if (c == '"') {
            value.kind = JsonValue::Kind::String;
            value.text = read_string();
        } else if (take_word("null")) {
            value.kind = JsonValue::Kind::Null;
        } else if (take_word("true")) {
            value.kind = JsonValue::Kind::Bool;
            value.boolean = true;
        } else if (take_word("false")) {
            value.kind = JsonValue::Kind::Bool;
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            value.kind = JsonValue::Kind::Number;
            value.number = read_number();
        } else {
            fail("unexpected character");
        }
        return value;
    }

    void read_object(JsonValue& value) {
        value.kind = JsonValue::Kind::Object;
        expect('{');
        skip_space();
        if (pos_ < text_.size() && text_[pos_] == '}') {
            ++pos_;
            return;
        }
        while (true) {
            skip_space();
            if (pos_ >= text_.size() || text_[pos_] != '"') fail("expected a key");
            std::string key = read_string();
            expect(':');
            value.members.emplace_back(key, read_value());
            skip_space();
            if (pos_ < text_.size() && text_[pos_] == ',') {
                ++pos_;
                continue;
            }
            expect('}');
            return;
        }
    }

    void read_array(JsonValue& value) {
        value.kind = JsonValue::Kind::Array;
        expect('[');
        skip_space();
        if (pos_ < text_.size() && text_[pos_] == ']') {
            ++pos_;
            return;
        }
        while (true) {
            value.items.push_back(read_value());
            skip_space();
            if (pos_ < text_.size() && text_[pos_] == ',') {
                ++pos_;
                continue;
            }
            expect(']');
            return;
        }
    }

    std::string read_string() {
        ++pos_;
        std::string out;
        while (true) {
            if (pos_ >= text_.size()) fail("unterminated string");
            char c = text_[pos_++];
            if (c == '"') return out;
            if (static_cast<unsigned char>(c) < 0x20) fail("control character in string");
            if (c != '\\') {
                out += c;
                continue;
            }
            if (pos_ >= text_.size()) fail("unterminated escape");
            char e = text_[pos_++];
            switch (e) {
                case '"':
                    out += '"';
                    break;
                case '\\':
                    out += '\\';
                    break;
                case '/':
                    out += '/';
                    break;
                case 'b':
                    out += '\b';
                    break;
                case 'f':
                    out += '\f';
                    break;
                case 'n':
                    out += '\n';
                    break;
                case 'r':
                    out += '\r';
                    break;
                case 't':
                    out += '\t';
                    break;
                case 'u': {
                    if (pos_ + 4 > text_.size()) fail("short \\u escape");
                    // Tests only compare ASCII; keep other code points as a marker.
                    long code = std::strtol(text_.substr(pos_, 4).c_str(), nullptr, 16);
                    out += code < 0x80 ? static_cast<char>(code) : '?';
                    pos_ += 4;
                    break;
                }
                default:
                    fail("bad escape");
            }
        }
    }

    double read_number() {
        std::size_t start = pos_;
        if (text_[pos_] == '-') ++pos_;
        auto digits = [&] {
            std::size_t from = pos_;
            while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9')
                ++pos_;
            if (pos_ == from) fail("expected digits");
        };
        digits();
        if (pos_ < text_.size() && text_[pos_] == '.') {
            ++pos_;
            digits();
        }
        if (pos_ < text_.size() && (text_[pos_] == 'e' || text_[pos_] == 'E')) {
            ++pos_;
            if (pos_ < text_.size() && (text_[pos_] == '+' || text_[pos_] == '-')) ++pos_;
            digits();
        }
        return std::strtod(text_.substr(start, pos_ - start).c_str(), nullptr);
    }

    const std::string& text_;
    std::size_t pos_ = 0;
};

}  // namespace

bool JsonValue::has(const std::string& key) const {
    for (const auto& [name, value] : members) {
        if (name == key) return true;
    }
    return false;
}

const JsonValue& JsonValue::at(const std::string& key) const {
    if (kind != Kind::Object) throw std::runtime_error("JSON: not an object, looking for " + key);
    for (const auto& [name, value] : members) {
        if (name == key) return value;
    }
    throw std::runtime_error("JSON: no key \"" + key + "\"");
}

std::vector<std::string> JsonValue::keys() const {
    std::vector<std::string> names;
    for (const auto& member : members)
        names.push_back(member.first);
    return names;
}

JsonValue parse_json(const std::string& text) {
    return JsonReader(text).document();
}

}  // namespace covet_test
