// SPDX-License-Identifier: GPL-3.0-or-later
#include "windowsbackend.h"

#include "../inetaddress.h"
#include "../nativecodes.h"
#include "../text.h"
#include "windowserrors.h"

#include <cstring>

// Sockets: Winsock's socket, bind and getsockname, and the SIO_*_PORT_RESERVATION IOCTLs that
// acquire, associate and release runtime reservations.
namespace portolan {
namespace {

using win32::lastSocketError;
using win32::rangeArguments;
using win32::unsupported;
using win32::windowsFailure;

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

// A socket handle, closed when its last user lets go: the Socket, or an IOCTL on it that did
// not answer in time. closesocket must never run concurrently with another Winsock call on the
// same socket (closesocket's documentation, Remarks), so a hung IOCTL keeps its socket open
// until it returns - and whatever a late acquire got ends with it.
class OwnedHandle
{
public:
    OwnedHandle(std::shared_ptr<const Win32Api> api, win32::SocketHandle handle)
        : m_api(std::move(api)), m_handle(handle)
    {
    }
    ~OwnedHandle()
    {
        if (m_api->closeSocket)
            m_api->closeSocket(m_handle);
    }
    OwnedHandle(const OwnedHandle&) = delete;
    OwnedHandle& operator=(const OwnedHandle&) = delete;

    const Win32Api& api() const { return *m_api; }
    win32::SocketHandle get() const { return m_handle; }

private:
    std::shared_ptr<const Win32Api> m_api;
    win32::SocketHandle m_handle;
};

// What WSAIoctl answered, its error read on the thread that made the call (WSAGetLastError is
// per thread).
struct IoctlAnswer
{
    int rc = 0;
    int error = 0;
    std::vector<std::uint8_t> out;
};

// WSAIoctl within the IOCTLs' deadline, on a thread that owns the socket, the input and the
// output until it returns.
Result<IoctlAnswer> ioctl(const win32::PendingCalls& calls,
                          std::shared_ptr<const OwnedHandle> socket, std::uint32_t code,
                          std::vector<std::uint8_t> in, std::uint32_t outSize,
                          std::string_view what)
{
    if (!socket->api().wsaIoctl)
        return unsupported(what, "no WSAIoctl");
    return calls.run(win32::CallKind::Ioctl, what,
                     [socket = std::move(socket), code, in = std::move(in), outSize] {
                         const Win32Api& api = socket->api();
                         IoctlAnswer answer;
                         answer.out.assign(outSize, 0);
                         std::uint32_t returned = 0;
                         answer.rc = api.wsaIoctl(
                             socket->get(), code, in.data(), static_cast<std::uint32_t>(in.size()),
                             outSize == 0 ? nullptr : answer.out.data(), outSize, &returned);
                         if (answer.rc != 0 && api.wsaGetLastError)
                             answer.error = api.wsaGetLastError();
                         return answer;
                     });
}

template <typename T> std::vector<std::uint8_t> bytesOf(const T& value)
{
    std::vector<std::uint8_t> bytes(sizeof value);
    std::memcpy(bytes.data(), &value, sizeof value);
    return bytes;
}

class WindowsSocket final : public Socket
{
public:
    WindowsSocket(std::shared_ptr<const OwnedHandle> socket,
                  std::shared_ptr<const win32::PendingCalls> calls, SocketSpec spec)
        : m_socket(std::move(socket)), m_calls(std::move(calls)), m_spec(spec)
    {
    }

    Result<ReservedBlock> acquireReservation(PortRange range) override
    {
        const std::string context = "SIO_ACQUIRE_PORT_RESERVATION" + rangeArguments(range);
        // The start port travels in network byte order, like the persistent calls'.
        const win32::InetPortRange in{hostToNetwork(range.start), range.count};
        win32::InetPortReservationInstance out{};
        const auto answer =
            ioctl(*m_calls, m_socket, win32::kSioAcquirePortReservation, bytesOf(in), sizeof out,
                  "acquiring a runtime reservation with " + context);
        if (!answer)
            return answer.error();
        if (answer.value().rc != 0)
            return windowsFailure(api(), answer.value().error, context);
        std::memcpy(&out, answer.value().out.data(), sizeof out);
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
                          "associating the socket with a reservation by ", token);
    }

