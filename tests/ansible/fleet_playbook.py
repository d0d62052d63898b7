#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The portolan.fleet collection driven by the real ansible-playbook against five simulated
Windows hosts (ansible_connection: local, each host its own scenario and state file):

gather -> portolan --import DIR -> the database holds five hosts with their blocks; apply a
desired state in check mode (no state file changes), then for real -> gather -> import -> the
Fleet view and portolan-cli show the change; a second apply changes nothing (changed=0 for every
host in the recap); a desired state that one host's WinNAT block refuses fails on that host
only, explained in the task's output, and leaves its reservations and tokens as they were.

Exit 77 (skipped) when ansible-playbook is not installed."""

import argparse
import json
import os
import random
import re
import shutil
import sqlite3
import subprocess
import sys
import time

SKIP = 77
failures = []


def check(condition, what):
    print(("ok    " if condition else "FAIL  ") + what)
    if not condition:
        failures.append(what)
    return condition


def generated_scenario(name, host, seed, os_name, os_version):
    """A build server or CI runner of the fleet, made from a seed so that every run sees the
    same machine: persistent blocks and service blocks spread below 40000."""
    rng = random.Random(seed)
    persistent, runtime, used = [], [], []

    def free_block(count):
        while True:
            start = rng.randrange(10000, 39000)
            if all(start + count <= s or e < start for s, e in used):
                used.append((start, start + count - 1))
                return start

    for _ in range(rng.randrange(2, 5)):
        count = rng.choice([1, 5, 10, 100])
        persistent.append({"protocol": rng.choice(["tcp", "udp"]), "start": free_block(count),
                           "count": count, "note": "pinned by the build team"})
    owners = [("Host Network Service (Hyper-V)", 2980), ("Windows NAT (WinNAT)", 4)]
    for _ in range(rng.randrange(1, 4)):
        owner, pid = rng.choice(owners)
        runtime.append({"protocol": "tcp", "start": free_block(100), "count": 100,
                        "owner": owner, "pid": pid})
    dynamic = rng.choice([{"start": 49152, "count": 16384}, {"start": 40000, "count": 25536}])
    return {
        "schema": 1,
        "name": name,
        "description": "A generated fleet host (seed %d)." % seed,
        "hostName": host,
        "elevated": True,
        "bootTime": "2026-11-%02dT06:00:00Z" % rng.randrange(1, 28),
        "os": {"family": "windows", "name": os_name, "version": os_version},
        "dynamicRange": {"tcp": dict(dynamic), "udp": dict(dynamic)},
        "addresses": ["10.1.0.%d" % rng.randrange(2, 250)],
        "self": {"pid": 7312, "process": "portolan-cli.exe"},
        "persistent": persistent,
        "runtime": runtime,
        "listeners": [{"protocol": "tcp", "address": "0.0.0.0", "port": 445, "pid": 4,
                       "process": "System"}],
    }


def scenario_blocks(scenario):
    """(persistent, runtime) sets of (protocol, start, count) a scenario describes."""
    persistent = {(b["protocol"], b["start"], b["count"]) for b in scenario.get("persistent", [])}
    runtime = {(b["protocol"], b["start"], b["count"]) for b in scenario.get("runtime", [])}
    for service in scenario.get("services", []):
        runtime |= {(b["protocol"], b["start"], b["count"]) for b in service.get("blocks", [])}
    return persistent, runtime


class Fleet:
    def __init__(self, args):
        self.args = args
        self.work = os.path.abspath(args.work)
        shutil.rmtree(self.work, ignore_errors=True)
        os.makedirs(self.work)
        self.inventory = os.path.join(self.work, "inventory")
        self.fleet_dir = os.path.join(self.work, "fleet")
        self.db = os.path.join(self.work, "fleet.sqlite")
        self.hosts = {}  # inventory name -> {"scenario": path, "state": path, "data": dict}

    def add_host(self, name, scenario):
        path = os.path.join(self.work, "scenarios", name + ".json")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            json.dump(scenario, f, indent=2)
        self.hosts[name] = {"scenario": path, "data": scenario,
                            "state": os.path.join(self.work, "states", name + ".json")}

    def write_inventory(self):
        os.makedirs(os.path.join(self.inventory, "host_vars"))
        os.makedirs(os.path.join(self.work, "states"))
        lines = ["all:", "  vars:", "    ansible_connection: local",
                 "    ansible_python_interpreter: %s" % json.dumps(sys.executable),
                 "    portolan_cli: %s" % json.dumps(self.args.cli),
                 "  hosts:"] + ["    %s:" % name for name in self.hosts]
        with open(os.path.join(self.inventory, "hosts.yml"), "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        for name, host in self.hosts.items():
            with open(os.path.join(self.inventory, "host_vars", name + ".yml"), "w",
                      encoding="utf-8") as f:
                f.write("portolan_cli_args:\n  - --scenario\n  - %s\n  - --state\n  - %s\n"
                        % (json.dumps(host["scenario"]), json.dumps(host["state"])))
        # The collection as ansible-galaxy would install it, and nothing from the user's setup.
        collections = os.path.join(self.work, "collections", "ansible_collections", "portolan")
        os.makedirs(collections)
        os.symlink(self.args.collection, os.path.join(collections, "fleet"))
        with open(os.path.join(self.work, "ansible.cfg"), "w", encoding="utf-8") as f:
            f.write("[defaults]\nforks = 5\nretry_files_enabled = false\n"
                    "[connection]\npipelining = true\n")

    def playbook(self, playbook, *extra):
        env = dict(os.environ,
                   ANSIBLE_CONFIG=os.path.join(self.work, "ansible.cfg"),
                   ANSIBLE_COLLECTIONS_PATH=os.path.join(self.work, "collections"),
                   ANSIBLE_HOME=os.path.join(self.work, "ansible-home"),
                   ANSIBLE_LOCAL_TEMP=os.path.join(self.work, "ansible-tmp"),
                   ANSIBLE_REMOTE_TEMP=os.path.join(self.work, "ansible-remote-tmp"),
                   ANSIBLE_NOCOLOR="1", ANSIBLE_STDOUT_CALLBACK="default",
                   ANSIBLE_GALAXY_SERVER="http://127.0.0.1:9/")
        command = [self.args.ansible_playbook, "-i", self.inventory, playbook, *extra]
        print("$ " + " ".join(command), flush=True)
        started = time.monotonic()
        run = subprocess.run(command, env=env, capture_output=True, text=True)
        output = run.stdout + run.stderr
        print(output)
        print("(%.1f s, exit %d)" % (time.monotonic() - started, run.returncode), flush=True)
        recap = {}
        for m in re.finditer(r"^(\S+)\s+:\s+ok=(\d+)\s+changed=(\d+)\s+unreachable=(\d+)\s+"
                             r"failed=(\d+)", output, re.M):
            recap[m.group(1)] = {"ok": int(m.group(2)), "changed": int(m.group(3)),
                                 "unreachable": int(m.group(4)), "failed": int(m.group(5))}
        return run.returncode, output, recap

    def gather(self):
        code, output, recap = self.playbook("portolan.fleet.gather",
                                            "-e", "portolan_fleet_dir=" + self.fleet_dir)
        check(code == 0, "gather: ansible-playbook exits 0")
        check(sorted(recap) == sorted(self.hosts) and all(
            r["failed"] == 0 and r["unreachable"] == 0 for r in recap.values()),
            "gather: every host in the recap, none failed")
        for name in self.hosts:
            check(os.path.isfile(os.path.join(self.fleet_dir, name + ".json")),
                  "gather: %s.json stored on the controller" % name)

    def apply(self, desired, *extra):
        path = os.path.join(self.work, "desired-%d.json" % time.monotonic_ns())
        with open(path, "w", encoding="utf-8") as f:
            json.dump({"portolan_reservations": desired}, f)
        return self.playbook("portolan.fleet.apply", "-e", "@" + path, *extra)

    def import_fleet(self):
        run = subprocess.run([self.args.console, "--db", self.db, "--import", self.fleet_dir],
                             capture_output=True, text=True,
                             env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
        print(run.stdout + run.stderr)
        check(run.returncode == 0, "portolan --import %s exits 0 (exit %d)"
              % (self.fleet_dir, run.returncode))

    def latest_blocks(self):
        """host -> (persistent set, runtime set, persistent tokens) of its newest snapshot."""
        result = {}
        try:
            with sqlite3.connect(self.db) as db:
                rows = db.execute("SELECT s.host, b.protocol, b.start_port, b.port_count, "
                                  "b.persistent, b.token FROM host_snapshot s "
                                  "LEFT JOIN host_snapshot_block b ON b.snapshot_id = s.id "
                                  "WHERE s.latest = 1").fetchall()
        except sqlite3.Error as e:
            check(False, "the database %s reads: %s" % (self.db, e))
            return result
        for host, protocol, start, count, persistent, token in rows:
            entry = result.setdefault(host, (set(), set(), {}))
            if protocol is None:
                continue
            block = (protocol, start, count)
            entry[0 if persistent else 1].add(block)
            if persistent:
                entry[2][block] = token
        return result

    def state_bytes(self):
        out = {}
        for name, host in self.hosts.items():
            with open(host["state"], "rb") as f:
                out[name] = f.read()
        return out

    def state_persistent(self, name):
        with open(self.hosts[name]["state"], encoding="utf-8") as f:
            state = json.load(f)
        return sorted((b["protocol"], b["start"], b["count"], str(b.get("token")))
                      for b in state.get("persistent", []))

    def cli_list(self, name):
        run = subprocess.run([self.args.cli, "--state", self.hosts[name]["state"], "--json",
                              "list"], capture_output=True, text=True)
        document = json.loads(run.stdout)
        return {(b["protocol"], b["start"], b["count"])
                for b in document.get("reservations", []) if b.get("persistent")}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cli", required=True)
    parser.add_argument("--console", required=True)
    parser.add_argument("--collection", required=True)
    parser.add_argument("--scenarios", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--fleet-view-test", help="the Qt Test program that opens the Fleet view")
    args = parser.parse_args()
    args.ansible_playbook = shutil.which("ansible-playbook")
    if not args.ansible_playbook:
        print("skipped: ansible-playbook is not installed (scripts/install-deps linux installs "
              "Debian's ansible)")
        return SKIP
    for tool in ("cli", "console"):
        setattr(args, tool, os.path.abspath(getattr(args, tool)))
    args.collection = os.path.abspath(args.collection)
    started = time.monotonic()

    fleet = Fleet(args)
    for name in ("developer", "clean", "installer-range"):
        with open(os.path.join(args.scenarios, name + ".json"), encoding="utf-8") as f:
            scenario = json.load(f)
        if name == "installer-range":
            # Its terminal is not elevated; the playbook runs as an administrator (become).
            scenario["elevated"] = True
        fleet.add_host(name, scenario)
    fleet.add_host("build-07", generated_scenario("build-07", "BUILD-07", 7,
                                                         "Windows Server 2022 Datacenter",
                                                         "10.0.20348"))
    fleet.add_host("runner-12", generated_scenario("runner-12", "CI-RUNNER-12", 12,
                                                          "Windows Server 2019 Standard",
                                                          "10.0.17763"))
    fleet.write_inventory()
    names = {name: host["data"]["hostName"] for name, host in fleet.hosts.items()}

    print("== gather, then import into the console's database")
    fleet.gather()
    fleet.import_fleet()
    stored = fleet.latest_blocks()
    check(sorted(stored) == sorted(names.values()),
          "the database holds the five hosts: %s" % sorted(stored))
    for name, host in fleet.hosts.items():
        persistent, runtime = scenario_blocks(host["data"])
        got = stored.get(names[name], (set(), set(), {}))
        check(got[0] == persistent, "%s: persistent blocks %s" % (name, sorted(got[0])))
        check(got[1] == runtime, "%s: runtime blocks %s" % (name, sorted(got[1])))

    # Two blocks every host keeps, and the developer's Django block given up.
    desired = [{"protocol": "tcp", "start": 41000, "count": 10, "state": "present"},
               {"protocol": "udp", "start": 41000, "count": 4, "state": "present"},
               {"protocol": "tcp", "start": 8000, "count": 10, "state": "absent"}]
    print("== apply in check mode: says what would change, changes nothing")
    before = fleet.state_bytes()
    code, output, recap = fleet.apply(desired, "--check")
    check(code == 0, "check mode: ansible-playbook exits 0")
    check(all(recap.get(n, {}).get("changed") == 1 for n in fleet.hosts),
          "check mode: every host reports the change it would make")
    check(fleet.state_bytes() == before, "check mode: no state file changed (byte for byte)")

    print("== apply")
    code, output, recap = fleet.apply(desired)
    check(code == 0, "apply: ansible-playbook exits 0")
    check(all(recap.get(n, {}).get("changed") == 1 and recap[n]["failed"] == 0
              for n in fleet.hosts), "apply: every host changed, none failed")
    for name in fleet.hosts:
        listed = fleet.cli_list(name)
        check({("tcp", 41000, 10), ("udp", 41000, 4)} <= listed
              and ("tcp", 8000, 10) not in listed,
              "portolan-cli list on %s shows the desired blocks" % name)

    print("== gather again, import: the database has the change")
    fleet.gather()
    fleet.import_fleet()
    stored = fleet.latest_blocks()
    for name, host in fleet.hosts.items():
        persistent, _ = scenario_blocks(host["data"])
        want = (persistent - {("tcp", 8000, 10)}) | {("tcp", 41000, 10), ("udp", 41000, 4)}
        got = stored.get(names[name], (set(), set(), {}))[0]
        check(got == want, "%s: newest snapshot's persistent blocks %s" % (name, sorted(got)))
    try:
        with sqlite3.connect(fleet.db) as db:
            counts = dict(db.execute("SELECT host, COUNT(*) FROM host_snapshot GROUP BY host"))
    except sqlite3.Error as e:
        counts = {"error": str(e)}
    check(all(counts.get(h) == 2 for h in names.values()),
          "every host keeps both of its snapshots: %s" % counts)

    if args.fleet_view_test:
        expect = {"hosts": [], "find": {"protocol": "tcp", "port": 41005}}
        for name, host in fleet.hosts.items():
            persistent, runtime = scenario_blocks(host["data"])
            gave_up = ("tcp", 8000, 10) in persistent
            expect["hosts"].append({
                "host": names[name], "snapshots": 2, "runtime": len(runtime),
                "persistent": len(persistent - {("tcp", 8000, 10)}) + 2,
                "missing": "TCP 8000\u20138009" if gave_up else ""})
        expect_path = os.path.join(fleet.work, "fleet-view-expect.json")
        with open(expect_path, "w", encoding="utf-8") as f:
            json.dump(expect, f, indent=2)
        run = subprocess.run([args.fleet_view_test],
                             env=dict(os.environ, QT_QPA_PLATFORM="offscreen",
                                      PORTOLAN_FLEET_DB=fleet.db,
                                      PORTOLAN_FLEET_EXPECT=expect_path),
                             capture_output=True, text=True)
        print(run.stdout + run.stderr)
        check(run.returncode == 0, "the Fleet view on the gathered database (exit %d)"
              % run.returncode)
    else:
        print("note: no Fleet view test given; the database was checked with sqlite3")

    print("== apply again: nothing changes")
    code, output, recap = fleet.apply(desired)
    check(code == 0 and all(recap.get(n, {}).get("changed") == 0 and recap[n]["failed"] == 0
                            for n in fleet.hosts),
          "second apply: changed=0 for every host in the recap")

    print("== a desired state that WinNAT refuses on the developer host")
    tokens_before = fleet.state_persistent("developer")
    conflicting = [{"protocol": "tcp", "start": 42000, "count": 5, "state": "present"},
                   {"protocol": "tcp", "start": 2900, "count": 10, "state": "present"}]
    code, output, recap = fleet.apply(conflicting)
    check(code != 0, "conflict: ansible-playbook reports the failure (exit %d)" % code)
    check(recap.get("developer", {}).get("failed") == 1, "conflict: the developer host failed")
    check(all(recap.get(n, {}).get("failed") == 0 and recap[n]["changed"] == 1
              for n in fleet.hosts if n != "developer"),
          "conflict: every other host applied it")
    fatal = [line for line in output.splitlines() if line.startswith("fatal: [developer]")]
    check(bool(fatal) and "WinNAT" in fatal[0] and "2900" in fatal[0],
          "conflict: the task's output names the block and WinNAT: %s" % (fatal[:1],))
    check(fleet.state_persistent("developer") == tokens_before,
          "conflict: the developer's persistent reservations and tokens are as before")

    print("fleet playbook test: %.1f s" % (time.monotonic() - started))
    if failures:
        print("%d check(s) failed:\n  " % len(failures) + "\n  ".join(failures))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
