// SPDX-License-Identifier: GPL-3.0-or-later
// Every error code of docs/windows-semantics.md, produced by the simulated backend the way a user
// would meet it (or, for the codes that cannot arise naturally, through failNextCall), and checked
// for its kind, native code and symbolic name.
//
// | code                        | produced by                                              |
// |-----------------------------|----------------------------------------------------------|
// | 0 NO_ERROR                  | raw Create/Lookup/Delete...PortReservation succeeding    |
// | 5 ERROR_ACCESS_DENIED       | create / delete without elevation                        |
// | 87 ERROR_INVALID_PARAMETER  | create / lookup / delete with start 0, count 0, past end |
// | 32 ERROR_SHARING_VIOLATION  | create over a persistent block, a listener, a bound      |
// |                             | socket, a service's runtime block, an own runtime block  |
// | 1168 ERROR_NOT_FOUND        | lookup of a sub-range / shifted block; delete of a       |
// |                             | missing block                                            |
// | 10022 WSAEINVAL             | acquire count 0 / past 65535; associate after bind;      |
// |                             | associate a service's or an unknown token; release a     |
// |                             | token not acquired here; getsockname before bind         |
// | 10045 WSAEOPNOTSUPP         | acquire / associate / release on a raw socket            |
// | 10013 WSAEACCES             | associate a persistent token unelevated; bind inside a   |
// |                             | service's runtime block (developer scenario, port 3000)  |
// | 10048 WSAEADDRINUSE         | acquire over a persistent block, a service block, an own |
// |                             | block, a listener; bind to a listener's or a bound port  |
// | 10038 WSAENOTSOCK           | a socket used after a reboot; and injected               |
// | 10014 WSAEFAULT, 10036 WSAEINPROGRESS, 10004 WSAEINTR, 10050 WSAENETDOWN,              |
// | 997 WSA_IO_PENDING, 995 WSA_OPERATION_ABORTED: injected into acquire, associate and     |
// | release (they cannot arise in a simulation)                                            |
// | 10049 WSAEADDRNOTAVAIL      | bind to an address the machine does not have             |
// | 10055 WSAENOBUFS            | bind(0) on an exhausted block / dynamic range; acquire   |
// |                             | with start 0 when no block fits                          |
#include "simulated_support.h"

#include "platform/inetaddress.h"
#include "platform/simulated/simulatedrules.h"

#include <functional>
#include <vector>

