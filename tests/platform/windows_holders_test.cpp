// SPDX-License-Identifier: GPL-3.0-or-later
// The windows backend's bind probes, scans and listeners against a scripted Win32Api: the
// socket options and addresses it passes, and who it names as holding a taken port.
#include "windows_fake.h"

using namespace portolan;
using namespace portolan::testing;

TEST_CASE("bind probes classify Winsock's answers")
{
    FakeWindows windows;
    windows.bindErrors = {{5001, static_cast<int>(native::kWsaEaddrinuse)},
                          {5002, static_cast<int>(native::kWsaEacces)},
                          {5003, static_cast<int>(native::kWsaEaddrnotavail)}};
    WindowsBackend backend(windows.api());
    struct Case
    {
        std::uint16_t port;
        BindOutcome outcome;
        const char* name;
    };
    const Case cases[] = {
        {5000, BindOutcome::Free, ""},
        {5001, BindOutcome::InUse, "WSAEADDRINUSE"}, // 10048
        // 10013 with no reservation known to cover the port: another account's or an
        // exclusive socket (docs/windows-semantics.md#bind-reserved), not a reservation.
        {5002, BindOutcome::Denied, "WSAEACCES"},
        {5003, BindOutcome::Other, "WSAEADDRNOTAVAIL"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.port);
        const auto result =
            backend.bindProbe(BindTarget{Protocol::Tcp, AddressFamily::IPv4, "127.0.0.1", c.port});
        CHECK(result.outcome == c.outcome);
        if (c.outcome == BindOutcome::Free) {
            CHECK(result.boundPort == c.port);
        } else {
            REQUIRE(result.error.has_value());
            CHECK(result.error->name == c.name);
        }
    }
    CHECK(windows.open.empty()); // every probe socket closed again
}

TEST_CASE("bind passes a SOCKADDR_IN in network order")
{
    FakeWindows windows;
    WindowsBackend backend(windows.api());
    auto socket = openTcp(backend);
    REQUIRE(socket->bind("127.0.0.1", 5000).ok());
    REQUIRE(windows.binds.size() == 1);
    const std::vector<std::uint8_t> expected{2, 0, 0x13, 0x88, 127, 0, 0, 1,
                                             0, 0, 0,    0,    0,   0, 0, 0};
    CHECK(windows.binds[0].address == expected);
    auto port = socket->localPort();
    REQUIRE(port.ok());
    CHECK(port.value() == 5000);
}

TEST_CASE("bind to port 0 reports the port the system chose")
{
    FakeWindows windows;
    WindowsBackend backend(windows.api());
    auto socket = openTcp(backend);
    REQUIRE(socket->bind("0.0.0.0", 0).ok());
    CHECK(socket->localPort().value() == 50001);
}

TEST_CASE("bind on an IPv6 socket passes a SOCKADDR_IN6 with Windows' AF_INET6 (23)")
{
    FakeWindows windows;
    WindowsBackend backend(windows.api());
    auto socket = backend.openSocket(SocketSpec::forProtocol(Protocol::Tcp, AddressFamily::IPv6));
    REQUIRE(socket.ok());
    REQUIRE(socket.value()->bind("::1", 5000).ok());
    const auto& address = windows.binds.at(0).address;
    REQUIRE(address.size() == 28);
    CHECK(address[0] == 23);
    CHECK(address[1] == 0);
    CHECK(address[2] == 0x13);
    CHECK(address[3] == 0x88);
    CHECK(address[23] == 1); // ::1
}

TEST_CASE("an address the socket's family cannot take is refused before Winsock sees it")
{
    FakeWindows windows;
    WindowsBackend backend(windows.api());
    auto v4 = openTcp(backend);
    for (const char* address : {"localhost", "::1", "127.0.0.256", "127.0.0.01", "1.2.3"}) {
        CAPTURE(address);
        auto bound = v4->bind(address, 5000);
        REQUIRE_FALSE(bound.ok());
        CHECK(bound.error().kind == ErrorKind::InvalidArgument);
    }
    auto v6 = backend.openSocket(SocketSpec::forProtocol(Protocol::Tcp, AddressFamily::IPv6));
    REQUIRE(v6.ok());
    for (const char* address : {"127.0.0.1", "1::2::3", "fe80::1%3", "12345::1"}) {
        CAPTURE(address);
        CHECK_FALSE(v6.value()->bind(address, 5000).ok());
    }
    CHECK(windows.binds.empty());
}

