// SPDX-License-Identifier: GPL-3.0-or-later
// The main window as app/portolan composes it, on the simulated developer machine: the first
// refresh, creating through the dialog, the port map and the inventory selecting each other,
// keyboard access, the status bar and the remembered layout.

#include "mainwindowstart.h"
#include "tst_mainwindow_fixture.h"

#include "ui/mainwindow.h"
#include "ui/portmap/portmappage.h"
#include "ui/portmap/portmapwidget.h"
#include "ui/reservations/blockinput.h"
#include "ui/reservations/newreservationdialog.h"
#include "ui/reservations/reservationsview.h"
#include "ui/statusbarinfo.h"

#include "model/itemmodels/filterproxies.h"
#include "model/itemmodels/inventorymodel.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>

using namespace portolan;
using namespace portolan::ui;
using portolan::shelltest::Console;
using portolan::shelltest::typeText;

using portolan::shelltest::Started;
using portolan::shelltest::startWindow;

class MainWindowTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void firstStartDiscoversAndShowsTheMachine();
    void createThroughTheDialogShowsTheRow();
    void clickingABlockOnTheMapSelectsItsRow();
    void clickingARuntimeBlockSaysItIsNotInTheInventory();
    void selectingARowSelectsItsBlockOnTheMap();
    void everyActionIsReachableFromTheKeyboard();
    void shortcutsSwitchViews();
    void viewsAndToolbarShowTheirIcons();
    void statusBarShowsBackendElevationHostAndDatabase();
    void settingsRestoreLayoutAndLastView();
    void deleteNeedsASelectedRow();
    void portMapKeepsTheLastScanAcrossARestart();
    void aBindResultLeavesWithItsPort();
};

void MainWindowTest::initTestCase()
{
    portolan::shelltest::isolateSettings("tst_mainwindow");
}

void MainWindowTest::firstStartDiscoversAndShowsTheMachine()
{
    Started s = startWindow();
    QVERIFY(s.window);
    QVERIFY(s.console->settle());
    InventoryModel* model = s.window->inventoryModel();
    QTRY_COMPARE(model->rowCount(), 2); // TCP 5037 and 8000-8009
    // The port map knows WinNAT's runtime block: port 3000 is forbidden.
    const PortInfo info = s.window->portMap()->data().describe(Protocol::Tcp, 3000);
    QCOMPARE(int(info.verdict), int(PortVerdict::Forbidden));
    QVERIFY(info.block().has_value());
    QCOMPARE(int(info.block()->range.start), 2869);
    QCOMPARE(int(info.block()->range.end()), 3368);
}

void MainWindowTest::createThroughTheDialogShowsTheRow()
{
    Started s = startWindow();
    QVERIFY(s.window);
    QVERIFY(s.console->settle());
    QTest::keyClick(s.window.get(), Qt::Key_N, Qt::ControlModifier);
    auto* dialog = qobject_cast<NewReservationDialog*>(s.window->activeDialog());
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    typeText(dialog->blockInput()->startEdit(), QStringLiteral("5000"));
    typeText(dialog->blockInput()->countEdit(), QStringLiteral("20"));
    typeText(dialog->noteEdit(), QStringLiteral("build agents"));
    QTRY_VERIFY_WITH_TIMEOUT(dialog->createButton()->isEnabled(), 10000);
    QTest::mouseClick(dialog->createButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!s.window->activeDialog(), 10000); // accepted and closed

    // The new row is in the table and selected.
    QTRY_VERIFY_WITH_TIMEOUT(s.window->reservationsView()->currentRecord().has_value(), 5000);
    const ReservationRecord row = *s.window->reservationsView()->currentRecord();
    QCOMPARE(int(row.start), 5000);
    QCOMPARE(int(row.count), 20);
    QCOMPARE(row.note, QStringLiteral("build agents"));
    QCOMPARE(s.window->reservationsView()->proxy()->rowCount(), 3);
    // And the map shows it once the refreshed snapshot has arrived.
    QTRY_COMPARE_WITH_TIMEOUT(int(s.window->portMap()->data().verdict(Protocol::Tcp, 5010)),
                              int(PortVerdict::Reserved), 10000);
}

