// SPDX-License-Identifier: GPL-3.0-or-later
#include "simulatedcore.h"

#include <algorithm>

// Sockets of the simulated process and the rules of the port pool: which bind succeeds, with
// which port, and who holds a port that is taken.
namespace portolan::simulated {

namespace {

std::string endpointText(std::string_view address, std::uint16_t port)
{
    const bool v6 = address.find(':') != std::string_view::npos && address.front() != '[';
    return (v6 ? "[" + std::string(address) + "]" : std::string(address)) + ":" +
           std::to_string(port);
}

} // namespace

// ---------------------------------------------------------------------------------------
// Winsock

Result<std::uint64_t> Core::openSocket(const SocketSpec& spec)
{
    std::lock_guard lock(m_mutex);
    const std::string context = "socket (" + std::string(toString(spec.family)) + ", " +
                                std::string(toString(spec.type)) + ", protocol " +
                                std::to_string(spec.protocol) + ")";
    if (auto code = takeFailure(SimulatedCall::OpenSocket))
        return native::windowsError(*code, context);
    SocketRecord record;
    record.spec = spec;
    record.address.family = spec.family;
    // As the Winsock catalogue does: protocol 0 means the type's default; a known protocol of
    // the other type is WSAEPROTOTYPE; anything else has no provider.
    switch (spec.type) {
    case SocketType::Raw:
        if (!m_machine.elevated)
            return native::windowsError(native::kWsaEacces,
                                        context + ": raw sockets need an administrator");
        break;
    case SocketType::Stream:
        if (spec.protocol == 0 || spec.protocol == 6)
            record.transport = Protocol::Tcp;
        else
            return native::windowsError(spec.protocol == 17 ? native::kWsaEprototype
                                                            : native::kWsaEprotonosupport,
                                        context);
        break;
    case SocketType::Datagram:
        if (spec.protocol == 0 || spec.protocol == 17)
            record.transport = Protocol::Udp;
        else
            return native::windowsError(
                spec.protocol == 6 ? native::kWsaEprototype : native::kWsaEprotonosupport, context);
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

Result<void> Core::setSharing(std::uint64_t id, SocketSharing sharing)
{
    std::lock_guard lock(m_mutex);
    const std::string context = "setsockopt " + std::string(toString(sharing));
    Error error;
    SocketRecord* socket = socketFor(SimulatedCall::Bind, id, &error, context);
    if (!socket)
        return error;
    // The options take effect at bind; set afterwards they are refused.
    if (socket->bound)
        return native::windowsError(native::kWsaEinval, context + ": the socket is already bound");
    socket->sharing = sharing;
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
        return native::windowsError(native::kWsaEinval, context + ": the socket is already bound");
    const auto parsed = parseIpAddress(address, socket->spec.family);
    if (!parsed)
        return native::windowsError(native::kWsaEinval,
                                    context + ": not an " +
                                        std::string(toString(socket->spec.family)) + " address");
    if (!knownAddress(*parsed))
        return native::windowsError(native::kWsaEaddrnotavail, context);
    if (!socket->transport) { // raw sockets have no ports
        socket->bound = true;
        socket->address = *parsed;
        return {};
    }
    const BindDecision decision =
        decideBind(*socket->transport, *parsed, port, socket->associated, id, socket->sharing);
    if (decision.code != 0)
        return native::windowsError(decision.code, context);
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
        return native::windowsError(native::kWsaEinval, context + ": the socket is not bound");
    return socket->port;
}

BindProbeResult Core::probe(const BindTarget& target)
{
    std::lock_guard lock(m_mutex);
    BindProbeResult result;
    bool reserved = false;
    auto failWith = [&](Error e) {
        result.outcome = classifyBindError(e, reserved);
        result.error = std::move(e);
        return result;
    };
    // The same steps as a real probe: socket, bind, getsockname, close.
    if (auto code = takeFailure(SimulatedCall::OpenSocket))
        return failWith(native::windowsError(*code, "socket"));
    const std::string context = "bind to " + endpointText(target.address, target.port);
    if (auto code = takeFailure(SimulatedCall::Bind))
        return failWith(native::windowsError(*code, context));
    const auto parsed = parseIpAddress(target.address, target.family);
    if (!parsed)
        return failWith(native::windowsError(
            native::kWsaEinval,
            context + ": not an " + std::string(toString(target.family)) + " address"));
    if (!knownAddress(*parsed))
        return failWith(native::windowsError(native::kWsaEaddrnotavail, context));
    const BindDecision decision =
        decideBind(target.protocol, *parsed, target.port, kNoToken, 0, target.sharing);
    if (decision.code != 0) {
        result.holder = decision.holder;
        reserved = decision.reserved;
        return failWith(native::windowsError(decision.code, context));
    }
    if (auto code = takeFailure(SimulatedCall::LocalPort))
        return failWith(native::windowsError(*code, "getsockname"));
    result.outcome = BindOutcome::Free;
    result.boundPort = decision.port;
    result.shadowedBy = decision.shadowedBy;
    return result;
}

// ---------------------------------------------------------------------------------------
// Socket lookup and the port pool (mutex held)

SocketRecord* Core::socketFor(SimulatedCall call, std::uint64_t id, Error* error,
                              std::string_view context)
{
    if (auto code = takeFailure(call)) {
        *error = native::windowsError(*code, context);
        return nullptr;
    }
    const auto found = m_sockets.find(id);
    if (found == m_sockets.end() || found->second.dead) {
        *error = native::windowsError(
            native::kWsaEnotsock,
            std::string(context) +
                ": the socket no longer exists (the simulated machine was rebooted or reseeded)");
        return nullptr;
    }
    return &found->second;
}

bool Core::knownAddress(const IpAddress& address) const
{
    if (address.isUnspecified() || address.isLoopback())
        return true;
    return std::find(m_localAddresses.begin(), m_localAddresses.end(), address) !=
           m_localAddresses.end();
}

const Listener* Core::listenerAt(Protocol protocol, std::uint16_t port,
                                 const IpAddress* address) const
{
    const auto [first, last] = m_listenerIndex.at(protocol, port);
    for (auto it = first; it != last; ++it)
        if (!address || addressesCollide(*address, m_listenerAddresses[it->second]))
            return &m_machine.listeners[it->second];
    return nullptr;
}

const SocketRecord* Core::boundAt(Protocol protocol, std::uint16_t port, const IpAddress* address,
                                  std::uint64_t except) const
{
    for (const auto& [id, s] : m_sockets)
        if (id != except && !s.dead && s.bound && s.transport == protocol && s.port == port &&
            (!address || addressesCollide(*address, s.address)))
            return &s;
    return nullptr;
}

const SimulatedPersistentBlock* Core::persistentAt(Protocol protocol, std::uint16_t port) const
{
    const auto found = m_persistentIndex[std::size_t(protocol)].find(port);
    return found ? &m_machine.persistent[*found] : nullptr;
}

const SimulatedServiceBlock* Core::serviceAt(Protocol protocol, std::uint16_t port) const
{
    const auto found = m_runtimeIndex[std::size_t(protocol)].find(port);
    return found ? &m_machine.runtime[*found] : nullptr;
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
                              Token associated, std::uint64_t self, SocketSharing sharing)
{
    BindDecision d;
    if (port != 0) {
        // Another process's runtime block first: the port allocator refuses it before it
        // looks for a socket there.
        if (const auto* block = serviceAt(protocol, port)) {
            d.code = kBindInsideServiceBlockCode;
            d.holder.owner = block->owner;
            d.holder.evidence = "scenario";
            d.reserved = true;
            return d;
        }
        if (!kBindInsidePersistentAllowed && persistentAt(protocol, port)) {
            d.code = kBindInsideServiceBlockCode;
            d.holder.owner = "administered";
            d.holder.evidence = "scenario";
            d.reserved = true;
            return d;
        }
        // Then every socket already on the port, by the bind table
        // (docs/windows-semantics.md#bind-table); the first refusal is the answer.
        const BindSide second{sharing, address.isUnspecified()};
        for (const Occupant& o : occupants(protocol, port, address, self)) {
            const BindVerdict verdict = secondBindVerdict(
                second, BindSide{o.sharing, o.address.isUnspecified()}, o.sameUser);
            if (verdict == BindVerdict::Ok) {
                if (o.address.isUnspecified() && !address.isUnspecified() && d.shadowedBy.empty())
                    d.shadowedBy = o.holder;
                continue;
            }
            d.code = verdict == BindVerdict::InUse ? native::kWsaEaddrinuse : native::kWsaEacces;
            d.holder = o.holder;
            d.shadowedBy = {};
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
        if (persistentAt(protocol, p) || serviceAt(protocol, p) || ownAt(protocol, p) ||
            busy(protocol, p))
            continue;
        cursor = (offset + 1) % dynamic.count;
        d.port = p;
        return d;
    }
    d.code = kEphemeralExhaustedCode;
    return d;
}

std::vector<Occupant> Core::occupants(Protocol protocol, std::uint16_t port,
                                      const IpAddress& address, std::uint64_t except) const
{
    std::vector<Occupant> out;
    const auto [first, last] = m_listenerIndex.at(protocol, port);
    for (auto it = first; it != last; ++it) {
        const Listener& l = m_machine.listeners[it->second];
        const IpAddress& at = m_listenerAddresses[it->second];
        if (addressesCollide(address, at))
            out.push_back(Occupant{at, l.sharing, sameUser(l.user),
                                   Holder::ofProcess(l.pid, l.process, l.address)});
    }
    for (const auto& [id, s] : m_sockets)
        if (id != except && !s.dead && s.bound && s.transport == protocol && s.port == port &&
            addressesCollide(address, s.address))
            out.push_back(Occupant{
                s.address, s.sharing, true,
                Holder::ofProcess(m_machine.selfPid, m_machine.selfProcess, s.address.toString())});
    return out;
}

bool Core::sameUser(const std::string& user) const
{
    // A listener that names no account runs under the interactive user.
    return user.empty() || user == m_machine.selfUser;
}

std::string Core::selfLabel() const
{
    return m_machine.selfProcess + " (pid " + std::to_string(m_machine.selfPid) + ")";
}

} // namespace portolan::simulated
