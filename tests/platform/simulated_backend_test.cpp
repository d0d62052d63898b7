// SPDX-License-Identifier: GPL-3.0-or-later
// Behaviour of the simulated port pool that the shared conformance suite cannot reach:
// byte order, tokens across reboots, runtime reservations, binds inside reserved blocks,
// the developer scenario, and concurrent use.
#include "simulated_support.h"

#include "platform/inetaddress.h"
#include "platform/simulated/simulatedrules.h"

#include <algorithm>
#include <bit>
#include <set>
#include <stop_token>
#include <thread>
#include <vector>

namespace portolan::test {

TEST_CASE("simulated: a restart elevated is recorded with its arguments and answers as scripted")
{
    auto backend = openScenario("developer.json");
    const std::vector<std::string> arguments{"--scenario", "C:\\My Scenarios\\dev.json"};
    CHECK(backend->restartElevated("C:\\Portolan\\portolan.exe", arguments).ok());

    backend->failNextCall(SimulatedCall::RestartElevated, 1223); // ERROR_CANCELLED
    auto declined = backend->restartElevated("C:\\Portolan\\portolan.exe", {});
    REQUIRE_FALSE(declined.ok());
    CHECK(declined.error().kind == ErrorKind::Cancelled);
    CHECK(declined.error().name == "ERROR_CANCELLED");

    const std::vector<SimulatedRestart> expected{{"C:\\Portolan\\portolan.exe", arguments},
                                                 {"C:\\Portolan\\portolan.exe", {}}};
    CHECK(backend->restartRequests() == expected);
    CHECK(backend->isElevated()); // a request changes nothing on the machine
}

TEST_CASE("simulated: identity and capabilities come from the scenario")
{
    auto backend = openScenario("developer.json");
    CHECK(backend->name() == "simulated");
    CHECK(backend->hostName() == "DEV-WORKSTATION");
    CHECK(backend->isElevated());
    auto boot = backend->bootTime();
    REQUIRE(boot.ok());
    CHECK(boot.value() == 1741593761); // 2025-03-10T08:02:41Z
    const Capabilities caps = backend->capabilities();
    CHECK(caps.persistentReservations);
    CHECK(caps.persistentTokens);
    CHECK(caps.discoverReservations);
    CHECK(caps.runtimeReservations);
    CHECK(caps.bindProbe);
    CHECK(caps.listeners);
    CHECK(caps.dynamicRange);
    auto dynamic = backend->dynamicRange(Protocol::Udp);
    REQUIRE(dynamic.ok());
    CHECK(dynamic.value() == PortRange{49152, 16384});
}

TEST_CASE("simulated: the start port travels in network byte order (the classic bug)")
{
    auto backend = openClean();
    const std::uint16_t hostOrder = 5000; // 0x1388
    // What a caller forgetting htons() reserves: the bytes of 5000 read as a big-endian USHORT.
    const std::uint16_t swapped = std::endian::native == std::endian::little ? 34835 : 5000;

    std::uint64_t token = 0;
    REQUIRE(backend->createPersistentTcpPortReservation(hostOrder, 10, &token) == 0);
    CHECK(token != kNoToken);

    // No error anywhere, but the block is not where the caller thinks.
    auto wrong = backend->lookupPersistent(Protocol::Tcp, PortRange{swapped, 10});
    REQUIRE(wrong.ok());
    CHECK(wrong->token == token);
    if (swapped != hostOrder)
        CHECK(backend->lookupPersistent(Protocol::Tcp, PortRange{hostOrder, 10}).error().kind ==
              ErrorKind::NotFound);
    auto listed = backend->listReservations(Protocol::Tcp);
    REQUIRE(listed.ok());
    REQUIRE(listed->size() == 1);
    CHECK(listed->front().range.start == swapped);

    // The Backend methods do it right: htons(5000) reaches the raw layer.
    auto right = backend->createPersistent(Protocol::Udp, PortRange{hostOrder, 10});
    REQUIRE(right.ok());
    std::uint64_t looked = 0;
    CHECK(backend->lookupPersistentUdpPortReservation(hostToNetwork(hostOrder), 10, &looked) == 0);
    CHECK(looked == right->token);
    CHECK(backend->machine().persistent.back().range == PortRange{hostOrder, 10});
}

TEST_CASE("simulated: tokens are stable within a boot and all change at a reboot")
{
    auto backend = openScenario("developer.json");
    const PortRange block{20000, 10};
    auto created = backend->createPersistent(Protocol::Tcp, block);
    REQUIRE(created.ok());
    auto again = backend->lookupPersistent(Protocol::Tcp, block);
    REQUIRE(again.ok());
    CHECK(again->token == created->token);

    const SimulatedMachine before = backend->machine();
    auto bootBefore = backend->bootTime();
    REQUIRE(bootBefore.ok());

    REQUIRE(backend->reboot().ok());

    const SimulatedMachine after = backend->machine();
    CHECK(after.bootCounter == before.bootCounter + 1);
    auto bootAfter = backend->bootTime();
    REQUIRE(bootAfter.ok());
    CHECK(bootAfter.value() > bootBefore.value());

    // Same blocks, identified by (protocol, start, count); every token is new and non-zero.
    REQUIRE(after.persistent.size() == before.persistent.size());
    REQUIRE(after.runtime.size() == before.runtime.size());
    std::set<Token> tokens;
    for (std::size_t i = 0; i < after.persistent.size(); ++i) {
        CHECK(after.persistent[i].protocol == before.persistent[i].protocol);
        CHECK(after.persistent[i].range == before.persistent[i].range);
        CHECK(after.persistent[i].token != kNoToken);
        CHECK(after.persistent[i].token != before.persistent[i].token);
        tokens.insert(after.persistent[i].token);
    }
    for (std::size_t i = 0; i < after.runtime.size(); ++i) {
        CHECK(after.runtime[i].range == before.runtime[i].range);
        CHECK(after.runtime[i].owner == before.runtime[i].owner);
        CHECK(after.runtime[i].token != kNoToken);
        CHECK(after.runtime[i].token != before.runtime[i].token);
        tokens.insert(after.runtime[i].token);
    }
    CHECK(tokens.size() == after.persistent.size() + after.runtime.size()); // all distinct

    auto looked = backend->lookupPersistent(Protocol::Tcp, block);
    REQUIRE(looked.ok());
    CHECK(looked->token != created->token);
    CHECK(looked->token == after.persistent.back().token);

    // The old token means nothing any more; the new one works.
    auto socket = openSocket(*backend);
    auto stale = socket->associateReservation(created->token);
    REQUIRE_FALSE(stale.ok());
    CHECK(stale.error().code == native::kWsaEinval);
    CHECK(socket->associateReservation(looked->token).ok());
}

TEST_CASE("simulated: listReservations shows persistent, service and own blocks")
{
    auto backend = openScenario("developer.json");
    auto holder = openSocket(*backend, Protocol::Udp);
    auto own = holder->acquireReservation(PortRange{21000, 4});
    REQUIRE(own.ok());

    auto all = backend->listReservations(std::nullopt);
    REQUIRE(all.ok());
    const std::vector<ReservedBlock> expected = {
        {Protocol::Tcp, {2869, 500}, false, kNoToken, "Windows NAT (WinNAT)", "scenario"},
        {Protocol::Tcp, {5037, 1}, true, backend->machine().persistent[0].token, ""},
        {Protocol::Tcp, {8000, 10}, true, backend->machine().persistent[1].token, ""},
        {Protocol::Tcp, {50000, 60}, false, kNoToken, "Host Network Service (Hyper-V)", "scenario"},
        {Protocol::Udp, {21000, 4}, false, own->token, "portolan.exe (pid 7312)", "this process"},
        {Protocol::Udp, {50000, 60}, false, kNoToken, "Host Network Service (Hyper-V)", "scenario"},
    };
    CHECK(all.value() == expected);

    auto udp = backend->listReservations(Protocol::Udp);
    REQUIRE(udp.ok());
    CHECK(udp->size() == 2);
}

TEST_CASE("simulated: a runtime reservation lives as long as its socket")
{
    auto backend = openClean();
    const PortRange block{21000, 10};
    Token token = kNoToken;
    auto user = openSocket(*backend);
    {
        auto holder = openSocket(*backend);
        auto acquired = holder->acquireReservation(block);
        REQUIRE(acquired.ok());
        token = acquired->token;
        CHECK(acquired->owner == "portolan.exe (pid 7312)");
        auto listed = backend->listReservations(Protocol::Tcp);
        REQUIRE(listed.ok());
        CHECK(listed->size() == 1);
        // While it lives, nobody else can take the block...
        auto rival = openSocket(*backend);
        CHECK(rival->acquireReservation(block).error().code == native::kWsaEaddrinuse);
        // ...and another socket of this process may associate with it.
        REQUIRE(user->associateReservation(token).ok());
    }
    auto listed = backend->listReservations(Protocol::Tcp);
    REQUIRE(listed.ok());
    CHECK(listed->empty());
    // The association outlived the reservation, so bind(0) through it has no block.
    auto orphan = user->bind("127.0.0.1", 0);
    REQUIRE_FALSE(orphan.ok());
    CHECK(orphan.error().code == native::kWsaEinval);
    auto late = openSocket(*backend);
    CHECK(late->associateReservation(token).error().code == native::kWsaEinval);
    // The block is free again.
    auto again = openSocket(*backend);
    CHECK(again->acquireReservation(block).ok());
}

TEST_CASE("simulated: bind(0) after associate walks through the block, then runs out")
{
    auto backend = openClean();
    auto holder = openSocket(*backend);
    auto acquired = holder->acquireReservation(PortRange{21000, 3});
    REQUIRE(acquired.ok());

    std::vector<std::unique_ptr<Socket>> users;
    for (std::uint16_t expected = 21000; expected <= 21002; ++expected) {
        CAPTURE(expected);
        users.push_back(openSocket(*backend));
        REQUIRE(users.back()->associateReservation(acquired->token).ok());
        REQUIRE(users.back()->bind("0.0.0.0", 0).ok());
        auto port = users.back()->localPort();
        REQUIRE(port.ok());
        CHECK(port.value() == expected);
    }
    auto extra = openSocket(*backend);
    REQUIRE(extra->associateReservation(acquired->token).ok());
    auto exhausted = extra->bind("0.0.0.0", 0);
    REQUIRE_FALSE(exhausted.ok());
    CHECK(exhausted.error().code == simulated::kBlockExhaustedCode);

    // Closing one user frees its port for the next.
    users.erase(users.begin() + 1);
    auto next = openSocket(*backend);
    REQUIRE(next->associateReservation(acquired->token).ok());
    REQUIRE(next->bind("0.0.0.0", 0).ok());
    CHECK(next->localPort().value() == 21001);

    // Explicit binds inside this process's own block are allowed (it is ours to use), but
    // not on the address and port one of its sockets holds.
    auto taken = openSocket(*backend);
    CHECK(taken->bind("0.0.0.0", 21001).error().code == native::kWsaEaddrinuse);
    auto second = openSocket(*backend);
    REQUIRE(second->acquireReservation(PortRange{21100, 5}).ok());
    auto explicitBind = openSocket(*backend);
    CHECK(explicitBind->bind("127.0.0.1", 21103).ok());

    // Bound ports stay bound when the reservation ends.
    holder.reset();
    CHECK(backend
              ->bindProbe(BindTarget{Protocol::Tcp, AddressFamily::IPv4, "0.0.0.0", 21000,
                                     SocketSharing::Exclusive})
              .outcome == BindOutcome::InUse);
}

TEST_CASE("simulated: a persistent token serves bind(0) to an elevated process")
{
    auto backend = openScenario("developer.json");
    auto looked = backend->lookupPersistent(Protocol::Tcp, PortRange{8000, 10});
    REQUIRE(looked.ok());
    auto socket = openSocket(*backend);
    REQUIRE(socket->associateReservation(looked->token).ok());
    REQUIRE(socket->bind("0.0.0.0", 0).ok());
    CHECK(socket->localPort().value() == 8000);
    // A UDP socket cannot use a TCP reservation.
    auto udp = openSocket(*backend, Protocol::Udp);
    CHECK(udp->associateReservation(looked->token).error().code == native::kWsaEinval);
}

TEST_CASE("simulated: acquire with start 0 takes the lowest free block of the dynamic range")
{
    auto backend = openScenario("developer.json");
    // 49152-49663 is free, lsass & co. listen on 49664-49666, HNS holds 50000-50059.
    auto socket = openSocket(*backend);
    auto small = socket->acquireReservation(PortRange{0, 100});
    REQUIRE(small.ok());
    CHECK(small->range == PortRange{49152, 100});
    auto large = socket->acquireReservation(PortRange{0, 600});
    REQUIRE(large.ok());
    CHECK(large->range == PortRange{50060, 600});
    auto next = socket->acquireReservation(PortRange{0, 300});
    REQUIRE(next.ok());
    CHECK(next->range == PortRange{49252, 300}); // still fits below the listeners
    auto between = socket->acquireReservation(PortRange{0, 150});
    REQUIRE(between.ok());
    CHECK(between->range == PortRange{49667, 150}); // 49552-49701 would cover 49664
}

TEST_CASE("simulated: binds without association")
{
    auto backend = openScenario("developer.json");
    auto probe = [&](Protocol protocol, std::string address, std::uint16_t port,
                     AddressFamily family = AddressFamily::IPv4) {
        return backend->bindProbe(BindTarget{protocol, family, std::move(address), port});
    };

    SUBCASE("explicit ports")
    {
        struct Case
        {
            const char* what;
            Protocol protocol;
            const char* address;
            std::uint16_t port;
            BindOutcome outcome;
            std::int64_t code;
            const char* holder;
            const char* shadowedBy = "";
        };
        const Case cases[] = {
            {"inside WinNAT's block", Protocol::Tcp, "127.0.0.1", 3000, BindOutcome::Forbidden,
             native::kWsaEacces, "Windows NAT (WinNAT)"},
            {"first port of WinNAT's block", Protocol::Tcp, "0.0.0.0", 2869, BindOutcome::Forbidden,
             native::kWsaEacces, "Windows NAT (WinNAT)"},
            {"just below WinNAT's block", Protocol::Tcp, "127.0.0.1", 2868, BindOutcome::Free, 0,
             ""},
            {"just above WinNAT's block", Protocol::Tcp, "127.0.0.1", 3369, BindOutcome::Free, 0,
             ""},
            {"udp 3000 is another pool", Protocol::Udp, "127.0.0.1", 3000, BindOutcome::Free, 0,
             ""},
            {"inside HNS's block", Protocol::Tcp, "127.0.0.1", 50051, BindOutcome::Forbidden,
             native::kWsaEacces, "Host Network Service (Hyper-V)"},
            {"inside a persistent block (observed: allowed)", Protocol::Tcp, "127.0.0.1", 8005,
             BindOutcome::Free, 0, ""},
            // The bind table, row default/specific: next to a wildcard listener of the same
            // account the bind succeeds, and the listener shadows it.
            {"a same-user listener on 0.0.0.0 shadows 127.0.0.1", Protocol::Tcp, "127.0.0.1", 5173,
             BindOutcome::Free, 0, "", "node.exe (pid 14236)"},
            {"a same-user listener on :: shadows ::1", Protocol::Tcp, "::1", 5432,
             BindOutcome::Free, 0, "", "postgres.exe (pid 6124)"},
            {"a wildcard bind next to the listener on 0.0.0.0", Protocol::Tcp, "0.0.0.0", 5173,
             BindOutcome::InUse, native::kWsaEaddrinuse, "node.exe (pid 14236)"},
            {"adb on 127.0.0.1 inside its persistent block", Protocol::Tcp, "127.0.0.1", 5037,
             BindOutcome::InUse, native::kWsaEaddrinuse, "adb.exe (pid 11840)"},
            {"adb listens on loopback only", Protocol::Tcp, "192.168.1.42", 5037, BindOutcome::Free,
             0, ""},
            {"an address the machine lacks", Protocol::Tcp, "192.168.1.43", 20000,
             BindOutcome::Other, native::kWsaEaddrnotavail, ""},
        };
        for (const Case& c : cases) {
            CAPTURE(c.what);
            const AddressFamily family =
                std::string_view(c.address).find(':') == std::string_view::npos
                    ? AddressFamily::IPv4
                    : AddressFamily::IPv6;
            const auto result = probe(c.protocol, c.address, c.port, family);
            CAPTURE(result.error ? result.error->describe() : std::string("no error"));
            CHECK(result.outcome == c.outcome);
            CHECK(result.holder.describe() == c.holder);
            CHECK(result.shadowedBy.describe() == c.shadowedBy);
            if (c.code == 0) {
                CHECK_FALSE(result.error.has_value());
                CHECK(result.boundPort == c.port);
            } else {
                REQUIRE(result.error.has_value());
                CHECK(result.error->code == c.code);
            }
        }
    }
    SUBCASE("port 0 gets an ephemeral port that nothing reserves or uses")
    {
        REQUIRE(backend->setDynamicRange(Protocol::Tcp, PortRange{49900, 300}).ok());
        // 49900-50199 holds HNS's 50000-50059; the next-fit walk must jump it.
        std::set<std::uint16_t> seen;
        std::vector<std::unique_ptr<Socket>> sockets;
        for (int i = 0; i < 240; ++i) {
            sockets.push_back(openSocket(*backend));
            REQUIRE(sockets.back()->bind("127.0.0.1", 0).ok());
            const std::uint16_t port = sockets.back()->localPort().value();
            CHECK(port >= 49900);
            CHECK(port <= 50199);
            CHECK_FALSE((port >= 50000 && port <= 50059));
            CHECK(seen.insert(port).second);
        }
        auto none = openSocket(*backend);
        CHECK(none->bind("127.0.0.1", 0).error().code == simulated::kEphemeralExhaustedCode);
        const auto probed = probe(Protocol::Tcp, "127.0.0.1", 0);
        CHECK(probed.outcome == BindOutcome::Other);
        REQUIRE(probed.error.has_value());
        CHECK(probed.error->name == "WSAENOBUFS");
    }
    SUBCASE("IPv6 and malformed addresses")
    {
        auto v6 = backend->openSocket(SocketSpec::forProtocol(Protocol::Tcp, AddressFamily::IPv6));
        REQUIRE(v6.ok());
        CHECK(v6.value()->bind("127.0.0.1", 0).error().code == native::kWsaEinval);
        CHECK(v6.value()->bind("::1", 20010).ok());
        // An IPv4 socket on the same port does not collide with an IPv6 one.
        CHECK(probe(Protocol::Tcp, "127.0.0.1", 20010).outcome == BindOutcome::Free);
        // A plain wildcard bind beside a specific one succeeds (the bind table's row
        // default/wildcard); an exclusive one does not.
        CHECK(probe(Protocol::Tcp, "::", 20010, AddressFamily::IPv6).outcome == BindOutcome::Free);
        CHECK(backend
                  ->bindProbe(BindTarget{Protocol::Tcp, AddressFamily::IPv6, "::", 20010,
                                         SocketSharing::Exclusive})
                  .outcome == BindOutcome::InUse);
    }
    SUBCASE("socket types the catalogue refuses")
    {
        CHECK(backend->openSocket(SocketSpec{AddressFamily::IPv4, SocketType::Stream, 17})
                  .error()
                  .code == native::kWsaEprototype);
        CHECK(backend->openSocket(SocketSpec{AddressFamily::IPv4, SocketType::Datagram, 99})
                  .error()
                  .code == native::kWsaEprotonosupport);
        CHECK(backend->openSocket(SocketSpec{AddressFamily::IPv4, SocketType::Stream, 0}).ok());
    }
}

// A port's holder is looked up in a sorted index of the machine's blocks and listeners rather
// than by walking every block; on a big machine each port must still name its own holder, and
// the automatic port must still skip every reserved block.
TEST_CASE("simulated: on a big machine every port names its own holder")
{
    constexpr int first = 20000;
    constexpr int n = 20000; // single-port runtime blocks on 20000-39999, listed backwards
    Json scenario = {{"schema", 1},
                     {"elevated", true},
                     {"dynamicRange", {{"tcp", {{"start", first}, {"count", n + 11}}}}},
                     {"persistent", {{{"protocol", "tcp"}, {"start", first + n}, {"count", 10}}}},
                     {"runtime", Json::array()},
                     {"listeners", Json::array()}};
    const auto ownerOf = [](int port) { return "svc-" + std::to_string(port % 3); };
    for (int port = first + n - 1; port >= first; --port)
        scenario["runtime"].push_back(
            {{"protocol", "tcp"}, {"start", port}, {"count", 1}, {"owner", ownerOf(port)}});
    for (int port = 41000; port < 65000; port += 1000)
        scenario["listeners"].push_back({{"protocol", "tcp"},
                                         {"address", "0.0.0.0"},
                                         {"port", port},
                                         {"pid", port},
                                         {"process", "listener.exe"}});
    auto opened = SimulatedBackend::fromScenario(scenario);
    REQUIRE_MESSAGE(opened.ok(), opened.error().describe());
    SimulatedBackend& backend = *opened.value();
    const auto probe = [&](std::uint16_t port, Protocol protocol = Protocol::Tcp) {
        return backend.bindProbe(BindTarget{protocol, AddressFamily::IPv4, "0.0.0.0", port});
    };

    for (int port : {first, first + 1, first + 2, 29999, 30000, first + n - 1}) {
        CAPTURE(port);
        const auto result = probe(std::uint16_t(port));
        CHECK(result.outcome == BindOutcome::Forbidden);
        CHECK(result.holder.owner == ownerOf(port));
    }
    CHECK(probe(first - 1).outcome == BindOutcome::Free);
    CHECK(probe(first + n + 5).outcome == BindOutcome::Free); // inside the persistent block
    CHECK(probe(30000, Protocol::Udp).outcome == BindOutcome::Free);
    for (int port : {41000, 52000, 64000}) {
        CAPTURE(port);
        const auto result = probe(std::uint16_t(port));
        CHECK(result.outcome == BindOutcome::InUse);
        CHECK(result.holder.pid == port);
    }
    CHECK(probe(41001).outcome == BindOutcome::Free);

    // The dynamic range 20000-40010 has one port outside every block: 40010.
    auto socket = openSocket(backend);
    REQUIRE(socket->bind("0.0.0.0", 0).ok());
    CHECK(socket->localPort().value() == first + n + 10);
    auto second = openSocket(backend);
    checkNativeError(errorOf(second->bind("0.0.0.0", 0)), simulated::kEphemeralExhaustedCode,
                     "WSAENOBUFS", ErrorKind::Conflict);
}

TEST_CASE("simulated: the developer scenario — port 3000 fails with 10013, netstat is silent")
{
    auto backend = openScenario("developer.json");

    // What `npm start` does: bind 0.0.0.0:3000.
    auto server = openSocket(*backend);
    auto bound = server->bind("0.0.0.0", 3000);
    REQUIRE_FALSE(bound.ok());
    CHECK(bound.error().code == 10013);
    CHECK(bound.error().name == "WSAEACCES");

    // Nothing listens there...
    auto listeners = backend->listeners(Protocol::Tcp);
    REQUIRE(listeners.ok());
    CHECK(std::none_of(listeners->begin(), listeners->end(),
                       [](const Listener& l) { return l.port >= 2869 && l.port <= 3368; }));

    // ...but the probe names who holds the port.
    const auto probe =
        backend->bindProbe(BindTarget{Protocol::Tcp, AddressFamily::IPv4, "127.0.0.1", 3000});
    CHECK(probe.outcome == BindOutcome::Forbidden);
    CHECK(probe.holder.describe() == "Windows NAT (WinNAT)");
    CHECK(probe.holder.evidence == "scenario");
    const auto blocks = backend->machine().runtime;
    const auto holder = std::find_if(blocks.begin(), blocks.end(),
                                     [](const auto& b) { return b.range.contains(3000); });
    REQUIRE(holder != blocks.end());
    CHECK(holder->range == PortRange{2869, 500});
    CHECK(probe.holder.owner == holder->owner);

    // A scan across the edge of the block shows it as one run.
    ScanRequest request;
    request.address = "127.0.0.1";
    request.first = 2860;
    request.last = 3380;
    request.threads = 2;
    auto scanned = backend->scan(request, {}, std::stop_token{});
    REQUIRE(scanned.ok());
    const std::vector<ScanRun> expected = {
        {2860, 2868, BindOutcome::Free, 0, "", {}},
        {2869, 3368, BindOutcome::Forbidden, 10013, "WSAEACCES",
         Holder{.owner = "Windows NAT (WinNAT)", .evidence = "scenario"}},
        {3369, 3380, BindOutcome::Free, 0, "", {}},
    };
    CHECK(scanned->runs == expected);

    // The usual fix: stop WinNAT, pin 3000 with a persistent reservation, start WinNAT again.
    REQUIRE(backend->removeServiceBlock(Protocol::Tcp, PortRange{2869, 500}).ok());
    REQUIRE(backend->createPersistent(Protocol::Tcp, PortRange{3000, 1}).ok());
    SimulatedServiceBlock winnat{Protocol::Tcp, PortRange{3001, 100}, "Windows NAT (WinNAT)", 4};
    REQUIRE(backend->addServiceBlock(winnat).ok());
    auto retried = openSocket(*backend);
    CHECK(retried->bind("0.0.0.0", 3000).ok());
}

TEST_CASE("simulated: control edits are validated and change nothing when refused")
{
    auto backend = openScenario("developer.json");
    const SimulatedMachine before = backend->machine();

    CHECK(backend->addServiceBlock({Protocol::Tcp, {3300, 100}, "WSL", 1}).error().kind ==
          ErrorKind::Conflict);
    CHECK(backend->addServiceBlock({Protocol::Tcp, {65500, 100}, "WSL", 1}).error().kind ==
          ErrorKind::InvalidArgument);
    CHECK(backend->addServiceBlock({Protocol::Tcp, {40000, 10}, "", 1}).error().kind ==
          ErrorKind::InvalidArgument);
    CHECK(backend->removeServiceBlock(Protocol::Tcp, PortRange{2869, 499}).error().kind ==
          ErrorKind::NotFound);
    CHECK(backend->setDynamicRange(Protocol::Tcp, PortRange{60000, 254}).error().kind ==
          ErrorKind::InvalidArgument);
    CHECK(backend->setDynamicRange(Protocol::Tcp, PortRange{65000, 1000}).error().kind ==
          ErrorKind::InvalidArgument);
    CHECK(backend->addListener(Listener{Protocol::Tcp, AddressFamily::IPv4, "localhost", 80})
              .error()
              .kind == ErrorKind::InvalidArgument);
    CHECK(backend->removeListener(Protocol::Udp, 5173).error().kind == ErrorKind::NotFound);

    const SimulatedMachine after = backend->machine();
    CHECK(after.runtime == before.runtime);
    CHECK(after.dynamicTcp == before.dynamicTcp);
    CHECK(after.listeners.size() == before.listeners.size());

    // Accepted edits take effect.
    auto token = backend->addServiceBlock({Protocol::Udp, {40000, 10}, "WSL (wslservice.exe)", 77});
    REQUIRE(token.ok());
    CHECK(token.value() != kNoToken);
    CHECK(backend->bindProbe(BindTarget{Protocol::Udp, AddressFamily::IPv4, "127.0.0.1", 40005})
              .holder.describe() == "WSL (wslservice.exe)");
    REQUIRE(backend
                ->addListener(
                    Listener{Protocol::Udp, AddressFamily::IPv6, "0:0::0", 6000, 9, "dns.exe"})
                .ok());
    auto listeners = backend->listeners(Protocol::Udp);
    REQUIRE(listeners.ok());
    CHECK(std::any_of(listeners->begin(), listeners->end(), [](const Listener& l) {
        return l.port == 6000 && l.address == "::" && l.family == AddressFamily::IPv6;
    }));
}

TEST_CASE("simulated: seed replaces the machine and ends this process's sockets")
{
    auto backend = openClean();
    auto socket = openSocket(*backend);
    REQUIRE(socket->bind("127.0.0.1", 20000).ok());
    auto developer = parseJson(readFile(scenarioPath("developer.json")));
    REQUIRE(developer.ok());
    REQUIRE(backend->seed(developer.value()).ok());
    CHECK(backend->hostName() == "DEV-WORKSTATION");
    CHECK(backend->machine().bootCounter == 1);
    CHECK(socket->localPort().error().code == native::kWsaEnotsock);
    auto bad = parseJson(R"({"schema": 1, "runtime": [{"protocol": "tcp"}]})");
    REQUIRE(bad.ok());
    auto refused = backend->seed(bad.value());
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().message.find("runtime[0].start") != std::string::npos);
    CHECK(backend->hostName() == "DEV-WORKSTATION");
}

