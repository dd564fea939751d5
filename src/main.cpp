#include "cli/cli.hpp"

int main(int argc, char** argv) { return zapros::cli::main(argc, argv); }
