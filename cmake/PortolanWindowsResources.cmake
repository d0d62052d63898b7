# SPDX-License-Identifier: GPL-3.0-or-later
# Version resource, application icon and manifest (resources/windows/) for a Windows executable.
# MSVC's linker embeds a .manifest source itself; with MinGW it goes in as RT_MANIFEST (24).
if(WIN32)
    enable_language(RC)
endif()

# portolan_add_windows_resources(<target> DESCRIPTION <text> [FILENAME <installed name>])
function(portolan_add_windows_resources target)
    cmake_parse_arguments(PARSE_ARGV 1 ARG "" "DESCRIPTION;FILENAME" "")
    if(NOT WIN32)
        return()
    endif()
    set(manifest "${PROJECT_SOURCE_DIR}/resources/windows/portolan.manifest")
    # resources/desktop/portolan.svg at 16-256 px; Explorer, the taskbar and Alt+Tab show it.
    set(PORTOLAN_RC_ICON "${PROJECT_SOURCE_DIR}/resources/windows/portolan.ico")
    set(PORTOLAN_RC_TARGET "${target}")
    set(PORTOLAN_RC_DESCRIPTION "${ARG_DESCRIPTION}")
    # The file's name as installed (portolan-com is portolan.com).
    set(PORTOLAN_RC_FILENAME "${target}.exe")
    if(ARG_FILENAME)
        set(PORTOLAN_RC_FILENAME "${ARG_FILENAME}")
    endif()
    if(MSVC)
        set(PORTOLAN_RC_MANIFEST "")
        target_sources(${target} PRIVATE "${manifest}")
    else()
        set(PORTOLAN_RC_MANIFEST "1 24 \"${manifest}\"")
    endif()
    set(rc "${CMAKE_CURRENT_BINARY_DIR}/${target}-resources.rc")
    configure_file("${PROJECT_SOURCE_DIR}/resources/windows/version.rc.in" "${rc}" @ONLY)
    target_sources(${target} PRIVATE "${rc}")
    # windres does not see the manifest and the icon as dependencies of the .rc file.
    set_property(SOURCE "${rc}" APPEND PROPERTY OBJECT_DEPENDS "${manifest}" "${PORTOLAN_RC_ICON}")
endfunction()
