// SPDX-License-Identifier: GPL-3.0-or-later
#include "why.h"

#include "../dynamicrange.h"
#include "suggest.h"

#include <algorithm>

namespace portolan::diagnose {

namespace {

std::string protocolWord(Protocol protocol)
{
    return std::string(toString(protocol));
}

// The listener a refused bind met: one on the port of the same family, the probed address's
// own first.
std::optional<Listener> listenerOn(const std::vector<Listener>& listeners,
                                   const WhyRequest& request)
{
    std::optional<Listener> found;
    for (const Listener& listener : listeners) {
        if (listener.protocol != request.protocol || listener.port != request.port)
            continue;
        if (listener.address == request.address && listener.family == request.family)
            return listener;
        if (!found || (listener.family == request.family && found->family != request.family))
            found = listener;
    }
    return found;
}

void addOtherPort(Explanation& e)
{
    if (e.nearestFree)
        e.remedies.push_back({.kind = RemedyKind::OtherPort, .port = e.nearestFree});
}

// A persistent reservation of this one port, made while the service holding the block is
// stopped so that it cannot take the port back.
void addPin(Explanation& e, const std::string& service, const std::string& owner)
{
    const std::string word = protocolWord(e.request.protocol);
    const std::string port = std::to_string(e.request.port);
    Remedy remedy{.kind = RemedyKind::PinReservation, .service = service, .owner = owner};
    remedy.needsElevation = true;
    remedy.command = service.empty() ? "portolan-cli create " + word + " " + port + " 1"
                                     : "portolan-cli protect " + word + " " + port +
                                           " 1 --stop-service " + service;
    e.remedies.push_back(std::move(remedy));
}

void addMoveRange(Explanation& e)
{
    Remedy remedy{.kind = RemedyKind::MoveDynamicRange, .range = dynamicrange::kWindowsDefault};
    remedy.needsElevation = true;
    remedy.command = "portolan-cli dynamic-range set " + protocolWord(e.request.protocol) + " " +
                     std::to_string(remedy.range.start) + " " + std::to_string(remedy.range.count);
    e.remedies.push_back(std::move(remedy));
}

// Whether moving the range to Windows' default takes the port out of it.
bool rangeMoveHelps(const Explanation& e)
{
    return e.inDynamicRange && !dynamicrange::kWindowsDefault.contains(e.request.port);
}

void rankRemedies(Explanation& e)
{
    switch (e.cause) {
    case Cause::Free:
        break;
    case Cause::FreeInDynamicRange:
        addPin(e, {}, {});
        if (rangeMoveHelps(e))
            addMoveRange(e);
        addOtherPort(e);
        break;
    case Cause::Reservation: {
        addOtherPort(e);
        const ReservedBlock& block = *e.block;
        if (block.persistent) {
            Remedy remedy{.kind = RemedyKind::DeleteReservation, .range = block.range};
            remedy.needsElevation = true;
            remedy.command = "portolan-cli delete " + protocolWord(block.protocol) + " " +
                             std::to_string(block.range.start) + " " +
                             std::to_string(block.range.count);
            e.remedies.push_back(std::move(remedy));
            break;
        }
        const std::string service = serviceNameOf(block.owner);
        addPin(e, service, block.owner);
        if (rangeMoveHelps(e))
            addMoveRange(e);
        if (!service.empty()) {
            Remedy remedy{
                .kind = RemedyKind::StopService, .service = service, .owner = block.owner};
            remedy.needsElevation = true;
            remedy.command = "net stop " + service;
            e.remedies.push_back(std::move(remedy));
        }
        break;
    }
    case Cause::Listener:
    case Cause::Denied: {
        addOtherPort(e);
        const Holder& holder = e.probe.holder;
        std::int64_t pid = holder.pid;
        std::string process = holder.process;
        if (e.listener && pid < 0) {
            pid = e.listener->pid;
            process = e.listener->process;
        }
        if (pid > 0 || !process.empty()) {
            Remedy remedy{.kind = RemedyKind::StopProcess, .owner = process, .pid = pid};
            remedy.command = pid > 0 ? "taskkill /PID " + std::to_string(pid) : std::string();
            remedy.needsElevation = e.cause == Cause::Denied;
            e.remedies.push_back(std::move(remedy));
        }
        break;
    }
    case Cause::Other:
        addOtherPort(e);
        break;
    }
}

} // namespace

std::string_view toString(Cause cause)
{
    switch (cause) {
    case Cause::Free:
        return "free";
    case Cause::FreeInDynamicRange:
        return "free-in-dynamic-range";
    case Cause::Reservation:
        return "reservation";
    case Cause::Listener:
        return "listener";
    case Cause::Denied:
        return "denied";
    case Cause::Other:
        break;
    }
    return "other";
}

std::string_view toString(RemedyKind kind)
{
    switch (kind) {
    case RemedyKind::OtherPort:
        return "other-port";
    case RemedyKind::PinReservation:
        return "pin";
    case RemedyKind::MoveDynamicRange:
        return "move-dynamic-range";
    case RemedyKind::StopService:
        return "stop-service";
    case RemedyKind::StopProcess:
        return "stop-process";
    case RemedyKind::DeleteReservation:
        break;
    }
    return "delete-reservation";
}

std::string serviceNameOf(std::string_view owner)
{
    if (owner.find("WinNAT") != std::string_view::npos)
        return "winnat";
    if (owner.find("Host Network Service") != std::string_view::npos ||
        owner.find("(HNS)") != std::string_view::npos)
        return "hns";
    return {};
}

Result<Explanation> explainPort(Backend& backend, const WhyRequest& request, std::stop_token stop)
{
    if (request.port == 0)
        return Error::make(ErrorKind::InvalidArgument, "port: 0 is out of range; allowed: 1-65535");
    Explanation e;
    e.request = request;
    if (e.request.address.empty())
        e.request.address = std::string(wildcardAddress(request.family));
    const std::string& address = e.request.address;
    e.probe = backend.bindProbe({request.protocol, request.family, address, request.port,
                                 probeSharing(request.family, address)});

    const Capabilities caps = backend.capabilities();
    std::vector<ReservedBlock> blocks;
    if (caps.discoverReservations || caps.persistentReservations)
        if (auto listed = backend.listReservations(request.protocol))
            blocks = std::move(listed.value());
    std::vector<Listener> listeners;
    if (caps.listeners)
        if (auto listed = backend.listeners(request.protocol))
            listeners = std::move(listed.value());
    if (caps.dynamicRange)
        if (auto range = backend.dynamicRange(request.protocol))
            e.dynamicRange = range.value();
    e.inDynamicRange = e.dynamicRange && e.dynamicRange->contains(request.port);

    const ReservedBlock* covering = blockCovering(blocks, request.protocol, request.port);
    switch (e.probe.outcome) {
    case BindOutcome::Free:
        e.cause = e.inDynamicRange ? Cause::FreeInDynamicRange : Cause::Free;
        break;
    case BindOutcome::Forbidden:
        e.cause = covering ? Cause::Reservation : Cause::Denied;
        break;
    case BindOutcome::InUse:
        e.cause = Cause::Listener;
        break;
    case BindOutcome::Denied:
        e.cause = Cause::Denied;
        break;
    case BindOutcome::Other:
        e.cause = Cause::Other;
        break;
    }
    if (covering && e.cause == Cause::Reservation)
        e.block = *covering;
    if (e.cause == Cause::Listener || e.cause == Cause::Denied)
        e.listener = listenerOn(listeners, e.request);

    if (e.cause != Cause::Free) {
        SuggestRequest nearest{.protocol = request.protocol,
                               .count = 1,
                               .near = request.port,
                               .family = request.family,
                               .address = address};
        nearest.avoid.push_back({request.port, 1});
        if (auto found = suggestBlock(backend, nearest, stop))
            e.nearestFree = found->block.start;
        else if (found.error().kind == ErrorKind::Cancelled)
            return found.error();
    }
    rankRemedies(e);
    return e;
}

} // namespace portolan::diagnose
