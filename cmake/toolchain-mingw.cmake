# SPDX-License-Identifier: GPL-3.0-or-later
# Cross-build for 64-bit Windows with Debian's MinGW-w64, tests run under Wine:
#   cmake -S . -B build/mingw -G Ninja -DCMAKE_TOOLCHAIN_FILE=cmake/toolchain-mingw.cmake
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)

set(PORTOLAN_MINGW_TRIPLE x86_64-w64-mingw32)
# The -posix compilers: the default win32 thread model has no std::mutex / std::thread.
set(CMAKE_C_COMPILER ${PORTOLAN_MINGW_TRIPLE}-gcc-posix)
set(CMAKE_CXX_COMPILER ${PORTOLAN_MINGW_TRIPLE}-g++-posix)
set(CMAKE_RC_COMPILER ${PORTOLAN_MINGW_TRIPLE}-windres)

# Libraries, headers and packages from the MinGW tree only (never the host's /usr), programs
# from the host. A Qt for Windows adds its own prefix to CMAKE_FIND_ROOT_PATH.
list(APPEND CMAKE_FIND_ROOT_PATH /usr/${PORTOLAN_MINGW_TRIPLE})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

# add_test() and try_run() run the .exe files through Wine.
set(CMAKE_CROSSCOMPILING_EMULATOR "${CMAKE_CURRENT_LIST_DIR}/../scripts/wine-run")
