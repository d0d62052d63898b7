// SPDX-License-Identifier: GPL-3.0-or-later
// The linux backend's persistent reservations against a fake /proc and a temporary sysctl.d
// folder: what the kernel list and the sysctl.d file hold after each call, and that every
// failure leaves both as they were.
#include "linux_support.h"

#include "platform/linux/reservationfile.h"

#include <algorithm>

#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

using namespace portolan;
using namespace portolan::test;

namespace {

struct Tree
{
    FakeProc proc;
    TempDir sysctl;
    std::unique_ptr<LinuxBackend> backend;

    Tree() { reopen(); }
    void reopen()
    {
        auto opened = LinuxBackend::open({proc.root.path(), sysctl.path()});
        REQUIRE(opened.ok());
        backend = std::move(opened.value());
    }
    std::string filePath() const { return sysctl / "60-portolan-reserved-ports.conf"; }
    std::string file() const { return readTextFile(filePath()); }
    bool fileExists() const { return ::access(filePath().c_str(), F_OK) == 0; }
    std::string kernel() const { return proc.reservedPorts(); }
};

bool contains(const std::string& text, std::string_view part)
{
    return text.find(part) != std::string::npos;
}

ReservedBlock ours(Protocol protocol, PortRange range)
{
    return ReservedBlock{protocol, range, true, kNoToken, {}};
}

ReservedBlock foreign(Protocol protocol, PortRange range)
{
    return ReservedBlock{protocol, range, true, kNoToken, "sysctl (not created by Portolan)"};
}

} // namespace

TEST_CASE("the linux backend says what it can do")
{
    Tree tree;
    const Capabilities caps = tree.backend->capabilities();
    CHECK(caps.persistentReservations);
    CHECK(caps.discoverReservations);
    CHECK(caps.bindProbe);
    CHECK(caps.listeners);
    CHECK(caps.dynamicRange);
    CHECK_FALSE(caps.persistentTokens);
    CHECK_FALSE(caps.runtimeReservations);
    CHECK(tree.backend->name() == "linux");
    CHECK(tree.backend->isElevated() == (::geteuid() == 0));
    CHECK_FALSE(tree.backend->hostName().empty());
    auto boot = tree.backend->bootTime();
    REQUIRE(boot.ok());
    CHECK(boot.value() == 1700000000);
}

TEST_CASE("a created block is in the kernel list and recorded in the sysctl.d file")
{
    Tree tree;
    auto created = tree.backend->createPersistent(Protocol::Tcp, {5000, 20});
    REQUIRE(created.ok());
    CHECK(created.value() == ours(Protocol::Tcp, {5000, 20}));
    CHECK(tree.kernel() == "5000-5019\n");
    CHECK(contains(tree.file(), "# portolan-block: tcp 5000 20\n"));
    CHECK(contains(tree.file(), "net.ipv4.ip_local_reserved_ports = 5000-5019\n"));

    auto found = tree.backend->lookupPersistent(Protocol::Tcp, {5000, 20});
    REQUIRE(found.ok());
    CHECK(found.value() == ours(Protocol::Tcp, {5000, 20}));
    CHECK(found->token == kNoToken);

    SUBCASE("lookup and delete need the exact block and protocol")
    {
        for (auto [protocol, range] : {std::pair{Protocol::Tcp, PortRange{5000, 10}},
                                       std::pair{Protocol::Tcp, PortRange{5000, 21}},
                                       std::pair{Protocol::Tcp, PortRange{5001, 20}},
                                       std::pair{Protocol::Udp, PortRange{5000, 20}}}) {
            CAPTURE(toString(range));
            CAPTURE(toString(protocol));
            auto lookup = tree.backend->lookupPersistent(protocol, range);
            REQUIRE_FALSE(lookup.ok());
            CHECK(lookup.error().kind == ErrorKind::NotFound);
            CHECK(lookup.error().name == "ENOENT");
            auto removed = tree.backend->deletePersistent(protocol, range);
            REQUIRE_FALSE(removed.ok());
            CHECK(removed.error().kind == ErrorKind::NotFound);
        }
        CHECK(tree.kernel() == "5000-5019\n");
    }
    SUBCASE("delete takes the ports out of the kernel list and drops the empty file")
    {
        REQUIRE(tree.backend->deletePersistent(Protocol::Tcp, {5000, 20}).ok());
        CHECK(tree.kernel() == "\n");
        CHECK_FALSE(tree.fileExists());
        auto lookup = tree.backend->lookupPersistent(Protocol::Tcp, {5000, 20});
        REQUIRE_FALSE(lookup.ok());
        CHECK(lookup.error().kind == ErrorKind::NotFound);
    }
}

