# SPDX-License-Identifier: GPL-3.0-or-later
# Tests of the simulated backend: its own behaviour (every documented error code, scenarios,
# state file) and the shared conformance suite run against it.
portolan_add_test(NAME platform.simulated
                  SOURCES simulated_backend_test.cpp simulated_errors_test.cpp
                          simulated_scenario_test.cpp simulated_services_test.cpp
                  LIBS portolan_platform)
target_compile_definitions(platform.simulated PRIVATE
                           PORTOLAN_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
portolan_add_conformance(NAME platform.conformance.simulated SOURCES simulated_conformance.cpp
                         LIBS portolan_platform)
portolan_add_test(NAME platform.bindrules SOURCES core_bindrules_test.cpp LIBS portolan_platform)
target_compile_definitions(platform.bindrules PRIVATE PORTOLAN_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
portolan_add_test(NAME platform.diagnose SOURCES diagnose_test.cpp LIBS portolan_platform)
target_compile_definitions(platform.diagnose PRIVATE PORTOLAN_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
