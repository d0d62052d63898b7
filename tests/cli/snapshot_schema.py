#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""portolan-cli snapshot, run as a script runs it, validates against
resources/schemas/snapshot.schema.json.

    snapshot_schema.py CLI SCHEMA SCENARIOS WORK            every shipped scenario
    snapshot_schema.py CLI SCHEMA --linux WORK              the linux backend (run it through
                                                            scripts/netns-run)

Exit 0 when every document validates, 1 when one does not, 77 (skipped) when
python3-jsonschema is missing or the linux run is not inside a private network namespace."""
import json
import os
import pathlib
import socket
import subprocess
import sys

try:
    import jsonschema
except ImportError:
    print("SKIP: python3-jsonschema is not installed (scripts/install-deps)")
    sys.exit(77)

cli, schema_path, source, work = sys.argv[1:5]
schema = json.loads(pathlib.Path(schema_path).read_text(encoding="utf-8"))
validator_class = jsonschema.validators.validator_for(schema)
validator_class.check_schema(schema)
validator = validator_class(schema)
work = pathlib.Path(work)
work.mkdir(parents=True, exist_ok=True)
failures = 0


def check(label, args):
    global failures
    run = subprocess.run([cli, *args, "snapshot"], capture_output=True, timeout=300)
    if run.returncode != 0:
        print(f"{label}: exit code {run.returncode}: {run.stderr.decode(errors='replace')}")
        failures += 1
        return None
    try:
        document = json.loads(run.stdout.decode("utf-8"))
    except ValueError as error:
        print(f"{label}: stdout is not one JSON document ({error})")
        failures += 1
        return None
    errors = sorted(validator.iter_errors(document), key=str)
    for error in errors:
        print(f"{label}: {'/'.join(str(p) for p in error.absolute_path)}: {error.message}")
    failures += len(errors)
    print(f"{label}: {'valid' if not errors else 'INVALID'}")
    return document


if source == "--linux":
    if os.environ.get("PORTOLAN_NETNS") != "1":
        print("SKIP: the linux snapshot runs only in a private network namespace "
              "(scripts/netns-run, as ctest does)")
        sys.exit(77)
    # A listener of this process, so that the document has one with its pid.
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen()
    port = server.getsockname()[1]
    for args in (["--backend", "linux"], ["--backend", "linux", "--scan", "tcp:1-2000"]):
        document = check(" ".join(args), args)
        if document is None:
            continue
        if document["os"]["family"] != "linux" or document["backend"] != "linux":
            print(f"{' '.join(args)}: os/backend is not linux: {document['os']}")
            failures += 1
        mine = [l for l in document["listeners"] if l["port"] == port]
        if not mine or mine[0]["pid"] != os.getpid():
            print(f"{' '.join(args)}: the listener on 127.0.0.1:{port} (pid {os.getpid()}) "
                  f"is missing or has no pid: {mine}")
            failures += 1
else:
    scenarios = sorted(pathlib.Path(source).glob("*.json"))
    if len(scenarios) < 4:
        print(f"expected the shipped scenarios in {source}, found {len(scenarios)}")
        sys.exit(1)
    for scenario in scenarios:
        state = work / (scenario.stem + ".state.json")
        state.unlink(missing_ok=True)
        base = ["--scenario", str(scenario), "--state", str(state)]
        check(scenario.name, base)
        check(scenario.name + " --scan", base + ["--scan", "tcp:2800-9000"])
sys.exit(1 if failures else 0)
