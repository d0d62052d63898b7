// SPDX-License-Identifier: GPL-3.0-or-later
// The linux backend against the real kernel, inside a private network namespace
// (scripts/netns-run): the kernel honours a reservation the backend made, listeners() and
// scans see this process's sockets.
#include "linux_support.h"

#include "platform/linux/procnet.h"
#include "platform/linux/sockdiag.h"
#include "platform/nativecodes.h"

#include <doctest/doctest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <set>
#include <tuple>
#include <sys/socket.h>
#include <unistd.h>

using namespace portolan;
using namespace portolan::test;

namespace {

const std::string kPortRange = "/proc/sys/net/ipv4/ip_local_port_range";
const std::string kReserved = "/proc/sys/net/ipv4/ip_local_reserved_ports";

// Puts the namespace's sysctls back as they were when the test ends.
class SysctlGuard
{
public:
    SysctlGuard()
    {
        requirePrivateNetworkNamespace();
        m_range = readTextFile(kPortRange);
        m_reserved = readTextFile(kReserved);
    }
    ~SysctlGuard()
    {
        writeTextFile(kPortRange, m_range);
        writeTextFile(kReserved, m_reserved.empty() ? "\n" : m_reserved);
    }

private:
    std::string m_range;
    std::string m_reserved;
};

std::unique_ptr<LinuxBackend> openBackend(const TempDir& sysctl)
{
    auto opened = LinuxBackend::open({"/proc", sysctl.path()});
    REQUIRE(opened.ok());
    return std::move(opened.value());
}

std::string ownName()
{
    std::string name = readTextFile("/proc/self/comm");
    while (!name.empty() && name.back() == '\n')
        name.pop_back();
    return name;
}

// A real socket bound (and for TCP listening) on the loopback address, port chosen by the
// kernel.
struct OwnSocket
{
    int fd = -1;
    std::uint16_t port = 0;
    OwnSocket(Protocol protocol, AddressFamily family)
    {
        const bool v6 = family == AddressFamily::IPv6;
        fd = ::socket(v6 ? AF_INET6 : AF_INET, protocol == Protocol::Tcp ? SOCK_STREAM : SOCK_DGRAM,
                      0);
        REQUIRE(fd >= 0);
        sockaddr_storage storage{};
        socklen_t length = 0;
        if (v6) {
            auto& a = reinterpret_cast<sockaddr_in6&>(storage);
            a.sin6_family = AF_INET6;
            a.sin6_addr = in6addr_loopback;
            length = sizeof a;
        } else {
            auto& a = reinterpret_cast<sockaddr_in&>(storage);
            a.sin_family = AF_INET;
            a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
            length = sizeof a;
        }
        REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&storage), length) == 0);
        if (protocol == Protocol::Tcp)
            REQUIRE(::listen(fd, 4) == 0);
        length = sizeof storage;
        REQUIRE(::getsockname(fd, reinterpret_cast<sockaddr*>(&storage), &length) == 0);
        port = v6 ? ntohs(reinterpret_cast<sockaddr_in6&>(storage).sin6_port)
                  : ntohs(reinterpret_cast<sockaddr_in&>(storage).sin_port);
    }
    ~OwnSocket() { ::close(fd); }
};

} // namespace

TEST_CASE("automatic port assignment skips a block the backend reserved, until it is deleted")
{
    SysctlGuard guard;
    writeTextFile(kPortRange, "40000 40009\n");
    writeTextFile(kReserved, "\n");
    TempDir sysctl;
    auto backend = openBackend(sysctl);
    REQUIRE(backend->dynamicRange(Protocol::Tcp).value() == PortRange{40000, 10});

    REQUIRE(backend->createPersistent(Protocol::Tcp, {40000, 5}).ok());
    CHECK(readTextFile(kReserved) == "40000-40004\n");
    CHECK(backend->lookupPersistent(Protocol::Tcp, {40000, 5}).ok());

    // Hold every automatically bound socket so that each bind must take a new port.
    std::vector<std::unique_ptr<Socket>> held;
    std::set<std::uint16_t> assigned;
    auto bindAny = [&]() -> Result<std::uint16_t> {
        auto socket = backend->openSocket(SocketSpec::forProtocol(Protocol::Tcp));
        REQUIRE(socket.ok());
        if (auto bound = socket.value()->bind("127.0.0.1", 0); !bound)
            return bound.error();
        auto port = socket.value()->localPort();
        REQUIRE(port.ok());
        held.push_back(std::move(socket.value()));
        return port.value();
    };
    for (int i = 0; i < 5; ++i) {
        auto port = bindAny();
        REQUIRE(port.ok());
        CAPTURE(port.value());
        CHECK(port.value() >= 40005);
        CHECK(port.value() <= 40009);
        assigned.insert(port.value());
    }
    CHECK(assigned.size() == 5);
    // The unreserved ports are all taken now; the kernel still never hands out a reserved one.
    auto exhausted = bindAny();
    REQUIRE_FALSE(exhausted.ok());
    CHECK(exhausted.error().name == "EADDRINUSE");

    // An explicit bind inside the block still works, as with a Windows persistent reservation.
    auto explicitBind =
        backend->bindProbe(BindTarget{Protocol::Tcp, AddressFamily::IPv4, "127.0.0.1", 40002});
    CHECK(explicitBind.outcome == BindOutcome::Free);

    REQUIRE(backend->deletePersistent(Protocol::Tcp, {40000, 5}).ok());
    CHECK(readTextFile(kReserved) == "\n");
    auto released = bindAny();
    REQUIRE(released.ok());
    CHECK(released.value() >= 40000);
    CHECK(released.value() <= 40004);
}

