# SPDX-License-Identifier: GPL-3.0-or-later
# ccache, when installed, makes a rebuild of unchanged sources a cache lookup, also from another
# clone of the tree: paths are hashed relative to the source folder, and the working folder is
# left out of the hash although -g records it (a second clone's debug info names the first's
# build folder). PORTOLAN_CCACHE=OFF turns it off.
option(PORTOLAN_CCACHE "Compile through ccache when it is installed" ON)
if(PORTOLAN_CCACHE AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
    find_program(PORTOLAN_CCACHE_PROGRAM ccache)
    if(PORTOLAN_CCACHE_PROGRAM)
        set(_portolan_launcher "${CMAKE_COMMAND}" -E env "CCACHE_BASEDIR=${PROJECT_SOURCE_DIR}"
            CCACHE_NOHASHDIR=true "${PORTOLAN_CCACHE_PROGRAM}")
        set(CMAKE_CXX_COMPILER_LAUNCHER ${_portolan_launcher})
        set(CMAKE_C_COMPILER_LAUNCHER ${_portolan_launcher})
    endif()
endif()

# Warnings and sanitizers for every target of the project.
if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    add_compile_options(-Wall -Wextra -Wpedantic -Wno-missing-field-initializers)
endif()
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    # GCC 12 reports std::string::replace inside libstdc++ as overlapping (GCC bug 105329).
    add_compile_options(-Wno-restrict)
endif()

if(PORTOLAN_SANITIZE)
    add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer
                        -fno-sanitize-recover=undefined)
    add_link_options(-fsanitize=address,undefined)
endif()

# libFuzzer targets (tests/fuzz, scripts/fuzz): clang only. Everything is instrumented for
# coverage; only the fuzz executables link libFuzzer's main. UB aborts so that it counts as a crash.
option(PORTOLAN_FUZZ "Build the libFuzzer targets of tests/fuzz (clang)" OFF)
if(PORTOLAN_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
        message(FATAL_ERROR "PORTOLAN_FUZZ needs clang (e.g. -DCMAKE_CXX_COMPILER=clang++-14)")
    endif()
    add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer
                        -fno-sanitize-recover=all)
    add_link_options(-fsanitize=address,undefined)
endif()

if(WIN32 AND MINGW)
    # One .exe that needs no MinGW DLLs next to it.
    add_link_options(-static -static-libgcc -static-libstdc++)
    # Windows 7 API level: iphlpapi's reservation functions and GetExtendedTcpTable.
    add_compile_definitions(_WIN32_WINNT=0x0601 WINVER=0x0601 NOMINMAX WIN32_LEAN_AND_MEAN)
endif()
if(MSVC)
    add_compile_options(/W4 /permissive- /utf-8)
    add_compile_definitions(NOMINMAX WIN32_LEAN_AND_MEAN _WIN32_WINNT=0x0601)
endif()
