// SPDX-License-Identifier: GPL-3.0-or-later
// The windows backend's view of the machine against a scripted Win32Api: reservations and
// their owners, the dynamic range, netsh's timeouts, the boot time and the capabilities.
#include "windows_fake.h"

#include <thread>

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
    CHECK(blocks->at(0) == ReservedBlock{Protocol::Tcp,
                                         {5000, 10},
                                         true,
                                         windows.nextToken,
                                         "administrator",
                                         "administered by netsh"});
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

// --- who holds a reserved block ---------------------------------------------------------------

namespace {

w::RegistryValue dword(const char* name, std::uint32_t value)
{
    w::RegistryValue out{name, 4, std::vector<std::uint8_t>(4)};
    std::memcpy(out.data.data(), &value, 4);
    return out;
}

// A REG_SZ as PowerShell's New-ItemProperty writes a number given without -PropertyType.
w::RegistryValue text(const char* name, const char16_t* value)
{
    w::RegistryValue out{name, 1, {}};
    for (const char16_t* c = value; *c; ++c) {
        out.data.push_back(static_cast<std::uint8_t>(*c & 0xff));
        out.data.push_back(static_cast<std::uint8_t>(*c >> 8));
    }
    out.data.push_back(0);
    out.data.push_back(0);
    return out;
}

const char* const kHyperVTcp = "Start Port    End Port\n----------    --------\n"
                               "      5357        5357\n     22000       22001\n"
                               "     49671       49770\n     50000       50059     *\n"
                               "     61000       61099\n\n* - Administered port exclusions.\n";

std::vector<ReservedBlock> tcpBlocks(FakeWindows& windows)
{
    windows.registryError = 0;
    windows.netshOutputs["protocol=tcp"] = kHyperVTcp;
    WindowsBackend backend(windows.api());
    auto blocks = backend.listReservations(Protocol::Tcp);
    REQUIRE_MESSAGE(blocks.ok(), why(blocks));
    return blocks.value();
}

const ReservedBlock& blockAt(const std::vector<ReservedBlock>& blocks, std::uint16_t start)
{
    const auto found = std::find_if(blocks.begin(), blocks.end(), [start](const auto& block) {
        return block.range.start == start;
    });
    REQUIRE(found != blocks.end());
    return *found;
}

} // namespace

TEST_CASE("the Host Network Service's registry values name the blocks it reserves")
{
    FakeWindows windows;
    const std::string hns(WindowsBackend::kHnsStateKey);
    windows.registry[hns] = {
        dword("EnableExcludedPortRange", 1),
        dword("ExcludedPortRangeStartPort", 50000),
        dword("ExcludedPortRangePortCount", 60),
        text("PreallocatePortRangeTCPStartPort", u"22000"),
        dword("PreallocatePortRangeTCPPortCount", 2),
        dword("PreallocatePortRangeUDPStartPort", 49671), // UDP's: not this TCP block
        dword("PreallocatePortRangeUDPPortCount", 100),
    };
    const auto blocks = tcpBlocks(windows);
    REQUIRE(blocks.size() == 5);
    // The administered 50000-59 block is HNS's excluded range: the registry names it.
    CHECK(blockAt(blocks, 50000).owner == "Host Network Service");
    CHECK(blockAt(blocks, 50000).ownerEvidence == "HNS registry");
    CHECK(blockAt(blocks, 22000).owner == "Host Network Service");
    CHECK(blockAt(blocks, 22000).ownerEvidence == "HNS registry");
    CHECK(blockAt(blocks, 49671).owner.empty());
    CHECK(blockAt(blocks, 49671).ownerEvidence == "unknown");

    SUBCASE("EnableExcludedPortRange 0 turns the excluded range off")
    {
        windows.registry[hns][0] = dword("EnableExcludedPortRange", 0);
        const auto off = tcpBlocks(windows);
        CHECK(blockAt(off, 50000).owner == "administrator");
        CHECK(blockAt(off, 50000).ownerEvidence == "administered by netsh");
        CHECK(blockAt(off, 22000).ownerEvidence == "HNS registry");
    }
}

