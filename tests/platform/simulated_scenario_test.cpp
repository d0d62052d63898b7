// SPDX-License-Identifier: GPL-3.0-or-later
// Scenarios and the state file of the simulated backend: the shipped scenarios, validation
// errors naming the field, the state surviving a restart, and bad input changing nothing.
// State files are written only under a temporary folder.
#include "simulated_support.h"

#include "platform/inetaddress.h"
#include "platform/simulated/simulatedmachine.h"
#include "platform/simulated/simulatedrules.h"

#include <algorithm>
#include <filesystem>
#include <vector>

namespace portolan::test {

namespace fs = std::filesystem;

namespace {

Result<std::unique_ptr<SimulatedBackend>> openWith(const std::string& scenario,
                                                   const std::string& state)
{
    return SimulatedBackend::open(SimulatedOptions{scenario, state});
}

std::unique_ptr<SimulatedBackend> mustOpen(const std::string& scenario, const std::string& state)
{
    auto opened = openWith(scenario, state);
    REQUIRE_MESSAGE(opened.ok(), opened.error().describe());
    return std::move(opened.value());
}

std::size_t filesIn(const fs::path& folder)
{
    std::size_t n = 0;
    for (const auto& entry : fs::directory_iterator(folder)) {
        (void)entry;
        ++n;
    }
    return n;
}

} // namespace

TEST_CASE("scenario: the built-in clean machine is resources/scenarios/clean.json")
{
    CHECK(simulated::builtInScenarioText() == readFile(scenarioPath("clean.json")));
    auto backend = openClean();
    const SimulatedMachine m = backend->machine();
    CHECK(m.name == "clean");
    CHECK(m.hostName == "WIN11-CLEAN");
    CHECK(m.dynamicTcp == simulated::kWindowsDefaultDynamicRange);
    CHECK(m.dynamicUdp == simulated::kWindowsDefaultDynamicRange);
    CHECK(m.persistent.empty());
    CHECK(m.runtime.empty());
    CHECK(m.seededFrom == "built-in clean machine");
    auto listeners = backend->listeners(Protocol::Tcp);
    REQUIRE(listeners.ok());
    auto has = [&](std::uint16_t port, const char* process) {
        return std::any_of(listeners->begin(), listeners->end(), [&](const Listener& l) {
            return l.port == port && l.process == process;
        });
    };
    CHECK(has(135, "svchost.exe"));
    CHECK(has(445, "System"));
    CHECK(has(49664, "lsass.exe"));
}

TEST_CASE("scenario: the shipped scenarios load and say what they promise")
{
    SUBCASE("developer.json")
    {
        auto backend = openScenario("developer.json");
        const SimulatedMachine m = backend->machine();
        CHECK(m.elevated);
        REQUIRE(m.runtime.size() == 3);
        CHECK(m.runtime[0].range == PortRange{2869, 500});
        CHECK(m.runtime[1].range == PortRange{50000, 60});
        for (const auto& b : m.runtime)
            CHECK(b.token != kNoToken);
        REQUIRE(m.persistent.size() == 2);
        CHECK(m.persistent[0].range == PortRange{5037, 1});
        CHECK_FALSE(m.persistent[0].note.empty());
    }
    SUBCASE("installer-range.json")
    {
        auto backend = openScenario("installer-range.json");
        CHECK_FALSE(backend->isElevated());
        auto dynamic = backend->dynamicRange(Protocol::Tcp);
        REQUIRE(dynamic.ok());
        CHECK(dynamic.value() == PortRange{1024, 64512});
        // An ordinary user's terminal cannot pin a port.
        auto created = backend->createPersistent(Protocol::Tcp, PortRange{3000, 1});
        REQUIRE_FALSE(created.ok());
        CHECK(created.error().code == native::kErrorAccessDenied);
        // Ephemeral ports now land on low ports.
        auto socket = openSocket(*backend);
        REQUIRE(socket->bind("127.0.0.1", 0).ok());
        CHECK(socket->localPort().value() < 1080);
    }
}

TEST_CASE("scenario: machines survive a round trip through the state document")
{
    auto backend = openScenario("developer.json");
    REQUIRE(backend->createPersistent(Protocol::Udp, PortRange{7000, 3}).ok());
    REQUIRE(backend->reboot().ok());
    const SimulatedMachine m = backend->machine();
    auto parsed = simulated::machineFromJson(backend->stateDocument(), "state");
    REQUIRE_MESSAGE(parsed.ok(), parsed.error().describe());
    CHECK(parsed->persistent == m.persistent);
    CHECK(parsed->runtime == m.runtime);
    CHECK(parsed->bootTime == m.bootTime);
    CHECK(parsed->bootCounter == 2);
    CHECK(parsed->tokenCounter == m.tokenCounter);
    CHECK(parsed->scenarioHash == m.scenarioHash);
    CHECK(parsed->listeners.size() == m.listeners.size());
    CHECK(parsed->addresses == m.addresses);
}

TEST_CASE("scenario: boot times in UTC")
{
    const struct
    {
        const char* text;
        std::int64_t seconds;
    } cases[] = {
        {"1970-01-01T00:00:00Z", 0},
        {"2000-02-29T12:00:00Z", 951825600},
        {"2025-03-10T08:02:41Z", 1741593761},
    };
    for (const auto& c : cases) {
        CAPTURE(c.text);
        CHECK(simulated::parseUtcTime(c.text) == c.seconds);
        CHECK(simulated::formatUtcTime(c.seconds) == c.text);
    }
    for (const char* bad : {"2025-02-29T00:00:00Z", "2025-03-10 08:02:41Z", "2025-03-10T08:02:41",
                            "2025-13-01T00:00:00Z", "2025-03-10T24:00:00Z"}) {
        CAPTURE(bad);
        CHECK_FALSE(simulated::parseUtcTime(bad).has_value());
    }
}

TEST_CASE("scenario: errors name the field and the allowed values")
{
    struct Case
    {
        const char* what;
        const char* text;
        std::vector<const char*> mentions;
    };
    const Case cases[] = {
        {"malformed JSON", "{\n  \"schema\": 1,\n  \"name\": \n}", {"line 4", "column"}},
        {"not an object", "[1, 2]", {"expected an object"}},
        {"missing schema", "{}", {"schema", "required"}},
        {"unknown schema", R"({"schema": 2})", {"schema", "2 is out of range", "allowed 1-1"}},
        {"unknown field",
         R"({"schema": 1, "runtme": []})",
         {"runtme", "unknown field", "allowed:", "runtime"}},
        {"wrong type (bool)",
         R"({"schema": 1, "elevated": "yes"})",
         {"elevated", "expected true or false", "a string"}},
        {"wrong type (array)",
         R"({"schema": 1, "listeners": {}})",
         {"listeners", "expected an array"}},
        {"unknown protocol",
         R"({"schema": 1, "runtime": [{"protocol": "sctp", "start": 1, "count": 1, "owner": "x"}]})",
         {"runtime[0].protocol", "\"sctp\"", "\"tcp\", \"udp\""}},
        {"start out of range",
         R"({"schema": 1, "runtime": [
              {"protocol": "tcp", "start": 100, "count": 1, "owner": "a"},
              {"protocol": "tcp", "start": 200, "count": 1, "owner": "b"},
              {"protocol": "tcp", "start": 70000, "count": 1, "owner": "c"}]})",
         {"runtime[2].start", "70000 is out of range", "allowed 1-65535"}},
        {"start as a string",
         R"({"schema": 1, "persistent": [{"protocol": "tcp", "start": "5000", "count": 1}]})",
         {"persistent[0].start", "expected an integer, found a string"}},
        {"start with a fraction",
         R"({"schema": 1, "persistent": [{"protocol": "tcp", "start": 50.5, "count": 1}]})",
         {"persistent[0].start", "50.5 is not an integer"}},
        {"negative count",
         R"({"schema": 1, "persistent": [{"protocol": "udp", "start": 5000, "count": -1}]})",
         {"persistent[0].count", "-1 is out of range", "allowed 1-65535"}},
        {"block past 65535",
         R"({"schema": 1, "persistent": [{"protocol": "tcp", "start": 65500, "count": 100}]})",
         {"persistent[0]", "65500-65599", "runs past 65535"}},
        {"listener port out of range",
         R"({"schema": 1, "listeners": [{"protocol": "tcp", "address": "0.0.0.0", "port": 0}]})",
         {"listeners[0].port", "0 is out of range", "allowed 1-65535"}},
        {"listener address",
         R"({"schema": 1, "listeners": [{"protocol": "tcp", "address": "localhost", "port": 80}]})",
         {"listeners[0].address", "\"localhost\"", "not an IP address"}},
        {"missing owner",
         R"({"schema": 1, "runtime": [{"protocol": "tcp", "start": 5000, "count": 10}]})",
         {"runtime[0].owner", "required"}},
        {"overlapping runtime blocks",
         R"({"schema": 1, "runtime": [
              {"protocol": "tcp", "start": 5000, "count": 10, "owner": "a"},
              {"protocol": "tcp", "start": 5009, "count": 10, "owner": "b"}]})",
         {"runtime[1]", "tcp 5009-5018", "overlaps runtime[0]", "tcp 5000-5009"}},
        {"runtime over persistent",
         R"({"schema": 1,
             "persistent": [{"protocol": "udp", "start": 5000, "count": 10}],
             "runtime": [{"protocol": "udp", "start": 4995, "count": 10, "owner": "a"}]})",
         {"runtime[0]", "overlaps persistent[0]"}},
        {"dynamic range too small",
         R"({"schema": 1, "dynamicRange": {"tcp": {"start": 60000, "count": 100}}})",
         {"dynamicRange.tcp.count", "100 is out of range", "allowed 255-65535"}},
        {"dynamic range protocol",
         R"({"schema": 1, "dynamicRange": {"sctp": {}}})",
         {"dynamicRange.sctp", "unknown field", "tcp, udp"}},
        {"repeated token",
         R"({"schema": 1,
             "persistent": [{"protocol": "tcp", "start": 5000, "count": 1, "token": 42}],
             "runtime": [{"protocol": "tcp", "start": 6000, "count": 1, "owner": "a", "token": 42}]})",
         {"runtime[0].token", "repeats the token of persistent[0].token"}},
        {"zero token",
         R"({"schema": 1, "persistent": [{"protocol": "tcp", "start": 5000, "count": 1, "token": 0}]})",
         {"persistent[0].token", "not a token"}},
        {"boot time",
         R"({"schema": 1, "bootTime": "yesterday"})",
         {"bootTime", "\"yesterday\"", "YYYY-MM-DDTHH:MM:SSZ"}},
        {"negative pid",
         R"({"schema": 1, "listeners": [{"protocol": "tcp", "address": "::", "port": 1, "pid": -4}]})",
         {"listeners[0].pid", "-4 is out of range"}},
    };
    for (const Case& c : cases) {
        CAPTURE(c.what);
        auto opened = SimulatedBackend::fromScenarioText(c.text);
        REQUIRE_FALSE(opened.ok());
        const Error& error = opened.error();
        CAPTURE(error.message);
        CHECK(error.kind == ErrorKind::InvalidArgument);
        CHECK(error.message.find("scenario (in memory)") == 0);
        for (const char* mention : c.mentions) {
            CAPTURE(mention);
            CHECK(error.message.find(mention) != std::string::npos);
        }
    }
}

