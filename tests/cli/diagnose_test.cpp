// SPDX-License-Identifier: GPL-3.0-or-later
// why, suggest and dynamic-range set against the simulated machines.
#include "clitest.h"

#include "platform/backendfactory.h"
#include "platform/simulated/simulatedcontrol.h"

using namespace portolan;
using namespace portolan::cli;
using namespace portolan::cli::test;

namespace {

const Json* remedyOfKind(const Json& doc, std::string_view kind)
{
    for (const Json& remedy : arrayField(doc, "remedies"))
        if (stringField(remedy, "kind") == kind)
            return &remedy;
    return nullptr;
}

bool binds(const Machine& machine, std::string_view protocol, std::int64_t port)
{
    return machine({"bind", std::string(protocol), std::to_string(port)}).code == 0;
}

void elevate(const Machine& machine, bool elevated)
{
    auto backend = createBackend({"simulated", machine.scenario(), machine.statePath()});
    REQUIRE(backend.ok());
    auto* control = dynamic_cast<SimulatedControl*>(backend.value().get());
    REQUIRE(control != nullptr);
    REQUIRE(control->setElevated(elevated).ok());
}

} // namespace

TEST_CASE("why: a runtime block names its owner, the evidence and the nearest free port")
{
    Machine machine("developer");
    Run text = machine({"why", "tcp", "3000"});
    CHECK(text.code == 0);
    CHECK_MESSAGE(contains(text.out, "2869-3368 (500 ports)"), text.out);
    CHECK(contains(text.out, "Windows NAT (WinNAT)"));
    CHECK(contains(text.out, "evidence: scenario"));
    CHECK(contains(text.out, "Nearest free port: 2868"));

    Json doc = machine({"why", "tcp", "3000", "--json"}).json();
    CHECK(stringField(doc, "cause") == "reservation");
    const Json& block = objectField(doc, "block");
    CHECK(intField(block, "start") == 2869);
    CHECK(intField(block, "end") == 3368);
    CHECK(stringField(block, "owner") == "Windows NAT (WinNAT)");
    CHECK(stringField(block, "evidence") == "scenario");
    const std::int64_t nearest = intField(doc, "nearestFree");
    CHECK((nearest < 2869 || nearest > 3368));
    CHECK(binds(machine, "tcp", nearest));
    // Cheapest first: another port, then pinning through protect, then stopping WinNAT.
    const auto& remedies = arrayField(doc, "remedies");
    REQUIRE(remedies.size() >= 3);
    CHECK(stringField(remedies[0], "kind") == "other-port");
    CHECK(intField(remedies[0], "port") == nearest);
    CHECK(stringField(remedies[1], "kind") == "pin");
    CHECK(stringField(remedies[1], "command") ==
          "portolan-cli protect tcp 3000 1 --stop-service winnat");
    const Json* stop = remedyOfKind(doc, "stop-service");
    REQUIRE(stop != nullptr);
    CHECK(contains(stringField(*stop, "cost"), "WSL 2 port forwarding"));
}

TEST_CASE("why: a listener names its process")
{
    Machine machine("developer");
    Run text = machine({"why", "tcp", "5173"});
    CHECK(text.code == 0);
    CHECK_MESSAGE(contains(text.out, "node.exe (pid 14236)"), text.out);
    Json doc = machine({"why", "tcp", "5173", "--json"}).json();
    CHECK(stringField(doc, "cause") == "listener");
    CHECK(stringField(objectField(doc, "listener"), "process") == "node.exe");
    const Json* stop = remedyOfKind(doc, "stop-process");
    REQUIRE(stop != nullptr);
    CHECK(intField(*stop, "pid") == 14236);
}

TEST_CASE("why: each cause, and the dynamic range when it starts low")
{
    struct Case
    {
        const char* scenario;
        const char* port;
        const char* cause;
        const char* remedy; // a remedy that must be offered, "" for none at all
    };
    const Case cases[] = {
        {"developer", "2869", "reservation", "stop-service"},
        {"developer", "4000", "free", ""},
        {"installer-range", "3000", "reservation", "move-dynamic-range"},
        {"installer-range", "4000", "free-in-dynamic-range", "move-dynamic-range"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.scenario);
        CAPTURE(c.port);
        Machine machine(c.scenario);
        Run r = machine({"why", "tcp", c.port, "--json"});
        CHECK(r.code == 0);
        Json doc = r.json();
        CHECK(stringField(doc, "cause") == c.cause);
        if (std::string_view(c.remedy).empty())
            CHECK(arrayField(doc, "remedies").empty());
        else
            CHECK(remedyOfKind(doc, c.remedy) != nullptr);
    }
}

