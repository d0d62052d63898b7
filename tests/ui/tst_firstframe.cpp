// SPDX-License-Identifier: GPL-3.0-or-later
// Nothing slow on the GUI thread from the first frame: on a machine whose capabilities and
// discovery do not answer until the test lets them, the main window paints its first frame
// with the inventory of the database and "Reading the system…", keeps the actions that need
// the answer disabled (saying why), and fills in once the worker has read the system.

#include "firstframefixture.h"

#include "ui/errorpresenter.h"
#include "ui/mainwindow.h"
#include "ui/portmap/portmapdata.h"
#include "ui/portmap/portmapwidget.h"
#include "ui/statusbarinfo.h"

#include "model/itemmodels/inventorymodel.h"
#include "model/store/inventorystore.h"

#include "platform/simulated/simulatedcontrol.h"
#include "platform/windows/windowsbackend.h"

#include "../support/scriptedwindows.h"

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QLabel>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>

#include <chrono>

using namespace portolan;
using namespace portolan::ui;
using portolan::shelltest::Console;
using portolan::shelltest::FirstPaint;
using portolan::shelltest::GatedConsole;

namespace {

// A row the database already holds, so that the first frame has an inventory to show.
bool storeKnownRow(Store& store, const QString& host)
{
    ReservationRecord record;
    record.host = host;
    record.protocol = Protocol::Tcp;
    record.start = 8000;
    record.count = 10;
    record.token = 0x1234;
    record.source = ReservationSource::Created;
    record.state = ReservationState::Present;
    record.note = QStringLiteral("known before the start");
    return store.inventory().upsert(record).ok();
}

Capabilities without(const QString& capability)
{
    Capabilities caps;
    caps.persistentReservations = capability != QLatin1String("persistentReservations");
    caps.persistentTokens = caps.persistentReservations;
    caps.discoverReservations = capability != QLatin1String("discoverReservations");
    caps.runtimeReservations = true;
    caps.bindProbe = capability != QLatin1String("bindProbe");
    caps.listeners = true;
    caps.dynamicRange = true;
    return caps;
}

} // namespace

class FirstFrameTest : public QObject
{
    Q_OBJECT

private slots:
    void firstFrameComesBeforeTheSystemAnswers();
    void actionsWaitForTheSystem_data();
    void actionsWaitForTheSystem();
    void aFailedReadSaysWhatToDo();
    void slowNetshDoesNotDelayTheFirstFrame();
    void closingDoesNotWaitForNetsh();
};

void FirstFrameTest::firstFrameComesBeforeTheSystemAnswers()
{
    auto gated = GatedConsole::make();
    QVERIFY(gated);
    Console& console = *gated->console;
    QVERIFY(storeKnownRow(*console.store, console.reservations->host()));

    QSignalSpy systemRead(console.reservations.get(), &ReservationService::systemRead);
    MainWindow window(*console.store, *console.reservations, *console.probes);
    QSignalSpy firstRefresh(&window, &MainWindow::firstRefreshFinished);
    QSignalSpy snapshots(&window, &MainWindow::snapshotApplied);
    // The window asked on the worker; the worker is now inside capabilities(), held.
    QTRY_VERIFY(gated->slow->waiting() > 0);

    struct AtFirstPaint
    {
        int slowCallsReturned = -1;
        int slowCallsWaiting = -1;
        int inventoryRows = -1;
        QString elevation;
        QString message;
        bool discoverEnabled = true;
        QString discoverTip;
    } seen;
    FirstPaint paint(&window, [&] {
        seen.slowCallsReturned = gated->slow->returned();
        seen.slowCallsWaiting = gated->slow->waiting();
        seen.inventoryRows = window.inventoryModel()->rowCount();
        seen.elevation = window.statusBarInfo()->elevationLabel()->text();
        seen.message = window.statusBar()->currentMessage();
        seen.discoverEnabled = window.action(QStringLiteral("discover"))->isEnabled();
        seen.discoverTip = window.action(QStringLiteral("discover"))->toolTip();
    });
    window.resize(1280, 800);
    window.show();
    window.start();
    QTRY_VERIFY(paint.seen());

    // The frame was painted while the backend's call was still held at the gate.
    QCOMPARE(seen.slowCallsReturned, 0);
    QVERIFY(seen.slowCallsWaiting > 0);
    QCOMPARE(seen.inventoryRows, 1); // the database's inventory, before the system answered
    QVERIFY2(seen.elevation.contains(QStringLiteral("Reading the system")),
             qPrintable(seen.elevation));
    QVERIFY2(seen.message.contains(QStringLiteral("Reading the system")), qPrintable(seen.message));
    QVERIFY(!seen.discoverEnabled);
    QVERIFY2(seen.discoverTip.contains(QStringLiteral("still reading")),
             qPrintable(seen.discoverTip));
    QCOMPARE(systemRead.count(), 0);
    QCOMPARE(firstRefresh.count(), 0);
    QCOMPARE(snapshots.count(), 0);

    gated->slow->open();
    QTRY_COMPARE(systemRead.count(), 1);
    QTRY_COMPARE(firstRefresh.count(), 1);
    QVERIFY(gated->slow->returned() > 0);
    const QString elevation = window.statusBarInfo()->elevationLabel()->text();
    QVERIFY2(elevation.contains(QStringLiteral("elevated")) &&
                 !elevation.contains(QStringLiteral("Reading")),
             qPrintable(elevation));
    QVERIFY(window.action(QStringLiteral("discover"))->isEnabled());
    QVERIFY(!window.action(QStringLiteral("discover"))
                 ->toolTip()
                 .contains(QStringLiteral("still reading")));
    QVERIFY(!window.statusBar()->currentMessage().contains(QStringLiteral("Reading the system")));
    // The port map has the machine's snapshot: WinNAT's runtime block makes 3000 forbidden.
    QVERIFY(snapshots.count() >= 1);
    const PortInfo info = window.portMap()->data().describe(Protocol::Tcp, 3000);
    QCOMPARE(int(info.verdict), int(PortVerdict::Forbidden));
    QCOMPARE(window.inventoryModel()->rowCount(), 1);
    // No slow call was made on the GUI thread (such a call would not have waited).
    QCOMPARE(gated->slow->callsFromCreatingThread(), 0);
}

