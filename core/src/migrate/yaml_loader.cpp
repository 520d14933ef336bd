#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <filesystem>
#include <map>
#include <optional>
#include <system_error>

#include "covet/error.h"
#include "covet/loader.h"
#include "migrate/migration_file_reader.h"
#include "util/heap_warmup.h"
#include "util/parallel_for.h"
#include "yaml/yaml_document.h"

namespace covet {

namespace fs = std::filesystem;

namespace {

MigrationKey parse_dependency(const std::string& text, const std::string& app) {
    auto dot = text.find('.');
    if (dot == std::string::npos) return {app, text};
    return {text.substr(0, dot), text.substr(dot + 1)};
}

// POSIX calls rather than ifstream: four system calls per file instead of
// seven (ifstream seeks three times to learn the size), which is measurable
// when a history has a thousand files.
std::string read_migration_file(const std::string& path) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        throw LoadError(
            path, 0, 0,
            "cannot read the file: " + std::error_code(errno, std::generic_category()).message());
    struct FdCloser {
        int fd;
        ~FdCloser() { ::close(fd); }
    } closer{fd};
    struct stat info {};
    if (::fstat(fd, &info) != 0)
        throw LoadError(
            path, 0, 0,
            "cannot read the file: " + std::error_code(errno, std::generic_category()).message());
    std::string text(static_cast<std::size_t>(info.st_size), '\0');
    std::size_t filled = 0;
    while (filled < text.size()) {
        ssize_t n = ::read(fd, text.data() + filled, text.size() - filled);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0)
            throw LoadError(path, 0, 0,
                            "cannot read the file: " +
                                std::error_code(errno, std::generic_category()).message());
        if (n == 0) break;  // the file shrank since fstat
        filled += static_cast<std::size_t>(n);
    }
    text.resize(filled);
    return text;
}

// An app label names the app in "app.0001_x" dependencies and in the
// history: it must be a word that reads back as itself.
std::optional<std::string> app_label_problem(const std::string& label) {
    if (label.empty()) return "'app' must not be empty";
    for (unsigned char c : label)
        if (std::isspace(c) || std::iscntrl(c) || c == '.' || c == '/')
            return "app '" + label + "' must not contain blanks, '.' or '/'";
    return std::nullopt;
}

}  // namespace

Migration parse_migration_file(const std::string& file, const std::string& text,
                               const std::string& default_app) {
    MigrationFileReader reader(file);
    yaml::Document document = yaml::Document::parse(text, file);
    yaml::Node root = document.root();
    Migration m;
    m.name = fs::path(file).stem().string();
    m.location = {file, 1, 1};
    if (!root.is_map()) {
        if (root.is_null()) reader.fail_at(1, 1, "empty migration file (expected 'operations:')");
        reader.fail(root, "a migration file must be a mapping with 'operations:'");
    }
    reader.check_keys(root, "migration",
                      {"app", "dependencies", "atomic", "initial", "operations"});
    m.app = default_app;
    if (yaml::Node app = root["app"]; app && !app.is_null()) {
        std::string declared = reader.scalar(app, "'app'");
        if (auto problem = app_label_problem(declared)) reader.fail(app, *problem);
        if (default_app != "default" && declared != default_app)
            reader.fail(app, "app '" + declared + "' does not match the directory '" + default_app +
                                 "' the file is in");
        m.app = declared;
    }
    if (yaml::Node deps = root["dependencies"]; deps && !deps.is_null()) {
        if (!deps.is_sequence()) reader.fail(deps, "'dependencies' must be a list");
        for (yaml::Node d : deps.items()) {
            m.dependencies.push_back(parse_dependency(reader.scalar(d, "a dependency"), m.app));
            m.dependency_locations.push_back(reader.location(d));
        }
    }
    if (yaml::Node atomic = root["atomic"]; atomic) m.atomic = reader.boolean(atomic, "'atomic'");
    if (yaml::Node initial = root["initial"]; initial)
        m.initial = reader.boolean(initial, "'initial'");
    yaml::Node ops = root["operations"];
    if (!ops) reader.fail(root, "missing 'operations'");
    if (ops.is_null()) return m;
    if (!ops.is_sequence()) reader.fail(ops, "'operations' must be a list");
    for (yaml::Node item : ops.items()) {
        if (!item.is_map() || item.size() != 1)
            reader.fail(item, "each operation must be a mapping with one key, e.g. create_table:");
        yaml::Node kind_node = item.key(0);
        OperationPtr op = reader.operation(kind_node, item.value(0));
        const_cast<Operation&>(*op).location = reader.location(kind_node);
        m.operations.push_back(std::move(op));
    }
    return m;
}

std::vector<Migration> load_migration_directory(const std::string& directory, bool allow_missing) {
    std::vector<Migration> out;
    std::error_code ec;
    if (!fs::is_directory(directory, ec)) {
        if (allow_missing && !fs::exists(directory, ec)) return out;
        throw LoadError(directory, 0, 0,
                        "the migrations directory does not exist (-m/--migrations, "
                        "COVET_MIGRATIONS or migrations: in covet.yaml name it)");
    }
    auto is_migration = [](const fs::path& p) {
        auto ext = p.extension().string();
        return (ext == ".yaml" || ext == ".yml") && p.filename().string()[0] != '.';
    };
    std::vector<std::pair<std::string, std::string>> files;  // (path, app)
    for (const auto& entry : fs::directory_iterator(directory)) {
        if (entry.is_directory()) {
            std::string app = entry.path().filename().string();
            if (app.empty() || app[0] == '.') continue;
            for (const auto& sub : fs::directory_iterator(entry.path()))
                if (sub.is_regular_file() && is_migration(sub.path()))
                    files.emplace_back(sub.path().string(), app);
        } else if (entry.is_regular_file() && is_migration(entry.path())) {
            files.emplace_back(entry.path().string(), "default");
        }
    }
    std::sort(files.begin(), files.end());

    // A loaded migration and its checksum take about 2 KB of fresh heap.
    warm_heap(files.size() * 2048);
    // Parsing dominates start-up on long histories: spread the files over the cores.
    std::vector<std::optional<Migration>> parsed(files.size());
    parallel_for(files.size(), 64, [&](std::size_t i) {
        const auto& [path, app] = files[i];
        parsed[i] = parse_migration_file(path, read_migration_file(path), app);
    });

    // Duplicates are reported in file order, as a serial load would.
    std::map<MigrationKey, std::string> seen;
    for (std::size_t i = 0; i < files.size(); ++i) {
        Migration& m = *parsed[i];
        auto [it, inserted] = seen.emplace(m.key(), files[i].first);
        if (!inserted)
            throw LoadError(files[i].first, 1, 1,
                            "duplicate migration name '" + m.key().to_string() + "' (also in " +
                                it->second + ")");
        out.push_back(std::move(m));
    }
    return out;
}

}  // namespace covet
