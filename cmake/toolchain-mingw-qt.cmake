# SPDX-License-Identifier: GPL-3.0-or-later
# The MinGW-w64 cross-build against the static Qt for Windows that scripts/build-qt-windows
# makes (preset mingw). Its prefix is $PORTOLAN_QT_WINDOWS, or the keyed cache folder the script
# names (it alone computes the key).
include("${CMAKE_CURRENT_LIST_DIR}/toolchain-mingw.cmake")

if(NOT PORTOLAN_QT_WINDOWS)
    if(DEFINED ENV{PORTOLAN_QT_WINDOWS} AND NOT "$ENV{PORTOLAN_QT_WINDOWS}" STREQUAL "")
        set(PORTOLAN_QT_WINDOWS "$ENV{PORTOLAN_QT_WINDOWS}")
    else()
        execute_process(COMMAND bash "${CMAKE_CURRENT_LIST_DIR}/../scripts/build-qt-windows" --print-prefix
                        OUTPUT_VARIABLE PORTOLAN_QT_WINDOWS OUTPUT_STRIP_TRAILING_WHITESPACE
                        COMMAND_ERROR_IS_FATAL ANY)
    endif()
endif()
if(NOT EXISTS "${PORTOLAN_QT_WINDOWS}/lib/cmake/Qt6/Qt6Config.cmake")
    message(FATAL_ERROR "No Qt for Windows in ${PORTOLAN_QT_WINDOWS}: run scripts/build-qt-windows "
                        "(or set PORTOLAN_QT_WINDOWS to where it installed one)")
endif()
# Kept for try_compile projects, which see only the variables listed here.
list(APPEND CMAKE_TRY_COMPILE_PLATFORM_VARIABLES PORTOLAN_QT_WINDOWS)

# The Qt prefix is searched for Windows libraries and packages like the MinGW tree itself.
list(PREPEND CMAKE_FIND_ROOT_PATH "${PORTOLAN_QT_WINDOWS}")
list(PREPEND CMAKE_PREFIX_PATH "${PORTOLAN_QT_WINDOWS}")
# moc, rcc and uic come from Debian's Qt of the same version.
set(QT_HOST_PATH "/usr" CACHE PATH "Host Qt for the cross-build's tools")
set(QT_HOST_PATH_CMAKE_DIR "/usr/lib/x86_64-linux-gnu/cmake" CACHE PATH "Host Qt's CMake packages")
