// SPDX-License-Identifier: GPL-3.0-or-later
// The simulated machine's services: what stopping and starting one does to its blocks, who may
// do it, where the blocks go when it starts again, and how scenarios and state files hold them.
#include "simulated_support.h"

#include "platform/jsonvalue.h"

#include <algorithm>

namespace portolan::test {

namespace {

const ServiceInfo* serviceNamed(const std::vector<ServiceInfo>& services, std::string_view name)
{
    const auto found = std::find_if(services.begin(), services.end(),
                                    [&](const ServiceInfo& s) { return s.name == name; });
    return found == services.end() ? nullptr : &*found;
}

ServiceInfo winnat(Backend& backend)
{
    auto services = backend.services();
    REQUIRE_MESSAGE(services.ok(), services.error().describe());
    const ServiceInfo* s = serviceNamed(services.value(), "winnat");
    REQUIRE(s != nullptr);
    return *s;
}

BindOutcome bindTcp(Backend& backend, std::uint16_t port)
{
    return backend.bindProbe(BindTarget{Protocol::Tcp, AddressFamily::IPv4, "0.0.0.0", port})
        .outcome;
}

} // namespace

TEST_CASE("services: the developer machine lists WinNAT and HNS with their blocks")
{
    auto backend = openScenario("developer.json");
    CHECK(backend->capabilities().services);
    const ServiceInfo nat = winnat(*backend);
    CHECK(nat.displayName == "Windows NAT (WinNAT)");
    CHECK(nat.state == ServiceState::Running);
    CHECK(nat.pid == 4);
    CHECK(nat.breaks == "WSL 2 port forwarding and container NAT");
    REQUIRE(nat.blocks.size() == 1);
    CHECK(nat.blocks[0].range == PortRange{2869, 500});
    CHECK(nat.blocks[0].owner == "Windows NAT (WinNAT)");
    auto services = backend->services();
    REQUIRE(services.ok());
    const ServiceInfo* hns = serviceNamed(services.value(), "hns");
    REQUIRE(hns != nullptr);
    CHECK(hns->blocks.size() == 2);
    // The blocks are the runtime blocks the machine lists, owned by the display name.
    auto blocks = backend->listReservations(Protocol::Tcp);
    REQUIRE(blocks.ok());
    const ReservedBlock* covering = blockCovering(blocks.value(), Protocol::Tcp, 3000);
    REQUIRE(covering != nullptr);
    CHECK(covering->owner == "Windows NAT (WinNAT)");
}

TEST_CASE("services: stopping drops the blocks, starting takes them again where they were")
{
    auto backend = openScenario("developer.json");
    CHECK(bindTcp(*backend, 3000) == BindOutcome::Forbidden);
    REQUIRE(backend->stopService("WinNAT").ok()); // names ignore case, as the SCM's do
    const ServiceInfo stopped = winnat(*backend);
    CHECK(stopped.state == ServiceState::Stopped);
    CHECK(stopped.pid == -1);
    CHECK(stopped.blocks.empty());
    CHECK(bindTcp(*backend, 3000) == BindOutcome::Free);

    REQUIRE(backend->startService("winnat").ok());
    const ServiceInfo started = winnat(*backend);
    CHECK(started.state == ServiceState::Running);
    REQUIRE(started.blocks.size() == 1);
    CHECK(started.blocks[0].range == PortRange{2869, 500});
    CHECK(bindTcp(*backend, 3000) == BindOutcome::Forbidden);
}

TEST_CASE("services: a block pinned while the service was stopped pushes its block up")
{
    auto backend = openScenario("developer.json");
    REQUIRE(backend->stopService("winnat").ok());
    REQUIRE(backend->createPersistent(Protocol::Tcp, PortRange{3000, 1}).ok());
    REQUIRE(backend->startService("winnat").ok());
    const ServiceInfo nat = winnat(*backend);
    REQUIRE(nat.blocks.size() == 1);
    // The lowest place of 500 free ports at or above the old start 2869: right after 3000.
    CHECK(nat.blocks[0].range == PortRange{3001, 500});
}

// One service with one block high up, and nothing else on the machine.
constexpr const char* kHighBlock = R"({"schema": 1, "elevated": true, "services": [
    {"name": "svc", "blocks": [{"protocol": "tcp", "start": 60000, "count": 1000}]}]})";

TEST_CASE("services: with no room above the old start, the lowest place from port 1")
{
    auto opened = SimulatedBackend::fromScenarioText(kHighBlock);
    REQUIRE(opened.ok());
    Backend& backend = *opened.value();
    REQUIRE(backend.stopService("svc").ok());
    REQUIRE(backend.createPersistent(Protocol::Tcp, PortRange{60000, 5536}).ok());
    REQUIRE(backend.startService("svc").ok());
    auto services = backend.services();
    REQUIRE(services.ok());
    CHECK(services.value().at(0).blocks.at(0).range == PortRange{1, 1000});
}

TEST_CASE("services: a service with no room to start stays stopped")
{
    auto opened = SimulatedBackend::fromScenarioText(kHighBlock);
    REQUIRE(opened.ok());
    Backend& backend = *opened.value();
    REQUIRE(backend.stopService("svc").ok());
    REQUIRE(backend.createPersistent(Protocol::Tcp, PortRange{1, 30000}).ok());
    REQUIRE(backend.createPersistent(Protocol::Tcp, PortRange{30500, 35036}).ok());
    auto started = backend.startService("svc");
    REQUIRE_FALSE(started.ok());
    CHECK(started.error().name == "WSAENOBUFS");
    auto services = backend.services();
    REQUIRE(services.ok());
    CHECK(services.value().at(0).state == ServiceState::Stopped);
}

