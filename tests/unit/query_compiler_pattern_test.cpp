// Golden SQL of the pattern lookups on each dialect (SPEC.md §7: the i...
// lookups ignore case, the others do not, and % _ \ match literally).
#include "query_compiler_support.h"

using namespace covet;
using namespace covet::compiler_test;

namespace {

struct Compiled {
    std::string where;
    std::vector<Value> params;
};

Compiled where_of(const Dialect& dialect, const std::string& lookup, const std::string& value) {
    Query q = filtered("Tag", {Q{{"name__" + lookup, value}}});
    const CompiledSelect s = compiler(dialect).select(q);
    return {s.sql.substr(s.sql.find(" WHERE ") + 7), s.params};
}

}  // namespace

TEST_CASE("query compiler: SQLite matches case-sensitive patterns by GLOB, the others by LIKE") {
    const std::string col = "\"tags\".\"name\"";
    CHECK(where_of(sqlite, "contains", "a*b?[c]%").where == col + " GLOB ?");
    CHECK(where_of(sqlite, "contains", "a*b?[c]%").params ==
          std::vector<Value>{Value("*a[*]b[?][[]c]%*")});
    CHECK(where_of(sqlite, "startswith", "x").params == std::vector<Value>{Value("x*")});
    CHECK(where_of(sqlite, "endswith", "x").params == std::vector<Value>{Value("*x")});
    CHECK(where_of(sqlite, "icontains", "5%_\\").where == col + " LIKE ? ESCAPE '\\'");
    CHECK(where_of(sqlite, "icontains", "5%_\\").params ==
          std::vector<Value>{Value("%5\\%\\_\\\\%")});
    CHECK(where_of(sqlite, "iexact", "Ab").where == col + " LIKE ? ESCAPE '\\'");
    CHECK(where_of(sqlite, "iexact", "Ab").params == std::vector<Value>{Value("Ab")});
    CHECK(where_of(sqlite, "istartswith", "a").params == std::vector<Value>{Value("a%")});
    CHECK(where_of(sqlite, "iendswith", "a").params == std::vector<Value>{Value("%a")});
    CHECK(where_of(sqlite, "regex", "^a.").where == col + " REGEXP ?");
    CHECK(where_of(sqlite, "iregex", "^a.").where == "covet_iregexp(?, " + col + ")");
    CHECK(where_of(sqlite, "iregex", "^a.").params == std::vector<Value>{Value("^a.")});
}

TEST_CASE("query compiler: PostgreSQL LIKE for case-sensitive, UPPER for the i lookups, ~ and ~*") {
    const std::string col = "\"tags\".\"name\"";
    CHECK(where_of(postgres, "contains", "a%").where == col + "::text LIKE $1");
    CHECK(where_of(postgres, "contains", "a%").params == std::vector<Value>{Value("%a\\%%")});
    CHECK(where_of(postgres, "endswith", "a_").where == col + "::text LIKE $1");
    CHECK(where_of(postgres, "icontains", "a").where == "UPPER(" + col + "::text) LIKE UPPER($1)");
    CHECK(where_of(postgres, "iexact", "a").where == "UPPER(" + col + "::text) LIKE UPPER($1)");
    CHECK(where_of(postgres, "regex", "a").where == col + "::text ~ $1");
    CHECK(where_of(postgres, "iregex", "a").where == col + "::text ~* $1");
}

TEST_CASE("query compiler: MySQL LIKE BINARY and REGEXP BINARY for the case-sensitive lookups") {
    const std::string col = "`tags`.`name`";
    CHECK(where_of(mysql, "contains", "a").where == col + " LIKE BINARY ?");
    CHECK(where_of(mysql, "startswith", "a\\").params == std::vector<Value>{Value("a\\\\%")});
    CHECK(where_of(mysql, "icontains", "a").where == col + " LIKE ?");
    CHECK(where_of(mysql, "iexact", "a").where == col + " LIKE ?");
    CHECK(where_of(mysql, "regex", "a").where == col + " REGEXP BINARY ?");
    CHECK(where_of(mysql, "iregex", "a").where == col + " REGEXP ?");
}
