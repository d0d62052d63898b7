// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "procnet.h"

#include <optional>
#include <vector>

namespace portolan::linuxos {

// The listening TCP sockets of one family in this network namespace, from the kernel's
// sock_diag netlink interface (what `ss -lt` reads). Asked for the LISTEN state only, the
// kernel walks its table of listeners, where /proc/net/tcp walks every bucket of the
// established table too: milliseconds per read on a machine with much memory. nullopt when
// the interface is missing or refuses (a kernel without inet_diag, a sandbox), so that the
// caller reads /proc/net instead.
std::optional<std::vector<SocketEntry>> readTcpListenersByNetlink(AddressFamily family);

} // namespace portolan::linuxos
