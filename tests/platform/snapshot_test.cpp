// SPDX-License-Identifier: GPL-3.0-or-later
// The host snapshot document: what it says about a machine, the JSON read back to the same
// snapshot, every bad document refused by field, and what changed between two snapshots.
#include "platform/snapshot/hostsnapshot.h"
#include "simulated_support.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

using namespace portolan;
using namespace portolan::test;

namespace {

HostSnapshot gathered(const std::string& scenario)
{
    auto backend = openScenario(scenario);
    auto snapshot = gatherSnapshot(*backend, SnapshotOptions{"1.2.3", std::nullopt, 1765100400});
    REQUIRE_MESSAGE(snapshot.ok(), snapshot.error().describe());
    return std::move(snapshot.value());
}

const ReservedBlock* runtimeOf(const HostSnapshot& s, std::string_view owner)
{
    for (const auto& b : s.runtime)
        if (b.owner == owner)
            return &b;
    return nullptr;
}

// The developer machine's document with one value replaced (by JSON pointer).
std::string developerWith(const std::string& pointer, const Json& value)
{
    Json doc = snapshotToJsonValue(gathered("developer.json"));
    doc[Json::json_pointer(pointer)] = value;
    return dumpJson(doc);
}

std::string refusal(const std::string& text)
{
    auto read = snapshotFromJson(text, "a.json");
    REQUIRE_FALSE(read.ok());
    CHECK(read.error().kind == ErrorKind::InvalidArgument);
    return read.error().message;
}

} // namespace

TEST_CASE("a snapshot of the developer machine names its host, system, blocks and listeners")
{
    const HostSnapshot s = gathered("developer.json");
    CHECK(s.host == "DEV-WORKSTATION");
    CHECK(s.backend == "simulated");
    CHECK(s.os.family == "windows");
    CHECK(s.os.name == "Windows 11 Pro");
    CHECK(s.elevated);
    REQUIRE(s.bootTime);
    CHECK(simulated::formatUtcTime(*s.bootTime) == "2025-03-10T08:02:41Z");
    REQUIRE(s.dynamicTcp);
    CHECK(*s.dynamicTcp == PortRange{49152, 16384});
    REQUIRE(s.persistent.size() == 2);
    CHECK(s.persistent[0].range == PortRange{5037, 1});
    CHECK(s.persistent[0].token != kNoToken);
    const ReservedBlock* winnat = runtimeOf(s, "Windows NAT (WinNAT)");
    REQUIRE(winnat);
    CHECK(winnat->range == PortRange{2869, 500});
    CHECK(winnat->ownerEvidence == "scenario");
    CHECK(std::any_of(s.listeners.begin(), s.listeners.end(), [](const Listener& l) {
        return l.port == 5173 && l.pid == 14236 && l.process == "node.exe";
    }));
    CHECK_FALSE(s.scan);

    const Json doc = snapshotToJsonValue(s);
    CHECK(doc["schema"] == "portolan-host-snapshot");
    CHECK(doc["version"] == 1);
    CHECK(doc["gatheredAt"] == "2025-12-07T09:40:00Z");
    // Tokens as decimal strings, never as numbers a reader may round.
    CHECK(doc["persistent"][0]["token"] == std::to_string(s.persistent[0].token));
    CHECK(doc["persistent"][0]["end"] == 5037);
}

TEST_CASE("a scenario names its system; one that does not is Windows 11")
{
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / "portolan-snapshot-os";
    fs::create_directories(dir);
    const fs::path path = dir / "server.json";
    std::ofstream(path) << R"({"schema": 1, "hostName": "BUILD-01", "os": {"family": "windows",
        "name": "Windows Server 2022 Datacenter", "version": "10.0.20348"}})";
    auto opened = SimulatedBackend::open(
        SimulatedOptions{path.string(), std::string(SimulatedBackend::kMemoryState)});
    REQUIRE_MESSAGE(opened.ok(), opened.error().describe());
    CHECK(opened.value()->osInfo() ==
          OsInfo{"windows", "Windows Server 2022 Datacenter", "10.0.20348"});
    CHECK(openClean()->osInfo() == OsInfo{"windows", "Windows 11 Pro", "10.0.22631"});

    std::ofstream(path) << R"({"schema": 1, "os": {"family": "macos"}})";
    auto refused = SimulatedBackend::open(
        SimulatedOptions{path.string(), std::string(SimulatedBackend::kMemoryState)});
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().message.find("os.family") != std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("a snapshot read back from its JSON is the same snapshot, for every scenario")
{
    for (const char* name :
         {"clean.json", "developer.json", "developer-accounts.json", "installer-range.json"}) {
        CAPTURE(name);
        const std::string text = snapshotToJson(gathered(name));
        auto read = snapshotFromJson(text, name);
        REQUIRE_MESSAGE(read.ok(), read.error().describe());
        CHECK(snapshotToJson(read.value()) == text);
    }
}

