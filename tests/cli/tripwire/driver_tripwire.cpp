// A stand-in driver module that ends the process the moment it is loaded:
// copied in as covet_postgres.so / covet_mysql.so, it proves whether a run
// tried to load a driver at all, even one that would ignore a load error.
#include <unistd.h>

namespace {

[[gnu::constructor]] void end_on_load() {
    static const char message[] = "covet driver tripwire loaded\n";
    ssize_t ignored = write(STDERR_FILENO, message, sizeof message - 1);
    (void)ignored;
    _exit(97);
}

}  // namespace