    Result<void> releaseReservation(Token token) override
    {
        return tokenIoctl(win32::kSioReleasePortReservation, "SIO_RELEASE_PORT_RESERVATION",
                          "releasing a runtime reservation with ", token);
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
            rc = api().bind(handle(), &name, sizeof name);
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
            rc = api().bind(handle(), &name, sizeof name);
        }
        if (rc != 0)
            return lastSocketError(api(), context);
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
        if (!api().setSockOpt)
            return unsupported(context, "no setsockopt");
        const int on = 1;
        if (api().setSockOpt(handle(), win32::kSolSocket,
                             exclusive ? win32::kSoExclusiveAddrUse : win32::kSoReuseAddr, &on,
                             sizeof on) != 0)
            return lastSocketError(api(), context);
        return {};
    }

    Result<std::uint16_t> localPort() const override
    {
        // Room for any SOCKADDR, as SOCKADDR_STORAGE gives.
        alignas(8) std::uint8_t name[128] = {};
        int length = sizeof name;
        if (api().getSockName(handle(), name, &length) != 0)
            return lastSocketError(api(), "getsockname");
        if (length < 4) {
            return Error::make(ErrorKind::Internal,
                               "getsockname: returned " + std::to_string(length) +
                                   " bytes, too few for an address with a port");
        }
        return win32::portFromBytes(name + 2);
    }

private:
    const Win32Api& api() const { return m_socket->api(); }
    win32::SocketHandle handle() const { return m_socket->get(); }

    Result<void> tokenIoctl(std::uint32_t code, std::string_view name, std::string_view doing,
                            Token token)
    {
        const std::string context = std::string(name) + "(token " + text::tokenHex(token) + ")";
        if (token == kNoToken) {
            return Error::make(ErrorKind::InvalidArgument,
                               context + ": token 0 names no reservation; use the token that "
                                         "acquire or lookup returned");
        }
        // In: the 8-byte token; out: nothing.
        const std::uint64_t in = token;
        const auto answer =
            ioctl(*m_calls, m_socket, code, bytesOf(in), 0, std::string(doing) + context);
        if (!answer)
            return answer.error();
        if (answer.value().rc != 0)
            return windowsFailure(api(), answer.value().error, context);
        return {};
    }

    std::shared_ptr<const OwnedHandle> m_socket;
    std::shared_ptr<const win32::PendingCalls> m_calls;
    SocketSpec m_spec;
};

} // namespace

namespace {

Result<std::shared_ptr<const OwnedHandle>> openHandle(std::shared_ptr<const Win32Api> api,
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
    return std::make_shared<const OwnedHandle>(std::move(api), handle);
}

Result<std::unique_ptr<WindowsSocket>>
openWindowsSocket(std::shared_ptr<const Win32Api> api,
                  std::shared_ptr<const win32::PendingCalls> calls, const SocketSpec& spec)
{
    auto handle = openHandle(std::move(api), spec);
    if (!handle)
        return handle.error();
    return std::make_unique<WindowsSocket>(std::move(handle.value()), std::move(calls), spec);
}

} // namespace

Result<std::unique_ptr<Socket>> WindowsBackend::openSocket(const SocketSpec& spec)
{
    auto socket = openWindowsSocket(m_api, m_calls, spec);
    if (!socket)
        return socket.error();
    return std::unique_ptr<Socket>(std::move(socket.value()));
}

bool WindowsBackend::probeRuntimeIoctls(bool& cancelled) const
{
    auto socket = openHandle(m_api, SocketSpec::forProtocol(Protocol::Tcp));
    if (!socket)
        return false;
    // Releasing token 0 cannot release anything; a system without the IOCTLs (Wine) answers
    // WSAEOPNOTSUPP, one with them some other complaint about the token. One that does not
    // answer in time is taken not to have them: every later IOCTL would hang as well.
    const std::uint64_t token = kNoToken;
    const auto answer = ioctl(*m_calls, std::move(socket.value()),
                              win32::kSioReleasePortReservation, bytesOf(token), 0,
                              "checking for runtime reservations with "
                              "SIO_RELEASE_PORT_RESERVATION(token 0x0)");
    if (!answer) {
        cancelled = cancelled || answer.error().kind == ErrorKind::Cancelled;
        return false;
    }
    return answer.value().rc == 0 ||
           answer.value().error != static_cast<int>(native::kWsaEopnotsupp);
}

BindProbeResult WindowsBackend::bindOnce(const BindTarget& target) const
{
    BindProbeResult result;
    auto socket =
        openWindowsSocket(m_api, m_calls, SocketSpec::forProtocol(target.protocol, target.family));
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