void MainWindowTest::clickingABlockOnTheMapSelectsItsRow()
{
    Started s = startWindow();
    QVERIFY(s.window);
    QVERIFY(s.console->settle());
    QTRY_COMPARE(s.window->inventoryModel()->rowCount(), 2);
    s.window->setCurrentView(MainWindow::View::PortMap);
    PortMapWidget* map = s.window->portMap();
    map->showRange(7980, 8030);
    QTest::mouseClick(map, Qt::LeftButton, {}, map->pointForPort(Protocol::Tcp, 8004));
    const auto record = s.window->reservationsView()->currentRecord();
    QVERIFY(record.has_value());
    QCOMPARE(int(record->start), 8000);
    QCOMPARE(int(record->count), 10);
    QCOMPARE(int(record->protocol), int(Protocol::Tcp));
    // The other one, by keyboard: Enter activates the current port like a click.
    map->showRange(5020, 5060);
    map->setCurrentPort(Protocol::Tcp, 5037);
    map->setFocus();
    QTest::keyClick(map, Qt::Key_Return);
    QCOMPARE(int(s.window->reservationsView()->currentRecord()->start), 5037);
}

void MainWindowTest::clickingARuntimeBlockSaysItIsNotInTheInventory()
{
    Started s = startWindow();
    QVERIFY(s.window);
    QVERIFY(s.console->settle());
    s.window->setCurrentView(MainWindow::View::PortMap);
    PortMapWidget* map = s.window->portMap();
    map->showRange(2800, 3400);
    QTest::mouseClick(map, Qt::LeftButton, {}, map->pointForPort(Protocol::Tcp, 3000));
    QVERIFY(!s.window->reservationsView()->currentRecord().has_value());
    const QString message = s.window->statusBar()->currentMessage();
    QVERIFY2(message.contains(QStringLiteral("WinNAT")), qPrintable(message));
}

void MainWindowTest::selectingARowSelectsItsBlockOnTheMap()
{
    Started s = startWindow();
    QVERIFY(s.window);
    QVERIFY(s.console->settle());
    QTRY_COMPARE(s.window->inventoryModel()->rowCount(), 2);
    QVERIFY(s.window->reservationsView()->selectBlock(Protocol::Tcp, PortRange{5037, 1}));
    const auto selected = s.window->portMap()->selectedBlock();
    QVERIFY(selected.has_value());
    QCOMPARE(int(selected->range.start), 5037);
    QCOMPARE(int(selected->range.count), 1);
}

void MainWindowTest::everyActionIsReachableFromTheKeyboard()
{
    Started s = startWindow();
    QVERIFY(s.window);
    // Every menu has a mnemonic; every entry has a mnemonic or a shortcut.
    for (QAction* menuAction : s.window->menuBar()->actions()) {
        QVERIFY2(menuAction->text().contains(QLatin1Char('&')), qPrintable(menuAction->text()));
        QMenu* menu = menuAction->menu();
        QVERIFY(menu);
        for (QAction* entry : menu->actions()) {
            if (entry->isSeparator())
                continue;
            QVERIFY2(entry->text().contains(QLatin1Char('&')) || !entry->shortcut().isEmpty(),
                     qPrintable(entry->text()));
        }
    }
    // The ones the issue names, with the shortcuts it promises.
    const struct
    {
        const char* action;
        QKeySequence key;
    } expected[] = {
        {"newReservation", QKeySequence::New},
        {"lookupReservation", QKeySequence(QStringLiteral("Ctrl+L"))},
        {"deleteReservation", QKeySequence::Delete},
        {"verifyAll", QKeySequence(Qt::Key_F5)},
        {"editNote", QKeySequence(Qt::Key_F2)},
        {"findReservation", QKeySequence::Find},
        {"view-portmap", QKeySequence(QStringLiteral("Ctrl+2"))},
    };
    for (const auto& e : expected) {
        QAction* a = s.window->action(QLatin1String(e.action));
        QVERIFY2(a, e.action);
        QVERIFY2(a->shortcuts().contains(e.key), e.action);
    }
    QVERIFY(s.window->action(QStringLiteral("verifyAll"))
                ->shortcuts()
                .contains(QKeySequence(QStringLiteral("Ctrl+R"))));
}

void MainWindowTest::shortcutsSwitchViews()
{
    Started s = startWindow();
    QVERIFY(s.window);
    QApplication::setActiveWindow(s.window.get());
    const struct
    {
        Qt::Key key;
        MainWindow::View view;
    } keys[] = {{Qt::Key_2, MainWindow::View::PortMap},
                {Qt::Key_3, MainWindow::View::Probes},
                {Qt::Key_4, MainWindow::View::Scan},
                {Qt::Key_5, MainWindow::View::History},
                {Qt::Key_1, MainWindow::View::Reservations}};
    for (const auto& k : keys) {
        QTest::keyClick(s.window.get(), k.key, Qt::ControlModifier);
        QCOMPARE(int(s.window->currentView()), int(k.view));
        QCOMPARE(s.window->sidebar()->currentRow(), int(k.view));
    }
    // Ctrl+F goes to the filter.
    s.window->setCurrentView(MainWindow::View::History);
    QTest::keyClick(s.window.get(), Qt::Key_F, Qt::ControlModifier);
    QCOMPARE(int(s.window->currentView()), int(MainWindow::View::Reservations));
    QCOMPARE(QApplication::focusWidget(),
             static_cast<QWidget*>(s.window->reservationsView()->filterEdit()));
}

