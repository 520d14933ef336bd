#include "workspace.h"

#include <stdlib.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>

namespace covet_test {

namespace fs = std::filesystem;

fs::path source_dir() {
    return fs::path(COVET_SOURCE_DIR);
}

fs::path fixtures_dir() {
    return source_dir() / "tests" / "cli" / "fixtures";
}

Workspace::Workspace() {
    std::string pattern = (fs::temp_directory_path() / "covet-cli-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
}

Workspace::~Workspace() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
}

fs::path Workspace::copy_fixture(const std::string& set, const std::string& relative) const {
    fs::path from = fixtures_dir() / set;
    if (!fs::is_directory(from)) throw std::runtime_error("no fixture set " + from.string());
    copy_tree(from, relative);
    return path_ / relative;
}

void Workspace::copy_tree(const fs::path& from, const std::string& relative) const {
    fs::path to = path_ / relative;
    fs::create_directories(to);
    fs::copy(from, to, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
}

void Workspace::write(const std::string& relative, const std::string& text) const {
    fs::path file = path_ / relative;
    fs::create_directories(file.parent_path());
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out) throw std::runtime_error("cannot write " + file.string());
}

std::string Workspace::read(const std::string& relative) const {
    std::ifstream in(path_ / relative, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + (path_ / relative).string());
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

bool Workspace::exists(const std::string& relative) const {
    return fs::exists(path_ / relative);
}

RunOptions Workspace::covet_options(const std::vector<std::string>& args,
                                    const EnvOverrides& env) const {
    RunOptions options;
    options.program = COVET_BINARY;
    options.args = args;
    options.cwd = path_.string();
    options.env = env;
    return options;
}

RunResult Workspace::covet(const std::vector<std::string>& args, const EnvOverrides& env) const {
    return run_process(covet_options(args, env));
}

RunResult Workspace::example(const std::vector<std::string>& args) const {
    RunOptions options = covet_options(args);
    options.program = COVET_EXAMPLE_BINARY;
    return run_process(options);
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line))
        lines.push_back(line);
    return lines;
}

bool contains(const std::string& text, const std::string& needle) {
    return text.find(needle) != std::string::npos;
}

bool contains_nocase(const std::string& text, const std::string& needle) {
    auto lower = [](std::string s) {
        std::transform(s.begin(), s.end(), s.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        return s;
    };
    return contains(lower(text), lower(needle));
}

bool has_line_matching(const std::string& text, const std::string& pattern) {
    std::regex re(pattern);
    for (const auto& line : lines_of(text)) {
        if (std::regex_match(line, re)) return true;
    }
    return false;
}

bool appear_in_order(const std::string& text, const std::vector<std::string>& needles) {
    std::size_t from = 0;
    for (const auto& needle : needles) {
        std::size_t at = text.find(needle, from);
        if (at == std::string::npos) return false;
        from = at + needle.size();
    }
    return true;
}

bool is_one_error_line(const std::string& err) {
    return err.rfind("covet: error: ", 0) == 0 && err.find('\n') == err.size() - 1;
}

}  // namespace covet_test
