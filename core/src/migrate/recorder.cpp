#include "covet/recorder.h"

#include <ctime>

#include "covet/dialect.h"
#include "covet/introspector.h"
#include "migrate/recorder_models.h"

namespace covet {

std::string utc_now_text() {
    std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &tm);
    return buf;
}

namespace {
// Databases hand timestamps back in their own shapes; users see ISO 8601.
std::string iso_timestamp(const Value& v) {
    std::string text = v.is_null() ? "" : v.to_string();
    if (text.size() >= 19) {
        text = text.substr(0, 19);
        text[10] = 'T';
    }
    return text;
}
}  // namespace

void MigrationRecorder::ensure_schema() {
    if (introspector_of(connection_).table_exists(kTable)) return;
    create_own_table(connection_, history_model());
}

std::map<MigrationKey, AppliedMigration> MigrationRecorder::applied() {
    std::map<MigrationKey, AppliedMigration> out;
    if (!introspector_of(connection_).table_exists(kTable)) return out;
    const Dialect& d = connection_.dialect();
    ResultSet rs = connection_.query(
        "SELECT " + d.quote_name("id") + ", " + d.quote_name("app") + ", " + d.quote_name("name") +
        ", " + d.quote_name("applied_at") + ", " + d.quote_name("checksum") + " FROM " +
        d.quote_name(kTable) + " ORDER BY " + d.quote_name("id"));
    for (const auto& row : rs.rows) {
        AppliedMigration a;
        a.id = row[0].as_int();
        a.applied_at = iso_timestamp(row[3]);
        a.checksum = row[4].is_null() ? "" : row[4].to_string();
        out[{row[1].to_string(), row[2].to_string()}] = a;
    }
    return out;
}

void MigrationRecorder::record_applied(const MigrationKey& key, const std::string& checksum) {
    const Dialect& d = connection_.dialect();
    connection_.execute("INSERT INTO " + d.quote_name(kTable) + " (" + d.quote_name("name") + ", " +
                            d.quote_name("app") + ", " + d.quote_name("applied_at") + ", " +
                            d.quote_name("checksum") + ") VALUES (" + d.placeholder(1) + ", " +
                            d.placeholder(2) + ", " + d.placeholder(3) + ", " + d.placeholder(4) +
                            ")",
                        {key.name, key.app, utc_now_text(), checksum});
}

bool MigrationRecorder::is_applied(const MigrationKey& key) {
    const Dialect& d = connection_.dialect();
    return !connection_
                .query("SELECT 1 FROM " + d.quote_name(kTable) + " WHERE " + d.quote_name("name") +
                           " = " + d.placeholder(1) + " AND " + d.quote_name("app") + " = " +
                           d.placeholder(2),
                       {key.name, key.app})
                .rows.empty();
}

void MigrationRecorder::record_unapplied(const MigrationKey& key) {
    const Dialect& d = connection_.dialect();
    connection_.execute("DELETE FROM " + d.quote_name(kTable) + " WHERE " + d.quote_name("name") +
                            " = " + d.placeholder(1) + " AND " + d.quote_name("app") + " = " +
                            d.placeholder(2),
                        {key.name, key.app});
}

}  // namespace covet
