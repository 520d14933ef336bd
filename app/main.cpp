#include "covet/cli.h"

int main(int argc, char** argv) {
    return covet::cli::main(argc, argv);
}