TEST_CASE("a socket that cannot be opened reports Winsock's error")
{
    FakeWindows windows;
    windows.socketError = static_cast<int>(native::kWsaEafnosupport);
    WindowsBackend backend(windows.api());
    auto socket = backend.openSocket(SocketSpec::forProtocol(Protocol::Tcp, AddressFamily::IPv6));
    REQUIRE_FALSE(socket.ok());
    CHECK(socket.error().name == "WSAEAFNOSUPPORT");
    CHECK(socket.error().kind == ErrorKind::Unsupported);
}

TEST_CASE("a scan folds the probes into runs")
{
    FakeWindows windows;
    windows.bindErrors = {{5003, static_cast<int>(native::kWsaEaddrinuse)},
                          {5004, static_cast<int>(native::kWsaEacces)},
                          {5005, static_cast<int>(native::kWsaEacces)}};
    WindowsBackend backend(windows.api());
    ScanRequest request;
    request.first = 5000;
    request.last = 5009;
    request.threads = 3;
    auto result = backend.scan(request, {}, {});
    REQUIRE(result.ok());
    REQUIRE(result->runs.size() == 4);
    CHECK(result->runs[0].first == 5000);
    CHECK(result->runs[0].last == 5002);
    CHECK(result->runs[0].outcome == BindOutcome::Free);
    CHECK(result->runs[1].first == 5003);
    CHECK(result->runs[1].outcome == BindOutcome::InUse);
    CHECK(result->runs[1].code == 10048);
    CHECK(result->runs[2].first == 5004);
    CHECK(result->runs[2].last == 5005);
    CHECK(result->runs[2].outcome == BindOutcome::Denied); // no reservation covers them
    CHECK(result->runs[2].codeName == "WSAEACCES");
    CHECK(result->runs[3].first == 5006);
    CHECK(result->runs[3].last == 5009);
    CHECK(windows.open.empty());
}

// --- listeners ---------------------------------------------------------------------------------

TEST_CASE("listeners: LISTEN TCP and all UDP endpoints, ports out of network order")
{
    FakeWindows windows;
    w::MibTcpRowOwnerPid listening{};
    listening.state = w::kMibTcpStateListen;
    const std::uint8_t loopback[4] = {127, 0, 0, 1};
    std::memcpy(listening.localAddress, loopback, 4);
    setPort(listening.localPort, 5000);
    listening.owningPid = 100;
    w::MibTcpRowOwnerPid established = listening;
    established.state = 5; // MIB_TCP_STATE_ESTAB
    setPort(established.localPort, 5555);
    windows.tcp4 = table(std::vector{listening, established});

    w::MibTcp6RowOwnerPid listening6{};
    listening6.state = w::kMibTcpStateListen;
    setPort(listening6.localPort, 5001);
    listening6.owningPid = 200;
    windows.tcp6 = table(std::vector{listening6});

    w::MibUdpRowOwnerPid dns{};
    setPort(dns.localPort, 53);
    dns.owningPid = 0; // unknown owner, as Wine reports the host's sockets
    windows.udp4 = table(std::vector{dns});
    windows.udp6 = table(std::vector<w::MibUdp6RowOwnerPid>{});

    WindowsBackend backend(windows.api());
    auto all = backend.listeners(std::nullopt);
    REQUIRE_MESSAGE(all.ok(), why(all));
    REQUIRE(all->size() == 3);
    const Listener& tcp = all->at(0);
    CHECK(tcp.protocol == Protocol::Tcp);
    CHECK(tcp.address == "127.0.0.1");
    CHECK(tcp.port == 5000);
    CHECK(tcp.pid == 100);
    CHECK(tcp.process == "node.exe");
    const Listener& tcp6 = all->at(1);
    CHECK(tcp6.family == AddressFamily::IPv6);
    CHECK(tcp6.address == "::");
    CHECK(tcp6.port == 5001);
    CHECK(tcp6.process.empty());
    const Listener& udp = all->at(2);
    CHECK(udp.protocol == Protocol::Udp);
    CHECK(udp.address == "0.0.0.0");
    CHECK(udp.port == 53);
    CHECK(udp.pid == -1);
    CHECK(udp.process.empty());

    auto udpOnly = backend.listeners(Protocol::Udp);
    REQUIRE(udpOnly.ok());
    CHECK(udpOnly->size() == 1);
}

TEST_CASE("a table whose row count exceeds its buffer is an error, not a read past the end")
{
    FakeWindows windows;
    auto bytes = table(std::vector<w::MibTcpRowOwnerPid>(1));
    const std::uint32_t lie = 1000;
    std::memcpy(bytes.data(), &lie, sizeof lie);
    windows.tcp4 = bytes;
    WindowsBackend backend(windows.api());
    auto all = backend.listeners(Protocol::Tcp);
    REQUIRE_FALSE(all.ok());
    CHECK(all.error().kind == ErrorKind::Internal);
}

