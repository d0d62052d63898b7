// SPDX-License-Identifier: GPL-3.0-or-later
#include "backend.h"

#include "inetaddress.h"
#include "scanner.h"

#include <algorithm>
#include <utility>

namespace portolan {

namespace {

// What a probe needs to name a holder: the reservations and listeners of the protocol, read
// once per probe or scan. Either stays empty where the backend cannot tell.
struct PortContext
{
    std::vector<ReservedBlock> blocks;
    std::vector<Listener> listeners;
};

// Reading reservations may run a program (netsh on Windows): only when an access error needs
// them.
PortContext readContext(Backend& backend, Protocol protocol, bool withBlocks = true)
{
    PortContext context;
    const Capabilities caps = backend.capabilities();
    if (withBlocks &&
        (caps.discoverReservations || caps.persistentReservations || caps.runtimeReservations))
        if (auto blocks = backend.listReservations(protocol))
            context.blocks = std::move(blocks.value());
    if (caps.listeners)
        if (auto listeners = backend.listeners(protocol))
            context.listeners = std::move(listeners.value());
    return context;
}

// The listener on (family, port) whose address meets `address`, a wildcard one last.
const Listener* listenerMeeting(const std::vector<Listener>& listeners, AddressFamily family,
                                std::string_view address, std::uint16_t port)
{
    const auto target = parseIpAddress(address, family);
    const Listener* wildcard = nullptr;
    for (const Listener& l : listeners) {
        if (l.family != family || l.port != port)
            continue;
        const auto bound = parseIpAddress(l.address, family);
        if (!target || !bound || !addressesCollide(*target, *bound))
            continue;
        if (!bound->isUnspecified())
            return &l;
        wildcard = wildcard ? wildcard : &l;
    }
    return wildcard;
}

void attribute(BindProbeResult& result, const BindTarget& target, const PortContext& context)
{
    if (target.port == 0)
        return;
    const Listener* listener =
        listenerMeeting(context.listeners, target.family, target.address, target.port);
    if (result.outcome == BindOutcome::Free) {
        const auto address = parseIpAddress(target.address, target.family);
        if (listener && address && !address->isUnspecified())
            result.shadowedBy =
                Holder::ofProcess(listener->pid, listener->process, listener->address);
        return;
    }
    if (!result.error)
        return;
    const ReservedBlock* block = blockCovering(context.blocks, target.protocol, target.port);
    result.outcome = classifyBindError(*result.error, block != nullptr);
    if (result.outcome == BindOutcome::Forbidden && block)
        result.holder = Holder::ofReservation(*block);
    else if (result.outcome == BindOutcome::InUse || result.outcome == BindOutcome::Denied)
        if (listener)
            result.holder = Holder::ofProcess(listener->pid, listener->process, listener->address);
}

// One bind on a fresh socket with the target's sharing option, closed again before returning.
BindProbeResult bindOnce(Backend& backend, const BindTarget& target)
{
    BindProbeResult result;
    auto fail = [&result](const Error& error) {
        result.outcome = classifyBindError(error, false);
        result.error = error;
        return result;
    };
    auto socket = backend.openSocket(SocketSpec::forProtocol(target.protocol, target.family));
    if (!socket)
        return fail(socket.error());
    // A backend that cannot set the option binds without it: the probe still answers, with
    // the default option's row of the table.
    (void)socket.value()->setSharing(target.sharing);
    if (auto bound = socket.value()->bind(target.address, target.port); !bound)
        return fail(bound.error());
    auto port = socket.value()->localPort();
    result.outcome = BindOutcome::Free;
    result.boundPort = port ? port.value() : target.port;
    return result;
}

} // namespace

std::string_view toString(BindOutcome outcome)
{
    switch (outcome) {
    case BindOutcome::Free:
        return "free";
    case BindOutcome::InUse:
        return "in-use";
    case BindOutcome::Denied:
        return "denied";
    case BindOutcome::Forbidden:
        return "forbidden";
    case BindOutcome::Other:
        return "other";
    }
    return "other";
}

std::string_view wildcardAddress(AddressFamily family)
{
    return family == AddressFamily::IPv6 ? "::" : "0.0.0.0";
}

SocketSharing probeSharing(AddressFamily family, std::string_view address)
{
    const auto parsed = parseIpAddress(address, family);
    return parsed && parsed->isUnspecified() ? SocketSharing::Exclusive : SocketSharing::Default;
}

bool Holder::empty() const
{
    return pid < 0 && process.empty() && owner.empty() && !timeWait;
}

std::string Holder::describe() const
{
    if (!owner.empty())
        return owner;
    if (timeWait && process.empty())
        return "a closed TCP connection (TIME_WAIT)";
    if (process.empty())
        return pid >= 0 ? "pid " + std::to_string(pid) : std::string();
    return pid >= 0 ? process + " (pid " + std::to_string(pid) + ")" : process;
}

Holder Holder::ofProcess(std::int64_t pid, std::string process, std::string address)
{
    Holder holder;
    holder.pid = pid;
    holder.process = std::move(process);
    holder.address = std::move(address);
    return holder;
}

Holder Holder::ofReservation(const ReservedBlock& block)
{
    Holder holder;
    holder.owner = block.owner.empty() ? std::string(block.persistent ? "administered" : "unknown")
                                       : block.owner;
    holder.evidence = block.ownerEvidence;
    return holder;
}

Holder Holder::ofTimeWait()
{
    Holder holder;
    holder.timeWait = true;
    return holder;
}

bool isAccessError(const Error& error)
{
    return error.name == "WSAEACCES" || error.name == "EACCES" || error.name == "EPERM";
}

BindOutcome classifyBindError(const Error& error, bool reservationCovers)
{
    // By symbolic name, so that Winsock and errno codes classify alike on every build.
    if (error.name == "WSAEADDRINUSE" || error.name == "EADDRINUSE")
        return BindOutcome::InUse;
    if (isAccessError(error))
        return reservationCovers ? BindOutcome::Forbidden : BindOutcome::Denied;
    return BindOutcome::Other;
}

const ReservedBlock* blockCovering(const std::vector<ReservedBlock>& blocks, Protocol protocol,
                                   std::uint16_t port)
{
    const auto found = std::find_if(blocks.begin(), blocks.end(), [&](const ReservedBlock& b) {
        return b.protocol == protocol && b.range.contains(port);
    });
    return found == blocks.end() ? nullptr : &*found;
}

Result<void> Socket::setSharing(SocketSharing sharing)
{
    if (sharing == SocketSharing::Default)
        return {};
    return Error::make(ErrorKind::Unsupported, "socket option " + std::string(toString(sharing)) +
                                                   " is not supported on this system");
}

BindProbeResult Backend::bindProbe(const BindTarget& target)
{
    BindProbeResult result = bindOnce(*this, target);
    // Who is in the way (or shadows a free specific bind), looked up only for a fixed port.
    if (target.port != 0 && result.outcome != BindOutcome::Other) {
        const bool access = result.error && isAccessError(*result.error);
        attribute(result, target, readContext(*this, target.protocol, access));
    }
    return result;
}

Result<ScanResult> Backend::scan(const ScanRequest& request, const ScanProgress& progress,
                                 std::stop_token stop)
{
    if (request.first == 0 || request.last < request.first) {
        return Error::make(ErrorKind::InvalidArgument,
                           "range: " + std::to_string(request.first) + "-" +
                               std::to_string(request.last) +
                               " is not a scan range; allowed: FIRST-LAST with "
                               "1 <= FIRST <= LAST <= 65535");
    }
    // One snapshot of who holds what, taken before the probes: a scan answers for one moment.
    const PortContext context = readContext(*this, request.protocol);
    BindTarget base{request.protocol, request.family, request.address, 0, request.sharing};
    return scanPorts(
        request,
        [this, &base, &context](std::uint16_t port) {
            BindTarget target = base;
            target.port = port;
            BindProbeResult result = bindOnce(*this, target);
            attribute(result, target, context);
            return result;
        },
        progress, std::move(stop));
}

Result<void> Backend::restartElevated(const std::string&, const std::vector<std::string>&)
{
    return Error::make(ErrorKind::Unsupported,
                       "restarting elevated is not supported on this system; start Portolan "
                       "again as an administrator (or root) yourself");
}

RuntimeReservation::RuntimeReservation(std::unique_ptr<Socket> socket, ReservedBlock block)
    : m_socket(std::move(socket)), m_block(std::move(block)), m_held(true)
{
}

Result<RuntimeReservation> RuntimeReservation::acquire(Backend& backend, const SocketSpec& spec,
                                                       PortRange range)
{
    auto socket = backend.openSocket(spec);
    if (!socket)
        return socket.error();
    auto block = socket.value()->acquireReservation(range);
    if (!block)
        return block.error();
    return RuntimeReservation(std::move(socket.value()), std::move(block.value()));
}

RuntimeReservation& RuntimeReservation::operator=(RuntimeReservation&& other) noexcept
{
    if (this != &other) {
        if (m_held && m_socket)
            (void)m_socket->releaseReservation(m_block.token);
        m_socket = std::move(other.m_socket);
        m_block = std::move(other.m_block);
        m_held = std::exchange(other.m_held, false);
    }
    return *this;
}

RuntimeReservation::~RuntimeReservation()
{
    // Closing the socket ends the reservation anyway; releasing first keeps the order the
    // sample program uses and shows up as a release in any trace.
    if (m_held && m_socket)
        (void)m_socket->releaseReservation(m_block.token);
}

Result<void> RuntimeReservation::release()
{
    if (!m_held || !m_socket) {
        return Error::make(ErrorKind::InvalidArgument,
                           "token: the runtime reservation was already released");
    }
    auto released = m_socket->releaseReservation(m_block.token);
    if (released)
        m_held = false;
    return released;
}

Result<DynamicRangeChange> Backend::changeDynamicRange(Protocol protocol, PortRange)
{
    return Error::make(ErrorKind::Unsupported, "changing the " + std::string(toString(protocol)) +
                                                   " dynamic range: not supported by the " +
                                                   std::string(name()) + " backend");
}

} // namespace portolan
