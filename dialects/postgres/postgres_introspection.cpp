// Introspection of a PostgreSQL schema through the pg_catalog tables, in the
// current schema (search_path's first, usually public).
#include <algorithm>

#include "covet/error.h"
#include "postgres/postgres_connection.h"

namespace covet {

namespace {

// format_type() spells types the long SQL way; covet's DDL uses the short one.
std::string normalise_type(std::string type) {
    struct Spelling {
        std::string_view long_form;
        std::string_view short_form;
    };
    static const Spelling spellings[] = {
        {"character varying", "varchar"},
        {"character", "char"},
        {"timestamp without time zone", "timestamp"},
        {"time without time zone", "time"},
    };
    for (const auto& s : spellings) {
        if (type.rfind(s.long_form, 0) != 0) continue;
        std::string rest = type.substr(s.long_form.size());
        // "character varying(200)", but not "character varying[]"'s prefix of another word.
        if (!rest.empty() && rest[0] != '(' && rest[0] != '[') continue;
        return std::string(s.short_form) + rest;
    }
    // "timestamp(3) without time zone" / "time(3) without time zone".
    for (std::string_view base : {"timestamp(", "time("}) {
        const std::string_view suffix = " without time zone";
        if (type.rfind(base, 0) == 0 && type.size() > suffix.size() &&
            type.compare(type.size() - suffix.size(), suffix.size(), suffix) == 0)
            return type.substr(0, type.size() - suffix.size());
    }
    return type;
}

std::string on_delete_action(const std::string& code) {
    if (code == "r") return "RESTRICT";
    if (code == "c") return "CASCADE";
    if (code == "n") return "SET NULL";
    if (code == "d") return "SET DEFAULT";
    return "NO ACTION";
}

// pg_get_expr wraps most predicates in one pair of parentheses: "(x > 0)".
std::string strip_outer_parentheses(const std::string& text) {
    if (text.size() < 2 || text.front() != '(' || text.back() != ')') return text;
    int depth = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '(') ++depth;
        if (text[i] == ')' && --depth == 0 && i + 1 != text.size()) return text;
    }
    return text.substr(1, text.size() - 2);
}

std::vector<std::string> split_names(const std::string& text) {
    std::vector<std::string> out;
    std::size_t pos = 0;
    for (;;) {
        auto sep = text.find('\x1f', pos);
        out.push_back(text.substr(pos, sep == std::string::npos ? sep : sep - pos));
        if (sep == std::string::npos) return out;
        pos = sep + 1;
    }
}

}  // namespace

std::vector<std::string> PostgresConnection::table_names() {
    ResultSet rs = query(
        "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')");
    std::vector<std::string> out;
    for (const auto& row : rs.rows)
        out.push_back(row[0].to_string());
    std::sort(out.begin(), out.end());
    return out;
}

namespace {

void describe_columns(Connection& connection, const Value& oid, IntrospectedTable& out) {
    ResultSet columns = connection.query(
        "SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, "
        "pg_get_expr(d.adbin, d.adrelid), a.attidentity <> '', "
        "EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = a.attrelid AND i.indisprimary "
        "AND a.attnum = ANY (i.indkey)) "
        "FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND "
        "d.adnum = a.attnum "
        "WHERE a.attrelid = $1 AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum",
        {oid});
    for (const auto& row : columns.rows) {
        IntrospectedColumn c;
        c.name = row[0].to_string();
        c.type = normalise_type(row[1].to_string());
        c.nullable = !row[2].as_bool();
        if (!row[3].is_null()) c.default_value = row[3].to_string();
        const bool identity = row[4].as_bool();
        // serial is an integer column whose default draws from its own sequence.
        const bool serial = c.default_value && c.default_value->rfind("nextval(", 0) == 0;
        c.auto_increment = identity || serial;
        c.primary_key = row[5].as_bool();
        out.columns.push_back(std::move(c));
    }
}

void describe_foreign_keys(Connection& connection, const Value& oid, IntrospectedTable& out) {
    ResultSet fks = connection.query(
        "SELECT con.conname, a.attname, ft.relname, fa.attname, con.confdeltype "
        "FROM pg_constraint con JOIN pg_class ft ON ft.oid = con.confrelid "
        "CROSS JOIN LATERAL unnest(con.conkey, con.confkey) WITH ORDINALITY AS k(attnum, "
        "fattnum, ord) "
        "JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum "
        "JOIN pg_attribute fa ON fa.attrelid = con.confrelid AND fa.attnum = k.fattnum "
        "WHERE con.conrelid = $1 AND con.contype = 'f' ORDER BY con.conname, k.ord",
        {oid});
    for (const auto& row : fks.rows)
        out.foreign_keys.push_back({row[0].to_string(), row[1].to_string(), row[2].to_string(),
                                    row[3].to_string(), on_delete_action(row[4].to_string())});
}

void describe_indexes(Connection& connection, const Value& oid, IntrospectedTable& out) {
    // Key columns in index order; an expression stands for itself.
    ResultSet indexes = connection.query(
        "SELECT ic.relname, i.indisunique, i.indisprimary, pg_get_expr(i.indpred, i.indrelid), "
        "(SELECT string_agg(coalesce(a.attname, pg_get_indexdef(i.indexrelid, k.ord::int, "
        "true)), chr(31) ORDER BY k.ord) "
        " FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord) "
        " LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum "
        "   AND k.attnum > 0 "
        " WHERE k.ord <= i.indnkeyatts) "
        "FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid "
        "WHERE i.indrelid = $1 ORDER BY ic.relname",
        {oid});
    for (const auto& row : indexes.rows) {
        IntrospectedIndex index;
        index.name = row[0].to_string();
        index.unique = row[1].as_bool();
        index.primary = row[2].as_bool();
        if (!row[3].is_null()) index.where = strip_outer_parentheses(row[3].to_string());
        if (!row[4].is_null()) index.columns = split_names(row[4].to_string());
        out.indexes.push_back(std::move(index));
    }
}

}  // namespace

IntrospectedTable PostgresConnection::describe_table(const std::string& table) {
    ResultSet found = query(
        "SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = current_schema() AND c.relname = $1 AND c.relkind IN ('r', 'p')",
        {table});
    if (found.rows.empty()) throw DatabaseError("table '" + table + "' does not exist");
    const Value oid = found.rows[0][0];
    IntrospectedTable out;
    out.name = table;

    describe_columns(*this, oid, out);
    describe_foreign_keys(*this, oid, out);
    describe_indexes(*this, oid, out);
    return out;
}

}  // namespace covet