TEST_CASE("services: the Service Control Manager's refusals, each changing nothing")
{
    auto backend = openScenario("developer.json");
    const SimulatedMachine before = backend->machine();
    checkNativeError(errorOf(backend->stopService("nosuch")), native::kErrorServiceDoesNotExist,
                     "ERROR_SERVICE_DOES_NOT_EXIST", ErrorKind::NotFound);
    checkNativeError(errorOf(backend->startService("winnat")), native::kErrorServiceAlreadyRunning,
                     "ERROR_SERVICE_ALREADY_RUNNING", ErrorKind::Conflict);
    CHECK(backend->machine().runtime == before.runtime);

    REQUIRE(backend->stopService("winnat").ok());
    checkNativeError(errorOf(backend->stopService("winnat")), native::kErrorServiceNotActive,
                     "ERROR_SERVICE_NOT_ACTIVE", ErrorKind::Conflict);

    REQUIRE(backend->setElevated(false).ok());
    checkNativeError(errorOf(backend->startService("winnat")), native::kErrorAccessDenied,
                     "ERROR_ACCESS_DENIED", ErrorKind::AccessDenied);
    REQUIRE(backend->setElevated(true).ok());
    REQUIRE(backend->startService("winnat").ok());
    REQUIRE(backend->setElevated(false).ok());
    checkNativeError(errorOf(backend->stopService("winnat")), native::kErrorAccessDenied,
                     "ERROR_ACCESS_DENIED", ErrorKind::AccessDenied);
    CHECK(winnat(*backend).state == ServiceState::Running);
    // Reading the services needs no elevation.
    CHECK(backend->services().ok());
}

TEST_CASE("services: the state file keeps a stopped service and its blocks' sizes")
{
    TempDir dir;
    const std::string state = dir.file("state.json");
    {
        auto opened =
            SimulatedBackend::open(SimulatedOptions{scenarioPath("developer.json"), state});
        REQUIRE(opened.ok());
        REQUIRE(opened.value()->stopService("winnat").ok());
    }
    auto reopened = SimulatedBackend::open(SimulatedOptions{scenarioPath("developer.json"), state});
    REQUIRE_MESSAGE(reopened.ok(), reopened.error().describe());
    Backend& backend = *reopened.value();
    CHECK(winnat(backend).state == ServiceState::Stopped);
    REQUIRE(backend.startService("winnat").ok());
    CHECK(winnat(backend).blocks.at(0).range == PortRange{2869, 500});

    // The state document reads back as the same machine.
    const SimulatedMachine m = reopened.value()->machine();
    auto parsed = simulated::machineFromJson(reopened.value()->stateDocument(), "state");
    REQUIRE_MESSAGE(parsed.ok(), parsed.error().describe());
    CHECK(parsed->services == m.services);
    // The same blocks; the document lists a service's blocks with the service.
    const auto sorted = [](std::vector<SimulatedServiceBlock> blocks) {
        std::sort(blocks.begin(), blocks.end(), [](const auto& a, const auto& b) {
            return std::pair(a.protocol, a.range.start) < std::pair(b.protocol, b.range.start);
        });
        return blocks;
    };
    CHECK(sorted(parsed->runtime) == sorted(m.runtime));
}

TEST_CASE("services: scenario errors name the field")
{
    struct Case
    {
        const char* what;
        const char* text;
        std::vector<const char*> mentions;
    };
    const Case cases[] = {
        {"unknown state",
         R"({"schema": 1, "services": [{"name": "a", "state": "paused"}]})",
         {"services[0].state", "\"paused\"", "\"running\", \"stopped\""}},
        {"missing name",
         R"({"schema": 1, "services": [{"state": "running"}]})",
         {"services[0].name", "required"}},
        {"repeated name",
         R"({"schema": 1, "services": [{"name": "WinNAT"}, {"name": "winnat"}]})",
         {"services[1].name", "names an earlier service"}},
        {"block over a persistent one",
         R"({"schema": 1, "persistent": [{"protocol": "tcp", "start": 3000, "count": 1}],
             "services": [{"name": "a", "blocks": [{"protocol": "tcp", "start": 2869, "count": 500}]}]})",
         {"services[0].blocks[0]", "overlaps persistent[0]"}},
        {"unknown block field",
         R"({"schema": 1, "services": [{"name": "a", "blocks": [{"protocol": "tcp", "start": 1, "count": 1, "owner": "x"}]}]})",
         {"services[0].blocks[0].owner", "unknown field"}},
    };
    for (const Case& c : cases) {
        CAPTURE(c.what);
        auto opened = SimulatedBackend::fromScenarioText(c.text);
        REQUIRE_FALSE(opened.ok());
        CAPTURE(opened.error().message);
        CHECK(opened.error().kind == ErrorKind::InvalidArgument);
        for (const char* mention : c.mentions) {
            CAPTURE(mention);
            CHECK(opened.error().message.find(mention) != std::string::npos);
        }
    }
    // A stopped service's last places may lie under blocks made since.
    auto stopped = SimulatedBackend::fromScenarioText(
        R"({"schema": 1, "persistent": [{"protocol": "tcp", "start": 3000, "count": 1}],
            "services": [{"name": "a", "state": "stopped",
                          "blocks": [{"protocol": "tcp", "start": 2869, "count": 500}]}]})");
    CHECK_MESSAGE(stopped.ok(), (stopped.ok() ? "" : stopped.error().describe()));
}

} // namespace portolan::test