TEST_CASE("adjacent blocks keep their identity although the kernel merges them")
{
    Tree tree;
    REQUIRE(tree.backend->createPersistent(Protocol::Tcp, {5000, 10}).ok());
    REQUIRE(tree.backend->createPersistent(Protocol::Tcp, {5010, 10}).ok());
    CHECK(tree.kernel() == "5000-5019\n");

    tree.reopen(); // as after a restart of Portolan: only the files remain
    CHECK(tree.backend->lookupPersistent(Protocol::Tcp, {5000, 10}).ok());
    CHECK(tree.backend->lookupPersistent(Protocol::Tcp, {5010, 10}).ok());
    CHECK_FALSE(tree.backend->lookupPersistent(Protocol::Tcp, {5000, 20}).ok());
    auto listed = tree.backend->listReservations(std::nullopt);
    REQUIRE(listed.ok());
    CHECK(listed.value() == std::vector<ReservedBlock>{ours(Protocol::Tcp, {5000, 10}),
                                                       ours(Protocol::Tcp, {5010, 10})});

    REQUIRE(tree.backend->deletePersistent(Protocol::Tcp, {5000, 10}).ok());
    CHECK(tree.kernel() == "5010-5019\n");
    CHECK(tree.backend->lookupPersistent(Protocol::Tcp, {5010, 10}).ok());
    CHECK_FALSE(contains(tree.file(), "tcp 5000 10"));
}

TEST_CASE("TCP and UDP blocks share the kernel list but not their identity")
{
    Tree tree;
    REQUIRE(tree.backend->createPersistent(Protocol::Tcp, {6000, 10}).ok());
    REQUIRE(tree.backend->createPersistent(Protocol::Udp, {6000, 10}).ok());
    CHECK(tree.kernel() == "6000-6009\n");

    // Deleting one protocol's block keeps the ports the other one still needs.
    REQUIRE(tree.backend->deletePersistent(Protocol::Tcp, {6000, 10}).ok());
    CHECK(tree.kernel() == "6000-6009\n");
    CHECK_FALSE(tree.backend->lookupPersistent(Protocol::Tcp, {6000, 10}).ok());
    CHECK(tree.backend->lookupPersistent(Protocol::Udp, {6000, 10}).ok());
    REQUIRE(tree.backend->deletePersistent(Protocol::Udp, {6000, 10}).ok());
    CHECK(tree.kernel() == "\n");
}

TEST_CASE("entries in the kernel list that Portolan did not make are reported and kept")
{
    Tree tree;
    tree.proc.setReservedPorts("8080,9000-9009");

    auto listed = tree.backend->listReservations(std::nullopt);
    REQUIRE(listed.ok());
    CHECK(listed.value() == std::vector<ReservedBlock>{foreign(Protocol::Tcp, {8080, 1}),
                                                       foreign(Protocol::Udp, {8080, 1}),
                                                       foreign(Protocol::Tcp, {9000, 10}),
                                                       foreign(Protocol::Udp, {9000, 10})});
    auto udp = tree.backend->listReservations(Protocol::Udp);
    REQUIRE(udp.ok());
    CHECK(udp->size() == 2);

    // A foreign entry is not a reservation of ours to look up or delete.
    CHECK(tree.backend->lookupPersistent(Protocol::Tcp, {8080, 1}).error().kind ==
          ErrorKind::NotFound);
    CHECK(tree.backend->deletePersistent(Protocol::Tcp, {8080, 1}).error().kind ==
          ErrorKind::NotFound);

    REQUIRE(tree.backend->createPersistent(Protocol::Tcp, {5000, 20}).ok());
    CHECK(tree.kernel() == "5000-5019,8080,9000-9009\n");
    // Applying the file at boot must not drop the foreign entries.
    CHECK(contains(tree.file(), "net.ipv4.ip_local_reserved_ports = 5000-5019,8080,9000-9009\n"));
    REQUIRE(tree.backend->deletePersistent(Protocol::Tcp, {5000, 20}).ok());
    CHECK(tree.kernel() == "8080,9000-9009\n");
}

