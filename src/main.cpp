#include <csignal>
#include <malloc.h>

#include "cli/cli.hpp"

int main(int argc, char** argv) {
    // Past a file size limit (ulimit -f) a write fails with EFBIG instead of killing the process:
    // zapros then removes its temporary file and exits 3, leaving any existing PDF as it was.
    std::signal(SIGXFSZ, SIG_IGN);
    mallopt(M_MMAP_THRESHOLD, 64 << 20);
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
    return zapros::cli::main(argc, argv);
}
