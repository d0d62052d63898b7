// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/services/runtext.h"

#include "model/services/explanations.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace portolan {
namespace {

QString qs(const std::string& text)
{
    return QString::fromStdString(text);
}

QString range(const PortRange& r)
{
    return Explanations::rangeText(r);
}

QString ports(quint16 first, quint16 last)
{
    return range(PortRange{first, quint16(quint32(last) - first + 1)});
}

QJsonObject parametersOf(const ProbeRunRecord& run)
{
    return QJsonDocument::fromJson(run.parameters.toUtf8()).object();
}

QString familyName(AddressFamily family)
{
    return family == AddressFamily::IPv6 ? RunText::tr("IPv6") : RunText::tr("IPv4");
}

QString typeName(SocketType type)
{
    switch (type) {
    case SocketType::Stream:
        return RunText::tr("stream");
    case SocketType::Datagram:
        return RunText::tr("datagram");
    case SocketType::Raw:
        return RunText::tr("raw");
    }
    return {};
}

// ", 5037 held by adb.exe (pid 11840)" for a failure whose holder was found.
QString heldText(const ProbeStepRecord& step)
{
    if (step.holder.isEmpty())
        return {};
    if (step.firstPort == 0)
        return RunText::tr(", held by %1").arg(step.holder);
    return RunText::tr(", %1 held by %2").arg(ports(step.firstPort, step.lastPort), step.holder);
}

QString planSummary(const ProbeRunRecord& run, const StepDigest& digest)
{
    QString text = RunText::tr("%1 %2 %3")
                       .arg(Explanations::probeKindName(run.kind),
                            Explanations::protocolName(run.protocol), range(run.requested));
    if (run.ok) {
        text += run.kind == ProbeKind::LookupAssociate
                    ? RunText::tr(": found %1").arg(range(run.granted))
                    : RunText::tr(": granted %1").arg(range(run.granted));
        if (run.token != 0)
            text += RunText::tr(", token %1").arg(Explanations::tokenText(run.token));
        if (run.allocatedPort)
            text += RunText::tr(", port %1").arg(*run.allocatedPort);
        return text;
    }
    if (!digest.firstFailure)
        return text + RunText::tr(": failed");
    const ProbeStepRecord& step = *digest.firstFailure;
    text += RunText::tr(": failed at %1").arg(Explanations::stepKindName(step.kind));
    if (step.error)
        text += RunText::tr(" (%1)").arg(RunText::codeText(*step.error));
    return text + heldText(step);
}

QString bindSummary(const ProbeRunRecord& run, const StepDigest& digest)
{
    const std::optional<ProbeStepRecord>& failure = digest.firstFailure;
    BindOutcome outcome = run.ok ? BindOutcome::Free : BindOutcome::Other;
    if (failure && failure->outcome)
        outcome = *failure->outcome;
    QString text = RunText::tr("bind %1 %2:%3: %4")
                       .arg(Explanations::protocolName(run.protocol), run.address)
                       .arg(run.requested.start)
                       .arg(Explanations::outcomeName(outcome));
    if (failure && failure->error)
        text += RunText::tr(" (%1)").arg(RunText::codeText(*failure->error));
    if (failure && !failure->holder.isEmpty())
        return text + RunText::tr(", held by %1").arg(failure->holder);
    const QJsonObject parameters = parametersOf(run);
    const QString shadow = parameters.value(QStringLiteral("shadowedBy")).toString();
    if (!shadow.isEmpty())
        text += RunText::tr(", shadowed by %1 on %2")
                    .arg(shadow, parameters.value(QStringLiteral("shadowedAddress")).toString());
    return text;
}

QString scanSummary(const ProbeRunRecord& run, const StepDigest& digest)
{
    const auto count = [&digest](BindOutcome outcome) {
        return QString::number(digest.outcomePorts[std::size_t(outcome)]);
    };
    QString text =
        RunText::tr("scan %1 %2 %3: %4 free, %5 in use, %6 denied, %7 forbidden, "
                    "%8 other")
            .arg(Explanations::protocolName(run.protocol), run.address, range(run.requested),
                 count(BindOutcome::Free), count(BindOutcome::InUse), count(BindOutcome::Denied),
                 count(BindOutcome::Forbidden), count(BindOutcome::Other));
    if (run.cancelled)
        text += RunText::tr(" (cancelled after %n port(s))", nullptr,
                            parametersOf(run).value(QStringLiteral("probed")).toInt());
    return text;
}

} // namespace

