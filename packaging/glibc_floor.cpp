// Release builds only (packaging/release.cmake): keeps the tarball's glibc floor at 2.35
// (Ubuntu 22.04) instead of 2.36. The static libstdc++ of GCC 12 carries std::random_device, which
// calls arc4random, new in glibc 2.36; it is linked in because the COW-string instantiations
// reference it, though zapros seeds its temporary names from it only once per thread. This
// definition, in the binary itself, is what the linker binds instead of glibc's versioned one.
#include <sys/random.h>

#include <chrono>
#include <cstdint>

extern "C" std::uint32_t arc4random() {
    std::uint32_t r = 0;
    if (::getrandom(&r, sizeof r, 0) == static_cast<ssize_t>(sizeof r)) return r;
    // A kernel without getrandom (before 3.17): the clock, as the caller only needs distinct names.
    return static_cast<std::uint32_t>(std::chrono::steady_clock::now().time_since_epoch().count());
}