TEST_CASE("HCN's guest network port reservations name the blocks they cover")
{
    FakeWindows windows;
    w::HcnPortRangeEntry tcp{};
    tcp.protocol = w::kHcnPortProtocolTcp;
    tcp.startingPort = 61000;
    tcp.endingPort = 61099;
    w::HcnPortRangeEntry udpOnly = tcp;
    udpOnly.protocol = w::kHcnPortProtocolUdp;
    udpOnly.startingPort = 49671;
    udpOnly.endingPort = 49770;
    w::HcnPortRangeEntry both = tcp;
    both.protocol = w::kHcnPortProtocolBoth;
    both.startingPort = 5357;
    both.endingPort = 5357;
    windows.hcnEntries = std::vector{tcp, udpOnly, both};
    auto blocks = tcpBlocks(windows);
    CHECK(blockAt(blocks, 61000).owner == "Host Network Service");
    CHECK(blockAt(blocks, 61000).ownerEvidence == "HCN");
    CHECK(blockAt(blocks, 5357).ownerEvidence == "HCN");
    CHECK(blockAt(blocks, 49671).ownerEvidence == "unknown"); // HCN's is a UDP reservation
    CHECK(blockAt(blocks, 50000).ownerEvidence == "administered by netsh");

    SUBCASE("a failing HCN is no evidence, and no error")
    {
        windows.hcnResult = static_cast<std::int32_t>(0x80070005); // E_ACCESSDENIED
        blocks = tcpBlocks(windows);
        CHECK(blockAt(blocks, 61000).ownerEvidence == "unknown");
    }
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

TEST_CASE("without the kernel's answer the boot time is now minus the tick count, to the second")
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

namespace {

// FILETIME ticks (100 ns since 1601) of a Unix time in seconds.
constexpr std::int64_t fileTime(std::int64_t unixSeconds)
{
    return 116444736000000000LL + unixSeconds * 10'000'000LL;
}

} // namespace

TEST_CASE("the boot time is the kernel's, and a step of the clock is not a reboot")
{
    FakeWindows windows;
    windows.timeOfDay = w::TimeOfDay{fileTime(1'699'990'000), fileTime(1'700'000'000), 0};
    WindowsBackend backend(windows.api());
    auto before = backend.bootTime();
    REQUIRE(before.ok());
    CHECK(before.value() == 1'699'990'000); // the kernel's, not now minus the tick count

    // NTP sets the clock 90 s ahead after a long uptime: the kernel moves its boot time along
    // and adds the step to the bias; the wall clock and the tick count disagree by 90 s.
    constexpr std::int64_t kStep = 90;
    windows.clockMs += kStep * 1000;
    windows.timeOfDay->bootTime += kStep * 10'000'000;
    windows.timeOfDay->currentTime += kStep * 10'000'000;
    windows.timeOfDay->bootTimeBias += kStep * 10'000'000;
    auto after = backend.bootTime();
    REQUIRE(after.ok());
    CHECK(after.value() == before.value());

    // A real reboot: a new boot time, the bias back to 0.
    windows.timeOfDay = w::TimeOfDay{fileTime(1'700'100'000), fileTime(1'700'100'100), 0};
    CHECK(backend.bootTime().value() == 1'700'100'000);
}

TEST_CASE("a clock step moves the fallback boot time: why the kernel's is preferred")
{
    FakeWindows windows; // no kernel answer
    WindowsBackend backend(windows.api());
    const auto before = backend.bootTime().value();
    windows.clockMs += 90'000;
    CHECK(backend.bootTime().value() == before + 90);
}

// --- netsh's time limit and cancellation -----------------------------------------------------

TEST_CASE("a netsh that does not answer is ended and reported as a timeout naming netsh")
{
    FakeWindows windows;
    windows.netshTimesOut = true;
    WindowsBackend backend(windows.api());
    auto range = backend.dynamicRange(Protocol::Tcp);
    REQUIRE_FALSE(range.ok());
    CHECK(range.error().kind == ErrorKind::Timeout);
    CHECK(range.error().name == "WAIT_TIMEOUT");
    CHECK_MESSAGE(contains(range.error().message, "netsh did not answer within 30 s"),
                  range.error().message);
    CHECK(windows.netshTimeouts.back() == std::chrono::seconds(30));

    backend.setDeadline(win32::CallKind::Netsh, std::chrono::seconds(5));
    auto listed = backend.listReservations(Protocol::Tcp);
    REQUIRE_FALSE(listed.ok());
    CHECK(listed.error().kind == ErrorKind::Timeout); // not hidden behind the registry's answer
    CHECK_MESSAGE(contains(listed.error().message, "netsh did not answer within 5 s"),
                  listed.error().message);
    CHECK(windows.netshTimeouts.back() == std::chrono::seconds(5));
}

TEST_CASE("cancelPendingCalls ends a netsh run in progress, and the capabilities are probed again")
{
    FakeWindows windows;
    windows.netshWaitsForStop = true;
    WindowsBackend backend(windows.api());
    Capabilities caps;
    std::thread probing([&] { caps = backend.capabilities(); });
    windows.waitForNetsh();
    backend.cancelPendingCalls();
    probing.join();
    CHECK_FALSE(caps.dynamicRange);

    // Cancelled probes are not remembered: the next call asks netsh again.
    windows.netshWaitsForStop = false;
    windows.netshOutputs["tcp"] = "Start Port      : 49152\nNumber of Ports : 16384\n";
    CHECK(backend.capabilities().dynamicRange);

    windows.netshWaitsForStop = true;
    windows.netshStarted = false;
    Result<PortRange> range = PortRange{};
    std::thread reading([&] { range = backend.dynamicRange(Protocol::Tcp); });
    windows.waitForNetsh();
    backend.cancelPendingCalls();
    reading.join();
    REQUIRE_FALSE(range.ok());
    CHECK(range.error().kind == ErrorKind::Cancelled);
    CHECK_MESSAGE(contains(range.error().message, "netsh"), range.error().message);
}

TEST_CASE("beginShutdown ends the netsh run in progress and every later one without running it")
{
    FakeWindows windows;
    windows.netshWaitsForStop = true;
    WindowsBackend backend(windows.api());
    Result<PortRange> range = PortRange{};
    std::thread reading([&] { range = backend.dynamicRange(Protocol::Tcp); });
    windows.waitForNetsh();
    backend.beginShutdown();
    reading.join();
    REQUIRE_FALSE(range.ok());
    CHECK(range.error().kind == ErrorKind::Cancelled);

    // A later call answers at once: netsh is not started again.
    windows.netshWaitsForStop = false;
    windows.netshOutputs["tcp"] = "Start Port      : 49152\nNumber of Ports : 16384\n";
    const auto runs = windows.netshCalls.size();
    auto later = backend.dynamicRange(Protocol::Tcp);
    REQUIRE_FALSE(later.ok());
    CHECK(later.error().kind == ErrorKind::Cancelled);
    CHECK(windows.netshCalls.size() == runs);
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
