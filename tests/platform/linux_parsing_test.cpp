// SPDX-License-Identifier: GPL-3.0-or-later
// The linux backend's readers and writers, on files written by the test: the kernel's
// reserved-port list, /proc/net socket tables, the fd links that name a socket's process and
// the sysctl.d file that keeps each block's identity.
#include "linux_support.h"

#include "platform/linux/osrelease.h"
#include "platform/linux/portset.h"
#include "platform/linux/procnet.h"
#include "platform/linux/reservationfile.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <bit>
#include <sys/stat.h>
#include <tuple>
#include <unistd.h>

using namespace portolan;
using namespace portolan::linuxos;
using namespace portolan::test;

TEST_CASE("the kernel's reserved-port list reads into ranges and prints back merged")
{
    struct Row
    {
        const char* text;
        std::vector<PortSpan> spans;
        const char* printed;
    };
    const Row rows[] = {
        {"", {}, ""},
        {"\n", {}, ""},
        {"8080", {{8080, 8080}}, "8080"},
        {"5000-5019,8080\n", {{5000, 5019}, {8080, 8080}}, "5000-5019,8080"},
        // What the kernel does to two adjacent blocks written separately.
        {"5000-5009,5010-5019", {{5000, 5019}}, "5000-5019"},
        {"8080,5000-5019", {{5000, 5019}, {8080, 8080}}, "5000-5019,8080"},
        {"1-3, 2-4", {{1, 4}}, "1-4"},
        {"65535", {{65535, 65535}}, "65535"},
    };
    for (const Row& row : rows) {
        CAPTURE(row.text);
        auto set = PortSet::parse(row.text, "ip_local_reserved_ports");
        REQUIRE(set.ok());
        CHECK(set->spans() == row.spans);
        CHECK(set->format() == row.printed);
    }
}

TEST_CASE("a malformed reserved-port list is an error naming the file and the bad entry")
{
    for (const char* text : {"abc", "5000-", "-5000", "70000", "5019-5000", "5000,,5001", "0x50"}) {
        CAPTURE(text);
        auto set = PortSet::parse(text, "/proc/sys/net/ipv4/ip_local_reserved_ports");
        REQUIRE_FALSE(set.ok());
        CHECK(set.error().kind == ErrorKind::IoError);
        CHECK(set.error().name == "EINVAL");
        CHECK(set.error().message.find("/proc/sys/net/ipv4/ip_local_reserved_ports") !=
              std::string::npos);
    }
}

TEST_CASE("port sets add and remove blocks without disturbing their neighbours")
{
    PortSet set;
    set.add(PortRange{5000, 10});
    set.add(PortRange{5010, 10});
    CHECK(set.format() == "5000-5019");
    CHECK(set.containsAll(PortRange{5000, 20}));
    CHECK_FALSE(set.containsAll(PortRange{5000, 21}));
    set.remove(PortRange{5005, 2});
    CHECK(set.format() == "5000-5004,5007-5019");
    CHECK(set.intersection(PortRange{5003, 5}).format() == "5003-5004,5007");
    CHECK(toRanges(set.spans()) == std::vector<PortRange>{{5000, 5}, {5007, 13}});
}

TEST_CASE("the dynamic port range is read from ip_local_port_range, the same for TCP and UDP")
{
    struct Row
    {
        const char* text;
        bool ok;
        PortRange range;
    };
    const Row rows[] = {
        {"32768\t60999\n", true, {32768, 28232}},
        {"1024 65535\n", true, {1024, 64512}},
        {"40000\t40009", true, {40000, 10}},
        {"60999\t32768\n", false, {}},
        {"32768\n", false, {}},
        {"", false, {}},
        {"a b\n", false, {}},
    };
    for (const Row& row : rows) {
        CAPTURE(row.text);
        FakeProc proc;
        writeTextFile(proc.root / "sys/net/ipv4/ip_local_port_range", row.text);
        auto backend = LinuxBackend::open({proc.root.path(), proc.root / "sysctl.d"});
        REQUIRE(backend.ok());
        for (Protocol protocol : {Protocol::Tcp, Protocol::Udp}) {
            auto range = backend.value()->dynamicRange(protocol);
            REQUIRE(range.ok() == row.ok);
            if (row.ok) {
                CHECK(range.value() == row.range);
            } else {
                CHECK(range.error().kind == ErrorKind::IoError);
                CHECK(range.error().message.find("ip_local_port_range") != std::string::npos);
            }
        }
    }
}

