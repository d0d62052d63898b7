// SPDX-License-Identifier: GPL-3.0-or-later
// The windows backend's services through a scripted Service Control Manager: what it lists,
// how a stop or start waits for the new state, and how the SCM's refusals read.
#include "windows_fake.h"

using namespace portolan;
using namespace portolan::testing;

namespace {

const char* const kRuntimeTcp = "\nProtocol tcp Port Exclusion Ranges\n\nStart Port    End Port\n"
                                "----------    --------\n      2869        3368\n\n"
                                "* - Administered port exclusions.\n";

void installWinNat(FakeWindows& windows)
{
    windows.services["winnat"] = {"Windows NAT Driver", w::kServiceRunning, 4};
    windows.netshOutputs["protocol=tcp"] = kRuntimeTcp;
}

} // namespace

TEST_CASE("services: WinNAT is listed with the runtime blocks nothing else names")
{
    FakeWindows windows;
    installWinNat(windows); // HNS is not installed: it is left out
    WindowsBackend backend(windows.api());
    CHECK(backend.capabilities().services);
    auto services = backend.services();
    REQUIRE_MESSAGE(services.ok(), why(services));
    REQUIRE(services->size() == 1);
    const ServiceInfo& nat = services->front();
    CHECK(nat.name == "winnat");
    CHECK(nat.displayName == "Windows NAT Driver");
    CHECK(nat.state == ServiceState::Running);
    CHECK(nat.pid == 4);
    CHECK(nat.breaks == "WSL 2 port forwarding and container NAT");
    REQUIRE(nat.blocks.size() == 1);
    CHECK(nat.blocks[0].range == PortRange{2869, 500});
    CHECK(nat.blocks[0].owner == "Windows NAT Driver");
}

TEST_CASE("services: a stop waits until the service has stopped, a start until it runs")
{
    FakeWindows windows;
    installWinNat(windows);
    windows.services["winnat"].pendingQueries = 3;
    WindowsBackend backend(windows.api());
    auto stopped = backend.stopService("winnat");
    REQUIRE_MESSAGE(stopped.ok(), why(stopped));
    CHECK(windows.services["winnat"].state == w::kServiceStopped);
    CHECK(windows.serviceCalls.front() == "stop winnat");
    CHECK(std::count(windows.serviceCalls.begin(), windows.serviceCalls.end(), "query winnat") >=
          4);
    REQUIRE(backend.startService("winnat").ok());
    CHECK(windows.services["winnat"].state == w::kServiceRunning);
}

TEST_CASE("services: the Service Control Manager's refusals keep their codes")
{
    FakeWindows windows;
    installWinNat(windows);
    WindowsBackend backend(windows.api());
    struct Case
    {
        std::uint32_t code;
        const char* name;
        ErrorKind kind;
    };
    for (const Case& c : {Case{5, "ERROR_ACCESS_DENIED", ErrorKind::AccessDenied},
                          Case{1051, "ERROR_DEPENDENT_SERVICES_RUNNING", ErrorKind::Conflict},
                          Case{1061, "ERROR_SERVICE_CANNOT_ACCEPT_CTRL", ErrorKind::Unavailable}}) {
        CAPTURE(c.name);
        windows.services["winnat"].stopError = c.code;
        auto stopped = backend.stopService("winnat");
        REQUIRE_FALSE(stopped.ok());
        CHECK(stopped.error().code == c.code);
        CHECK(stopped.error().name == c.name);
        CHECK(stopped.error().kind == c.kind);
        CHECK(windows.services["winnat"].state == w::kServiceRunning);
    }
    windows.services["winnat"].stopError = 0;
    auto started = backend.startService("winnat");
    REQUIRE_FALSE(started.ok());
    CHECK(started.error().name == "ERROR_SERVICE_ALREADY_RUNNING");
    windows.services.erase("winnat");
    auto missing = backend.stopService("winnat");
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().name == "ERROR_SERVICE_DOES_NOT_EXIST");
    CHECK(missing.error().kind == ErrorKind::NotFound);
    // Only the services that hold port blocks are Portolan's to stop.
    auto other = backend.stopService("spooler");
    REQUIRE_FALSE(other.ok());
    CHECK(other.error().kind == ErrorKind::InvalidArgument);
}

TEST_CASE("services: a service that goes back to running instead of stopping is a timeout")
{
    FakeWindows windows;
    installWinNat(windows);
    windows.services["winnat"].bounces = true;
    WindowsBackend backend(windows.api());
    auto stopped = backend.stopService("winnat");
    REQUIRE_FALSE(stopped.ok());
    CHECK(stopped.error().name == "ERROR_SERVICE_REQUEST_TIMEOUT");
    CHECK(stopped.error().kind == ErrorKind::Timeout);
    CHECK(windows.services["winnat"].state == w::kServiceRunning);
}

TEST_CASE("services: without the Service Control Manager, Unsupported")
{
    FakeWindows windows;
    windows.withServices = false;
    WindowsBackend backend(windows.api());
    CHECK_FALSE(backend.capabilities().services);
    auto services = backend.services();
    REQUIRE_FALSE(services.ok());
    CHECK(services.error().kind == ErrorKind::Unsupported);
    CHECK(backend.stopService("winnat").error().kind == ErrorKind::Unsupported);
}