TEST_CASE("listeners() sees this process's sockets with its pid and name")
{
    requirePrivateNetworkNamespace();
    TempDir sysctl;
    auto backend = openBackend(sysctl);
    const OwnSocket tcp4(Protocol::Tcp, AddressFamily::IPv4);
    const OwnSocket tcp6(Protocol::Tcp, AddressFamily::IPv6);
    const OwnSocket udp4(Protocol::Udp, AddressFamily::IPv4);
    const OwnSocket udp6(Protocol::Udp, AddressFamily::IPv6);

    auto listeners = backend->listeners(std::nullopt);
    REQUIRE(listeners.ok());
    struct Expect
    {
        Protocol protocol;
        AddressFamily family;
        const char* address;
        std::uint16_t port;
    };
    const Expect expected[] = {
        {Protocol::Tcp, AddressFamily::IPv4, "127.0.0.1", tcp4.port},
        {Protocol::Tcp, AddressFamily::IPv6, "::1", tcp6.port},
        {Protocol::Udp, AddressFamily::IPv4, "127.0.0.1", udp4.port},
        {Protocol::Udp, AddressFamily::IPv6, "::1", udp6.port},
    };
    for (const Expect& e : expected) {
        CAPTURE(e.address);
        CAPTURE(e.port);
        CAPTURE(toString(e.protocol));
        const auto it = std::find_if(listeners->begin(), listeners->end(), [&](const Listener& l) {
            return l.protocol == e.protocol && l.family == e.family && l.port == e.port;
        });
        REQUIRE(it != listeners->end());
        CHECK(it->address == e.address);
        CHECK(it->pid == ::getpid());
        CHECK(it->process == ownName());
    }
    auto tcpOnly = backend->listeners(Protocol::Tcp);
    REQUIRE(tcpOnly.ok());
    CHECK(std::none_of(tcpOnly->begin(), tcpOnly->end(),
                       [](const Listener& l) { return l.protocol == Protocol::Udp; }));
}

TEST_CASE("the kernel's listener table through sock_diag is the one /proc/net/tcp shows")
{
    requirePrivateNetworkNamespace();
    const OwnSocket tcp4(Protocol::Tcp, AddressFamily::IPv4);
    const OwnSocket tcp6(Protocol::Tcp, AddressFamily::IPv6);
    // A connection in the table: only listeners may come back.
    const int client = ::socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(client >= 0);
    sockaddr_in server{};
    server.sin_family = AF_INET;
    server.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    server.sin_port = htons(tcp4.port);
    REQUIRE(::connect(client, reinterpret_cast<sockaddr*>(&server), sizeof server) == 0);

    using Row = std::tuple<std::string, std::uint16_t, std::uint64_t>;
    for (const AddressFamily family : {AddressFamily::IPv4, AddressFamily::IPv6}) {
        CAPTURE(toString(family));
        const auto fromNetlink = linuxos::readTcpListenersByNetlink(family);
        if (!fromNetlink) {
            MESSAGE("skipped: this kernel answers no sock_diag request (the /proc path is used)");
            continue;
        }
        auto fromProc = linuxos::readProcNet("/proc", Protocol::Tcp, family);
        REQUIRE(fromProc.ok());
        std::set<Row> expected;
        for (const auto& e : fromProc.value())
            if (linuxos::isListening(e))
                expected.emplace(e.address, e.port, e.inode);
        std::set<Row> got;
        for (const auto& e : *fromNetlink)
            got.emplace(e.address, e.port, e.inode);
        CHECK(got == expected);
        const std::uint16_t own = family == AddressFamily::IPv4 ? tcp4.port : tcp6.port;
        CHECK(std::any_of(got.begin(), got.end(),
                          [own](const Row& r) { return std::get<1>(r) == own; }));
    }
    ::close(client);
}