// The icons are PNG files compiled into the ui library: a resource that is not linked in
// leaves the sidebar and the toolbar without pictures.
void MainWindowTest::viewsAndToolbarShowTheirIcons()
{
    Started s = startWindow();
    QVERIFY(s.window);
    auto drawn = [](const QIcon& icon, int size) {
        const QImage image = icon.pixmap(size, size).toImage();
        if (image.width() != size)
            return false;
        int opaque = 0;
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x)
                opaque += qAlpha(image.pixel(x, y)) > 128 ? 1 : 0;
        return opaque >= size; // more than a stray pixel
    };
    QListWidget* sidebar = s.window->sidebar();
    QCOMPARE(sidebar->count(), MainWindow::kViewCount);
    for (int row = 0; row < sidebar->count(); ++row)
        QVERIFY2(drawn(sidebar->item(row)->icon(), 24), qPrintable(sidebar->item(row)->text()));
    for (const char* name : {"newReservation", "lookupReservation", "deleteReservation", "editNote",
                             "verifyAll", "discover", "import"}) {
        QVERIFY2(drawn(s.window->action(QLatin1String(name))->icon(), 16), name);
        QVERIFY2(drawn(s.window->action(QLatin1String(name))->icon(), 24), name);
    }
    // The window shows Portolan's own icon, at the sizes title bars and task bars use.
    for (int size : {16, 32, 48})
        QVERIFY2(drawn(s.window->windowIcon(), size), qPrintable(QString::number(size)));
}

void MainWindowTest::statusBarShowsBackendElevationHostAndDatabase()
{
    {
        Started s = startWindow();
        QVERIFY(s.window);
        StatusBarInfo* info = s.window->statusBarInfo();
        QVERIFY(info->isVisible());
        QVERIFY(info->backendLabel()->text().contains(QStringLiteral("Simulated")));
        QVERIFY(info->elevationLabel()->text().contains(QStringLiteral("elevated")));
        QVERIFY(!info->elevationLabel()->text().contains(QStringLiteral("not")));
        QVERIFY(info->hostLabel()->text().contains(QStringLiteral("DEV-WORKSTATION")));
        QVERIFY(info->databaseLabel()->toolTip().contains(QStringLiteral("portolan.sqlite")));
    }
    {
        Started s = startWindow("installer-range.json"); // a machine without elevation
        QVERIFY(s.window);
        StatusBarInfo* info = s.window->statusBarInfo();
        QVERIFY(info->elevationLabel()->text().contains(QStringLiteral("not elevated")));
        QVERIFY(!info->elevationLabel()->toolTip().isEmpty()); // says what it means and what to do
    }
}

void MainWindowTest::settingsRestoreLayoutAndLastView()
{
    QSettings().clear();
    {
        Started s = startWindow();
        QVERIFY(s.window);
        s.window->resize(1111, 777);
        s.window->setCurrentView(MainWindow::View::History);
        s.window->reservationsView()->table()->setColumnWidth(InventoryModel::NoteColumn, 321);
        s.window->reservationsView()->table()->setColumnHidden(InventoryModel::TokenColumn, true);
        s.window->close(); // saves
    }
#ifdef Q_OS_WIN
    QVERIFY(!QSettings().allKeys().isEmpty()); // the registry, not a file
#else
    QVERIFY(QFile::exists(QSettings().fileName()));
#endif
    {
        auto console = Console::make();
        QVERIFY(console);
        MainWindow window(*console->store, *console->reservations, *console->probes);
        window.restoreSettings();
        // Another database: its reservations first, not the view last shown on the other one.
        QCOMPARE(int(window.currentView()), int(MainWindow::View::Reservations));
        QCOMPARE(window.size(), QSize(1111, 777));
        QVERIFY(window.reservationsView()->table()->isColumnHidden(InventoryModel::TokenColumn));
        // The same database as last time: the view it was closed on.
        QSettings().setValue(QStringLiteral("mainWindow/viewDatabase"),
                             console->store->database().path());
        window.restoreSettings();
        QCOMPARE(int(window.currentView()), int(MainWindow::View::History));
    }
    QSettings().clear();
    {
        // Nothing saved: the default size and the Reservations view.
        auto console = Console::make();
        QVERIFY(console);
        MainWindow window(*console->store, *console->reservations, *console->probes);
        window.restoreSettings();
        QCOMPARE(int(window.currentView()), int(MainWindow::View::Reservations));
        QCOMPARE(window.size(), QSize(1280, 800));
    }
}

