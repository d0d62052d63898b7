#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""check_workflow.py SOURCE_DIR WORKFLOW...: every file of the repository that a GitHub workflow
names (a script it runs, a local action) exists, and every preset it names is in
CMakePresets.json under the kind the command asks for: a workflow that names what is not there
fails only on GitHub, long after the change that broke it. Prints each problem and exits 1 when
there is one; also when a workflow names nothing, which would make this check empty."""

import json
import os
import re
import sys

# cmake --workflow --preset X, cmake --build --preset X, ctest --preset X, cmake --preset X.
PRESET_COMMANDS = [
    (re.compile(r"\bcmake\s+--workflow\s+--preset[=\s]+([\w.-]+)"), "workflowPresets"),
    (re.compile(r"\bcmake\s+--build\s+--preset[=\s]+([\w.-]+)"), "buildPresets"),
    (re.compile(r"\bctest\s+(?:[^\n]*\s)?--preset[=\s]+([\w.-]+)"), "testPresets"),
    (re.compile(r"\bcmake\s+--preset[=\s]+([\w.-]+)"), "configurePresets"),
]
# A path into the repository: the folders that hold what a workflow may run.
REPO_PATH = re.compile(
    r"(?:^|[\s'\"=(])\.?/?((?:\.github|scripts|tests|cmake|installer|resources)/[\w./-]+)")
# The build folder of a configure preset ("binaryDir": "${sourceDir}/build/${presetName}").
BUILD_DIR = re.compile(r"(?:^|[\s'\"=(])\.?/?build/([\w.-]+)")
LOCAL_ACTION = re.compile(r"^\s*-?\s*uses:\s*\./([\w./-]+)")


def presets(source_dir):
    with open(os.path.join(source_dir, "CMakePresets.json"), encoding="utf-8") as f:
        data = json.load(f)
    return {kind: {p["name"] for p in data.get(kind, [])} for kind in
            ("configurePresets", "buildPresets", "testPresets", "workflowPresets")}


def check(source_dir, workflow, known):
    problems = []
    checked = 0
    with open(workflow, encoding="utf-8") as f:
        lines = f.read().splitlines()
    for number, raw in enumerate(lines, 1):
        line = raw.split(" #", 1)[0] if not raw.lstrip().startswith("#") else ""
        where = f"{os.path.relpath(workflow, source_dir)}:{number}"
        for pattern, kind in PRESET_COMMANDS:
            for name in pattern.findall(line):
                checked += 1
                if name not in known[kind]:
                    problems.append(f"{where}: preset '{name}' is not among the {kind} of "
                                    f"CMakePresets.json ({', '.join(sorted(known[kind]))})")
            if pattern.search(line):
                break  # "cmake --build --preset" also reads as "cmake --preset"
        for path in REPO_PATH.findall(line) + LOCAL_ACTION.findall(line):
            checked += 1
            if not os.path.exists(os.path.join(source_dir, path.rstrip("/"))):
                problems.append(f"{where}: {path} does not exist in the repository")
        for name in BUILD_DIR.findall(line):
            checked += 1
            if name not in known["configurePresets"]:
                problems.append(f"{where}: build/{name} is no configure preset's build folder")
    if checked == 0:
        problems.append(f"{workflow}: names no script, action or preset of the repository")
    return problems, checked


def main():
    if len(sys.argv) < 3:
        sys.exit("usage: check_workflow.py SOURCE_DIR WORKFLOW...")
    source_dir = sys.argv[1]
    known = presets(source_dir)
    failed = False
    for workflow in sys.argv[2:]:
        problems, checked = check(source_dir, workflow, known)
        for problem in problems:
            print("check_workflow: " + problem, file=sys.stderr)
        failed |= bool(problems)
        print(f"check_workflow: {os.path.basename(workflow)}: {checked} references checked, "
              f"{len(problems)} problems")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