TEST_CASE("a recorded block missing from the kernel list is not found, and says why")
{
    Tree tree;
    REQUIRE(tree.backend->createPersistent(Protocol::Udp, {7000, 5}).ok());
    tree.proc.setReservedPorts(""); // a boot that did not apply the sysctl.d file

    auto lookup = tree.backend->lookupPersistent(Protocol::Udp, {7000, 5});
    REQUIRE_FALSE(lookup.ok());
    CHECK(lookup.error().kind == ErrorKind::NotFound);
    CHECK(contains(lookup.error().message, "not active"));
    CHECK(contains(lookup.error().message, tree.filePath()));

    auto listed = tree.backend->listReservations(std::nullopt);
    REQUIRE(listed.ok());
    REQUIRE(listed->size() == 1);
    CHECK(contains(listed->front().owner, "not active"));

    // It can still be deleted, which clears the record.
    REQUIRE(tree.backend->deletePersistent(Protocol::Udp, {7000, 5}).ok());
    CHECK_FALSE(tree.fileExists());
}

TEST_CASE("bad blocks are refused as EINVAL naming the field, changing nothing")
{
    struct Row
    {
        PortRange range;
        const char* field;
    };
    const Row rows[] = {
        {{0, 10}, "start"},
        {{5000, 0}, "count"},
        {{65530, 10}, "end"},
    };
    Tree tree;
    for (const Row& row : rows) {
        CAPTURE(row.field);
        const Result<void> results[] = {
            [&]() -> Result<void> {
                auto r = tree.backend->createPersistent(Protocol::Tcp, row.range);
                return r ? Result<void>() : r.error();
            }(),
            [&]() -> Result<void> {
                auto r = tree.backend->lookupPersistent(Protocol::Tcp, row.range);
                return r ? Result<void>() : r.error();
            }(),
            tree.backend->deletePersistent(Protocol::Tcp, row.range),
        };
        for (const auto& result : results) {
            REQUIRE_FALSE(result.ok());
            CHECK(result.error().kind == ErrorKind::InvalidArgument);
            CHECK(result.error().code == EINVAL);
            CHECK(result.error().name == "EINVAL");
            CHECK(result.error().message.rfind(row.field, 0) == 0);
            CHECK(contains(result.error().message, "allowed"));
        }
    }
    CHECK(tree.kernel() == "\n");
    CHECK_FALSE(tree.fileExists());
}

TEST_CASE("overlaps are conflicts that say which block is in the way")
{
    Tree tree;
    REQUIRE(tree.backend->createPersistent(Protocol::Tcp, {5000, 20}).ok());
    tree.proc.setReservedPorts("5000-5019,9000");
    const std::string fileBefore = tree.file();

    struct Row
    {
        Protocol protocol;
        PortRange range;
        const char* named;
    };
    const Row rows[] = {
        {Protocol::Tcp, {5000, 20}, "tcp 5000-5019"}, {Protocol::Tcp, {5019, 5}, "tcp 5000-5019"},
        {Protocol::Tcp, {4990, 11}, "tcp 5000-5019"}, {Protocol::Tcp, {8995, 10}, "9000"},
        {Protocol::Udp, {9000, 1}, "9000"},
    };
    for (const Row& row : rows) {
        CAPTURE(toString(row.range));
        auto created = tree.backend->createPersistent(row.protocol, row.range);
        REQUIRE_FALSE(created.ok());
        CHECK(created.error().kind == ErrorKind::Conflict);
        CHECK(created.error().name == "EEXIST");
        CHECK(contains(created.error().message, row.named));
    }
    CHECK(tree.kernel() == "5000-5019,9000\n");
    CHECK(tree.file() == fileBefore);
}

