// A fresh temporary directory per test, from which the covet binary is run.
#pragma once

#include <filesystem>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "run_covet.h"

namespace covet_test {

using EnvOverrides = std::map<std::string, std::optional<std::string>>;

std::filesystem::path source_dir();
std::filesystem::path fixtures_dir();

class Workspace {
  public:
    Workspace();
    ~Workspace();
    Workspace(const Workspace&) = delete;
    Workspace& operator=(const Workspace&) = delete;

    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& relative) const { return path_ / relative; }

    // Copies tests/cli/fixtures/<set> to <relative> inside the workspace.
    std::filesystem::path copy_fixture(const std::string& set,
                                       const std::string& relative = "migrations") const;
    void copy_tree(const std::filesystem::path& from, const std::string& relative) const;
    void write(const std::string& relative, const std::string& text) const;
    std::string read(const std::string& relative) const;
    bool exists(const std::string& relative) const;

    // Runs the covet binary with cwd = the workspace and COVET_* cleared.
    RunResult covet(const std::vector<std::string>& args, const EnvOverrides& env = {}) const;
    RunResult example(const std::vector<std::string>& args) const;
    RunOptions covet_options(const std::vector<std::string>& args,
                             const EnvOverrides& env = {}) const;

  private:
    std::filesystem::path path_;
};

std::vector<std::string> lines_of(const std::string& text);
bool contains(const std::string& text, const std::string& needle);
// Case-insensitive search, for words whose capitalisation the contract leaves open.
bool contains_nocase(const std::string& text, const std::string& needle);
// Matches a whole line against an ECMAScript regular expression.
bool has_line_matching(const std::string& text, const std::string& pattern);
// True when every needle occurs, each after the previous one.
bool appear_in_order(const std::string& text, const std::vector<std::string>& needles);
// The contract for errors: exactly one line, starting "covet: error: ".
bool is_one_error_line(const std::string& err);

}  // namespace covet_test
