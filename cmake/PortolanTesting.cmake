# SPDX-License-Identifier: GPL-3.0-or-later
# portolan_add_test(NAME <name> SOURCES <files...> [LIBS <targets...>] [NETNS] [LABELS <l...>]
#                   [ARGS <args...>])
#
# A doctest executable registered with ctest. Tests exit 77 to report "skipped" (after
# printing the reason). NETNS runs the test inside a private network namespace
# (scripts/netns-run), where it may write sysctls without touching the machine's own.
# Cross-built Windows tests run under Wine: see the wine fixture below.

set(PORTOLAN_DOCTEST_HEADER "/usr/include/doctest/doctest.h" CACHE FILEPATH
    "doctest.h (Debian: doctest-dev)")
if(NOT EXISTS "${PORTOLAN_DOCTEST_HEADER}")
    message(FATAL_ERROR "doctest.h not found at ${PORTOLAN_DOCTEST_HEADER}; install doctest-dev "
                        "(scripts/install-deps) or set PORTOLAN_DOCTEST_HEADER")
endif()
# Copied into the build tree so that a cross-build never sees the host's /usr/include.
configure_file("${PORTOLAN_DOCTEST_HEADER}" "${CMAKE_BINARY_DIR}/third_party/doctest/doctest.h"
               COPYONLY)
add_library(portolan_doctest STATIC "${PROJECT_SOURCE_DIR}/tests/support/doctest_main.cpp")
target_include_directories(portolan_doctest PUBLIC "${CMAKE_BINARY_DIR}/third_party"
                                                   "${PROJECT_SOURCE_DIR}/tests/support")
target_compile_features(portolan_doctest PUBLIC cxx_std_20)
# portolan::toString overloads return std::string(_view); stringifying twice lets doctest print
# them instead of failing to convert them to doctest::String.
target_compile_definitions(portolan_doctest PUBLIC DOCTEST_CONFIG_DOUBLE_STRINGIFY)

set(PORTOLAN_SKIP_CODE 77)

if(CMAKE_CROSSCOMPILING AND WIN32)
    # Wine's services inherit ctest's pipes and keep it waiting unless the server and the
    # prefix are started first with every output sent to /dev/null.
    set(PORTOLAN_WINEPREFIX "${CMAKE_BINARY_DIR}/wineprefix")
    add_test(NAME wine.setup
             COMMAND "${PROJECT_SOURCE_DIR}/scripts/wine-setup" "${PORTOLAN_WINEPREFIX}"
                     "$<TARGET_FILE:winekeeper>")
    set_tests_properties(wine.setup PROPERTIES FIXTURES_SETUP wine TIMEOUT 180)
    add_test(NAME wine.teardown
             COMMAND "${PROJECT_SOURCE_DIR}/scripts/wine-setup" --stop "${PORTOLAN_WINEPREFIX}")
    set_tests_properties(wine.teardown PROPERTIES FIXTURES_CLEANUP wine TIMEOUT 60)
    # Wine passes no QT_* variable to a Windows program; WINEQT_* ones arrive as QT_*. The
    # offscreen platform under Wine finds no font unless it is given a folder of them.
    set(PORTOLAN_WINE_TEST_ENVIRONMENT
        "WINEPREFIX=${PORTOLAN_WINEPREFIX}" "WINEDEBUG=-all" "WINEQT_QPA_PLATFORM=offscreen"
        "WINEQT_QPA_FONTDIR=Z:/usr/share/fonts/truetype/dejavu" "WINEQT_FORCE_STDERR_LOGGING=1")
endif()

# portolan_wine_test(<test>...): a cross-built Windows test runs under Wine in the build's prefix
# once wine.setup has started it, with Qt drawing offscreen. Does nothing in other builds.
function(portolan_wine_test)
    if(CMAKE_CROSSCOMPILING AND WIN32)
        set_tests_properties(${ARGN} PROPERTIES FIXTURES_REQUIRED wine
                                                ENVIRONMENT "${PORTOLAN_WINE_TEST_ENVIRONMENT}")
    endif()
endfunction()

function(portolan_add_test)
    cmake_parse_arguments(T "NETNS" "NAME;TIMEOUT;WINE_ATTEMPTS" "SOURCES;LIBS;LABELS;ARGS" ${ARGN})
    add_executable(${T_NAME} ${T_SOURCES})
    target_link_libraries(${T_NAME} PRIVATE portolan_doctest ${T_LIBS})
    if(NOT T_TIMEOUT)
        set(T_TIMEOUT 120)
    endif()
    if(T_WINE_ATTEMPTS AND CMAKE_CROSSCOMPILING AND WIN32)
        # A run under Wine that hangs is ended after 40 s and tried again (scripts/wine-attempts).
        add_test(NAME ${T_NAME}
                 COMMAND "${PROJECT_SOURCE_DIR}/scripts/wine-attempts" ${T_WINE_ATTEMPTS} 40
                         $<TARGET_FILE:${T_NAME}> ${T_ARGS})
        math(EXPR T_TIMEOUT "${T_WINE_ATTEMPTS} * 50")
    elseif(T_NETNS)
        add_test(NAME ${T_NAME}
                 COMMAND "${PROJECT_SOURCE_DIR}/scripts/netns-run" $<TARGET_FILE:${T_NAME}> ${T_ARGS})
    else()
        add_test(NAME ${T_NAME} COMMAND ${T_NAME} ${T_ARGS})
    endif()
    set_tests_properties(${T_NAME} PROPERTIES SKIP_RETURN_CODE ${PORTOLAN_SKIP_CODE}
                                              TIMEOUT ${T_TIMEOUT} LABELS "${T_LABELS}")
    if(CMAKE_CROSSCOMPILING AND WIN32)
        set_tests_properties(${T_NAME} PROPERTIES FIXTURES_REQUIRED wine
                                                  ENVIRONMENT "WINEPREFIX=${PORTOLAN_WINEPREFIX}")
    endif()
endfunction()
