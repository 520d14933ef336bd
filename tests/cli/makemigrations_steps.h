// The schema changes the makemigrations round-trip test walks through: each
// step is the whole models.yaml after an edit, the flags it needs, and the
// migration file it must write (kept under fixtures/makemigrations).
#pragma once

#include <string>
#include <vector>

namespace covet_test {

struct ModelsStep {
    std::string what;                // the change, for messages
    std::string models;              // the complete models.yaml
    std::vector<std::string> flags;  // extra makemigrations flags
    std::string file;                // the migration it writes
};

std::vector<ModelsStep> makemigrations_steps();

}  // namespace covet_test
