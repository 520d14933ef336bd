// Golden SQL of filters: fields, lookups, Q trees, F, NULL negation.
#include "query_compiler_support.h"

using namespace covet;
using namespace covet::compiler_test;

namespace {

const std::string kPostColumns =
    "SELECT \"posts\".\"id\", \"posts\".\"title\", \"posts\".\"author_id\", "
    "\"posts\".\"view_count\", \"posts\".\"rating\", \"posts\".\"published_at\" FROM \"posts\"";
const std::string kDefaultOrder = " ORDER BY \"posts\".\"published_at\" DESC";

}  // namespace

TEST_CASE("query compiler: all records in the model's default ordering") {
    check_select(query_of("Post"), kPostColumns + kDefaultOrder);
}