TEST_CASE("suggest: a block outside every reservation, listener and the dynamic range")
{
    Machine machine("developer");
    Run r = machine({"suggest", "tcp", "10", "--near", "3000", "--json"});
    REQUIRE(r.code == 0);
    Json doc = r.json();
    const Json& block = objectField(doc, "block");
    const std::int64_t first = intField(block, "start");
    const std::int64_t last = intField(block, "end");
    CHECK(last - first + 1 == 10);
    CHECK(first >= 1024);

    Json list = machine({"list", "tcp", "--json"}).json();
    for (const Json& reservation : arrayField(list, "reservations")) {
        CAPTURE(reservation.dump());
        CHECK((last < intField(reservation, "start") || first > intField(reservation, "end")));
    }
    Json listeners = machine({"listeners", "tcp", "--json"}).json();
    for (const Json& listener : arrayField(listeners, "listeners")) {
        const std::int64_t port = intField(listener, "port");
        CHECK((port < first || port > last));
    }
    CHECK(last < 49152);
    CHECK(binds(machine, "tcp", first));
    CHECK(binds(machine, "tcp", last));

    Run text = machine({"suggest", "tcp", "10", "--near", "3000"});
    CHECK(text.out.starts_with("tcp " + std::to_string(first) + "-" + std::to_string(last) +
                               " (10 ports)\n"));
}

TEST_CASE("suggest: no block fits when the dynamic range covers every port from 1024")
{
    Machine machine("installer-range");
    Run r = machine({"suggest", "tcp", "1"});
    CHECK(r.code == 2);
    CHECK_MESSAGE(contains(r.err, "the dynamic range 1024-65535"), r.err);
}

TEST_CASE("dynamic-range set: refused without elevation, nothing changed")
{
    Machine machine("installer-range");
    REQUIRE(machine({"dynamic-range"}).code == 0);
    const std::string before = readFile(machine.statePath());
    Run r = machine({"dynamic-range", "set", "tcp", "49152", "16384", "--json"});
    CHECK(r.code == 4);
    Json doc = r.json();
    CHECK_FALSE(boolField(doc, "ok"));
    CHECK(stringField(objectField(doc, "error"), "name") == "ERROR_ACCESS_DENIED");
    CHECK(stringField(objectField(doc, "error"), "kind") == "AccessDenied");
    CHECK(readFile(machine.statePath()) == before);
}

TEST_CASE("dynamic-range set: elevated, it changes the protocol's range")
{
    Machine machine("installer-range");
    REQUIRE(machine({"dynamic-range"}).code == 0);
    elevate(machine, true);
    Run r = machine({"dynamic-range", "set", "tcp", "49152", "16384"});
    CHECK(r.code == 0);
    CHECK_MESSAGE(contains(r.out, "tcp dynamic range: 1024-65535 (64512 ports) -> 49152-65535 "
                                  "(16384 ports)"),
                  r.out);
    Json doc = machine({"dynamic-range", "--json"}).json();
    const auto& ranges = arrayField(doc, "ranges");
    REQUIRE(ranges.size() == 2);
    CHECK(intField(ranges[0], "start") == 49152);
    CHECK(intField(ranges[0], "count") == 16384);
    // Windows keeps one range per protocol: UDP's stays where the installer put it.
    CHECK(intField(ranges[1], "start") == 1024);
}

TEST_CASE("dynamic-range set: values outside netsh's limits are refused by field")
{
    struct Case
    {
        const char* start;
        const char* count;
        const char* message;
    };
    const Case cases[] = {
        {"1024", "16384", "START: 1024 is out of range; allowed: 1025-65535"},
        {"49152", "254", "COUNT: 254 is out of range; allowed: 255-64511"},
        {"1", "255", "START: 1 is out of range; allowed: 1025-65535"},
    };
    Machine machine("developer");
    REQUIRE(machine({"dynamic-range"}).code == 0);
    const std::string before = readFile(machine.statePath());
    for (const Case& c : cases) {
        CAPTURE(c.start);
        CAPTURE(c.count);
        Run r = machine({"dynamic-range", "set", "tcp", c.start, c.count});
        CHECK(r.code == 1);
        CHECK_MESSAGE(contains(r.err, std::string("portolan-cli: ") + c.message), r.err);
        CHECK(contains(r.err, "usage: portolan-cli [OPTIONS] dynamic-range"));
        CHECK(readFile(machine.statePath()) == before);
    }
}
