// SPDX-License-Identifier: GPL-3.0-or-later
// The console's item models and filter proxies, each watched by QAbstractItemModelTester (in
// QtTest mode: any inconsistency fails the test) while rows are added, changed, filtered and
// removed. The history models load in windows: the first screen never reads the whole table.

#include "servicetestsupport.h"
#include "storetestsupport.h"

#include "model/itemmodels/auditlogmodel.h"
#include "model/itemmodels/filterproxies.h"
#include "model/itemmodels/inventorymodel.h"
#include "model/itemmodels/proberunmodel.h"
#include "model/itemmodels/probestepmodel.h"
#include "model/services/probeservice.h"
#include "model/services/reservationservice.h"

#include "platform/text.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace portolan;
using namespace portolan::testing;

namespace {

const QDateTime kStart = QDateTime(QDate(2025, 3, 1), QTime(8, 0), Qt::UTC);

AuditRecord makeEntry(int i, const QString& host = QStringLiteral("HOST-A"))
{
    AuditRecord r;
    r.at = kStart.addSecs(i);
    r.actor = Actor{host, QStringLiteral("dev"), true};
    r.action = AuditAction(i % 4);
    r.protocol = i % 3 == 0 ? Protocol::Udp : Protocol::Tcp;
    r.start = quint16(5000 + i % 1000);
    r.count = 1;
    r.request = QStringLiteral("request %1").arg(i);
    r.ok = i % 5 != 0;
    if (!r.ok)
        r.error = Error{ErrorKind::Conflict, 32, "ERROR_SHARING_VIOLATION", "in use"};
    return r;
}

ProbeRunRecord makeRun(int i, const QString& host = QStringLiteral("HOST-A"))
{
    ProbeRunRecord r;
    r.actor = Actor{host, QStringLiteral("dev"), false};
    r.kind = ProbeKind::BindProbe;
    r.startedAt = kStart.addMSecs(qint64(i) * 10);
    r.durationUs = 100 + i % 50;
    r.protocol = i % 2 ? Protocol::Udp : Protocol::Tcp;
    r.spec = SocketSpec::forProtocol(r.protocol);
    r.address = QStringLiteral("127.0.0.1");
    r.requested = PortRange{quint16(1 + i % 65535), 1};
    r.ok = i % 3 != 0;
    r.cancelled = i % 7 == 0 && !r.ok;
    r.summary = QStringLiteral("bind run %1").arg(i);
    ProbeStepRecord step;
    step.kind = StepKind::BindProbe;
    step.ok = r.ok;
    step.firstPort = step.lastPort = r.requested.start;
    step.outcome = r.ok ? BindOutcome::Free : BindOutcome::InUse;
    r.steps.append(step);
    return r;
}

int rowsWithRole(const QAbstractItemModel& model, int role, const QVariant& value)
{
    int n = 0;
    for (int row = 0; row < model.rowCount(); ++row)
        n += model.index(row, 0).data(role) == value ? 1 : 0;
    return n;
}

} // namespace

class ModelsTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_serial = 0;

    std::unique_ptr<Store> newStore()
    {
        return openStore(m_dir, QStringLiteral("CONSOLE-HOST"),
                         QStringLiteral("db-%1.sqlite").arg(++m_serial));
    }

    template <typename Service> static ReservationOutcome wait(Service& service, OperationId id)
    {
        QSignalSpy spy(&service, &ReservationService::operationFinished);
        auto args = waitFor(spy, [id](const QList<QVariant>& a) {
            return qvariant_cast<ReservationOutcome>(a.at(0)).id == id;
        });
        return args.isEmpty() ? ReservationOutcome{}
                              : qvariant_cast<ReservationOutcome>(args.at(0));
    }

