// SPDX-License-Identifier: GPL-3.0-or-later
// snapshot, apply and check --watch on simulated machines, as scripts and configuration tools
// run them: the JSON they read, the exit codes, and the state left behind.
#include "clitest.h"

#include "platform/simulated/simulatedcontrol.h"
#include "platform/snapshot/hostsnapshot.h"

#include <algorithm>
#include <sstream>

using namespace portolan;
using namespace portolan::cli;
using namespace portolan::cli::test;

namespace {

// The persistent blocks with their tokens, as `list --json` reports them.
Json persistentBlocks(const Machine& machine)
{
    Run r = machine({"--json", "list"});
    REQUIRE(r.code == 0);
    const Json doc = r.json();
    Json blocks = Json::array();
    for (const Json& b : arrayField(doc, "reservations"))
        if (boolField(b, "persistent"))
            blocks.push_back(b);
    return blocks;
}

Json applied(const Machine& machine, const std::string& desired, std::vector<std::string> extra,
             int expectedCode)
{
    const std::string file = machine.dir().file("desired.json");
    writeFile(file, desired);
    std::vector<std::string> args{"apply", file};
    args.insert(args.end(), extra.begin(), extra.end());
    Run r = machine(args);
    CHECK_MESSAGE(r.code == expectedCode, r.err);
    return r.json();
}

} // namespace

TEST_CASE("snapshot prints the host document alone on stdout, with and without --json")
{
    Machine machine("developer");
    for (bool json : {false, true}) {
        Run r = machine(json ? std::vector<std::string>{"--json", "snapshot"}
                             : std::vector<std::string>{"snapshot"});
        REQUIRE(r.code == 0);
        CHECK(r.err.empty());
        auto read = snapshotFromJson(r.out, "stdout");
        REQUIRE_MESSAGE(read.ok(), read.error().describe());
        CHECK(read->host == "DEV-WORKSTATION");
        CHECK(read->os.name == "Windows 11 Pro");
        CHECK_FALSE(read->scan);
    }
    Run scanned = machine({"snapshot", "--scan", "tcp:2860-2880"});
    REQUIRE(scanned.code == 0);
    auto read = snapshotFromJson(scanned.out, "stdout");
    REQUIRE(read.ok());
    REQUIRE(read->scan);
    CHECK(read->scan->runs.back().outcome == BindOutcome::Forbidden);
    CHECK(read->scan->runs.back().holder == "Windows NAT (WinNAT)");
}

TEST_CASE("apply: --check changes nothing, apply creates and deletes, a second run changes nothing")
{
    Machine machine("developer");
    const std::string desired = R"({"reservations": [
        {"protocol": "tcp", "start": 41000, "count": 10, "state": "present"},
        {"protocol": "tcp", "start": 8000, "count": 10, "state": "absent"},
        {"protocol": "tcp", "start": 5037, "count": 1}]})";
    REQUIRE(machine({"list"}).code == 0); // the state file exists from here on
    const std::string before = readFile(machine.statePath());

    Json check = applied(machine, desired, {"--check"}, 0);
    CHECK(boolField(check, "changed"));
    CHECK(boolField(check, "check"));
    REQUIRE(arrayField(check, "actions").size() == 2);
    CHECK(stringField(check["actions"][0], "action") == "create");
    CHECK(stringField(check["actions"][0], "result") == "planned");
    CHECK(stringField(check["actions"][1], "action") == "delete");
    CHECK(readFile(machine.statePath()) == before);

    const Json pinned = persistentBlocks(machine)[0]; // tcp 5037, not to be touched
    Json first = applied(machine, desired, {}, 0);
    CHECK(boolField(first, "ok"));
    CHECK(boolField(first, "changed"));
    CHECK(stringField(first["actions"][0], "result") == "done");
    CHECK(stringField(first["actions"][0], "token") != "0");
    CHECK(stringField(first["actions"][1], "result") == "done");
    REQUIRE(arrayField(first, "unchanged").size() == 1);
    const Json after = persistentBlocks(machine);
    CHECK(after.size() == 2);
    CHECK(after[0] == pinned);
    CHECK(intField(after[1], "start") == 41000);

    Json second = applied(machine, desired, {}, 0);
    CHECK_FALSE(boolField(second, "changed"));
    CHECK(arrayField(second, "actions").empty());
    CHECK(arrayField(second, "unchanged").size() == 3);
}