QString RunText::summary(const ProbeRunRecord& run)
{
    const StepDigest digest = run.steps.isEmpty() ? run.digest : digestOf(run.steps);
    switch (run.kind) {
    case ProbeKind::BindProbe:
        return bindSummary(run, digest);
    case ProbeKind::Scan:
        return scanSummary(run, digest);
    default:
        return planSummary(run, digest);
    }
}

QString RunText::stepDetail(const ProbeStepRecord& step, const ProbeRunRecord& run)
{
    const QString token = Explanations::tokenText(run.token);
    switch (step.kind) {
    case StepKind::OpenSocket:
        // The plan with two sockets: the first acquires the block, the second binds in it.
        if (run.kind == ProbeKind::AcquireAssociateBind)
            return step.seq == 0 ? tr("the socket that acquires") : tr("the socket that binds");
        if (run.id == 0 && run.requested.count == 0)
            break;
        return tr("%1, %2, protocol %3")
            .arg(familyName(run.spec.family), typeName(run.spec.type))
            .arg(run.spec.protocol);
    case StepKind::Acquire:
        if (!step.ok && run.requested.count != 0)
            return tr("requested %1").arg(range(run.requested)) + heldText(step);
        if (step.ok && run.granted.count != 0)
            return tr("granted %1, token %2").arg(range(run.granted), token);
        break;
    case StepKind::Lookup:
        if (!step.ok && run.requested.count != 0)
            return tr("%1 %2").arg(Explanations::protocolName(run.protocol), range(run.requested));
        if (step.ok && run.granted.count != 0)
            return tr("found block %1, token %2").arg(range(run.granted), token);
        break;
    case StepKind::Associate:
        if (run.token != 0)
            return tr("token %1").arg(token);
        break;
    case StepKind::Bind: {
        const QString address =
            run.kind == ProbeKind::LookupAssociate ? QStringLiteral("0.0.0.0") : run.address;
        if (!address.isEmpty())
            return tr("%1, port 0").arg(address) + heldText(step);
        break;
    }
    case StepKind::GetSockName:
        if (run.allocatedPort)
            return tr("allocated port %1").arg(*run.allocatedPort);
        break;
    case StepKind::Release:
        if (step.ok && run.token != 0)
            return tr("released token %1").arg(token);
        break;
    case StepKind::Close:
        return {};
    case StepKind::BindProbe: {
        const BindOutcome outcome = step.outcome.value_or(BindOutcome::Other);
        if (run.address.isEmpty())
            return tr("port %1: %2").arg(step.firstPort).arg(Explanations::outcomeName(outcome));
        return tr("%1:%2: %3")
            .arg(run.address)
            .arg(step.firstPort)
            .arg(Explanations::outcomeName(outcome));
    }
    case StepKind::ScanRun:
        return tr("%1: %2").arg(
            ports(step.firstPort, step.lastPort),
            Explanations::outcomeName(step.outcome.value_or(BindOutcome::Other)));
    }
    // A step shown before its run is known: the facts are not there yet.
    return step.detail;
}

QString RunText::auditRequest(const AuditRecord& record)
{
    // The host of the inventory row, which the request names (it may be another machine's).
    static const QRegularExpression hostPattern(QStringLiteral("\\bhost ([^\\s)]+)"));
    // An inventory removal (a Delete row that called no API), in the words of the two
    // languages the console has written it in.
    static const QRegularExpression removal(QStringLiteral("^(Remove|Remover) "));
    const QString block = tr("%1 %2").arg(Explanations::protocolName(record.protocol),
                                          range(PortRange{record.start, record.count}));
    const QRegularExpressionMatch host = hostPattern.match(record.request);
    const QString hostName = host.hasMatch() ? host.captured(1) : record.actor.host;
    if (record.action == AuditAction::Note)
        return tr("Note of %1 (host %2)").arg(block, hostName);
    if (record.action == AuditAction::Delete && removal.match(record.request).hasMatch())
        return tr("Remove %1 of host %2 from the inventory (the system is not called)")
            .arg(block, hostName);
    return record.request;
}

QString RunText::durationText(qint64 us, bool timed)
{
    if (!timed)
        return QStringLiteral("—");
    if (us < 1000)
        return tr("%1 µs").arg(us);
    if (us < 1000000)
        return tr("%1 ms").arg(QLocale().toString(double(us) / 1000.0, 'f', us < 10000 ? 2 : 1));
    return tr("%1 s").arg(QLocale().toString(double(us) / 1000000.0, 'f', 2));
}

QString RunText::codeText(const Error& error)
{
    if (!error.name.empty())
        return QStringLiteral("%1 (%2)").arg(qs(error.name)).arg(error.code);
    if (error.code != 0)
        return QString::number(error.code);
    return Explanations::kindName(error.kind);
}

} // namespace portolan