TEST_CASE("a listener inside the block is a conflict naming the process and the port")
{
    Tree tree;
    writeTextFile(tree.proc.root / "net/tcp",
                  std::string(kProcNetHeader) +
                      procNetRow(0, "127.0.0.1", false, 5003, 0x01, 2001) // connected: no
                      + procNetRow(1, "0.0.0.0", false, 5007, 0x0A, 2002));
    writeTextFile(tree.proc.root / "net/udp6",
                  std::string(kProcNetHeader) + procNetRow(0, "::", true, 6001, 0x07, 2003));
    tree.proc.addProcess(4321, "node", 2002);
    tree.proc.addProcess(4400, "avahi-daemon", 2003);

    auto tcp = tree.backend->createPersistent(Protocol::Tcp, {5000, 20});
    REQUIRE_FALSE(tcp.ok());
    CHECK(tcp.error().kind == ErrorKind::Conflict);
    CHECK(tcp.error().name == "EADDRINUSE");
    CHECK(contains(tcp.error().message, "node (pid 4321)"));
    CHECK(contains(tcp.error().message, "0.0.0.0:5007"));

    auto udp = tree.backend->createPersistent(Protocol::Udp, {6000, 5});
    REQUIRE_FALSE(udp.ok());
    CHECK(udp.error().name == "EADDRINUSE");
    CHECK(contains(udp.error().message, "avahi-daemon (pid 4400)"));
    CHECK(contains(udp.error().message, "[::]:6001"));
    CHECK(tree.kernel() == "\n");
    CHECK_FALSE(tree.fileExists());

    // The other protocol's listener is no conflict.
    CHECK(tree.backend->createPersistent(Protocol::Udp, {5000, 20}).ok());
}

TEST_CASE("when the sysctl.d file cannot be written, the kernel list is restored")
{
    FakeProc proc;
    TempDir parent;
    auto opened = LinuxBackend::open({proc.root.path(), parent / "missing"});
    REQUIRE(opened.ok());
    auto& backend = *opened.value();
    proc.setReservedPorts("9000");

    auto created = backend.createPersistent(Protocol::Tcp, {5000, 20});
    REQUIRE_FALSE(created.ok());
    CHECK(created.error().kind == ErrorKind::IoError);
    CHECK(created.error().name == "ENOENT");
    CHECK(contains(created.error().message, parent / "missing"));
    CHECK(contains(created.error().message, "restored"));
    CHECK(proc.reservedPorts() == "9000\n");
}

TEST_CASE("a damaged sysctl.d file stops changes instead of losing records")
{
    Tree tree;
    writeTextFile(tree.filePath(),
                  "# portolan-block: tcp 5000\nnet.ipv4.ip_local_reserved_ports = 5000\n");
    tree.proc.setReservedPorts("5000");
    auto created = tree.backend->createPersistent(Protocol::Tcp, {6000, 1});
    REQUIRE_FALSE(created.ok());
    CHECK(created.error().kind == ErrorKind::IoError);
    CHECK(contains(created.error().message, "line 1"));
    CHECK(tree.kernel() == "5000\n");
    CHECK_FALSE(tree.backend->listReservations(std::nullopt).ok());
}

