// SPDX-License-Identifier: GPL-3.0-or-later
#include "linuxsocket.h"

#include "../nativecodes.h"
#include "sysfiles.h"

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <netinet/in.h>
#include <unistd.h>

namespace portolan::linuxos {

namespace {

Error noRuntimeReservations(std::string_view call)
{
    // Named explicitly: on Linux ENOTSUP and EOPNOTSUPP are the same number, and a table
    // lookup may answer either; the socket calls document EOPNOTSUPP.
    return Error{ErrorKind::Unsupported, EOPNOTSUPP, "EOPNOTSUPP",
                 std::string(call) + ": Linux has no runtime port reservations; use a persistent "
                                     "reservation (net.ipv4.ip_local_reserved_ports) instead"};
}

std::string_view familyName(int family)
{
    return family == AF_INET6 ? "AF_INET6" : "AF_INET";
}

std::string_view typeName(SocketType type)
{
    switch (type) {
    case SocketType::Stream:
        return "SOCK_STREAM";
    case SocketType::Datagram:
        return "SOCK_DGRAM";
    case SocketType::Raw:
        return "SOCK_RAW";
    }
    return "SOCK_STREAM";
}

// What to do about a failed socket() call, after the system's own text.
std::string socketAdvice(int code)
{
    switch (code) {
    case EPERM:
    case EACCES:
        return "; raw sockets need root (CAP_NET_RAW): run Portolan as root";
    case EPROTONOSUPPORT:
    case EPROTOTYPE:
    case ESOCKTNOSUPPORT:
        return "; use protocol 6 (TCP) with a stream socket or 17 (UDP) with a datagram socket";
    case EAFNOSUPPORT:
        return "; this system does not support the address family";
    case EMFILE:
    case ENFILE:
        return "; too many open files: close some sockets or raise the limit";
    default:
        return {};
    }
}

std::string bindAdvice(int code, std::uint16_t port)
{
    switch (code) {
    case EADDRINUSE:
        return "; another socket holds the port: choose another port or stop it";
    case EACCES:
        return port != 0 && port < 1024
                   ? "; ports below net.ipv4.ip_unprivileged_port_start need root"
                   : "; run Portolan as root";
    case EADDRNOTAVAIL:
        return "; the address is not one of this machine's addresses";
    default:
        return {};
    }
}

class LinuxSocket final : public Socket
{
public:
    LinuxSocket(int fd, AddressFamily family) : m_fd(fd), m_family(family) {}
    ~LinuxSocket() override { ::close(m_fd); }
    LinuxSocket(const LinuxSocket&) = delete;
    LinuxSocket& operator=(const LinuxSocket&) = delete;

    Result<ReservedBlock> acquireReservation(PortRange) override
    {
        return noRuntimeReservations("acquire");
    }
    Result<void> associateReservation(Token) override { return noRuntimeReservations("associate"); }
    Result<void> releaseReservation(Token) override { return noRuntimeReservations("release"); }

    Result<void> bind(std::string_view address, std::uint16_t port) override
    {
        auto parsed = parseSocketAddress(address, m_family);
        if (!parsed)
            return parsed.error();
        parsed->setPort(port);
        // Never SO_REUSEADDR: the bind must fail exactly where a server's bind would.
        if (::bind(m_fd, reinterpret_cast<const sockaddr*>(&parsed->storage), parsed->length) !=
            0) {
            const int code = errno;
            Error error =
                native::posixError(code, "bind to " + formatEndpoint(address, m_family, port));
            error.message += bindAdvice(code, port);
            return error;
        }
        return {};
    }

