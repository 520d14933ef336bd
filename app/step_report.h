// What a migrate or rollback run prints about each step: a line per step
// as it finishes, and with --format json one object listing them at the end.
#pragma once

#include <vector>

#include "command_context.h"
#include "covet/executor.h"

namespace covet::cli {

// "Applying app.0001_x... OK (12 ms)" unless the output is JSON or quiet.
void print_step(CommandContext& ctx, const StepResult& step, bool fake);

// {"applied": [...], "rolled_back": [...]} when the output is JSON.
void report_steps(CommandContext& ctx, const std::vector<StepResult>& done);

}  // namespace covet::cli
