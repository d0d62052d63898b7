// SPDX-License-Identifier: GPL-3.0-or-later
#include "suggest.h"

#include "../dynamicrange.h"

#include <algorithm>

namespace portolan::diagnose {

namespace {

// A bad candidate is rare (a socket that appeared since the listing, another account's one);
// this many in a row means the listings cannot be trusted and the search stops.
constexpr std::uint32_t kMaxCandidates = 64;

void addRange(std::vector<PortRange>& ranges, std::uint32_t first, std::uint32_t last)
{
    if (first == 0)
        first = 1;
    if (last > 65535)
        last = 65535;
    if (first > last)
        return;
    ranges.push_back({std::uint16_t(first), std::uint16_t(last - first + 1)});
}

std::vector<PortRange> merged(std::vector<PortRange> ranges)
{
    std::ranges::sort(ranges, {}, &PortRange::start);
    std::vector<PortRange> out;
    for (const PortRange& range : ranges) {
        if (!out.empty() && range.start <= out.back().end() + 1) {
            const std::uint32_t end = std::max(out.back().end(), range.end());
            out.back().count = std::uint16_t(end - out.back().start + 1);
        } else {
            out.push_back(range);
        }
    }
    return out;
}

} // namespace

Result<Obstacles> gatherObstacles(Backend& backend, Protocol protocol,
                                  const std::vector<PortRange>& avoid)
{
    Obstacles obstacles;
    std::vector<PortRange> ranges = avoid;
    addRange(ranges, 1, kFirstSuggestedPort - 1);
    const Capabilities caps = backend.capabilities();
    if (caps.discoverReservations || caps.persistentReservations) {
        auto blocks = backend.listReservations(protocol);
        if (!blocks)
            return blocks.error();
        for (const ReservedBlock& block : blocks.value())
            if (block.protocol == protocol)
                ranges.push_back(block.range);
    }
    if (caps.dynamicRange) {
        auto range = backend.dynamicRange(protocol);
        if (!range)
            return range.error();
        obstacles.dynamicRange = range.value();
        ranges.push_back(range.value());
    }
    if (caps.listeners) {
        auto listeners = backend.listeners(protocol);
        if (!listeners)
            return listeners.error();
        for (const Listener& listener : listeners.value())
            if (listener.protocol == protocol && listener.port != 0)
                addRange(ranges, listener.port, listener.port);
    }
    obstacles.ranges = merged(std::move(ranges));
    return obstacles;
}

std::optional<PortRange> nearestGap(const std::vector<PortRange>& sortedObstacles,
                                    std::uint16_t count, std::uint16_t near)
{
    if (count == 0)
        return std::nullopt;
    std::optional<PortRange> best;
    std::uint32_t bestDistance = 0;
    auto consider = [&](std::uint32_t first, std::uint32_t last) {
        if (first > last || last - first + 1 < count)
            return;
        const std::uint32_t start = std::clamp<std::uint32_t>(near, first, last - count + 1);
        const std::uint32_t end = start + count - 1;
        const std::uint32_t distance = near < start ? start - near : near > end ? near - end : 0;
        if (!best || distance < bestDistance) {
            best = PortRange{std::uint16_t(start), count};
            bestDistance = distance;
        }
    };
    std::uint32_t next = 1;
    for (const PortRange& obstacle : sortedObstacles) {
        if (obstacle.start > next)
            consider(next, obstacle.start - 1u);
        next = std::max(next, obstacle.end() + 1);
    }
    consider(next, 65535);
    return best;
}

Result<Suggestion> suggestBlock(Backend& backend, const SuggestRequest& request,
                                std::stop_token stop)
{
    if (request.count == 0)
        return Error::make(ErrorKind::InvalidArgument,
                           "count: 0 is out of range; allowed: 1-64512");
    auto gathered = gatherObstacles(backend, request.protocol, request.avoid);
    if (!gathered)
        return gathered.error();
    Obstacles obstacles = std::move(gathered.value());

    Suggestion suggestion;
    suggestion.dynamicRange = obstacles.dynamicRange;
    const std::string address =
        request.address.empty() ? std::string(wildcardAddress(request.family)) : request.address;
    while (suggestion.candidates < kMaxCandidates) {
        auto candidate = nearestGap(obstacles.ranges, request.count, request.near);
        if (!candidate)
            break;
        ++suggestion.candidates;
        std::optional<std::uint16_t> refused;
        for (std::uint32_t port = candidate->start; port <= candidate->end(); ++port) {
            if (stop.stop_requested())
                return Error::make(ErrorKind::Cancelled, "suggest: cancelled");
            BindTarget target{request.protocol, request.family, address, std::uint16_t(port),
                              probeSharing(request.family, address)};
            ++suggestion.probes;
            if (backend.bindProbe(target).outcome != BindOutcome::Free) {
                refused = std::uint16_t(port);
                break;
            }
        }
        if (!refused) {
            suggestion.block = *candidate;
            return suggestion;
        }
        obstacles.ranges.push_back({*refused, 1});
        obstacles.ranges = merged(std::move(obstacles.ranges));
    }
    std::string message = "no block of " + std::to_string(request.count) + " " +
                          std::string(toString(request.protocol)) +
                          (request.count == 1 ? " port" : " ports") +
                          " lies outside every reservation, listener, the ports below " +
                          std::to_string(kFirstSuggestedPort);
    if (obstacles.dynamicRange)
        message += " and the dynamic range " + dynamicrange::describe(*obstacles.dynamicRange);
    if (suggestion.candidates >= kMaxCandidates)
        message += " (" + std::to_string(kMaxCandidates) +
                   " candidate blocks failed their bind "
                   "probes)";
    return Error::make(ErrorKind::Conflict, message);
}

} // namespace portolan::diagnose
