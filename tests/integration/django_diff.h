// The differential test against Django 3.2 (issue 9, "ORM results are
// compared with Django's own answers on the same database"): the schema
// and seed rows (django_diff.cpp), and each query written with covet's ORM
// (django_diff_queries*.cpp) in the shape tests/django/django_diff.py prints
// Django's answer: records as objects by column attname, values() as
// objects, values_list() as arrays, values in the JSON encoding of SPEC.md §6.
#pragma once

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "orm_harness.h"

namespace covet::test {

extern const char* const kDiffSchema;

// Authors, tags, books (FK, nullable FK, M2M) and reviews, with NULLs,
// unicode and rows with several and with no related rows.
void seed_diff_rows(OrmHarness& o);

using DiffQuery = std::pair<std::string, std::function<nlohmann::json()>>;
// In the order of django_diff.py's queries().
std::vector<DiffQuery> diff_lookup_queries(OrmHarness& o);
std::vector<DiffQuery> diff_aggregate_queries(OrmHarness& o);
std::vector<DiffQuery> diff_method_queries(OrmHarness& o);
std::vector<DiffQuery> diff_edge_queries(OrmHarness& o);
std::vector<DiffQuery> diff_more_queries(OrmHarness& o);
std::vector<DiffQuery> diff_row_queries(OrmHarness& o);

// Result shapes.
nlohmann::json record_json(const Record& record);
nlohmann::json recs(const QuerySet& qs);
nlohmann::json vals(const QuerySet& qs);   // values(): objects
nlohmann::json vlist(const QuerySet& qs);  // values_list(): arrays
nlohmann::json flat(const QuerySet& qs);   // values_list(flat=True)
nlohmann::json named(const NamedRow& row);
// fn() inside a transaction that is rolled back.
nlohmann::json rolled_back(OrmHarness& o, const std::function<nlohmann::json()>& fn);

}  // namespace covet::test
