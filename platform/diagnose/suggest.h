// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../backend.h"
#include "../error.h"
#include "../types.h"

#include <cstdint>
#include <optional>
#include <stop_token>
#include <string>
#include <vector>

// "Give me ports that will work": the nearest block that no reservation covers, outside the
// dynamic range and the well-known ports, with no listener, confirmed by bind probes.
namespace portolan::diagnose {

// Below this are the well-known ports (IANA): services expect them, so nothing suggests them.
inline constexpr std::uint16_t kFirstSuggestedPort = 1024;

struct SuggestRequest
{
    Protocol protocol = Protocol::Tcp;
    std::uint16_t count = 1;
    std::uint16_t near = kFirstSuggestedPort; // the block closest to this port wins
    AddressFamily family = AddressFamily::IPv4;
    std::string address;          // empty: the family's wildcard, as a server binds
    std::vector<PortRange> avoid; // more ports to leave out
};

struct Suggestion
{
    PortRange block;
    std::uint32_t probes = 0;              // bind probes made
    std::uint32_t candidates = 0;          // blocks tried (a failed probe moves on to the next)
    std::optional<PortRange> dynamicRange; // left out, when the backend knows it
};

// The ports a suggestion leaves out, sorted and merged: the well-known ports, every
// reservation of the protocol, its dynamic range, its listeners' ports and `avoid`.
struct Obstacles
{
    std::vector<PortRange> ranges;
    std::optional<PortRange> dynamicRange;
};
Result<Obstacles> gatherObstacles(Backend& backend, Protocol protocol,
                                  const std::vector<PortRange>& avoid);

// The nearest free block of `count` ports in the gaps between sorted obstacles (distance 0
// when it contains `near`; the lower block on a tie), or nullopt when no gap is large enough.
std::optional<PortRange> nearestGap(const std::vector<PortRange>& sortedObstacles,
                                    std::uint16_t count, std::uint16_t near);

// Conflict when no block fits; Cancelled on request.
Result<Suggestion> suggestBlock(Backend& backend, const SuggestRequest& request,
                                std::stop_token stop = {});

} // namespace portolan::diagnose
