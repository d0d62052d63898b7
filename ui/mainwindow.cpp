// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "colorscheme.h"
#include "elevation.h"
#include "errorpresenter.h"
#include "formsupport.h"
#include "icons.h"
#include "statusbarinfo.h"
#include "ui/aboutdialog.h"
#include "ui/fleet/fleetwindow.h"
#include "ui/history/historyview.h"
#include "ui/portmap/portmappage.h"
#include "ui/portmap/portmapwidget.h"
#include "ui/probes/probesview.h"
#include "ui/reservations/deletedialog.h"
#include "ui/reservations/lookupdialog.h"
#include "ui/reservations/newreservationdialog.h"
#include "ui/reservations/notedialog.h"
#include "ui/reservations/reservationsview.h"
#include "ui/scan/scanview.h"
#include "viewstack.h"

#include "model/import/importer.h"
#include "model/itemmodels/inventorymodel.h"
#include "model/services/explanations.h"
#include "model/services/probeservice.h"
#include "model/store/store.h"

#include <QAction>
#include <QCloseEvent>
#include <QDialog>
#include <QEvent>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QTableView>

namespace portolan::ui {
namespace {

constexpr int kStatusTimeoutMs = 15000;

const char* const kViewNames[MainWindow::kViewCount] = {"reservations", "portmap", "probes",
                                                        "scan",         "history", "fleet"};

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
    if (const QString problem = applyPaletteFromEnvironment(); !problem.isEmpty())
        qWarning("%s", qPrintable(problem));
    // QApplication tells existing windows of a new palette only from the event loop: this one
    // takes it now, before it builds its children.
    QEvent paletteChanged(QEvent::ApplicationPaletteChange);
    QCoreApplication::sendEvent(this, &paletteChanged);
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Portolan — %1").arg(reservations.host()));
    setWindowIcon(applicationIcon());
    m_inventory = new InventoryModel(store, &reservations, QString(), this);
    buildProtect();

