// covet::migrate: the run of `covet migrate` for an application.
#include "covet/migrate.h"
#include "migrate/loaded_migrations.h"
#include "migrate/locked_run.h"

namespace covet {

MigrateResult migrate(const Database& db, const MigrationSource& source,
                      const MigrateOptions& options) {
    check_timeout_seconds("lock_timeout_seconds", options.lock_timeout_seconds);
    check_timeout_seconds("ddl_lock_timeout_seconds", options.ddl_lock_timeout_seconds);
    LoadedMigrations loaded(source, db.dialect());
    std::optional<Target> target;
    if (!options.target.empty()) target = loaded.graph().resolve(options.target);
    LockedRunOptions run_options;
    run_options.fake = options.fake;
    run_options.fake_initial = options.fake_initial;
    run_options.resume = options.resume;
    run_options.lock_timeout_seconds = options.lock_timeout_seconds;
    run_options.ddl_lock_timeout_seconds = options.ddl_lock_timeout_seconds;
    MigrateResult result;
    LockedRunHooks hooks;
    hooks.recovered = [&](const std::string& message) {
        if (options.err) *options.err << message << std::endl;
    };
    hooks.nothing_to_do = [&] {
        if (options.out) *options.out << "No migrations to apply.\n";
    };
    hooks.step = [&](const StepResult& step) {
        result.steps.push_back(step);
        if (options.out) write_step_line(*options.out, step, step.faked);
    };
    auto build = [&target](const PlanInputs& in) { return in.planner.migrate(target); };
    run_migrations_locked(db.connection(), loaded.graph(), loaded.states(), build, run_options,
                          hooks);
    return result;
}

}  // namespace covet
