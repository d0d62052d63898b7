// SPDX-License-Identifier: GPL-3.0-or-later
// The shared behavioural suite on the real kernel: a LinuxBackend on /proc inside a private
// network namespace, with a temporary sysctl.d folder so that no machine file is touched.
#include "conformance.h"
#include "linux_support.h"

#include <arpa/inet.h>
#include <map>
#include <netinet/in.h>
#include <stdexcept>
#include <sys/socket.h>
#include <unistd.h>

namespace portolan::test {

namespace {

const std::string kReserved = "/proc/sys/net/ipv4/ip_local_reserved_ports";

class LinuxConformanceFixture final : public ConformanceFixture
{
public:
    LinuxConformanceFixture()
    {
        // Refuses (exit 77) unless this is a private network namespace: the suite writes
        // the namespace's reserved-port list.
        requirePrivateNetworkNamespace();
        // Each test starts from an empty list: earlier tests in this namespace may have left
        // entries that the fresh sysctl.d folder would not explain.
        writeTextFile(kReserved, "\n");
        auto opened = LinuxBackend::open({"/proc", m_sysctl.path()});
        if (!opened)
            throw std::runtime_error(opened.error().describe());
        m_backend = std::move(opened.value());
    }

    ~LinuxConformanceFixture() override
    {
        for (auto& [key, fd] : m_occupied)
            ::close(fd);
        writeTextFile(kReserved, "\n");
    }

    Backend& backend() override { return *m_backend; }

    bool occupyPort(Protocol protocol, std::uint16_t port) override
    {
        const auto key = std::pair(protocol, port);
        if (m_occupied.count(key))
            return true;
        const int fd = ::socket(
            AF_INET, (protocol == Protocol::Tcp ? SOCK_STREAM : SOCK_DGRAM) | SOCK_CLOEXEC, 0);
        if (fd < 0)
            return false;
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(port);
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
            (protocol == Protocol::Tcp && ::listen(fd, 4) != 0)) {
            ::close(fd);
            return false;
        }
        m_occupied.emplace(key, fd);
        return true;
    }

    void releasePort(Protocol protocol, std::uint16_t port) override
    {
        const auto it = m_occupied.find(std::pair(protocol, port));
        if (it == m_occupied.end())
            return;
        ::close(it->second);
        m_occupied.erase(it);
    }

    bool setElevated(bool) override { return false; }

    PortRange freeBlock() const override
    {
        // Below the dynamic range (32768-60999 in a fresh namespace) and above the
        // privileged ports; nothing listens in a private namespace.
        auto dynamic = m_backend->dynamicRange(Protocol::Tcp);
        constexpr PortRange kBlock{20000, 20};
        if (dynamic && dynamic->overlaps(kBlock))
            return PortRange{2000, 20};
        return kBlock;
    }

    std::string description() const override
    {
        return "linux backend on the real kernel in a private network namespace (root: " +
               std::string(m_backend->isElevated() ? "yes" : "no") +
               "; elevation cannot be switched)";
    }

private:
    TempDir m_sysctl;
    std::unique_ptr<LinuxBackend> m_backend;
    std::map<std::pair<Protocol, std::uint16_t>, int> m_occupied;
};

} // namespace

std::unique_ptr<ConformanceFixture> makeConformanceFixture()
{
    return std::make_unique<LinuxConformanceFixture>();
}

} // namespace portolan::test