TEST_CASE("apply: a block WinNAT holds is refused by name before anything changes")
{
    Machine machine("developer");
    const Json before = persistentBlocks(machine);
    Json doc = applied(machine, R"({"reservations": [
        {"protocol": "tcp", "start": 42000, "count": 10},
        {"protocol": "tcp", "start": 3000, "count": 1},
        {"protocol": "tcp", "start": 8000, "count": 10, "state": "absent"}]})",
                       {}, 2);
    CHECK_FALSE(boolField(doc, "ok"));
    CHECK_FALSE(boolField(doc, "changed"));
    CHECK(stringField(objectField(doc, "error"), "kind") == "Conflict");
    const Json& refused = doc["actions"][1];
    CHECK(stringField(refused, "result") == "failed");
    CHECK(contains(stringField(objectField(refused, "error"), "message"), "Windows NAT (WinNAT)"));
    const std::string explanation = dumpJson(refused["explanation"]);
    CHECK(contains(explanation, "portolan-cli protect tcp 3000 1"));
    CHECK(stringField(doc["actions"][0], "result") == "not-run");
    CHECK(persistentBlocks(machine) == before);
}

TEST_CASE("apply: a create the system refuses undoes the run; untouched blocks keep their tokens")
{
    Machine machine("developer");
    const Json before = persistentBlocks(machine);
    // 5170-5179 holds node.exe's listener on 5173: CreatePersistentTcpPortReservation refuses.
    Json doc = applied(machine, R"({"reservations": [
        {"protocol": "tcp", "start": 42000, "count": 10},
        {"protocol": "tcp", "start": 5170, "count": 10},
        {"protocol": "tcp", "start": 5037, "count": 1, "state": "absent"}]})",
                       {}, 2);
    CHECK_FALSE(boolField(doc, "changed"));
    CHECK(stringField(doc["actions"][0], "result") == "undone");
    CHECK(stringField(doc["actions"][1], "result") == "failed");
    CHECK(contains(dumpJson(doc["actions"][1]["explanation"]), "node.exe (pid 14236)"));
    CHECK(stringField(doc["actions"][2], "result") == "not-run");
    CHECK(persistentBlocks(machine) == before);
}

TEST_CASE("apply - reads the desired state from standard input")
{
    Machine machine;
    std::istringstream input(
        R"({"reservations": [{"protocol": "udp", "start": 41000, "count": 5}]})");
    Environment environment;
    environment.input = &input;
    Run r = machine.with({"--json", "apply", "-"}, environment);
    REQUIRE(r.code == 0);
    CHECK(boolField(r.json(), "changed"));
    CHECK(machine({"lookup", "udp", "41000", "5"}).code == 0);
}

TEST_CASE("apply without elevation is refused with exit code 4 and changes nothing")
{
    Machine machine("installer-range"); // not elevated
    Run list = machine({"--json", "list"});
    REQUIRE(list.code == 0);
    Json doc = applied(machine, R"({"reservations": [{"protocol": "tcp", "start": 42000,
        "count": 10}]})",
                       {}, 4);
    CHECK(stringField(objectField(doc, "error"), "kind") == "AccessDenied");
    CHECK(machine({"--json", "list"}).out == list.out);
}

