// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/diagnose/explanationtext.h"

#include "platform/dynamicrange.h"

namespace portolan::ui {
namespace {

QString q(const std::string& text)
{
    return QString::fromStdString(text);
}

QString span(const PortRange& range)
{
    return range.count <= 1 ? QString::number(range.start)
                            : QStringLiteral("%1–%2").arg(range.start).arg(range.end());
}

QString endpoint(const diagnose::Explanation& e)
{
    const bool v6 = e.request.family == AddressFamily::IPv6;
    const QString address = q(e.request.address);
    return QStringLiteral("%1 %2:%3")
        .arg(e.request.protocol == Protocol::Tcp ? QStringLiteral("TCP") : QStringLiteral("UDP"),
             v6 ? QStringLiteral("[%1]").arg(address) : address)
        .arg(e.request.port);
}

QString codeOf(const diagnose::Explanation& e)
{
    if (!e.probe.error || e.probe.error->code == 0)
        return {};
    return QStringLiteral(" (%1, %2)").arg(q(e.probe.error->name)).arg(e.probe.error->code);
}

QString processOf(std::int64_t pid, const std::string& process)
{
    if (process.empty())
        return pid >= 0 ? ExplanationText::tr("pid %1").arg(pid) : QString();
    return pid >= 0 ? ExplanationText::tr("%1 (pid %2)").arg(q(process)).arg(pid) : q(process);
}

} // namespace

QString ExplanationText::breaks(const QString& service)
{
    if (service == QLatin1String("winnat"))
        return tr("WSL 2 port forwarding and container NAT");
    if (service == QLatin1String("hns"))
        return tr("Hyper-V virtual switches, WSL 2 and container networking");
    return {};
}

QString ExplanationText::cause(const diagnose::Explanation& e)
{
    using diagnose::Cause;
    const QString where = endpoint(e);
    switch (e.cause) {
    case Cause::Free:
        return tr("A bind to %1 succeeds: nothing holds the port.").arg(where);
    case Cause::FreeInDynamicRange:
        return tr("A bind to %1 succeeds now, but the port lies inside the dynamic range %2: any "
                  "outgoing connection may take it, and services such as WinNAT and HNS reserve "
                  "blocks from this range at boot.")
            .arg(where, span(*e.dynamicRange));
    case Cause::Reservation: {
        const ReservedBlock& block = *e.block;
        QString text = block.persistent
                           ? tr("A bind to %1 is forbidden%2: the persistent reservation %3 "
                                "covers it.")
                           : tr("A bind to %1 is forbidden%2: the runtime reservation %3 "
                                "covers it.");
        text = text.arg(where, codeOf(e), span(block.range));
        if (!block.owner.empty()) {
            text += QLatin1Char(' ');
            text += block.ownerEvidence.empty() ? tr("It is held by %1.").arg(q(block.owner))
                                                : tr("It is held by %1 (evidence: %2).")
                                                      .arg(q(block.owner), q(block.ownerEvidence));
        }
        return text + QLatin1Char(' ') + tr("No process listens there, so netstat shows nothing.");
    }
    case Cause::Listener: {
        QString who = processOf(e.probe.holder.pid, e.probe.holder.process);
        if (who.isEmpty() && e.listener)
            who = processOf(e.listener->pid, e.listener->process);
        return who.isEmpty()
                   ? tr("A bind to %1 fails%2: the port is in use; the system does not say by "
                        "which process.")
                         .arg(where, codeOf(e))
                   : tr("A bind to %1 fails%2: %3 uses the port.").arg(where, codeOf(e), who);
    }
    case Cause::Denied:
        return tr("A bind to %1 is refused%2 although no reservation covers it: a socket of "
                  "another account, or an exclusive one, holds the port.")
            .arg(where, codeOf(e));
    case Cause::Other:
        break;
    }
    return tr("A bind to %1 fails%2.").arg(where, codeOf(e));
}

QString ExplanationText::remedy(const diagnose::Explanation& e, const diagnose::Remedy& remedy)
{
    using diagnose::RemedyKind;
    const QString port = QString::number(e.request.port);
    const QString command = q(remedy.command);
    switch (remedy.kind) {
    case RemedyKind::OtherPort:
        return tr("Use port %1 instead: the nearest port outside every reservation, listener and "
                  "the dynamic range (a bind probe confirmed it).")
            .arg(*remedy.port);
    case RemedyKind::PinReservation:
        return remedy.service.empty()
                   ? tr("Pin port %1 with a persistent reservation (%2).").arg(port, command)
                   : tr("Pin port %1 with a persistent reservation made while %2 is stopped "
                        "(%3).")
                         .arg(port, q(remedy.owner), command);
    case RemedyKind::MoveDynamicRange:
        return tr("Move the dynamic range back to Windows' default %1 (%2).")
            .arg(span(remedy.range), command);
    case RemedyKind::StopService:
        return tr("Stop %1 (%2).").arg(q(remedy.owner), command);
    case RemedyKind::StopProcess:
        return tr("Stop %1.").arg(processOf(remedy.pid, remedy.owner));
    case RemedyKind::DeleteReservation:
        return tr("Delete the persistent reservation %1 (%2).").arg(span(remedy.range), command);
    }
    return {};
}

QString ExplanationText::cost(const diagnose::Remedy& remedy)
{
    using diagnose::RemedyKind;
    QString text;
    const QString breaksText = breaks(q(remedy.service));
    switch (remedy.kind) {
    case RemedyKind::OtherPort:
        text = tr("Costs a change of the program's port setting; nothing on the system changes.");
        break;
    case RemedyKind::PinReservation:
        text = remedy.service.empty()
                   ? tr("The port stays reserved across reboots; no other program gets it.")
               : breaksText.isEmpty()
                   ? tr("Stops %1 for a moment; it is started again and takes its blocks "
                        "elsewhere.")
                         .arg(q(remedy.owner))
                   : tr("Stops %1 for a moment, which breaks %2 while it is down; it is started "
                        "again and takes its blocks elsewhere.")
                         .arg(q(remedy.owner), breaksText);
        break;
    case RemedyKind::MoveDynamicRange:
        text = tr("Services take their blocks again at the next boot, so blocks move then.");
        break;
    case RemedyKind::StopService:
        text = breaksText.isEmpty()
                   ? tr("Breaks what depends on it until it is started again, and it may take "
                        "the port back then.")
                   : tr("Breaks %1 until it is started again, and it may take the port back "
                        "then.")
                         .arg(breaksText);
        break;
    case RemedyKind::StopProcess:
        text = tr("Whatever that program serves stops.");
        break;
    case RemedyKind::DeleteReservation:
        text = tr("Whoever made the reservation loses the port.");
        break;
    }
    if (remedy.needsElevation)
        text += QLatin1Char(' ') + tr("Needs an elevated administrator.");
    return text;
}

} // namespace portolan::ui
