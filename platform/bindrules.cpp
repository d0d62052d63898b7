// SPDX-License-Identifier: GPL-3.0-or-later
#include "bindrules.h"

#include <array>

namespace portolan {
namespace {

// Rows: the second bind; columns: the first bind; both in the order
// default/wildcard, default/specific, reuseaddr/wildcard, reuseaddr/specific,
// exclusive/wildcard, exclusive/specific. Microsoft's page prints the first bind as rows;
// these are its two tables turned, cell for cell, as docs/windows-semantics.md#bind-table shows
// them.
constexpr BindVerdict O = BindVerdict::Ok;
constexpr BindVerdict U = BindVerdict::InUse;
constexpr BindVerdict D = BindVerdict::Denied;
using Table = std::array<std::array<BindVerdict, 6>, 6>;

constexpr Table kSameUser{{
    {U, O, U, O, U, O},
    {O, U, O, U, D, U},
    {D, O, O, O, D, O},
    {O, D, O, O, D, D},
    {U, U, U, U, U, U},
    {O, U, O, U, D, U},
}};

constexpr Table kOtherUser{{
    {U, O, U, O, U, O},
    {D, U, D, U, D, U},
    {D, O, O, O, D, O},
    {D, D, O, O, D, D},
    {U, U, U, U, U, U},
    {D, U, D, U, D, U},
}};

constexpr std::size_t index(BindSide side)
{
    return std::size_t(side.sharing) * 2 + (side.wildcard ? 0 : 1);
}

} // namespace

std::string_view toString(SocketSharing sharing)
{
    switch (sharing) {
    case SocketSharing::Default:
        return "default";
    case SocketSharing::ReuseAddress:
        return "reuseaddr";
    case SocketSharing::Exclusive:
        return "exclusive";
    }
    return "default";
}

std::optional<SocketSharing> parseSocketSharing(std::string_view text)
{
    for (SocketSharing s :
         {SocketSharing::Default, SocketSharing::ReuseAddress, SocketSharing::Exclusive})
        if (text == toString(s))
            return s;
    return std::nullopt;
}

std::string_view toString(BindVerdict verdict)
{
    switch (verdict) {
    case BindVerdict::Ok:
        return "ok";
    case BindVerdict::InUse:
        return "in-use";
    case BindVerdict::Denied:
        return "denied";
    }
    return "ok";
}

BindVerdict secondBindVerdict(BindSide second, BindSide first, bool sameUser)
{
    const Table& table = sameUser ? kSameUser : kOtherUser;
    return table[index(second)][index(first)];
}

} // namespace portolan
