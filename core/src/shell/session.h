// One shell session: the database, the models of the migrations, the
// variables assigned so far and the settings the meta-commands change. It
// evaluates statements (evaluator.cpp and its neighbours) and never builds
// SQL itself: every query goes through the ORM (covet/queryset.h), the one
// exception being raw('...').
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <string>

#include "covet/database.h"
#include "covet/models.h"
#include "shell/shell_value.h"
#include "shell/statement.h"

namespace covet::shell {

enum class OutputFormat { Table, Json, Csv };
enum class Expanded { Off, On, Auto };  // `.x`: one field per line (psql's \x)

struct Settings {
    OutputFormat format = OutputFormat::Table;
    bool echo_sql = false;  // `.sql on`
    bool timing = false;    // `.timing on`
    Expanded expanded = Expanded::Off;
    bool sandbox = false;  // --sandbox: raw() may not end or outlive its transaction
};

class Session {
  public:
    Session(Database db, Models models);

    const Database& database() const { return db_; }
    const Models& models() const { return models_; }
    Settings& settings() { return settings_; }
    const Settings& settings() const { return settings_; }
    const std::map<std::string, ShellValue>& variables() const { return variables_; }

    // Runs one statement. The value to print, or nullopt for an assignment
    // or a call that returns nothing (save(), add(), ...). Throws the ORM's
    // typed errors (DoesNotExist, QueryError naming the valid choices, ...).
    std::optional<ShellValue> run(const Statement& statement);

    // Asked before an update() or delete() over a queryset with no filter
    // (pgcli's destructive warning); returning false cancels the statement
    // with an error. Unset (scripts, -e): never asks.
    std::function<bool(const std::string& what)> confirm_destructive;

  private:
    Database db_;
    Models models_;
    Settings settings_;
    std::map<std::string, ShellValue> variables_;
};

}  // namespace covet::shell
