# SPDX-License-Identifier: GPL-3.0-or-later
# Tests of the linux backend. The unit tests run on temporary trees standing in for /proc and
# /etc/sysctl.d; the NETNS ones use the real kernel inside a private network namespace.
add_library(portolan_linux_testsupport STATIC linux_support.cpp)
target_link_libraries(portolan_linux_testsupport PUBLIC portolan_platform portolan_doctest)

portolan_add_test(NAME platform.linux.parsing SOURCES linux_parsing_test.cpp
                  LIBS portolan_linux_testsupport)
portolan_add_test(NAME platform.linux.backend SOURCES linux_backend_test.cpp
                  LIBS portolan_linux_testsupport)
portolan_add_test(NAME platform.linux.kernel SOURCES linux_kernel_test.cpp
                  LIBS portolan_linux_testsupport NETNS)
portolan_add_conformance(NAME platform.conformance.linux SOURCES linux_conformance.cpp
                         LIBS portolan_platform portolan_linux_testsupport NETNS)
