// SPDX-License-Identifier: GPL-3.0-or-later
#include "simulatedcore.h"

#include "../text.h"

// The reservation calls of the simulated machine: iphlpapi's persistent reservations and the
// runtime ones a socket acquires with SIO_ACQUIRE_PORT_RESERVATION.
namespace portolan::simulated {

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
    if (kPersistentCreateConflictsWithRuntimeBlocks &&
        (overlapsAny(m_machine.runtime, protocol, range) || overlapsAny(m_own, protocol, range)))
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
// Runtime reservations (Winsock IOCTLs)

Result<ReservedBlock> Core::acquire(std::uint64_t id, std::uint16_t startNetworkOrder,
                                    std::uint16_t count)
{
    std::lock_guard lock(m_mutex);
    const std::uint16_t start = networkToHost(startNetworkOrder);
    const std::string context = "SIO_ACQUIRE_PORT_RESERVATION (" + rangeText(start, count) + ")";
    Error error;
    SocketRecord* socket = reservingSocket(SimulatedCall::Acquire, id, &error, context);
    if (!socket)
        return error;
    if (count == 0 || std::uint32_t(start) + count - 1 > 65535)
        return native::windowsError(native::kWsaEinval, context);
    const Protocol protocol = *socket->transport;

    auto taken = [&](std::uint16_t port) {
        return persistentAt(protocol, port) || serviceAt(protocol, port) || ownAt(protocol, port) ||
               busy(protocol, port);
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
            return native::windowsError(kAcquireNoRoomCode, context);
        range = *found;
    } else {
        if (overlapsAny(m_machine.persistent, protocol, range))
            return native::windowsError(kAcquireOverPersistentCode, context);
        if (overlapsAny(m_machine.runtime, protocol, range) || overlapsAny(m_own, protocol, range))
            return native::windowsError(kAcquireOverInUseCode, context);
        for (std::uint32_t p = range.start; p <= range.end(); ++p)
            if (busy(protocol, std::uint16_t(p)))
                return native::windowsError(kAcquireOverInUseCode, context);
    }
    const Token token = newToken(m_machine, m_own);
    m_own.push_back(OwnBlock{protocol, range, token, id});
    return ReservedBlock{protocol, range, false, token, selfLabel()};
}

Result<void> Core::associate(std::uint64_t id, Token token)
{
    std::lock_guard lock(m_mutex);
    const std::string context =
        "SIO_ASSOCIATE_PORT_RESERVATION (token " + text::tokenHex(token) + ")";
    Error error;
    SocketRecord* socket = reservingSocket(SimulatedCall::Associate, id, &error, context);
    if (!socket)
        return error;
    if (socket->bound)
        return native::windowsError(native::kWsaEinval, context + ": the socket is already bound");
    if (socket->associated != kNoToken)
        return native::windowsError(native::kWsaEinval,
                                    context + ": the socket is already associated");
    if (token == kNoToken)
        return native::windowsError(native::kWsaEinval, context);
    const Protocol protocol = *socket->transport;
    for (const auto& b : m_own)
        if (b.token == token) {
            if (b.protocol != protocol)
                return native::windowsError(native::kWsaEinval, context);
            socket->associated = token;
            return {};
        }
    for (const auto& b : m_machine.persistent)
        if (b.token == token) {
            if (b.protocol != protocol)
                return native::windowsError(native::kWsaEinval, context);
            if (!m_machine.elevated)
                return native::windowsError(native::kWsaEacces, context);
            socket->associated = token;
            return {};
        }
    // A service's runtime token, or one nobody holds: consumable only by its own process.
    return native::windowsError(native::kWsaEinval, context);
}

Result<void> Core::release(std::uint64_t id, Token token)
{
    std::lock_guard lock(m_mutex);
    const std::string context =
        "SIO_RELEASE_PORT_RESERVATION (token " + text::tokenHex(token) + ")";
    Error error;
    SocketRecord* socket = reservingSocket(SimulatedCall::Release, id, &error, context);
    if (!socket)
        return error;
    const auto found = std::find_if(m_own.begin(), m_own.end(),
                                    [token](const OwnBlock& b) { return b.token == token; });
    if (token == kNoToken || found == m_own.end())
        return native::windowsError(native::kWsaEinval, context);
    m_own.erase(found);
    return {};
}

SocketRecord* Core::reservingSocket(SimulatedCall call, std::uint64_t id, Error* error,
                                    std::string_view context)
{
    SocketRecord* socket = socketFor(call, id, error, context);
    if (socket && !socket->transport) {
        *error = native::windowsError(native::kWsaEopnotsupp, context);
        return nullptr;
    }
    return socket;
}

} // namespace portolan::simulated
