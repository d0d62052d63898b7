// SPDX-License-Identifier: GPL-3.0-or-later
// The windows backend's view of the machine against a scripted Win32Api: reservations and
// their owners, the dynamic range, netsh's timeouts, the boot time and the capabilities.
#include "windows_fake.h"

using namespace portolan;
using namespace portolan::testing;

// --- discovery: registry and netsh -----------------------------------------------------------

TEST_CASE("registry value names decode as start (network order) and count (little endian)")
{
    struct Case
    {
        const char* name;
        std::optional<PortRange> range;
    };
    const Case cases[] = {
        {"cc570100", PortRange{52311, 1}}, // the BigFix forum's example
        {"CC570100", PortRange{52311, 1}},
        {"13886400", PortRange{5000, 100}},
        {"ffff0100", PortRange{65535, 1}},
        {"00010000", std::nullopt}, // 0 ports
        {"00000100", std::nullopt}, // port 0
        {"ffff0200", std::nullopt}, // runs past 65535
        {"cc5701", std::nullopt},
        {"cc57010000", std::nullopt},
        {"zz570100", std::nullopt},
        {"VariableId", std::nullopt},
        {"", std::nullopt},
    };
    for (const auto& c : cases) {
        CAPTURE(c.name);
        CHECK(WindowsBackend::parseRegistryValueName(c.name) == c.range);
    }
}

namespace {
const char* const kExcludedTcp = "\nProtocol tcp Port Exclusion Ranges\n\nStart Port    End Port\n"
                                 "----------    --------\n      5000        5009     *\n"
                                 "     49671       49770\n\n* - Administered port exclusions.\n";
} // namespace

TEST_CASE("listReservations: persistent blocks from the registry with tokens, runtime from netsh")
{
    FakeWindows windows;
    windows.registry[std::string(WindowsBackend::registryKey(Protocol::Tcp))] = {
        {"13880a00", 3, {0x12, 0x00, 0xff, 0xff}}, // 5000, 10 ports
        {"VariableId", 1, {}},                     // not a reservation
    };
    windows.netshOutputs["protocol=tcp"] = kExcludedTcp;
    WindowsBackend backend(windows.api());
    REQUIRE(backend.createPersistent(Protocol::Tcp, PortRange{5000, 10}).ok());

    auto blocks = backend.listReservations(Protocol::Tcp);
    REQUIRE_MESSAGE(blocks.ok(), why(blocks));
    REQUIRE(blocks->size() == 2);
    CHECK(blocks->at(0) == ReservedBlock{Protocol::Tcp, {5000, 10}, true, windows.nextToken,
                                         "administrator", "administered by netsh"});
    CHECK(blocks->at(1) ==
          ReservedBlock{Protocol::Tcp, {49671, 100}, false, kNoToken, {}, "unknown"});
    // The token was looked up with the start port in network order.
    CHECK(windows.reserveCalls.back() ==
          FakeWindows::ReserveCall{"LookupPersistentTcpPortReservation", 0x8813, 10});
    REQUIRE(windows.netshCalls.size() == 1);
    CHECK(windows.netshCalls[0] ==
          std::vector<std::string>{"int", "ipv4", "show", "excludedportrange", "protocol=tcp"});
}

TEST_CASE("listReservations falls back on netsh's '*' rows when the registry is unreadable")
{
    FakeWindows windows;
    windows.registryError = w::kErrorFileNotFound;
    windows.netshOutputs["protocol=tcp"] = kExcludedTcp;
    windows.netshOutputs["protocol=udp"] =
        "Start Port    End Port\n----------    --------\n\n* - Administered port exclusions.\n";
    WindowsBackend backend(windows.api());
    auto blocks = backend.listReservations(std::nullopt);
    REQUIRE_MESSAGE(blocks.ok(), why(blocks));
    REQUIRE(blocks->size() == 2);
    CHECK(blocks->at(0).range == PortRange{5000, 10});
    CHECK(blocks->at(0).persistent);
    CHECK(blocks->at(0).token == kNoToken); // nothing was created through the fake
    CHECK(blocks->at(1).range == PortRange{49671, 100});
    CHECK_FALSE(blocks->at(1).persistent);
}

