// An application that carries its own migrations in C++ and embeds the whole
// covet command line: `covet_example_cpp migrate`, `... showmigrations`, ...
#include "covet/cli.h"
#include "covet/registry.h"

namespace {

covet::MigrationRegistry shop_migrations() {
    covet::MigrationRegistry registry;
    registry.add("shop", "0001_initial")
        .operations.push_back(covet::ops::create_table(
            "products", {{"id", "AutoField(primary_key=True)"},
                         {"name", "CharField(max_length=100)"},
                         {"price", "DecimalField(max_digits=10, decimal_places=2)"}}));
    registry.add("shop", "0002_add_stock", {"0001_initial"})
        .operations.push_back(
            covet::ops::add_column("products", "stock", "IntegerField(default=0)"));
    return registry;
}

}  // namespace

int main(int argc, char** argv) {
    const covet::MigrationRegistry registry = shop_migrations();
    return covet::cli::main(argc, argv, registry);
}