// The checks over all blocks sort them rather than compare every pair; on a machine of tens of
// thousands of blocks, listed in no particular order, they must name the same blocks that the
// pairwise reading did: the first block in the file that meets an earlier one, and the first
// block in the file that it meets.
TEST_CASE("scenario: on a big machine the overlap and token checks name the right blocks")
{
    constexpr int n = 8000;
    // Block k of each protocol's list sits on the even port 1024 + 2 * slot(k); 7919 is prime
    // and shares no factor with n, so every slot is taken once, in a scrambled order.
    const auto slotOf = [](int k) { return int(std::int64_t(k) * 7919 % n); };
    const auto portOfSlot = [](int slot) { return 1024 + 2 * slot; };
    std::vector<int> indexOfSlot(n);
    for (int k = 0; k < n; ++k)
        indexOfSlot[slotOf(k)] = k;
    const auto entry = [](const char* protocol, int start, int count) {
        return Json{{"protocol", protocol}, {"start", start}, {"count", count}};
    };
    Json scenario = {{"schema", 1}, {"runtime", Json::array()}, {"persistent", Json::array()}};
    for (const char* protocol : {"tcp", "udp"})
        for (int k = 0; k < n; ++k) {
            Json block = entry(protocol, portOfSlot(slotOf(k)), 1);
            block["owner"] = "svc-" + std::to_string(k % 3);
            scenario["runtime"].push_back(std::move(block));
        }
    const auto failure = [&](const Json& document) {
        auto opened = SimulatedBackend::fromScenario(document);
        REQUIRE_FALSE(opened.ok());
        CHECK(opened.error().kind == ErrorKind::InvalidArgument);
        return opened.error().message;
    };
    const auto tcpText = [](int first, int last) {
        return "tcp " + std::to_string(first) + "-" + std::to_string(last);
    };

    SUBCASE("the same ports in TCP and UDP do not overlap")
    {
        auto opened = SimulatedBackend::fromScenario(scenario);
        REQUIRE_MESSAGE(opened.ok(), opened.error().describe());
        CHECK(opened.value()->listReservations(std::nullopt)->size() == std::size_t(2 * n));
    }
    SUBCASE("a block over three earlier ones names the first of them in the file")
    {
        // Covers the blocks of slots 104, 105 and 106, of which the middle one comes first in
        // the file: neither the lowest nor the highest port names the block.
        constexpr int slot = 104;
        REQUIRE(indexOfSlot[slot + 1] < std::min(indexOfSlot[slot], indexOfSlot[slot + 2]));
        Json document = scenario;
        document["runtime"].push_back(entry("tcp", portOfSlot(slot), 5));
        document["runtime"].back()["owner"] = "late";
        const int earliest =
            std::min({indexOfSlot[slot], indexOfSlot[slot + 1], indexOfSlot[slot + 2]});
        const int port = portOfSlot(slotOf(earliest));
        const std::string message = failure(document);
        CAPTURE(message);
        CHECK(message.find("runtime[" + std::to_string(2 * n) +
                           "]: " + tcpText(portOfSlot(slot), portOfSlot(slot) + 4) +
                           " overlaps runtime[" + std::to_string(earliest) + "] (" +
                           tcpText(port, port) + ")") != std::string::npos);
    }
    SUBCASE("a long block listed first is named by the first later block inside it")
    {
        // Persistent blocks are read before runtime ones: this one is the earlier block of
        // every runtime block of slots 100-149.
        Json document = scenario;
        document["persistent"].push_back(entry("tcp", portOfSlot(100), 100));
        int first = n;
        for (int slot = 100; slot < 150; ++slot)
            first = std::min(first, indexOfSlot[slot]);
        const int port = portOfSlot(slotOf(first));
        const std::string message = failure(document);
        CAPTURE(message);
        CHECK(message.find("runtime[" + std::to_string(first) + "]: " + tcpText(port, port) +
                           " overlaps persistent[0] (" +
                           tcpText(portOfSlot(100), portOfSlot(100) + 99) + ")") !=
              std::string::npos);
    }
    SUBCASE("a repeated token names the first block that held it")
    {
        Json document = scenario;
        for (int k = 0; k < n; ++k)
            document["runtime"][std::size_t(k)]["token"] = 1000 + k;
        document["runtime"][std::size_t(n + 9)]["token"] = 1000 + 3;
        document["runtime"][std::size_t(n + 5)]["token"] = 1000 + 17;
        const std::string message = failure(document);
        CAPTURE(message);
        CHECK(message.find("runtime[" + std::to_string(n + 5) +
                           "].token: repeats the token of runtime[17].token") != std::string::npos);
    }
}