TEST_CASE("with neither the registry nor netsh (Wine) listReservations is Unsupported")
{
    FakeWindows windows;
    windows.registryError = w::kErrorFileNotFound;
    windows.netshAnswer.output = ""; // Wine's netsh prints nothing and exits 0
    WindowsBackend backend(windows.api());
    auto blocks = backend.listReservations(Protocol::Udp);
    REQUIRE_FALSE(blocks.ok());
    CHECK(blocks.error().kind == ErrorKind::Unsupported);
    CHECK_MESSAGE(contains(blocks.error().message, "not supported on this system"),
                  blocks.error().message);
    CHECK_MESSAGE(contains(blocks.error().message, "netsh printed nothing"),
                  blocks.error().message);
}

TEST_CASE("dynamicRange runs netsh with fixed arguments and reads its two numbers")
{
    FakeWindows windows;
    windows.netshOutputs["udp"] = "\nProtocol udp Dynamic Port Range\n"
                                  "---------------------------------\n"
                                  "Start Port      : 49152\nNumber of Ports : 16384\n";
    WindowsBackend backend(windows.api());
    auto range = backend.dynamicRange(Protocol::Udp);
    REQUIRE_MESSAGE(range.ok(), why(range));
    CHECK(range.value() == PortRange{49152, 16384});
    CHECK(windows.netshCalls.at(0) ==
          std::vector<std::string>{"int", "ipv4", "show", "dynamicport", "udp"});
}

TEST_CASE("dynamicRange is Unsupported whenever netsh cannot tell")
{
    struct Case
    {
        const char* name;
        w::ProcessOutput answer;
        const char* why;
    };
    const Case cases[] = {
        {"netsh missing", {w::kErrorFileNotFound, 0, ""}, "netsh could not be run: System text"},
        {"netsh failed",
         {0, 1, "The following command was not found: int ipv4.\r\n"},
         "netsh exited with code 1: The following command was not found"},
        {"netsh printed nothing (Wine)", {0, 0, "\r\n"}, "netsh printed nothing"},
        {"unreadable output", {0, 0, "Ok.\r\n"}, "its output could not be read: line 1"},
    };
    for (const auto& c : cases) {
        SUBCASE(c.name)
        {
            FakeWindows windows;
            windows.netshAnswer = c.answer;
            WindowsBackend backend(windows.api());
            auto range = backend.dynamicRange(Protocol::Tcp);
            REQUIRE_FALSE(range.ok());
            CHECK(range.error().kind == ErrorKind::Unsupported);
            CHECK_MESSAGE(contains(range.error().message, "not supported on this system ("),
                          range.error().message);
            CHECK_MESSAGE(contains(range.error().message, c.why), range.error().message);
        }
    }
}

// --- machine facts and capabilities ----------------------------------------------------------

TEST_CASE("boot time is now minus the tick count, to the second")
{
    FakeWindows windows;
    WindowsBackend backend(windows.api());
    auto boot = backend.bootTime();
    REQUIRE(boot.ok());
    CHECK(boot.value() == 1'699'996'400); // 1'700'000'000.4 s - 3600 s
    CHECK(backend.hostName() == "DEVBOX");
    CHECK(backend.isElevated());
    CHECK(backend.name() == "windows");
}

TEST_CASE("capabilities follow what the system answers")
{
    SUBCASE("a full Windows")
    {
        FakeWindows windows;
        windows.ioctlError = static_cast<int>(native::kWsaEinval); // releasing token 0
        windows.netshOutputs["tcp"] = "Start Port      : 49152\nNumber of Ports : 16384\n";
        WindowsBackend backend(windows.api());
        const Capabilities caps = backend.capabilities();
        CHECK(caps.persistentReservations);
        CHECK(caps.persistentTokens);
        CHECK(caps.runtimeReservations);
        CHECK(caps.discoverReservations);
        CHECK(caps.bindProbe);
        CHECK(caps.listeners);
        CHECK(caps.dynamicRange);
        CHECK(windows.open.empty()); // the probe socket is closed
        // Probed once.
        const auto calls = windows.netshCalls.size();
        (void)backend.capabilities();
        CHECK(windows.netshCalls.size() == calls);
    }
    SUBCASE("Wine")
    {
        FakeWindows windows;
        windows.ioctlError = static_cast<int>(native::kWsaEopnotsupp);
        windows.registryError = w::kErrorFileNotFound;
        WindowsBackend backend(windows.api(/*withPersistent=*/false));
        const Capabilities caps = backend.capabilities();
        CHECK_FALSE(caps.persistentReservations);
        CHECK_FALSE(caps.runtimeReservations);
        CHECK_FALSE(caps.discoverReservations);
        CHECK_FALSE(caps.dynamicRange);
        CHECK(caps.bindProbe);
        CHECK(caps.listeners);
    }
}