TEST_CASE("without root, changes are refused as AccessDenied and nothing changes")
{
    Tree tree;
    REQUIRE(tree.backend->createPersistent(Protocol::Tcp, {5000, 20}).ok());
    const std::string fileBefore = tree.file();
    const std::string kernelPath = tree.backend->reservedPortsPath();
    const std::string filePath = tree.filePath();
    const std::string procRoot = tree.proc.root.path();
    const std::string sysctlDir = tree.sysctl.path();

    // Bits of the child's exit code: which expectation failed.
    enum : int
    {
        kOpen = 1,
        kCreate = 2,
        kDelete = 4,
        kLookup = 8,
        kList = 16
    };
    SUBCASE("the kernel list is root's")
    {
        const int code = runUnprivileged([&] {
            auto opened = LinuxBackend::open({procRoot, sysctlDir});
            if (!opened)
                return int(kOpen);
            auto& backend = *opened.value();
            int failed = 0;
            auto created = backend.createPersistent(Protocol::Tcp, {6000, 5});
            if (created || created.error().kind != ErrorKind::AccessDenied ||
                (created.error().name != "EACCES" && created.error().name != "EPERM") ||
                !contains(created.error().message, "root") ||
                !contains(created.error().message, kernelPath))
                failed |= kCreate;
            auto removed = backend.deletePersistent(Protocol::Tcp, {5000, 20});
            if (removed || removed.error().kind != ErrorKind::AccessDenied)
                failed |= kDelete;
            // Reading needs no privilege.
            if (!backend.lookupPersistent(Protocol::Tcp, {5000, 20}))
                failed |= kLookup;
            if (!backend.listReservations(std::nullopt))
                failed |= kList;
            return failed;
        });
        if (code < 0) {
            MESSAGE("skipped: cannot drop root here");
        } else {
            CHECK(code == 0);
        }
    }
    SUBCASE("the kernel list is writable but the sysctl.d folder is not")
    {
        ::chmod(kernelPath.c_str(), 0666);
        ::chmod(filePath.c_str(), 0666);
        ::chmod(sysctlDir.c_str(), 0555);
        const int code = runUnprivileged([&] {
            auto opened = LinuxBackend::open({procRoot, sysctlDir});
            if (!opened)
                return int(kOpen);
            auto& backend = *opened.value();
            int failed = 0;
            auto created = backend.createPersistent(Protocol::Tcp, {6000, 5});
            if (created || created.error().kind != ErrorKind::AccessDenied ||
                !contains(created.error().message, sysctlDir))
                failed |= kCreate;
            auto removed = backend.deletePersistent(Protocol::Tcp, {5000, 20});
            if (removed || removed.error().kind != ErrorKind::AccessDenied)
                failed |= kDelete;
            return failed;
        });
        ::chmod(sysctlDir.c_str(), 0755);
        if (code < 0) {
            MESSAGE("skipped: cannot drop root here");
        } else {
            CHECK(code == 0);
        }
    }
    CHECK(tree.kernel() == "5000-5019\n");
    CHECK(tree.file() == fileBefore);
}

TEST_CASE("Linux sockets have no runtime reservations")
{
    Tree tree;
    auto socket = tree.backend->openSocket(SocketSpec::forProtocol(Protocol::Tcp));
    REQUIRE(socket.ok());
    auto acquired = socket.value()->acquireReservation({50000, 10});
    REQUIRE_FALSE(acquired.ok());
    CHECK(acquired.error().kind == ErrorKind::Unsupported);
    CHECK(acquired.error().name == "EOPNOTSUPP");
    CHECK(contains(acquired.error().message, "Linux has no runtime port reservations"));
    CHECK(socket.value()->associateReservation(1).error().kind == ErrorKind::Unsupported);
    CHECK(socket.value()->releaseReservation(1).error().kind == ErrorKind::Unsupported);
}

TEST_CASE("a bind to a malformed address is an InvalidArgument naming it")
{
    Tree tree;
    struct Row
    {
        AddressFamily family;
        const char* address;
    };
    const Row rows[] = {
        {AddressFamily::IPv4, "localhost"}, {AddressFamily::IPv4, "127.0.0.256"},
        {AddressFamily::IPv4, "::1"},       {AddressFamily::IPv6, "127.0.0.1"},
        {AddressFamily::IPv6, "::g"},
    };
    for (const Row& row : rows) {
        CAPTURE(row.address);
        auto socket = tree.backend->openSocket(SocketSpec::forProtocol(Protocol::Udp, row.family));
        REQUIRE(socket.ok());
        auto bound = socket.value()->bind(row.address, 0);
        REQUIRE_FALSE(bound.ok());
        CHECK(bound.error().kind == ErrorKind::InvalidArgument);
        CHECK(bound.error().name == "EINVAL");
        CHECK(contains(bound.error().message, std::string("\"") + row.address + "\""));

        auto probed =
            tree.backend->bindProbe(BindTarget{Protocol::Tcp, row.family, row.address, 1});
        CHECK(probed.outcome == BindOutcome::Other);
        REQUIRE(probed.error);
        CHECK(probed.error->kind == ErrorKind::InvalidArgument);
    }
}