// The state file is written entry by entry rather than from one JSON tree; what a person (or
// the next start) reads must be the state document, laid out as before.
TEST_CASE("state: the state file holds the state document, two spaces indented")
{
    TempDir dir;
    const std::string state = dir.file("state.json");
    const auto checkFile = [&](const SimulatedBackend& backend) {
        CHECK(readFile(state) == dumpJson(backend.stateDocument(), 2) + "\n");
    };

    SUBCASE("a machine with every kind of entry and text that needs escaping")
    {
        const Json scenario = {
            {"schema", 1},
            {"elevated", true},
            {"name", "caf\u00e9 \"quoted\"\nsecond line"},
            {"description", "tab\there, backslash \\ and a snowman \u2603"},
            {"addresses", {"192.168.1.42", "fe80::1"}},
            {"persistent",
             {{{"protocol", "tcp"}, {"start", 5037}, {"count", 1}, {"note", "adb \"pinned\""}},
              {{"protocol", "udp"}, {"start", 8000}, {"count", 10}}}},
            {"runtime",
             {{{"protocol", "tcp"},
               {"start", 2869},
               {"count", 500},
               {"owner", "Windows NAT (WinNAT)"},
               {"pid", 4}},
              {{"protocol", "udp"}, {"start", 50000}, {"count", 60}, {"owner", "HNS \u00e9"}}}},
            {"listeners",
             {{{"protocol", "tcp"},
               {"address", "::"},
               {"port", 5432},
               {"pid", 6124},
               {"process", "postgres.exe"},
               {"options", "reuseaddr"},
               {"user", "NT AUTHORITY\\NETWORK SERVICE"}},
              {{"protocol", "udp"}, {"address", "0.0.0.0"}, {"port", 53}}}},
        };
        auto opened = SimulatedBackend::fromScenario(scenario, state);
        REQUIRE_MESSAGE(opened.ok(), opened.error().describe());
        checkFile(*opened.value());
        REQUIRE(opened.value()->createPersistent(Protocol::Tcp, PortRange{20000, 3}).ok());
        checkFile(*opened.value());
        REQUIRE(opened.value()->reboot().ok());
        checkFile(*opened.value());
    }
    SUBCASE("a machine without blocks")
    {
        auto opened = SimulatedBackend::fromScenarioText(simulated::builtInScenarioText(), state);
        REQUIRE_MESSAGE(opened.ok(), opened.error().describe());
        CHECK(opened.value()->machine().persistent.empty());
        checkFile(*opened.value());
    }
}

