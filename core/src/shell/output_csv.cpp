// --format csv: RFC 4180. Records end with CRLF, as the RFC says (and as
// Python's csv module writes); a field is quoted when it holds a comma, a
// double quote (doubled), CR or LF. A table has a header row; NULL is an
// empty field and an empty string a quoted one (`""`), as psql's csv. A
// scalar is one line of one field.
#include <string>

#include "shell/output_cells.h"
#include "shell/output_formats.h"
#include "shell/output_repr.h"
#include "shell/output_rows.h"

namespace covet::shell {

namespace {

constexpr const char* kEndOfRecord = "\r\n";

std::string quoted(const std::string& text) {
    if (!text.empty() && text.find_first_of(",\"\r\n") == std::string::npos) return text;
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string field(const Value& value) {
    const std::optional<std::string> text = cell_text(value);
    return text ? quoted(*text) : "";
}

std::string names_line(const std::vector<std::string>& names) {
    std::string line;
    for (std::size_t i = 0; i < names.size(); ++i)
        line += (i ? "," : "") + quoted(names[i]);
    return line + kEndOfRecord;
}

}  // namespace

void print_csv(const ShellValue& value, std::ostream& out) {
    std::unique_ptr<TableRows> rows = table_rows(value);
    if (!rows) {
        const Value* scalar = value.as<Value>();
        out << (scalar ? field(*scalar) : quoted(plain_text(value))) << kEndOfRecord;
        out.flush();
        return;
    }
    out << names_line(rows->columns());
    Row row;
    std::string line;
    bool first = true;
    while (out.good() && rows->next(row)) {
        line.clear();
        for (std::size_t i = 0; i < row.size(); ++i)
            line += (i ? "," : "") + field(row[i]);
        out << line << kEndOfRecord;
        if (first) out.flush();  // a reader sees the first row at once
        first = false;
    }
    out.flush();
}

}  // namespace covet::shell