void FirstFrameTest::actionsWaitForTheSystem_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("missing"); // the capability the backend lacks; "" for none
    QTest::addColumn<bool>("enabledAfter");
    QTest::addColumn<QString>("tipAfter"); // what the tooltip says when it stays disabled

    QTest::newRow("discover") << "discover"
                              << "" << true << "";
    QTest::newRow("discover, cannot") << "discover"
                                      << "discoverReservations" << false << "cannot discover";
    QTest::newRow("new") << "newReservation"
                         << "" << true << "";
    QTest::newRow("new, cannot") << "newReservation"
                                 << "persistentReservations" << false << "cannot create";
    QTest::newRow("lookup, cannot") << "lookupReservation"
                                    << "persistentReservations" << false << "cannot create";
    QTest::newRow("verify all") << "verifyAll"
                                << "" << true << "";
    QTest::newRow("verify all, cannot") << "verifyAll"
                                        << "persistentReservations" << false << "cannot create";
    QTest::newRow("test bind") << "testBind"
                               << "" << true << "";
    QTest::newRow("test bind, cannot") << "testBind"
                                       << "bindProbe" << false << "cannot bind";
}

void FirstFrameTest::actionsWaitForTheSystem()
{
    QFETCH(QString, action);
    QFETCH(QString, missing);
    QFETCH(bool, enabledAfter);
    QFETCH(QString, tipAfter);

    auto gated = GatedConsole::make();
    QVERIFY(gated);
    gated->slow->overrideCapabilities(without(missing));
    Console& console = *gated->console;
    MainWindow window(*console.store, *console.reservations, *console.probes);
    QSignalSpy systemRead(console.reservations.get(), &ReservationService::systemRead);
    window.show();
    window.start();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    QAction* a = window.action(action);
    QVERIFY(a);
    QVERIFY(!a->isEnabled());
    QVERIFY2(a->toolTip().contains(QStringLiteral("still reading")), qPrintable(a->toolTip()));
    QVERIFY(systemRead.isEmpty());

    gated->slow->open();
    QTRY_COMPARE(systemRead.count(), 1);
    QTRY_VERIFY(window.firstRefreshDone());
    QCOMPARE(a->isEnabled(), enabledAfter);
    QVERIFY2(!a->toolTip().contains(QStringLiteral("still reading")), qPrintable(a->toolTip()));
    if (!tipAfter.isEmpty())
        QVERIFY2(a->toolTip().contains(tipAfter), qPrintable(a->toolTip()));
    QCOMPARE(gated->slow->callsFromCreatingThread(), 0);
}

