#include "covet/dialect.h"
#include "covet/error.h"
#include "covet/operation.h"
#include "covet/schema_editor.h"
#include "migrate/canonical_text.h"

namespace covet {

void RunSql::state_forwards(const std::string&, ProjectState&) const {}

void RunSql::database_forwards(SchemaEditor& editor, const ProjectState&,
                               const ProjectState&) const {
    if (dialect.empty() || dialect == editor.dialect().name()) editor.execute_raw(sql);
}

void RunSql::database_backwards(SchemaEditor& editor, const ProjectState&,
                                const ProjectState&) const {
    // It never ran on another dialect, so there is nothing to undo there.
    if (!dialect.empty() && dialect != editor.dialect().name()) return;
    if (!reverse_sql)
        throw IrreversibleError("run_sql has no reverse_sql and cannot be rolled back");
    if (!reverse_sql->empty()) editor.execute_raw(*reverse_sql);
}

std::string RunSql::describe() const {
    std::string first_line = sql.substr(0, sql.find('\n'));
    if (first_line.size() > 60) first_line = first_line.substr(0, 57) + "...";
    return "Run SQL: " + first_line;
}

std::string RunSql::canonical() const {
    return "run_sql{sql=" + canonical_quote(sql) +
           ",reverse_sql=" + (reverse_sql ? canonical_quote(*reverse_sql) : "null") +
           ",dialect=" + canonical_quote(dialect) + "}";
}

}  // namespace covet
