#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""posix_includes.py NINJA BUILD_DIR SOURCE_DIR: no source file of Portolan's own that a Windows
build compiled includes a POSIX-only header, so that the same files build with MSVC (which has
none of them). The files are the ones the build really read, from `ninja -t deps`; system and
third-party headers are not Portolan's and are left out. Prints each include found and exits 1
when there is one."""

import os
import re
import subprocess
import sys

# Headers MinGW-w64 happens to have but MSVC does not, and the POSIX networking headers that
# Winsock replaces.
POSIX_ONLY = re.compile(
    r'^\s*#\s*include\s*[<"](unistd\.h|sys/socket\.h|sys/select\.h|sys/time\.h|sys/resource\.h|'
    r'arpa/inet\.h|netinet/[^>"]+|netdb\.h|poll\.h|pthread\.h|dirent\.h)[>"]')


def compiled_files(ninja, build_dir, source_dir):
    run = subprocess.run([ninja, "-C", build_dir, "-t", "deps"], capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"posix_includes: ninja -t deps failed: {run.stderr.strip()}")
    build = os.path.realpath(build_dir) + os.sep
    source = os.path.realpath(source_dir) + os.sep
    files = set()
    for line in run.stdout.splitlines():
        if not line.startswith(" ") or not line.strip():
            continue
        path = os.path.realpath(os.path.join(build_dir, line.strip()))
        if path.startswith(source) and not path.startswith(build):
            files.add(path)
    return files, source


def main():
    if len(sys.argv) != 4:
        sys.exit("usage: posix_includes.py NINJA BUILD_DIR SOURCE_DIR")
    files, source = compiled_files(*sys.argv[1:])
    if not files:
        sys.exit("posix_includes: ninja -t deps names no source file of the project; "
                 "build first")
    found = 0
    for path in sorted(files):
        with open(path, encoding="utf-8", errors="replace") as f:
            for number, line in enumerate(f, 1):
                if POSIX_ONLY.match(line):
                    found += 1
                    print(f"{path[len(source):]}:{number}: {line.strip()} "
                          "(POSIX only: MSVC has no such header)", file=sys.stderr)
    print(f"posix_includes: {len(files)} project files the Windows build compiled, "
          f"{found} POSIX-only includes")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