    Result<std::uint16_t> localPort() const override
    {
        sockaddr_storage storage{};
        socklen_t length = sizeof storage;
        if (::getsockname(m_fd, reinterpret_cast<sockaddr*>(&storage), &length) != 0)
            return native::posixError(errno, "getsockname");
        if (storage.ss_family == AF_INET6)
            return ntohs(reinterpret_cast<const sockaddr_in6&>(storage).sin6_port);
        return ntohs(reinterpret_cast<const sockaddr_in&>(storage).sin_port);
    }

private:
    int m_fd;
    AddressFamily m_family;
};

} // namespace

void SocketAddress::setPort(std::uint16_t port)
{
    if (family == AF_INET6)
        reinterpret_cast<sockaddr_in6&>(storage).sin6_port = htons(port);
    else
        reinterpret_cast<sockaddr_in&>(storage).sin_port = htons(port);
}

Result<SocketAddress> parseSocketAddress(std::string_view text, AddressFamily family)
{
    SocketAddress address;
    char buffer[INET6_ADDRSTRLEN + 1] = {};
    const bool fits = text.size() < sizeof buffer;
    if (fits)
        std::memcpy(buffer, text.data(), text.size());
    if (family == AddressFamily::IPv4) {
        auto& in = reinterpret_cast<sockaddr_in&>(address.storage);
        in.sin_family = AF_INET;
        address.family = AF_INET;
        address.length = sizeof(sockaddr_in);
        if (text.empty()) {
            in.sin_addr.s_addr = htonl(INADDR_ANY);
            return address;
        }
        if (fits && ::inet_pton(AF_INET, buffer, &in.sin_addr) == 1)
            return address;
    } else {
        auto& in6 = reinterpret_cast<sockaddr_in6&>(address.storage);
        in6.sin6_family = AF_INET6;
        address.family = AF_INET6;
        address.length = sizeof(sockaddr_in6);
        if (text.empty()) {
            in6.sin6_addr = in6addr_any;
            return address;
        }
        if (fits && ::inet_pton(AF_INET6, buffer, &in6.sin6_addr) == 1)
            return address;
    }
    return errnoError(ErrorKind::InvalidArgument, EINVAL,
                      "address: \"" + std::string(text) + "\" is not an " +
                          std::string(toString(family)) + " address; allowed: " +
                          (family == AddressFamily::IPv4 ? "dotted IPv4 like 127.0.0.1 or 0.0.0.0"
                                                         : "IPv6 like ::1 or ::"));
}

std::string formatEndpoint(std::string_view address, AddressFamily family, std::uint16_t port)
{
    std::string host(address);
    if (host.empty())
        host = family == AddressFamily::IPv4 ? "0.0.0.0" : "::";
    if (family == AddressFamily::IPv6)
        host = "[" + host + "]";
    return host + ":" + std::to_string(port);
}

int socketType(SocketType type)
{
    switch (type) {
    case SocketType::Stream:
        return SOCK_STREAM;
    case SocketType::Datagram:
        return SOCK_DGRAM;
    case SocketType::Raw:
        return SOCK_RAW;
    }
    return SOCK_STREAM;
}

Result<std::unique_ptr<Socket>> openLinuxSocket(const SocketSpec& spec)
{
    const int family = spec.family == AddressFamily::IPv6 ? AF_INET6 : AF_INET;
    const int fd = ::socket(family, socketType(spec.type) | SOCK_CLOEXEC, spec.protocol);
    if (fd < 0) {
        const int code = errno;
        Error error = native::posixError(code, "socket(" + std::string(familyName(family)) + ", " +
                                                   std::string(typeName(spec.type)) + ", " +
                                                   std::to_string(spec.protocol) + ")");
        error.message += socketAdvice(code);
        return error;
    }
    return std::unique_ptr<Socket>(std::make_unique<LinuxSocket>(fd, spec.family));
}

BindProbeResult probeBind(const SocketAddress& address, std::string_view addressText, int type,
                          int protocol, std::uint16_t port)
{
    BindProbeResult result;
    const AddressFamily family =
        address.family == AF_INET6 ? AddressFamily::IPv6 : AddressFamily::IPv4;
    auto fail = [&](int code, std::string context) {
        result.error = native::posixError(code, context);
        switch (code) {
        case EADDRINUSE:
            result.outcome = BindOutcome::InUse;
            break;
        case EACCES:
        case EPERM:
            result.outcome = BindOutcome::Forbidden;
            break;
        default:
            result.outcome = BindOutcome::Other;
            break;
        }
    };
    const int fd = ::socket(address.family, type | SOCK_CLOEXEC, protocol);
    if (fd < 0) {
        fail(errno, "socket");
        return result;
    }
    // A copy on the stack: probes run concurrently over one parsed address.
    SocketAddress local = address;
    local.setPort(port);
    if (::bind(fd, reinterpret_cast<const sockaddr*>(&local.storage), local.length) != 0) {
        const int code = errno;
        ::close(fd);
        fail(code, "bind to " + formatEndpoint(addressText, family, port));
        return result;
    }
    result.outcome = BindOutcome::Free;
    result.boundPort = port;
    if (port == 0) {
        sockaddr_storage bound{};
        socklen_t length = sizeof bound;
        if (::getsockname(fd, reinterpret_cast<sockaddr*>(&bound), &length) == 0)
            result.boundPort = bound.ss_family == AF_INET6
                                   ? ntohs(reinterpret_cast<const sockaddr_in6&>(bound).sin6_port)
                                   : ntohs(reinterpret_cast<const sockaddr_in&>(bound).sin_port);
    }
    ::close(fd);
    return result;
}

} // namespace portolan::linuxos
