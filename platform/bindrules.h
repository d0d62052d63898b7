// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

// Windows' bind table: what a bind answers where another socket already holds the address
// and port (docs/windows-semantics.md#bind-table, from Microsoft's "Using SO_REUSEADDR and
// SO_EXCLUSIVEADDRUSE", Windows Server 2003 and later). Pure data, no OS: the simulator
// decides with it, the conformance suite checks every cell against it.
namespace portolan {

// The option a socket sets before bind.
enum class SocketSharing : std::uint8_t
{
    Default,      // neither option
    ReuseAddress, // SO_REUSEADDR
    Exclusive,    // SO_EXCLUSIVEADDRUSE
};
std::string_view toString(SocketSharing sharing); // "default", "reuseaddr", "exclusive"
std::optional<SocketSharing> parseSocketSharing(std::string_view text);

// One side of the table: a socket's option and whether it binds the wildcard address.
struct BindSide
{
    SocketSharing sharing = SocketSharing::Default;
    bool wildcard = false;
};

enum class BindVerdict : std::uint8_t
{
    Ok,     // the second bind succeeds
    InUse,  // WSAEADDRINUSE (10048)
    Denied, // WSAEACCES (10013)
};
std::string_view toString(BindVerdict verdict); // "ok", "in-use", "denied"

// The second bind, next to a first socket of the same protocol, family and port whose address
// meets it: the same specific address, or either of them the wildcard. Two different specific
// addresses never meet and need no verdict.
BindVerdict secondBindVerdict(BindSide second, BindSide first, bool sameUser);

} // namespace portolan
