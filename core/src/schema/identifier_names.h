// Names covet gives to the constraints and indexes it creates. They are
// computed from the migration state alone, so dropping or renaming one later
// needs no look-up in the live database.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace covet {

// Keeps a name within the dialect's identifier limit: a longer one is cut to
// max_length - 9 characters, then `_` and 8 hex digits of its MD5, so two long
// names that share a prefix still differ.
std::string fit_identifier(const std::string& name, std::size_t max_length);

// <table>_<column>_fk_<target_table>_<target_column>
std::string foreign_key_name(const std::string& table, const std::string& column,
                             const std::string& target_table, const std::string& target_column,
                             std::size_t max_length);
// <table>_<c1>[_<c2>...]_idx
std::string index_name(const std::string& table, const std::vector<std::string>& columns,
                       std::size_t max_length);
// <table>_<c1>_<c2>..._uniq, for unique_together and for a single unique column.
std::string unique_name(const std::string& table, const std::vector<std::string>& columns,
                        std::size_t max_length);

// The name a dropped table (or column, with `column`) has while it waits
// aside for the end of its migration: _covet_dropped_<table>[__<column>].
std::string set_aside_name(const std::string& table, const std::string& column,
                           std::size_t max_length);

}  // namespace covet
