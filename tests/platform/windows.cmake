# SPDX-License-Identifier: GPL-3.0-or-later
# Tests of the windows backend. The scripted-table tests and the netsh parser run on every
# build (natively, and under Wine in the MinGW build); the real backend only on Windows builds.
portolan_add_test(NAME platform.windows.fake
                  SOURCES windows_backend_test.cpp windows_holders_test.cpp
                          windows_discovery_test.cpp windows_hangs_test.cpp
                          windows_dynamicrange_test.cpp
                          windows_services_test.cpp
                  LIBS portolan_platform
                  # Under Wine a wait for a blocking call now and then never wakes
                  # (scripts/wine-attempts): a run that hangs is tried again.
                  WINE_ATTEMPTS 3)
# An abandoned call must write only into what it owns: with the sanitizers, a write into its
# caller's finished stack frame is caught too.
if(PORTOLAN_SANITIZE)
    set_property(TEST platform.windows.fake PROPERTY ENVIRONMENT_MODIFICATION
                 "ASAN_OPTIONS=string_append::detect_stack_use_after_return=1")
endif()
portolan_add_test(NAME platform.netsh.parser SOURCES netsh_parser_test.cpp LIBS portolan_platform)

if(WIN32)
    portolan_add_conformance(NAME platform.conformance.windows SOURCES windows_conformance.cpp
                             LIBS portolan_platform ws2_32 TIMEOUT 300)
    # The real backend where the system lacks the reservation APIs: skipped (77) on a real
    # Windows, which has them.
    portolan_add_test(NAME platform.windows.wine SOURCES windows_wine_test.cpp
                      LIBS portolan_platform ws2_32)
endif()
