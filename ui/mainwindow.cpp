#include "mainwindow.h"

#include "ui/reservations/deletedialog.h"
#include "elevation.h"
#include "errorpresenter.h"
#include "icons.h"
#include "ui/reservations/lookupdialog.h"
#include "ui/reservations/newreservationdialog.h"
#include "ui/reservations/notedialog.h"
#include "ui/portmap/portmappage.h"
#include "ui/portmap/portmapwidget.h"
#include "ui/reports/reportexporter.h"
#include "ui/reservations/reservationsview.h"
#include "statusbarinfo.h"

#include "model/services/explanations.h"
#include "model/import/importer.h"
#include "model/itemmodels/inventorymodel.h"
#include "model/services/probeservice.h"
#include "model/store/store.h"

#include "ui/history/historyview.h"
#include "ui/probes/probesview.h"
#include "ui/scan/scanview.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDialog>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QTableView>
#include <QTimer>
#include <QToolBar>

#ifndef PORTOLAN_VERSION
#define PORTOLAN_VERSION "0.1.0"
#endif

namespace portolan::ui {
namespace {

constexpr int kStatusTimeoutMs = 15000;

const char* const kViewNames[MainWindow::kViewCount] = {"reservations", "portmap", "probes",
                                                        "scan", "history"};

} // namespace

QString MainWindow::viewName(View view)
{
    return QString::fromLatin1(kViewNames[int(view)]);
}

std::optional<MainWindow::View> MainWindow::viewFromName(const QString& name)
{
    for (int i = 0; i < kViewCount; ++i) {
        if (name == QLatin1String(kViewNames[i]))
            return View(i);
    }
    return std::nullopt;
}

MainWindow::MainWindow(Store& store, ReservationService& reservations, ProbeService& probes,
                       QWidget* parent)
    : QMainWindow(parent), m_store(store), m_service(reservations), m_probes(probes)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Portolan — %1").arg(reservations.host()));
    setWindowIcon(icon(IconKind::PortMap));
    m_inventory = new InventoryModel(store, &reservations, QString(), this);

    buildViews();
    buildActions();
    buildMenus();
    buildToolBar();
    buildStatusBar();
    connectServices();
    setCurrentView(View::Reservations);
    updateActions();
}

MainWindow::~MainWindow() = default;

// ---- construction -------------------------------------------------------------------------

void MainWindow::buildViews()
{
    auto* central = new QWidget(this);
    auto* layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    m_sidebar = new QListWidget(central);
    m_sidebar->setObjectName(QStringLiteral("sidebar"));
    m_sidebar->setIconSize(QSize(24, 24));
    m_sidebar->setSpacing(2);
    m_sidebar->setFrameShape(QFrame::NoFrame);
    m_sidebar->setAccessibleName(tr("Views"));
    QPalette pal = m_sidebar->palette();
    pal.setColor(QPalette::Base, pal.color(QPalette::Window).darker(104));
    m_sidebar->setPalette(pal);
    const struct
    {
        IconKind icon;
        QString text;
        QString tip;
    } items[kViewCount] = {
        {IconKind::Reservations, tr("Reservations"), tr("The inventory of persistent reservations (Ctrl+1)")},
        {IconKind::PortMap, tr("Port map"), tr("Every port of TCP and UDP at a glance (Ctrl+2)")},
        {IconKind::Probes, tr("Probes"), tr("The two sample programs and custom probes (Ctrl+3)")},
        {IconKind::Scan, tr("Scan"), tr("Bind-probe a range of ports (Ctrl+4)")},
        {IconKind::History, tr("History"), tr("Audit log and probe runs (Ctrl+5)")},
    };
    int widest = 0;
    for (const auto& item : items) {
        auto* entry = new QListWidgetItem(icon(item.icon), item.text, m_sidebar);
        entry->setToolTip(item.tip);
        entry->setSizeHint(QSize(0, 36));
        widest = qMax(widest, m_sidebar->fontMetrics().horizontalAdvance(item.text));
    }
    m_sidebar->setFixedWidth(widest + 24 + 40);

    m_stack = new QStackedWidget(central);
    m_stack->setObjectName(QStringLiteral("views"));

    m_reservations = new ReservationsView(*m_inventory, m_stack);
    m_portMapPage = new PortMapPage(m_probes, m_stack);

    // The Probes, Scan and History views are made when first shown: the window's first frame
    // does not wait for widgets nobody has looked at yet (tests/bench/startup-bench).
    for (QWidget** view : {&m_probesView, &m_scanView, &m_historyView})
        *view = new QWidget(m_stack);

    for (QWidget* view : {static_cast<QWidget*>(m_reservations), static_cast<QWidget*>(m_portMapPage),
                          m_probesView, m_scanView, m_historyView})
        m_stack->addWidget(view);

    layout->addWidget(m_sidebar);
    auto* line = new QFrame(central);
    line->setFrameShape(QFrame::VLine);
    line->setFrameShadow(QFrame::Sunken);
    layout->addWidget(line);
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);

    connect(m_sidebar, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0)
            return;
        ensureView(View(row));
        m_stack->setCurrentIndex(row);
        if (row < m_viewActions.size())
            m_viewActions[row]->setChecked(true);
        updateActions();
    });
    connect(m_reservations, &ReservationsView::currentRecordChanged, this,
            &MainWindow::onRecordSelected);
    connect(m_reservations, &ReservationsView::editNoteRequested, this, &MainWindow::editNote);
    connect(m_portMapPage, &PortMapPage::blockActivated, this, &MainWindow::onBlockActivated);
}

