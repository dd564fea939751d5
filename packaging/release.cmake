# The release build (ZAPROS_RELEASE, make package and make dist): the same bytes from any build
# directory, Debian's hardening flags, and a RUNPATH for the tarball's bundled libraries.
#
# No path of the build machine in the binary: source and build directories are mapped to fixed
# names (__FILE__ in assertions, any debug string).
add_compile_options(-ffile-prefix-map=${PROJECT_SOURCE_DIR}=. -ffile-prefix-map=${PROJECT_BINARY_DIR}=build)
# dpkg-buildflags' hardening for Debian 12 (lintian's hardening-no-relro, -fortify, -bindnow);
# GCC there makes PIE by default.
add_compile_options(-fstack-protector-strong -D_FORTIFY_SOURCE=2 -fcf-protection)
add_link_options(-Wl,-z,relro -Wl,-z,now -Wl,--as-needed)
# The tarball's binary is the build tree's one: it finds libhpdf (and the libpng16 and zlib libhpdf
# needs) in ../lib. cmake --install drops the RUNPATH, so the .deb's /usr/bin/zapros has none.
set(CMAKE_BUILD_RPATH "\$ORIGIN/../lib")
set(CMAKE_INSTALL_RPATH "")
# glibc 2.35 is enough for the tarball (packaging/dist.sh checks it): arc4random our own.
set(ZAPROS_RELEASE_SOURCES ${PROJECT_SOURCE_DIR}/packaging/glibc_floor.cpp)