TEST_CASE("simulated: concurrent scans and edits")
{
    auto backend = openScenario("developer.json");
    std::atomic<bool> done{false};
    std::thread editor([&] {
        int round = 0;
        while (!done.load()) {
            const PortRange block{std::uint16_t(40000 + (round % 50) * 10), 5};
            (void)backend->createPersistent(Protocol::Tcp, block);
            (void)backend->addListener(
                Listener{Protocol::Tcp, AddressFamily::IPv4, "127.0.0.1", 39000, 1, "x.exe"});
            auto socket = backend->openSocket(SocketSpec::forProtocol(Protocol::Tcp));
            if (socket)
                (void)socket.value()->acquireReservation(PortRange{0, 10});
            (void)backend->removeListener(Protocol::Tcp, 39000);
            (void)backend->deletePersistent(Protocol::Tcp, block);
            ++round;
        }
    });
    ScanRequest request;
    request.address = "127.0.0.1";
    request.first = 1;
    request.last = 65535;
    request.threads = 4;
    auto scanned = backend->scan(request, {}, std::stop_token{});
    done = true;
    editor.join();
    REQUIRE(scanned.ok());
    CHECK(scanned->probed == 65535);
    REQUIRE_FALSE(scanned->runs.empty());
    CHECK(scanned->runs.front().first == 1);
    CHECK(scanned->runs.back().last == 65535);
    for (std::size_t i = 1; i < scanned->runs.size(); ++i)
        CHECK(scanned->runs[i].first == scanned->runs[i - 1].last + 1);
}

} // namespace portolan::test

