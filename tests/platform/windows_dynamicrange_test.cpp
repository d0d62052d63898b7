// SPDX-License-Identifier: GPL-3.0-or-later
// Moving the dynamic range through netsh, against the scripted table.
#include "windows_fake.h"

using namespace portolan;
using namespace portolan::testing;

namespace {

const std::string kShowTcp = "\nProtocol tcp Dynamic Port Range\n"
                             "---------------------------------\n"
                             "Start Port      : 1024\nNumber of Ports : 64512\n";
const std::string kShowDefault = "\nProtocol tcp Dynamic Port Range\n"
                                 "---------------------------------\n"
                                 "Start Port      : 49152\nNumber of Ports : 16384\n";

using Arguments = std::vector<std::string>;

Arguments setCall(const char* family, const char* start, const char* count)
{
    return {"int",
            family,
            "set",
            "dynamicport",
            "tcp",
            std::string("start=") + start,
            std::string("num=") + count};
}

} // namespace

TEST_CASE("changeDynamicRange sets IPv4 and IPv6 through netsh, then reads the range back")
{
    FakeWindows windows;
    // The fake answers by the last argument: "tcp" is each show, "num=16384" each set.
    windows.netshOutputs["tcp"] = kShowDefault;
    windows.netshOutputs["num=16384"] = "Ok.\r\n";
    WindowsBackend backend(windows.api());
    auto changed = backend.changeDynamicRange(Protocol::Tcp, {49152, 16384});
    REQUIRE_MESSAGE(changed.ok(), changed.error().message);
    CHECK(changed->after == PortRange{49152, 16384});
    CHECK(changed->protocols == std::vector<Protocol>{Protocol::Tcp});
    REQUIRE(windows.netshCalls.size() == 4);
    CHECK(windows.netshCalls[1] == setCall("ipv4", "49152", "16384"));
    CHECK(windows.netshCalls[2] == setCall("ipv6", "49152", "16384"));
    CHECK(windows.netshCalls[3] == Arguments{"int", "ipv4", "show", "dynamicport", "tcp"});
}

TEST_CASE("changeDynamicRange reports a range netsh accepted but does not show")
{
    FakeWindows windows;
    windows.netshOutputs["tcp"] = kShowTcp; // still 1024 after the sets
    WindowsBackend backend(windows.api());
    auto changed = backend.changeDynamicRange(Protocol::Tcp, {49152, 16384});
    REQUIRE_FALSE(changed.ok());
    CHECK(changed.error().kind == ErrorKind::Internal);
    CHECK_MESSAGE(changed.error().message.find("but shows 1024-65535") != std::string::npos,
                  changed.error().message);
}

TEST_CASE("changeDynamicRange without elevation: ERROR_ACCESS_DENIED and no netsh run")
{
    FakeWindows windows;
    auto api = windows.api();
    api.isElevated = [] { return false; };
    WindowsBackend backend(std::move(api));
    auto changed = backend.changeDynamicRange(Protocol::Udp, {49152, 16384});
    REQUIRE_FALSE(changed.ok());
    CHECK(changed.error().kind == ErrorKind::AccessDenied);
    CHECK(changed.error().name == "ERROR_ACCESS_DENIED");
    CHECK(changed.error().code == 5);
    CHECK(windows.netshCalls.empty());
}

TEST_CASE("changeDynamicRange refuses what netsh refuses, by field, before running it")
{
    struct Case
    {
        std::uint16_t start, count;
        const char* message;
    };
    const Case cases[] = {
        {1024, 16384, "start: 1024 is out of range; allowed: 1025-65535"},
        {49152, 254, "count: 254 is out of range; allowed: 255-64511"},
        {60000, 6000, "count: the range 60000-65999 runs past port 65535"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.message);
        FakeWindows windows;
        WindowsBackend backend(windows.api());
        auto changed = backend.changeDynamicRange(Protocol::Tcp, {c.start, c.count});
        REQUIRE_FALSE(changed.ok());
        CHECK(changed.error().kind == ErrorKind::InvalidArgument);
        CHECK_MESSAGE(changed.error().message.starts_with(c.message), changed.error().message);
        CHECK(windows.netshCalls.empty());
    }
}

TEST_CASE("changeDynamicRange puts IPv4 back when the IPv6 set fails")
{
    FakeWindows windows;
    windows.netshOutputs["tcp"] = kShowTcp;
    auto api = windows.api();
    auto run = api.runNetsh;
    api.runNetsh = [run](const std::vector<std::string>& arguments,
                         std::chrono::milliseconds timeout, std::stop_token stop) {
        if (arguments.at(1) == "ipv6" && arguments.at(2) == "set")
            return win32::ProcessOutput{0, 1, "The parameter is incorrect.\r\n"};
        return run(arguments, timeout, std::move(stop));
    };
    WindowsBackend backend(std::move(api));
    auto changed = backend.changeDynamicRange(Protocol::Tcp, {49152, 16384});
    REQUIRE_FALSE(changed.ok());
    CHECK_MESSAGE(changed.error().message.find("the IPv4 range was put back") != std::string::npos,
                  changed.error().message);
    CHECK(windows.netshCalls.back() == setCall("ipv4", "1024", "64512"));
}
