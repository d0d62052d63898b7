// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/services/explanations.h"
#include "model/services/reservationservice.h"
#include "model/store/store.h"

#include <QMetaObject>

#include <optional>
#include <utility>

// What the service's jobs share on the worker thread (for reservationservice.cpp only).
namespace portolan {

// The outcome of an operation on one block, before the job fills in how it went.
ReservationOutcome blockOutcome(ReservationOperation operation, Protocol protocol, PortRange range);
// "TCP 5000–5019", as the messages name a block.
QString blockText(Protocol protocol, PortRange range);
// The audit entry of one system call on a block ("LookupPersistentTcpPortReservation(5000,
// 20)"); the job fills in how it went.
AuditRecord callEntry(AuditAction action, const char* verb, Protocol protocol, PortRange range);
// The audit entry of a change to an inventory row, made without a system call.
AuditRecord rowEntry(AuditAction action, const ReservationRecord& row);
// The pre-flight refused the block: the system is not called, and the audit entry says so.
void refuseByPreflight(ReservationOutcome& outcome, AuditRecord& entry,
                       const PreflightReport& report);
// Lookup and Delete match the exact block, so a range no call accepts is refused here, with
// the field named as create's pre-flight names it: the system's own answer
// (ERROR_INVALID_PARAMETER) would not say which field is wrong. True when it was refused.
bool refuseInvalidRange(ReservationOutcome& outcome, AuditRecord& entry);
// " The inventory could not be updated: ...", appended to the message of an operation whose
// system call succeeded.
QString inventoryNotUpdated(const Error& error);

// What a job needs on the worker thread, and the way back to the service's thread. Signals
// are emitted by the service itself, on its own thread, from events posted here: a service
// destroyed meanwhile simply never receives them.
struct ReservationService::Worker
{
    ReservationService* service;
    Backend& backend;
    Store& store;
    QString host;
    OperationId id;

    template <typename F> void post(F&& f)
    {
        QMetaObject::invokeMethod(service, std::forward<F>(f), Qt::QueuedConnection);
    }

    Actor actor() const;
    // The inventory of the host; a failure is appended to `problems` and gives no rows.
    QList<ReservationRecord> inventory(QStringList* problems = nullptr);
    // What the machine holds, with the inventory's rows (returned in `rows`) to name them.
    MachineSnapshot gather(std::optional<Protocol> protocol,
                           QList<ReservationRecord>* rows = nullptr);
    // Appends the entry and tells the models. Returns its id, 0 when it could not be stored.
    qint64 audit(AuditRecord record, QString* problem = nullptr);

    void rowChanged(const ReservationRecord& row)
    {
        post([s = service, row] { emit s->inventoryRowChanged(row); });
    }
    void rowRemoved(qint64 rowId)
    {
        post([s = service, rowId] { emit s->inventoryRowRemoved(rowId); });
    }
    void finished(ReservationOutcome outcome)
    {
        outcome.id = id;
        post([s = service, outcome] { emit s->operationFinished(outcome); });
    }
    void failed(ReservationOperation operation, const Error& error)
    {
        post([s = service, i = id, operation, error] {
            emit s->operationFailed(i, operation, error);
        });
    }
    // Records the entry, says in the message when that failed, and reports the outcome.
    void finishAudited(ReservationOutcome outcome, const AuditRecord& entry);

    // The start of a Lookup or Delete of the exact block: its outcome, audit entry and text.
    // Nothing when the range was refused (that is audited and reported already).
    struct BlockCall
    {
        ReservationOutcome outcome;
        AuditRecord entry;
        QString block;
    };
    std::optional<BlockCall> beginBlockCall(ReservationOperation operation, AuditAction action,
                                            const char* verb, Protocol protocol, PortRange range);
    // A lookup or delete the system refused. A known block that is not there any more is
    // marked missing, not dropped: the user sees it went away and decides.
    void refused(ReservationOutcome& outcome, AuditRecord& entry, const Error& error,
                 QString message, const std::optional<ReservationRecord>& known);

    // The inventory row of a block the system has just confirmed.
    ReservationRecord presentRow(Protocol protocol, PortRange range, quint64 token,
                                 ReservationSource source);
    std::optional<ReservationRecord> find(Protocol protocol, PortRange range);
    // The inventory row the job works on by its id; a failure is reported as the outcome,
    // with `what` ("Could not change the note: %1") naming the operation.
    std::optional<ReservationRecord> row(qint64 rowId, ReservationOutcome& outcome,
                                         const QString& what);

    VerificationSummary verify();
};

} // namespace portolan
