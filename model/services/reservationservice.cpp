// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/services/reservationservice.h"

#include "model/services/lastscans.h"
#include "model/services/reservationworker.h"

#include "model/fleet/snapshotimport.h"

#include "platform/nativecodes.h"

#include <QCoreApplication>
#include <QThreadPool>

#include <algorithm>
#include <utility>

namespace portolan {

QString toText(ReservationOperation operation)
{
    switch (operation) {
    case ReservationOperation::Preflight:
        return QStringLiteral("preflight");
    case ReservationOperation::Create:
        return QStringLiteral("create");
    case ReservationOperation::Lookup:
        return QStringLiteral("lookup");
    case ReservationOperation::Delete:
        return QStringLiteral("delete");
    case ReservationOperation::Forget:
        return QStringLiteral("forget");
    case ReservationOperation::Note:
        return QStringLiteral("note");
    case ReservationOperation::Discover:
        return QStringLiteral("discover");
    case ReservationOperation::Verify:
        return QStringLiteral("verify");
    case ReservationOperation::CheckBoot:
        return QStringLiteral("check-boot");
    case ReservationOperation::Snapshot:
        return QStringLiteral("snapshot");
    case ReservationOperation::ReadSystem:
        return QStringLiteral("read-system");
    case ReservationOperation::ReadLastScans:
        return QStringLiteral("read-last-scans");
    case ReservationOperation::RecordBoot:
        return QStringLiteral("record-boot");
    }
    return {};
}

ReservationService::ReservationService(std::shared_ptr<Backend> backend, Store& store,
                                       QObject* parent)
    : QObject(parent), m_backend(std::move(backend)), m_store(store),
      m_host(QString::fromStdString(m_backend->hostName())), m_pool(new QThreadPool(this))
{
    // One operation at a time, in order: a create's pre-flight and its call see no other
    // change made through this service in between.
    m_pool->setMaxThreadCount(1);
}

ReservationService::~ReservationService()
{
    m_pool->clear();
    m_backend->beginShutdown();
    m_pool->waitForDone();
}

OperationId ReservationService::enqueue(ReservationOperation operation,
                                        std::function<void(Worker&)> job)
{
    const OperationId id = m_nextId++;
    if (m_pending++ == 0)
        emit busyChanged(true);
    auto worker = std::make_shared<Worker>(Worker{this, *m_backend, m_store, m_host, id});
    std::shared_ptr<Backend> keep = m_backend;
    m_pool->start([worker, keep, operation, job = std::move(job)] {
        worker->post([s = worker->service, id = worker->id, operation] {
            emit s->operationStarted(id, operation);
        });
        job(*worker);
        worker->post([s = worker->service] { s->finishOne(); });
    });
    return id;
}

void ReservationService::finishOne()
{
    if (--m_pending == 0)
        emit busyChanged(false);
}

OperationId ReservationService::preflight(Protocol protocol, PortRange range)
{
    return enqueue(ReservationOperation::Preflight, [protocol, range](Worker& w) {
        const PreflightReport report = Preflight::check(protocol, range, w.gather(protocol));
        w.post([s = w.service, id = w.id, report] { emit s->preflightFinished(id, report); });
    });
}

OperationId ReservationService::create(Protocol protocol, PortRange range, const QString& note)
{
    return enqueue(ReservationOperation::Create, [protocol, range, note](Worker& w) {
        ReservationOutcome outcome = blockOutcome(ReservationOperation::Create, protocol, range);
        const QString block = blockText(protocol, range);

        const PreflightReport report = Preflight::check(protocol, range, w.gather(protocol));
        outcome.preflight = report;
        w.post([s = w.service, id = w.id, report] { emit s->preflightFinished(id, report); });

        AuditRecord entry = callEntry(AuditAction::Create, "Create", protocol, range);

        if (report.blocked()) {
            // The system is not called: what it would answer (ERROR_SHARING_VIOLATION) says
            // less than what the pre-flight found.
            outcome.refusedByPreflight = true;
            refuseByPreflight(outcome, entry, report);
            w.finishAudited(std::move(outcome), entry);
            return;
        }

        auto created = w.backend.createPersistent(protocol, range);
        if (!created) {
            const Error& error = created.error();
            outcome.error = error;
            QString why = Explanations::forError(error, std::nullopt);
            if (error.code == native::kErrorSharingViolation)
                why = tr("A port of the block is in use, or the block is already reserved: "
                         "Windows does not say which, and the pre-flight check saw neither "
                         "(a listener it cannot see, or a reservation made meanwhile).");
            outcome.message =
                tr("Could not reserve %1: %2").arg(block, Explanations::errorLine(error));
            if (!why.isEmpty())
                outcome.message += QLatin1Char(' ') + why;
            entry.ok = false;
            entry.error = error;
            w.finishAudited(std::move(outcome), entry);
            return;
        }

        // The reservation exists: inventory row and audit entry in one transaction.
        outcome.ok = true;
        outcome.token = created->token;
        entry.ok = true;
        entry.token = created->token;
        ReservationRecord record =
            w.presentRow(protocol, range, created->token, ReservationSource::Created);
        record.note = note;
        auto transaction =
            Transaction::begin(w.store.database(), tr("Could not record the new reservation"));
        Result<ReservationRecord> stored = transaction
                                               ? w.store.inventory().upsert(record)
                                               : Result<ReservationRecord>(transaction.error());
        Result<void> committed;
        if (stored) {
            // Appended inside the transaction; its signal is posted only after the commit.
            entry.actor = w.actor();
            auto auditId = w.store.audit().append(entry);
            if (auditId) {
                outcome.auditId = auditId.value();
                committed = transaction->commit();
            } else {
                committed = auditId.error();
            }
        }
        if (!stored || !committed) {
            const Error error = !stored ? stored.error() : committed.error();
            if (transaction)
                transaction->rollback();
            outcome.auditId = 0;
            outcome.error = error;
            outcome.message = tr("Reserved %1 (token %2), but the inventory could not be "
                                 "updated: %3. Look it up again to record it.")
                                  .arg(block, Explanations::tokenText(created->token),
                                       Explanations::errorLine(error));
            w.finished(outcome);
            return;
        }
        if (auto audited = w.store.audit().entry(outcome.auditId)) {
            AuditRecord a = audited.value();
            w.post([s = w.service, a] { emit s->auditRecorded(a); });
        }
        outcome.record = stored.value();
        w.rowChanged(stored.value());
        outcome.message =
            tr("Reserved %1 (token %2).").arg(block, Explanations::tokenText(created->token));
        w.finished(outcome);
    });
}

OperationId ReservationService::lookup(Protocol protocol, PortRange range, const QString& note)
{
    return enqueue(ReservationOperation::Lookup, [protocol, range, note](Worker& w) {
        auto call = w.beginBlockCall(ReservationOperation::Lookup, AuditAction::Lookup, "Lookup",
                                     protocol, range);
        if (!call)
            return;
        auto& [outcome, entry, block] = *call;

        auto found = w.backend.lookupPersistent(protocol, range);
        const std::optional<ReservationRecord> known = w.find(protocol, range);
        if (found) {
            outcome.ok = true;
            outcome.token = found->token;
            entry.ok = true;
            entry.token = found->token;
            // The source is kept when the row exists.
            ReservationRecord record =
                w.presentRow(protocol, range, found->token, ReservationSource::LookedUp);
            record.note = note;
            auto stored = w.store.inventory().upsert(record);
            outcome.message =
                tr("%1 is reserved (token %2).").arg(block, Explanations::tokenText(found->token));
            if (stored) {
                outcome.record = stored.value();
                w.rowChanged(stored.value());
            } else {
                outcome.error = stored.error();
                outcome.message += inventoryNotUpdated(stored.error());
            }
        } else {
            const Error& error = found.error();
            w.refused(outcome, entry, error,
                      tr("Could not look up %1: %2").arg(block, Explanations::errorLine(error)),
                      known);
        }
        w.finishAudited(std::move(outcome), entry);
    });
}

OperationId ReservationService::remove(Protocol protocol, PortRange range)
{
    return enqueue(ReservationOperation::Delete, [protocol, range](Worker& w) {
        auto call = w.beginBlockCall(ReservationOperation::Delete, AuditAction::Delete, "Delete",
                                     protocol, range);
        if (!call)
            return;
        auto& [outcome, entry, block] = *call;

        auto deleted = w.backend.deletePersistent(protocol, range);
        const std::optional<ReservationRecord> known = w.find(protocol, range);
        if (deleted) {
            outcome.ok = true;
            entry.ok = true;
            if (known) {
                entry.token = known->token;
                if (auto removed = w.store.inventory().remove(known->id); removed) {
                    outcome.removedId = known->id;
                    w.rowRemoved(known->id);
                } else {
                    outcome.error = removed.error();
                }
            }
            outcome.message = tr("Deleted the reservation %1.").arg(block);
            if (outcome.error)
                outcome.message += inventoryNotUpdated(*outcome.error);
        } else {
            // Already gone: the row stays, marked missing, until the user forgets it.
            const Error& error = deleted.error();
            w.refused(outcome, entry, error,
                      tr("Could not delete %1: %2").arg(block, Explanations::errorLine(error)),
                      known);
        }
        w.finishAudited(std::move(outcome), entry);
    });
}

OperationId ReservationService::forget(qint64 inventoryId)
{
    return enqueue(ReservationOperation::Forget, [inventoryId](Worker& w) {
        ReservationOutcome outcome;
        outcome.operation = ReservationOperation::Forget;
        const QString failure = tr("Could not remove the inventory row: %1");
        const std::optional<ReservationRecord> row = w.row(inventoryId, outcome, failure);
        if (!row)
            return;
        const ReservationRecord& record = *row;
        outcome.record = record;
        AuditRecord entry = rowEntry(AuditAction::Delete, record);
        entry.request = tr("Remove %1 of host %2 from the inventory (the system is not called)")
                            .arg(blockText(record.protocol, record.range()), record.host);
        auto removed = w.store.inventory().remove(inventoryId);
        entry.ok = removed.ok();
        if (!removed) {
            entry.error = removed.error();
            outcome.error = removed.error();
            outcome.message = failure.arg(Explanations::errorLine(removed.error()));
        } else {
            outcome.ok = true;
            outcome.removedId = inventoryId;
            outcome.record.reset();
            outcome.message = tr("Removed %1 of host %2 from the inventory.")
                                  .arg(blockText(record.protocol, record.range()), record.host);
            w.rowRemoved(inventoryId);
        }
        w.finishAudited(std::move(outcome), entry);
    });
}

OperationId ReservationService::setNote(qint64 inventoryId, const QString& note)
{
    return enqueue(ReservationOperation::Note, [inventoryId, note](Worker& w) {
        ReservationOutcome outcome;
        outcome.operation = ReservationOperation::Note;
        const QString failure = tr("Could not change the note: %1");
        const std::optional<ReservationRecord> row = w.row(inventoryId, outcome, failure);
        if (!row)
            return;
        const ReservationRecord& before = *row;
        AuditRecord entry = rowEntry(AuditAction::Note, before);
        // Stored in English for the search; the history words it anew (RunText::auditRequest).
        entry.request = QStringLiteral("Note of %1 (host %2)")
                            .arg(blockText(before.protocol, before.range()), before.host);
        entry.detail = tr("“%1” → “%2”").arg(before.note, note);
        auto changed = w.store.inventory().setNote(inventoryId, note);
        entry.ok = changed.ok();
        if (!changed) {
            entry.error = changed.error();
            outcome.error = changed.error();
            outcome.record = before;
            outcome.message = failure.arg(Explanations::errorLine(changed.error()));
        } else {
            outcome.ok = true;
            ReservationRecord after = before;
            after.note = note;
            if (auto reread = w.store.inventory().get(inventoryId))
                after = reread.value();
            outcome.record = after;
            w.rowChanged(after);
            outcome.message =
                tr("Changed the note of %1.").arg(blockText(before.protocol, before.range()));
        }
        w.finishAudited(std::move(outcome), entry);
    });
}

OperationId ReservationService::discover(DiscoverWhen when)
{
    return enqueue(ReservationOperation::Discover, [when](Worker& w) {
        if (!w.backend.capabilities().discoverReservations) {
            if (when == DiscoverWhen::Always)
                w.failed(
                    ReservationOperation::Discover,
                    Error::make(ErrorKind::Unsupported,
                                tr("This backend cannot discover reservations.").toStdString()));
            return;
        }
        DiscoverySummary summary;
        QList<ReservationRecord> rows;
        summary.snapshot = w.gather(std::nullopt, &rows);
        // A discovery that could not list is a failed one (a timeout, access denied), not
        // "found 0": the user must see why.
        if (summary.snapshot.listingError) {
            w.failed(ReservationOperation::Discover, *summary.snapshot.listingError);
            return;
        }
        auto transaction = Transaction::begin(w.store.database(),
                                              tr("Could not record the discovered reservations"));
        if (!transaction) {
            w.failed(ReservationOperation::Discover, transaction.error());
            return;
        }
        QList<ReservationRecord> changed;
        for (const ReservedBlock& block : summary.snapshot.blocks) {
            if (!block.persistent)
                continue; // runtime blocks belong to services and move at every boot
            const bool known =
                std::any_of(rows.begin(), rows.end(), [&](const ReservationRecord& r) {
                    return r.protocol == block.protocol && r.range() == block.range;
                });
            const ReservationRecord record = w.presentRow(block.protocol, block.range, block.token,
                                                          ReservationSource::Discovered);
            auto stored = w.store.inventory().upsert(record);
            if (!stored) {
                w.failed(ReservationOperation::Discover, stored.error());
                return; // rolled back: nothing recorded
            }
            changed.append(stored.value());
            (known ? summary.updated : summary.added)++;
        }
        if (auto committed = transaction->commit(); !committed) {
            w.failed(ReservationOperation::Discover, committed.error());
            return;
        }
        for (const ReservationRecord& row : changed)
            w.rowChanged(row);
        summary.rows = changed;
        int runtime = 0;
        for (const ReservedBlock& block : summary.snapshot.blocks)
            runtime += block.persistent ? 0 : 1;
        summary.message = tr("Found %n persistent reservation(s)", nullptr, int(changed.size())) +
                          tr(" (%n new)", nullptr, summary.added) +
                          tr(" and %n runtime reservation(s) held by services.", nullptr, runtime);
        w.post([s = w.service, id = w.id, summary] { emit s->discoveryFinished(id, summary); });
    });
}

OperationId ReservationService::verifyAll()
{
    return enqueue(ReservationOperation::Verify, [](Worker& w) {
        VerificationSummary summary = w.verify();
        w.post([s = w.service, id = w.id, summary] { emit s->verificationFinished(id, summary); });
    });
}

OperationId ReservationService::checkBoot()
{
    return enqueue(ReservationOperation::CheckBoot, [](Worker& w) {
        auto bootTime = w.backend.bootTime();
        if (!bootTime) {
            w.failed(ReservationOperation::CheckBoot, bootTime.error());
            return;
        }
        auto check = w.store.boots().observe(w.host, bootTime.value());
        if (!check) {
            w.failed(ReservationOperation::CheckBoot, check.error());
            return;
        }
        const BootCheck result = check.value();
        if (result.newBoot) {
            for (const ReservationRecord& row : w.inventory())
                w.rowChanged(row); // now unverified
        }
        w.post([s = w.service, id = w.id, result] { emit s->bootChecked(id, result); });
        if (result.newBoot) {
            // Tokens may have changed: look every block up again.
            VerificationSummary summary = w.verify();
            w.post(
                [s = w.service, id = w.id, summary] { emit s->verificationFinished(id, summary); });
        }
    });
}

OperationId ReservationService::recordBootSnapshot()
{
    return enqueue(ReservationOperation::RecordBoot, [](Worker& w) {
        auto bootTime = w.backend.bootTime();
        if (!bootTime) {
            w.failed(ReservationOperation::RecordBoot, bootTime.error());
            return;
        }
        const QDateTime boot = QDateTime::fromSecsSinceEpoch(bootTime.value(), Qt::UTC);
        auto known = w.store.snapshots().bootSnapshot(w.host, boot);
        if (!known) {
            w.failed(ReservationOperation::RecordBoot, known.error());
            return;
        }
        if (known.value()) {
            w.post([s = w.service, id = w.id, at = *known.value()] {
                emit s->bootSnapshotRecorded(id, at, false);
            });
            return;
        }
        SnapshotOptions options;
        options.toolVersion = PORTOLAN_VERSION;
        auto gathered = gatherSnapshot(w.backend, options);
        if (!gathered) {
            w.failed(ReservationOperation::RecordBoot, gathered.error());
            return;
        }
        HostSnapshotRecord record = recordFromSnapshot(gathered.value(), SnapshotOrigin::Boot);
        record.host = w.host;
        record.bootTime = boot;
        auto added = w.store.snapshots().add(record);
        if (!added) {
            w.failed(ReservationOperation::RecordBoot, added.error());
            return;
        }
        w.post([s = w.service, id = w.id, a = added.value()] {
            emit s->bootSnapshotRecorded(id, a.id, a.added);
        });
    });
}

OperationId ReservationService::readSystem()
{
    return enqueue(ReservationOperation::ReadSystem, [](Worker& w) {
        const SystemFacts facts{w.backend.capabilities(), w.backend.isElevated()};
        w.post([s = w.service, id = w.id, facts] {
            s->m_system = facts;
            emit s->systemRead(id, facts);
        });
    });
}

OperationId ReservationService::snapshot(std::optional<Protocol> protocol)
{
    return enqueue(ReservationOperation::Snapshot, [protocol](Worker& w) {
        const MachineSnapshot snap = w.gather(protocol);
        w.post([s = w.service, id = w.id, snap] { emit s->snapshotReady(id, snap); });
    });
}

OperationId ReservationService::readLastScans()
{
    return enqueue(ReservationOperation::ReadLastScans, [](Worker& w) {
        auto scans = lastScans(w.store.probeRuns(), w.host);
        if (!scans) {
            w.failed(ReservationOperation::ReadLastScans, scans.error());
            return;
        }
        w.post([s = w.service, id = w.id, found = scans.value()] {
            emit s->lastScansRead(id, found);
        });
    });
}

} // namespace portolan