TEST_CASE("rows of /proc/net tables decode address, port, state and inode")
{
    if constexpr (std::endian::native == std::endian::little) {
        // Verbatim from a little-endian kernel: 127.0.0.1:3306 listening, ::1:631 listening.
        auto v4 = parseProcNetLine("   0: 0100007F:0CEA 00000000:0000 0A 00000000:00000000 "
                                   "00:00000000 00000000   111        0 23456 1 0 100 0 0 10 0",
                                   Protocol::Tcp, AddressFamily::IPv4);
        REQUIRE(v4);
        CHECK(v4->address == "127.0.0.1");
        CHECK(v4->port == 3306);
        CHECK(v4->state == kTcpListenState);
        CHECK(v4->inode == 23456);
        auto v6 = parseProcNetLine("   1: 00000000000000000000000001000000:0277 "
                                   "00000000000000000000000000000000:0000 0A 00000000:00000000 "
                                   "00:00000000 00000000     0        0 7890 1 0 100 0 0 10 0",
                                   Protocol::Tcp, AddressFamily::IPv6);
        REQUIRE(v6);
        CHECK(v6->address == "::1");
        CHECK(v6->port == 631);
    }
    struct Row
    {
        Protocol protocol;
        const char* address;
        bool ipv6;
        unsigned port;
        unsigned state;
    };
    const Row rows[] = {
        {Protocol::Tcp, "0.0.0.0", false, 22, 0x0A},
        {Protocol::Tcp, "192.168.1.20", false, 50123, 0x01},
        {Protocol::Tcp, "::", true, 80, 0x0A},
        {Protocol::Tcp, "fe80::1:2:3:4", true, 8443, 0x0A},
        {Protocol::Udp, "127.0.0.53", false, 53, 0x07},
        {Protocol::Udp, "::ffff:10.0.0.1", true, 5353, 0x07},
    };
    for (const Row& row : rows) {
        CAPTURE(row.address);
        const std::string line = procNetRow(3, row.address, row.ipv6, row.port, row.state, 999);
        auto entry = parseProcNetLine(line, row.protocol,
                                      row.ipv6 ? AddressFamily::IPv6 : AddressFamily::IPv4);
        REQUIRE(entry);
        CHECK(entry->address == row.address);
        CHECK(entry->port == row.port);
        CHECK(entry->state == row.state);
        CHECK(entry->inode == 999);
    }
    CHECK_FALSE(parseProcNetLine(std::string(kProcNetHeader), Protocol::Tcp, AddressFamily::IPv4));
    CHECK_FALSE(
        parseProcNetLine("   0: 0100007F 00000000:0000 0A", Protocol::Tcp, AddressFamily::IPv4));
}

TEST_CASE("listeners come from the four tables, with the process found through its fd links")
{
    FakeProc proc;
    writeTextFile(proc.root / "net/tcp",
                  std::string(kProcNetHeader) + procNetRow(0, "0.0.0.0", false, 80, 0x0A, 1001) +
                      procNetRow(1, "127.0.0.1", false, 41000, 0x01, 1002) // connected
                      + procNetRow(2, "127.0.0.1", false, 5432, 0x0A, 1003));
    writeTextFile(proc.root / "net/tcp6",
                  std::string(kProcNetHeader) + procNetRow(0, "::", true, 80, 0x0A, 1004));
    writeTextFile(proc.root / "net/udp",
                  std::string(kProcNetHeader) + procNetRow(0, "0.0.0.0", false, 68, 0x07, 1005) +
                      procNetRow(1, "0.0.0.0", false, 0, 0x07, 1006)); // unbound
    writeTextFile(proc.root / "net/udp6",
                  std::string(kProcNetHeader) + procNetRow(0, "::1", true, 5353, 0x07, 1007));
    proc.addProcess(812, "nginx", 1001, 6);
    proc.addProcess(813, "nginx", 1004, 7);
    proc.addProcess(900, "postgres", 1003);
    proc.addProcess(950, "dhclient", 1005);
    // A process whose fd folder holds other things, and a pid folder without fd at all.
    makeSymlink("/dev/null", proc.root / "400/fd/0");
    makeSymlink("pipe:[77]", proc.root / "400/fd/1");
    writeTextFile(proc.root / "401/comm", "kworker\n");

    auto backend = LinuxBackend::open({proc.root.path(), proc.root / "sysctl.d"});
    REQUIRE(backend.ok());

    auto all = backend.value()->listeners(std::nullopt);
    REQUIRE(all.ok());
    struct Seen
    {
        Protocol protocol;
        std::string address;
        unsigned port;
        long long pid;
        std::string process;
    };
    std::vector<Seen> seen;
    for (const Listener& l : all.value())
        seen.push_back({l.protocol, l.address, l.port, l.pid, l.process});
    const std::vector<std::tuple<Protocol, std::string, unsigned, long long, std::string>>
        expected = {{Protocol::Tcp, "0.0.0.0", 80, 812, "nginx"},
                    {Protocol::Tcp, "::", 80, 813, "nginx"},
                    {Protocol::Tcp, "127.0.0.1", 5432, 900, "postgres"},
                    {Protocol::Udp, "0.0.0.0", 68, 950, "dhclient"},
                    {Protocol::Udp, "::1", 5353, -1, ""}};
    REQUIRE(seen.size() == expected.size());
    for (std::size_t i = 0; i < seen.size(); ++i) {
        CAPTURE(i);
        CHECK(seen[i].protocol == std::get<0>(expected[i]));
        CHECK(seen[i].address == std::get<1>(expected[i]));
        CHECK(seen[i].port == std::get<2>(expected[i]));
        CHECK(seen[i].pid == std::get<3>(expected[i]));
        CHECK(seen[i].process == std::get<4>(expected[i]));
    }

    auto udpOnly = backend.value()->listeners(Protocol::Udp);
    REQUIRE(udpOnly.ok());
    CHECK(udpOnly->size() == 2);
}

