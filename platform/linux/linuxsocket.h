// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../backend.h"
#include "../error.h"
#include "../types.h"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <sys/socket.h>

namespace portolan::linuxos {

// A parsed local address, ready for bind() with any port.
struct SocketAddress
{
    sockaddr_storage storage{};
    socklen_t length = 0;
    int family = 0; // AF_INET / AF_INET6

    void setPort(std::uint16_t port);
};

// inet_pton for the family; "" means the wildcard address (INADDR_ANY / in6addr_any).
// InvalidArgument (EINVAL) naming the address and the family otherwise.
Result<SocketAddress> parseSocketAddress(std::string_view text, AddressFamily family);

// "127.0.0.1:5000", "[::1]:5000" for messages.
std::string formatEndpoint(std::string_view address, AddressFamily family, std::uint16_t port);

// socket(family, type, protocol) with SOCK_CLOEXEC; closed on destruction.
Result<std::unique_ptr<Socket>> openLinuxSocket(const SocketSpec& spec);

// What socket() takes for a spec's type.
int socketType(SocketType type);

// One socket/bind/close on `address` (its port replaced by `port`), allocating nothing unless
// the bind fails. `addressText` only names the address in an error.
BindProbeResult probeBind(const SocketAddress& address, std::string_view addressText, int type,
                          int protocol, std::uint16_t port);

} // namespace portolan::linuxos
