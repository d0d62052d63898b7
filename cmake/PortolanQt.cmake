# SPDX-License-Identifier: GPL-3.0-or-later
# Static Qt (the MinGW cross-build's, scripts/build-qt-windows): an executable gets only the
# default plugins of its platform (qwindows, the vista style, qsqlite). The tests under Wine and
# `portolan -platform offscreen` need the offscreen platform too, so every executable of the
# project imports it. Shared Qt (Linux, MSVC with the official Qt) loads plugins at run time and
# needs nothing here.
get_target_property(_portolan_qt_core_type Qt6::Core TYPE)
if(NOT _portolan_qt_core_type STREQUAL "STATIC_LIBRARY")
    return()
endif()
# The plugin's imported target must be visible where the deferred call below runs.
find_package(Qt6 6.4 REQUIRED COMPONENTS Gui)

function(_portolan_import_static_qt_plugins dir)
    get_property(targets DIRECTORY "${dir}" PROPERTY BUILDSYSTEM_TARGETS)
    foreach(target IN LISTS targets)
        get_target_property(type ${target} TYPE)
        if(type STREQUAL "EXECUTABLE")
            qt_import_plugins(${target} INCLUDE Qt6::QOffscreenIntegrationPlugin)
        endif()
    endforeach()
    get_property(subdirs DIRECTORY "${dir}" PROPERTY SUBDIRECTORIES)
    foreach(subdir IN LISTS subdirs)
        _portolan_import_static_qt_plugins("${subdir}")
    endforeach()
endfunction()

# After every directory has added its executables; the plugin list is read at generation time.
cmake_language(DEFER DIRECTORY "${PROJECT_SOURCE_DIR}" CALL _portolan_import_static_qt_plugins
               "${PROJECT_SOURCE_DIR}")
