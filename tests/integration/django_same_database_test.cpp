// Django 3.2 and covet on one database (issue 9, "What it must show"):
// covet migrates the tables, Django (tests/django/django_same_database.py,
// run by Debian's /usr/bin/python3) writes rows and dumps what it reads
// back; covet reads the same rows and must find identical values; then covet
// writes rows and Django must read every row identical to covet's reading.
// A missing Django, or a missing driver of Django's, fails the test.
#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "django_same_database.h"
#include "orm_harness.h"

using nlohmann::json;

namespace {

const char* const kScript = COVET_SOURCE_DIR "/tests/django/django_same_database.py";

std::string shell_quoted(const std::string& word) {
    std::string quoted = "'";
    for (char c : word)
        quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return quoted + "'";
}

struct ScriptRun {
    int status = -1;
    std::string output;  // stdout and stderr
};

ScriptRun run_script(const std::string& command, const std::string& url, const std::string& file) {
    const std::string line = "/usr/bin/python3 " + shell_quoted(kScript) + " " + command + " " +
                             shell_quoted(url) + " " + shell_quoted(file) + " 2>&1";
    ScriptRun run;
    FILE* pipe = popen(line.c_str(), "r");
    REQUIRE(pipe != nullptr);
    char buffer[4096];
    std::size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0)
        run.output.append(buffer, n);
    const int status = pclose(pipe);
    run.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return run;
}

json read_json(const std::filesystem::path& path) {
    std::ifstream in(path);
    REQUIRE(in.good());
    return json::parse(in);
}

// covet's reading of Django's rows, value by value, against Django's own.
void check_same_rows(const json& covet, const json& django, const std::string& model) {
    REQUIRE(covet.at(model).size() == django.at(model).size());
    for (std::size_t i = 0; i < covet.at(model).size(); ++i) {
        const json& ours = covet.at(model)[i];
        const json& theirs = django.at(model)[i];
        for (const auto& [key, value] : theirs.items()) {
            INFO(model << " pk=" << theirs.at("id") << " " << key);
            REQUIRE(ours.contains(key));
            CHECK(ours.at(key).dump() == value.dump());
            // Same JSON value (objects whatever their key order, 1.0 == 1).
            CHECK(ours.at(key) == value);
        }
        CHECK(ours.size() == theirs.size());
    }
}

}  // namespace

COVET_BACKEND_TEST("Django 3.2 and covet read each other's rows identically") {
    covet::test::OrmHarness o(h, covet::test::kDjangoSchema);
    const std::string django_file = (h.root() / "django.json").string();
    const std::string covet_file = (h.root() / "covet.json").string();

    const ScriptRun wrote = run_script("write", h.url(), django_file);
    INFO(wrote.output);
    REQUIRE(wrote.status == 0);
    const json django = read_json(django_file);
    REQUIRE(django.at("Item").size() == 3);

    // covet reads what Django wrote: through the QuerySet, and through the driver.
    json covet = covet::test::covet_dump(o);
    check_same_rows(covet, django, "Author");
    check_same_rows(covet, django, "Item");
    const json raw = covet::test::covet_dump_raw(o);
    check_same_rows(raw, django, "Author");
    check_same_rows(raw, django, "Item");

    // Django reads what covet wrote (and its own rows once more).
    covet::test::covet_write_fixture(o);
    covet = covet::test::covet_dump(o);
    CHECK(covet.at("Item").size() == 5);
    CHECK(covet == covet::test::covet_dump_raw(o));
    std::ofstream(covet_file) << covet.dump(-1, ' ', false, json::error_handler_t::strict);
    const ScriptRun checked = run_script("check", h.url(), covet_file);
    INFO(checked.output);
    CHECK(checked.status == 0);
    CHECK(checked.output.find("identical to covet's") != std::string::npos);
}