// A read of the system that fails arrives as an error value: the status bar names its kind,
// the native code and what to do about it.
void FirstFrameTest::aFailedReadSaysWhatToDo()
{
    auto gated = GatedConsole::make();
    QVERIFY(gated);
    Console& console = *gated->console;
    QVERIFY(storeKnownRow(*console.store, console.reservations->host())); // no discovery
    console.control->failNextCall(SimulatedCall::BootTime, 5);            // ERROR_ACCESS_DENIED
    MainWindow window(*console.store, *console.reservations, *console.probes);
    QSignalSpy failed(console.reservations.get(), &ReservationService::operationFailed);
    window.show();
    window.start();
    gated->slow->open();
    QTRY_COMPARE(failed.count(), 1);
    QCOMPARE(failed.at(0).at(1).value<ReservationOperation>(), ReservationOperation::CheckBoot);
    const QString message = window.statusBar()->currentMessage();
    QVERIFY2(message.contains(QStringLiteral("check-boot failed")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("ERROR_ACCESS_DENIED")), qPrintable(message));
    QVERIFY2(message.contains(ui::ErrorPresenter::kindText(ErrorKind::AccessDenied)),
             qPrintable(message));
    const QString remedy = ui::ErrorPresenter::remedyText(ErrorKind::AccessDenied);
    QVERIFY(!remedy.isEmpty());
    QVERIFY2(message.contains(remedy), qPrintable(message));
    QTRY_VERIFY(window.firstRefreshDone());
}

namespace {

// The console over the real Windows backend, talking to a scripted Windows whose netsh answers
// only 5 s after its first run began.
std::unique_ptr<Console> windowsConsole(std::shared_ptr<testsupport::ScriptedWindows> windows)
{
    return Console::make("developer.json", [&windows](std::shared_ptr<Backend>) {
        return std::shared_ptr<Backend>(std::make_shared<WindowsBackend>(windows->api()));
    });
}

} // namespace

// The Windows backend's first capabilities() runs netsh; with netsh taking 5 s, the window
// still paints at once and fills in when netsh has answered.
void FirstFrameTest::slowNetshDoesNotDelayTheFirstFrame()
{
    auto windows = testsupport::ScriptedWindows::delayed(std::chrono::seconds(5));
    auto console = windowsConsole(windows);
    QVERIFY(console);
    QCOMPARE(console->backend->name(), std::string_view("windows"));
    QVERIFY(storeKnownRow(*console->store, console->reservations->host()));

    QSignalSpy systemRead(console->reservations.get(), &ReservationService::systemRead);
    MainWindow window(*console->store, *console->reservations, *console->probes);
    QSignalSpy firstRefresh(&window, &MainWindow::firstRefreshFinished);
    QTRY_VERIFY(windows->netshStarted() > 0); // the worker waits inside netsh

    int netshReturnedAtPaint = -1;
    int rowsAtPaint = -1;
    QString elevationAtPaint;
    FirstPaint paint(&window, [&] {
        netshReturnedAtPaint = windows->netshReturned();
        rowsAtPaint = window.inventoryModel()->rowCount();
        elevationAtPaint = window.statusBarInfo()->elevationLabel()->text();
    });
    window.resize(1280, 800);
    window.show();
    window.start();
    QTRY_VERIFY(paint.seen());
    QCOMPARE(netshReturnedAtPaint, 0);
    QCOMPARE(rowsAtPaint, 1);
    QVERIFY2(elevationAtPaint.contains(QStringLiteral("Reading the system")),
             qPrintable(elevationAtPaint));
    QCOMPARE(systemRead.count(), 0);

    // netsh answers after its 5 s; the status and the port map then show what it said.
    QTRY_COMPARE_WITH_TIMEOUT(systemRead.count(), 1, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(firstRefresh.count(), 1, 30000);
    QVERIFY(windows->netshReturned() > 0);
    const QString elevation = window.statusBarInfo()->elevationLabel()->text();
    QVERIFY2(elevation.contains(QStringLiteral("elevated")) &&
                 !elevation.contains(QStringLiteral("Reading")),
             qPrintable(elevation));
    // WinNAT's block 2869-3368, which only netsh names, makes 3000 forbidden on the map.
    QTRY_COMPARE(int(window.portMap()->data().describe(Protocol::Tcp, 3000).verdict),
                 int(PortVerdict::Forbidden));
}

// Closing the console while netsh has not answered ends that netsh run instead of waiting.
void FirstFrameTest::closingDoesNotWaitForNetsh()
{
    auto windows = testsupport::ScriptedWindows::delayed(std::chrono::seconds(5));
    auto console = windowsConsole(windows);
    QVERIFY(console);
    {
        MainWindow window(*console->store, *console->reservations, *console->probes);
        window.show();
        window.start();
        QTRY_VERIFY(windows->netshStarted() > 0);
    }
    console.reset();
    QCOMPARE(windows->netshCancelled(), 1);
    QCOMPARE(windows->netshReturned(), 0);
}

int main(int argc, char** argv)
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    FirstFrameTest test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_firstframe.moc"
