// SPDX-License-Identifier: GPL-3.0-or-later
// The reservation service against the simulated backend — create, lookup,
// delete, notes, discovery, verification after a reboot, a create refused for each conflict
// kind with its explanation, and a create refused for lack of elevation; each leaves the
// inventory and the audit log as a user expects. And: every call returns at once, the work
// runs on another thread, the result arrives by a queued signal.

#include "servicetestsupport.h"
#include "storetestsupport.h"

#include "model/services/reservationservice.h"

#include "platform/nativecodes.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace portolan;
using namespace portolan::testing;

Q_DECLARE_METATYPE(portolan::FindingKind)

class ServicesTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
    std::shared_ptr<RecordingBackend> m_backend;
    std::unique_ptr<ReservationService> m_service;

    void open(const char* scenario)
    {
        m_service.reset();
        m_store = openStore(m_dir, QStringLiteral("CONSOLE-HOST"),
                            QStringLiteral("db-%1.sqlite").arg(++m_serial));
        QVERIFY(m_store);
        auto sim = openSimulated(scenario);
        QVERIFY(sim);
        m_backend = std::make_shared<RecordingBackend>(std::move(sim));
        m_service = std::make_unique<ReservationService>(m_backend, *m_store);
    }
    int m_serial = 0;

    ReservationOutcome outcomeOf(OperationId id, QSignalSpy& spy)
    {
        QList<QVariant> args = waitFor(spy, [id](const QList<QVariant>& a) {
            return qvariant_cast<ReservationOutcome>(a.at(0)).id == id;
        });
        if (args.isEmpty()) {
            qWarning("operation %llu did not finish", id);
            return {};
        }
        return qvariant_cast<ReservationOutcome>(args.at(0));
    }

    ReservationOutcome run(const std::function<OperationId()>& call)
    {
        QSignalSpy spy(m_service.get(), &ReservationService::operationFinished);
        return outcomeOf(call(), spy);
    }

    QList<ReservationRecord> inventory()
    {
        auto rows = m_store->inventory().list();
        return rows ? rows.value() : QList<ReservationRecord>{};
    }
    QList<AuditRecord> audit()
    {
        auto rows = m_store->audit().entries({}, 1000);
        return rows ? rows.value() : QList<AuditRecord>{};
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void cleanup() { m_service.reset(); }

    void callsReturnAtOnceAndResultsArriveBySignal()
    {
        open("developer.json");
        QSignalSpy started(m_service.get(), &ReservationService::operationStarted);
        QSignalSpy finished(m_service.get(), &ReservationService::operationFinished);
        QSignalSpy busy(m_service.get(), &ReservationService::busyChanged);
        m_backend->holdCreates();
        const OperationId id = m_service->create(Protocol::Tcp, PortRange{6000, 10}, {});
        QVERIFY(id != 0);
        // The call came back although the system call is held on the worker.
        QCOMPARE(finished.size(), 0);
        QVERIFY(m_service->busy());
        QCOMPARE(busy.size(), 1);
        QTRY_VERIFY(m_backend->lastCallThread.load() != nullptr);
        QVERIFY(m_backend->lastCallThread.load() != QThread::currentThread());
        QCOMPARE(finished.size(), 0);
        m_backend->releaseCreates();
        const ReservationOutcome outcome = outcomeOf(id, finished);
        QVERIFY(outcome.ok);
        QCOMPARE(started.size(), 1);
        QCOMPARE(started.at(0).at(0).value<OperationId>(), id);
        QTRY_VERIFY(!m_service->busy());
        QCOMPARE(busy.size(), 2);
    }

    void operationsRunInOrder()
    {
        open("clean.json");
        QSignalSpy finished(m_service.get(), &ReservationService::operationFinished);
        const OperationId a = m_service->create(Protocol::Tcp, PortRange{6000, 10}, QStringLiteral("a"));
        const OperationId b = m_service->create(Protocol::Tcp, PortRange{6005, 10}, QStringLiteral("b"));
        QVERIFY(b > a);
        outcomeOf(b, finished);
        QCOMPARE(finished.size(), 2);
        const auto first = qvariant_cast<ReservationOutcome>(finished.at(0).at(0));
        const auto second = qvariant_cast<ReservationOutcome>(finished.at(1).at(0));
        QCOMPARE(first.id, a);
        QVERIFY(first.ok);
        // The second saw the first's reservation in its pre-flight.
        QCOMPARE(second.id, b);
        QVERIFY(!second.ok);
        QVERIFY(second.refusedByPreflight);
    }

    void createRecordsRowAndAudit()
    {
        open("developer.json");
        const ReservationOutcome outcome = run([&] {
            return m_service->create(Protocol::Tcp, PortRange{6000, 10}, QStringLiteral("load tests"));
        });
        QVERIFY2(outcome.ok, qPrintable(outcome.message));
        QVERIFY(outcome.token != 0);
        QVERIFY(!outcome.refusedByPreflight);
        QVERIFY(outcome.preflight && !outcome.preflight->blocked());
        QCOMPARE(m_backend->creates.load(), 1);

        const auto rows = inventory();
        QCOMPARE(rows.size(), 1);
        const ReservationRecord& row = rows.first();
        QCOMPARE(row.host, QStringLiteral("DEV-WORKSTATION"));
        QCOMPARE(row.start, quint16(6000));
        QCOMPARE(row.count, quint16(10));
        QCOMPARE(row.token, outcome.token);
        QCOMPARE(row.source, ReservationSource::Created);
        QCOMPARE(row.state, ReservationState::Present);
        QCOMPARE(row.note, QStringLiteral("load tests"));
        QVERIFY(row.verifiedAt.isValid());
        QVERIFY(outcome.record && outcome.record->id == row.id);

        // The machine has it with the same token.
        auto looked = m_backend->inner().lookupPersistent(Protocol::Tcp, PortRange{6000, 10});
        QVERIFY(looked.ok());
        QCOMPARE(looked->token, outcome.token);

        const auto entries = audit();
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.first().action, AuditAction::Create);
        QVERIFY(entries.first().ok);
        QCOMPARE(entries.first().token, outcome.token);
        QCOMPARE(entries.first().request, QStringLiteral("CreatePersistentTcpPortReservation(6000, 10)"));
        QCOMPARE(entries.first().actor.host, QStringLiteral("DEV-WORKSTATION"));
        QCOMPARE(entries.first().id, outcome.auditId);
    }

    void createRefusedByPreflight_data()
    {
        QTest::addColumn<int>("protocol");
        QTest::addColumn<int>("start");
        QTest::addColumn<int>("count");
        QTest::addColumn<bool>("seedInventoryOnly"); // a block only the inventory knows
        QTest::addColumn<FindingKind>("kind");
        QTest::addColumn<QString>("errorKind");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QStringList>("explanationHas");
        QTest::addColumn<int>("findings"); // blocking findings: one per reservation or process

        QTest::newRow("overlaps a persistent reservation") << int(Protocol::Tcp) << 5030 << 10 << false
            << FindingKind::OverlapKnownReservation << "Conflict" << ""
            << QStringList{"persistent reservation", "5037", "adb.exe"} << 2;
        QTest::newRow("exactly an existing reservation") << int(Protocol::Tcp) << 8000 << 10 << false
            << FindingKind::OverlapKnownReservation << "Conflict" << ""
            << QStringList{"already reserved"} << 1;
        QTest::newRow("overlaps WinNAT's runtime block") << int(Protocol::Tcp) << 3000 << 1 << false
            << FindingKind::OverlapKnownReservation << "Conflict" << ""
            << QStringList{"runtime reservation", "2869–3368", "Windows NAT (WinNAT)"} << 1;
        QTest::newRow("overlaps Hyper-V's UDP block") << int(Protocol::Udp) << 50050 << 20 << false
            << FindingKind::OverlapKnownReservation << "Conflict" << ""
            << QStringList{"runtime reservation", "Host Network Service (Hyper-V)"} << 1;
        QTest::newRow("overlaps an inventory row") << int(Protocol::Tcp) << 7005 << 10 << true
            << FindingKind::OverlapKnownReservation << "Conflict" << ""
            << QStringList{"inventory", "7000–7019"} << 1;
        QTest::newRow("a listener in the block") << int(Protocol::Tcp) << 5170 << 10 << false
            << FindingKind::ListenerInBlock << "Conflict" << ""
            << QStringList{"node.exe", "14236", "5173"} << 1;
        QTest::newRow("postgres on both families, named once") << int(Protocol::Tcp) << 5432 << 1 << false
            << FindingKind::ListenerInBlock << "Conflict" << ""
            << QStringList{"postgres.exe", "6124"} << 1;
        QTest::newRow("start 0") << int(Protocol::Tcp) << 0 << 10 << false
            << FindingKind::InvalidRange << "InvalidArgument" << "start" << QStringList{"start port"} << 1;
        QTest::newRow("count 0") << int(Protocol::Tcp) << 6000 << 0 << false
            << FindingKind::InvalidRange << "InvalidArgument" << "count" << QStringList{"number of ports"} << 1;
        QTest::newRow("runs past 65535") << int(Protocol::Tcp) << 65530 << 10 << false
            << FindingKind::InvalidRange << "InvalidArgument" << "end" << QStringList{"65535", "at most 6 ports"} << 1;
    }

    void createRefusedByPreflight()
    {
        QFETCH(int, protocol);
        QFETCH(int, start);
        QFETCH(int, count);
        QFETCH(bool, seedInventoryOnly);
        QFETCH(FindingKind, kind);
        QFETCH(QString, errorKind);
        QFETCH(QString, field);
        QFETCH(QStringList, explanationHas);
        QFETCH(int, findings);

        open("developer.json");
        if (seedInventoryOnly) {
            ReservationRecord row;
            row.host = QStringLiteral("DEV-WORKSTATION");
            row.protocol = Protocol::Tcp;
            row.start = 7000;
            row.count = 20;
            row.state = ReservationState::Unverified;
            row.note = QStringLiteral("build farm");
            QVERIFY(m_store->inventory().upsert(row).ok());
        }
        const auto rowsBefore = inventory();
        const PortRange range{quint16(start), quint16(count)};

        const ReservationOutcome outcome = run([&] {
            return m_service->create(Protocol(protocol), range, QStringLiteral("mine"));
        });
        QVERIFY(!outcome.ok);
        QVERIFY(outcome.refusedByPreflight);
        QCOMPARE(m_backend->creates.load(), 0); // the system was never asked
        QVERIFY(outcome.error);
        QCOMPARE(shown(outcome.error->kind), errorKind);
        QVERIFY(outcome.preflight);
        QVERIFY(outcome.preflight->blocked());
        const auto blocking = outcome.preflight->blocking();
        QVERIFY(!blocking.isEmpty());
        QCOMPARE(blocking.first().kind, kind);
        QCOMPARE(int(blocking.size()), findings);
        if (!field.isEmpty())
            QCOMPARE(blocking.first().field, field);
        if (kind == FindingKind::ListenerInBlock) {
            QVERIFY(blocking.first().listener);
            QVERIFY(blocking.first().listener->pid > 0);
        }
        for (const QString& part : explanationHas)
            QVERIFY2(outcome.message.contains(part), qPrintable(outcome.message + " lacks " + part));

        // Nothing changed in the inventory; exactly one failed audit row says why.
        QCOMPARE(inventory(), rowsBefore);
        const auto entries = audit();
        QCOMPARE(entries.size(), 1);
        const AuditRecord& entry = entries.first();
        QCOMPARE(entry.action, AuditAction::Create);
        QVERIFY(!entry.ok);
        QVERIFY(entry.error);
        QCOMPARE(shown(entry.error->kind), errorKind);
        QCOMPARE(str(entry.error->message), outcome.message);
        QVERIFY(entry.request.contains(QStringLiteral("pre-flight")));
        QCOMPARE(entry.start, range.start);
        QCOMPARE(entry.count, range.count);
        // And the machine has no new reservation.
        QCOMPARE(m_backend->inner().lookupPersistent(Protocol(protocol), range).ok(),
                 kind == FindingKind::OverlapKnownReservation && start == 8000);
    }

    void warningsDoNotBlock()
    {
        open("developer.json");
        const ReservationOutcome outcome = run([&] {
            return m_service->create(Protocol::Tcp, PortRange{60000, 10}, {});
        });
        QVERIFY2(outcome.ok, qPrintable(outcome.message));
        QVERIFY(outcome.preflight);
        QVERIFY(outcome.preflight->has(FindingKind::InsideDynamicRange));
        const auto warnings = outcome.preflight->warnings();
        QCOMPARE(warnings.size(), 1);
        QCOMPARE(warnings.first().severity, Severity::Warning);
        QVERIFY(warnings.first().text.contains(QStringLiteral("outgoing connections")));
        QVERIFY(warnings.first().dynamicRange == PortRange({49152, 16384}));
        QCOMPARE(inventory().size(), 1);
    }

    void preflightAloneChangesNothing()
    {
        open("developer.json");
        QSignalSpy spy(m_service.get(), &ReservationService::preflightFinished);
        const OperationId id = m_service->preflight(Protocol::Tcp, PortRange{5030, 10});
        auto args = waitFor(spy, [id](const QList<QVariant>& a) { return a.at(0).value<OperationId>() == id; });
        QVERIFY(!args.isEmpty());
        const auto report = qvariant_cast<PreflightReport>(args.at(1));
        QVERIFY(report.blocked());
        QVERIFY(report.explanation().startsWith(QStringLiteral("Refused before calling the system")));
        QCOMPARE(m_backend->creates.load(), 0);
        QVERIFY(audit().isEmpty());
        QVERIFY(inventory().isEmpty());
    }

    void createRefusedForLackOfElevation()
    {
        open("developer.json");
        QVERIFY(m_backend->control().setElevated(false).ok());
        const ReservationOutcome outcome = run([&] {
            return m_service->create(Protocol::Tcp, PortRange{6000, 10}, QStringLiteral("x"));
        });
        QVERIFY(!outcome.ok);
        QVERIFY(!outcome.refusedByPreflight); // a warning: the system is asked and refuses
        QVERIFY(outcome.preflight && outcome.preflight->has(FindingKind::NeedsElevation));
        QCOMPARE(m_backend->creates.load(), 1);
        QVERIFY(outcome.error);
        QCOMPARE(outcome.error->code, native::kErrorAccessDenied);
        QCOMPARE(str(outcome.error->name), QStringLiteral("ERROR_ACCESS_DENIED"));
        QVERIFY(outcome.message.contains(QStringLiteral("elevated")));

        QVERIFY(inventory().isEmpty());
        const auto entries = audit();
        QCOMPARE(entries.size(), 1);
        QVERIFY(!entries.first().ok);
        QVERIFY(!entries.first().actor.elevated);
        QCOMPARE(entries.first().error->code, native::kErrorAccessDenied);
        QCOMPARE(entries.first().request, QStringLiteral("CreatePersistentTcpPortReservation(6000, 10)"));
    }

    void sharingViolationIsExplained()
    {
        open("developer.json");
        // Something the pre-flight cannot see (a listener of another session, a race).
        m_backend->control().failNextCall(SimulatedCall::CreatePersistent, native::kErrorSharingViolation);
        const ReservationOutcome outcome = run([&] {
            return m_service->create(Protocol::Tcp, PortRange{6000, 10}, {});
        });
        QVERIFY(!outcome.ok);
        QCOMPARE(outcome.error->code, native::kErrorSharingViolation);
        QVERIFY2(outcome.message.contains(QStringLiteral("in use")), qPrintable(outcome.message));
        QVERIFY(outcome.message.contains(QStringLiteral("already reserved")));
        QVERIFY(inventory().isEmpty());
        const auto entries = audit();
        QCOMPARE(entries.size(), 1);
        QCOMPARE(str(entries.first().error->name), QStringLiteral("ERROR_SHARING_VIOLATION"));
    }

    void lookupAddsOrRefreshesRow()
    {
        open("developer.json");
        // Made outside the console: a lookup adopts it.
        ReservationOutcome outcome = run([&] {
            return m_service->lookup(Protocol::Tcp, PortRange{5037, 1}, QStringLiteral("adb"));
        });
        QVERIFY2(outcome.ok, qPrintable(outcome.message));
        auto rows = inventory();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().source, ReservationSource::LookedUp);
        QCOMPARE(rows.first().token, outcome.token);
        QCOMPARE(rows.first().note, QStringLiteral("adb"));
        QCOMPARE(rows.first().state, ReservationState::Present);

        // Not there: a failed audit row, no inventory row.
        outcome = run([&] { return m_service->lookup(Protocol::Tcp, PortRange{7000, 1}); });
        QVERIFY(!outcome.ok);
        QCOMPARE(shown(outcome.error->kind), QStringLiteral("NotFound"));
        QCOMPARE(str(outcome.error->name), QStringLiteral("ERROR_NOT_FOUND"));
        QCOMPARE(inventory().size(), 1);
        const auto entries = audit();
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries.first().action, AuditAction::Lookup); // newest first
        QVERIFY(!entries.first().ok);
        QVERIFY(entries.last().ok);
    }

    void removeDeletesOnlyOnSuccess()
    {
        open("clean.json");
        ReservationOutcome created = run([&] { return m_service->create(Protocol::Udp, PortRange{7000, 5}, {}); });
        QVERIFY(created.ok);
        const qint64 rowId = created.record->id;

        // Refused (not elevated): the row stays as it was.
        QVERIFY(m_backend->control().setElevated(false).ok());
        ReservationOutcome refused = run([&] { return m_service->remove(Protocol::Udp, PortRange{7000, 5}); });
        QVERIFY(!refused.ok);
        QCOMPARE(refused.error->code, native::kErrorAccessDenied);
        QCOMPARE(inventory().size(), 1);
        QCOMPARE(inventory().first().state, ReservationState::Present);
        QVERIFY(m_backend->control().setElevated(true).ok());

        ReservationOutcome removed = run([&] { return m_service->remove(Protocol::Udp, PortRange{7000, 5}); });
        QVERIFY2(removed.ok, qPrintable(removed.message));
        QCOMPARE(removed.removedId, rowId);
        QVERIFY(inventory().isEmpty());
        QVERIFY(!m_backend->inner().lookupPersistent(Protocol::Udp, PortRange{7000, 5}).ok());

        const auto entries = audit();
        QCOMPARE(entries.size(), 3);
        QCOMPARE(entries.at(0).action, AuditAction::Delete);
        QVERIFY(entries.at(0).ok);
        QCOMPARE(entries.at(1).action, AuditAction::Delete);
        QVERIFY(!entries.at(1).ok);
        QCOMPARE(entries.at(2).action, AuditAction::Create);
    }

    void removeOfVanishedBlockMarksItMissing()
    {
        open("clean.json");
        ReservationOutcome created = run([&] { return m_service->create(Protocol::Tcp, PortRange{7000, 5}, {}); });
        QVERIFY(created.ok);
        QVERIFY(m_backend->inner().deletePersistent(Protocol::Tcp, PortRange{7000, 5}).ok()); // behind our back
        ReservationOutcome outcome = run([&] { return m_service->remove(Protocol::Tcp, PortRange{7000, 5}); });
        QVERIFY(!outcome.ok);
        QCOMPARE(str(outcome.error->name), QStringLiteral("ERROR_NOT_FOUND"));
        const auto rows = inventory();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().state, ReservationState::Missing);

        // Forgetting it removes the row without asking the system, and is audited.
        const int deletesBefore = m_backend->deletes.load();
        ReservationOutcome forgotten = run([&] { return m_service->forget(rows.first().id); });
        QVERIFY(forgotten.ok);
        QCOMPARE(m_backend->deletes.load(), deletesBefore);
        QVERIFY(inventory().isEmpty());
        QCOMPARE(audit().first().action, AuditAction::Delete);
        QVERIFY(audit().first().ok);
    }

    void noteChangeIsAudited()
    {
        open("clean.json");
        ReservationOutcome created = run([&] {
            return m_service->create(Protocol::Tcp, PortRange{7000, 5}, QStringLiteral("old text"));
        });
        QVERIFY(created.ok);
        QSignalSpy changed(m_service.get(), &ReservationService::inventoryRowChanged);
        ReservationOutcome noted = run([&] { return m_service->setNote(created.record->id, QStringLiteral("new text")); });
        QVERIFY(noted.ok);
        QCOMPARE(noted.record->note, QStringLiteral("new text"));
        QCOMPARE(inventory().first().note, QStringLiteral("new text"));
        QCOMPARE(changed.size(), 1);
        const AuditRecord entry = audit().first();
        QCOMPARE(entry.action, AuditAction::Note);
        QVERIFY(entry.ok);
        QVERIFY(entry.detail.contains(QStringLiteral("old text")));
        QVERIFY(entry.detail.contains(QStringLiteral("new text")));

        // An unknown row: an error, nothing written.
        ReservationOutcome missing = run([&] { return m_service->setNote(9999, QStringLiteral("x")); });
        QVERIFY(!missing.ok);
        QCOMPARE(shown(missing.error->kind), QStringLiteral("NotFound"));
        QCOMPARE(audit().size(), 2);
    }

    void discoverAddsPersistentBlocksOnly()
    {
        open("developer.json");
        QSignalSpy spy(m_service.get(), &ReservationService::discoveryFinished);
        const OperationId id = m_service->discover();
        auto args = waitFor(spy, [id](const QList<QVariant>& a) { return a.at(0).value<OperationId>() == id; });
        QVERIFY(!args.isEmpty());
        const auto summary = qvariant_cast<DiscoverySummary>(args.at(1));
        QCOMPARE(summary.added, 2);
        QCOMPARE(summary.updated, 0);
        const auto rows = inventory();
        QCOMPARE(rows.size(), 2);
        for (const ReservationRecord& row : rows) {
            QCOMPARE(row.source, ReservationSource::Discovered);
            QCOMPARE(row.state, ReservationState::Present);
            QVERIFY(row.token != 0);
        }
        QCOMPARE(rows.at(0).start, quint16(5037));
        QCOMPARE(rows.at(1).start, quint16(8000));
        // The runtime blocks are in the snapshot, with their owners.
        int runtime = 0;
        for (const ReservedBlock& block : summary.snapshot.blocks) {
            if (!block.persistent) {
                ++runtime;
                QVERIFY(!block.owner.empty());
            }
        }
        QCOMPARE(runtime, 3);
        QVERIFY(audit().isEmpty()); // discovery is not an operation on a reservation

        // Again: the same rows, updated.
        const OperationId again = m_service->discover();
        args = waitFor(spy, [again](const QList<QVariant>& a) { return a.at(0).value<OperationId>() == again; });
        QCOMPARE(qvariant_cast<DiscoverySummary>(args.at(1)).updated, 2);
        QCOMPARE(inventory().size(), 2);
    }

    void verificationAfterReboot()
    {
        open("developer.json");
        QSignalSpy boots(m_service.get(), &ReservationService::bootChecked);
        QSignalSpy verified(m_service.get(), &ReservationService::verificationFinished);
        ReservationOutcome a = run([&] { return m_service->create(Protocol::Tcp, PortRange{6000, 10}, {}); });
        ReservationOutcome b = run([&] { return m_service->create(Protocol::Udp, PortRange{6100, 5}, {}); });
        ReservationOutcome c = run([&] { return m_service->lookup(Protocol::Tcp, PortRange{5037, 1}); });
        QVERIFY(a.ok && b.ok && c.ok);

        // The first start that sees this machine: a new boot, everything verified.
        OperationId first = m_service->checkBoot();
        auto bootArgs = waitFor(boots, [first](const QList<QVariant>& x) { return x.at(0).value<OperationId>() == first; });
        QVERIFY(qvariant_cast<BootCheck>(bootArgs.at(1)).newBoot);
        auto verifyArgs = waitFor(verified, [first](const QList<QVariant>& x) { return x.at(0).value<OperationId>() == first; });
        QCOMPARE(qvariant_cast<VerificationSummary>(verifyArgs.at(1)).present, 3);
        QCOMPARE(qvariant_cast<VerificationSummary>(verifyArgs.at(1)).tokensChanged, 0);

        // Same boot again: nothing to do.
        const int auditBefore = int(audit().size());
        OperationId same = m_service->checkBoot();
        bootArgs = waitFor(boots, [same](const QList<QVariant>& x) { return x.at(0).value<OperationId>() == same; });
        QVERIFY(!qvariant_cast<BootCheck>(bootArgs.at(1)).newBoot);
        QTRY_VERIFY(!m_service->busy());
        QCOMPARE(int(audit().size()), auditBefore);

        // Someone deletes one block, then the machine restarts: tokens change.
        QVERIFY(m_backend->inner().deletePersistent(Protocol::Udp, PortRange{6100, 5}).ok());
        QVERIFY(m_backend->control().reboot().ok());
        QSignalSpy changedRows(m_service.get(), &ReservationService::inventoryRowChanged);
        OperationId after = m_service->checkBoot();
        bootArgs = waitFor(boots, [after](const QList<QVariant>& x) { return x.at(0).value<OperationId>() == after; });
        const BootCheck check = qvariant_cast<BootCheck>(bootArgs.at(1));
        QVERIFY(check.newBoot);
        QVERIFY(check.previousBootTime.has_value());
        QCOMPARE(check.invalidated, 3);
        verifyArgs = waitFor(verified, [after](const QList<QVariant>& x) { return x.at(0).value<OperationId>() == after; });
        const auto summary = qvariant_cast<VerificationSummary>(verifyArgs.at(1));
        QCOMPARE(summary.checked, 3);
        QCOMPARE(summary.present, 2);
        QCOMPARE(summary.missing, 1);
        QCOMPARE(summary.tokensChanged, 2);
        QCOMPARE(summary.failed, 0);
        QVERIFY(!summary.message.isEmpty());
        QVERIFY(changedRows.size() >= 3); // the models follow

        for (const ReservationRecord& row : inventory()) {
            QVERIFY(row.verifiedAt.isValid());
            auto now = m_backend->inner().lookupPersistent(row.protocol, row.range());
            if (row.protocol == Protocol::Udp) {
                QCOMPARE(row.state, ReservationState::Missing);
                QVERIFY(!now.ok());
            } else {
                QCOMPARE(row.state, ReservationState::Present);
                QVERIFY(now.ok());
                QCOMPARE(row.token, now->token); // the inventory follows the new tokens
                QVERIFY(row.token != (row.start == 6000 ? a.token : c.token));
            }
        }
        // Every verification lookup is in the audit log: the missing one failed.
        const auto entries = audit();
        int failedLookups = 0;
        for (const AuditRecord& e : entries)
            failedLookups += (e.action == AuditAction::Lookup && !e.ok) ? 1 : 0;
        QCOMPARE(failedLookups, 1);
    }

    void snapshotForThePortMap()
    {
        open("developer.json");
        QSignalSpy spy(m_service.get(), &ReservationService::snapshotReady);
        const OperationId id = m_service->snapshot(Protocol::Tcp);
        auto args = waitFor(spy, [id](const QList<QVariant>& a) { return a.at(0).value<OperationId>() == id; });
        QVERIFY(!args.isEmpty());
        const auto snap = qvariant_cast<MachineSnapshot>(args.at(1));
        QCOMPARE(snap.host, QStringLiteral("DEV-WORKSTATION"));
        QVERIFY(snap.tcpDynamicRange == PortRange({49152, 16384}));
        QVERIFY(!snap.udpDynamicRange);
        QCOMPARE(int(snap.blocks.size()), 4); // 2 persistent + 2 runtime TCP blocks
        QVERIFY(!snap.listeners.empty());
        for (const Listener& l : snap.listeners)
            QCOMPARE(shown(l.protocol), QStringLiteral("tcp"));
        QVERIFY(snap.problems.isEmpty());
    }

    void backendFailureIsReportedNotHidden()
    {
        open("developer.json");
        m_backend->control().failNextCall(SimulatedCall::BootTime, native::kErrorNotSupported);
        QSignalSpy failed(m_service.get(), &ReservationService::operationFailed);
        const OperationId id = m_service->checkBoot();
        auto args = waitFor(failed, [id](const QList<QVariant>& a) { return a.at(0).value<OperationId>() == id; });
        QVERIFY(!args.isEmpty());
        QCOMPARE(args.at(1).value<ReservationOperation>(), ReservationOperation::CheckBoot);
    }
};

QTEST_GUILESS_MAIN(ServicesTest)
#include "tst_services.moc"