QAction* MainWindow::makeAction(const QString& name, const QString& text,
                                const QKeySequence& shortcut, const QIcon& actionIcon,
                                const QString& tip)
{
    auto* action = new QAction(actionIcon, text, this);
    action->setObjectName(name);
    if (!shortcut.isEmpty())
        action->setShortcut(shortcut);
    QString status = tip.isEmpty() ? QString(text).remove(QLatin1Char('&')).remove(QStringLiteral("…")) : tip;
    if (!shortcut.isEmpty())
        action->setToolTip(QStringLiteral("%1 (%2)").arg(status, shortcut.toString(QKeySequence::NativeText)));
    else
        action->setToolTip(status);
    action->setStatusTip(status);
    addAction(action); // shortcuts work whichever view has the focus
    m_actions.append(action);
    return action;
}

void MainWindow::buildActions()
{
    connect(makeAction(QStringLiteral("import"), tr("&Import…"), QKeySequence(tr("Ctrl+I")),
                       icon(IconKind::Import),
                       tr("Import a netsh excludedportrange report, portolan-cli --json list output or a JSON report exported by Portolan")),
            &QAction::triggered, this, &MainWindow::importReport);
    // The report is gathered and written on a worker thread (ui/reportexporter.h).
    auto* exporter = new ReportExporter(m_store, m_service.backend(), this);
    exporter->setObjectName(QStringLiteral("reportExporter"));
    connect(makeAction(QStringLiteral("exportReport"), tr("&Export report…"), QKeySequence(tr("Ctrl+E")),
                       {}, tr("Write the reservations, the port map and recent activity as PDF, "
                              "HTML, CSV or JSON")),
            &QAction::triggered, exporter, &ReportExporter::exportReport);
    connect(exporter, &ReportExporter::started, this, [this](const QString& path) {
        showStatus(tr("Writing the report to %1…").arg(QDir::toNativeSeparators(path)));
    });
    connect(exporter, &ReportExporter::finished, this,
            [this](const QString&, bool ok, const QString& message) { showStatus(message, !ok); });
    QAction* quit = makeAction(QStringLiteral("quit"), tr("&Quit"), QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    connect(makeAction(QStringLiteral("newReservation"), tr("&New…"), QKeySequence::New,
                       icon(IconKind::New), tr("Create a persistent reservation")),
            &QAction::triggered, this, &MainWindow::newReservation);
    connect(makeAction(QStringLiteral("lookupReservation"), tr("&Lookup…"), QKeySequence(tr("Ctrl+L")),
                       icon(IconKind::Lookup), tr("Look up a persistent reservation and its token")),
            &QAction::triggered, this, &MainWindow::lookupReservation);
    connect(makeAction(QStringLiteral("deleteReservation"), tr("&Delete…"), QKeySequence::Delete,
                       icon(IconKind::Delete), tr("Delete the selected reservation")),
            &QAction::triggered, this, &MainWindow::deleteReservation);
    QAction* verify = makeAction(QStringLiteral("verifyAll"), tr("&Verify all"), QKeySequence(Qt::Key_F5),
                                 icon(IconKind::Verify),
                                 tr("Look every reservation of this host up again"));
    verify->setShortcuts({QKeySequence(Qt::Key_F5), QKeySequence(tr("Ctrl+R"))});
    connect(verify, &QAction::triggered, this, &MainWindow::verifyAll);
    connect(makeAction(QStringLiteral("editNote"), tr("Edit &note…"), QKeySequence(Qt::Key_F2),
                       icon(IconKind::Note), tr("Change the note of the selected reservation")),
            &QAction::triggered, this, &MainWindow::editNote);
    connect(makeAction(QStringLiteral("discover"), tr("Di&scover"), QKeySequence(tr("Ctrl+Shift+D")),
                       icon(IconKind::Discover),
                       tr("Find the reservations that exist on the system and add them to the inventory")),
            &QAction::triggered, this, &MainWindow::discover);
    connect(makeAction(QStringLiteral("refresh"), tr("&Refresh port map"), QKeySequence(tr("Ctrl+Shift+R")),
                       icon(IconKind::Refresh),
                       tr("Read the reservations, listeners and dynamic range again")),
            &QAction::triggered, this, &MainWindow::refreshSnapshot);

    auto* views = new QActionGroup(this);
    views->setExclusive(true);
    const QString viewTexts[kViewCount] = {tr("&Reservations"), tr("&Port map"), tr("Pro&bes"),
                                           tr("S&can"), tr("&History")};
    const IconKind viewIcons[kViewCount] = {IconKind::Reservations, IconKind::PortMap,
                                            IconKind::Probes, IconKind::Scan, IconKind::History};
    for (int i = 0; i < kViewCount; ++i) {
        QAction* a = makeAction(QStringLiteral("view-%1").arg(viewName(View(i))), viewTexts[i],
                                QKeySequence(QStringLiteral("Ctrl+%1").arg(i + 1)),
                                icon(viewIcons[i]));
        a->setCheckable(true);
        views->addAction(a);
        m_viewActions.append(a);
        connect(a, &QAction::triggered, this, [this, i] { setCurrentView(View(i)); });
    }
    connect(makeAction(QStringLiteral("findReservation"), tr("&Filter reservations"), QKeySequence::Find),
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
    connect(makeAction(QStringLiteral("showAllPorts"), tr("&All ports"), QKeySequence(tr("Ctrl+0"))),
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

    connect(makeAction(QStringLiteral("about"), tr("&About Portolan"), QKeySequence(Qt::Key_F1)),
            &QAction::triggered, this, &MainWindow::showAbout);
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
    file->addAction(action(QStringLiteral("quit")));

    QMenu* reservation = menuBar()->addMenu(tr("&Reservation"));
    for (const char* name : {"newReservation", "lookupReservation", "deleteReservation"})
        reservation->addAction(action(QLatin1String(name)));
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
    help->addAction(action(QStringLiteral("about")));
    help->addAction(action(QStringLiteral("aboutQt")));

    m_reservations->setContextActions({action(QStringLiteral("editNote")),
                                       action(QStringLiteral("lookupReservation")),
                                       action(QStringLiteral("deleteReservation")),
                                       action(QStringLiteral("newReservation"))});
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

void MainWindow::buildStatusBar()
{
    m_busy = new QLabel(this);
    m_busy->setObjectName(QStringLiteral("busy"));
    statusBar()->addPermanentWidget(m_busy);
    m_statusInfo = new StatusBarInfo(*m_service.backend(), m_service.host(),
                                     m_store.database().path(), this);
    statusBar()->addPermanentWidget(m_statusInfo);
}

void MainWindow::connectServices()
{
    connect(&m_service, &ReservationService::snapshotReady, this, &MainWindow::onSnapshot);
    connect(&m_service, &ReservationService::operationFailed, this, &MainWindow::onOperationFailed);
    connect(&m_service, &ReservationService::operationFinished, this,
            &MainWindow::onOperationFinished);
    connect(&m_service, &ReservationService::discoveryFinished, this,
            [this](OperationId, const DiscoverySummary& summary) {
                showStatus(summary.message);
                refreshSnapshot();
            });
    connect(&m_service, &ReservationService::verificationFinished, this,
            [this](OperationId, const VerificationSummary& summary) {
                showStatus(summary.message, summary.failed > 0 || summary.missing > 0);
                refreshSnapshot();
            });
    connect(&m_service, &ReservationService::bootChecked, this,
            [this](OperationId, const BootCheck& check) {
                if (check.newBoot && check.previousBootTime)
                    showStatus(tr("The machine has restarted since the last start: tokens may have "
                                  "changed, every reservation is looked up again."));
            });
    connect(&m_service, &ReservationService::busyChanged, this, [this](bool busy) {
        m_busy->setText(busy ? tr("Working…") : QString());
    });
    connect(&m_probes, &ProbeService::busyChanged, this, [this](bool) { updateActions(); });
}

// ---- views and actions --------------------------------------------------------------------

MainWindow::View MainWindow::currentView() const
{
    return View(qBound(0, m_stack->currentIndex(), kViewCount - 1));
}

QWidget* MainWindow::ensureView(View view)
{
    QWidget** slot = view == View::Probes ? &m_probesView
                     : view == View::Scan ? &m_scanView
                     : view == View::History ? &m_historyView
                                             : nullptr;
    if (!slot || m_made[int(view)])
        return m_stack->widget(int(view));
    m_made[int(view)] = true;
    QWidget* made = nullptr;
    switch (view) {
    case View::Probes: {
        auto* probes = new ProbesView(m_probes, m_stack);
        if (m_snapshot)
            probes->setReservations(m_snapshot->blocks);
        made = probes;
        made->setObjectName(QStringLiteral("probesView"));
        break;
    }
    case View::Scan: {
        auto* scan = new ScanView(m_probes, m_stack);
        connect(scan, &ScanView::scanFinished, this, [this](const ScanResult& result) {
            m_portMapPage->setScan(result);
        });
        made = scan;
        made->setObjectName(QStringLiteral("scanView"));
        break;
    }
    case View::History:
        made = new HistoryView(m_store, m_probes, m_service, m_stack);
        made->setObjectName(QStringLiteral("historyView"));
        break;
    default:
        break;
    }
    const bool wasCurrent = m_stack->currentIndex() == int(view);
    QWidget* stub = *slot;
    m_stack->insertWidget(int(view), made);
    m_stack->removeWidget(stub);
    stub->deleteLater();
    *slot = made;
    if (wasCurrent)
        m_stack->setCurrentIndex(int(view));
    return made;
}

void MainWindow::setCurrentView(View view)
{
    ensureView(view);
    m_sidebar->setCurrentRow(int(view));
    m_stack->setCurrentIndex(int(view));
    m_viewActions[int(view)]->setChecked(true);
    updateActions();
}

QWidget* MainWindow::viewWidget(View view)
{
    return ensureView(view);
}

PortMapWidget* MainWindow::portMap() const
{
    return m_portMapPage->map();
}

void MainWindow::updateActions()
{
    const std::optional<ReservationRecord> record = m_reservations->currentRecord();
    const bool inReservations = currentView() == View::Reservations;
    action(QStringLiteral("deleteReservation"))->setEnabled(record.has_value() && inReservations);
    action(QStringLiteral("editNote"))->setEnabled(record.has_value());
    const Capabilities caps = m_service.backend()->capabilities();
    action(QStringLiteral("discover"))->setEnabled(caps.discoverReservations);
    const bool probing = m_probes.busy();
    action(QStringLiteral("sample1"))->setEnabled(!probing);
    action(QStringLiteral("sample2"))->setEnabled(!probing);
    action(QStringLiteral("testBind"))->setEnabled(!probing);
}

void MainWindow::showStatus(const QString& message, bool error)
{
    Q_UNUSED(error);
    statusBar()->showMessage(message, kStatusTimeoutMs);
}

void MainWindow::showDialog(QDialog* dialog)
{
    if (m_dialog)
        m_dialog->close();
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog = dialog;
    dialog->open(); // window-modal; the event loop keeps running
}

// ---- the first refresh and snapshots ------------------------------------------------------

void MainWindow::start()
{
    m_service.checkBoot();
    // A first start on this host: fill the inventory with what the system already has, so
    // the console opens on something true rather than an empty table.
    const bool firstStartHere = std::none_of(
        m_inventory->records().cbegin(), m_inventory->records().cend(),
        [this](const ReservationRecord& r) { return r.host == m_service.host(); });
    if (firstStartHere && m_service.backend()->capabilities().discoverReservations)
        m_service.discover();
    m_firstSnapshotId = m_service.snapshot();
    m_snapshotId = m_firstSnapshotId;
}

void MainWindow::refreshSnapshot()
{
    // Operations run in order, so a snapshot queued now sees every change queued before it.
    m_snapshotId = m_service.snapshot();
}

void MainWindow::onSnapshot(OperationId id, const MachineSnapshot& snapshot)
{
    m_snapshot = snapshot;
    const ErrorCodeStyle style = m_service.backend()->name() == "linux" ? ErrorCodeStyle::Posix
                                                                        : ErrorCodeStyle::Windows;
    m_portMapPage->setSnapshot(snapshot, m_inventory->records(), style);
    if (m_made[int(View::Probes)])
        static_cast<ProbesView*>(m_probesView)->setReservations(snapshot.blocks);
    m_statusInfo->refresh();
    emit snapshotApplied(snapshot);
    if (id == m_firstSnapshotId && !m_firstRefreshDone)
        finishFirstRefresh();
}

void MainWindow::finishFirstRefresh()
{
    m_firstRefreshDone = true;
    emit firstRefreshFinished();
}

void MainWindow::onOperationFailed(OperationId id, ReservationOperation operation,
                                   const Error& error)
{
    if (operation == ReservationOperation::Preflight)
        return; // the dialog that asked shows it
    const ErrorPresentation shown = ErrorPresenter::present(error);
    showStatus(tr("%1 failed: %2 %3").arg(toText(operation), shown.kind, shown.nativeCode) +
                   QStringLiteral(" — ") + shown.what,
               true);
    if (operation == ReservationOperation::Snapshot && id == m_firstSnapshotId && !m_firstRefreshDone)
        finishFirstRefresh();
}

void MainWindow::onOperationFinished(const ReservationOutcome& outcome)
{
    if (outcome.operation == ReservationOperation::Preflight)
        return;
    showStatus(outcome.message, !outcome.ok);
    if (outcome.ok && (outcome.operation == ReservationOperation::Create ||
                       outcome.operation == ReservationOperation::Lookup)
        && outcome.record) {
        m_reservations->selectRecord(outcome.record->id);
    }
    if (outcome.operation != ReservationOperation::Note)
        refreshSnapshot();
    updateActions();
}

void MainWindow::onRecordSelected(const std::optional<ReservationRecord>& record)
{
    updateActions();
    if (m_syncingSelection)
        return;
    if (record) {
        m_syncingSelection = true;
        portMap()->selectBlock(ReservedBlock{record->protocol, record->range(), true, record->token, {}});
        m_syncingSelection = false;
    } else {
        portMap()->clearSelection();
    }
}

void MainWindow::onBlockActivated(const ReservedBlock& block)
{
    m_syncingSelection = true;
    const bool found = m_reservations->selectBlock(block.protocol, block.range, m_service.host());
    m_syncingSelection = false;
    const QString what = tr("%1 %2").arg(Explanations::protocolName(block.protocol),
                                         Explanations::rangeText(block.range));
    if (found)
        showStatus(tr("%1 is selected in Reservations (Ctrl+1).").arg(what));
    else if (!block.persistent)
        showStatus(tr("%1 is a runtime reservation held by %2: services make these, so it is not "
                      "in the inventory.")
                       .arg(what, PortMapData::ownerText(block)));
    else
        showStatus(tr("%1 is not in the inventory yet: Reservation ▸ Discover adds it.").arg(what));
    updateActions();
}

// ---- the reservation actions --------------------------------------------------------------

void MainWindow::newReservation()
{
    auto* dialog = new NewReservationDialog(m_service, this);
    showDialog(dialog);
}

void MainWindow::lookupReservation()
{
    auto* dialog = new LookupDialog(m_service, this);
    if (const auto record = m_reservations->currentRecord(); record && record->host == m_service.host())
        dialog->setBlock(record->protocol, record->range());
    showDialog(dialog);
}

void MainWindow::deleteReservation()
{
    const auto record = m_reservations->currentRecord();
    if (!record) {
        showStatus(tr("Select the reservation to delete first."));
        return;
    }
    showDialog(new DeleteDialog(m_service, *record, this));
}

void MainWindow::editNote()
{
    const auto record = m_reservations->currentRecord();
    if (!record) {
        showStatus(tr("Select the reservation whose note to edit first."));
        return;
    }
    auto* dialog = new NoteDialog(*record, this);
    const qint64 id = record->id;
    const QString before = record->note;
    connect(dialog, &QDialog::accepted, this, [this, dialog, id, before] {
        if (dialog->note() != before)
            m_service.setNote(id, dialog->note());
    });
    showDialog(dialog);
}

void MainWindow::verifyAll()
{
    showStatus(tr("Looking every reservation of %1 up again…").arg(m_service.host()));
    m_service.verifyAll();
}

void MainWindow::discover()
{
    showStatus(tr("Discovering the reservations of %1…").arg(m_service.host()));
    m_service.discover();
}

void MainWindow::importReport()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Import a reservation report"), QString(),
        tr("Reports (*.txt *.json);;All files (*)"));
    if (path.isEmpty())
        return;
    Importer importer(m_store);
    ImportOptions options;
    const Result<ImportSummary> summary = importer.importFile(path, options);
    if (!summary) {
        const ErrorPresentation shown =
            ErrorPresenter::present(summary.error(), tr("Nothing was imported."));
        QMessageBox box(QMessageBox::Warning, tr("Import"), shown.what, QMessageBox::Ok, this);
        box.setInformativeText(shown.whatToDo);
        box.exec();
        return;
    }
    (void)m_inventory->refresh();
    refreshSnapshot();
    showStatus(summary->message);
    QMessageBox::information(this, tr("Import"), summary->message);
}

void MainWindow::runSampleProbe1()
{
    setCurrentView(View::Probes);
    static_cast<ProbesView*>(m_probesView)->runSample1();
}

void MainWindow::runSampleProbe2()
{
    setCurrentView(View::Probes);
    static_cast<ProbesView*>(m_probesView)->runSample2();
}

void MainWindow::showAbout()
{
    auto* box = new QMessageBox(this);
    box->setWindowTitle(tr("About Portolan"));
    box->setIconPixmap(icon(IconKind::PortMap).pixmap(48, 48));
    box->setText(tr("<b>Portolan %1</b><br>A console for TCP and UDP port reservations.")
                     .arg(QStringLiteral(PORTOLAN_VERSION)));
    box->setInformativeText(
        tr("Backend: %1 (%3)\nHost: %2\nDatabase: %4\nQt %5")
            .arg(QString::fromUtf8(m_service.backend()->name().data(),
                                   qsizetype(m_service.backend()->name().size())),
                 m_service.host(), Elevation::statusText(*m_service.backend()),
                 m_store.database().path(), QString::fromLatin1(qVersion())));
    box->setStandardButtons(QMessageBox::Close);
    showDialog(box);
}

// ---- settings -----------------------------------------------------------------------------

void MainWindow::restoreSettings()
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("mainWindow"));
    const QByteArray geometry = settings.value(QStringLiteral("geometry")).toByteArray();
    if (geometry.isEmpty() || !restoreGeometry(geometry))
        resize(1280, 800);
    restoreState(settings.value(QStringLiteral("state")).toByteArray());
    if (auto view = viewFromName(settings.value(QStringLiteral("view")).toString()))
        setCurrentView(*view);
    settings.endGroup();
    const QByteArray header = settings.value(QStringLiteral("reservations/header")).toByteArray();
    if (!header.isEmpty())
        m_reservations->table()->horizontalHeader()->restoreState(header);
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("mainWindow"));
    settings.setValue(QStringLiteral("geometry"), saveGeometry());
    settings.setValue(QStringLiteral("state"), saveState());
    settings.setValue(QStringLiteral("view"), viewName(currentView()));
    settings.endGroup();
    settings.setValue(QStringLiteral("reservations/header"),
                      m_reservations->table()->horizontalHeader()->saveState());
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    saveSettings();
    QMainWindow::closeEvent(event);
}

} // namespace portolan::ui
