#include <iomanip>
#include <map>
#include <memory>

#include "commands.h"
#include "migration_status.h"
#include "util/json_writer.h"

namespace covet::cli {

namespace {
struct ShowArgs {
    bool plan = false;
    bool check = false;
};

void print_row(std::ostream& out, const MigrationStatusRow& row, const std::string& name,
               std::size_t width) {
    out << "  " << status_mark(row.status) << " " << std::left << std::setw(static_cast<int>(width))
        << name << "  " << std::setw(8) << status_name(row.status) << "  " << std::setw(19)
        << (row.applied_at.empty() ? "-" : row.applied_at) << "  " << row.checksum << "\n";
}
}  // namespace

CommandRun add_showmigrations_command(CLI::App& app) {
    auto args = std::make_shared<ShowArgs>();
    CLI::App* cmd = app.add_subcommand("showmigrations", "List every migration with its status");
    cmd->add_flag("--plan", args->plan, "list in the order they apply, with app names");
    cmd->add_flag("--check", args->check, "exit 3 if any migration is not applied");
    return [args](CommandContext& ctx) {
        auto rows = migration_statuses(ctx);
        bool all_applied = std::all_of(rows.begin(), rows.end(), [](const auto& r) {
            return r.status == MigrationStatus::Applied;
        });
        if (ctx.json()) {
            JsonWriter json;
            json.begin_object().key("migrations").begin_array();
            for (const auto& row : rows) {
                json.begin_object()
                    .key("app")
                    .string(row.key.app)
                    .key("name")
                    .string(row.key.name)
                    .key("status")
                    .string(status_name(row.status))
                    .key("applied_at");
                if (row.applied_at.empty())
                    json.null();
                else
                    json.string(row.applied_at);
                json.key("checksum").string(row.checksum);
                if (row.status == MigrationStatus::Modified)
                    json.key("recorded_checksum").string(row.recorded_checksum);
                json.end_object();
            }
            json.end_array().end_object();
            ctx.out() << json.str() << "\n";
        } else if (args->plan) {
            std::size_t width = 0;
            for (const auto& row : rows)
                width = std::max(width, row.key.to_string().size());
            for (const auto& row : rows)
                print_row(ctx.out(), row, row.key.to_string(), width);
        } else {
            std::map<std::string, std::vector<const MigrationStatusRow*>> by_app;
            std::size_t width = 0;
            for (const auto& row : rows) {
                by_app[row.key.app].push_back(&row);
                width = std::max(width, row.key.name.size());
            }
            for (const auto& [app_name, app_rows] : by_app) {
                ctx.out() << app_name << "\n";
                for (const auto* row : app_rows)
                    print_row(ctx.out(), *row, row->key.name, width);
            }
            if (rows.empty()) ctx.out() << "(no migrations)\n";
        }
        return args->check && !all_applied ? kExitFinding : kExitOk;
    };
}

}  // namespace covet::cli
