#include "simulatedcore.h"

#include "simulatedfiles.h"

#include <algorithm>
#include <chrono>
#include <cstdio>

namespace portolan::simulated {

namespace {

std::uint64_t splitmix64(std::uint64_t x)
{
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

std::uint64_t fnv1a(std::string_view text)
{
    std::uint64_t h = 14695981039346656037ull;
    for (unsigned char c : text) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return h;
}

bool blockFits(std::uint32_t start, std::uint32_t count)
{
    return start != 0 && count != 0 && start + count - 1 <= 65535;
}

std::string rangeText(std::uint32_t start, std::uint32_t count)
{
    return "start " + std::to_string(start) + ", count " + std::to_string(count);
}

std::string tokenText(Token token)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "0x%016llx", static_cast<unsigned long long>(token));
    return buffer;
}

std::string endpointText(std::string_view address, std::uint16_t port)
{
    const bool v6 = address.find(':') != std::string_view::npos && address.front() != '[';
    return (v6 ? "[" + std::string(address) + "]" : std::string(address)) + ":"
         + std::to_string(port);
}

std::string acquireContext(std::uint32_t start, std::uint32_t count)
{
    return "SIO_ACQUIRE_PORT_RESERVATION (" + rangeText(start, count) + ")";
}

Error winsock(std::int64_t code, std::string_view context)
{
    return native::windowsError(code, context);
}

// Whether a block of `blocks` (persistent, runtime or this process's own) of the protocol
// overlaps `range`.
template <typename Blocks>
bool overlapsAny(const Blocks& blocks, Protocol protocol, PortRange range)
{
    return std::any_of(blocks.begin(), blocks.end(), [&](const auto& b) {
        return b.protocol == protocol && b.range.overlaps(range);
    });
}

std::int64_t nowSeconds()
{
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

} // namespace

Core::Core(SimulatedMachine machine, std::string stateFile)
    : m_machine(std::move(machine)), m_stateFile(std::move(stateFile))
{
    refreshCaches();
}

Result<void> Core::writeState()
{
    std::lock_guard lock(m_mutex);
    return commit(m_machine);
}

// ---------------------------------------------------------------------------------------
// iphlpapi. Order of checks, documented in docs/scenario-format.md: an injected failure,
// then the arguments (87), then elevation (5), then conflicts (32) or the lookup (1168).

std::uint32_t Core::createPersistent(Protocol protocol, std::uint16_t startNetworkOrder,
                                     std::uint16_t count, Token* token,
                                     std::optional<Error>* ioError)
{
    std::lock_guard lock(m_mutex);
    if (auto code = takeFailure(SimulatedCall::CreatePersistent))
        return std::uint32_t(*code);
    const std::uint16_t start = networkToHost(startNetworkOrder);
    if (token == nullptr || !blockFits(start, count))
        return std::uint32_t(native::kErrorInvalidParameter);
    if (!m_machine.elevated)
        return std::uint32_t(native::kErrorAccessDenied);
    const PortRange range{start, count};
    if (overlapsAny(m_machine.persistent, protocol, range))
        return std::uint32_t(native::kErrorSharingViolation);
    if (kPersistentCreateConflictsWithRuntimeBlocks
        && (overlapsAny(m_machine.runtime, protocol, range) || overlapsAny(m_own, protocol, range)))
        return std::uint32_t(native::kErrorSharingViolation);
    for (const auto& l : m_machine.listeners)
        if (l.protocol == protocol && range.contains(l.port))
            return std::uint32_t(native::kErrorSharingViolation);
    for (const auto& [id, s] : m_sockets)
        if (!s.dead && s.bound && s.transport == protocol && s.port != 0 && range.contains(s.port))
            return std::uint32_t(native::kErrorSharingViolation);

    SimulatedMachine candidate = m_machine;
    const Token t = newToken(candidate, m_own);
    candidate.persistent.push_back(SimulatedPersistentBlock{protocol, range, t, {}});
    if (auto written = commit(std::move(candidate)); !written) {
        if (ioError)
            *ioError = written.error();
        return kStateWriteFailedCode;
    }
    *token = t;
    return std::uint32_t(native::kNoError);
}

std::uint32_t Core::lookupPersistent(Protocol protocol, std::uint16_t startNetworkOrder,
                                     std::uint16_t count, Token* token)
{
    std::lock_guard lock(m_mutex);
    if (auto code = takeFailure(SimulatedCall::LookupPersistent))
        return std::uint32_t(*code);
    const std::uint16_t start = networkToHost(startNetworkOrder);
    if (token == nullptr || !blockFits(start, count))
        return std::uint32_t(native::kErrorInvalidParameter);
    // No elevation check: none is documented for Lookup.
    const PortRange range{start, count};
    for (const auto& b : m_machine.persistent)
        if (b.protocol == protocol && b.range == range) {
            *token = b.token;
            return std::uint32_t(native::kNoError);
        }
    return std::uint32_t(native::kErrorNotFound);
}

std::uint32_t Core::deletePersistent(Protocol protocol, std::uint16_t startNetworkOrder,
                                     std::uint16_t count, std::optional<Error>* ioError)
{
    std::lock_guard lock(m_mutex);
    if (auto code = takeFailure(SimulatedCall::DeletePersistent))
        return std::uint32_t(*code);
    const std::uint16_t start = networkToHost(startNetworkOrder);
    if (!blockFits(start, count))
        return std::uint32_t(native::kErrorInvalidParameter);
    if (!m_machine.elevated)
        return std::uint32_t(native::kErrorAccessDenied);
    const PortRange range{start, count};
    SimulatedMachine candidate = m_machine;
    const auto found =
        std::find_if(candidate.persistent.begin(), candidate.persistent.end(),
                     [&](const auto& b) { return b.protocol == protocol && b.range == range; });
    if (found == candidate.persistent.end())
        return std::uint32_t(native::kErrorNotFound);
    candidate.persistent.erase(found);
    if (auto written = commit(std::move(candidate)); !written) {
        if (ioError)
            *ioError = written.error();
        return kStateWriteFailedCode;
    }
    return std::uint32_t(native::kNoError);
}

// ---------------------------------------------------------------------------------------
// Winsock

Result<std::uint64_t> Core::openSocket(const SocketSpec& spec)
{
    std::lock_guard lock(m_mutex);
    const std::string context = "socket (" + std::string(toString(spec.family)) + ", "
                              + std::string(toString(spec.type)) + ", protocol "
                              + std::to_string(spec.protocol) + ")";
    if (auto code = takeFailure(SimulatedCall::OpenSocket))
        return winsock(*code, context);
    SocketRecord record;
    record.spec = spec;
    record.address.family = spec.family;
    // As the Winsock catalogue does: protocol 0 means the type's default; a known protocol of
    // the other type is WSAEPROTOTYPE; anything else has no provider.
    switch (spec.type) {
    case SocketType::Raw:
        if (!m_machine.elevated)
            return winsock(native::kWsaEacces, context + ": raw sockets need an administrator");
        break;
    case SocketType::Stream:
        if (spec.protocol == 0 || spec.protocol == 6)
            record.transport = Protocol::Tcp;
        else
            return winsock(spec.protocol == 17 ? native::kWsaEprototype
                                               : native::kWsaEprotonosupport,
                           context);
        break;
    case SocketType::Datagram:
        if (spec.protocol == 0 || spec.protocol == 17)
            record.transport = Protocol::Udp;
        else
            return winsock(spec.protocol == 6 ? native::kWsaEprototype
                                              : native::kWsaEprotonosupport,
                           context);
        break;
    }
    const std::uint64_t id = m_nextSocket++;
    m_sockets.emplace(id, std::move(record));
    return id;
}

void Core::closeSocket(std::uint64_t id)
{
    std::lock_guard lock(m_mutex);
    m_sockets.erase(id);
    // A runtime reservation lives only as long as the socket that acquired it.
    std::erase_if(m_own, [id](const OwnBlock& b) { return b.socket == id; });
}

Result<ReservedBlock> Core::acquire(std::uint64_t id, std::uint16_t startNetworkOrder,
                                    std::uint16_t count)
{
    std::lock_guard lock(m_mutex);
    const std::uint16_t start = networkToHost(startNetworkOrder);
    const std::string context = acquireContext(start, count);
    Error error;
    SocketRecord* socket = socketFor(SimulatedCall::Acquire, id, &error, context);
    if (!socket)
        return error;
    if (!socket->transport)
        return winsock(native::kWsaEopnotsupp, context);
    if (count == 0 || std::uint32_t(start) + count - 1 > 65535)
        return winsock(native::kWsaEinval, context);
    const Protocol protocol = *socket->transport;

    auto taken = [&](std::uint16_t port) {
        return persistentAt(protocol, port) || serviceAt(protocol, port) || ownAt(protocol, port)
            || busy(protocol, port);
    };

    PortRange range{start, count};
    if (start == 0) {
        // The system picks the lowest free block of the dynamic range.
        const PortRange dynamic = m_machine.dynamicRange(protocol);
        std::optional<PortRange> found;
        std::uint32_t s = dynamic.start;
        while (count <= dynamic.count && s + count - 1 <= dynamic.end()) {
            std::uint32_t blocker = 0;
            for (std::uint32_t p = s + count - 1; p >= s; --p)
                if (taken(std::uint16_t(p))) {
                    blocker = p;
                    break;
                }
            if (blocker == 0) {
                found = PortRange{std::uint16_t(s), count};
                break;
            }
            s = blocker + 1;
        }
        if (!found)
            return winsock(kAcquireNoRoomCode, context);
        range = *found;
    } else {
        if (overlapsAny(m_machine.persistent, protocol, range))
            return winsock(kAcquireOverPersistentCode, context);
        if (overlapsAny(m_machine.runtime, protocol, range) || overlapsAny(m_own, protocol, range))
            return winsock(kAcquireOverInUseCode, context);
        for (std::uint32_t p = range.start; p <= range.end(); ++p)
            if (busy(protocol, std::uint16_t(p)))
                return winsock(kAcquireOverInUseCode, context);
    }
    const Token token = newToken(m_machine, m_own);
    m_own.push_back(OwnBlock{protocol, range, token, id});
    return ReservedBlock{protocol, range, false, token, selfLabel()};
}

Result<void> Core::associate(std::uint64_t id, Token token)
{
    std::lock_guard lock(m_mutex);
    const std::string context = "SIO_ASSOCIATE_PORT_RESERVATION (token " + tokenText(token) + ")";
    Error error;
    SocketRecord* socket = socketFor(SimulatedCall::Associate, id, &error, context);
    if (!socket)
        return error;
    if (!socket->transport)
        return winsock(native::kWsaEopnotsupp, context);
    if (socket->bound)
        return winsock(native::kWsaEinval, context + ": the socket is already bound");
    if (socket->associated != kNoToken)
        return winsock(native::kWsaEinval, context + ": the socket is already associated");
    if (token == kNoToken)
        return winsock(native::kWsaEinval, context);
    const Protocol protocol = *socket->transport;
    for (const auto& b : m_own)
        if (b.token == token) {
            if (b.protocol != protocol)
                return winsock(native::kWsaEinval, context);
            socket->associated = token;
            return {};
        }
    for (const auto& b : m_machine.persistent)
        if (b.token == token) {
            if (b.protocol != protocol)
                return winsock(native::kWsaEinval, context);
            if (!m_machine.elevated)
                return winsock(native::kWsaEacces, context);
            socket->associated = token;
            return {};
        }
    // A service's runtime token, or one nobody holds: consumable only by its own process.
    return winsock(native::kWsaEinval, context);
}

Result<void> Core::release(std::uint64_t id, Token token)
{
    std::lock_guard lock(m_mutex);
    const std::string context = "SIO_RELEASE_PORT_RESERVATION (token " + tokenText(token) + ")";
    Error error;
    SocketRecord* socket = socketFor(SimulatedCall::Release, id, &error, context);
    if (!socket)
        return error;
    if (!socket->transport)
        return winsock(native::kWsaEopnotsupp, context);
    const auto found = std::find_if(m_own.begin(), m_own.end(),
                                    [token](const OwnBlock& b) { return b.token == token; });
    if (token == kNoToken || found == m_own.end())
        return winsock(native::kWsaEinval, context);
    m_own.erase(found);
    return {};
}

Result<void> Core::bind(std::uint64_t id, std::string_view address, std::uint16_t port)
{
    std::lock_guard lock(m_mutex);
    const std::string context = "bind to " + endpointText(address, port);
    Error error;
    SocketRecord* socket = socketFor(SimulatedCall::Bind, id, &error, context);
    if (!socket)
        return error;
    if (socket->bound)
        return winsock(native::kWsaEinval, context + ": the socket is already bound");
    const auto parsed = parseIpAddress(address, socket->spec.family);
    if (!parsed)
        return winsock(native::kWsaEinval,
                       context + ": not an " + std::string(toString(socket->spec.family))
                           + " address");
    if (!knownAddress(*parsed))
        return winsock(native::kWsaEaddrnotavail, context);
    if (!socket->transport) { // raw sockets have no ports
        socket->bound = true;
        socket->address = *parsed;
        return {};
    }
    const BindDecision decision =
        decideBind(*socket->transport, *parsed, port, socket->associated, id);
    if (decision.code != 0)
        return winsock(decision.code, context);
    socket->bound = true;
    socket->address = *parsed;
    socket->port = decision.port;
    return {};
}

Result<std::uint16_t> Core::localPort(std::uint64_t id)
{
    std::lock_guard lock(m_mutex);
    const std::string context = "getsockname";
    Error error;
    SocketRecord* socket = socketFor(SimulatedCall::LocalPort, id, &error, context);
    if (!socket)
        return error;
    if (!socket->bound)
        return winsock(native::kWsaEinval, context + ": the socket is not bound");
    return socket->port;
}

BindProbeResult Core::probe(const BindTarget& target)
{
    std::lock_guard lock(m_mutex);
    BindProbeResult result;
    auto failWith = [&](Error e) {
        result.outcome = classifyBindError(e);
        result.error = std::move(e);
        return result;
    };
    // The same steps as a real probe: socket, bind, getsockname, close.
    if (auto code = takeFailure(SimulatedCall::OpenSocket))
        return failWith(winsock(*code, "socket"));
    const std::string context = "bind to " + endpointText(target.address, target.port);
    if (auto code = takeFailure(SimulatedCall::Bind))
        return failWith(winsock(*code, context));
    const auto parsed = parseIpAddress(target.address, target.family);
    if (!parsed)
        return failWith(winsock(native::kWsaEinval, context + ": not an "
                                                        + std::string(toString(target.family))
                                                        + " address"));
    if (!knownAddress(*parsed))
        return failWith(winsock(native::kWsaEaddrnotavail, context));
    const BindDecision decision = decideBind(target.protocol, *parsed, target.port, kNoToken, 0);
    if (decision.code != 0) {
        result.holder = decision.holder;
        return failWith(winsock(decision.code, context));
    }
    if (auto code = takeFailure(SimulatedCall::LocalPort))
        return failWith(winsock(*code, "getsockname"));
    result.outcome = BindOutcome::Free;
    result.boundPort = decision.port;
    return result;
}

// ---------------------------------------------------------------------------------------
// Queries

bool Core::isElevated() const
{
    std::lock_guard lock(m_mutex);
    return m_machine.elevated;
}

std::string Core::hostName() const
{
    std::lock_guard lock(m_mutex);
    return m_machine.hostName;
}

Result<std::int64_t> Core::bootTime()
{
    std::lock_guard lock(m_mutex);
    if (auto code = takeFailure(SimulatedCall::BootTime))
        return native::windowsError(*code, "reading the boot time");
    return m_machine.bootTime;
}

Result<std::vector<ReservedBlock>> Core::listReservations(std::optional<Protocol> protocol)
{
    std::lock_guard lock(m_mutex);
    if (auto code = takeFailure(SimulatedCall::ListReservations))
        return native::windowsError(*code, "listing port reservations");
    std::vector<ReservedBlock> blocks;
    for (const auto& b : m_machine.persistent)
        if (!protocol || b.protocol == *protocol)
            blocks.push_back(ReservedBlock{b.protocol, b.range, true, b.token, {}});
    // Another process's runtime token is not visible, as on Windows.
    for (const auto& b : m_machine.runtime)
        if (!protocol || b.protocol == *protocol)
            blocks.push_back(ReservedBlock{b.protocol, b.range, false, kNoToken, b.owner});
    for (const auto& b : m_own)
        if (!protocol || b.protocol == *protocol)
            blocks.push_back(ReservedBlock{b.protocol, b.range, false, b.token, selfLabel()});
    std::sort(blocks.begin(), blocks.end(), [](const ReservedBlock& a, const ReservedBlock& b) {
        if (a.protocol != b.protocol)
            return a.protocol < b.protocol;
        return a.range.start < b.range.start;
    });
    return blocks;
}

Result<std::vector<Listener>> Core::listeners(std::optional<Protocol> protocol)
{
    std::lock_guard lock(m_mutex);
    if (auto code = takeFailure(SimulatedCall::Listeners))
        return native::windowsError(*code, "listing listeners");
    std::vector<Listener> out;
    for (const auto& l : m_machine.listeners)
        if (!protocol || l.protocol == *protocol)
            out.push_back(l);
    return out;
}

Result<PortRange> Core::dynamicRange(Protocol protocol)
{
    std::lock_guard lock(m_mutex);
    if (auto code = takeFailure(SimulatedCall::DynamicRange))
        return native::windowsError(*code, "reading the dynamic port range");
    return m_machine.dynamicRange(protocol);
}

// ---------------------------------------------------------------------------------------
// Control

Result<void> Core::seed(SimulatedMachine machine)
{
    std::lock_guard lock(m_mutex);
    if (auto written = commit(std::move(machine)); !written)
        return written;
    killSockets();
    m_ephemeralCursor = {};
    return {};
}

SimulatedMachine Core::machine() const
{
    std::lock_guard lock(m_mutex);
    return m_machine;
}

std::string Core::stateFile() const
{
    std::lock_guard lock(m_mutex);
    return m_stateFile;
}

void Core::failNextCall(SimulatedCall call, std::int64_t code)
{
    std::lock_guard lock(m_mutex);
    m_failures[call].push_back(code);
}

void Core::clearFailures()
{
    std::lock_guard lock(m_mutex);
    m_failures.clear();
}

Result<void> Core::setElevated(bool elevated)
{
    std::lock_guard lock(m_mutex);
    SimulatedMachine candidate = m_machine;
    candidate.elevated = elevated;
    return commit(std::move(candidate));
}

Result<void> Core::reboot()
{
    std::lock_guard lock(m_mutex);
    SimulatedMachine candidate = m_machine;
    candidate.bootCounter = nextCounter(candidate.bootCounter);
    candidate.bootTime =
        std::min(kMaxBootTime, std::max(nowSeconds(), candidate.bootTime + 1));
    // Every token changes; blocks keep their identity (protocol, start, count).
    for (auto& b : candidate.persistent)
        b.token = kNoToken;
    for (auto& b : candidate.runtime)
        b.token = kNoToken;
    for (auto& b : candidate.persistent)
        b.token = newToken(candidate, {});
    for (auto& b : candidate.runtime)
        b.token = newToken(candidate, {});
    if (auto written = commit(std::move(candidate)); !written)
        return written;
    killSockets();
    m_ephemeralCursor = {};
    return {};
}

Result<void> Core::addListener(const Listener& listener)
{
    std::lock_guard lock(m_mutex);
    const auto address = parseIpAddress(listener.address);
    if (!address)
        return Error::make(ErrorKind::InvalidArgument,
                           "listener address \"" + listener.address
                               + "\" is not an IP address; allowed: an IPv4 or IPv6 literal");
    if (listener.port == 0)
        return Error::make(ErrorKind::InvalidArgument,
                           "listener port 0 is out of range; allowed 1-65535");
    Listener l = listener;
    l.family = address->family;
    l.address = address->toString();
    SimulatedMachine candidate = m_machine;
    candidate.listeners.push_back(std::move(l));
    return commit(std::move(candidate));
}

Result<void> Core::removeListener(Protocol protocol, std::uint16_t port)
{
    std::lock_guard lock(m_mutex);
    SimulatedMachine candidate = m_machine;
    const auto removed = std::erase_if(candidate.listeners, [&](const Listener& l) {
        return l.protocol == protocol && l.port == port;
    });
    if (removed == 0)
        return Error::make(ErrorKind::NotFound, "no " + std::string(toString(protocol))
                                                    + " listener on port "
                                                    + std::to_string(port));
    return commit(std::move(candidate));
}

Result<Token> Core::addServiceBlock(const SimulatedServiceBlock& block)
{
    std::lock_guard lock(m_mutex);
    if (!blockFits(block.range.start, block.range.count))
        return Error::make(ErrorKind::InvalidArgument,
                           "service block " + rangeText(block.range.start, block.range.count)
                               + " is invalid; allowed: start 1-65535, count 1-65535, ending "
                                 "at 65535 at the latest");
    if (block.owner.empty())
        return Error::make(ErrorKind::InvalidArgument,
                           "a service block needs an owner, e.g. \"Windows NAT (WinNAT)\"");
    auto overlapping = [&](const auto& list) {
        return std::any_of(list.begin(), list.end(), [&](const auto& b) {
            return b.protocol == block.protocol && b.range.overlaps(block.range);
        });
    };
    if (overlapping(m_machine.persistent) || overlapping(m_machine.runtime) || overlapping(m_own))
        return Error::make(ErrorKind::Conflict, "service block "
                                                    + std::string(toString(block.protocol)) + " "
                                                    + toString(block.range)
                                                    + " overlaps a reserved block");
    SimulatedMachine candidate = m_machine;
    SimulatedServiceBlock b = block;
    if (b.token != kNoToken) {
        const bool used =
            std::any_of(candidate.persistent.begin(), candidate.persistent.end(),
                        [&](const auto& x) { return x.token == b.token; })
            || std::any_of(candidate.runtime.begin(), candidate.runtime.end(),
                           [&](const auto& x) { return x.token == b.token; })
            || std::any_of(m_own.begin(), m_own.end(),
                           [&](const auto& x) { return x.token == b.token; });
        if (used)
            return Error::make(ErrorKind::InvalidArgument,
                               "token " + tokenText(b.token) + " is already in use");
    } else {
        b.token = newToken(candidate, m_own);
    }
    const Token token = b.token;
    candidate.runtime.push_back(std::move(b));
    if (auto written = commit(std::move(candidate)); !written)
        return written.error();
    return token;
}

Result<void> Core::removeServiceBlock(Protocol protocol, PortRange range)
{
    std::lock_guard lock(m_mutex);
    SimulatedMachine candidate = m_machine;
    const auto removed = std::erase_if(candidate.runtime, [&](const SimulatedServiceBlock& b) {
        return b.protocol == protocol && b.range == range;
    });
    if (removed == 0)
        return Error::make(ErrorKind::NotFound, "no service block "
                                                    + std::string(toString(protocol)) + " "
                                                    + rangeText(range.start, range.count));
    return commit(std::move(candidate));
}

Result<void> Core::setDynamicRange(Protocol protocol, PortRange range)
{
    std::lock_guard lock(m_mutex);
    if (!blockFits(range.start, range.count) || range.count < kMinDynamicRangeCount)
        return Error::make(ErrorKind::InvalidArgument,
                           "dynamic range " + rangeText(range.start, range.count)
                               + " is invalid; allowed: start 1-65535, count 255-65535, ending "
                                 "at 65535 at the latest");
    SimulatedMachine candidate = m_machine;
    candidate.dynamicRange(protocol) = range;
    if (auto written = commit(std::move(candidate)); !written)
        return written;
    m_ephemeralCursor = {};
    return {};
}

void Core::assignMissingTokens(SimulatedMachine& machine)
{
    for (auto& b : machine.persistent)
        if (b.token == kNoToken)
            b.token = newToken(machine, {});
    for (auto& b : machine.runtime)
        if (b.token == kNoToken)
            b.token = newToken(machine, {});
}

// ---------------------------------------------------------------------------------------
// Private helpers (mutex held)

std::optional<std::int64_t> Core::takeFailure(SimulatedCall call)
{
    const auto found = m_failures.find(call);
    if (found == m_failures.end() || found->second.empty())
        return std::nullopt;
    const std::int64_t code = found->second.front();
    found->second.pop_front();
    return code;
}

Result<void> Core::commit(SimulatedMachine candidate)
{
    if (m_stateFile != ":memory:") {
        const std::string text = dumpJson(machineToJson(candidate), 2) + "\n";
        if (auto written = writeTextFileAtomically(m_stateFile, text); !written)
            return written;
    }
    m_machine = std::move(candidate);
    refreshCaches();
    return {};
}

void Core::refreshCaches()
{
    m_listenerAddresses.clear();
    for (const auto& l : m_machine.listeners)
        m_listenerAddresses.push_back(parseIpAddress(l.address).value_or(IpAddress{}));
    m_localAddresses.clear();
    for (const auto& a : m_machine.addresses)
        if (auto parsed = parseIpAddress(a))
            m_localAddresses.push_back(*parsed);
}

void Core::killSockets()
{
    for (auto& [id, socket] : m_sockets)
        socket.dead = true;
    m_own.clear();
}

Token Core::newToken(SimulatedMachine& machine, const std::vector<OwnBlock>& own)
{
    // Deterministic for a scenario, so that tests and demos repeat; different per boot.
    const std::uint64_t seed = fnv1a(machine.scenarioHash);
    for (;;) {
        machine.tokenCounter = nextCounter(machine.tokenCounter);
        const std::uint64_t counter = machine.tokenCounter;
        const Token token = splitmix64(seed ^ (machine.bootCounter * 0xD1B54A32D192ED03ull)
                                       ^ (counter * 0x9E3779B97F4A7C15ull));
        const auto same = [token](const auto& b) { return b.token == token; };
        if (token == kNoToken || std::any_of(machine.persistent.begin(), machine.persistent.end(), same)
            || std::any_of(machine.runtime.begin(), machine.runtime.end(), same)
            || std::any_of(own.begin(), own.end(), same))
            continue;
        return token;
    }
}

SocketRecord* Core::socketFor(SimulatedCall call, std::uint64_t id, Error* error,
                             std::string_view context)
{
    if (auto code = takeFailure(call)) {
        *error = winsock(*code, context);
        return nullptr;
    }
    const auto found = m_sockets.find(id);
    if (found == m_sockets.end() || found->second.dead) {
        *error = winsock(native::kWsaEnotsock,
                         std::string(context) + ": the socket no longer exists (the simulated machine was rebooted or reseeded)");
        return nullptr;
    }
    return &found->second;
}

bool Core::knownAddress(const IpAddress& address) const
{
    if (address.isUnspecified() || address.isLoopback())
        return true;
    return std::find(m_localAddresses.begin(), m_localAddresses.end(), address)
        != m_localAddresses.end();
}

const Listener* Core::listenerAt(Protocol protocol, std::uint16_t port,
                                 const IpAddress* address) const
{
    for (std::size_t i = 0; i < m_machine.listeners.size(); ++i) {
        const Listener& l = m_machine.listeners[i];
        if (l.protocol == protocol && l.port == port
            && (!address || addressesCollide(*address, m_listenerAddresses[i])))
            return &l;
    }
    return nullptr;
}

const SocketRecord* Core::boundAt(Protocol protocol, std::uint16_t port,
                                  const IpAddress* address, std::uint64_t except) const
{
    for (const auto& [id, s] : m_sockets)
        if (id != except && !s.dead && s.bound && s.transport == protocol && s.port == port
            && (!address || addressesCollide(*address, s.address)))
            return &s;
    return nullptr;
}

const SimulatedPersistentBlock* Core::persistentAt(Protocol protocol, std::uint16_t port) const
{
    for (const auto& b : m_machine.persistent)
        if (b.protocol == protocol && b.range.contains(port))
            return &b;
    return nullptr;
}

const SimulatedServiceBlock* Core::serviceAt(Protocol protocol, std::uint16_t port) const
{
    for (const auto& b : m_machine.runtime)
        if (b.protocol == protocol && b.range.contains(port))
            return &b;
    return nullptr;
}

const OwnBlock* Core::ownAt(Protocol protocol, std::uint16_t port) const
{
    for (const auto& b : m_own)
        if (b.protocol == protocol && b.range.contains(port))
            return &b;
    return nullptr;
}

bool Core::busy(Protocol protocol, std::uint16_t port) const
{
    return listenerAt(protocol, port, nullptr) || boundAt(protocol, port, nullptr, 0);
}

BindDecision Core::decideBind(Protocol protocol, const IpAddress& address, std::uint16_t port,
                              Token associated, std::uint64_t self)
{
    BindDecision d;
    if (port != 0) {
        // Order: another process's runtime block first (the port allocator refuses it before
        // it looks for a socket there), then listeners, then this process's sockets.
        if (const auto* block = serviceAt(protocol, port)) {
            d.code = kBindInsideServiceBlockCode;
            d.holder = block->owner;
            return d;
        }
        if (!kBindInsidePersistentAllowed && persistentAt(protocol, port)) {
            d.code = kBindInsideServiceBlockCode;
            return d;
        }
        if (const auto* l = listenerAt(protocol, port, &address)) {
            d.code = native::kWsaEaddrinuse;
            d.holder = listenerLabel(*l);
            return d;
        }
        if (boundAt(protocol, port, &address, self)) {
            d.code = native::kWsaEaddrinuse;
            d.holder = selfLabel();
            return d;
        }
        d.port = port;
        return d;
    }

    if (associated != kNoToken) {
        std::optional<PortRange> block;
        for (const auto& b : m_own)
            if (b.token == associated && b.protocol == protocol)
                block = b.range;
        for (const auto& b : m_machine.persistent)
            if (b.token == associated && b.protocol == protocol)
                block = b.range;
        if (!block) { // released, or its acquiring socket is gone
            d.code = native::kWsaEinval;
            return d;
        }
        for (std::uint32_t p = block->start; p <= block->end(); ++p)
            if (!busy(protocol, std::uint16_t(p))) {
                d.port = std::uint16_t(p);
                return d;
            }
        d.code = kBlockExhaustedCode;
        return d;
    }

    // An ephemeral port: next-fit through the dynamic range, skipping every reserved block
    // and every port something is bound to.
    const PortRange dynamic = m_machine.dynamicRange(protocol);
    std::uint32_t& cursor = m_ephemeralCursor[protocol == Protocol::Tcp ? 0 : 1];
    for (std::uint32_t i = 0; i < dynamic.count; ++i) {
        const std::uint32_t offset = (cursor + i) % dynamic.count;
        const auto p = std::uint16_t(dynamic.start + offset);
        if (persistentAt(protocol, p) || serviceAt(protocol, p) || ownAt(protocol, p)
            || busy(protocol, p))
            continue;
        cursor = (offset + 1) % dynamic.count;
        d.port = p;
        return d;
    }
    d.code = kEphemeralExhaustedCode;
    return d;
}

std::string Core::listenerLabel(const Listener& l) const
{
    if (l.process.empty())
        return l.pid >= 0 ? "pid " + std::to_string(l.pid) : std::string();
    return l.pid >= 0 ? l.process + " (pid " + std::to_string(l.pid) + ")" : l.process;
}

std::string Core::selfLabel() const
{
    return m_machine.selfProcess + " (pid " + std::to_string(m_machine.selfPid) + ")";
}

} // namespace portolan::simulated