namespace portolan::test {

TEST_CASE("simulated: another account's listener makes a plain bind denied, not forbidden")
{
    auto backend = openScenario("developer-accounts.json");
    // syncd.exe of NETWORK SERVICE on 0.0.0.0:7000 with SO_REUSEADDR; no reservation there.
    const auto plain =
        backend->bindProbe(BindTarget{Protocol::Tcp, AddressFamily::IPv4, "127.0.0.1", 7000});
    CHECK(plain.outcome == BindOutcome::Denied);
    REQUIRE(plain.error.has_value());
    CHECK(plain.error->name == "WSAEACCES");
    CHECK(plain.holder.describe() == "syncd.exe (pid 7788)");
    CHECK(plain.holder.pid == 7788);
    CHECK(plain.holder.owner.empty());
    // The same through a socket of this process, as a program's bind would meet it.
    auto socket = openSocket(*backend);
    auto bound = socket->bind("127.0.0.1", 7000);
    REQUIRE_FALSE(bound.ok());
    CHECK(bound.error().name == "WSAEACCES");
    CHECK(bound.error().kind == ErrorKind::AccessDenied);

    const auto exclusive = backend->bindProbe(
        BindTarget{Protocol::Tcp, AddressFamily::IPv4, "0.0.0.0", 7000, SocketSharing::Exclusive});
    CHECK(exclusive.outcome == BindOutcome::InUse);
    CHECK(exclusive.holder.describe() == "syncd.exe (pid 7788)");

    ScanRequest request;
    request.first = 6990;
    request.last = 7010;
    request.threads = 2;
    auto scanned = backend->scan(request, {}, std::stop_token{});
    REQUIRE(scanned.ok());
    REQUIRE(scanned->runs.size() == 3);
    CHECK(scanned->runs[1].first == 7000);
    CHECK(scanned->runs[1].last == 7000);
    CHECK(scanned->runs[1].outcome == BindOutcome::InUse);
    CHECK(scanned->runs[1].holder.describe() == "syncd.exe (pid 7788)");
}

TEST_CASE("simulated: listener options and accounts in a scenario are checked")
{
    const auto parse = [](std::string_view listener) {
        const std::string text = R"({"schema": 1, "listeners": [)" + std::string(listener) + "]}";
        auto json = parseJson(text);
        REQUIRE(json.ok());
        return simulated::machineFromJson(json.value(), "scenario t.json");
    };
    auto bad =
        parse(R"({"protocol": "tcp", "address": "0.0.0.0", "port": 1, "options": "shared"})");
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().kind == ErrorKind::InvalidArgument);
    CHECK(bad.error().message ==
          "scenario t.json: listeners[0].options: \"shared\" is not a socket option; allowed: "
          "\"default\", \"reuseaddr\", \"exclusive\"");
    auto empty = parse(R"({"protocol": "tcp", "address": "0.0.0.0", "port": 1, "user": ""})");
    REQUIRE_FALSE(empty.ok());
    CHECK(empty.error().message == "scenario t.json: listeners[0].user: must not be empty");

    auto good = parse(R"({"protocol": "tcp", "address": "0.0.0.0", "port": 1,
                          "options": "exclusive"})");
    REQUIRE(good.ok());
    CHECK(good->listeners.at(0).sharing == SocketSharing::Exclusive);
    CHECK(good->listeners.at(0).user == good->selfUser); // the interactive user by default
    CHECK(good->selfUser == "user");
}

} // namespace portolan::test