TEST_CASE("scenario: a scenario file's errors name the file")
{
    TempDir dir;
    const std::string scenario = dir.file("broken.json");
    const std::string state = dir.file("state.json");

    SUBCASE("missing file")
    {
        auto opened = openWith(dir.file("nowhere.json"), state);
        REQUIRE_FALSE(opened.ok());
        CHECK(opened.error().kind == ErrorKind::IoError);
        CHECK(opened.error().message.find("nowhere.json") != std::string::npos);
    }
    SUBCASE("a folder instead of a file")
    {
        auto opened = openWith(dir.path().string(), state);
        REQUIRE_FALSE(opened.ok());
        CHECK(opened.error().kind == ErrorKind::IoError);
    }
    SUBCASE("malformed JSON")
    {
        writeFile(scenario, "{\n  \"schema\": 1,\n  oops\n}\n");
        auto opened = openWith(scenario, state);
        REQUIRE_FALSE(opened.ok());
        CHECK(opened.error().kind == ErrorKind::InvalidArgument);
        CHECK(opened.error().message.find(scenario) != std::string::npos);
        CHECK(opened.error().message.find("line 3") != std::string::npos);
    }
    SUBCASE("a bad value")
    {
        writeFile(scenario, R"({"schema": 1, "runtime": [{"protocol": "tcp", "start": 1,
                               "count": 70000, "owner": "x"}]})");
        auto opened = openWith(scenario, state);
        REQUIRE_FALSE(opened.ok());
        CHECK(opened.error().message.find(scenario + ": runtime[0].count") != std::string::npos);
    }
    // Nothing was written.
    CHECK_FALSE(fs::exists(state));
}

