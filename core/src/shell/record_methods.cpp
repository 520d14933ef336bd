// call_record_method: a model instance's methods (Django's save, delete,
// full_clean, refresh_from_db).
#include "covet/error.h"
#include "shell/method_args.h"

namespace covet::shell {

namespace {

// save(force_insert=False) as Django; nothing to print.
std::optional<ShellValue> save(Record& record, const Arguments& args) {
    expect_keywords("save", args, {"force_insert"});
    expect_positional_at_most("save", args, 0);
    const ShellValue* force = keyword(args, "force_insert");
    record.save(force != nullptr && to_bool(*force, "force_insert"));
    return std::nullopt;
}

std::optional<ShellValue> delete_(Record& record, const Arguments& args) {
    expect_no_arguments("delete", args);
    return ShellValue(DeletedValue{record.delete_()});
}

std::optional<ShellValue> full_clean(Record& record, const Arguments& args) {
    expect_no_arguments("full_clean", args);
    record.full_clean();
    return std::nullopt;
}

std::optional<ShellValue> refresh_from_db(Record& record, const Arguments& args) {
    expect_no_arguments("refresh_from_db", args);
    record.refresh_from_db();
    return std::nullopt;
}

using RecordMethod = std::optional<ShellValue> (*)(Record&, const Arguments&);

const std::vector<std::pair<std::string, RecordMethod>>& methods() {
    static const std::vector<std::pair<std::string, RecordMethod>> list{
        {"save", save},
        {"delete", delete_},
        {"full_clean", full_clean},
        {"refresh_from_db", refresh_from_db},
    };
    return list;
}

}  // namespace

std::optional<ShellValue> call_record_method(Session&, Record& record, const std::string& method,
                                             const Arguments& args) {
    for (const auto& [name, call] : methods())
        if (name == method) return call(record, args);
    throw QueryError("'" + record.model().name + "' record has no method '" + method + "'" +
                     suggest_method(method, record_method_names()));
}

const std::vector<std::string>& record_method_names() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> list;
        for (const auto& [name, call] : methods())
            list.push_back(name);
        return list;
    }();
    return names;
}

}  // namespace covet::shell