TEST_CASE("a scan finds a listener's port in use, names its holder, and the rest free")
{
    requirePrivateNetworkNamespace();
    TempDir sysctl;
    auto backend = openBackend(sysctl);
    const OwnSocket listener(Protocol::Tcp, AddressFamily::IPv4);
    const std::uint16_t port = listener.port;
    REQUIRE(port > 10);
    REQUIRE(port < 65530);

    ScanRequest request;
    request.first = std::uint16_t(port - 10);
    request.last = std::uint16_t(port + 5);
    auto result = backend->scan(request, {}, {});
    REQUIRE(result.ok());
    CHECK(result->probed == 16);
    CHECK_FALSE(result->cancelled);
    const std::string self = ownName() + " (pid " + std::to_string(::getpid()) + ")";
    REQUIRE(result->runs.size() == 3);
    const auto& runs = result->runs;
    CHECK(runs[0].first == request.first);
    CHECK(runs[0].last == port - 1);
    CHECK(runs[0].outcome == BindOutcome::Free);
    CHECK(runs[1].first == port);
    CHECK(runs[1].last == port);
    CHECK(runs[1].outcome == BindOutcome::InUse);
    CHECK(runs[1].codeName == "EADDRINUSE");
    CHECK(runs[1].holder.describe() == self);
    CHECK(runs[1].holder.pid == ::getpid());
    CHECK(runs[2].first == port + 1);
    CHECK(runs[2].last == request.last);
    CHECK(runs[2].outcome == BindOutcome::Free);

    auto probe =
        backend->bindProbe(BindTarget{Protocol::Tcp, AddressFamily::IPv4, "127.0.0.1", port});
    CHECK(probe.outcome == BindOutcome::InUse);
    REQUIRE(probe.error);
    CHECK(probe.error->name == "EADDRINUSE");
    CHECK(probe.error->message.find("127.0.0.1:" + std::to_string(port)) != std::string::npos);
    CHECK(probe.holder.describe() == self);

    auto any = backend->bindProbe(BindTarget{Protocol::Udp, AddressFamily::IPv6, "::1", 0});
    CHECK(any.outcome == BindOutcome::Free);
    CHECK(any.boundPort != 0);
}

TEST_CASE("without root, ports below ip_unprivileged_port_start scan as forbidden, saying why")
{
    requirePrivateNetworkNamespace();
    TempDir sysctl;
    const std::string sysctlDir = sysctl.path();
    const int code = runUnprivileged([&] {
        auto opened = LinuxBackend::open({"/proc", sysctlDir});
        if (!opened)
            return 1;
        ScanRequest request;
        request.first = 1020;
        request.last = 1027;
        auto result = opened.value()->scan(request, {}, {});
        if (!result || result->runs.size() != 2)
            return 2;
        const ScanRun& low = result->runs[0];
        const ScanRun& high = result->runs[1];
        if (low.first != 1020 || low.last != 1023 || low.outcome != BindOutcome::Forbidden ||
            low.codeName != "EACCES" ||
            low.holder.describe().find("need root") == std::string::npos ||
            low.holder.describe().find("1024") == std::string::npos)
            return 3;
        if (high.first != 1024 || high.last != 1027 || high.outcome != BindOutcome::Free)
            return 4;
        const auto single = opened.value()->bindProbe(
            BindTarget{Protocol::Udp, AddressFamily::IPv4, "127.0.0.1", 80});
        if (single.outcome != BindOutcome::Forbidden || single.holder != low.holder)
            return 5;
        return 0;
    });
    if (code < 0) {
        MESSAGE("skipped: cannot drop root in this namespace (user namespace)");
        return;
    }
    CHECK(code == 0);
}

TEST_CASE("a scan honours cancellation and reports the probed prefix")
{
    requirePrivateNetworkNamespace();
    TempDir sysctl;
    auto backend = openBackend(sysctl);
    std::stop_source stop;
    stop.request_stop();
    ScanRequest request;
    request.first = 20000;
    request.last = 29999;
    auto result = backend->scan(request, {}, stop.get_token());
    REQUIRE(result.ok());
    CHECK(result->cancelled);
    CHECK(result->probed < 10000);
}

TEST_CASE("the kernel hands out automatic ports from the range changeDynamicRange set")
{
    SysctlGuard guard;
    TempDir sysctl;
    auto backend = openBackend(sysctl);
    const PortRange range{30000, 4000};
    auto changed = backend->changeDynamicRange(Protocol::Udp, range);
    REQUIRE_MESSAGE(changed.ok(), changed.error().message);
    CHECK(readTextFile(kPortRange) == "30000\t33999\n");
    CHECK(backend->dynamicRange(Protocol::Tcp).value() == range);
    CHECK(readTextFile(sysctl / "60-portolan-local-port-range.conf")
              .find("net.ipv4.ip_local_port_range = 30000 33999") != std::string::npos);

    // 2,000 automatic binds, each socket held so that every one takes a new port, TCP and UDP
    // alike: one range serves both.
    std::vector<std::unique_ptr<Socket>> held;
    std::size_t outside = 0;
    for (int i = 0; i < 2000; ++i) {
        const Protocol protocol = i % 2 == 0 ? Protocol::Tcp : Protocol::Udp;
        auto socket = backend->openSocket(SocketSpec::forProtocol(protocol));
        REQUIRE(socket.ok());
        REQUIRE(socket.value()->bind("127.0.0.1", 0).ok());
        const std::uint16_t port = socket.value()->localPort().value();
        if (!range.contains(port)) {
            ++outside;
            MESSAGE("port outside the range: " << port);
        }
        held.push_back(std::move(socket.value()));
    }
    CHECK(held.size() == 2000);
    CHECK(outside == 0);
}