TEST_CASE("opening a socket the system refuses says what to use instead")
{
    Tree tree;
    auto wrong = tree.backend->openSocket(SocketSpec{AddressFamily::IPv4, SocketType::Stream, 17});
    REQUIRE_FALSE(wrong.ok());
    CHECK(wrong.error().name == "EPROTONOSUPPORT");
    CHECK(contains(wrong.error().message, "SOCK_STREAM"));
}

TEST_CASE("opening the backend on a missing proc tree fails naming it")
{
    TempDir dir;
    auto opened = LinuxBackend::open({dir / "nothing", dir / "sysctl.d"});
    REQUIRE_FALSE(opened.ok());
    CHECK(opened.error().kind == ErrorKind::IoError);
    CHECK(contains(opened.error().message, dir / "nothing"));
}

TEST_CASE("changeDynamicRange: the kernel's range and the sysctl.d file, both protocols")
{
    Tree tree;
    const std::string rangePath = tree.proc.root / "sys/net/ipv4/ip_local_port_range";
    const std::string filePath = tree.backend->localPortRangeFilePath();
    CHECK(filePath == tree.sysctl / "60-portolan-local-port-range.conf");

    SUBCASE("values outside the kernel's limits are refused by field, nothing written")
    {
        struct Case
        {
            std::uint16_t start, count;
            const char* message;
        };
        for (const Case& c : {Case{0, 100, "start: 0 is out of range; allowed: 1-65535"},
                              Case{1000, 1, "count: 1 is out of range; allowed: 2-"},
                              Case{65000, 1000, "count: the range 65000-65999 runs past"}}) {
            CAPTURE(c.message);
            auto changed = tree.backend->changeDynamicRange(Protocol::Tcp, {c.start, c.count});
            REQUIRE_FALSE(changed.ok());
            CHECK(changed.error().kind == ErrorKind::InvalidArgument);
            CHECK_MESSAGE(contains(changed.error().message, c.message), changed.error().message);
        }
        CHECK(readTextFile(rangePath) == "32768\t60999\n");
        CHECK(::access(filePath.c_str(), F_OK) != 0);
    }
    SUBCASE("as root: written to the kernel and the file; a same-parity range is warned about")
    {
        if (::geteuid() != 0) {
            MESSAGE("skipped: changing the range needs root, and this test runs without it");
            return;
        }
        auto changed = tree.backend->changeDynamicRange(Protocol::Udp, {20000, 1001});
        REQUIRE_MESSAGE(changed.ok(), changed.error().message);
        CHECK(changed->before == PortRange{32768, 28232});
        CHECK(changed->after == PortRange{20000, 1001});
        CHECK(changed->protocols == std::vector<Protocol>{Protocol::Tcp, Protocol::Udp});
        CHECK(readTextFile(rangePath) == "20000 21000\n");
        CHECK(contains(readTextFile(filePath), "\nnet.ipv4.ip_local_port_range = 20000 21000\n"));
        const auto& notes = changed->notes;
        CHECK(std::ranges::any_of(notes, [](const std::string& note) {
            return contains(note, "one dynamic range for TCP and UDP");
        }));
        CHECK(std::ranges::any_of(
            notes, [](const std::string& note) { return contains(note, "same parity"); }));
        // Different parity: no warning.
        auto even = tree.backend->changeDynamicRange(Protocol::Tcp, {20000, 1000});
        REQUIRE(even.ok());
        CHECK(std::ranges::none_of(
            even->notes, [](const std::string& note) { return contains(note, "parity"); }));
        CHECK(tree.backend->dynamicRange(Protocol::Udp).value() == PortRange{20000, 1000});
    }
}
