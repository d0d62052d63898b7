// SPDX-License-Identifier: GPL-3.0-or-later
// The Fleet view: hosts with their problems, a well-behaved table model, "find a port" across
// the fleet, the watch list, and "Since the last boot" after two simulated boots with
// WinNAT's block at different places.

#include "viewsfixture.h"

#include "ui/fleet/fleetreportexport.h"
#include "ui/fleet/fleetview.h"
#include "ui/fleet/hostsnapshotwindow.h"
#include "ui/fleet/watchlistdialog.h"

#include "model/fleet/fleetmodel.h"
#include "model/fleet/snapshotimport.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

using namespace portolan;
using namespace portolan::ui;
using namespace portolan::testing;

namespace {

SnapshotBlock winnat(int start)
{
    return {Protocol::Tcp,
            PortRange{std::uint16_t(start), 500},
            false,
            0,
            QStringLiteral("Windows NAT (WinNAT)"),
            QStringLiteral("scenario")};
}

HostSnapshotRecord snapshotOf(const QString& host, int day, QList<SnapshotBlock> blocks,
                              int dynamicStart = 49152)
{
    HostSnapshotRecord r;
    r.host = host;
    r.gatheredAt = QDateTime(QDate(2026, 12, day), QTime(9, 0), Qt::UTC);
    r.osFamily = QStringLiteral("windows");
    r.osName = QStringLiteral("Windows 11 Pro");
    r.tcpDynamic = PortRange{std::uint16_t(dynamicStart), std::uint16_t(65536 - dynamicStart)};
    r.udpDynamic = PortRange{49152, 16384};
    r.blocks = std::move(blocks);
    r.document = host + QString::number(day) + QString::number(r.blocks.size()) +
                 QString::number(dynamicStart);
    return r;
}

bool waitFor(QSignalSpy& spy, int count = 1)
{
    return spy.size() >= count || QTest::qWaitFor([&] { return spy.size() >= count; }, 10000);
}

QStringList column(const QTableView* table, int column)
{
    QStringList values;
    for (int row = 0; row < table->model()->rowCount(); ++row)
        values << table->model()->index(row, column).data().toString();
    return values;
}

} // namespace

Q_DECLARE_METATYPE(portolan::HostSnapshotRecord)

