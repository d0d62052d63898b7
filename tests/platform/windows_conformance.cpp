// SPDX-License-Identifier: GPL-3.0-or-later
// The shared behavioural suite on the real windows backend (real Winsock and iphlpapi): on
// Windows, or under Wine, where the reservation APIs are missing and the suite checks that
// they answer Unsupported cleanly. Ports are on 127.0.0.1 only: a Wine server started outside
// a network namespace serves sockets from the machine's own network.
#include "conformance.h"

#include "platform/windows/windowsbackend.h"

// clang-format off
#include <winsock2.h>
#include <ws2tcpip.h>
// clang-format on

#include <map>
#include <stdexcept>

namespace portolan::test {

namespace {

SOCKET openBound(Protocol protocol, std::uint16_t port)
{
    const SOCKET s = ::socket(AF_INET, protocol == Protocol::Tcp ? SOCK_STREAM : SOCK_DGRAM,
                              protocol == Protocol::Tcp ? IPPROTO_TCP : IPPROTO_UDP);
    if (s == INVALID_SOCKET)
        return INVALID_SOCKET;
    // A listener as a server has it: nobody else may bind the port while it is open.
    BOOL exclusive = TRUE;
    ::setsockopt(s, SOL_SOCKET, SO_EXCLUSIVEADDRUSE, reinterpret_cast<const char*>(&exclusive),
                 sizeof exclusive);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::bind(s, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0 ||
        (protocol == Protocol::Tcp && ::listen(s, 4) != 0)) {
        ::closesocket(s);
        return INVALID_SOCKET;
    }
    return s;
}

// 20 ports below Linux's and Windows' dynamic ranges that nothing on this machine holds now,
// for TCP and UDP alike; chosen once per run. Under Wine the machine is the Linux host
// itself, shared with whatever else runs there, hence the check rather than a fixed block.
PortRange findFreeBlock()
{
    constexpr std::uint16_t kCount = 20;
    for (std::uint16_t start = 23500; start < 32000; start += 100) {
        bool free = true;
        for (std::uint16_t port = start; free && port < start + kCount; ++port) {
            for (Protocol protocol : {Protocol::Tcp, Protocol::Udp}) {
                const SOCKET s = openBound(protocol, port);
                if (s == INVALID_SOCKET) {
                    free = false;
                    break;
                }
                ::closesocket(s);
            }
        }
        if (free)
            return PortRange{start, kCount};
    }
    throw std::runtime_error("no free block of 20 ports between 23500 and 32000 on 127.0.0.1");
}

// One backend for the whole run: it keeps no state but the capabilities it probed once
// (probing runs netsh, which takes a while under Wine).
Backend& sharedBackend()
{
    static std::unique_ptr<Backend> backend = [] {
        auto created = createWindowsBackend();
        if (!created)
            throw std::runtime_error(created.error().describe());
        return std::move(created.value());
    }();
    return *backend;
}

class WindowsConformanceFixture final : public ConformanceFixture
{
public:
    WindowsConformanceFixture() : m_backend(sharedBackend())
    {
        static const PortRange block = findFreeBlock();
        m_block = block;
    }

    ~WindowsConformanceFixture() override
    {
        for (auto& [key, s] : m_occupied)
            ::closesocket(s);
    }

    Backend& backend() override { return m_backend; }

    bool occupyPort(Protocol protocol, std::uint16_t port) override
    {
        const auto key = std::pair(protocol, port);
        if (m_occupied.count(key))
            return true;
        const SOCKET s = openBound(protocol, port);
        if (s == INVALID_SOCKET)
            return false;
        m_occupied.emplace(key, s);
        return true;
    }

    void releasePort(Protocol protocol, std::uint16_t port) override
    {
        const auto it = m_occupied.find(std::pair(protocol, port));
        if (it == m_occupied.end())
            return;
        ::closesocket(it->second);
        m_occupied.erase(it);
    }

    bool setElevated(bool) override { return false; }

    PortRange freeBlock() const override { return m_block; }

    std::string description() const override
    {
        const Capabilities caps = m_backend.capabilities();
        return std::string("windows backend on real Winsock/iphlpapi (") +
               (caps.persistentReservations ? "persistent functions present"
                                            : "no persistent functions: Wine?") +
               ", elevated: " + (m_backend.isElevated() ? "yes" : "no") +
               "; elevation cannot be switched)";
    }

private:
    Backend& m_backend;
    PortRange m_block;
    std::map<std::pair<Protocol, std::uint16_t>, SOCKET> m_occupied;
};

} // namespace

std::unique_ptr<ConformanceFixture> makeConformanceFixture()
{
    return std::make_unique<WindowsConformanceFixture>();
}

} // namespace portolan::test