// --- binding as a server, and who holds a taken port -----------------------------------------

TEST_CASE("a probe sets SO_EXCLUSIVEADDRUSE on its socket before it binds")
{
    FakeWindows windows;
    windows.bindErrors = {{5001, static_cast<int>(native::kWsaEaddrinuse)}};
    WindowsBackend backend(windows.api());
    BindTarget target{Protocol::Tcp, AddressFamily::IPv4, "0.0.0.0", 5001};
    target.sharing = probeSharing(target.family, target.address); // as the callers choose it
    (void)backend.bindProbe(target);
    // SOL_SOCKET (0xffff), SO_EXCLUSIVEADDRUSE (~SO_REUSEADDR = -5), on.
    CHECK(windows.socketEvents ==
          std::vector<std::string>{"setsockopt 256 65535 -5 1", "bind 256"});

    ScanRequest request;
    request.first = 6000;
    request.last = 6001;
    request.threads = 1;
    windows.socketEvents.clear();
    REQUIRE(backend.scan(request, {}, {}).ok());
    CHECK(windows.socketEvents == std::vector<std::string>{"setsockopt 257 65535 -5 1", "bind 257",
                                                           "setsockopt 258 65535 -5 1",
                                                           "bind 258"});
}

namespace {

w::MibTcpRowOwnerPid tcpRow(std::uint32_t state, Ipv4Bytes address, std::uint16_t port,
                            std::uint32_t pid)
{
    w::MibTcpRowOwnerPid row{};
    row.state = state;
    std::memcpy(row.localAddress, address.data(), 4);
    setPort(row.localPort, port);
    row.owningPid = pid;
    return row;
}

constexpr Ipv4Bytes kLoopback{127, 0, 0, 1};
constexpr Ipv4Bytes kAny{0, 0, 0, 0};
constexpr Ipv4Bytes kLan{192, 168, 1, 20};
constexpr std::uint32_t kEstablished = 5;

std::string probedHolder(FakeWindows& windows, const char* address, std::uint16_t port)
{
    WindowsBackend backend(windows.api());
    const auto result =
        backend.bindProbe(BindTarget{Protocol::Tcp, AddressFamily::IPv4, address, port});
    return result.holder.describe();
}

} // namespace

TEST_CASE("the holder of a taken port comes from the TCP table")
{
    FakeWindows windows;
    windows.bindErrors = {{5000, static_cast<int>(native::kWsaEaddrinuse)},
                          {5001, static_cast<int>(native::kWsaEacces)}};
    windows.tcp6 = table(std::vector<w::MibTcp6RowOwnerPid>{});

    SUBCASE("a listener on the probed address")
    {
        windows.tcp4 = table(std::vector{tcpRow(w::kMibTcpStateListen, kLan, 5000, 200),
                                         tcpRow(w::kMibTcpStateListen, kLoopback, 5000, 100)});
        CHECK(probedHolder(windows, "127.0.0.1", 5000) == "node.exe (pid 100)");
    }
    SUBCASE("a wildcard listener shadows the probed address")
    {
        windows.tcp4 = table(std::vector{tcpRow(w::kMibTcpStateListen, kLan, 5001, 300),
                                         tcpRow(w::kMibTcpStateListen, kAny, 5001, 100)});
        CHECK(probedHolder(windows, "127.0.0.1", 5001) == "node.exe (pid 100)");
    }
    SUBCASE("a listener on another specific address holds nothing here")
    {
        windows.tcp4 = table(std::vector{tcpRow(w::kMibTcpStateListen, kLan, 5001, 100)});
        CHECK(probedHolder(windows, "127.0.0.1", 5001).empty());
    }
    SUBCASE("a wildcard probe collides with a listener on any address")
    {
        windows.tcp4 = table(std::vector{tcpRow(w::kMibTcpStateListen, kLan, 5000, 4242)});
        CHECK(probedHolder(windows, "0.0.0.0", 5000) == "pid 4242");
    }
    SUBCASE("a connection in TIME_WAIT, which no process owns")
    {
        windows.tcp4 = table(std::vector{tcpRow(w::kMibTcpStateTimeWait, kLoopback, 5000, 0)});
        CHECK(probedHolder(windows, "127.0.0.1", 5000) == "a closed TCP connection (TIME_WAIT)");
    }
    SUBCASE("a live connection wins over one in TIME_WAIT, a listener over both")
    {
        windows.tcp4 = table(std::vector{tcpRow(w::kMibTcpStateTimeWait, kLoopback, 5000, 0),
                                         tcpRow(kEstablished, kLoopback, 5000, 100)});
        CHECK(probedHolder(windows, "127.0.0.1", 5000) == "node.exe (pid 100)");
        windows.tcp4 = table(std::vector{tcpRow(kEstablished, kLoopback, 5000, 300),
                                         tcpRow(w::kMibTcpStateListen, kAny, 5000, 100)});
        CHECK(probedHolder(windows, "127.0.0.1", 5000) == "node.exe (pid 100)");
    }
    SUBCASE("a free port has no holder, whatever the table says")
    {
        windows.tcp4 = table(std::vector{tcpRow(w::kMibTcpStateListen, kLoopback, 5002, 100)});
        CHECK(probedHolder(windows, "127.0.0.1", 5002).empty());
    }
}