class TestFleetView : public QObject
{
    Q_OBJECT

private slots:
    void modelIsWellBehaved()
    {
        FleetModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        FleetHost one{snapshotOf(QStringLiteral("A"), 7, {winnat(2869)}), 1};
        FleetHost two{snapshotOf(QStringLiteral("B"), 6, {}, 1024), 3};
        model.setHosts({one, two}, QDateTime(QDate(2026, 12, 7), QTime(12, 0), Qt::UTC));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, FleetModel::Age).data().toString(), QStringLiteral("3 h"));
        QCOMPARE(model.index(1, FleetModel::Age).data().toString(), QStringLiteral("27 h"));
        model.setHosts({}, {});
        QCOMPARE(model.rowCount(), 0);
    }

    void hostsShowTheirProblems_data()
    {
        QTest::addColumn<QList<HostSnapshotRecord>>("snapshots");
        QTest::addColumn<QString>("problem"); // part of the Problems cell; empty: "none"
        const QString h = QStringLiteral("HV-01");
        QTest::newRow("nothing wrong")
            << QList<HostSnapshotRecord>{snapshotOf(h, 6, {winnat(2869)}),
                                         snapshotOf(h, 7, {winnat(2869)})}
            << QString();
        QTest::newRow("dynamic range moved low")
            << QList<HostSnapshotRecord>{snapshotOf(h, 7, {}, 1025)}
            << QStringLiteral("dynamic range starts at 1025");
        QTest::newRow("block moved since the snapshot before")
            << QList<HostSnapshotRecord>{snapshotOf(h, 6, {winnat(2869)}),
                                         snapshotOf(h, 7, {winnat(7990)})}
            << QStringLiteral("TCP 2869–3368 of Windows NAT (WinNAT) moved to 7990–8489");
        const SnapshotBlock pinned{Protocol::Tcp, PortRange{41000, 10}, true, 99, {}, {}};
        QTest::newRow("persistent reservation missing")
            << QList<HostSnapshotRecord>{snapshotOf(h, 6, {pinned}), snapshotOf(h, 7, {})}
            << QStringLiteral("persistent reservation TCP 41000–41009 missing");
    }
    void hostsShowTheirProblems()
    {
        QFETCH(QList<HostSnapshotRecord>, snapshots);
        QFETCH(QString, problem);
        ViewsFixture f;
        QVERIFY(f.open());
        QVERIFY(f.store->snapshots().addMany(snapshots).ok());
        FleetView view(*f.store, QStringLiteral("DEV-WORKSTATION"));
        QSignalSpy loaded(&view, &FleetView::hostsLoaded);
        QVERIFY(waitFor(loaded));
        const QStringList problems = column(view.table(), FleetModel::Problems);
        QCOMPARE(problems.size(), 1);
        if (problem.isEmpty())
            QCOMPARE(problems.constFirst(), QStringLiteral("none"));
        else
            QVERIFY2(problems.constFirst().contains(problem), qPrintable(problems.constFirst()));
    }

    void findNamesTheHostsThatForbidThePort_data()
    {
        QTest::addColumn<int>("port");
        QTest::addColumn<QStringList>("hosts");
        QTest::addColumn<QString>("why"); // part of the first row's explanation
        QTest::newRow("8080: WinNAT on two hosts")
            << 8080 << QStringList{QStringLiteral("BUILD-01"), QStringLiteral("CI-02")}
            << QStringLiteral("runtime block 7990–8489 held by Windows NAT (WinNAT)");
        QTest::newRow("5037: a pinned reservation")
            << 5037 << QStringList{QStringLiteral("LAPTOP")}
            << QStringLiteral("persistent reservation 5037 (token 123456)");
        QTest::newRow("9999: nobody") << 9999 << QStringList{} << QString();
    }
    void findNamesTheHostsThatForbidThePort()
    {
        QFETCH(int, port);
        QFETCH(QStringList, hosts);
        QFETCH(QString, why);
        ViewsFixture f;
        QVERIFY(f.open());
        const SnapshotBlock adb{Protocol::Tcp, PortRange{5037, 1}, true, 123456, {}, {}};
        QVERIFY(f.store->snapshots()
                    .addMany({snapshotOf(QStringLiteral("BUILD-01"), 7, {winnat(7990)}),
                              snapshotOf(QStringLiteral("CI-02"), 7, {winnat(7990)}),
                              snapshotOf(QStringLiteral("LAPTOP"), 7, {adb, winnat(2869)})})
                    .ok());
        FleetView view(*f.store, QStringLiteral("DEV-WORKSTATION"));
        QSignalSpy found(&view, &FleetView::findFinished);
        view.find(Protocol::Tcp, port);
        QVERIFY(waitFor(found));
        QTableWidget* results = view.findResults();
        QStringList got;
        for (int row = 0; row < results->rowCount(); ++row)
            got << results->item(row, 0)->text();
        QCOMPARE(got, hosts);
        if (!why.isEmpty())
            QVERIFY2(results->item(0, 1)->text().contains(why),
                     qPrintable(results->item(0, 1)->text()));
        QVERIFY(view.findSummary().contains(QString::number(port)));
    }

    void watchListOffersCommonPortsAndRefusesBadOnes_data()
    {
        QTest::addColumn<QString>("other");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("none") << QString() << true;
        QTest::newRow("udp and tcp") << QStringLiteral("7000, udp 5353") << true;
        QTest::newRow("past 65535") << QStringLiteral("70000") << false;
        QTest::newRow("not a number") << QStringLiteral("http") << false;
    }
    void watchListOffersCommonPortsAndRefusesBadOnes()
    {
        QFETCH(QString, other);
        QFETCH(bool, accepted);
        WatchListDialog dialog({WatchedPort{Protocol::Tcp, 8080}});
        for (int port : {3000, 3001, 4200, 5000, 5173, 8000, 8080, 8443, 9000})
            QVERIFY(dialog.box(port));
        QVERIFY(dialog.box(8080)->isChecked());
        QVERIFY(!dialog.box(3000)->isChecked());
        dialog.box(3000)->setChecked(true);
        dialog.otherPorts()->setText(other);
        QCOMPARE(dialog.problem().isEmpty(), accepted);
        if (!accepted) {
            QVERIFY(dialog.problem().contains(other));
            QVERIFY(dialog.ports().isEmpty());
            return;
        }
        const QList<WatchedPort> ports = dialog.ports();
        QVERIFY(ports.contains(WatchedPort{Protocol::Tcp, 3000}));
        QVERIFY(ports.contains(WatchedPort{Protocol::Tcp, 8080}));
        QCOMPARE(ports.contains(WatchedPort{Protocol::Udp, 5353}), !other.isEmpty());
    }

    // Opening a host shows what its snapshot saw, and nothing that could change it.
    void openedHostIsItsSnapshotReadOnly()
    {
        ViewsFixture f;
        QVERIFY(f.open());
        HostSnapshot snapshot;
        snapshot.host = "BUILD-01";
        snapshot.os = OsInfo{"windows", "Windows 11 Pro", "10.0.22631"};
        snapshot.backend = "windows";
        snapshot.gatheredAt = 1765094400;
        snapshot.dynamicTcp = PortRange{49152, 16384};
        snapshot.persistent = {ReservedBlock{Protocol::Tcp, PortRange{5037, 1}, true, 42, {}, {}}};
        snapshot.runtime = {ReservedBlock{Protocol::Tcp, PortRange{2869, 500}, false, kNoToken,
                                          "Windows NAT (WinNAT)", "HNS registry"}};
        snapshot.listeners = {
            Listener{Protocol::Tcp, AddressFamily::IPv4, "0.0.0.0", 5173, 14236, "node.exe"}};
        QVERIFY(f.store->snapshots().add(recordFromSnapshot(snapshot)).ok());
        FleetView view(*f.store, QStringLiteral("DEV-WORKSTATION"));
        QSignalSpy loaded(&view, &FleetView::hostsLoaded);
        QVERIFY(waitFor(loaded));
        view.table()->setCurrentIndex(view.table()->model()->index(0, 0));
        QSignalSpy opened(&view, &FleetView::hostOpened);
        view.openCurrentHost();
        QVERIFY(waitFor(opened));
        HostSnapshotWindow window(opened.at(0).at(0).value<HostSnapshotRecord>());
        QCOMPARE(window.inventory()->rowCount(), 2);
        QCOMPARE(window.listeners()->rowCount(), 1);
        QCOMPARE(window.listeners()->item(0, 3)->text(), QStringLiteral("node.exe"));
        QVERIFY(window.bannerText().startsWith(QStringLiteral("Read-only snapshot of BUILD-01")));
        QCOMPARE(window.findChildren<QPushButton*>().size(), 0);
        QCOMPARE(window.inventory()->editTriggers(), QAbstractItemView::NoEditTriggers);
    }

    void fleetReportHasASummaryAndASectionPerHost_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("expected"); // texts the file holds
        QTest::newRow("csv") << QStringLiteral("fleet.csv")
                             << QStringList{QStringLiteral("host,os,gathered_at"),
                                            QStringLiteral("BUILD-01,Windows 11 Pro,"),
                                            QStringLiteral(",tcp,7990,8489,500,false,,"
                                                           "Windows NAT (WinNAT)")};
        QTest::newRow("json") << QStringLiteral("fleet.json")
                              << QStringList{QStringLiteral("\"portolan-fleet-report\""),
                                             QStringLiteral("\"summary\""),
                                             QStringLiteral("moved to 7990–8489")};
        QTest::newRow("html") << QStringLiteral("fleet.html")
                              << QStringList{QStringLiteral("<h2>Summary</h2>"),
                                             QStringLiteral("<h2>BUILD-01</h2>"),
                                             QStringLiteral("<h2>CI-02</h2>")};
        QTest::newRow("pdf") << QStringLiteral("fleet.pdf") << QStringList{QStringLiteral("%PDF")};
    }
    void fleetReportHasASummaryAndASectionPerHost()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, expected);
        ViewsFixture f;
        QVERIFY(f.open());
        QVERIFY(f.store->snapshots()
                    .addMany({snapshotOf(QStringLiteral("BUILD-01"), 6, {winnat(2869)}),
                              snapshotOf(QStringLiteral("BUILD-01"), 7, {winnat(7990)}),
                              snapshotOf(QStringLiteral("CI-02"), 7, {})})
                    .ok());
        FleetView view(*f.store, QStringLiteral("DEV-WORKSTATION"));
        QSignalSpy written(&view, &FleetView::reportWritten);
        const QString path = f.dir.filePath(file);
        view.exportReportTo(path);
        QVERIFY(waitFor(written));
        QCOMPARE(written.at(0).at(1).toString(), QString());
        QFile report(path);
        QVERIFY(report.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(report.readAll());
        for (const QString& part : expected)
            QVERIFY2(text.contains(part), qPrintable(part));
    }

    // Two boots of the simulated developer machine with WinNAT's block at different places:
    // the panel names the moved block and the watched port it covers now.
    void sinceTheLastBootReportsTheMovedBlock_data()
    {
        QTest::addColumn<int>("newStart");
        QTest::addColumn<int>("watched");
        QTest::addColumn<bool>("nowForbidden");
        // The developer machine pins 5037 and 8000-8009: WinNAT's new place avoids them.
        QTest::newRow("moved over 8080") << 8050 << 8080 << true;
        QTest::newRow("moved over 9000") << 9000 << 9000 << true;
        QTest::newRow("moved away from a watched 3000") << 8050 << 3000 << false;
    }
    void sinceTheLastBootReportsTheMovedBlock()
    {
        QFETCH(int, newStart);
        QFETCH(int, watched);
        QFETCH(bool, nowForbidden);
        ViewsFixture f;
        QVERIFY(f.open());
        QVERIFY(f.store->snapshots().setWatchedPorts({{Protocol::Tcp, watched}}).ok());
        QSignalSpy recorded(f.reservations.get(), &ReservationService::bootSnapshotRecorded);
        f.reservations->recordBootSnapshot();
        QVERIFY(waitFor(recorded));
        QVERIFY(recorded.at(0).at(2).toBool());
        // The same boot again (a second start of the console): nothing new.
        f.reservations->recordBootSnapshot();
        QVERIFY(waitFor(recorded, 2));
        QVERIFY(!recorded.at(1).at(2).toBool());

        SimulatedControl& control = f.backend->control();
        QVERIFY(control.reboot().ok());
        QVERIFY(control.removeServiceBlock(Protocol::Tcp, PortRange{2869, 500}).ok());
        QVERIFY(control
                    .addServiceBlock({Protocol::Tcp, PortRange{std::uint16_t(newStart), 500},
                                      "Windows NAT (WinNAT)", 4, kNoToken})
                    .ok());
        f.reservations->recordBootSnapshot();
        QVERIFY(waitFor(recorded, 3));
        QVERIFY(recorded.at(2).at(2).toBool());

        FleetView view(*f.store, f.reservations->host());
        QSignalSpy loaded(&view, &FleetView::sinceBootLoaded);
        QVERIFY(waitFor(loaded));
        QVERIFY(view.sinceBoot().before.has_value());
        QStringList lines;
        for (int row = 0; row < view.sinceBootList()->count(); ++row)
            lines << view.sinceBootList()->item(row)->text();
        const QString all = lines.join(QLatin1Char('\n'));
        const QString moved = QStringLiteral("Moved: Windows NAT (WinNAT)'s block TCP 2869–3368 "
                                             "is now at %1–%2")
                                  .arg(newStart)
                                  .arg(newStart + 499);
        QVERIFY2(all.contains(moved), qPrintable(all));
        const QString forbidden =
            QStringLiteral("Watched port TCP %1 became forbidden: Windows NAT (WinNAT)'s block "
                           "TCP %2–%3 holds it")
                .arg(watched)
                .arg(newStart)
                .arg(newStart + 499);
        QCOMPARE(all.contains(forbidden), nowForbidden);
        QCOMPARE(lines.constFirst() == forbidden, nowForbidden); // watched ports come first
    }
};

int main(int argc, char** argv)
{
    useOffscreenUnlessSet();
    QApplication app(argc, argv);
    QApplication::setFont(QFont(QStringLiteral("DejaVu Sans"), 9));
    TestFleetView test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_fleetview.moc"
