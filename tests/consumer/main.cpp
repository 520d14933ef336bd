// consumer URL MIGRATIONS_DIR: migrates the database at start-up, then
// writes and reads it through the ORM, as an application would.
#include <iostream>

#include <covet/migrate.h>
#include <covet/orm.h>

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: consumer URL MIGRATIONS_DIR\n";
        return 2;
    }
    try {
        covet::Database db = covet::open(argv[1]);
        covet::MigrateOptions options;
        options.out = &std::cout;
        covet::migrate(db, argv[2], options);
        covet::Models models = covet::models_from_migrations(argv[2]);
        covet::QuerySet users = db.objects(models, "User");
        users.create({{"name", "Ada"}, {"email", "ada@example.com"}});
        users.create({{"name", "Grace"}, {"email", "grace@example.com"}});
        std::cout << "users named like a: " << users.filter({{"name__icontains", "a"}}).count()
                  << ", first: " << users.order_by({"name"}).first()->get("name").as_text() << "\n";
    } catch (const covet::Error& e) {
        std::cerr << "consumer: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
