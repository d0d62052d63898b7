// SPDX-License-Identifier: GPL-3.0-or-later
#include "windowsbackend.h"

#include "../inetaddress.h"
#include "windowserrors.h"

#include <cstdio>
#include <cstring>

// Sockets: Winsock's socket, bind and getsockname, and the SIO_*_PORT_RESERVATION IOCTLs that
// acquire, associate and release runtime reservations.
namespace portolan {
namespace {

using win32::lastSocketError;
using win32::rangeArguments;
using win32::unsupported;

std::string tokenText(Token token)
{
    char text[24];
    std::snprintf(text, sizeof text, "0x%llx", static_cast<unsigned long long>(token));
    return text;
}

int familyValue(AddressFamily family)
{
    return family == AddressFamily::IPv6 ? win32::kAfInet6 : win32::kAfInet;
}

int typeValue(SocketType type)
{
    switch (type) {
    case SocketType::Stream:
        return win32::kSockStream;
    case SocketType::Datagram:
        return win32::kSockDgram;
    case SocketType::Raw:
        return win32::kSockRaw;
    }
    return win32::kSockStream;
}

class WindowsSocket final : public Socket
{
public:
    WindowsSocket(std::shared_ptr<const Win32Api> api, win32::SocketHandle handle, SocketSpec spec)
        : m_api(std::move(api)), m_handle(handle), m_spec(spec)
    {
    }

    ~WindowsSocket() override
    {
        if (m_api->closeSocket)
            m_api->closeSocket(m_handle);
    }

    WindowsSocket(const WindowsSocket&) = delete;
    WindowsSocket& operator=(const WindowsSocket&) = delete;

    Result<ReservedBlock> acquireReservation(PortRange range) override
    {
        const std::string context = "SIO_ACQUIRE_PORT_RESERVATION" + rangeArguments(range);
        // The start port travels in network byte order, like the persistent calls'.
        win32::InetPortRange in{hostToNetwork(range.start), range.count};
        win32::InetPortReservationInstance out{};
        std::uint32_t returned = 0;
        if (m_api->wsaIoctl(m_handle, win32::kSioAcquirePortReservation, &in, sizeof in, &out,
                            sizeof out, &returned) != 0)
            return lastSocketError(*m_api, context);
        if (out.token == kNoToken) {
            return Error::make(ErrorKind::Internal,
                               context + ": succeeded but returned token 0, which names no "
                                         "reservation; closing the socket ends it");
        }
        ReservedBlock block;
        block.protocol = m_spec.transport().value_or(Protocol::Tcp);
        block.range =
            PortRange{networkToHost(out.reservation.startPort), out.reservation.numberOfPorts};
        block.persistent = false;
        block.token = out.token;
        return block;
    }

    Result<void> associateReservation(Token token) override
    {
        return tokenIoctl(win32::kSioAssociatePortReservation, "SIO_ASSOCIATE_PORT_RESERVATION",
                          token);
    }

    Result<void> releaseReservation(Token token) override
    {
        return tokenIoctl(win32::kSioReleasePortReservation, "SIO_RELEASE_PORT_RESERVATION", token);
    }

    Result<void> bind(std::string_view address, std::uint16_t port) override
    {
        const bool v6 = m_spec.family == AddressFamily::IPv6;
        const std::string shown = v6 ? "[" + std::string(address) + "]:" + std::to_string(port)
                                     : std::string(address) + ":" + std::to_string(port);
        const std::string context = "bind to " + shown;
        const bool wildcard = address.empty() || address == "*";
        int rc = 0;
        if (v6) {
            win32::SockAddrIn6 name;
            name.port = hostToNetwork(port);
            if (!wildcard) {
                const auto bytes = parseIpv6(address);
                if (!bytes) {
                    return Error::make(ErrorKind::InvalidArgument,
                                       "address: '" + std::string(address) +
                                           "' is not an IPv6 address such as ::1 or ::");
                }
                std::memcpy(name.address, bytes->data(), bytes->size());
            }
            rc = m_api->bind(m_handle, &name, sizeof name);
        } else {
            win32::SockAddrIn name;
            name.port = hostToNetwork(port);
            if (!wildcard) {
                const auto bytes = parseIpv4(address);
                if (!bytes) {
                    return Error::make(ErrorKind::InvalidArgument,
                                       "address: '" + std::string(address) +
                                           "' is not an IPv4 address such as 127.0.0.1 or "
                                           "0.0.0.0");
                }
                std::memcpy(name.address, bytes->data(), bytes->size());
            }
            rc = m_api->bind(m_handle, &name, sizeof name);
        }
        if (rc != 0)
            return lastSocketError(*m_api, context);
        return {};
    }

