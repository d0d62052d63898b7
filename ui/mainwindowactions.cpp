// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "elevation.h"
#include "icons.h"
#include "ui/help/guidewindow.h"
#include "ui/portmap/portmappage.h"
#include "ui/portmap/portmapwidget.h"
#include "ui/reports/reportexporter.h"
#include "ui/reservations/reservationsview.h"

#include "model/store/store.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QDialog>
#include <QDir>
#include <QMenu>
#include <QMenuBar>
#include <QToolBar>

// The main window's actions, menus and toolbar: every action has a shortcut or a mnemonic and
// is added to the window, so its shortcut works whichever view has the focus.

namespace portolan::ui {

QAction* MainWindow::makeAction(const QString& name, const QString& text,
                                const QKeySequence& shortcut, const QIcon& actionIcon,
                                const QString& tip)
{
    auto* action = new QAction(actionIcon, text, this);
    action->setObjectName(name);
    if (!shortcut.isEmpty())
        action->setShortcut(shortcut);
    QString status =
        tip.isEmpty() ? QString(text).remove(QLatin1Char('&')).remove(QStringLiteral("…")) : tip;
    if (!shortcut.isEmpty())
        action->setToolTip(
            QStringLiteral("%1 (%2)").arg(status, shortcut.toString(QKeySequence::NativeText)));
    else
        action->setToolTip(status);
    action->setStatusTip(status);
    action->setProperty(kBaseToolTip, action->toolTip());
    addAction(action); // shortcuts work whichever view has the focus
    m_actions.append(action);
    return action;
}

void MainWindow::buildActions()
{
    connect(makeAction(QStringLiteral("import"), tr("&Import…"), QKeySequence(tr("Ctrl+I")),
                       icon(IconKind::Import),
                       tr("Import a netsh excludedportrange report, portolan-cli --json list "
                          "output or a JSON report exported by Portolan")),
            &QAction::triggered, this, &MainWindow::importReport);
    // The report is gathered and written on a worker thread (ui/reportexporter.h).
    auto* exporter = new ReportExporter(m_store, m_service.backend(), this);
    exporter->setObjectName(QStringLiteral("reportExporter"));
    connect(makeAction(QStringLiteral("exportReport"), tr("&Export report…"),
                       QKeySequence(tr("Ctrl+E")), {},
                       tr("Write the reservations, the port map and recent activity as PDF, "
                          "HTML, CSV or JSON")),
            &QAction::triggered, exporter, &ReportExporter::exportReport);
    connect(exporter, &ReportExporter::started, this, [this](const QString& path) {
        showStatus(tr("Writing the report to %1…").arg(QDir::toNativeSeparators(path)));
    });
    connect(exporter, &ReportExporter::finished, this,
            [this](const QString&, bool ok, const QString& message) { showStatus(message, !ok); });
    connect(makeAction(QStringLiteral("restartElevated"), tr("Restart as &administrator"), {},
                       Elevation::shieldIcon(style()),
                       tr("Start Portolan again elevated, through the administrator prompt, with "
                          "the same arguments")),
            &QAction::triggered, this, [this] { Elevation::restart(*m_service.backend(), this); });
    QAction* quit = makeAction(QStringLiteral("quit"), tr("&Quit"), QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    connect(makeAction(QStringLiteral("newReservation"), tr("&New…"), QKeySequence::New,
                       icon(IconKind::New), tr("Create a persistent reservation")),
            &QAction::triggered, this, &MainWindow::newReservation);
    connect(makeAction(QStringLiteral("lookupReservation"), tr("&Lookup…"),
                       QKeySequence(tr("Ctrl+L")), icon(IconKind::Lookup),
                       tr("Look up a persistent reservation and its token")),
            &QAction::triggered, this, &MainWindow::lookupReservation);
    connect(makeAction(QStringLiteral("deleteReservation"), tr("&Delete…"), QKeySequence::Delete,
                       icon(IconKind::Delete), tr("Delete the selected reservation")),
            &QAction::triggered, this, &MainWindow::deleteReservation);
    connect(makeAction(QStringLiteral("protectPorts"), tr("&Protect ports…"), {}, {},
                       tr("Pin ports that a service's block covers: stop the service, reserve "
                          "the ports, start it again")),
            &QAction::triggered, this, &MainWindow::protectPorts);
    QAction* verify =
        makeAction(QStringLiteral("verifyAll"), tr("&Verify all"), QKeySequence(Qt::Key_F5),
                   icon(IconKind::Verify), tr("Look every reservation of this host up again"));
    verify->setShortcuts({QKeySequence(Qt::Key_F5), QKeySequence(tr("Ctrl+R"))});
    connect(verify, &QAction::triggered, this, &MainWindow::verifyAll);
    connect(makeAction(QStringLiteral("editNote"), tr("Edit &note…"), QKeySequence(Qt::Key_F2),
                       icon(IconKind::Note), tr("Change the note of the selected reservation")),
            &QAction::triggered, this, &MainWindow::editNote);
    connect(makeAction(
                QStringLiteral("discover"), tr("Di&scover"), QKeySequence(tr("Ctrl+Shift+D")),
                icon(IconKind::Discover),
                tr("Find the reservations that exist on the system and add them to the inventory")),
            &QAction::triggered, this, &MainWindow::discover);
    connect(makeAction(QStringLiteral("refresh"), tr("&Refresh port map"),
                       QKeySequence(tr("Ctrl+Shift+R")), icon(IconKind::Refresh),
                       tr("Read the reservations, listeners and dynamic range again")),
            &QAction::triggered, this, &MainWindow::refreshSnapshot);

    auto* views = new QActionGroup(this);
    views->setExclusive(true);
    const QString viewTexts[kViewCount] = {tr("&Reservations"), tr("&Port map"), tr("Pro&bes"),
                                           tr("S&can"),         tr("&History"),  tr("F&leet")};
    const IconKind viewIcons[kViewCount] = {IconKind::Reservations, IconKind::PortMap,
                                            IconKind::Probes,       IconKind::Scan,
                                            IconKind::History,      IconKind::Fleet};
    for (int i = 0; i < kViewCount; ++i) {
        QAction* a =
            makeAction(QStringLiteral("view-%1").arg(viewName(View(i))), viewTexts[i],
                       QKeySequence(QStringLiteral("Ctrl+%1").arg(i + 1)), icon(viewIcons[i]));
        a->setCheckable(true);
        views->addAction(a);
        m_viewActions.append(a);
        connect(a, &QAction::triggered, this, [this, i] { setCurrentView(View(i)); });
    }
    connect(makeAction(QStringLiteral("findReservation"), tr("&Filter reservations"),
                       QKeySequence::Find),
            &QAction::triggered, this, [this] {
                setCurrentView(View::Reservations);
                m_reservations->focusFilter();
            });
    QAction* zoomIn = makeAction(QStringLiteral("zoomIn"), tr("Zoom &in"), QKeySequence::ZoomIn,
                                 icon(IconKind::ZoomIn), tr("Zoom in on the port map"));
    connect(zoomIn, &QAction::triggered, this, [this] {
        setCurrentView(View::PortMap);
        portMap()->zoomIn();
    });
    QAction* zoomOut = makeAction(QStringLiteral("zoomOut"), tr("Zoom &out"), QKeySequence::ZoomOut,
                                  icon(IconKind::ZoomOut), tr("Zoom out on the port map"));
    connect(zoomOut, &QAction::triggered, this, [this] {
        setCurrentView(View::PortMap);
        portMap()->zoomOut();
    });
    connect(
        makeAction(QStringLiteral("showAllPorts"), tr("&All ports"), QKeySequence(tr("Ctrl+0"))),
        &QAction::triggered, this, [this] {
            setCurrentView(View::PortMap);
            portMap()->showAll();
        });

    connect(makeAction(QStringLiteral("sample1"), tr("Run sample probe &1 (acquire → release)"),
                       QKeySequence(tr("Ctrl+Shift+1")), icon(IconKind::Probes)),
            &QAction::triggered, this, &MainWindow::runSampleProbe1);
    connect(makeAction(QStringLiteral("sample2"),
                       tr("Run sample probe &2 (lookup → associate → bind → getsockname)"),
                       QKeySequence(tr("Ctrl+Shift+2")), icon(IconKind::Probes)),
            &QAction::triggered, this, &MainWindow::runSampleProbe2);
    connect(makeAction(QStringLiteral("testBind"), tr("&Test bind on the current map port"),
                       QKeySequence(tr("Ctrl+B"))),
            &QAction::triggered, this, [this] {
                setCurrentView(View::PortMap);
                m_portMapPage->probeCurrentPort();
            });

    connect(makeAction(QStringLiteral("userGuide"), tr("&User guide"), QKeySequence(Qt::Key_F1), {},
                       tr("Open the user guide in its own window")),
            &QAction::triggered, this, [this] { GuideWindow::showFor(this); });
    connect(makeAction(QStringLiteral("about"), tr("&About Portolan"), {}), &QAction::triggered,
            this, &MainWindow::showAbout);
    connect(makeAction(QStringLiteral("aboutQt"), tr("About &Qt"), {}), &QAction::triggered, qApp,
            &QApplication::aboutQt);
}

QAction* MainWindow::action(const QString& name) const
{
    for (QAction* a : m_actions) {
        if (a->objectName() == name)
            return a;
    }
    return nullptr;
}

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(action(QStringLiteral("import")));
    file->addAction(action(QStringLiteral("exportReport")));
    file->addSeparator();
    file->addAction(action(QStringLiteral("restartElevated")));
    file->addSeparator();
    file->addAction(action(QStringLiteral("quit")));

    QMenu* reservation = menuBar()->addMenu(tr("&Reservation"));
    for (const char* name : {"newReservation", "lookupReservation", "deleteReservation"})
        reservation->addAction(action(QLatin1String(name)));
    reservation->addAction(action(QStringLiteral("protectPorts")));
    reservation->addSeparator();
    for (const char* name : {"editNote", "verifyAll", "discover", "refresh"})
        reservation->addAction(action(QLatin1String(name)));

    QMenu* view = menuBar()->addMenu(tr("&View"));
    for (QAction* a : m_viewActions)
        view->addAction(a);
    view->addSeparator();
    view->addAction(action(QStringLiteral("findReservation")));
    view->addSeparator();
    for (const char* name : {"zoomIn", "zoomOut", "showAllPorts"})
        view->addAction(action(QLatin1String(name)));

    QMenu* tools = menuBar()->addMenu(tr("&Tools"));
    for (const char* name : {"sample1", "sample2", "testBind"})
        tools->addAction(action(QLatin1String(name)));

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(action(QStringLiteral("userGuide")));
    help->addSeparator();
    help->addAction(action(QStringLiteral("about")));
    help->addAction(action(QStringLiteral("aboutQt")));

    m_reservations->setContextActions(
        {action(QStringLiteral("editNote")), action(QStringLiteral("lookupReservation")),
         action(QStringLiteral("deleteReservation")), action(QStringLiteral("newReservation"))});
}

void MainWindow::buildToolBar()
{
    QToolBar* bar = addToolBar(tr("Main toolbar"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setMovable(false);
    bar->setIconSize(QSize(22, 22));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    for (const char* name : {"newReservation", "lookupReservation", "deleteReservation"})
        bar->addAction(action(QLatin1String(name)));
    bar->addSeparator();
    for (const char* name : {"editNote", "verifyAll", "discover"})
        bar->addAction(action(QLatin1String(name)));
    bar->addSeparator();
    bar->addAction(action(QStringLiteral("import")));
}

} // namespace portolan::ui