namespace portolan::test {

namespace {

using native::windowsErrorName;

struct Row
{
    const char* situation;
    std::int64_t code;
    const char* name;
    ErrorKind kind;
    std::function<std::optional<Error>()> produce;
};

constexpr PortRange kBlock{20000, 10}; // free on the clean machine

void checkRows(const std::vector<Row>& rows)
{
    for (const Row& row : rows) {
        CAPTURE(row.situation);
        checkNativeError(row.produce(), row.code, row.name, row.kind);
    }
}

std::optional<Error> createOn(SimulatedBackend& backend, Protocol protocol, PortRange range)
{
    return errorOf(backend.createPersistent(protocol, range));
}

} // namespace

TEST_CASE("simulated errors: NO_ERROR from the raw iphlpapi functions")
{
    auto backend = openClean();
    CHECK(windowsErrorName(native::kNoError) == "NO_ERROR");
    std::uint64_t token = 0;
    CHECK(backend->createPersistentTcpPortReservation(hostToNetwork(kBlock.start), kBlock.count,
                                                      &token) == native::kNoError);
    CHECK(token != kNoToken);
    std::uint64_t looked = 0;
    CHECK(backend->lookupPersistentTcpPortReservation(hostToNetwork(kBlock.start), kBlock.count,
                                                      &looked) == native::kNoError);
    CHECK(looked == token);
    CHECK(backend->deletePersistentTcpPortReservation(hostToNetwork(kBlock.start), kBlock.count) ==
          native::kNoError);
    std::uint64_t udp = 0;
    CHECK(backend->createPersistentUdpPortReservation(hostToNetwork(kBlock.start), kBlock.count,
                                                      &udp) == native::kNoError);
    CHECK(backend->lookupPersistentUdpPortReservation(hostToNetwork(kBlock.start), kBlock.count,
                                                      &looked) == native::kNoError);
    CHECK(looked == udp);
    CHECK(backend->deletePersistentUdpPortReservation(hostToNetwork(kBlock.start), kBlock.count) ==
          native::kNoError);
}

TEST_CASE("simulated errors: ERROR_ACCESS_DENIED (5) without elevation")
{
    auto backend = openClean();
    REQUIRE(backend->createPersistent(Protocol::Tcp, kBlock).ok());
    REQUIRE(backend->setElevated(false).ok());
    checkRows({
        {"create", 5, "ERROR_ACCESS_DENIED", ErrorKind::AccessDenied,
         [&] {
             return createOn(*backend, Protocol::Tcp, PortRange{21000, 5});
         }},
        {"delete", 5, "ERROR_ACCESS_DENIED", ErrorKind::AccessDenied,
         [&] { return errorOf(backend->deletePersistent(Protocol::Tcp, kBlock)); }},
    });
    // Lookup needs no elevation, and nothing changed.
    CHECK(backend->lookupPersistent(Protocol::Tcp, kBlock).ok());
    CHECK_FALSE(backend->lookupPersistent(Protocol::Tcp, PortRange{21000, 5}).ok());
}

TEST_CASE("simulated errors: ERROR_INVALID_PARAMETER (87) for bad blocks")
{
    auto backend = openClean();
    const PortRange bad[] = {{0, 10}, {20000, 0}, {65530, 10}, {65535, 2}};
    std::vector<Row> rows;
    for (const PortRange& range : bad) {
        rows.push_back({"create", 87, "ERROR_INVALID_PARAMETER", ErrorKind::InvalidArgument,
                        [&backend, range] { return createOn(*backend, Protocol::Tcp, range); }});
        rows.push_back({"lookup", 87, "ERROR_INVALID_PARAMETER", ErrorKind::InvalidArgument,
                        [&backend, range] {
                            return errorOf(backend->lookupPersistent(Protocol::Udp, range));
                        }});
        rows.push_back({"delete", 87, "ERROR_INVALID_PARAMETER", ErrorKind::InvalidArgument,
                        [&backend, range] {
                            return errorOf(backend->deletePersistent(Protocol::Tcp, range));
                        }});
    }
    checkRows(rows);
    CHECK(backend->machine().persistent.empty());
    // A null token pointer is a bad parameter too, as on Windows.
    CHECK(backend->createPersistentTcpPortReservation(hostToNetwork(20000), 10, nullptr) == 87);
    CHECK(backend->lookupPersistentTcpPortReservation(hostToNetwork(20000), 10, nullptr) == 87);
}

TEST_CASE("simulated errors: ERROR_SHARING_VIOLATION (32), port in use or block reserved")
{
    auto backend = openScenario("developer.json");
    // developer.json: persistent tcp 8000-8009, WinNAT holds tcp 2869-3368, node.exe listens
    // on 5173, postgres on 5432.
    auto holder = openSocket(*backend);
    auto own = holder->acquireReservation(PortRange{21000, 10});
    REQUIRE(own.ok());
    auto bound = openSocket(*backend);
    REQUIRE(bound->bind("127.0.0.1", 22005).ok());

    checkRows({
        {"overlaps a persistent reservation", 32, "ERROR_SHARING_VIOLATION", ErrorKind::Conflict,
         [&] {
             return createOn(*backend, Protocol::Tcp, PortRange{8005, 10});
         }},
        {"the same block again", 32, "ERROR_SHARING_VIOLATION", ErrorKind::Conflict,
         [&] {
             return createOn(*backend, Protocol::Tcp, PortRange{8000, 10});
         }},
        {"a listener in the block", 32, "ERROR_SHARING_VIOLATION", ErrorKind::Conflict,
         [&] {
             return createOn(*backend, Protocol::Tcp, PortRange{5170, 10});
         }},
        {"a bound socket in the block", 32, "ERROR_SHARING_VIOLATION", ErrorKind::Conflict,
         [&] {
             return createOn(*backend, Protocol::Tcp, PortRange{22000, 10});
         }},
        {"a service's runtime block (observed)", 32, "ERROR_SHARING_VIOLATION", ErrorKind::Conflict,
         [&] {
             return createOn(*backend, Protocol::Tcp, PortRange{3000, 1});
         }},
        {"this process's runtime block", 32, "ERROR_SHARING_VIOLATION", ErrorKind::Conflict,
         [&] {
             return createOn(*backend, Protocol::Tcp, PortRange{21005, 10});
         }},
    });
    static_assert(simulated::kPersistentCreateConflictsWithRuntimeBlocks);
    // UDP is a separate pool: the same numbers are free there.
    CHECK(backend->createPersistent(Protocol::Udp, PortRange{8005, 10}).ok());
    CHECK(backend->createPersistent(Protocol::Udp, PortRange{5170, 10}).ok());
    // Nothing else was created.
    CHECK(backend->machine().persistent.size() == 4);
}

TEST_CASE("simulated errors: ERROR_NOT_FOUND (1168), lookup and delete match exactly")
{
    auto backend = openClean();
    REQUIRE(backend->createPersistent(Protocol::Tcp, kBlock).ok());
    checkRows({
        {"lookup of a sub-range", 1168, "ERROR_NOT_FOUND", ErrorKind::NotFound,
         [&] {
             return errorOf(backend->lookupPersistent(Protocol::Tcp, PortRange{20000, 5}));
         }},
        {"lookup of a shifted block", 1168, "ERROR_NOT_FOUND", ErrorKind::NotFound,
         [&] {
             return errorOf(backend->lookupPersistent(Protocol::Tcp, PortRange{20001, 10}));
         }},
        {"lookup in the other protocol", 1168, "ERROR_NOT_FOUND", ErrorKind::NotFound,
         [&] { return errorOf(backend->lookupPersistent(Protocol::Udp, kBlock)); }},
        {"delete of a sub-range", 1168, "ERROR_NOT_FOUND", ErrorKind::NotFound,
         [&] {
             return errorOf(backend->deletePersistent(Protocol::Tcp, PortRange{20000, 9}));
         }},
        {"delete of a missing block", 1168, "ERROR_NOT_FOUND", ErrorKind::NotFound,
         [&] {
             return errorOf(backend->deletePersistent(Protocol::Tcp, PortRange{30000, 3}));
         }},
    });
    CHECK(backend->lookupPersistent(Protocol::Tcp, kBlock).ok());
}

TEST_CASE("simulated errors: WSAEINVAL (10022)")
{
    auto backend = openScenario("developer.json");
    const Token serviceToken = backend->machine().runtime.at(0).token;
    REQUIRE(serviceToken != kNoToken);
    auto holder = openSocket(*backend);
    auto acquired = holder->acquireReservation(PortRange{21000, 10});
    REQUIRE(acquired.ok());
    auto boundFirst = openSocket(*backend);
    REQUIRE(boundFirst->bind("127.0.0.1", 0).ok());
    auto unbound = openSocket(*backend);
    auto fresh = openSocket(*backend);

    checkRows({
        {"acquire with count 0", native::kWsaEinval, "WSAEINVAL", ErrorKind::InvalidArgument,
         [&] {
             return errorOf(fresh->acquireReservation(PortRange{21100, 0}));
         }},
        {"acquire past 65535", native::kWsaEinval, "WSAEINVAL", ErrorKind::InvalidArgument,
         [&] {
             return errorOf(fresh->acquireReservation(PortRange{65530, 10}));
         }},
        {"associate after bind", native::kWsaEinval, "WSAEINVAL", ErrorKind::InvalidArgument,
         [&] { return errorOf(boundFirst->associateReservation(acquired->token)); }},
        {"associate a service's token", native::kWsaEinval, "WSAEINVAL", ErrorKind::InvalidArgument,
         [&] { return errorOf(fresh->associateReservation(serviceToken)); }},
        {"associate an unknown token", native::kWsaEinval, "WSAEINVAL", ErrorKind::InvalidArgument,
         [&] { return errorOf(fresh->associateReservation(0x0123456789abcdefull)); }},
        {"associate token 0", native::kWsaEinval, "WSAEINVAL", ErrorKind::InvalidArgument,
         [&] { return errorOf(fresh->associateReservation(kNoToken)); }},
        {"release a service's token", native::kWsaEinval, "WSAEINVAL", ErrorKind::InvalidArgument,
         [&] { return errorOf(fresh->releaseReservation(serviceToken)); }},
        {"release an unknown token", native::kWsaEinval, "WSAEINVAL", ErrorKind::InvalidArgument,
         [&] { return errorOf(fresh->releaseReservation(0x0123456789abcdefull)); }},
        {"getsockname before bind", native::kWsaEinval, "WSAEINVAL", ErrorKind::InvalidArgument,
         [&] { return errorOf(unbound->localPort()); }},
        {"bind twice", native::kWsaEinval, "WSAEINVAL", ErrorKind::InvalidArgument,
         [&] { return errorOf(boundFirst->bind("127.0.0.1", 0)); }},
        {"bind to a malformed address", native::kWsaEinval, "WSAEINVAL", ErrorKind::InvalidArgument,
         [&] { return errorOf(unbound->bind("127.0.0.300", 0)); }},
    });
    // The service's block is untouched by the failed release.
    CHECK(backend->machine().runtime.at(0).token == serviceToken);
}

TEST_CASE("simulated errors: WSAEOPNOTSUPP (10045) on a socket that is not TCP or UDP")
{
    auto backend = openClean(); // elevated: raw sockets need an administrator
    auto raw = backend->openSocket(SocketSpec{AddressFamily::IPv4, SocketType::Raw, 255});
    REQUIRE_MESSAGE(raw.ok(), raw.error().describe());
    auto tcp = openSocket(*backend);
    auto acquired = tcp->acquireReservation(kBlock);
    REQUIRE(acquired.ok());
    checkRows({
        {"acquire", native::kWsaEopnotsupp, "WSAEOPNOTSUPP", ErrorKind::Unsupported,
         [&] {
             return errorOf(raw.value()->acquireReservation(PortRange{21000, 5}));
         }},
        {"associate", native::kWsaEopnotsupp, "WSAEOPNOTSUPP", ErrorKind::Unsupported,
         [&] { return errorOf(raw.value()->associateReservation(acquired->token)); }},
        {"release", native::kWsaEopnotsupp, "WSAEOPNOTSUPP", ErrorKind::Unsupported,
         [&] { return errorOf(raw.value()->releaseReservation(acquired->token)); }},
    });
}

TEST_CASE("simulated errors: the documented IOCTL codes that only injection produces")
{
    struct Code
    {
        std::int64_t code;
        const char* name;
        ErrorKind kind;
    };
    const Code codes[] = {
        {native::kWsaEfault, "WSAEFAULT", ErrorKind::InvalidArgument},
        {native::kWsaEinprogress, "WSAEINPROGRESS", ErrorKind::Unavailable},
        {native::kWsaEintr, "WSAEINTR", ErrorKind::Interrupted},
        {native::kWsaEnetdown, "WSAENETDOWN", ErrorKind::Unavailable},
        {native::kWsaEnotsock, "WSAENOTSOCK", ErrorKind::InvalidArgument},
        {native::kWsaIoPending, "WSA_IO_PENDING", ErrorKind::Unavailable},
        {native::kWsaOperationAborted, "WSA_OPERATION_ABORTED", ErrorKind::Cancelled},
    };
    for (const Code& c : codes) {
        CAPTURE(c.name);
        auto backend = openClean();
        auto holder = openSocket(*backend);
        auto acquired = holder->acquireReservation(kBlock);
        REQUIRE(acquired.ok());
        auto user = openSocket(*backend);

        backend->failNextCall(SimulatedCall::Acquire, c.code);
        auto failedAcquire = user->acquireReservation(PortRange{21000, 5});
        checkNativeError(errorOf(failedAcquire), c.code, c.name, c.kind);
        CHECK(failedAcquire.error().message.find("SIO_ACQUIRE_PORT_RESERVATION") !=
              std::string::npos);

        backend->failNextCall(SimulatedCall::Associate, c.code);
        checkNativeError(errorOf(user->associateReservation(acquired->token)), c.code, c.name,
                         c.kind);

        backend->failNextCall(SimulatedCall::Release, c.code);
        checkNativeError(errorOf(holder->releaseReservation(acquired->token)), c.code, c.name,
                         c.kind);

        // Each injection was used once and changed nothing: the calls now succeed.
        CHECK(user->acquireReservation(PortRange{21000, 5}).ok());
        CHECK(user->associateReservation(acquired->token).ok());
        CHECK(holder->releaseReservation(acquired->token).ok());
    }
}

TEST_CASE("simulated errors: WSAENOTSOCK (10038) for a socket that did not survive a reboot")
{
    auto backend = openClean();
    auto socket = openSocket(*backend);
    REQUIRE(socket->bind("127.0.0.1", 20001).ok());
    REQUIRE(backend->reboot().ok());
    checkRows({
        {"getsockname", native::kWsaEnotsock, "WSAENOTSOCK", ErrorKind::InvalidArgument,
         [&] { return errorOf(socket->localPort()); }},
        {"acquire", native::kWsaEnotsock, "WSAENOTSOCK", ErrorKind::InvalidArgument,
         [&] { return errorOf(socket->acquireReservation(kBlock)); }},
    });
    // Its port was freed by the reboot.
    CHECK(backend->bindProbe(BindTarget{Protocol::Tcp, AddressFamily::IPv4, "127.0.0.1", 20001})
              .outcome == BindOutcome::Free);
}

TEST_CASE("simulated errors: WSAEACCES (10013)")
{
    auto backend = openScenario("developer.json");
    std::uint64_t persistentToken = backend->machine().persistent.at(1).token; // tcp 8000-8009
    REQUIRE(persistentToken != kNoToken);
    auto user = openSocket(*backend);
    auto blocked = openSocket(*backend);
    REQUIRE(backend->setElevated(false).ok());
    checkRows({
        {"associate a persistent token without elevation", native::kWsaEacces, "WSAEACCES",
         ErrorKind::AccessDenied,
         [&] { return errorOf(user->associateReservation(persistentToken)); }},
        {"bind inside a service's runtime block (observed)", native::kWsaEacces, "WSAEACCES",
         ErrorKind::AccessDenied, [&] { return errorOf(blocked->bind("0.0.0.0", 3000)); }},
        {"a raw socket without elevation", native::kWsaEacces, "WSAEACCES", ErrorKind::AccessDenied,
         [&] {
             return errorOf(
                 backend->openSocket(SocketSpec{AddressFamily::IPv4, SocketType::Raw, 255}));
         }},
    });
    static_assert(simulated::kBindInsideServiceBlockCode == native::kWsaEacces);
    // Elevated, the same association works.
    REQUIRE(backend->setElevated(true).ok());
    CHECK(user->associateReservation(persistentToken).ok());
}

TEST_CASE("simulated errors: WSAEADDRINUSE (10048)")
{
    auto backend = openScenario("developer.json");
    auto holder = openSocket(*backend);
    REQUIRE(holder->acquireReservation(PortRange{21000, 10}).ok());
    auto bound = openSocket(*backend);
    REQUIRE(bound->bind("127.0.0.1", 22000).ok());
    auto other = openSocket(*backend);
    auto udp = openSocket(*backend, Protocol::Udp);
    checkRows({
        {"acquire over a persistent reservation (observed)", native::kWsaEaddrinuse,
         "WSAEADDRINUSE", ErrorKind::Conflict,
         [&] {
             return errorOf(other->acquireReservation(PortRange{8005, 10}));
         }},
        {"acquire over a service's runtime block", native::kWsaEaddrinuse, "WSAEADDRINUSE",
         ErrorKind::Conflict,
         [&] {
             return errorOf(other->acquireReservation(PortRange{3300, 100}));
         }},
        {"acquire over this process's runtime block", native::kWsaEaddrinuse, "WSAEADDRINUSE",
         ErrorKind::Conflict,
         [&] {
             return errorOf(other->acquireReservation(PortRange{21009, 2}));
         }},
        {"acquire over a listener", native::kWsaEaddrinuse, "WSAEADDRINUSE", ErrorKind::Conflict,
         [&] {
             return errorOf(other->acquireReservation(PortRange{5430, 5}));
         }},
        {"acquire over a bound socket", native::kWsaEaddrinuse, "WSAEADDRINUSE",
         ErrorKind::Conflict,
         [&] {
             return errorOf(other->acquireReservation(PortRange{22000, 1}));
         }},
        {"bind to a listener's port and address (postgres)", native::kWsaEaddrinuse,
         "WSAEADDRINUSE", ErrorKind::Conflict,
         [&] { return errorOf(other->bind("0.0.0.0", 5432)); }},
        {"bind to the address and port another socket holds", native::kWsaEaddrinuse,
         "WSAEADDRINUSE", ErrorKind::Conflict,
         [&] { return errorOf(other->bind("127.0.0.1", 22000)); }},
        {"acquire udp over the service's udp block", native::kWsaEaddrinuse, "WSAEADDRINUSE",
         ErrorKind::Conflict,
         [&] {
             return errorOf(udp->acquireReservation(PortRange{50050, 20}));
         }},
    });
    static_assert(simulated::kAcquireOverPersistentCode == native::kWsaEaddrinuse);
}

TEST_CASE("simulated errors: WSAEADDRNOTAVAIL (10049) and WSAENOBUFS (10055)")
{
    auto backend = openScenario("developer.json");
    auto socket = openSocket(*backend);
    checkNativeError(errorOf(socket->bind("10.9.8.7", 0)), native::kWsaEaddrnotavail,
                     "WSAEADDRNOTAVAIL", ErrorKind::InvalidArgument);
    CHECK(socket->bind("192.168.1.42", 0).ok()); // an address the scenario gives the machine

    // A block of one port, taken: the next bind(0) through it has nowhere to go.
    auto holder = openSocket(*backend);
    auto acquired = holder->acquireReservation(PortRange{21000, 1});
    REQUIRE(acquired.ok());
    auto first = openSocket(*backend);
    REQUIRE(first->associateReservation(acquired->token).ok());
    REQUIRE(first->bind("0.0.0.0", 0).ok());
    auto second = openSocket(*backend);
    REQUIRE(second->associateReservation(acquired->token).ok());
    checkNativeError(errorOf(second->bind("0.0.0.0", 0)), simulated::kBlockExhaustedCode,
                     "WSAENOBUFS", ErrorKind::Conflict);

    // No block of 20000 ports fits in the dynamic range.
    checkNativeError(errorOf(holder->acquireReservation(PortRange{0, 20000})),
                     simulated::kAcquireNoRoomCode, "WSAENOBUFS", ErrorKind::Conflict);
}

TEST_CASE("simulated errors: failNextCall fails exactly the next call of its kind")
{
    const SimulatedCall calls[] = {
        SimulatedCall::CreatePersistent,
        SimulatedCall::LookupPersistent,
        SimulatedCall::DeletePersistent,
        SimulatedCall::ListReservations,
        SimulatedCall::OpenSocket,
        SimulatedCall::Acquire,
        SimulatedCall::Associate,
        SimulatedCall::Release,
        SimulatedCall::Bind,
        SimulatedCall::LocalPort,
        SimulatedCall::DynamicRange,
        SimulatedCall::Listeners,
        SimulatedCall::BootTime,
        SimulatedCall::RestartElevated,
        SimulatedCall::Services,
        SimulatedCall::StopService,
        SimulatedCall::StartService,
    };
    for (SimulatedCall call : calls) {
        CAPTURE(toString(call));
        // The service calls need a machine with a service.
        const bool service =
            call == SimulatedCall::StopService || call == SimulatedCall::StartService;
        auto backend = service ? openScenario("developer.json") : openClean();
        if (call == SimulatedCall::StartService)
            REQUIRE(backend->stopService("winnat").ok());
        REQUIRE(backend->createPersistent(Protocol::Tcp, kBlock).ok());
        auto holder = openSocket(*backend);
        auto acquired = holder->acquireReservation(PortRange{21000, 10});
        REQUIRE(acquired.ok());
        auto bound = openSocket(*backend);
        REQUIRE(bound->bind("127.0.0.1", 22000).ok());
        auto user = openSocket(*backend);

        // Runs the call once and answers its error, if any.
        auto run = [&]() -> std::optional<Error> {
            switch (call) {
            case SimulatedCall::CreatePersistent: {
                auto e = createOn(*backend, Protocol::Udp, kBlock);
                if (!e) // take it away for the next run
                    REQUIRE(backend->deletePersistent(Protocol::Udp, kBlock).ok());
                return e;
            }
            case SimulatedCall::LookupPersistent:
                return errorOf(backend->lookupPersistent(Protocol::Tcp, kBlock));
            case SimulatedCall::DeletePersistent: {
                auto e = errorOf(backend->deletePersistent(Protocol::Tcp, kBlock));
                if (!e) // put it back for the second run
                    REQUIRE(backend->createPersistent(Protocol::Tcp, kBlock).ok());
                return e;
            }
            case SimulatedCall::ListReservations:
                return errorOf(backend->listReservations(std::nullopt));
            case SimulatedCall::OpenSocket:
                return errorOf(backend->openSocket(SocketSpec::forProtocol(Protocol::Tcp)));
            case SimulatedCall::Acquire: {
                auto s = openSocket(*backend);
                return errorOf(s->acquireReservation(PortRange{23000, 4}));
            }
            case SimulatedCall::Associate: {
                auto s = openSocket(*backend);
                return errorOf(s->associateReservation(acquired->token));
            }
            case SimulatedCall::Release: {
                auto e = errorOf(holder->releaseReservation(acquired->token));
                if (!e)
                    acquired = holder->acquireReservation(PortRange{21000, 10});
                return e;
            }
            case SimulatedCall::Bind: {
                auto s = openSocket(*backend);
                return errorOf(s->bind("127.0.0.1", 0));
            }
            case SimulatedCall::LocalPort:
                return errorOf(bound->localPort());
            case SimulatedCall::DynamicRange:
                return errorOf(backend->dynamicRange(Protocol::Tcp));
            case SimulatedCall::Listeners:
                return errorOf(backend->listeners(std::nullopt));
            case SimulatedCall::BootTime:
                return errorOf(backend->bootTime());
            case SimulatedCall::RestartElevated:
                return errorOf(backend->restartElevated("portolan.exe", {}));
            case SimulatedCall::Services:
                return errorOf(backend->services());
            case SimulatedCall::StopService: {
                auto e = errorOf(backend->stopService("winnat"));
                if (!e) // start it again for the next run
                    REQUIRE(backend->startService("winnat").ok());
                return e;
            }
            case SimulatedCall::StartService: {
                auto e = errorOf(backend->startService("winnat"));
                if (!e) // stop it again for the next run
                    REQUIRE(backend->stopService("winnat").ok());
                return e;
            }
            }
            return std::nullopt;
        };

        backend->failNextCall(call, native::kWsaEnetdown);
        backend->failNextCall(call, native::kErrorAccessDenied);
        checkNativeError(run(), native::kWsaEnetdown, "WSAENETDOWN", ErrorKind::Unavailable);
        checkNativeError(run(), native::kErrorAccessDenied, "ERROR_ACCESS_DENIED",
                         ErrorKind::AccessDenied);
        const auto third = run();
        CHECK_MESSAGE(!third.has_value(), (third ? third->describe() : std::string()));

        backend->failNextCall(call, native::kWsaEintr);
        backend->clearFailures();
        const auto cleared = run();
        CHECK_MESSAGE(!cleared.has_value(), (cleared ? cleared->describe() : std::string()));
    }
}

TEST_CASE("simulated errors: injection reaches the raw iphlpapi functions and bind probes")
{
    auto backend = openClean();
    std::uint64_t token = 0;
    backend->failNextCall(SimulatedCall::CreatePersistent, native::kErrorSharingViolation);
    CHECK(backend->createPersistentTcpPortReservation(hostToNetwork(20000), 10, &token) == 32);
    CHECK(token == 0);
    CHECK(backend->createPersistentTcpPortReservation(hostToNetwork(20000), 10, &token) == 0);

    backend->failNextCall(SimulatedCall::Bind, native::kWsaEacces);
    const auto probe =
        backend->bindProbe(BindTarget{Protocol::Tcp, AddressFamily::IPv4, "127.0.0.1", 20500});
    // No reservation covers the port: an access error there is "denied", not "forbidden".
    CHECK(probe.outcome == BindOutcome::Denied);
    checkNativeError(probe.error, native::kWsaEacces, "WSAEACCES", ErrorKind::AccessDenied);
}

} // namespace portolan::test