    // SO_EXCLUSIVEADDRUSE, before bind: the bind then fails whenever another socket could
    // share the port, as it does for a server that sets it (docs/windows-semantics.md#bind-table).
    Result<void> setSharing(SocketSharing sharing) override
    {
        if (sharing == SocketSharing::Default)
            return {};
        const bool exclusive = sharing == SocketSharing::Exclusive;
        const std::string context =
            exclusive ? "setsockopt(SO_EXCLUSIVEADDRUSE)" : "setsockopt(SO_REUSEADDR)";
        if (!m_api->setSockOpt)
            return unsupported(context, "no setsockopt");
        const int on = 1;
        if (m_api->setSockOpt(m_handle, win32::kSolSocket,
                              exclusive ? win32::kSoExclusiveAddrUse : win32::kSoReuseAddr, &on,
                              sizeof on) != 0)
            return lastSocketError(*m_api, context);
        return {};
    }

    Result<std::uint16_t> localPort() const override
    {
        // Room for any SOCKADDR, as SOCKADDR_STORAGE gives.
        alignas(8) std::uint8_t name[128] = {};
        int length = sizeof name;
        if (m_api->getSockName(m_handle, name, &length) != 0)
            return lastSocketError(*m_api, "getsockname");
        if (length < 4) {
            return Error::make(ErrorKind::Internal,
                               "getsockname: returned " + std::to_string(length) +
                                   " bytes, too few for an address with a port");
        }
        return win32::portFromBytes(name + 2);
    }

private:
    Result<void> tokenIoctl(std::uint32_t code, std::string_view name, Token token)
    {
        const std::string context = std::string(name) + "(token " + tokenText(token) + ")";
        if (token == kNoToken) {
            return Error::make(ErrorKind::InvalidArgument,
                               context + ": token 0 names no reservation; use the token that "
                                         "acquire or lookup returned");
        }
        // In: the 8-byte token; out: nothing.
        std::uint64_t in = token;
        std::uint32_t returned = 0;
        if (m_api->wsaIoctl(m_handle, code, &in, sizeof in, nullptr, 0, &returned) != 0)
            return lastSocketError(*m_api, context);
        return {};
    }

    std::shared_ptr<const Win32Api> m_api;
    win32::SocketHandle m_handle;
    SocketSpec m_spec;
};

} // namespace

namespace {

Result<std::unique_ptr<WindowsSocket>> openWindowsSocket(std::shared_ptr<const Win32Api> api,
                                                         const SocketSpec& spec)
{
    const std::string context = "socket(" + std::string(toString(spec.family)) + ", " +
                                std::string(toString(spec.type)) + ", " +
                                std::to_string(spec.protocol) + ")";
    if (!api->socket)
        return unsupported(context, "no Winsock");
    const auto handle = api->socket(familyValue(spec.family), typeValue(spec.type), spec.protocol);
    if (handle == win32::kInvalidSocket)
        return lastSocketError(*api, context);
    return std::make_unique<WindowsSocket>(std::move(api), handle, spec);
}

} // namespace

Result<std::unique_ptr<Socket>> WindowsBackend::openSocket(const SocketSpec& spec)
{
    auto socket = openWindowsSocket(m_api, spec);
    if (!socket)
        return socket.error();
    return std::unique_ptr<Socket>(std::move(socket.value()));
}

BindProbeResult WindowsBackend::bindOnce(const BindTarget& target) const
{
    BindProbeResult result;
    auto socket = openWindowsSocket(m_api, SocketSpec::forProtocol(target.protocol, target.family));
    Result<void> step =
        socket ? socket.value()->setSharing(target.sharing) : Result<void>(socket.error());
    if (step)
        step = socket.value()->bind(target.address, target.port);
    if (!step) {
        // Forbidden or denied is decided by the caller, which knows the reservations.
        result.outcome = classifyBindError(step.error(), false);
        result.error = step.error();
        return result;
    }
    auto port = socket.value()->localPort();
    result.outcome = BindOutcome::Free;
    result.boundPort = port ? port.value() : target.port;
    return result;
}

} // namespace portolan
