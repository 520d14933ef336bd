#include "covet/journal.h"

#include <algorithm>
#include <map>

#include "covet/introspector.h"
#include "migrate/recorder_models.h"

namespace covet {

bool JournalOperation::started() const {
    return std::any_of(done.begin(), done.end(), [](bool d) { return d; });
}

bool JournalOperation::finished() const {
    return std::all_of(done.begin(), done.end(), [](bool d) { return d; });
}

std::size_t JournalEntry::revert_count(bool* in_flight) const {
    for (std::size_t i = 0; i < operations.size(); ++i)
        if (!operations[i].finished()) {
            if (in_flight) *in_flight = true;
            return i + 1;
        }
    if (in_flight) *in_flight = false;
    return operations.size();
}

std::vector<std::string> JournalEntry::revert_statements() const {
    std::vector<std::string> out;
    for (std::size_t i = revert_count(); i-- > 0;)
        if (operations[i].undo_known)
            out.insert(out.end(), operations[i].undo.begin(), operations[i].undo.end());
    return out;
}

namespace {
// Row kinds: a forward statement, an undo statement, or a marker that the
// operation has no undo.
constexpr int kForward = 0;
constexpr int kUndo = 1;
constexpr int kNoUndo = 2;
}  // namespace

void MigrationJournal::ensure_schema() {
    if (!introspector_of(connection_).table_exists(kTable))
        create_own_table(connection_, journal_model());
}

std::optional<JournalEntry> MigrationJournal::read() {
    if (!introspector_of(connection_).table_exists(kTable)) return std::nullopt;
    const Dialect& d = connection_.dialect();
    auto q = [&](const char* n) { return d.quote_name(n); };
    ResultSet rs = connection_.query(
        "SELECT " + q("app") + ", " + q("name") + ", " + q("backwards") + ", " + q("operation") +
        ", " + q("kind") + ", " + q("seq") + ", " + q("statement") + ", " + q("done") + " FROM " +
        q(kTable) + " ORDER BY " + q("operation") + ", " + q("kind") + ", " + q("seq"));
    if (rs.rows.empty()) return std::nullopt;
    JournalEntry entry;
    entry.key = {rs.rows[0][0].to_string(), rs.rows[0][1].to_string()};
    entry.backwards = rs.rows[0][2].as_int() != 0;
    std::map<int, JournalOperation> ops;
    for (const auto& row : rs.rows) {
        int index = static_cast<int>(row[3].as_int());
        JournalOperation& op = ops[index];
        op.index = index;
        switch (row[4].as_int()) {
            case kForward:
                op.statements.push_back(row[6].to_string());
                op.done.push_back(row[7].as_int() != 0);
                break;
            case kUndo:
                op.undo.push_back(row[6].to_string());
                break;
            default:
                op.undo_known = false;
        }
    }
    for (auto& [index, op] : ops)
        entry.operations.push_back(std::move(op));
    return entry;
}

void MigrationJournal::begin(const JournalEntry& entry) {
    ensure_schema();
    const Dialect& d = connection_.dialect();
    auto q = [&](const char* n) { return d.quote_name(n); };
    std::string insert = "INSERT INTO " + q(kTable) + " (" + q("app") + ", " + q("name") + ", " +
                         q("backwards") + ", " + q("operation") + ", " + q("kind") + ", " +
                         q("seq") + ", " + q("statement") + ", " + q("done") + ") VALUES ";
    // One multi-row INSERT: where every statement commits on its own, each
    // journal write costs a flush, so the whole step is written at once.
    std::vector<Value> params;
    auto add = [&](int op, int kind, int seq, const std::string& sql) {
        insert += params.empty() ? "(" : ", (";
        for (int i = 0; i < 8; ++i)
            insert += (i ? ", " : "") + d.placeholder(static_cast<int>(params.size()) + i + 1);
        insert += ")";
        for (Value v : std::initializer_list<Value>{entry.key.app, entry.key.name,
                                                    entry.backwards ? 1 : 0, op, kind, seq, sql, 0})
            params.push_back(std::move(v));
    };
    for (const auto& op : entry.operations) {
        for (std::size_t s = 0; s < op.statements.size(); ++s)
            add(op.index, kForward, static_cast<int>(s), op.statements[s]);
        for (std::size_t s = 0; s < op.undo.size(); ++s)
            add(op.index, kUndo, static_cast<int>(s), op.undo[s]);
        if (!op.undo_known) add(op.index, kNoUndo, 0, "");
    }
    if (!params.empty()) connection_.execute(insert, params);
}

void MigrationJournal::mark_undone(int operation) {
    const Dialect& d = connection_.dialect();
    auto q = [&](const char* n) { return d.quote_name(n); };
    connection_.execute("UPDATE " + q(kTable) + " SET " + q("done") + " = 0 WHERE " +
                            q("operation") + " = " + d.placeholder(1) + " AND " + q("kind") +
                            " = " + std::to_string(kForward),
                        {operation});
}

void MigrationJournal::mark_done(int operation, int statement) {
    const Dialect& d = connection_.dialect();
    auto q = [&](const char* n) { return d.quote_name(n); };
    connection_.execute("UPDATE " + q(kTable) + " SET " + q("done") + " = 1 WHERE " +
                            q("operation") + " = " + d.placeholder(1) + " AND " + q("kind") +
                            " = " + std::to_string(kForward) + " AND " + q("seq") + " = " +
                            d.placeholder(2),
                        {operation, statement});
}

void MigrationJournal::clear() {
    if (introspector_of(connection_).table_exists(kTable))
        connection_.execute("DELETE FROM " + connection_.dialect().quote_name(kTable));
}

}  // namespace covet