private slots:
    // An audit request is worded when shown where it is words (a note change, an inventory
    // removal), whatever language it was stored in; an API call stays as sent.
    void auditRequestsAreWordedWhenShown_data()
    {
        QTest::addColumn<int>("action");
        QTest::addColumn<QString>("stored");
        QTest::addColumn<QString>("shown");
        QTest::newRow("note stored in Portuguese")
            << int(AuditAction::Note) << QStringLiteral("Nota de TCP 5000–5019 (host OLD-PC)")
            << QStringLiteral("Note of TCP 5000–5019 (host OLD-PC)");
        QTest::newRow("inventory removal stored in Portuguese")
            << int(AuditAction::Delete)
            << QStringLiteral("Remover TCP 5000–5019 do host OLD-PC do inventário (o sistema não "
                              "é chamado)")
            << QStringLiteral("Remove TCP 5000–5019 of host OLD-PC from the inventory (the "
                              "system is not called)");
        QTest::newRow("delete call as sent")
            << int(AuditAction::Delete)
            << QStringLiteral("DeletePersistentTcpPortReservation(5000, 20)")
            << QStringLiteral("DeletePersistentTcpPortReservation(5000, 20)");
    }

    void auditRequestsAreWordedWhenShown()
    {
        QFETCH(int, action);
        QFETCH(QString, stored);
        QFETCH(QString, shown);
        auto store = newStore();
        QVERIFY(store);
        AuditRecord entry;
        entry.actor = Actor{QStringLiteral("CONSOLE-HOST"), QStringLiteral("dev"), true};
        entry.action = AuditAction(action);
        entry.start = 5000;
        entry.count = 20;
        entry.request = stored;
        entry.ok = true;
        QVERIFY(store->audit().append(entry).ok());
        AuditLogModel model(*store);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, AuditLogModel::RequestColumn).data().toString(), shown);
    }

    // What a row shows is worded from its fields, not from the text stored with it: a row
    // written long ago (or under another language) reads like a new one.
    void runsAreWordedFromTheirFields_data()
    {
        QTest::addColumn<ProbeRunRecord>("run");
        QTest::addColumn<QString>("summary");
        QTest::addColumn<QString>("firstDetail");
        QTest::addColumn<QString>("firstDuration");

        ProbeRunRecord plan;
        plan.actor = Actor{QStringLiteral("HOST-A"), QStringLiteral("dev"), false};
        plan.kind = ProbeKind::AcquireRelease;
        plan.startedAt = kStart;
        plan.spec = SocketSpec::forProtocol(Protocol::Tcp);
        plan.requested = PortRange{3000, 5};
        plan.summary = QStringLiteral("texto gravado há muito tempo");
        ProbeStepRecord open;
        open.kind = StepKind::OpenSocket;
        open.ok = true;
        open.durationUs = 40;
        open.detail = QStringLiteral("texto antigo");
        ProbeStepRecord acquire;
        acquire.kind = StepKind::Acquire;
        acquire.error = Error{ErrorKind::Conflict, 10048, "WSAEADDRINUSE", "in use"};
        plan.steps = {open, acquire};
        QTest::newRow("failed plan")
            << plan
            << QStringLiteral("acquire and release TCP 3000–3004: failed at acquire "
                              "(WSAEADDRINUSE (10048))")
            << QStringLiteral("IPv4, stream, protocol 6") << QStringLiteral("40 µs");

        ProbeRunRecord scan = plan;
        scan.kind = ProbeKind::Scan;
        scan.address = QStringLiteral("0.0.0.0");
        scan.requested = PortRange{2800, 201};
        scan.ok = true;
        ProbeStepRecord free;
        free.kind = StepKind::ScanRun;
        free.ok = true;
        free.firstPort = 2800;
        free.lastPort = 2868;
        free.outcome = BindOutcome::Free;
        free.detail = QStringLiteral("texto antigo");
        ProbeStepRecord forbidden = free;
        forbidden.ok = false;
        forbidden.firstPort = 2869;
        forbidden.lastPort = 3000;
        forbidden.outcome = BindOutcome::Forbidden;
        forbidden.holder = QStringLiteral("Windows NAT (WinNAT)");
        scan.steps = {free, forbidden};
        QTest::newRow("scan") << scan
                              << QStringLiteral(
                                     "scan TCP 0.0.0.0 2800–3000: 69 free, 0 in use, 0 denied, "
                                     "132 forbidden, 0 other")
                              << QStringLiteral("2800–2868: free") << QStringLiteral("—");
    }

    void runsAreWordedFromTheirFields()
    {
        QFETCH(ProbeRunRecord, run);
        QFETCH(QString, summary);
        QFETCH(QString, firstDetail);
        QFETCH(QString, firstDuration);
        auto store = newStore();
        QVERIFY(store);
        auto id = store->probeRuns().record(run);
        QVERIFY(id.ok());
        ProbeRunModel runs(*store);
        QAbstractItemModelTester runTester(&runs,
                                           QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(runs.rowCount(), 1);
        QCOMPARE(runs.index(0, ProbeRunModel::SummaryColumn).data().toString(), summary);
        QCOMPARE(runs.index(0, ProbeRunModel::RunColumn).data().toLongLong(), id.value());
        QCOMPARE(runs.index(0, ProbeRunModel::RunColumn).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("Run %1").arg(id.value()));
        ProbeStepModel steps(*store);
        QAbstractItemModelTester stepTester(&steps,
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(steps.load(id.value()).ok());
        QCOMPARE(steps.index(0, ProbeStepModel::DetailColumn).data().toString(), firstDetail);
        QCOMPARE(steps.index(0, ProbeStepModel::DurationColumn).data().toString(), firstDuration);
    }

    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void inventoryFollowsTheServiceRowByRow()
    {
        auto store = newStore();
        QVERIFY(store);
        auto backend = std::shared_ptr<Backend>(openSimulated("developer.json"));
        QVERIFY(backend);
        ReservationService service(backend, *store);
        InventoryModel model(*store, &service);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        InventoryFilterProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester proxyTester(
            &proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), int(InventoryModel::ColumnCount));
        QVERIFY(wait(service, service.create(Protocol::Tcp, {6000, 10}, QStringLiteral("web farm")))
                    .ok);
        QVERIFY(
            wait(service, service.create(Protocol::Udp, {6000, 10}, QStringLiteral("dns tests")))
                .ok);
        QVERIFY(wait(service, service.create(Protocol::Tcp, {4000, 5}, QStringLiteral("grpc"))).ok);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(inserted.size(), 3);
        // Ordered like the store: protocol, then start.
        QCOMPARE(model.index(0, InventoryModel::StartColumn).data().toInt(), 4000);
        QCOMPARE(model.index(1, InventoryModel::StartColumn).data().toInt(), 6000);
        QCOMPARE(model.index(2, InventoryModel::ProtocolColumn).data().toString(),
                 QStringLiteral("UDP"));
        QCOMPARE(model.index(1, InventoryModel::EndColumn).data().toInt(), 6009);
        QCOMPARE(model.index(1, InventoryModel::StateColumn).data().toString(),
                 QStringLiteral("present"));
        QCOMPARE(model.index(1, InventoryModel::HostColumn).data().toString(),
                 QStringLiteral("DEV-WORKSTATION"));
        QCOMPARE(model.index(1, 0).data(ToneRole).toString(), QStringLiteral("ok"));
        QVERIFY(model.index(1, 0).data(RecordIdRole).toLongLong() > 0);
        QVERIFY(model.index(1, InventoryModel::StateColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("lookup")));
        QCOMPARE(model.index(1, InventoryModel::StartColumn)
                     .data(Qt::TextAlignmentRole)
                     .value<Qt::Alignment>(),
                 Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        QVERIFY(model.flags(model.index(0, InventoryModel::NoteColumn)) & Qt::ItemIsEditable);
        QVERIFY(!(model.flags(model.index(0, InventoryModel::StartColumn)) & Qt::ItemIsEditable));

        // Filters: protocol, text over note, host and range, a port inside a block, state.
        proxy.setProtocol(Protocol::Udp);
        QCOMPARE(proxy.rowCount(), 1);
        proxy.setProtocol(std::nullopt);
        proxy.setText(QStringLiteral("GRPC"));
        QCOMPARE(proxy.rowCount(), 1);
        proxy.setText(QStringLiteral("6005"));
        QCOMPARE(proxy.rowCount(), 2);
        proxy.setText(QStringLiteral("dev-workstation"));
        QCOMPARE(proxy.rowCount(), 3);
        proxy.setText({});
        proxy.setState(ReservationState::Missing);
        QCOMPARE(proxy.rowCount(), 0);

        // A note edited in the view goes through the service and comes back as dataChanged.
        changed.clear();
        const QModelIndex note = model.index(0, InventoryModel::NoteColumn);
        QVERIFY(model.setData(note, QStringLiteral("grpc gateway")));
        QTRY_COMPARE(model.index(0, InventoryModel::NoteColumn).data().toString(),
                     QStringLiteral("grpc gateway"));
        QVERIFY(!changed.isEmpty());
        QVERIFY(!model.setData(model.index(0, InventoryModel::StartColumn), 1));

        // Deleted behind our back, then removed: the row turns missing (while filtered on
        // missing it appears in the proxy), then a forget removes it.
        auto* sim = dynamic_cast<SimulatedBackend*>(backend.get());
        QVERIFY(sim->deletePersistent(Protocol::Udp, {6000, 10}).ok());
        QVERIFY(!wait(service, service.remove(Protocol::Udp, {6000, 10})).ok);
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(model.index(2, 0).data(ToneRole).toString(), QStringLiteral("error"));
        const qint64 missingId = model.index(2, 0).data(RecordIdRole).toLongLong();
        QVERIFY(wait(service, service.forget(missingId)).ok);
        QCOMPARE(model.records().size(), 2);
        QCOMPARE(proxy.rowCount(), 0);
        // A forgotten or deleted block stays as a "deleted" row after the inventory's rows,
        // from the audit log; State = all shows it, the deleted state only it.
        QCOMPARE(model.deletedCount(), 1);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(2, InventoryModel::StateColumn).data(StateRole).toInt(),
                 InventoryModel::kDeletedState);
        QCOMPARE(model.index(2, 0).data(ToneRole).toString(), QStringLiteral("muted"));
        QVERIFY(!(model.flags(model.index(2, InventoryModel::NoteColumn)) & Qt::ItemIsEditable));
        proxy.setState(std::nullopt);
        QVERIFY(wait(service, service.remove(Protocol::Tcp, {4000, 5})).ok);
        QCOMPARE(model.records().size(), 1);
        QCOMPARE(model.deletedCount(), 2);
        QCOMPARE(proxy.rowCount(), 3);
        proxy.setStateValue(InventoryModel::kDeletedState);
        QCOMPARE(proxy.rowCount(), 2);
        // Two blocks left the inventory row by row; the one deleted row was replaced by two.
        QCOMPARE(removed.size(), 3);

        // Sorting through the proxy uses the raw values.
        QVERIFY(wait(service, service.create(Protocol::Tcp, {900, 2}, {})).ok);
        proxy.setState(ReservationState::Present);
        proxy.sort(InventoryModel::StartColumn, Qt::DescendingOrder);
        QCOMPARE(proxy.index(0, InventoryModel::StartColumn).data().toInt(), 6000);
        QCOMPARE(proxy.index(1, InventoryModel::StartColumn).data().toInt(), 900);
        QCOMPARE(reset.size(), 0); // never a reset for a single change
    }

    void inventoryRefreshAppliesTheDifference()
    {
        auto store = newStore();
        QVERIFY(store);
        InventoryModel model(*store, nullptr, QStringLiteral("HOST-A"));
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        auto add = [&](const QString& host, quint16 start) {
            ReservationRecord r;
            r.host = host;
            r.start = start;
            r.count = 1;
            r.state = ReservationState::Present;
            return store->inventory().upsert(r).value();
        };
        const ReservationRecord a = add(QStringLiteral("HOST-A"), 100);
        add(QStringLiteral("HOST-B"), 200); // another host: not shown
        const ReservationRecord c = add(QStringLiteral("HOST-A"), 300);
        QVERIFY(model.refresh().ok());
        QCOMPARE(model.rowCount(), 2);
        QVERIFY(store->inventory().setNote(a.id, QStringLiteral("changed")).ok());
        QVERIFY(store->inventory().remove(c.id).ok());
        add(QStringLiteral("HOST-A"), 50);
        QVERIFY(model.refresh().ok());
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, InventoryModel::StartColumn).data().toInt(), 50);
        QCOMPARE(model.index(1, InventoryModel::NoteColumn).data().toString(),
                 QStringLiteral("changed"));
        QCOMPARE(reset.size(), 0);
        // Without a service, notes are read-only.
        QVERIFY(!(model.flags(model.index(0, InventoryModel::NoteColumn)) & Qt::ItemIsEditable));
        QVERIFY(!model.setData(model.index(0, InventoryModel::NoteColumn), QStringLiteral("x")));
    }

    // The Token column reads as everything else people read (the CLI, the reports):
    // "0x" and hexadecimal digits, no leading zeros; a dash when no token is known.
    void inventoryTokenColumnIsHexadecimal_data()
    {
        QTest::addColumn<quint64>("token");
        QTest::addColumn<QString>("shown");
        QTest::newRow("32 bits") << quint64(0x7e51a3c0) << QStringLiteral("0x7e51a3c0");
        QTest::newRow("64 bits") << quint64(0x9000000000000001ULL)
                                 << QStringLiteral("0x9000000000000001");
        QTest::newRow("none") << quint64(0) << QStringLiteral("—");
    }

    void inventoryTokenColumnIsHexadecimal()
    {
        QFETCH(quint64, token);
        QFETCH(QString, shown);
        auto store = newStore();
        QVERIFY(store);
        ReservationRecord r;
        r.host = QStringLiteral("CONSOLE-HOST");
        r.start = 5037;
        r.count = 1;
        r.token = token;
        QVERIFY(store->inventory().upsert(r).ok());
        InventoryModel model(*store, nullptr, QStringLiteral("CONSOLE-HOST"));
        QVERIFY(model.refresh().ok());
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, InventoryModel::TokenColumn).data().toString(), shown);
        if (token)
            QCOMPARE(shown, QString::fromStdString(text::tokenHex(token)));
    }

    // A search runs on the model's own thread: the rows shown stay until its page arrives,
    // no older page of the new filter is appended to them meanwhile, and the page of a search
    // overtaken by another one is dropped.
    void backgroundSearchReplacesThePageWhenItArrives()
    {
        auto store = newStore();
        QVERIFY(store);
        for (int i = 0; i < 450; ++i)
            QVERIFY(store->audit().append(makeEntry(i)).ok());
        AuditLogModel model(*store);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy finished(&model, &AuditLogModel::backgroundFilterFinished);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        const int before = model.rowCount(); // the tester may have fetched more pages

        AuditFilter first;
        first.text = QStringLiteral("\"request 44\""); // 44, 440..449
        model.setFilterInBackground(first);
        AuditFilter second;
        second.text = QStringLiteral("\"request 12\""); // 12, 120..129
        model.setFilterInBackground(second);
        QVERIFY(model.isSearching());
        QCOMPARE(model.rowCount(), before); // still the old rows
        QVERIFY(!model.canFetchMore({}));
        QVERIFY(finished.wait(10000));
        QVERIFY(!model.isSearching());
        QCOMPARE(model.rowCount(), 11);
        QCOMPARE(model.record(0).request, QStringLiteral("request 129"));
        QCOMPARE(model.record(10).request, QStringLiteral("request 12"));
        // The first search's page never showed.
        QTest::qWait(50);
        QCOMPARE(finished.size(), 1);
        QCOMPARE(reset.size(), 1);
        QCOMPARE(model.filter().text, second.text);

        // A synchronous filter overtakes a search still on its way.
        model.setFilterInBackground(first);
        model.setFilter({});
        QVERIFY(!model.isSearching());
        const int unfiltered = model.rowCount();
        QVERIFY(unfiltered >= AuditLogModel::kDefaultPageSize);
        QTest::qWait(50);
        QCOMPARE(finished.size(), 1);
        QCOMPARE(model.rowCount(), unfiltered);
    }

    void auditLogLoadsPagesNewestFirst()
    {
        auto store = newStore();
        QVERIFY(store);
        for (int i = 0; i < 450; ++i)
            QVERIFY(store->audit().append(makeEntry(i)).ok());
        AuditLogModel model(*store);
        QCOMPARE(model.rowCount(), AuditLogModel::kDefaultPageSize);
        QVERIFY(model.canFetchMore({}));
        QCOMPARE(model.record(0).request, QStringLiteral("request 449"));
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.fetchMore({});
        QCOMPARE(model.rowCount(), 400);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), 200); // appended at the end
        model.fetchMore({});
        QCOMPARE(model.rowCount(), 450);
        QVERIFY(!model.canFetchMore({}));
        model.fetchMore({}); // at the end: nothing happens
        QCOMPARE(model.rowCount(), 450);
        for (int row = 0; row < 450; ++row)
            QCOMPARE(model.record(row).request, QStringLiteral("request %1").arg(449 - row));
        const int failedRow = 449 - 445; // request 445 failed
        QCOMPARE(model.index(failedRow, AuditLogModel::ResultColumn).data().toString(),
                 QStringLiteral("failed"));
        QCOMPARE(model.index(failedRow, AuditLogModel::ErrorColumn).data().toString(),
                 QStringLiteral("ERROR_SHARING_VIOLATION (32)"));
        QVERIFY(model.index(failedRow, AuditLogModel::ErrorColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("in use")));
        QCOMPARE(model.index(failedRow, 0).data(ToneRole).toString(), QStringLiteral("error"));

        // The database filter reloads from the first page.
        AuditFilter onlyFailed;
        onlyFailed.ok = false;
        model.setFilter(onlyFailed);
        QCOMPARE(model.rowCount(), 90);
        QVERIFY(!model.canFetchMore({}));
        model.setFilter({});
        QCOMPARE(model.rowCount(), 200);
        model.setPageSize(100);
        model.reload();
        QCOMPARE(model.rowCount(), 100);
        int pages = 1;
        while (model.canFetchMore({})) {
            model.fetchMore({});
            ++pages;
        }
        QCOMPARE(model.rowCount(), 450);
        QCOMPARE(pages, 5);
    }

    void auditLogAndProxyUnderTheTester()
    {
        auto store = newStore();
        QVERIFY(store);
        for (int i = 0; i < 450; ++i)
            QVERIFY(store->audit().append(makeEntry(i)).ok());
        AuditLogModel model(*store);
        // The tester calls fetchMore() at every change it sees, pages arrive as it goes.
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        HistoryFilterProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester proxyTester(
            &proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto loadedWith = [&model](std::optional<HistoryOutcome> outcome,
                                   std::optional<Protocol> protocol, const QString& text) {
            int n = 0;
            for (int row = 0; row < model.rowCount(); ++row) {
                const QModelIndex i = model.index(row, 0);
                if (outcome && i.data(OutcomeRole).toInt() != int(*outcome))
                    continue;
                if (protocol && i.data(ProtocolRole).toInt() != int(*protocol))
                    continue;
                if (!text.isEmpty() && !i.data(FilterTextRole).toString().contains(text))
                    continue;
                ++n;
            }
            return n;
        };
        proxy.setOutcome(HistoryOutcome::Failed);
        QVERIFY(proxy.rowCount() > 0);
        QCOMPARE(proxy.rowCount(), loadedWith(HistoryOutcome::Failed, std::nullopt, {}));
        proxy.setProtocol(Protocol::Udp);
        QCOMPARE(proxy.rowCount(), loadedWith(HistoryOutcome::Failed, Protocol::Udp, {}));
        model.fetchMore({});
        while (model.canFetchMore({}))
            model.fetchMore({});
        QCOMPARE(model.rowCount(), 450);
        QCOMPARE(proxy.rowCount(), 30); // i % 5 == 0 and i % 3 == 0
        proxy.setOutcome(std::nullopt);
        proxy.setProtocol(std::nullopt);
        proxy.setText(QStringLiteral("request 44"));
        QCOMPARE(proxy.rowCount(), 11); // 44, 440-449
        proxy.setText({});
        QCOMPARE(proxy.rowCount(), 450);
        // Sorting by a column's raw value.
        proxy.sort(AuditLogModel::TimeColumn, Qt::AscendingOrder);
        QCOMPARE(proxy.index(0, AuditLogModel::RequestColumn).data().toString(),
                 QStringLiteral("request 0"));

        AuditFilter onlyFailed;
        onlyFailed.ok = false;
        model.setFilter(onlyFailed);
        QCOMPARE(model.rowCount(), 90);
        QCOMPARE(proxy.rowCount(), 90);
        model.setFilter({});
        QVERIFY(model.rowCount() >= 200);
    }

    void auditLogShowsNewEntriesOnTop()
    {
        auto store = newStore();
        QVERIFY(store);
        auto backend = std::shared_ptr<Backend>(openSimulated("developer.json"));
        QVERIFY(backend);
        ReservationService service(backend, *store);
        AuditLogModel model(*store);
        model.attach(&service);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        HistoryFilterProxy proxy;
        proxy.setSourceModel(&model);
        proxy.setOutcome(HistoryOutcome::Failed);
        QAbstractItemModelTester proxyTester(
            &proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

        QVERIFY(wait(service, service.create(Protocol::Tcp, {6000, 10}, {})).ok);
        QVERIFY(!wait(service, service.create(Protocol::Tcp, {3000, 1}, {})).ok);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(inserted.size(), 2);
        QCOMPARE(inserted.at(1).at(1).toInt(), 0); // at the top
        QCOMPARE(model.index(0, AuditLogModel::ResultColumn).data().toString(),
                 QStringLiteral("failed"));
        QVERIFY(model.index(0, AuditLogModel::MessageColumn)
                    .data()
                    .toString()
                    .contains(QStringLiteral("WinNAT")));
        QCOMPARE(proxy.rowCount(), 1);

        // Entries outside the model's filter are not shown.
        AuditFilter creates;
        creates.action = AuditAction::Lookup;
        model.setFilter(creates);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(wait(service, service.create(Protocol::Tcp, {6100, 10}, {})).ok);
        QCOMPARE(model.rowCount(), 0);
        (void)wait(service, service.lookup(Protocol::Tcp, {6100, 10}));
        QCOMPARE(model.rowCount(), 1);
    }

    void probeRunsFirstScreenIsOneWindow()
    {
        auto store = newStore();
        QVERIFY(store);
        // Set PORTOLAN_MODEL_RUNS=1000000 for the size of a busy machine; the default keeps the
        // suite quick while still far beyond a page.
        const int total = qEnvironmentVariableIsSet("PORTOLAN_MODEL_RUNS")
                              ? qEnvironmentVariableIntValue("PORTOLAN_MODEL_RUNS")
                              : 20000;
        QList<ProbeRunRecord> batch;
        for (int i = 0; i < total; ++i) {
            batch.append(makeRun(i, i % 2 ? QStringLiteral("HOST-A") : QStringLiteral("HOST-B")));
            if (batch.size() == 10000 || i == total - 1) {
                QVERIFY(store->probeRuns().recordMany(batch).ok());
                batch.clear();
            }
        }
        QElapsedTimer timer;
        timer.start();
        ProbeRunModel model(*store);
        const int firstScreen = model.rowCount();
        const qint64 ms = timer.elapsed();
        qInfo("first screen of %d runs: %d rows in %lld ms", total, firstScreen, ms);
        QCOMPARE(firstScreen, ProbeRunModel::kDefaultPageSize);
        QVERIFY(model.canFetchMore({}));
        QCOMPARE(model.record(0).summary, QStringLiteral("bind run %1").arg(total - 1));
        // The next window the model asks for is an index walk, not a sort of the table.
        auto plan = store->probeRuns().queryPlan(
            model.filter(), model.pageSize(),
            PageKey{model.record(199).startedAt, model.record(199).id});
        QVERIFY(plan.ok());
        QVERIFY2(!plan->join(QLatin1Char('\n')).contains(QStringLiteral("TEMP B-TREE")),
                 qPrintable(plan->join(QLatin1Char('\n'))));
        model.fetchMore({});
        QCOMPARE(model.rowCount(), 400);
        QCOMPARE(model.record(399).summary, QStringLiteral("bind run %1").arg(total - 400));
        QCOMPARE(model.index(399, 0).data(RecordIdRole).toLongLong(), model.record(399).id);

        // Under the tester (which fetches a page at every change it sees) with a proxy.
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        ProbeRunFilter hostB;
        hostB.host = QStringLiteral("HOST-B");
        model.setFilter(hostB);
        QVERIFY(model.rowCount() >= 200);
        for (int row = 0; row < model.rowCount(); ++row)
            QCOMPARE(model.record(row).actor.host, QStringLiteral("HOST-B"));

        HistoryFilterProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester proxyTester(
            &proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setOutcome(HistoryOutcome::Cancelled);
        QVERIFY(proxy.rowCount() > 0);
        QCOMPARE(proxy.rowCount(),
                 rowsWithRole(model, OutcomeRole, int(HistoryOutcome::Cancelled)));
        const int before = proxy.rowCount();
        model.fetchMore({});
        QVERIFY(proxy.rowCount() > before); // the proxy follows pages as they arrive
        QCOMPARE(proxy.rowCount(),
                 rowsWithRole(model, OutcomeRole, int(HistoryOutcome::Cancelled)));
        proxy.setProtocol(Protocol::Udp);
        QCOMPARE(proxy.rowCount(), 0); // HOST-B runs are the even ones: TCP
        proxy.setProtocol(Protocol::Tcp);
        QCOMPARE(proxy.rowCount(),
                 rowsWithRole(model, OutcomeRole, int(HistoryOutcome::Cancelled)));
    }

    void probeRunsAndStepsFollowTheService()
    {
        auto store = newStore();
        QVERIFY(store);
        auto backend = std::shared_ptr<Backend>(openSimulated("developer.json"));
        QVERIFY(backend);
        ProbeService service(backend, *store);
        ProbeRunModel runs(*store);
        runs.attach(&service);
        ProbeStepModel steps(*store);
        steps.attach(&service);
        QAbstractItemModelTester runsTester(&runs,
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester stepsTester(
            &steps, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy stepRows(&steps, &QAbstractItemModel::rowsInserted);
        QSignalSpy finished(&service, &ProbeService::finished);

        const OperationId id =
            service.runAcquireRelease(SocketSpec::forProtocol(Protocol::Tcp), {0, 10});
        auto args = waitFor(finished, [id](const QList<QVariant>& a) {
            return a.at(0).value<OperationId>() == id;
        });
        QVERIFY(!args.isEmpty());
        const auto run = qvariant_cast<ProbeRunRecord>(args.at(1));
        QCOMPARE(stepRows.size(), run.steps.size()); // appended live, one by one
        QCOMPARE(steps.rowCount(), run.steps.size());
        QCOMPARE(steps.runId(), run.id);
        QCOMPARE(runs.rowCount(), 1);
        QCOMPARE(runs.index(0, 0).data(RecordIdRole).toLongLong(), run.id);
        QCOMPARE(runs.index(0, ProbeRunModel::ResultColumn).data().toString(),
                 QStringLiteral("ok"));
        QCOMPARE(runs.index(0, ProbeRunModel::StepsColumn).data().toInt(), int(run.steps.size()));

        BindTarget target;
        target.port = 3000;
        const OperationId bind = service.runBindProbe(target);
        args = waitFor(finished, [bind](const QList<QVariant>& a) {
            return a.at(0).value<OperationId>() == bind;
        });
        QVERIFY(!args.isEmpty());
        QCOMPARE(runs.rowCount(), 2);
        QCOMPARE(runs.index(0, ProbeRunModel::ResultColumn).data().toString(),
                 QStringLiteral("failed"));
        QCOMPARE(steps.rowCount(), 1);
        QVERIFY(steps.index(0, ProbeStepModel::ExplanationColumn)
                    .data()
                    .toString()
                    .contains(QStringLiteral("a reservation covers this port")));
        QCOMPARE(steps.index(0, ProbeStepModel::CodeColumn).data().toString(),
                 QStringLiteral("WSAEACCES (10013)"));
        QCOMPARE(steps.index(0, ProbeStepModel::PortsColumn).data().toString(),
                 QStringLiteral("3000"));

        // A stored run's steps, and an unknown one.
        QVERIFY(steps.load(run.id).ok());
        QCOMPARE(steps.rowCount(), run.steps.size());
        QVERIFY(!steps.load(999999).ok());
        QCOMPARE(steps.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(ModelsTest)
#include "tst_models.moc"