void MainWindowTest::deleteNeedsASelectedRow()
{
    Started s = startWindow();
    QVERIFY(s.window);
    QVERIFY(s.console->settle());
    QTRY_COMPARE(s.window->inventoryModel()->rowCount(), 2);
    s.window->reservationsView()->table()->clearSelection();
    QVERIFY(!s.window->action(QStringLiteral("deleteReservation"))->isEnabled());
    QVERIFY(s.window->reservationsView()->selectBlock(Protocol::Tcp, PortRange{8000, 10}));
    QVERIFY(s.window->action(QStringLiteral("deleteReservation"))->isEnabled());
    s.window->reservationsView()->table()->setFocus();
    QTest::keyClick(s.window->reservationsView()->table(), Qt::Key_Delete);
    QVERIFY(s.window->activeDialog());
    QVERIFY(s.window->activeDialog()->findChild<QLabel*>(QStringLiteral("question")));
    QCOMPARE(s.window->activeDialog()->findChild<QLabel*>(QStringLiteral("question"))->text(),
             QString::fromUtf8("Delete the persistent TCP reservation 8000–8009?"));
}

int main(int argc, char** argv)
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    MainWindowTest test;
    return QTest::qExec(&test, argc, argv);
}

void MainWindowTest::portMapKeepsTheLastScanAcrossARestart()
{
    Started s = startWindow();
    QVERIFY(s.window);
    QVERIFY(s.window->portMapPage()->data().tcp.scanRuns.empty());
    ScanRequest request;
    request.first = 2800;
    request.last = 3400;
    QSignalSpy finished(s.console->probes.get(), &ProbeService::finished);
    s.console->probes->runScan(request);
    QVERIFY(finished.wait(30000));
    s.window.reset(); // the console closes; the database and the machine stay

    MainWindow again(*s.console->store, *s.console->reservations, *s.console->probes);
    again.show();
    again.start();
    QTRY_VERIFY_WITH_TIMEOUT(!again.portMapPage()->data().tcp.scanRuns.empty(), 15000);
    const PortInfo info = again.portMapPage()->data().describe(Protocol::Tcp, 3000);
    QVERIFY(info.scanned);
    QVERIFY(info.scanRun);
    QCOMPARE(int(info.scanRun->outcome), int(BindOutcome::Forbidden));
    QVERIFY(again.portMapPage()->data().udp.scanRuns.empty()); // UDP was never scanned
}

void MainWindowTest::aBindResultLeavesWithItsPort()
{
    Started s = startWindow();
    QVERIFY(s.window);
    s.window->setCurrentView(MainWindow::View::PortMap);
    PortMapPage* page = s.window->portMapPage();
    auto* bind = page->findChild<QPushButton*>(QStringLiteral("testBind"));
    auto* result = page->findChild<QLabel*>(QStringLiteral("bindResult"));
    QVERIFY(bind && result);
    s.window->portMap()->setCurrentPort(Protocol::Tcp, 3000);
    QSignalSpy finished(s.console->probes.get(), &ProbeService::finished);
    QTest::mouseClick(bind, Qt::LeftButton);
    QVERIFY(finished.wait(10000));
    QTRY_VERIFY(result->isVisible());
    QVERIFY2(result->text().contains(QStringLiteral("3000")), qPrintable(result->text()));

    auto* goTo = page->findChild<QLineEdit*>(QStringLiteral("goToPort"));
    QVERIFY(goTo);
    goTo->setText(QStringLiteral("3000"));
    s.window->portMap()->setFocus();
    s.window->portMap()->setCurrentPort(Protocol::Tcp, 3001);
    QVERIFY(!result->isVisible());   // 3000's answer is not 3001's
    QVERIFY(goTo->text().isEmpty()); // nor does the field still name 3000
    s.window->portMap()->setCurrentPort(Protocol::Tcp, 3000);
    QVERIFY(!result->isVisible()); // nor shown again as if it were fresh
}

#include "tst_mainwindow.moc"
