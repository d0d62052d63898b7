// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/store/records.h"

#include "platform/process/account.h"
#include "platform/text.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <array>
#include <utility>

namespace portolan {
namespace {

QString qs(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

// One table per enumeration: the text is what the database holds, so it never changes.
template <typename Enum, std::size_t N>
using TextTable = std::array<std::pair<Enum, const char16_t*>, N>;

constexpr TextTable<ReservationSource, 4> kSources{{
    {ReservationSource::Created, u"created"},
    {ReservationSource::LookedUp, u"looked-up"},
    {ReservationSource::Discovered, u"discovered"},
    {ReservationSource::Imported, u"imported"},
}};
constexpr TextTable<ReservationState, 3> kStates{{
    {ReservationState::Present, u"present"},
    {ReservationState::Missing, u"missing"},
    {ReservationState::Unverified, u"unverified"},
}};
constexpr TextTable<AuditAction, 6> kActions{{
    {AuditAction::Create, u"create"},
    {AuditAction::Delete, u"delete"},
    {AuditAction::Lookup, u"lookup"},
    {AuditAction::Note, u"note"},
    {AuditAction::DynamicRange, u"dynamic-range"},
    {AuditAction::Protect, u"protect"},
}};
constexpr TextTable<ProbeKind, 5> kProbeKinds{{
    {ProbeKind::AcquireRelease, u"acquire-release"},
    {ProbeKind::LookupAssociate, u"lookup-associate"},
    {ProbeKind::AcquireAssociateBind, u"acquire-associate-bind"},
    {ProbeKind::BindProbe, u"bind-probe"},
    {ProbeKind::Scan, u"scan"},
}};
constexpr TextTable<StepKind, 10> kStepKinds{{
    {StepKind::OpenSocket, u"open-socket"},
    {StepKind::Acquire, u"acquire"},
    {StepKind::Lookup, u"lookup"},
    {StepKind::Associate, u"associate"},
    {StepKind::Bind, u"bind"},
    {StepKind::GetSockName, u"getsockname"},
    {StepKind::Release, u"release"},
    {StepKind::Close, u"close"},
    {StepKind::BindProbe, u"bind-probe"},
    {StepKind::ScanRun, u"scan-run"},
}};
constexpr TextTable<BindOutcome, 5> kOutcomes{{
    {BindOutcome::Free, u"free"},
    {BindOutcome::InUse, u"in-use"},
    {BindOutcome::Denied, u"denied"},
    {BindOutcome::Forbidden, u"forbidden"},
    {BindOutcome::Other, u"other"},
}};

template <typename Enum, std::size_t N> QString textOf(const TextTable<Enum, N>& table, Enum value)
{
    for (const auto& [item, text] : table) {
        if (item == value)
            return QString::fromUtf16(text);
    }
    return {};
}

template <typename Enum, std::size_t N>
std::optional<Enum> parseText(const TextTable<Enum, N>& table, QStringView text)
{
    for (const auto& [item, name] : table) {
        if (text == QStringView(name))
            return item;
    }
    return std::nullopt;
}

QString tokenText(quint64 token)
{
    return QString::fromStdString(text::tokenHex(token));
}

QString rangeText(PortRange range)
{
    return qs(toString(range));
}

QString errorShort(const Error& error)
{
    return error.name.empty() ? qs(toString(error.kind)) : qs(error.name);
}

QString protocolText(Protocol protocol)
{
    return qs(toString(protocol));
}

// A run of one socket on an address (a bind probe or a scan), before its steps.
ProbeRunRecord socketRun(ProbeKind kind, const Actor& actor, const QDateTime& startedAt,
                         qint64 durationUs, Protocol protocol, AddressFamily family,
                         const std::string& address)
{
    ProbeRunRecord run;
    run.actor = actor;
    run.kind = kind;
    run.startedAt = startedAt;
    run.durationUs = durationUs;
    run.protocol = protocol;
    run.spec = SocketSpec::forProtocol(protocol, family);
    run.address = qs(address);
    return run;
}

// The run's parameters column: what was asked, as compact JSON.
QString parametersText(const QJsonObject& parameters)
{
    return QString::fromUtf8(QJsonDocument(parameters).toJson(QJsonDocument::Compact));
}

} // namespace

Clock systemClock()
{
    return [] { return QDateTime::currentDateTimeUtc(); };
}

Actor Actor::local(const Backend& backend)
{
    // The system's own name for the account: USER and USERNAME may be unset (a service, a
    // scheduled task, `env -i`) or say anything.
    QString user = QString::fromStdString(currentAccountName());
    if (user.isEmpty())
        user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("USERNAME");
    return Actor{qs(backend.hostName()), user, backend.isElevated()};
}

QString toText(ReservationSource source)
{
    return textOf(kSources, source);
}
QString toText(ReservationState state)
{
    return textOf(kStates, state);
}
QString toText(AuditAction action)
{
    return textOf(kActions, action);
}
QString toText(ProbeKind kind)
{
    return textOf(kProbeKinds, kind);
}
QString toText(StepKind kind)
{
    return textOf(kStepKinds, kind);
}

std::optional<ReservationSource> parseReservationSource(QStringView text)
{
    return parseText(kSources, text);
}
std::optional<ReservationState> parseReservationState(QStringView text)
{
    return parseText(kStates, text);
}
std::optional<AuditAction> parseAuditAction(QStringView text)
{
    return parseText(kActions, text);
}
std::optional<ProbeKind> parseProbeKind(QStringView text)
{
    return parseText(kProbeKinds, text);
}
std::optional<StepKind> parseStepKind(QStringView text)
{
    return parseText(kStepKinds, text);
}
std::optional<BindOutcome> parseBindOutcome(QStringView text)
{
    return parseText(kOutcomes, text);
}

StepKind toStepKind(ProbeStepKind kind)
{
    switch (kind) {
    case ProbeStepKind::OpenSocket:
        return StepKind::OpenSocket;
    case ProbeStepKind::Acquire:
        return StepKind::Acquire;
    case ProbeStepKind::Lookup:
        return StepKind::Lookup;
    case ProbeStepKind::Associate:
        return StepKind::Associate;
    case ProbeStepKind::Bind:
        return StepKind::Bind;
    case ProbeStepKind::GetSockName:
        return StepKind::GetSockName;
    case ProbeStepKind::Release:
        return StepKind::Release;
    case ProbeStepKind::Close:
        return StepKind::Close;
    }
    return StepKind::Close;
}

bool sameError(const std::optional<Error>& a, const std::optional<Error>& b)
{
    if (a.has_value() != b.has_value())
        return false;
    if (!a)
        return true;
    return a->kind == b->kind && a->code == b->code && a->name == b->name &&
           a->message == b->message;
}

bool operator==(const AuditRecord& a, const AuditRecord& b)
{
    return a.id == b.id && a.at == b.at && a.actor == b.actor && a.action == b.action &&
           a.protocol == b.protocol && a.start == b.start && a.count == b.count &&
           a.request == b.request && a.ok == b.ok && a.token == b.token && a.detail == b.detail &&
           sameError(a.error, b.error);
}

bool operator==(const ProbeStepRecord& a, const ProbeStepRecord& b)
{
    return a.seq == b.seq && a.kind == b.kind && a.ok == b.ok && a.durationUs == b.durationUs &&
           a.detail == b.detail && sameError(a.error, b.error) && a.firstPort == b.firstPort &&
           a.lastPort == b.lastPort && a.outcome == b.outcome && a.holder == b.holder;
}

bool operator==(const ProbeRunRecord& a, const ProbeRunRecord& b)
{
    return a.id == b.id && a.actor == b.actor && a.kind == b.kind && a.startedAt == b.startedAt &&
           a.durationUs == b.durationUs && a.protocol == b.protocol && a.spec == b.spec &&
           a.address == b.address && a.requested == b.requested && a.granted == b.granted &&
           a.token == b.token && a.allocatedPort == b.allocatedPort && a.ok == b.ok &&
           a.cancelled == b.cancelled && a.summary == b.summary && a.parameters == b.parameters &&
           a.stepCount == b.stepCount && a.steps == b.steps;
}

StepDigest digestOf(const QList<ProbeStepRecord>& steps)
{
    StepDigest digest;
    for (const ProbeStepRecord& step : steps) {
        if (!step.ok && !digest.firstFailure)
            digest.firstFailure = step;
        if (step.outcome)
            digest.outcomePorts[std::size_t(*step.outcome)] +=
                quint32(step.lastPort) - step.firstPort + 1;
    }
    return digest;
}

ProbeRunRecord probeRunFromReport(const ProbeReport& report, const Actor& actor,
                                  const QDateTime& startedAt)
{
    ProbeRunRecord run;
    run.actor = actor;
    run.kind = parseProbeKind(qs(report.plan)).value_or(ProbeKind::AcquireRelease);
    run.startedAt = startedAt;
    run.protocol = report.spec.transport().value_or(Protocol::Tcp);
    run.spec = report.spec;
    run.requested = report.requested;
    run.granted = report.granted;
    run.token = report.token;
    run.allocatedPort = report.allocatedPort;
    run.ok = report.ok;
    for (const ProbeStep& step : report.steps) {
        ProbeStepRecord record;
        record.seq = int(run.steps.size());
        record.kind = toStepKind(step.kind);
        record.ok = step.ok;
        record.durationUs = step.duration.count();
        record.detail = qs(step.detail);
        record.error = step.error;
        run.durationUs += record.durationUs;
        run.steps.append(std::move(record));
    }
    run.stepCount = int(run.steps.size());

    QString summary =
        QStringLiteral("%1 %2 %3")
            .arg(qs(report.plan), protocolText(run.protocol), rangeText(report.requested));
    if (report.ok) {
        summary += QStringLiteral(": granted %1").arg(rangeText(report.granted));
        if (report.token != kNoToken)
            summary += QStringLiteral(", token %1").arg(tokenText(report.token));
        if (report.allocatedPort)
            summary += QStringLiteral(", port %1").arg(*report.allocatedPort);
    } else {
        for (const ProbeStep& step : report.steps) {
            if (!step.ok) {
                summary += QStringLiteral(": failed at %1").arg(qs(toString(step.kind)));
                if (step.error)
                    summary += QStringLiteral(" (%1)").arg(errorShort(*step.error));
                break;
            }
        }
    }
    run.summary = summary;
    QJsonObject parameters{{QStringLiteral("plan"), qs(report.plan)},
                           {QStringLiteral("family"), qs(toString(report.spec.family))},
                           {QStringLiteral("type"), qs(toString(report.spec.type))},
                           {QStringLiteral("protocol"), report.spec.protocol},
                           {QStringLiteral("start"), report.requested.start},
                           {QStringLiteral("count"), report.requested.count}};
    run.parameters = parametersText(parameters);
    run.digest = digestOf(run.steps);
    return run;
}

ProbeRunRecord probeRunFromBindProbe(const BindTarget& target, const BindProbeResult& result,
                                     const Actor& actor, const QDateTime& startedAt,
                                     qint64 durationUs)
{
    ProbeRunRecord run = socketRun(ProbeKind::BindProbe, actor, startedAt, durationUs,
                                   target.protocol, target.family, target.address);
    run.requested = PortRange{target.port, 1};
    run.ok = result.outcome == BindOutcome::Free;
    if (run.ok)
        run.allocatedPort = result.boundPort;

    ProbeStepRecord step;
    step.kind = StepKind::BindProbe;
    step.ok = run.ok;
    step.durationUs = durationUs;
    step.error = result.error;
    step.firstPort = step.lastPort = run.ok ? result.boundPort : target.port;
    step.outcome = result.outcome;
    step.holder = qs(result.holder.describe());
    step.detail = QStringLiteral("%1:%2 %3")
                      .arg(run.address)
                      .arg(step.firstPort)
                      .arg(qs(toString(result.outcome)));
    run.steps.append(step);
    run.stepCount = 1;

    run.summary = QStringLiteral("bind %1 %2:%3: %4")
                      .arg(protocolText(target.protocol), run.address)
                      .arg(target.port)
                      .arg(qs(toString(result.outcome)));
    if (result.error)
        run.summary += QStringLiteral(" (%1)").arg(errorShort(*result.error));
    if (!result.holder.empty())
        run.summary += QStringLiteral(", held by %1").arg(step.holder);
    else if (!result.shadowedBy.empty())
        run.summary += QStringLiteral(", shadowed by %1 on %2")
                           .arg(qs(result.shadowedBy.describe()), qs(result.shadowedBy.address));
    QJsonObject parameters{{QStringLiteral("family"), qs(toString(target.family))},
                           {QStringLiteral("address"), run.address},
                           {QStringLiteral("port"), target.port}};
    if (!result.shadowedBy.empty()) {
        parameters.insert(QStringLiteral("shadowedBy"), qs(result.shadowedBy.describe()));
        parameters.insert(QStringLiteral("shadowedAddress"), qs(result.shadowedBy.address));
    }
    run.parameters = parametersText(parameters);
    run.digest = digestOf(run.steps);
    return run;
}

ProbeRunRecord probeRunFromScan(const ScanResult& scan, const Actor& actor,
                                const QDateTime& startedAt, qint64 durationUs)
{
    const ScanRequest& request = scan.request;
    ProbeRunRecord run = socketRun(ProbeKind::Scan, actor, startedAt, durationUs, request.protocol,
                                   request.family, request.address);
    run.requested = PortRange{request.first, quint16(request.last - request.first + 1)};
    run.cancelled = scan.cancelled;
    run.ok = !scan.cancelled;

    std::array<quint32, 5> ports{}; // per BindOutcome
    for (const ScanRun& part : scan.runs) {
        ProbeStepRecord step;
        step.seq = int(run.steps.size());
        step.kind = StepKind::ScanRun;
        step.ok = part.outcome == BindOutcome::Free;
        step.firstPort = part.first;
        step.lastPort = part.last;
        step.outcome = part.outcome;
        step.holder = qs(part.holder.describe());
        if (part.code != 0 || !part.codeName.empty()) {
            const bool access =
                part.outcome == BindOutcome::Forbidden || part.outcome == BindOutcome::Denied;
            const ErrorKind kind = part.outcome == BindOutcome::InUse ? ErrorKind::Conflict
                                   : access                           ? ErrorKind::AccessDenied
                                                                      : ErrorKind::Unavailable;
            step.error = Error{kind, part.code, part.codeName, {}};
        }
        step.detail = QStringLiteral("%1-%2 %3")
                          .arg(part.first)
                          .arg(part.last)
                          .arg(qs(toString(part.outcome)));
        ports[std::size_t(part.outcome)] += quint32(part.last) - part.first + 1;
        run.steps.append(std::move(step));
    }
    run.stepCount = int(run.steps.size());
    run.summary = QStringLiteral("scan %1 %2 %3-%4: %5 free, %6 in use, %7 denied, %8 forbidden, "
                                 "%9 other")
                      .arg(protocolText(request.protocol), run.address)
                      .arg(request.first)
                      .arg(request.last)
                      .arg(ports[std::size_t(BindOutcome::Free)])
                      .arg(ports[std::size_t(BindOutcome::InUse)])
                      .arg(ports[std::size_t(BindOutcome::Denied)])
                      .arg(ports[std::size_t(BindOutcome::Forbidden)])
                      .arg(ports[std::size_t(BindOutcome::Other)]);
    if (scan.cancelled)
        run.summary += QStringLiteral(" (cancelled after %1 ports)").arg(scan.probed);
    QJsonObject parameters{{QStringLiteral("family"), qs(toString(request.family))},
                           {QStringLiteral("address"), run.address},
                           {QStringLiteral("first"), request.first},
                           {QStringLiteral("last"), request.last},
                           {QStringLiteral("threads"), qint64(request.threads)},
                           {QStringLiteral("probed"), qint64(scan.probed)}};
    run.parameters = parametersText(parameters);
    run.digest = digestOf(run.steps);
    return run;
}

} // namespace portolan
