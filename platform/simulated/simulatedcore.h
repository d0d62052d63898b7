// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../backend.h"
#include "../error.h"
#include "../inetaddress.h"
#include "../nativecodes.h"
#include "simulatedcontrol.h"
#include "simulatedindex.h"
#include "simulatedmachine.h"
#include "simulatedrules.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace portolan::simulated {

// The rules this model follows, with their sources: docs/windows-semantics.md.

// One socket of "this process".
struct SocketRecord
{
    SocketSpec spec;
    std::optional<Protocol> transport; // nullopt: a raw socket, which has no ports
    bool dead = false;                 // the machine rebooted (or was reseeded) under it
    bool bound = false;
    IpAddress address;
    std::uint16_t port = 0;
    Token associated = kNoToken;
    SocketSharing sharing = SocketSharing::Default;
};

// A runtime block acquired by this process: lives as long as its acquiring socket.
struct OwnBlock
{
    Protocol protocol = Protocol::Tcp;
    PortRange range;
    Token token = kNoToken;
    std::uint64_t socket = 0;
};

struct BindDecision
{
    std::int64_t code = 0; // 0 = the bind succeeds
    std::uint16_t port = 0;
    Holder holder;
    bool reserved = false; // the refusal comes from a reserved block
    Holder shadowedBy;     // a free specific bind: the wildcard listener beside it
};

// What the bind table needs to know of a socket already on the port.
struct Occupant
{
    IpAddress address;
    SocketSharing sharing = SocketSharing::Default;
    bool sameUser = true;
    Holder holder;
};

// Shared by the files that implement Core.

// A block that exists: start and count at least 1, ending at 65535 at the latest.
bool blockFits(std::uint32_t start, std::uint32_t count);
// "start 5000, count 10"
std::string rangeText(std::uint32_t start, std::uint32_t count);
// Now, in seconds since the Unix epoch.
std::int64_t nowSeconds();

// Whether a block of `blocks` (persistent, runtime or this process's own) of the protocol
// overlaps `range`.
template <typename Blocks>
bool overlapsAny(const Blocks& blocks, Protocol protocol, PortRange range)
{
    return std::any_of(blocks.begin(), blocks.end(), [&](const auto& b) {
        return b.protocol == protocol && b.range.overlaps(range);
    });
}

// The simulated machine plus the process the backend speaks for. Every public member locks
// the one mutex; everything private expects it held. The members are implemented in
// simulatedcore.cpp (state, queries, control), simulatedreservations.cpp (persistent and
// runtime reservations) and simulatedsockets.cpp (sockets, bind and the port pool's rules).
class Core
{
public:
    Core(SimulatedMachine machine, std::string stateFile);

    // Writes the state file (used once after seeding).
    Result<void> writeState();

    // iphlpapi: Win32 codes; ioError is set when the state file could not be written.
    std::uint32_t createPersistent(Protocol protocol, std::uint16_t startNetworkOrder,
                                   std::uint16_t count, Token* token,
                                   std::optional<Error>* ioError);
    std::uint32_t lookupPersistent(Protocol protocol, std::uint16_t startNetworkOrder,
                                   std::uint16_t count, Token* token);
    std::uint32_t deletePersistent(Protocol protocol, std::uint16_t startNetworkOrder,
                                   std::uint16_t count, std::optional<Error>* ioError);

    // Winsock
    Result<std::uint64_t> openSocket(const SocketSpec& spec);
    void closeSocket(std::uint64_t id);
    Result<ReservedBlock> acquire(std::uint64_t id, std::uint16_t startNetworkOrder,
                                  std::uint16_t count);
    Result<void> associate(std::uint64_t id, Token token);
    Result<void> release(std::uint64_t id, Token token);
    Result<void> setSharing(std::uint64_t id, SocketSharing sharing);
    Result<void> bind(std::uint64_t id, std::string_view address, std::uint16_t port);
    Result<std::uint16_t> localPort(std::uint64_t id);
    BindProbeResult probe(const BindTarget& target);

    // Queries
    bool isElevated() const;
    std::string hostName() const;
    OsInfo osInfo() const;
    Result<std::int64_t> bootTime();
    Result<std::vector<ReservedBlock>> listReservations(std::optional<Protocol> protocol);
    Result<std::vector<Listener>> listeners(std::optional<Protocol> protocol);
    Result<PortRange> dynamicRange(Protocol protocol);
    Result<DynamicRangeChange> changeDynamicRange(Protocol protocol, PortRange range);

    // Services (simulatedservices.cpp)
    Result<std::vector<ServiceInfo>> services();
    Result<void> stopService(std::string_view name);
    Result<void> startService(std::string_view name);

