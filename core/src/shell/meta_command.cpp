#include "shell/meta_command.h"

#include <sstream>

#include "covet/error.h"
#include "shell/model_listing.h"
#include "util/edit_distance.h"

namespace covet::shell {

namespace {

constexpr const char* kHelp =
    "Statements are Django QuerySet expressions on the models of the migrations:\n"
    "  User.objects.filter(name__startswith='A').order_by('-id')[:10]\n"
    "  u = User.objects.get(id=1); u.name = 'Jane'; u.save()\n"
    "  Post.objects.aggregate(Count('id'), avg=Avg('view_count'))\n"
    "  raw('SELECT ...', [params])   the only way to send SQL text\n"
    "Meta-commands:\n"
    "  .models                 the models of the migrations\n"
    "  .schema MODEL           fields, types, relations and indexes of a model\n"
    "  .sql on|off             print the SQL of each query (to stderr)\n"
    "  .timing on|off          print how long each statement took\n"
    "  .format table|json|csv  the output format\n"
    "  .x on|off|auto          one field per line (auto: when rows are too wide)\n"
    "  .help                   this text\n"
    "  .quit                   leave the shell (also Ctrl-D)\n";

std::vector<std::string> words_of(std::string_view line) {
    std::istringstream in{std::string(line)};
    std::vector<std::string> words;
    for (std::string word; in >> word;)
        words.push_back(word);
    return words;
}

std::string choices(const std::vector<std::string>& names) {
    std::string text;
    for (const auto& name : names)
        text += (text.empty() ? "" : ", ") + name;
    return text;
}

// The one argument of a setting, which must be among `allowed`.
const std::string& setting(const std::vector<std::string>& words,
                           const std::vector<std::string>& allowed) {
    if (words.size() == 2)
        for (const auto& value : allowed)
            if (words[1] == value) return value;
    std::string usage = words[0] + " ";
    for (std::size_t i = 0; i < allowed.size(); ++i)
        usage += (i == 0 ? "" : "|") + allowed[i];
    throw UsageError("usage: " + usage);
}

bool on_off(const std::vector<std::string>& words) {
    return setting(words, {"on", "off"}) == "on";
}

[[noreturn]] void unknown(const std::string& name) {
    std::string best;
    std::size_t best_distance = 3;
    for (const auto& known : meta_command_names()) {
        std::size_t distance = edit_distance(name, known);
        if (distance < best_distance) {
            best = known;
            best_distance = distance;
        }
    }
    throw UsageError("unknown meta-command '" + name + "'" +
                     (best.empty() ? "" : " (did you mean '" + best + "'?)") +
                     "; meta-commands: " + choices(meta_command_names()));
}

void set_format(Settings& settings, const std::vector<std::string>& words) {
    const std::string& format = setting(words, {"table", "json", "csv"});
    settings.format = format == "json"  ? OutputFormat::Json
                      : format == "csv" ? OutputFormat::Csv
                                        : OutputFormat::Table;
}

void set_expanded(Settings& settings, const std::vector<std::string>& words) {
    const std::string& mode = setting(words, {"on", "off", "auto"});
    settings.expanded = mode == "on"     ? Expanded::On
                        : mode == "auto" ? Expanded::Auto
                                         : Expanded::Off;
}

}  // namespace

bool is_meta_command(std::string_view line) {
    std::size_t first = line.find_first_not_of(" \t");
    return first != std::string_view::npos && line[first] == '.';
}

const std::vector<std::string>& meta_command_names() {
    static const std::vector<std::string> names = {".models", ".schema", ".sql",  ".timing",
                                                   ".format", ".x",      ".help", ".quit"};
    return names;
}

MetaOutcome run_meta_command(Session& session, std::string_view line, std::ostream& out) {
    std::vector<std::string> words = words_of(line);
    const std::string& name = words.at(0);
    Settings& settings = session.settings();
    if (name == ".quit" || name == ".exit") return MetaOutcome::Quit;
    if (name == ".help") {
        out << kHelp;
    } else if (name == ".models") {
        print_models(session.models(), out);
    } else if (name == ".schema") {
        if (words.size() != 2) throw UsageError("usage: .schema MODEL");
        print_schema(session.models(), words[1], out);
    } else if (name == ".sql") {
        settings.echo_sql = on_off(words);
    } else if (name == ".timing") {
        settings.timing = on_off(words);
    } else if (name == ".format") {
        set_format(settings, words);
    } else if (name == ".x") {
        set_expanded(settings, words);
    } else {
        unknown(name);
    }
    return MetaOutcome::Done;
}

}  // namespace covet::shell
