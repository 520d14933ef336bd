// The live schema as the database reports it: tables and their columns,
// keys and indexes. A dialect's connection implements it.
#pragma once

#include <string>
#include <vector>

#include "covet/introspection.h"

namespace covet {

class Connection;

class Introspector {
  public:
    virtual ~Introspector() = default;
    virtual bool table_exists(const std::string& table) = 0;
    // User tables of the connected database/schema, sorted by name
    // (covet_migrations included).
    virtual std::vector<std::string> table_names() = 0;
    // Throws DatabaseError when the table does not exist.
    virtual IntrospectedTable describe_table(const std::string& table) = 0;
};

// The connection's introspector; throws UsageError where it has none.
Introspector& introspector_of(Connection& connection);

}  // namespace covet