TEST_CASE("the holder of a UDP port is the bound socket, found on IPv6 too")
{
    FakeWindows windows;
    windows.bindErrors = {{5353, static_cast<int>(native::kWsaEaddrinuse)}};
    w::MibUdp6RowOwnerPid mdns{};
    setPort(mdns.localPort, 5353);
    mdns.owningPid = 100;
    windows.udp6 = table(std::vector{mdns});
    WindowsBackend backend(windows.api());
    const auto result =
        backend.bindProbe(BindTarget{Protocol::Udp, AddressFamily::IPv6, "::1", 5353});
    CHECK(result.outcome == BindOutcome::InUse);
    CHECK(result.holder.describe() == "node.exe (pid 100)");
}

TEST_CASE("a scan names each run's holder, reading the table once")
{
    FakeWindows windows;
    windows.bindErrors = {{5001, static_cast<int>(native::kWsaEaddrinuse)},
                          {5002, static_cast<int>(native::kWsaEaddrinuse)},
                          {5003, static_cast<int>(native::kWsaEacces)}};
    windows.tcp4 = table(std::vector{tcpRow(w::kMibTcpStateListen, kAny, 5001, 100),
                                     tcpRow(w::kMibTcpStateTimeWait, kLoopback, 5002, 0)});
    int reads = 0;
    Win32Api api = windows.api();
    api.getExtendedTcpTable = [&, read = api.getExtendedTcpTable](void* table, std::uint32_t* size,
                                                                  int family, std::uint32_t c) {
        ++reads;
        return read(table, size, family, c);
    };
    WindowsBackend backend(std::move(api));
    ScanRequest request;
    request.first = 5000;
    request.last = 5004;
    request.threads = 2;
    auto result = backend.scan(request, {}, {});
    REQUIRE_MESSAGE(result.ok(), why(result));
    REQUIRE(result->runs.size() == 5);
    CHECK(result->runs[0].holder.empty());
    CHECK(result->runs[1].holder.describe() == "node.exe (pid 100)");
    CHECK(result->runs[2].holder.describe() == "a closed TCP connection (TIME_WAIT)");
    CHECK(result->runs[3].outcome == BindOutcome::Denied); // refused, and no block covers it
    CHECK(result->runs[3].holder.empty());
    CHECK(result->runs[4].outcome == BindOutcome::Free);
    CHECK(reads == 2); // size query and read, once for the whole scan
}

TEST_CASE("a bind refused inside a runtime block netsh lists is forbidden, naming the block")
{
    FakeWindows windows;
    windows.netshOutputs["protocol=tcp"] =
        "\nProtocol tcp Port Exclusion Ranges\n\nStart Port    End Port\n"
        "----------    --------\n     49671       49770\n\n* - Administered port exclusions.\n";
    windows.bindErrors = {{49700, static_cast<int>(native::kWsaEacces)},
                          {5002, static_cast<int>(native::kWsaEacces)}};
    WindowsBackend backend(windows.api());
    const auto inside =
        backend.bindProbe(BindTarget{Protocol::Tcp, AddressFamily::IPv4, "127.0.0.1", 49700});
    CHECK(inside.outcome == BindOutcome::Forbidden);
    CHECK_FALSE(inside.holder.owner.empty());
    CHECK(inside.holder.pid == -1);
    const auto outside =
        backend.bindProbe(BindTarget{Protocol::Tcp, AddressFamily::IPv4, "127.0.0.1", 5002});
    CHECK(outside.outcome == BindOutcome::Denied);
    CHECK(outside.holder.owner.empty());
}
