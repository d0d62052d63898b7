// SPDX-License-Identifier: GPL-3.0-or-later
// The English words of an explanation, for portolan-cli. The console has its own, translated.
#include "../dynamicrange.h"
#include "why.h"

namespace portolan::diagnose {

namespace {

std::string endpoint(const Explanation& e)
{
    const bool v6 = e.request.family == AddressFamily::IPv6;
    return std::string(toString(e.request.protocol)) + " " + (v6 ? "[" : "") + e.request.address +
           (v6 ? "]" : "") + ":" + std::to_string(e.request.port);
}

std::string codeText(const BindProbeResult& probe)
{
    if (!probe.error || probe.error->code == 0)
        return {};
    return " (" + (probe.error->name.empty() ? std::string("code") : probe.error->name) + ", " +
           std::to_string(probe.error->code) + ")";
}

std::string rangeSentence(const Explanation& e)
{
    if (!e.dynamicRange)
        return {};
    return " The " + std::string(toString(e.request.protocol)) + " dynamic range is " +
           toString(*e.dynamicRange) + (e.inDynamicRange ? ", and the port lies inside it." : ".");
}

} // namespace

std::string whatStoppingBreaks(std::string_view service)
{
    if (service == "winnat")
        return "WSL 2 port forwarding and container NAT";
    if (service == "hns")
        return "Hyper-V virtual switches, WSL 2 and container networking";
    return {};
}

std::string describeCause(const Explanation& e)
{
    const std::string where = endpoint(e);
    switch (e.cause) {
    case Cause::Free:
        return "A bind to " + where + " succeeds: nothing holds the port." + rangeSentence(e);
    case Cause::FreeInDynamicRange:
        return "A bind to " + where + " succeeds now, but the port lies inside the dynamic range " +
               toString(*e.dynamicRange) +
               ": any outgoing connection may take it, and services such as WinNAT and HNS "
               "reserve blocks from this range at boot.";
    case Cause::Reservation: {
        const ReservedBlock& block = *e.block;
        std::string text = "A bind to " + where + " is forbidden" + codeText(e.probe) + ": the " +
                           std::string(block.persistent ? "persistent" : "runtime") +
                           " reservation " + toString(block.range) + " (" +
                           std::to_string(block.range.count) + " ports) covers it";
        if (!block.owner.empty())
            text += ", held by " + block.owner;
        if (!block.ownerEvidence.empty())
            text += " (evidence: " + block.ownerEvidence + ")";
        text += ". No process listens there, so netstat shows nothing." + rangeSentence(e);
        return text;
    }
    case Cause::Listener: {
        std::string who = e.probe.holder.describe();
        if (who.empty() && e.listener && !e.listener->process.empty())
            who = e.listener->process +
                  (e.listener->pid >= 0 ? " (pid " + std::to_string(e.listener->pid) + ")" : "");
        std::string text = "A bind to " + where + " fails: the port is in use" + codeText(e.probe);
        text += who.empty() ? "; the system does not say by which process." : ": " + who;
        if (e.listener)
            text += " listens on " + e.listener->address + ":" + std::to_string(e.listener->port);
        return text + (who.empty() ? "" : ".");
    }
    case Cause::Denied: {
        std::string text = "A bind to " + where + " is refused" + codeText(e.probe) +
                           " although no reservation covers it: a socket of another account, "
                           "or an exclusive one (SO_EXCLUSIVEADDRUSE), holds the port";
        const std::string who = e.probe.holder.describe();
        if (!who.empty())
            text += " (" + who + ")";
        return text + ".";
    }
    case Cause::Other:
        break;
    }
    return "A bind to " + where + " fails" + codeText(e.probe) +
           (e.probe.error ? ": " + e.probe.error->message : std::string()) + ".";
}

std::string describeRemedy(const Explanation& e, const Remedy& remedy)
{
    const std::string port = std::to_string(e.request.port);
    switch (remedy.kind) {
    case RemedyKind::OtherPort:
        return "Use port " + std::to_string(*remedy.port) +
               " instead: the nearest port outside every reservation, listener and the "
               "dynamic range (a bind probe confirmed it).";
    case RemedyKind::PinReservation:
        if (remedy.service.empty())
            return "Pin port " + port + " with a persistent reservation (" + remedy.command + ").";
        return "Pin port " + port + " with a persistent reservation made while " + remedy.owner +
               " is stopped (" + remedy.command + ").";
    case RemedyKind::MoveDynamicRange:
        return "Move the dynamic range back to Windows' default " +
               dynamicrange::describe(remedy.range) + " (" + remedy.command + ").";
    case RemedyKind::StopService:
        return "Stop " + remedy.owner + " (" + remedy.command + ").";
    case RemedyKind::StopProcess:
        return "Stop " + (remedy.owner.empty() ? std::string("the program") : remedy.owner) +
               (remedy.pid > 0 ? " (pid " + std::to_string(remedy.pid) + ")" : std::string()) + ".";
    case RemedyKind::DeleteReservation:
        return "Delete the persistent reservation " + toString(remedy.range) + " (" +
               remedy.command + ").";
    }
    return {};
}

std::string describeCost(const Remedy& remedy)
{
    const std::string elevation = remedy.needsElevation ? " Needs an elevated administrator." : "";
    switch (remedy.kind) {
    case RemedyKind::OtherPort:
        return "Costs a change of the program's port setting; nothing on the system changes.";
    case RemedyKind::PinReservation: {
        const std::string breaks = whatStoppingBreaks(remedy.service);
        if (remedy.service.empty())
            return "The port stays reserved across reboots; no other program gets it." + elevation;
        return "Stops " + remedy.owner + " for a moment" +
               (breaks.empty() ? std::string() : ", which breaks " + breaks + " while it is down") +
               "; it is started again and takes its blocks elsewhere." + elevation;
    }
    case RemedyKind::MoveDynamicRange:
        return "Services take their blocks again at the next boot, so blocks move then; "
               "programs that expect ephemeral ports below 49152 get others." +
               elevation;
    case RemedyKind::StopService: {
        const std::string breaks = whatStoppingBreaks(remedy.service);
        return "Breaks " + (breaks.empty() ? std::string("what depends on it") : breaks) +
               " until it is started again, and it may take the port back then." + elevation;
    }
    case RemedyKind::StopProcess:
        return "Whatever that program serves stops." + elevation;
    case RemedyKind::DeleteReservation:
        return "Whoever made the reservation loses the port." + elevation;
    }
    return {};
}

} // namespace portolan::diagnose
