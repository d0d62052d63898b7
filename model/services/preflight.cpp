// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/services/preflight.h"

#include "model/services/explanations.h"

#include <algorithm>
#include <set>
#include <utility>

namespace portolan {
namespace {

QString qs(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

QString blockText(Protocol protocol, PortRange range)
{
    return Explanations::protocolName(protocol) + QLatin1Char(' ') + Explanations::rangeText(range);
}

} // namespace

QString toText(FindingKind kind)
{
    switch (kind) {
    case FindingKind::InvalidRange:
        return QStringLiteral("invalid-range");
    case FindingKind::OverlapKnownReservation:
        return QStringLiteral("overlap");
    case FindingKind::ListenerInBlock:
        return QStringLiteral("listener");
    case FindingKind::InsideDynamicRange:
        return QStringLiteral("dynamic-range");
    case FindingKind::NeedsElevation:
        return QStringLiteral("elevation");
    }
    return {};
}

bool PreflightReport::blocked() const
{
    return std::any_of(findings.begin(), findings.end(),
                       [](const PreflightFinding& f) { return f.severity == Severity::Blocking; });
}

bool PreflightReport::has(FindingKind kind) const
{
    return std::any_of(findings.begin(), findings.end(),
                       [kind](const PreflightFinding& f) { return f.kind == kind; });
}

QList<PreflightFinding> PreflightReport::blocking() const
{
    QList<PreflightFinding> result;
    for (const PreflightFinding& f : findings) {
        if (f.severity == Severity::Blocking)
            result.append(f);
    }
    return result;
}

QList<PreflightFinding> PreflightReport::warnings() const
{
    QList<PreflightFinding> result;
    for (const PreflightFinding& f : findings) {
        if (f.severity == Severity::Warning)
            result.append(f);
    }
    return result;
}

QString PreflightReport::explanation() const
{
    QStringList texts;
    for (const PreflightFinding& f : findings) {
        if (f.severity == Severity::Blocking)
            texts.append(f.text);
    }
    if (texts.isEmpty())
        return {};
    return Preflight::tr("Refused before calling the system: %1").arg(texts.join(QLatin1Char(' ')));
}

std::optional<Error> PreflightReport::refusal() const
{
    if (!blocked())
        return std::nullopt;
    const bool invalid = has(FindingKind::InvalidRange);
    return Error{invalid ? ErrorKind::InvalidArgument : ErrorKind::Conflict,
                 0,
                 {},
                 explanation().toStdString()};
}

PreflightReport Preflight::check(Protocol protocol, PortRange range,
                                 const MachineSnapshot& snapshot)
{
    PreflightReport report;
    report.protocol = protocol;
    report.range = range;
    report.problems = snapshot.problems;
    const QString block = blockText(protocol, range);

    // A bad range makes every other check meaningless: name the field and stop.
    if (Result<void> valid = validatePortRange(range, RangeKind::Persistent); !valid) {
        PreflightFinding finding;
        finding.kind = FindingKind::InvalidRange;
        finding.severity = Severity::Blocking;
        const std::string& message = valid.error().message;
        finding.field = qs(message.substr(0, message.find(':')));
        if (finding.field == QLatin1String("start"))
            finding.text =
                tr("The start port must be between 1 and 65535 (it is %1).").arg(range.start);
        else if (finding.field == QLatin1String("count"))
            finding.text =
                tr("The number of ports must be at least 1 (it is %1).").arg(range.count);
        else
            finding.text = tr("The block %1–%2 runs past port 65535: at most %3 ports fit from "
                              "port %4.")
                               .arg(range.start)
                               .arg(std::uint32_t(range.start) + range.count - 1)
                               .arg(65536 - std::uint32_t(range.start))
                               .arg(range.start);
        report.findings.append(finding);
        return report;
    }

    // Reservations: the discovered blocks first (they are what the system has now), then the
    // inventory rows the discovery did not show (a backend that cannot discover, or a row
    // not yet verified). One finding per reservation.
    QList<PreflightFinding> blocking;
    std::set<std::pair<quint16, quint16>> reported;
    for (const ReservedBlock& known : snapshot.blocks) {
        if (known.protocol != protocol || !known.range.overlaps(range))
            continue;
        PreflightFinding finding;
        finding.kind = FindingKind::OverlapKnownReservation;
        finding.block = known;
        for (const ReservationRecord& row : snapshot.inventory) {
            if (row.protocol == protocol && row.range() == known.range)
                finding.inventoryId = row.id;
        }
        const QString other = Explanations::rangeText(known.range);
        if (known.persistent) {
            finding.text =
                known.range == range
                    ? tr("%1 is already reserved: a persistent reservation of exactly this block "
                         "exists.")
                          .arg(block)
                    : tr("%1 overlaps the persistent reservation %2.").arg(block, other);
        } else {
            const QString owner = known.owner.empty() ? tr("an unknown service") : qs(known.owner);
            finding.text = tr("%1 overlaps the runtime reservation %2 held by %3; such blocks "
                              "usually move after a restart of that service.")
                               .arg(block, other, owner);
        }
        reported.insert({known.range.start, known.range.count});
        blocking.append(finding);
    }
    for (const ReservationRecord& row : snapshot.inventory) {
        if (row.protocol != protocol || !row.range().overlaps(range) ||
            row.state == ReservationState::Missing || reported.count({row.start, row.count}) != 0)
            continue;
        PreflightFinding finding;
        finding.kind = FindingKind::OverlapKnownReservation;
        finding.inventoryId = row.id;
        const QString note = row.note.isEmpty() ? QString() : tr(" (“%1”)").arg(row.note);
        finding.text =
            row.range() == range
                ? tr("%1 is already reserved: the inventory has this block%2.").arg(block, note)
                : tr("%1 overlaps the reservation %2 in the inventory%3.")
                      .arg(block, Explanations::rangeText(row.range()), note);
        reported.insert({row.start, row.count});
        blocking.append(finding);
    }

    // Listeners: one finding per (port, process), not per address family.
    std::set<std::pair<quint16, qint64>> listenersSeen;
    for (const Listener& listener : snapshot.listeners) {
        if (listener.protocol != protocol || !range.contains(listener.port))
            continue;
        if (!listenersSeen.insert({listener.port, listener.pid}).second)
            continue;
        PreflightFinding finding;
        finding.kind = FindingKind::ListenerInBlock;
        finding.listener = listener;
        const QString process =
            listener.process.empty() ? tr("an unknown process") : qs(listener.process);
        const QString pid = listener.pid >= 0 ? tr(" (pid %1)").arg(listener.pid) : QString();
        finding.text = tr("%1%2 is listening on port %3 (%4), inside the block: the system would "
                          "refuse it because the port is in use.")
                           .arg(process, pid)
                           .arg(listener.port)
                           .arg(qs(listener.address));
        blocking.append(finding);
    }
    for (PreflightFinding& finding : blocking) {
        finding.severity = Severity::Blocking;
        report.findings.append(finding);
    }

    if (std::optional<PortRange> dynamic = snapshot.dynamicRange(protocol);
        dynamic && dynamic->overlaps(range)) {
        PreflightFinding finding;
        finding.kind = FindingKind::InsideDynamicRange;
        finding.severity = Severity::Warning;
        finding.dynamicRange = dynamic;
        finding.text = tr("%1 lies inside the dynamic port range %2: Windows hands these ports "
                          "out to outgoing connections, so one may be taken when the "
                          "reservation is made, and fewer remain for outgoing connections.")
                           .arg(block, Explanations::rangeText(*dynamic));
        report.findings.append(finding);
    }

    if (!snapshot.elevated) {
        PreflightFinding finding;
        finding.kind = FindingKind::NeedsElevation;
        finding.severity = Severity::Warning;
        finding.text = tr("The console is not running elevated: the system will refuse to "
                          "create the reservation (ERROR_ACCESS_DENIED). Restart it as an "
                          "administrator.");
        report.findings.append(finding);
    }
    return report;
}

MachineSnapshot Preflight::gather(Backend& backend, std::optional<Protocol> protocol,
                                  QList<ReservationRecord> inventory, const QDateTime& now)
{
    MachineSnapshot snapshot;
    snapshot.host = QString::fromStdString(backend.hostName());
    snapshot.elevated = backend.isElevated();
    snapshot.protocol = protocol;
    snapshot.inventory = std::move(inventory);
    snapshot.takenAt = now;
    const Capabilities caps = backend.capabilities();

    auto problem = [&snapshot](const QString& what, const Error& error) {
        snapshot.problems.append(tr("%1: %2").arg(what, Explanations::errorLine(error)));
    };

    if (caps.discoverReservations) {
        auto blocks = backend.listReservations(protocol);
        if (blocks)
            snapshot.blocks = std::move(blocks).value();
        else {
            problem(tr("Could not list the reservations"), blocks.error());
            snapshot.listingError = blocks.error();
        }
    }
    if (caps.listeners) {
        auto listeners = backend.listeners(protocol);
        if (listeners)
            snapshot.listeners = std::move(listeners).value();
        else
            problem(tr("Could not list the listening sockets"), listeners.error());
    }
    if (caps.dynamicRange) {
        for (Protocol p : {Protocol::Tcp, Protocol::Udp}) {
            if (protocol && *protocol != p)
                continue;
            auto range = backend.dynamicRange(p);
            if (!range) {
                problem(tr("Could not read the %1 dynamic port range")
                            .arg(Explanations::protocolName(p)),
                        range.error());
                continue;
            }
            (p == Protocol::Tcp ? snapshot.tcpDynamicRange : snapshot.udpDynamicRange) =
                range.value();
        }
    }
    return snapshot;
}

} // namespace portolan