TEST_CASE("check --watch: two boots with WinNAT's block moved onto a watched port")
{
    TempDir dir;
    const std::string history = dir.file("boots");
    // Boot A is the developer machine; boot B a day later, WinNAT's block moved to 9000.
    auto scenario = parseJson(readFile(scenarioPath("developer")));
    REQUIRE(scenario.ok());
    Json later = scenario.value();
    later["bootTime"] = "2025-03-11T07:55:02Z";
    for (Json& service : later["services"])
        if (service["name"] == "winnat")
            service["blocks"][0]["start"] = 9000;
    const std::string bootB = dir.file("boot-b.json");
    writeFile(bootB, dumpJson(later));

    auto onBoot = [&](const std::string& scenarioFile, std::vector<std::string> extra,
                      const std::string& ports = "9080,4000") {
        std::vector<std::string> args{
            "--scenario", scenarioFile,
            "--state",    dir.file(scenarioFile == bootB ? "b.state" : "a.state"),
            "check",      "--watch",
            ports,        "--history",
            history};
        args.insert(args.end(), extra.begin(), extra.end());
        return run(args);
    };

    Run a = onBoot(scenarioPath("developer"), {"--json"});
    CHECK(a.code == 0);
    CHECK(boolField(a.json(), "healthy"));
    CHECK(boolField(objectField(a.json(), "boot"), "stored"));

    Run b = onBoot(bootB, {"--json"});
    CHECK(b.code == 1);
    const Json doc = b.json();
    CHECK_FALSE(boolField(doc, "healthy"));
    CHECK(stringField(objectField(doc, "boot"), "previousBootTime") == "2025-03-10T08:02:41Z");
    const Json& moved = arrayField(objectField(doc, "changes"), "moved");
    REQUIRE(moved.size() == 1);
    CHECK(stringField(moved[0], "owner") == "Windows NAT (WinNAT)");
    CHECK(intField(moved[0]["from"], "start") == 2869);
    CHECK(intField(moved[0], "start") == 9000);
    CHECK(moved[0]["covers"] == Json::array({9080}));
    const Json& watched = arrayField(doc, "watched");
    REQUIRE(watched.size() == 2);
    CHECK(intField(watched[1], "port") == 9080);
    CHECK(stringField(watched[1], "status") == "forbidden");
    CHECK(boolField(watched[1], "becameForbidden"));
    CHECK(boolField(watched[0], "ok"));

    Run line = onBoot(bootB, {"--format", "line"});
    CHECK(line.code == 1);
    CHECK(line.out.size() <= 2049);
    CHECK(std::count(line.out.begin(), line.out.end(), '\n') == 1);
    CHECK(contains(line.out, "NOT OK"));
    CHECK(contains(line.out, "2869-3368 of Windows NAT (WinNAT) -> 9000-9499"));
    CHECK(contains(line.out, "watched port 9080"));

    // Hundreds of forbidden ports still make one line of at most 2048 characters.
    Run many = onBoot(bootB, {"--format", "line"}, "9000-9499");
    CHECK(many.code == 1);
    CHECK(many.out.size() <= 2049);
    CHECK(many.out.size() > 2000);
    CHECK(std::count(many.out.begin(), many.out.end(), '\n') == 1);
}

TEST_CASE("snapshot --json: a backend that cannot list its reservations gives the error object")
{
    Machine machine("developer");
    Environment environment;
    environment.makeBackend = [](const BackendOptions& options) {
        auto backend = createBackend(options);
        if (backend)
            if (auto* control = dynamic_cast<SimulatedControl*>(backend.value().get()))
                control->failNextCall(SimulatedCall::ListReservations, 5); // ERROR_ACCESS_DENIED
        return backend;
    };
    Run r = machine.with({"--json", "snapshot"}, environment);
    CHECK(r.code == 4);
    CHECK(r.err.empty());
    const Json doc = r.json();
    CHECK_FALSE(boolField(doc, "ok"));
    CHECK(stringField(doc, "command") == "snapshot");
    CHECK(stringField(objectField(doc, "error"), "name") == "ERROR_ACCESS_DENIED");

    Run text = machine.with({"snapshot"}, environment);
    CHECK(text.code == 4);
    CHECK(text.out.empty()); // never half a document
    CHECK(contains(text.err, "portolan-cli: AccessDenied"));
}
