// Django 3.2 and covet on one database (issue 9, "What it must show"):
// covet migrates the tables, Django (tests/django/django_same_database.py,
// run by Debian's /usr/bin/python3) writes rows and dumps what it reads
// back; covet reads the same rows and must find identical values; then covet
// writes rows and Django must read every row identical to covet's reading.
// A missing Django, or a missing driver of Django's, fails the test.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "covet/queryset.h"
#include "django_same_database.h"
#include "orm_harness.h"
#include "query/json_encoding.h"

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

// covet's filters find Django's rows by the values Django stored: each value
// read back from Django's JSON (value_of_json) matches as many rows as hold it.
void check_filters(covet::test::OrmHarness& o, const json& django) {
    const json& items = django.at("Item");
    const covet::ModelState& model = o.models.model("Item");
    for (const char* name : {"price", "ratio", "weight", "big", "small", "created_at", "day",
                             "clock", "token", "flag", "maybe", "title", "notes", "site"}) {
        const covet::Field& field = *model.find_field(name);
        for (const json& row : items) {
            if (row.at(name).is_null()) continue;
            INFO("Item pk=" << row.at("id") << " " << name << " = " << row.at(name).dump());
            const auto holding = std::count_if(items.begin(), items.end(), [&](const json& other) {
                return other.at(name) == row.at(name);
            });
            const auto found = o.objects("Item").filter(
                covet::Q{{name, covet::value_of_json(field, row.at(name))}});
            CHECK(found.count() == holding);
            CHECK(found.filter(covet::Q{{"pk", covet::Value(row.at("id").get<std::int64_t>())}})
                      .exists());
        }
    }
}

// covet's rows hold what covet_write_fixture meant (Django must then read the same).
void check_intended_rows(const json& covet) {
    const json intended = json::parse(covet::test::kCovetFixtureJson);
    for (const char* model : {"Author", "Item"}) {
        const json& rows = covet.at(model);
        const json& wanted = intended.at(model);
        REQUIRE(rows.size() >= wanted.size());
        for (std::size_t i = 0; i < wanted.size(); ++i) {
            const json& row = rows[rows.size() - wanted.size() + i];
            for (const auto& [key, value] : wanted[i].items()) {
                INFO(model << " written by covet, " << key);
                CHECK(row.at(key).dump() == value.dump());
            }
        }
    }
    const json& author = covet.at("Author").back();
    for (std::size_t i = 1; i <= 2; ++i)
        CHECK(covet.at("Item")[covet.at("Item").size() - i].at("author_id") == author.at("id"));
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
    check_filters(o, django);

    // Django reads what covet wrote (and its own rows once more).
    covet::test::covet_write_fixture(o);
    covet = covet::test::covet_dump(o);
    CHECK(covet.at("Item").size() == 5);
    CHECK(covet == covet::test::covet_dump_raw(o));
    check_intended_rows(covet);
    std::ofstream(covet_file) << covet.dump(-1, ' ', false, json::error_handler_t::strict);
    const ScriptRun checked = run_script("check", h.url(), covet_file);
    INFO(checked.output);
    CHECK(checked.status == 0);
    CHECK(checked.output.find("identical to covet's") != std::string::npos);
}
