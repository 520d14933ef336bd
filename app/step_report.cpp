#include "step_report.h"

#include <ostream>

#include "migrate/locked_run.h"
#include "util/json_writer.h"

namespace covet::cli {

namespace {

void write_steps(JsonWriter& json, const std::vector<StepResult>& steps, bool backwards) {
    json.begin_array();
    for (const auto& s : steps) {
        if (s.backwards != backwards) continue;
        json.begin_object()
            .key("app")
            .string(s.key.app)
            .key("name")
            .string(s.key.name)
            .key("duration_ms")
            .number(s.duration_ms)
            .end_object();
    }
    json.end_array();
}

}  // namespace

void print_step(CommandContext& ctx, const StepResult& step, bool fake) {
    if (ctx.json() || ctx.quiet()) return;
    write_step_line(ctx.out(), step, fake);
}

void report_steps(CommandContext& ctx, const std::vector<StepResult>& done) {
    if (!ctx.json()) return;
    JsonWriter json;
    json.begin_object().key("applied");
    write_steps(json, done, false);
    json.key("rolled_back");
    write_steps(json, done, true);
    json.end_object();
    ctx.out() << json.str() << "\n";
}

}  // namespace covet::cli