TEST_CASE("a scan asked for is kept with its runs")
{
    auto backend = openScenario("developer.json");
    ScanRequest request;
    request.first = 2860;
    request.last = 2879;
    auto s = gatherSnapshot(*backend, SnapshotOptions{"1", request, 0});
    REQUIRE(s.ok());
    REQUIRE(s->scan);
    CHECK(s->scan->first == 2860);
    REQUIRE(s->scan->runs.size() == 2);
    CHECK(s->scan->runs[1].start == 2869);
    CHECK(s->scan->runs[1].outcome == BindOutcome::Forbidden);
    CHECK(s->scan->runs[1].holder.find("WinNAT") != std::string::npos);
    auto read = snapshotFromJson(snapshotToJson(s.value()), "scan.json");
    REQUIRE_MESSAGE(read.ok(), read.error().describe());
    CHECK(read->scan == s->scan);
}

TEST_CASE("bad documents are refused by field, with the values allowed")
{
    struct Case
    {
        std::string text;
        std::string field;
    };
    const std::string good = developerWith("/host", "DEV-WORKSTATION");
    const Case cases[]{
        {good.substr(0, good.size() / 2), "(document)"},
        {"[]", "(document)"},
        {developerWith("/schema", "portolan-report"), "schema"},
        {developerWith("/version", 2), "version"},
        {developerWith("/host", "DEV\x07WORKSTATION"), "host"},
        {developerWith("/host", "DEV\nWORKSTATION"), "host"},
        {developerWith("/host", ""), "host"},
        {developerWith("/backend", "macos"), "backend"},
        {developerWith("/os/family", "beos"), "os.family"},
        {developerWith("/elevated", "yes"), "elevated"},
        {developerWith("/bootTime", "2025-02-30T00:00:00Z"), "bootTime"},
        {developerWith("/gatheredAt", 1765100400), "gatheredAt"},
        {developerWith("/dynamicRanges/tcp/count", 0), "dynamicRanges.tcp.count"},
        {developerWith("/runtime/0/start", 65500), "runtime[0]"},
        {developerWith("/runtime/0/end", 70000), "runtime[0].end"},
        {developerWith("/runtime/0/end", 3000), "runtime[0].end"},
        {developerWith("/runtime/0/protocol", "sctp"), "runtime[0].protocol"},
        {developerWith("/runtime/0/owner", 4), "runtime[0].owner"},
        {developerWith("/persistent/0/token", 123), "persistent[0].token"},
        {developerWith("/persistent/0/token", "0x7e51"), "persistent[0].token"},
        {developerWith("/persistent/0/token", "18446744073709551616"), "persistent[0].token"},
        {developerWith("/persistent/1/note", "pinned"), "persistent[1].note"},
        {developerWith("/listeners/0/address", "localhost"), "listeners[0].address"},
        {developerWith("/listeners/0/pid", -1), "listeners[0].pid"},
        {developerWith("/scan", "all"), "scan"},
        {developerWith("/extra", true), "extra"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.text.substr(0, 300));
        const std::string message = refusal(c.text);
        CHECK_MESSAGE(message.starts_with("a.json: " + c.field + ": "), message);
        CHECK_MESSAGE(message.find("allowed") != std::string::npos, message);
    }
    // A missing field is named as such.
    Json doc = snapshotToJsonValue(gathered("clean.json"));
    doc.erase("listeners");
    CHECK(refusal(dumpJson(doc)) == "a.json: listeners: missing; this field is required");
}

TEST_CASE("two boots: the owner's block that moved, the block that appeared and the one gone")
{
    HostSnapshot before = gathered("developer.json");
    HostSnapshot after = before;
    for (auto& b : after.runtime)
        if (b.owner == "Windows NAT (WinNAT)")
            b.range = PortRange{2969, 500};
    after.runtime.erase(
        std::remove_if(after.runtime.begin(), after.runtime.end(),
                       [](const ReservedBlock& b) { return b.protocol == Protocol::Udp; }),
        after.runtime.end());
    ReservedBlock added;
    added.persistent = false;
    added.range = PortRange{7000, 100};
    added.owner = "Docker Desktop";
    after.runtime.push_back(added);
    // A persistent block somewhere else is another block, not a moved one.
    after.persistent[1].range = PortRange{8100, 10};

    const SnapshotDiff diff = diffSnapshots(before, after);
    REQUIRE(diff.moved.size() == 1);
    CHECK(diff.moved[0].before.range == PortRange{2869, 500});
    CHECK(diff.moved[0].after.range == PortRange{2969, 500});
    REQUIRE(diff.appeared.size() == 2);
    CHECK(diff.appeared[0].range == PortRange{7000, 100});
    CHECK(diff.appeared[1].range == PortRange{8100, 10});
    REQUIRE(diff.vanished.size() == 2);
    CHECK(diff.vanished[0].range == PortRange{8000, 10});
    CHECK(diff.vanished[1].protocol == Protocol::Udp);
    CHECK(diffSnapshots(before, before).empty());
}
