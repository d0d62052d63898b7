// SPDX-License-Identifier: GPL-3.0-or-later
#include "sockdiag.h"

#include <arpa/inet.h>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/sock_diag.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <array>
#include <cerrno>

namespace portolan::linuxos {

namespace {

class Descriptor
{
public:
    explicit Descriptor(int fd) : m_fd(fd) {}
    ~Descriptor()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    Descriptor(const Descriptor&) = delete;
    Descriptor& operator=(const Descriptor&) = delete;
    int get() const { return m_fd; }

private:
    int m_fd;
};

std::optional<SocketEntry> entryOf(const inet_diag_msg& message, AddressFamily family)
{
    char text[INET6_ADDRSTRLEN] = {};
    const int af = family == AddressFamily::IPv6 ? AF_INET6 : AF_INET;
    if (::inet_ntop(af, message.id.idiag_src, text, sizeof text) == nullptr)
        return std::nullopt;
    SocketEntry entry;
    entry.protocol = Protocol::Tcp;
    entry.family = family;
    entry.address = text;
    entry.port = ntohs(message.id.idiag_sport);
    entry.state = message.idiag_state;
    entry.inode = message.idiag_inode;
    return entry;
}

} // namespace

std::optional<std::vector<SocketEntry>> readTcpListenersByNetlink(AddressFamily family)
{
    const Descriptor socket(::socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_SOCK_DIAG));
    if (socket.get() < 0)
        return std::nullopt;

    struct
    {
        nlmsghdr header;
        inet_diag_req_v2 request;
    } ask{};
    ask.header.nlmsg_len = sizeof ask;
    ask.header.nlmsg_type = SOCK_DIAG_BY_FAMILY;
    ask.header.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
    ask.header.nlmsg_seq = 1;
    ask.request.sdiag_family = family == AddressFamily::IPv6 ? AF_INET6 : AF_INET;
    ask.request.sdiag_protocol = IPPROTO_TCP;
    ask.request.idiag_states = 1U << kTcpListenState;
    sockaddr_nl kernel{};
    kernel.nl_family = AF_NETLINK;
    if (::sendto(socket.get(), &ask, sizeof ask, 0, reinterpret_cast<sockaddr*>(&kernel),
                 sizeof kernel) != ssize_t(sizeof ask))
        return std::nullopt;

    std::vector<SocketEntry> entries;
    alignas(nlmsghdr) std::array<char, 32768> buffer{};
    while (true) {
        const ssize_t received = ::recv(socket.get(), buffer.data(), buffer.size(), 0);
        if (received < 0 && errno == EINTR)
            continue;
        if (received <= 0)
            return std::nullopt;
        int left = int(received);
        for (auto* header = reinterpret_cast<nlmsghdr*>(buffer.data()); NLMSG_OK(header, left);
             header = NLMSG_NEXT(header, left)) {
            if (header->nlmsg_seq != ask.header.nlmsg_seq)
                continue;
            if (header->nlmsg_type == NLMSG_DONE)
                return entries;
            if (header->nlmsg_type == NLMSG_ERROR ||
                header->nlmsg_len < NLMSG_LENGTH(sizeof(inet_diag_msg)))
                return std::nullopt;
            const auto* message = static_cast<const inet_diag_msg*>(NLMSG_DATA(header));
            if (message->idiag_state != kTcpListenState)
                continue;
            auto entry = entryOf(*message, family);
            if (!entry)
                return std::nullopt;
            entries.push_back(std::move(*entry));
        }
    }
}

} // namespace portolan::linuxos