TEST_CASE("state: survives re-opening from the same state file")
{
    TempDir dir;
    const std::string state = dir.file("nested/folder/state.json");
    const std::string developer = scenarioPath("developer.json");
    Token token = kNoToken;
    std::int64_t boot = 0;
    {
        auto backend = mustOpen(developer, state);
        CHECK(fs::exists(state)); // written at seeding
        auto created = backend->createPersistent(Protocol::Tcp, PortRange{20000, 10});
        REQUIRE(created.ok());
        token = created->token;
        REQUIRE(backend
                    ->addListener(Listener{Protocol::Tcp, AddressFamily::IPv4, "127.0.0.1", 3001,
                                           42, "vite.exe"})
                    .ok());
        REQUIRE(backend->setElevated(false).ok());
        boot = backend->bootTime().value();
        CHECK(backend->stateFile() == state);
    }
    {
        auto backend = mustOpen(developer, state);
        auto looked = backend->lookupPersistent(Protocol::Tcp, PortRange{20000, 10});
        REQUIRE(looked.ok());
        CHECK(looked->token == token); // same boot, same token
        CHECK_FALSE(backend->isElevated());
        CHECK(backend->bootTime().value() == boot);
        auto listeners = backend->listeners(Protocol::Tcp);
        REQUIRE(listeners.ok());
        CHECK(std::any_of(listeners->begin(), listeners->end(),
                          [](const Listener& l) { return l.port == 3001; }));
        REQUIRE(backend->setElevated(true).ok());
        REQUIRE(backend->reboot().ok());
    }
    {
        // Opened without a scenario, an existing state is the machine, whatever seeded it.
        auto backend = mustOpen("", state);
        CHECK(backend->hostName() == "DEV-WORKSTATION");
        CHECK(backend->machine().bootCounter == 2);
        auto looked = backend->lookupPersistent(Protocol::Tcp, PortRange{20000, 10});
        REQUIRE(looked.ok());
        CHECK(looked->token != token); // the reboot changed it, and that was saved too
        CHECK(backend->bootTime().value() > boot);
    }
    // Only the state file is left: every temporary file was renamed over it.
    CHECK(filesIn(fs::path(state).parent_path()) == 1);
}

