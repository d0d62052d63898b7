#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""check-copyright.py SOURCE_DIR [BUILD_DIR]: the Debian package's copyright file
(resources/notices/copyright) is machine-readable (DEP-5, read with python3-debian), names
Portolan and every component that THIRD-PARTY-NOTICES.txt says the Debian package ships, each
with its license, has the text of every license it uses, and matches files that exist; every
source file, CMake file and script of Portolan's own says its license in an SPDX line. With
BUILD_DIR, it is also installed as share/doc/portolan/copyright (cmake --install, component
"notices"). Prints each problem and exits 1 when there is one."""

import fnmatch
import os
import re
import subprocess
import sys
import tempfile

from debian import copyright as dep5

DEP5_FORMAT = "https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/"
# SPDX (THIRD-PARTY-NOTICES.txt) to Debian's short names (the copyright file).
DEBIAN_NAME = {"MIT": "Expat", "GPL-3.0-or-later": "GPL-3+", "LGPL-3.0-only": "LGPL-3"}

problems = []


def problem(text):
    problems.append(text)
    print("check-copyright: " + text, file=sys.stderr)


def source_files(root):
    files = []
    for folder, dirs, names in os.walk(root):
        dirs[:] = [d for d in dirs if d not in (".git", "build")]
        files += [os.path.relpath(os.path.join(folder, n), root) for n in names]
    return files


def notices_components(path):
    """(name, SPDX license, shipped-in) of each component of THIRD-PARTY-NOTICES.txt."""
    text = open(path, encoding="utf-8").read()
    return re.findall(r"^={20,}\nComponent: (.+)\nLicense: (.+)\nShipped-In: (.+)$", text, re.M)


def license_names(synopsis):
    return [n.strip() for n in re.split(r"\s+(?:and|or)\s+|,", synopsis) if n.strip()]


def check(copyright_path, notices_path, root):
    with open(copyright_path, encoding="utf-8") as f:
        try:
            doc = dep5.Copyright(f, strict=True)
        except (dep5.Error, ValueError) as error:
            problem(f"{copyright_path} is not a DEP-5 file: {error}")
            return
    if doc.header.format != DEP5_FORMAT:
        problem(f"Format is {doc.header.format!r}, not {DEP5_FORMAT!r}")
    if doc.header.upstream_name != "Portolan":
        problem(f"Upstream-Name is {doc.header.upstream_name!r}, not 'Portolan'")

    files = source_files(root)
    texts = {p.license.synopsis for p in doc.all_license_paragraphs()}
    paragraphs = list(doc.all_files_paragraphs())
    for paragraph in paragraphs:
        for pattern in paragraph.files:
            if not any(fnmatch.fnmatchcase(f, pattern) for f in files):
                problem(f"Files: {pattern} matches no file of the source tree")
        for name in license_names(paragraph.license.synopsis):
            if name not in texts and not paragraph.license.text:
                problem(f"License: {name} (Files: {' '.join(paragraph.files)}) has no text")

    # Portolan itself: every file not named otherwise.
    catch_all = [p for p in paragraphs if "*" in p.files]
    if not catch_all or catch_all[0].license.synopsis != "GPL-3+":
        problem("no 'Files: *' paragraph with License: GPL-3+ (Portolan itself)")

    shipped = [c for c in notices_components(notices_path) if "Debian package" in c[2]]
    if not shipped:
        problem(f"{notices_path} names no component of the Debian package")
    for name, spdx, _ in shipped:
        base = name.rsplit(" ", 1)[0]  # "nlohmann/json 3.11.2" -> "nlohmann/json"
        wanted = [DEBIAN_NAME.get(n, n) for n in re.split(r"\s+AND\s+", spdx)]
        named = [p for p in paragraphs
                 if base in (p.copyright or "") + (p.comment or "")]
        if not named:
            problem(f"{base} (in the Debian package) is named by no Files paragraph")
        elif not any(all(w in license_names(p.license.synopsis) for w in wanted) for p in named):
            problem(f"{base} is named, but not with its license {' and '.join(wanted)}")


SPDX_LINE = "SPDX-License-Identifier: GPL-3.0-or-later"
# Portolan's own code, build files and scripts; data (goldens, fuzz corpora, scenarios, icons)
# and documents carry no comment syntax of their own and are covered by 'Files: *'.
OWN_CODE = re.compile(r"(\.(cpp|h|cmake|py|sh|wxs)|\.(cpp|h)\.in|CMakeLists\.txt)$")
NOT_CODE = ("tests/golden/", "tests/fuzz/corpus/", "docs/", "resources/", "build/")
# Every byte of scripts/build-qt-windows is part of the key of the Qt for Windows cache: a
# comment added on its own would make every machine rebuild Qt (40+ minutes) for nothing. It
# takes its SPDX line with its next change of substance.
BYTES_ARE_A_KEY = ("scripts/build-qt-windows",)


def check_spdx(root):
    for path in source_files(root):
        if path.startswith(NOT_CODE) or path in BYTES_ARE_A_KEY:
            continue
        script = path.startswith("scripts/")
        if not (OWN_CODE.search(path) or script):
            continue
        with open(os.path.join(root, path), encoding="utf-8", errors="replace") as f:
            head = [f.readline() for _ in range(3)]
        if not any(SPDX_LINE in line for line in head):
            problem(f"{path} has no '{SPDX_LINE}' line at its top")


def check_installed(build_dir, copyright_path):
    with tempfile.TemporaryDirectory() as prefix:
        run = subprocess.run(["cmake", "--install", build_dir, "--component", "notices",
                              "--prefix", prefix], capture_output=True, text=True)
        if run.returncode != 0:
            problem(f"cmake --install --component notices failed: {run.stderr.strip()}")
            return
        installed = os.path.join(prefix, "share", "doc", "portolan", "copyright")
        if not os.path.isfile(installed):
            problem("share/doc/portolan/copyright is not installed")
        elif open(installed, "rb").read() != open(copyright_path, "rb").read():
            problem("the installed share/doc/portolan/copyright differs from the source's")
        notices = os.path.join(prefix, "share", "doc", "portolan", "THIRD-PARTY-NOTICES.txt")
        if not os.path.isfile(notices):
            problem("share/doc/portolan/THIRD-PARTY-NOTICES.txt is not installed")


def main():
    if len(sys.argv) not in (2, 3):
        print(__doc__, file=sys.stderr)
        return 2
    root = sys.argv[1]
    copyright_path = os.path.join(root, "resources", "notices", "copyright")
    notices_path = os.path.join(root, "resources", "notices", "THIRD-PARTY-NOTICES.txt")
    check(copyright_path, notices_path, root)
    check_spdx(root)
    if len(sys.argv) == 3:
        check_installed(sys.argv[2], copyright_path)
    if problems:
        return 1
    print("check-copyright: DEP-5, every component named with its license, SPDX lines, "
          "installed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
