// SPDX-License-Identifier: GPL-3.0-or-later
#include "backend.h"

#include "scanner.h"

#include <utility>

namespace portolan {

std::string_view toString(BindOutcome outcome)
{
    switch (outcome) {
    case BindOutcome::Free: return "free";
    case BindOutcome::InUse: return "in-use";
    case BindOutcome::Forbidden: return "forbidden";
    case BindOutcome::Other: return "other";
    }
    return "other";
}

BindOutcome classifyBindError(const Error& error)
{
    // By symbolic name, so that Winsock and errno codes classify alike on every build.
    if (error.name == "WSAEADDRINUSE" || error.name == "EADDRINUSE")
        return BindOutcome::InUse;
    if (error.name == "WSAEACCES" || error.name == "EACCES" || error.name == "EPERM")
        return BindOutcome::Forbidden;
    return BindOutcome::Other;
}

BindProbeResult Backend::bindProbe(const BindTarget& target)
{
    BindProbeResult result;
    auto fail = [&result](const Error& error) {
        result.outcome = classifyBindError(error);
        result.error = error;
        return result;
    };
    auto socket = openSocket(SocketSpec::forProtocol(target.protocol, target.family));
    if (!socket)
        return fail(socket.error());
    if (auto bound = socket.value()->bind(target.address, target.port); !bound)
        return fail(bound.error());
    auto port = socket.value()->localPort();
    result.outcome = BindOutcome::Free;
    result.boundPort = port ? port.value() : target.port;
    return result;
}

Result<ScanResult> Backend::scan(const ScanRequest& request, const ScanProgress& progress,
                                 std::stop_token stop)
{
    if (request.first == 0 || request.last < request.first) {
        return Error::make(ErrorKind::InvalidArgument,
                           "range: " + std::to_string(request.first) + "-"
                               + std::to_string(request.last)
                               + " is not a scan range; allowed: FIRST-LAST with "
                                 "1 <= FIRST <= LAST <= 65535");
    }
    BindTarget base{request.protocol, request.family, request.address, 0};
    return scanPorts(
        request,
        [this, &base](std::uint16_t port) {
            BindTarget target = base;
            target.port = port;
            return bindProbe(target);
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

} // namespace portolan