// Found by tests/fuzz (state target): a reboot at the largest boot time or counter a state
// file may hold wrote a state that the next start refused, locking the user out.
TEST_CASE("state: a reboot at the end of time or of the counters writes a state that loads")
{
    TempDir dir;
    const std::string state = dir.file("state.json");
    {
        auto backend = mustOpen(scenarioPath("developer.json"), state);
        Json document = backend->stateDocument();
        document["bootTime"] = "9999-12-31T23:59:59Z";
        document["state"]["bootCounter"] = simulated::kMaxCounter;
        document["state"]["tokenCounter"] = simulated::kMaxCounter - 1;
        writeFile(state, dumpJson(document, 2));
    }
    {
        auto backend = mustOpen("", state);
        REQUIRE(backend->reboot().ok());
        REQUIRE(backend->createPersistent(Protocol::Udp, PortRange{20000, 10}).ok());
    }
    auto backend = mustOpen("", state);
    const SimulatedMachine machine = backend->machine();
    CHECK(machine.bootTime == simulated::kMaxBootTime); // the clock stops at its end
    CHECK(machine.bootCounter == 1);                    // the counters wrap around
    CHECK(machine.tokenCounter >= 1);
    CHECK(machine.tokenCounter < 10);
    std::vector<Token> tokens;
    for (const auto& block : machine.persistent)
        tokens.push_back(block.token);
    for (const auto& block : machine.runtime)
        tokens.push_back(block.token);
    std::sort(tokens.begin(), tokens.end());
    CHECK(std::adjacent_find(tokens.begin(), tokens.end()) == tokens.end());
    CHECK(std::find(tokens.begin(), tokens.end(), kNoToken) == tokens.end());
}