    setStatusBar(new ElidingStatusBar(this));
    buildViews();
    buildDiagnose();
    buildActions();
    buildMenus();
    buildToolBar();
    buildStatusBar();
    polishItemViews(m_views);
    polishView(m_reservations);
    polishView(m_portMapPage);
    connectServices();
    setCurrentView(View::Reservations);
    // The window paints at once with the inventory of the database; what the system is and
    // holds is read on the service's worker and filled in as it arrives.
    if (!m_service.system())
        m_service.readSystem();
    statusBar()->showMessage(readingSystemText());
    updateActions();
}

QString MainWindow::readingSystemText()
{
    return tr("Reading the system… The inventory shown is the stored one.");
}

MainWindow::~MainWindow() = default;

// ---- construction -------------------------------------------------------------------------

void MainWindow::buildViews()
{
    m_views = new ViewStack(this);
    m_views->sidebar()->setAccessibleName(tr("Views"));
    m_reservations = new ReservationsView(*m_inventory, m_views);
    m_portMapPage = new PortMapPage(m_probes, m_views);
    m_views->addPage(icon(IconKind::Reservations), tr("Reservations"),
                     tr("The inventory of persistent reservations (Ctrl+1)"), m_reservations);
    m_views->addPage(icon(IconKind::PortMap), tr("Port map"),
                     tr("Every port of TCP and UDP at a glance (Ctrl+2)"), m_portMapPage);
    const struct
    {
        View view;
        IconKind icon;
        QString text;
        QString tip;
    } later[] = {
        {View::Probes, IconKind::Probes, tr("Probes"),
         tr("The two sample programs and custom probes (Ctrl+3)")},
        {View::Scan, IconKind::Scan, tr("Scan"), tr("Bind-probe a range of ports (Ctrl+4)")},
        {View::History, IconKind::History, tr("History"), tr("Audit log and probe runs (Ctrl+5)")},
        {View::Fleet, IconKind::Fleet, tr("Fleet"),
         tr("Every host's snapshots, find a port, since the last boot (Ctrl+6)")},
    };
    for (const auto& item : later) {
        m_views->addLazyPage(
            icon(item.icon), item.text, item.tip,
            [this, view = item.view](QWidget* parent) { return makeLazyView(view, parent); });
    }
    setCentralWidget(m_views);

    connect(m_views, &ViewStack::currentChanged, this, [this](int row) {
        if (row < m_viewActions.size())
            m_viewActions[row]->setChecked(true);
        updateActions();
    });
    connect(m_reservations, &ReservationsView::currentRecordChanged, this,
            &MainWindow::onRecordSelected);
    connect(m_reservations, &ReservationsView::editNoteRequested, this, &MainWindow::editNote);
    connect(m_portMapPage, &PortMapPage::blockActivated, this, &MainWindow::onBlockActivated);
}

void MainWindow::polishView(QWidget* view) const
{
    polishItemViews(view);
    avoidMnemonics(view, menuMnemonics(menuBar()));
}

// The Probes, Scan and History views are made when first shown (ViewStack::addLazyPage).
QWidget* MainWindow::makeLazyView(View view, QWidget* parent)
{
    QWidget* made = makeLazyViewOnly(view, parent);
    if (made)
        polishView(made);
    return made;
}

QWidget* MainWindow::makeLazyViewOnly(View view, QWidget* parent)
{
    switch (view) {
    case View::Probes: {
        auto* probes = new ProbesView(m_probes, parent);
        probes->setDiagnoseService(m_diagnose);
        if (m_snapshot)
            probes->setReservations(m_snapshot->blocks);
        probes->setObjectName(QStringLiteral("probesView"));
        return probes;
    }
    case View::Scan: {
        auto* scan = new ScanView(m_probes, parent);
        connect(scan, &ScanView::scanFinished, this,
                [this](const ScanResult& result) { m_portMapPage->setScan(result); });
        scan->setObjectName(QStringLiteral("scanView"));
        return scan;
    }
    case View::History: {
        auto* history = new HistoryView(m_store, m_probes, m_service, parent);
        history->setObjectName(QStringLiteral("historyView"));
        return history;
    }
    case View::Fleet:
        return makeFleetView(m_store, m_service, parent);
    case View::Reservations:
    case View::PortMap:
        break;
    }
    return nullptr;
}

void MainWindow::buildStatusBar()
{
    m_busy = new QLabel(this);
    m_busy->setObjectName(QStringLiteral("busy"));
    statusBar()->addPermanentWidget(m_busy);
    m_statusInfo =
        new StatusBarInfo(*m_service.backend(), m_service.host(), m_store.database().path(), this);
    statusBar()->addPermanentWidget(m_statusInfo);
}

void MainWindow::connectServices()
{
    connect(&m_service, &ReservationService::systemRead, this, &MainWindow::onSystemRead);
    connect(&m_service, &ReservationService::snapshotReady, this, &MainWindow::onSnapshot);
    connect(&m_service, &ReservationService::lastScansRead, this,
            [this](OperationId, const std::vector<ScanResult>& scans) {
                for (const ScanResult& scan : scans)
                    m_portMapPage->restoreScan(scan);
            });
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
    connect(&m_service, &ReservationService::busyChanged, this,
            [this](bool busy) { m_busy->setText(busy ? tr("Working…") : QString()); });
    connect(&m_probes, &ProbeService::busyChanged, this, [this](bool) { updateActions(); });
}

// ---- views and actions --------------------------------------------------------------------

MainWindow::View MainWindow::currentView() const
{
    return View(qBound(0, m_views->currentIndex(), kViewCount - 1));
}

void MainWindow::setCurrentView(View view)
{
    m_views->setCurrentIndex(int(view));
    m_viewActions[int(view)]->setChecked(true);
    updateActions();
}

QWidget* MainWindow::viewWidget(View view)
{
    return m_views->page(int(view));
}

QListWidget* MainWindow::sidebar() const
{
    return m_views->sidebar();
}

PortMapWidget* MainWindow::portMap() const
{
    return m_portMapPage->map();
}

void MainWindow::updateActions()
{
    const std::optional<ReservationRecord> record = m_reservations->currentRecord();
    const bool inReservations = currentView() == View::Reservations;
    // The capabilities come from the service's worker (ReservationService::readSystem): the
    // Windows backend needs sockets, netsh and the registry to know them.
    const std::optional<SystemFacts>& system = m_service.system();
    const Capabilities caps = system ? system->capabilities : Capabilities{};
    const auto whyNot = [&system](bool capable, const QString& cannot) {
        if (!system)
            return tr("Not yet: Portolan is still reading what this backend can do.");
        return capable ? QString() : cannot;
    };
    const QString persistent =
        whyNot(caps.persistentReservations,
               tr("This backend cannot create or look up persistent reservations."));
    for (const char* name : {"newReservation", "lookupReservation", "verifyAll"})
        setActionAvailable(QLatin1String(name), persistent.isEmpty(), persistent);
    const QString reading = whyNot(true, {});
    setActionAvailable(QStringLiteral("deleteReservation"),
                       reading.isEmpty() && record.has_value() && inReservations, reading);
    action(QStringLiteral("editNote"))->setEnabled(record.has_value());
    const QString services = whyNot(caps.services && caps.persistentReservations,
                                    tr("This system has no services that hold port reservations."));
    setActionAvailable(QStringLiteral("protectPorts"), services.isEmpty(), services);
    const QString discover = whyNot(caps.discoverReservations,
                                    tr("This backend cannot discover the system's reservations."));
    setActionAvailable(QStringLiteral("discover"), discover.isEmpty(), discover);
    const bool probing = m_probes.busy();
    action(QStringLiteral("sample1"))->setEnabled(!probing);
    action(QStringLiteral("sample2"))->setEnabled(!probing);
    const QString bind = whyNot(caps.bindProbe, tr("This backend cannot bind-probe ports."));
    setActionAvailable(QStringLiteral("testBind"), !probing && bind.isEmpty(), bind);
    const Backend& backend = *m_service.backend();
    const QString restart =
        !Elevation::canRestartElevated(backend) ? Elevation::howToElevate(backend)
        : system && system->elevated            ? tr("Portolan is already running elevated.")
                                                : whyNot(true, {});
    setActionAvailable(QStringLiteral("restartElevated"), restart.isEmpty(), restart);
}

void MainWindow::setActionAvailable(const QString& name, bool available, const QString& whyNot)
{
    QAction* a = action(name);
    a->setEnabled(available);
    const QString base = a->property(kBaseToolTip).toString();
    a->setToolTip(whyNot.isEmpty() ? base : base + QLatin1Char('\n') + whyNot);
}

void MainWindow::onSystemRead(OperationId, const SystemFacts& facts)
{
    m_statusInfo->setElevated(facts.elevated);
    updateActions();
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
    polishItemViews(dialog);
    m_dialog = dialog;
    dialog->open(); // window-modal; the event loop keeps running
}

// ---- the first refresh and snapshots ------------------------------------------------------

void MainWindow::start()
{
    m_service.checkBoot();
    m_service.recordBootSnapshot();
    // A first start on this host: fill the inventory with what the system already has, so
    // the console opens on something true rather than an empty table. Whether the backend
    // can discover is decided on the worker, where its capabilities are read.
    const bool firstStartHere =
        std::none_of(m_inventory->records().cbegin(), m_inventory->records().cend(),
                     [this](const ReservationRecord& r) { return r.host == m_service.host(); });
    if (firstStartHere)
        m_service.discover(DiscoverWhen::IfSupported);
    m_firstSnapshotId = m_service.snapshot();
    m_snapshotId = m_firstSnapshotId;
    m_service.readLastScans();
}

void MainWindow::refreshSnapshot()
{
    // Operations run in order, so a snapshot queued now sees every change queued before it.
    m_snapshotId = m_service.snapshot();
}

void MainWindow::onSnapshot(OperationId id, const MachineSnapshot& snapshot)
{
    m_snapshot = snapshot;
    const ErrorCodeStyle style =
        m_service.backend()->name() == "linux" ? ErrorCodeStyle::Posix : ErrorCodeStyle::Windows;
    m_portMapPage->setSnapshot(snapshot, m_inventory->records(), style);
    if (auto* probes = qobject_cast<ProbesView*>(m_views->madePage(int(View::Probes))))
        probes->setReservations(snapshot.blocks);
    m_statusInfo->setElevated(snapshot.elevated);
    emit snapshotApplied(snapshot);
    if (id == m_firstSnapshotId && !m_firstRefreshDone)
        finishFirstRefresh();
}

void MainWindow::finishFirstRefresh()
{
    if (statusBar()->currentMessage() == readingSystemText())
        statusBar()->clearMessage();
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
                   QStringLiteral(" — ") + shown.what + QLatin1Char(' ') + shown.whatToDo,
               true);
    if (operation == ReservationOperation::Snapshot && id == m_firstSnapshotId &&
        !m_firstRefreshDone)
        finishFirstRefresh();
}

void MainWindow::onOperationFinished(const ReservationOutcome& outcome)
{
    if (outcome.operation == ReservationOperation::Preflight)
        return;
    showStatus(outcome.message, !outcome.ok);
    if (outcome.ok &&
        (outcome.operation == ReservationOperation::Create ||
         outcome.operation == ReservationOperation::Lookup) &&
        outcome.record) {
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
        portMap()->selectBlock(
            ReservedBlock{record->protocol, record->range(), true, record->token, {}});
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

// ---- settings -----------------------------------------------------------------------------

void MainWindow::restoreSettings()
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("mainWindow"));
    const QByteArray geometry = settings.value(QStringLiteral("geometry")).toByteArray();
    if (geometry.isEmpty() || !restoreGeometry(geometry))
        resize(1280, 800);
    restoreState(settings.value(QStringLiteral("state")).toByteArray());
    // The last view belongs to the database it was shown on: another database starts on its
    // reservations.
    const bool sameDatabase =
        settings.value(QStringLiteral("viewDatabase")).toString() == m_store.database().path();
    if (auto view = viewFromName(settings.value(QStringLiteral("view")).toString());
        view && sameDatabase)
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
    settings.setValue(QStringLiteral("viewDatabase"), m_store.database().path());
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