    // Records the request; an injected failure is the answer, else success.
    Result<void> restartElevated(const std::string& program,
                                 const std::vector<std::string>& arguments);
    std::vector<SimulatedRestart> restartRequests() const;

    // Control
    Result<void> seed(SimulatedMachine machine);
    SimulatedMachine machine() const;
    std::string stateFile() const;
    void failNextCall(SimulatedCall call, std::int64_t code);
    void clearFailures();
    Result<void> setElevated(bool elevated);
    Result<void> reboot();
    Result<void> addListener(const Listener& listener);
    Result<void> removeListener(Protocol protocol, std::uint16_t port);
    Result<Token> addServiceBlock(const SimulatedServiceBlock& block);
    Result<void> removeServiceBlock(Protocol protocol, PortRange range);
    Result<void> setDynamicRange(Protocol protocol, PortRange range);

    // Generates tokens for every block that has none (after parsing a scenario).
    static void assignMissingTokens(SimulatedMachine& machine);

private:
    std::optional<std::int64_t> takeFailure(SimulatedCall call);
    // Writes `candidate` to the state file, then makes it the machine. A failed write
    // changes nothing.
    Result<void> commit(SimulatedMachine candidate);
    Result<void> writeStateFile(const SimulatedMachine& machine) const;
    void refreshCaches();
    void killSockets();
    static Token newToken(SimulatedMachine& machine, const std::vector<OwnBlock>& own);

    // The socket a Winsock call acts on: an injected failure of `call` first (the socket is
    // not looked at), then WSAENOTSOCK for a socket that no longer exists.
    SocketRecord* socketFor(SimulatedCall call, std::uint64_t id, Error* error,
                            std::string_view context);
    // socketFor for the reservation IOCTLs, which a raw socket (it has no ports) refuses with
    // WSAEOPNOTSUPP.
    SocketRecord* reservingSocket(SimulatedCall call, std::uint64_t id, Error* error,
                                  std::string_view context);
    bool knownAddress(const IpAddress& address) const;
    const Listener* listenerAt(Protocol protocol, std::uint16_t port,
                               const IpAddress* address) const;
    const SocketRecord* boundAt(Protocol protocol, std::uint16_t port, const IpAddress* address,
                                std::uint64_t except) const;
    const SimulatedPersistentBlock* persistentAt(Protocol protocol, std::uint16_t port) const;
    const SimulatedServiceBlock* serviceAt(Protocol protocol, std::uint16_t port) const;
    const OwnBlock* ownAt(Protocol protocol, std::uint16_t port) const;
    bool busy(Protocol protocol, std::uint16_t port) const; // a listener or a bound socket
    // A stop or start of the service `name`, checked and committed as one change.
    Result<void> changeService(std::string_view name, bool start);
    // The blocks of a service that starts in `candidate`, placed by servicePlace.
    Result<void> placeServiceBlocks(SimulatedMachine& candidate, SimulatedService& service,
                                    const std::string& context) const;
    // Where a starting service's block of `count` ports goes (docs/scenario-format.md#services).
    std::optional<PortRange> servicePlace(const SimulatedMachine& candidate, Protocol protocol,
                                          PortRange old) const;
    BindDecision decideBind(Protocol protocol, const IpAddress& address, std::uint16_t port,
                            Token associated, std::uint64_t self, SocketSharing sharing);
    // Every listener and bound socket of (protocol, port) whose address meets `address`.
    std::vector<Occupant> occupants(Protocol protocol, std::uint16_t port, const IpAddress& address,
                                    std::uint64_t except) const;
    bool sameUser(const std::string& user) const;
    std::string selfLabel() const;

    mutable std::mutex m_mutex;
    SimulatedMachine m_machine;
    std::string m_stateFile;                    // ":memory:" = nothing on disk
    std::vector<IpAddress> m_listenerAddresses; // parsed m_machine.listeners[i].address
    std::vector<IpAddress> m_localAddresses;    // parsed m_machine.addresses
    // Per protocol (Tcp, Udp): which of m_machine's blocks covers a port.
    std::array<BlockIndex, 2> m_persistentIndex;
    std::array<BlockIndex, 2> m_runtimeIndex;
    ListenerIndex m_listenerIndex; // m_machine.listeners by protocol and port
    std::map<std::uint64_t, SocketRecord> m_sockets;
    std::uint64_t m_nextSocket = 1;
    std::vector<OwnBlock> m_own;
    std::map<SimulatedCall, std::deque<std::int64_t>> m_failures;
    std::vector<SimulatedRestart> m_restarts;
    std::array<std::uint32_t, 2> m_ephemeralCursor{}; // next-fit position per protocol
};

} // namespace portolan::simulated