TEST_CASE("state: another scenario, or a changed one, seeds the machine anew")
{
    TempDir dir;
    const std::string state = dir.file("state.json");
    const std::string scenario = dir.file("mine.json");
    writeFile(scenario, readFile(scenarioPath("developer.json")));
    {
        auto backend = mustOpen(scenario, state);
        REQUIRE(backend->createPersistent(Protocol::Tcp, PortRange{20000, 10}).ok());
    }
    {
        auto backend = mustOpen(scenario, state); // same text: the state is kept
        CHECK(backend->lookupPersistent(Protocol::Tcp, PortRange{20000, 10}).ok());
    }
    writeFile(scenario, readFile(scenarioPath("developer.json")) + "\n");
    {
        auto backend = mustOpen(scenario, state); // edited: seeded again
        CHECK_FALSE(backend->lookupPersistent(Protocol::Tcp, PortRange{20000, 10}).ok());
        CHECK(backend->hostName() == "DEV-WORKSTATION");
    }
    {
        auto backend = mustOpen(scenarioPath("clean.json"), state);
        CHECK(backend->hostName() == "WIN11-CLEAN");
        CHECK(backend->machine().seededFrom == scenarioPath("clean.json"));
    }
}

TEST_CASE("state: a bad scenario leaves an existing state file untouched")
{
    TempDir dir;
    const std::string state = dir.file("state.json");
    {
        auto backend = mustOpen(scenarioPath("developer.json"), state);
        REQUIRE(backend->createPersistent(Protocol::Udp, PortRange{7000, 2}).ok());
    }
    const std::string before = readFile(state);
    const std::string bad = dir.file("bad.json");
    writeFile(bad, R"({"schema": 1, "listeners": [{"protocol": "tcp", "address": "::",
                   "port": 99999}]})");
    auto opened = openWith(bad, state);
    REQUIRE_FALSE(opened.ok());
    CHECK(opened.error().message.find("listeners[0].port") != std::string::npos);
    auto missing = openWith(dir.file("missing.json"), state);
    REQUIRE_FALSE(missing.ok());
    CHECK(readFile(state) == before);

    auto backend = mustOpen(scenarioPath("developer.json"), state);
    CHECK(backend->lookupPersistent(Protocol::Udp, PortRange{7000, 2}).ok());
}

TEST_CASE("state: a file that is not a simulated state is never overwritten")
{
    TempDir dir;
    const std::string state = dir.file("notes.json");
    const struct
    {
        const char* what;
        const char* text;
        const char* mention;
    } cases[] = {
        {"not JSON", "my shopping list\n", "line 1"},
        {"JSON, but not ours", R"({"eggs": 12})", "not a Portolan simulated state file"},
        {"ours, with a bad field",
         R"({"schema": 1, "persistent": [{"protocol": "tcp", "start": 0, "count": 1}],
             "state": {"format": "portolan-simulated-state", "version": 1}})",
         "persistent[0].start"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.what);
        writeFile(state, c.text);
        auto opened = openWith(scenarioPath("clean.json"), state);
        REQUIRE_FALSE(opened.ok());
        CHECK(opened.error().kind == ErrorKind::IoError);
        CHECK(opened.error().message.find(state) != std::string::npos);
        CHECK(opened.error().message.find(c.mention) != std::string::npos);
        CHECK(readFile(state) == c.text);
    }
}

