# make package: the .deb (CPack DEB), build/zapros_1.0.0_amd64.deb. Configured with
# CMAKE_INSTALL_PREFIX=/usr by the Makefile, so the compiled-in data directory is /usr/share/zapros.
# Debian's documentation beside the binary: the machine-readable copyright (the fonts' and
# patterns' licences too), the changelog, and the lintian overrides with their reasons.
# The version has no Debian revision, so this is a native package: its changelog is changelog.gz.
add_custom_command(OUTPUT changelog.gz
                   COMMAND gzip -9n -c ${PROJECT_SOURCE_DIR}/packaging/changelog > changelog.gz
                   DEPENDS packaging/changelog VERBATIM)
add_custom_target(debian_changelog ALL DEPENDS changelog.gz)
install(FILES packaging/copyright ${CMAKE_CURRENT_BINARY_DIR}/changelog.gz
        DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/zapros)
install(FILES packaging/lintian-overrides DESTINATION ${CMAKE_INSTALL_DATADIR}/lintian/overrides
        RENAME zapros)
set(CMAKE_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME zapros)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SECTION text)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "zapros maintainers <zapros@users.noreply.github.com>")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://github.com/${ZAPROS_REPOSITORY}")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION [=[typesetter for formal information requests (Markdown to PDF)
zapros typesets formal information requests, such as requests to
authorities under the Russian Mass Media Law, from Markdown with YAML front
matter into print-ready PDF laid out as an organisational letter: the
addressees at the top right, a centred title, justified and hyphenated text,
notes at the foot of their page, a signature block.

It is one small binary with its fonts (PT Serif, DejaVu, Symbola) and
hyphenation patterns (Russian, English): the same input gives the same PDF
bytes on any machine, and every error points at its file, line and column.
It writes make depfiles, so a Makefile rebuilds only the PDFs that changed.]=])
include(CPack)
