#define CATCH_CONFIG_RUNNER
#include <cstdlib>

#include <catch2/catch.hpp>

int main(int argc, char* argv[]) {
    // GitHub's CI sets GITHUB_ACTIONS=true, which makes zapros print annotations instead of
    // FILE:LINE:COL: every process the tests start (zapros, make, the starter's Makefile) inherits
    // the environment without it, and the tests of the github format set it themselves.
    unsetenv("GITHUB_ACTIONS");
    return Catch::Session().run(argc, argv);
}
