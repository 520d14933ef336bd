// Rows of the ORM test schema made through QuerySet::create, for the tests
// of records, related managers, bulk writes and deletion.
#pragma once

#include <string>

#include "orm_raw_sql.h"

namespace covet::test {

inline Record make_user(OrmHarness& o, const std::string& name) {
    return o.objects("User").create({{"name", name}, {"email", name + "@example.com"}});
}

inline Record make_post(OrmHarness& o, const Record& author, const std::string& title) {
    return o.objects("Post").create({{"title", title}, {"author", author.pk()}});
}

inline Record make_tag(OrmHarness& o, const std::string& name) {
    return o.objects("Tag").create({{"name", name}});
}

inline Record make_person(OrmHarness& o, const std::string& name) {
    return o.objects("Person").create({{"name", name}});
}

inline Record make_comment(OrmHarness& o, const Record& post, const Record& author) {
    return o.objects("Comment").create(
        {{"post", post.pk()}, {"author", author.pk()}, {"text", "hi"}});
}

inline std::int64_t count_rows(OrmHarness& o, const std::string& table) {
    return raw_int(o, "SELECT COUNT(*) FROM \"" + table + "\"");
}

// The statements run while `body` runs whose text starts with `prefix`.
template <class F>
int statements_starting(OrmHarness& o, const std::string& prefix, F&& body) {
    auto seen = std::make_shared<int>(0);
    o.db.set_sql_log([seen, prefix](const std::string& sql, double) {
        if (sql.rfind(prefix, 0) == 0) ++*seen;
    });
    body();
    o.db.set_sql_log(nullptr);
    return *seen;
}

}  // namespace covet::test
