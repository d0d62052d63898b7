# SPDX-License-Identifier: GPL-3.0-or-later
# Tests of the platform layer's core (no backend needed).
portolan_add_test(NAME platform.jsonvalue SOURCES jsonvalue_test.cpp LIBS portolan_platform)
portolan_add_test(NAME platform.types SOURCES core_types_test.cpp LIBS portolan_platform)
portolan_add_test(NAME platform.scanner SOURCES core_scanner_test.cpp LIBS portolan_platform)
portolan_add_test(NAME platform.probes SOURCES core_probes_test.cpp LIBS portolan_platform)
portolan_add_test(NAME platform.inetaddress SOURCES core_inetaddress_test.cpp LIBS portolan_platform)
portolan_add_test(NAME platform.snapshot SOURCES snapshot_test.cpp LIBS portolan_platform)
target_compile_definitions(platform.snapshot PRIVATE PORTOLAN_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
if(NOT WIN32)
    portolan_add_test(NAME platform.snapshot.schema SOURCES snapshot_schema_test.cpp
                      LIBS portolan_platform)
    target_compile_definitions(platform.snapshot.schema PRIVATE
                               PORTOLAN_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
endif()
