#include "shell/output.h"

#include "shell/output_formats.h"
#include "shell/output_repr.h"
#include "shell/output_rows.h"
#include "shell/output_table.h"
#include "util/json_writer.h"

namespace covet::shell {

void print_table(const ShellValue& value, const OutputOptions& options, std::ostream& out) {
    std::unique_ptr<TableRows> rows = table_rows(value);
    if (!rows) {
        out << plain_text(value) << "\n";
        out.flush();
        return;
    }
    TableWriter writer(options, out, rows->columns());
    Row row;
    while (out.good() && rows->next(row))
        writer.add(row);
    writer.finish();
}

void print_value(const ShellValue& value, const OutputOptions& options, std::ostream& out) {
    switch (options.format) {
        case OutputFormat::Json:
            print_json(value, out);
            break;
        case OutputFormat::Csv:
            print_csv(value, out);
            break;
        case OutputFormat::Table:
            print_table(value, options, out);
            break;
    }
}

void print_error(const std::string& type, const std::string& message, OutputFormat format,
                 std::ostream& out) {
    if (format == OutputFormat::Json) {
        JsonWriter writer;
        writer.begin_object().key("error").string(message).key("type").string(type).end_object();
        out << writer.str() << "\n";
    } else {
        out << type << ": " << message << "\n";
    }
    out.flush();
}

}  // namespace covet::shell
