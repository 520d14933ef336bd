#include "shell/builtins.h"

#include <algorithm>

#include "covet/error.h"
#include "shell/near_miss.h"
#include "shell/raw_sql_check.h"

namespace covet::shell {

namespace {

[[noreturn]] void bad_arguments(const std::string& name, const std::string& usage) {
    throw QueryError(name + "() takes " + usage);
}

void expect_no_keywords(const std::string& name, const Arguments& args, const std::string& usage) {
    if (!args.keywords.empty()) bad_arguments(name, usage);
}

// The one string argument of F('x'), Sum('x'), date('2024-01-01')...
std::string only_text(const std::string& name, const Arguments& args, const std::string& usage) {
    expect_no_keywords(name, args, usage);
    if (args.positional.size() != 1) bad_arguments(name, usage);
    return to_text(args.positional.front(), "the argument of " + name + "()");
}

ShellValue make_q(const Arguments& args) {
    Q q;
    for (const ShellValue& positional : args.positional)
        q = q & to_q(positional, "a positional argument of Q()");
    std::vector<Lookup> lookups;
    for (const auto& [path, value] : args.keywords)
        lookups.push_back(Lookup{path, to_operand(value, "the value of " + path)});
    if (!lookups.empty()) q = q & Q(std::move(lookups));
    return QValue{q};
}

ShellValue make_count(const Arguments& args) {
    const std::string usage =
        "a field name and distinct=True or False: Count('posts', distinct=True)";
    if (args.positional.size() != 1) bad_arguments("Count", usage);
    bool distinct = false;
    for (const auto& [key, value] : args.keywords) {
        if (key != "distinct") bad_arguments("Count", usage);
        distinct = to_bool(value, "distinct");
    }
    return ExprValue{Count(to_text(args.positional.front(), "the argument of Count()"), distinct)};
}

ShellValue make_aggregate(const std::string& name, const Arguments& args) {
    const std::string field = only_text(name, args, "one field name: " + name + "('field')");
    if (name == "Sum") return ExprValue{Sum(field)};
    if (name == "Avg") return ExprValue{Avg(field)};
    if (name == "Max") return ExprValue{Max(field)};
    return ExprValue{Min(field)};
}

std::vector<int> integer_parts(const std::string& name, const Arguments& args) {
    std::vector<int> parts;
    for (const ShellValue& part : args.positional) {
        const std::int64_t value = to_int(part, "an argument of " + name + "()");
        if (value < -1'000'000 || value > 1'000'000)
            throw ValueError(name + "() argument " + std::to_string(value) + " is out of range");
        parts.push_back(static_cast<int>(value));
    }
    return parts;
}

// datetime('2024-01-01T10:00:00') or datetime(2024, 1, 1[, 10, 0, 0[, 0]]).
ShellValue make_temporal(const std::string& name, const Arguments& args) {
    const std::string usage =
        name == "datetime" ? "an ISO text or the numbers: datetime('2024-01-01T10:00:00') or "
                             "datetime(2024, 1, 1, 10, 0)"
        : name == "date"   ? "an ISO text or the numbers: date('2024-01-01') or date(2024, 1, 1)"
                           : "an ISO text or the numbers: time('10:30:00') or time(10, 30)";
    expect_no_keywords(name, args, usage);
    const bool text = args.positional.size() == 1 && args.positional.front().as<Value>() &&
                      args.positional.front().as<Value>()->kind() == Value::Kind::Text;
    if (text) {
        const std::string& iso = args.positional.front().as<Value>()->as_text();
        if (name == "datetime") return Value(DateTime::parse(iso));
        if (name == "date") return Value(Date::parse(iso));
        return Value(Time::parse(iso));
    }
    const std::vector<int> n = integer_parts(name, args);
    if (name == "date" && n.size() == 3) return Value(Date(n[0], n[1], n[2]));
    if (name == "time" && n.size() >= 2 && n.size() <= 4)
        return Value(Time(n[0], n[1], n.size() > 2 ? n[2] : 0, n.size() > 3 ? n[3] : 0));
    if (name == "datetime" && n.size() >= 3 && n.size() <= 7) {
        auto at = [&](std::size_t i) { return i < n.size() ? n[i] : 0; };
        return Value(DateTime(Date(n[0], n[1], n[2]), Time(at(3), at(4), at(5), at(6))));
    }
    bad_arguments(name, usage);
}

ShellValue make_decimal(const Arguments& args) {
    const std::string usage = "a string or an integer: Decimal('1.50')";
    expect_no_keywords("Decimal", args, usage);
    if (args.positional.size() != 1) bad_arguments("Decimal", usage);
    const Value* v = args.positional.front().as<Value>();
    if (v != nullptr && v->kind() == Value::Kind::Int) return Value(Decimal(v->as_int()));
    if (v != nullptr && v->kind() == Value::Kind::Decimal) return *v;
    return Value(Decimal::parse(to_text(args.positional.front(), "the argument of Decimal()")));
}

// Django's raw() marks parameters `%s` on every back end (and a literal
// percent sign `%%`): each becomes the dialect's placeholder. Text without
// parameters goes as it is, as in Django.
std::string with_placeholders(const std::string& sql, std::size_t params, const Dialect& dialect) {
    if (params == 0) return sql;
    std::string out;
    int marks = 0;
    for (std::size_t i = 0; i < sql.size(); ++i) {
        if (sql[i] == '%' && i + 1 < sql.size() && (sql[i + 1] == 's' || sql[i + 1] == '%')) {
            out += sql[i + 1] == 's' ? dialect.placeholder(++marks) : "%";
            ++i;
        } else {
            out += sql[i];
        }
    }
    if (static_cast<std::size_t>(marks) != params)
        throw QueryError("raw() got " + std::to_string(params) + " parameter" +
                         (params == 1 ? "" : "s") + " for " + std::to_string(marks) +
                         " %s placeholder" + (marks == 1 ? "" : "s"));
    return out;
}

// raw('SELECT ...', [params]): the text goes to the database as it is, the
// parameters always bound, never spliced into it.
ShellValue run_raw(Session& session, const Arguments& args) {
    const std::string usage =
        "the SQL text and a list of parameters: raw('SELECT ... WHERE id = %s', [1])";
    expect_no_keywords("raw", args, usage);
    if (args.positional.empty() || args.positional.size() > 2) bad_arguments("raw", usage);
    const std::string sql = to_text(args.positional[0], "the SQL of raw()");
    std::vector<Value> params;
    if (args.positional.size() == 2) {
        const auto* list = args.positional[1].as<ListValue>();
        if (list == nullptr) bad_arguments("raw", usage);
        for (const ShellValue& item : list->items)
            params.push_back(to_value(item, "a parameter of raw()"));
    }
    check_raw_sql(sql, session.settings().sandbox,
                  session.database().dialect().features().can_rollback_ddl);
    const std::string text = with_placeholders(sql, params.size(), session.database().dialect());
    Cursor cursor = session.database().connection().open_cursor(text, params);
    RawRows rows;
    rows.columns = cursor.columns();
    Row row;
    while (cursor.next(row))
        rows.rows.push_back(row);
    return rows;
}

std::int64_t text_length(const std::string& text) {
    return std::count_if(text.begin(), text.end(),
                         [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
}

ShellValue length_of(const Arguments& args) {
    if (args.positional.size() != 1 || !args.keywords.empty()) bad_arguments("len", "one argument");
    const ShellValue& value = args.positional.front();
    auto size = [](std::size_t n) { return Value(static_cast<std::int64_t>(n)); };
    if (const QuerySet* queryset = as_queryset(value))
        return size(queryset->returns_rows() ? queryset->rows().size()
                                             : queryset->records().size());
    if (const auto* list = value.as<ListValue>()) return size(list->items.size());
    if (const auto* dict = value.as<DictValue>()) return size(dict->entries.size());
    if (const auto* raw = value.as<RawRows>()) return size(raw->rows.size());
    if (const auto* row = value.as<NamedRow>()) return size(row->values.size());
    if (const Value* v = value.as<Value>(); v != nullptr && v->kind() == Value::Kind::Text)
        return Value(text_length(v->as_text()));
    throw QueryError(describe(value) + " has no len()");
}

}  // namespace

const std::vector<std::string>& builtin_names() {
    static const std::vector<std::string> names{"Q",       "F",   "Count",    "Sum",  "Avg",
                                                "Max",     "Min", "datetime", "date", "time",
                                                "Decimal", "raw", "len"};
    return names;
}

bool is_builtin(const std::string& name) {
    const auto& names = builtin_names();
    return std::find(names.begin(), names.end(), name) != names.end();
}

ShellValue call_builtin(Session& session, const std::string& name, const Arguments& args) {
    if (name == "Q") return make_q(args);
    if (name == "F") return ExprValue{F(only_text("F", args, "one field name: F('field')"))};
    if (name == "Count") return make_count(args);
    if (name == "Sum" || name == "Avg" || name == "Max" || name == "Min")
        return make_aggregate(name, args);
    if (name == "datetime" || name == "date" || name == "time") return make_temporal(name, args);
    if (name == "Decimal") return make_decimal(args);
    if (name == "raw") return run_raw(session, args);
    if (name == "len") return length_of(args);
    throw QueryError("name '" + name + "' is not defined" + near_miss_hint(name, builtin_names()));
}

}  // namespace covet::shell
