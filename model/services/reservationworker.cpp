// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/services/reservationworker.h"

namespace portolan {
namespace {

QString callName(const char* verb, Protocol protocol)
{
    return QStringLiteral("%1Persistent%2PortReservation")
        .arg(QLatin1String(verb),
             protocol == Protocol::Tcp ? QStringLiteral("Tcp") : QStringLiteral("Udp"));
}

// The exact request as the audit log keeps it: "CreatePersistentTcpPortReservation(5000, 20)".
QString requestText(const char* verb, Protocol protocol, PortRange range)
{
    return QStringLiteral("%1(%2, %3)")
        .arg(callName(verb, protocol))
        .arg(range.start)
        .arg(range.count);
}

} // namespace

ReservationOutcome blockOutcome(ReservationOperation operation, Protocol protocol, PortRange range)
{
    ReservationOutcome outcome;
    outcome.operation = operation;
    outcome.protocol = protocol;
    outcome.range = range;
    return outcome;
}

QString blockText(Protocol protocol, PortRange range)
{
    return Explanations::protocolName(protocol) + QLatin1Char(' ') + Explanations::rangeText(range);
}

AuditRecord callEntry(AuditAction action, const char* verb, Protocol protocol, PortRange range)
{
    AuditRecord entry;
    entry.action = action;
    entry.protocol = protocol;
    entry.start = range.start;
    entry.count = range.count;
    entry.request = requestText(verb, protocol, range);
    return entry;
}

AuditRecord rowEntry(AuditAction action, const ReservationRecord& row)
{
    AuditRecord entry;
    entry.action = action;
    entry.protocol = row.protocol;
    entry.start = row.start;
    entry.count = row.count;
    entry.token = row.token;
    return entry;
}

void refuseByPreflight(ReservationOutcome& outcome, AuditRecord& entry,
                       const PreflightReport& report)
{
    outcome.error = report.refusal();
    outcome.message = report.explanation();
    entry.request += ReservationService::tr(" — not called: refused by the pre-flight check");
    entry.ok = false;
    entry.error = outcome.error;
}

bool refuseInvalidRange(ReservationOutcome& outcome, AuditRecord& entry)
{
    if (validatePortRange(outcome.range, RangeKind::Persistent))
        return false;
    refuseByPreflight(outcome, entry,
                      Preflight::check(outcome.protocol, outcome.range, MachineSnapshot{}));
    return true;
}

QString inventoryNotUpdated(const Error& error)
{
    return QLatin1Char(' ') + ReservationService::tr("The inventory could not be updated: %1")
                                  .arg(Explanations::errorLine(error));
}

Actor ReservationService::Worker::actor() const
{
    Actor a = Actor::local(backend);
    a.host = host;
    return a;
}

QList<ReservationRecord> ReservationService::Worker::inventory(QStringList* problems)
{
    InventoryFilter filter;
    filter.host = host;
    auto rows = store.inventory().list(filter);
    if (!rows) {
        if (problems)
            problems->append(ReservationService::tr("Could not read the inventory: %1")
                                 .arg(Explanations::errorLine(rows.error())));
        return {};
    }
    return rows.value();
}

MachineSnapshot ReservationService::Worker::gather(std::optional<Protocol> protocol,
                                                   QList<ReservationRecord>* rows)
{
    QStringList problems;
    const QList<ReservationRecord> known = inventory(&problems);
    MachineSnapshot snapshot = Preflight::gather(backend, protocol, known, store.database().now());
    snapshot.problems += problems;
    if (rows)
        *rows = known;
    return snapshot;
}

qint64 ReservationService::Worker::audit(AuditRecord record, QString* problem)
{
    record.actor = actor();
    auto id = store.audit().append(record);
    if (!id) {
        if (problem)
            *problem = ReservationService::tr("The audit log could not be written: %1")
                           .arg(Explanations::errorLine(id.error()));
        return 0;
    }
    auto stored = store.audit().entry(id.value());
    if (stored) {
        AuditRecord entry = stored.value();
        post([s = service, entry] { emit s->auditRecorded(entry); });
    }
    return id.value();
}

void ReservationService::Worker::finishAudited(ReservationOutcome outcome, const AuditRecord& entry)
{
    QString problem;
    outcome.auditId = audit(entry, &problem);
    if (!problem.isEmpty())
        outcome.message += QLatin1Char(' ') + problem;
    finished(std::move(outcome));
}

std::optional<ReservationService::Worker::BlockCall>
ReservationService::Worker::beginBlockCall(ReservationOperation operation, AuditAction action,
                                           const char* verb, Protocol protocol, PortRange range)
{
    BlockCall call{blockOutcome(operation, protocol, range),
                   callEntry(action, verb, protocol, range), blockText(protocol, range)};
    if (refuseInvalidRange(call.outcome, call.entry)) {
        finishAudited(std::move(call.outcome), call.entry);
        return std::nullopt;
    }
    return call;
}

void ReservationService::Worker::refused(ReservationOutcome& outcome, AuditRecord& entry,
                                         const Error& error, QString message,
                                         const std::optional<ReservationRecord>& known)
{
    outcome.error = error;
    entry.ok = false;
    entry.error = error;
    outcome.message = std::move(message);
    if (QString why = Explanations::forError(error); !why.isEmpty())
        outcome.message += QLatin1Char(' ') + why;
    if (error.kind == ErrorKind::NotFound && known) {
        if (store.inventory().setVerified(known->id, ReservationState::Missing, 0)) {
            if (auto row = store.inventory().get(known->id)) {
                outcome.record = row.value();
                rowChanged(row.value());
            }
        }
    } else if (known) {
        outcome.record = known;
    }
}

ReservationRecord ReservationService::Worker::presentRow(Protocol protocol, PortRange range,
                                                         quint64 token, ReservationSource source)
{
    ReservationRecord record;
    record.host = host;
    record.protocol = protocol;
    record.start = range.start;
    record.count = range.count;
    record.token = token;
    record.source = source;
    record.state = ReservationState::Present;
    record.verifiedAt = store.database().now();
    return record;
}

std::optional<ReservationRecord> ReservationService::Worker::find(Protocol protocol,
                                                                  PortRange range)
{
    auto found = store.inventory().find(host, protocol, range);
    if (!found)
        return std::nullopt;
    return found.value();
}

std::optional<ReservationRecord>
ReservationService::Worker::row(qint64 rowId, ReservationOutcome& outcome, const QString& what)
{
    auto found = store.inventory().get(rowId);
    if (!found) {
        outcome.error = found.error();
        outcome.message = what.arg(Explanations::errorLine(found.error()));
        finished(outcome);
        return std::nullopt;
    }
    const ReservationRecord& record = found.value();
    outcome.protocol = record.protocol;
    outcome.range = record.range();
    return record;
}

VerificationSummary ReservationService::Worker::verify()
{
    VerificationSummary summary;
    summary.host = host;
    QList<ReservationRecord> rows = inventory(&summary.problems);
    for (const ReservationRecord& row : rows) {
        ++summary.checked;
        AuditRecord entry = callEntry(AuditAction::Lookup, "Lookup", row.protocol, row.range());
        entry.detail = ReservationService::tr("verification");
        auto found = backend.lookupPersistent(row.protocol, row.range());
        Result<void> recorded;
        if (found) {
            ++summary.present;
            if (row.token != 0 && found->token != 0 && found->token != row.token)
                ++summary.tokensChanged;
            entry.ok = true;
            entry.token = found->token;
            recorded =
                store.inventory().setVerified(row.id, ReservationState::Present, found->token);
        } else if (found.error().kind == ErrorKind::NotFound) {
            ++summary.missing;
            entry.error = found.error();
            recorded = store.inventory().setVerified(row.id, ReservationState::Missing, 0);
        } else {
            ++summary.failed;
            entry.error = found.error();
            summary.problems.append(ReservationService::tr("Could not look up %1: %2")
                                        .arg(blockText(row.protocol, row.range()),
                                             Explanations::errorLine(found.error())));
        }
        if (!recorded)
            summary.problems.append(Explanations::errorLine(recorded.error()));
        audit(entry);
        if (auto reread = store.inventory().get(row.id)) {
            summary.rows.append(reread.value());
            rowChanged(reread.value());
        } else {
            summary.rows.append(row);
        }
    }
    summary.message =
        ReservationService::tr("Verified %n reservation(s) of %1", nullptr, summary.checked)
            .arg(host) +
        ReservationService::tr(": %n present", nullptr, summary.present) +
        ReservationService::tr(", %n missing", nullptr, summary.missing) +
        ReservationService::tr(", %n new token(s)", nullptr, summary.tokensChanged) +
        (summary.failed
             ? ReservationService::tr(", %n could not be checked", nullptr, summary.failed)
             : QString()) +
        QLatin1Char('.');
    return summary;
}

} // namespace portolan
