# SPDX-License-Identifier: GPL-3.0-or-later
# Installation rules and the Debian package: `cpack -G DEB` in a Release build dir
# makes portolan_<version>_<arch>.deb; scripts/check-deb builds, installs and runs it.
# Included from the top-level CMakeLists.txt after the targets exist.
include(GNUInstallDirs)

# The executables go to bin/ everywhere (the Windows installer picks them up from there too);
# the rest of the layout below is the freedesktop one and only applies to Linux.
foreach(_portolan_exe portolan portolan-cli)
    if(TARGET ${_portolan_exe})
        install(TARGETS ${_portolan_exe} RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}")
    endif()
endforeach()

if(NOT (UNIX AND NOT APPLE))
    return()
endif()

install(DIRECTORY "${PROJECT_SOURCE_DIR}/resources/scenarios/"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/portolan/scenarios"
        FILES_MATCHING PATTERN "*.json")
if(TARGET portolan)
    install(FILES "${PROJECT_SOURCE_DIR}/resources/desktop/portolan.desktop"
            DESTINATION "${CMAKE_INSTALL_DATADIR}/applications")
    install(FILES "${PROJECT_SOURCE_DIR}/resources/desktop/portolan.svg"
            DESTINATION "${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps")
    install(FILES "${PROJECT_SOURCE_DIR}/resources/desktop/org.portolan.Portolan.metainfo.xml"
            DESTINATION "${CMAKE_INSTALL_DATADIR}/metainfo")
endif()
# The machine-readable (DEP-5) copyright file Debian expects, and the notices of the components
# the Windows installer links statically (the copyright file points to them). Component
# "notices" so that tests/app's copyright test can install just these two.
install(FILES "${PROJECT_SOURCE_DIR}/resources/notices/copyright"
              "${PROJECT_SOURCE_DIR}/resources/notices/THIRD-PARTY-NOTICES.txt"
        DESTINATION "${CMAKE_INSTALL_DATAROOTDIR}/doc/portolan" COMPONENT notices)
# Man pages, gzipped as Debian expects them.
foreach(_portolan_man portolan.1 portolan-cli.1)
    set(_portolan_man_src "${PROJECT_SOURCE_DIR}/resources/man/${_portolan_man}")
    set(_portolan_man_gz "${PROJECT_BINARY_DIR}/man/${_portolan_man}.gz")
    file(MAKE_DIRECTORY "${PROJECT_BINARY_DIR}/man")
    set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${_portolan_man_src}")
    file(ARCHIVE_CREATE OUTPUT "${_portolan_man_gz}" PATHS "${_portolan_man_src}"
         FORMAT raw COMPRESSION GZip)
    install(FILES "${_portolan_man_gz}" DESTINATION "${CMAKE_INSTALL_MANDIR}/man1")
endforeach()

set(CPACK_PACKAGE_NAME "portolan")
set(CPACK_PACKAGE_VENDOR "Portolan")
set(CPACK_PACKAGE_CONTACT "Portolan maintainers <portolan@example.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Port reservation console (persistent TCP/UDP reservations)")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "portolan")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_STRIP_FILES ON)
if(NOT CPACK_GENERATOR)
    set(CPACK_GENERATOR "DEB")
endif()

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # portolan_0.1.0_amd64.deb
set(CPACK_DEBIAN_PACKAGE_SECTION "net")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
string(CONCAT CPACK_PACKAGE_DESCRIPTION
    "Portolan manages persistent TCP/UDP port reservations (the Windows\n"
    "excludedportrange), shows the port map, runs bind probes and scans, and keeps\n"
    "their history. On Linux it works on a simulated Windows machine or on the\n"
    "kernel's ip_local_reserved_ports. The package has the console (portolan, in\n"
    "English and Portuguese) and the command line (portolan-cli).")
# The shared libraries come from dpkg-shlibdeps; what Qt loads at run time as plugins does
# not show up there: the SQLite driver (the store) and the VNC platform plugin, which --help
# offers for machines without a display (xcb and offscreen come with libqt6gui6).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, qt6-qpa-plugins")
# Qt's own pt_BR strings (standard buttons) for the Portuguese console.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-translations-l10n")

include(CPack)
