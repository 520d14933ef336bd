// A small fixed blog for the QuerySet read tests, inserted with plain SQL
// (bound parameters), so that every expected answer below can be worked
// out by hand from this table:
//
//   profiles  1 bio 'writer'          2 bio ''
//   users     1 alice  age 30 active  profile 1
//             2 bob    age 25 active  profile 2
//             3 carol  age NULL inactive, no profile
//             4 dave   age 40 active, no profile, no posts
//   tags      1 python   2 sql   3 rust
//   posts     id title         author views rating published    tags
//             1 Intro          alice   10   4.50  2024-01-10   python, sql
//             2 Deep dive      alice 2000   3.25  2024-02-10   python
//             3 Bob's notes    bob    500   NULL  NULL         sql, rust
//             4 SQL tips       bob   1500   5.00  2024-03-01   sql
//             5 Draft 100%_x   carol    0   2.00  NULL         (none)
//   comments  1 post 1 by bob 'nice' 2024-01-11    2 post 1 by carol 'meh' NULL
//             3 post 2 by bob 'great' 2024-02-11   4 post 4 by alice 'thanks' 2024-03-02
//   people    1 ann (friends: 2 bo; follows 2, 3; mentor none)
//             2 bo  (friends: 1 ann; follows 3; mentor 1)   3 cy (mentor 1)
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "orm_harness.h"

namespace covet::test {

void insert_row(OrmHarness& o, const std::string& table,
                const std::vector<std::pair<std::string, Value>>& columns);
void insert_blog(OrmHarness& o);

// The values of one field of every record, in the queryset's order.
std::vector<std::string> texts(const QuerySet& set, const std::string& field);
std::vector<std::int64_t> ids(const QuerySet& set);
std::vector<std::string> sorted(std::vector<std::string> values);
std::vector<std::int64_t> sorted(std::vector<std::int64_t> values);

}  // namespace covet::test