TEST_CASE("state: a state file that cannot be written changes nothing")
{
    TempDir dir;
    const fs::path folder = dir.path() / "state";
    const std::string state = (folder / "state.json").string();
    auto backend = mustOpen(scenarioPath("clean.json"), state);

    // Replace the folder by a plain file: no write can succeed now, even as root.
    fs::remove_all(folder);
    writeFile(folder, "in the way");

    auto created = backend->createPersistent(Protocol::Tcp, PortRange{20000, 10});
    REQUIRE_FALSE(created.ok());
    CHECK(created.error().kind == ErrorKind::IoError);
    CHECK(created.error().message.find("state.json") != std::string::npos);
    CHECK_FALSE(backend->lookupPersistent(Protocol::Tcp, PortRange{20000, 10}).ok());

    std::uint64_t token = 0;
    CHECK(backend->createPersistentTcpPortReservation(hostToNetwork(20000), 10, &token) ==
          simulated::kStateWriteFailedCode);
    CHECK(token == 0);

    CHECK(backend->setElevated(false).error().kind == ErrorKind::IoError);
    CHECK(backend->isElevated());
    const auto bootCounter = backend->machine().bootCounter;
    CHECK(backend->reboot().error().kind == ErrorKind::IoError);
    CHECK(backend->machine().bootCounter == bootCounter);

    // And a fresh open cannot seed there either.
    auto opened = openWith(scenarioPath("clean.json"), (folder / "other.json").string());
    REQUIRE_FALSE(opened.ok());
    CHECK(opened.error().kind == ErrorKind::IoError);
}

TEST_CASE("state: the default state file location")
{
    const struct
    {
        const char* what;
        const char* localAppData;
        const char* xdg;
        const char* home;
        fs::path expected;
    } cases[] = {
        {"Windows", "C:/Users/ada/AppData/Local", "/x", "/home/ada",
         fs::path("C:/Users/ada/AppData/Local") / "Portolan" / "simulated-state.json"},
        {"XDG", nullptr, "/home/ada/.state", "/home/ada",
         fs::path("/home/ada/.state") / "portolan" / "simulated-state.json"},
        {"XDG empty", "", "", "/home/ada",
         fs::path("/home/ada") / ".local" / "state" / "portolan" / "simulated-state.json"},
        {"HOME only", nullptr, nullptr, "/home/ada",
         fs::path("/home/ada") / ".local" / "state" / "portolan" / "simulated-state.json"},
        {"nothing", nullptr, nullptr, nullptr, fs::path("portolan-simulated-state.json")},
    };
    for (const auto& c : cases) {
        CAPTURE(c.what);
        CHECK(SimulatedBackend::defaultStatePathFor(c.localAppData, c.xdg, c.home) ==
              c.expected.string());
    }
    CHECK_FALSE(SimulatedBackend::defaultStatePath().empty());
}

TEST_CASE("state: \":memory:\" keeps nothing on disk")
{
    TempDir dir;
    const auto cwd = fs::current_path();
    fs::current_path(dir.path());
    {
        auto backend = SimulatedBackend::fromScenarioText(simulated::builtInScenarioText());
        REQUIRE(backend.ok());
        REQUIRE(backend.value()->createPersistent(Protocol::Tcp, PortRange{20000, 1}).ok());
        REQUIRE(backend.value()->reboot().ok());
        CHECK(backend.value()->stateFile() == ":memory:");
    }
    const std::size_t count = filesIn(dir.path());
    fs::current_path(cwd);
    CHECK(count == 0);
}

} // namespace portolan::test
