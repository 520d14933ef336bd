// The leaf helpers of core/src/util/: one copy each, used by core, the
// dialects and the app alike, so their outputs are pinned here.
#include <catch2/catch.hpp>

#include <chrono>
#include <limits>
#include <string>

#include "util/edit_distance.h"
#include "util/float_text.h"
#include "util/fnv.h"
#include "util/hex.h"
#include "util/json_writer.h"
#include "util/seconds_text.h"
#include "util/secret_mask.h"
#include "util/text_case.h"

using namespace covet;
using std::chrono::milliseconds;

TEST_CASE("hex_lower writes two lower-case digits per byte") {
    const unsigned char bytes[] = {0x00, 0x0f, 0xa5, 0xff};
    CHECK(hex_lower(bytes, 4) == "000fa5ff");
    CHECK(hex_lower(bytes, 0).empty());
}

TEST_CASE("to_lower and to_upper change ASCII letters only") {
    CHECK(to_lower("CharField_9 ÄB") == "charfield_9 Äb");
    CHECK(to_upper("verify-ca") == "VERIFY-CA");
}

TEST_CASE("edit_distance counts a swap of neighbours as one edit") {
    CHECK(edit_distance("migrate", "migrate") == 0);
    CHECK(edit_distance("mgirate", "migrate") == 1);
    CHECK(edit_distance("migrat", "migrate") == 1);
    CHECK(edit_distance("", "abc") == 3);
    CHECK(edit_distance("abc", "") == 3);
    CHECK(edit_distance("kitten", "sitting") == 3);
    CHECK(edit_distance("Char", "char") == 1);  // case is the caller's choice
}

TEST_CASE("fnv1a_64 matches the published FNV-1a vectors") {
    CHECK(fnv1a_64("") == 0xcbf29ce484222325ull);
    CHECK(fnv1a_64("a") == 0xaf63dc4c8601ec8cull);
    CHECK(fnv1a_64("foobar") == 0x85944171f73967e8ull);
}

TEST_CASE("mask_secret masks every occurrence that could be the secret, however short") {
    CHECK(mask_secret("user:pw@host pw", "pw") == "user:***@host ***");
    // A short secret inside a word is left alone: masking it there would
    // mangle the message and show which letters the password has.
    CHECK(mask_secret("at 127.0.0.1:1, database 'r'", "ab") == "at 127.0.0.1:1, database 'r'");
    CHECK(mask_secret("cannot reach a host", "a") == "cannot reach *** host");
    CHECK(mask_secret("password=\"ab\" and ab.", "ab") == "password=\"***\" and ***.");
    // A long one is masked wherever it stands.
    CHECK(mask_secret("xhunter2345y", "hunter2345") == "x***y");
    CHECK(mask_secret("a*b", "*") == "a***b");  // a secret made of the mask ends
    CHECK(mask_secret("nothing here", "") == "nothing here");
}

TEST_CASE("seconds_text drops a zero fraction and trailing zeros") {
    CHECK(seconds_text(milliseconds(60000)) == "60 s");
    CHECK(seconds_text(milliseconds(1500)) == "1.5 s");
    CHECK(seconds_text(milliseconds(500)) == "0.5 s");
    CHECK(seconds_text(milliseconds(250)) == "0.25 s");
    CHECK(seconds_text(milliseconds(1001)) == "1.001 s");
}

TEST_CASE("float_text is the shortest round-trip text in the caller's spelling") {
    const FloatSpelling sql{"NaN", "Infinity", false};
    const FloatSpelling literal{"nan", "inf", true};
    CHECK(float_text(0.1, sql) == "0.1");
    CHECK(float_text(1.0, sql) == "1");
    CHECK(float_text(1.0, literal) == "1.0");
    CHECK(float_text(1e300, literal) == "1e+300");
    CHECK(float_text(std::numeric_limits<double>::quiet_NaN(), sql) == "NaN");
    CHECK(float_text(-std::numeric_limits<double>::infinity(), sql) == "-Infinity");
    CHECK(float_text(std::numeric_limits<double>::infinity(), literal) == "inf");
}

TEST_CASE("json_quote escapes quotes and controls in either form") {
    CHECK(json_quote("a\"b\\c") == "\"a\\\"b\\\\c\"");
    CHECK(json_quote("l1\nl2\t\x01") == "\"l1\\nl2\\t\\u0001\"");
    CHECK(json_quote("l1\nl2", JsonEscapes::unicode_only) == "\"l1\\u000al2\"");
    CHECK(json_quote("café") == "\"café\"");
    JsonWriter out;
    out.begin_object().key("k").string("v\n").key("n").integer(3).end_object();
    CHECK(out.str() == "{\"k\":\"v\\n\",\"n\":3}");
}