TEST_CASE("socket inodes map to the lowest pid holding them, and unreadable processes are skipped")
{
    FakeProc proc;
    proc.addProcess(300, "child", 555, 4);
    proc.addProcess(120, "parent", 555, 4); // a forked server shares its listening socket
    proc.addProcess(130, "other", 556, 5);
    const std::string locked = proc.root / "200/fd";
    makeSymlink("socket:[557]", locked + "/3");
    writeTextFile(proc.root / "200/comm", "secret\n");
    const auto found = mapSocketInodes(proc.root.path(), {555, 556, 557, 558});
    REQUIRE(found.count(555));
    CHECK(found.at(555).pid == 120);
    CHECK(found.at(555).name == "parent");
    CHECK(found.at(556).name == "other");
    CHECK_FALSE(found.count(558));

    // As someone else's process: its fd folder cannot be opened, which is no error.
    ::chmod(locked.c_str(), 0700);
    const int code = runUnprivileged([&] {
        const auto mapped = mapSocketInodes(proc.root.path(), {555, 557});
        return (mapped.count(555) ? 0 : 1) | (mapped.count(557) ? 2 : 0);
    });
    if (code < 0)
        MESSAGE("skipped the unprivileged half: cannot drop root here");
    else
        CHECK(code == 0);
}

TEST_CASE("the sysctl.d file keeps each block's identity through the kernel's merging")
{
    const std::vector<RecordedBlock> blocks = {
        {Protocol::Tcp, {5010, 10}},
        {Protocol::Tcp, {5000, 10}},
        {Protocol::Udp, {5000, 10}},
    };
    PortSet list;
    list.add(PortRange{5000, 20});
    list.add(PortRange{9000, 1}); // someone else's entry in the kernel's list
    const std::string text = formatReservationFile(blocks, list);

    CHECK(text.find("# portolan-block: tcp 5000 10\n") != std::string::npos);
    CHECK(text.find("# portolan-block: tcp 5010 10\n") != std::string::npos);
    CHECK(text.find("# portolan-block: udp 5000 10\n") != std::string::npos);
    CHECK(text.find("\nnet.ipv4.ip_local_reserved_ports = 5000-5019,9000\n") != std::string::npos);
    CHECK(text.find("does not drop them") != std::string::npos);

    auto parsed = parseReservationFile(text, "60-portolan-reserved-ports.conf");
    REQUIRE(parsed.ok());
    REQUIRE(parsed->blocks.size() == 3);
    for (const RecordedBlock& block : blocks)
        CHECK(std::find(parsed->blocks.begin(), parsed->blocks.end(), block) !=
              parsed->blocks.end());
    REQUIRE(parsed->appliedList);
    CHECK(parsed->appliedList->format() == "5000-5019,9000");
}

TEST_CASE("a damaged block record in the sysctl.d file is an error naming the line")
{
    for (const char* line : {"# portolan-block: tcp 5000", "# portolan-block: sctp 5000 10",
                             "# portolan-block: tcp 0 10", "# portolan-block: udp 65530 10",
                             "# portolan-block: tcp 5000 ten"}) {
        CAPTURE(line);
        const std::string text = std::string("# header\n") + line + "\n";
        auto parsed = parseReservationFile(text, "/etc/sysctl.d/60-portolan-reserved-ports.conf");
        REQUIRE_FALSE(parsed.ok());
        CHECK(parsed.error().kind == ErrorKind::IoError);
        CHECK(parsed.error().message.find("60-portolan-reserved-ports.conf line 2") !=
              std::string::npos);
    }
    // Other comments and settings are left alone.
    auto other = parseReservationFile("# a note\nkernel.foo = 1\n", "x.conf");
    REQUIRE(other.ok());
    CHECK(other->blocks.empty());
    CHECK_FALSE(other->appliedList);
}

TEST_CASE("os-release names the distribution: PRETTY_NAME, else NAME and VERSION")
{
    using portolan::linuxos::osReleaseName;
    CHECK(osReleaseName("NAME=\"Debian GNU/Linux\"\nPRETTY_NAME=\"Debian GNU/Linux 12 "
                        "(bookworm)\"\nVERSION_ID=\"12\"\n") == "Debian GNU/Linux 12 (bookworm)");
    CHECK(osReleaseName("# comment\nNAME='Alpine Linux'\nVERSION=3.19\n") == "Alpine Linux 3.19");
    CHECK(osReleaseName("PRETTY_NAME=\"A \\\"quoted\\\" name\"\n") == "A \"quoted\" name");
    CHECK(osReleaseName("") == "Linux");
}
