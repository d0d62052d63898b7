// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/fleet/fleetview.h"

#include "ui/fleet/fleetreportexport.h"
#include "ui/fleet/watchlistdialog.h"
#include "ui/toneitemdelegate.h"

#include "model/fleet/fleetmodel.h"
#include "model/itemmodels/modelroles.h"
#include "model/services/explanations.h"
#include "model/store/store.h"

#include <QComboBox>
#include <QElapsedTimer>
#include <QEvent>
#include <QFileDialog>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QThreadPool>
#include <QVBoxLayout>

namespace portolan::ui {
namespace {

QString holderWhy(const PortHolder& h)
{
    const QString range = FleetModel::rangeText(h.block.range);
    if (h.block.persistent)
        return h.block.token ? FleetView::tr("persistent reservation %1 (token %2)")
                                   .arg(range, QString::number(h.block.token))
                             : FleetView::tr("persistent reservation %1").arg(range);
    const QString owner =
        h.block.owner.isEmpty() ? FleetView::tr("an unknown owner") : h.block.owner;
    return h.block.evidence.isEmpty()
               ? FleetView::tr("runtime block %1 held by %2").arg(range, owner)
               : FleetView::tr("runtime block %1 held by %2 (known from %3)")
                     .arg(range, owner, h.block.evidence);
}

} // namespace

FleetView::FleetView(Store& store, const QString& localHost, QWidget* parent)
    : QWidget(parent), m_store(store), m_localHost(localHost)
{
    m_pool = new QThreadPool(this);
    m_pool->setMaxThreadCount(1); // answers arrive in the order they were asked for
    m_model = new FleetModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(SortRole);

    m_heading = new QLabel(this);
    m_heading->setObjectName(QStringLiteral("fleetHeading"));
    QFont bold = m_heading->font();
    bold.setBold(true);
    m_heading->setFont(bold);
    m_refresh = new QPushButton(this);
    m_watch = new QPushButton(this);
    m_open = new QPushButton(this);
    m_export = new QPushButton(this);
    m_export->setObjectName(QStringLiteral("fleetExportReport"));
    m_watch->setObjectName(QStringLiteral("fleetWatchList"));
    m_open->setObjectName(QStringLiteral("fleetOpenHost"));
    auto* top = new QHBoxLayout;
    top->addWidget(m_heading, 1);
    top->addWidget(m_open);
    top->addWidget(m_export);
    top->addWidget(m_watch);
    top->addWidget(m_refresh);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("fleetTable"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(FleetModel::Host, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setItemDelegate(new ToneItemDelegate(m_table, FleetModel::Problems));
    m_status = new QLabel(this);
    m_status->setWordWrap(true);

    // Find a port.
    auto* findBox = new QGroupBox(this);
    m_findTitle = new QLabel(findBox);
    m_protocol = new QComboBox(findBox);
    m_protocol->addItem(QStringLiteral("TCP"), int(Protocol::Tcp));
    m_protocol->addItem(QStringLiteral("UDP"), int(Protocol::Udp));
    m_protocol->setObjectName(QStringLiteral("fleetFindProtocol"));
    m_port = new QSpinBox(findBox);
    m_port->setRange(1, 65535);
    m_port->setValue(8080);
    m_port->setObjectName(QStringLiteral("fleetFindPort"));
    m_findButton = new QPushButton(findBox);
    m_findButton->setObjectName(QStringLiteral("fleetFind"));
    m_findButton->setDefault(true);
    m_results = new QTableWidget(0, 2, findBox);
    m_results->setObjectName(QStringLiteral("fleetFindResults"));
    m_results->verticalHeader()->hide();
    m_results->horizontalHeader()->setStretchLastSection(true);
    m_results->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_results->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_findStatus = new QLabel(findBox);
    m_findStatus->setWordWrap(true);
    auto* findForm = new QHBoxLayout;
    findForm->addWidget(m_findTitle);
    findForm->addWidget(m_protocol);
    findForm->addWidget(m_port);
    findForm->addWidget(m_findButton);
    findForm->addStretch(1);
    auto* findLayout = new QVBoxLayout(findBox);
    findLayout->addLayout(findForm);
    findLayout->addWidget(m_findStatus);
    findLayout->addWidget(m_results, 1);

    // Since the last boot.
    auto* sinceBox = new QGroupBox(this);
    sinceBox->setObjectName(QStringLiteral("sinceBootPanel"));
    m_sinceTitle = new QLabel(sinceBox);
    m_sinceTitle->setFont(bold);
    m_sinceNote = new QLabel(sinceBox);
    m_sinceNote->setWordWrap(true);
    m_sinceList = new QListWidget(sinceBox);
    m_sinceList->setObjectName(QStringLiteral("sinceBootList"));
    m_sinceList->setWordWrap(true);
    auto* sinceLayout = new QVBoxLayout(sinceBox);
    sinceLayout->addWidget(m_sinceTitle);
    sinceLayout->addWidget(m_sinceNote);
    sinceLayout->addWidget(m_sinceList, 1);

    auto* bottom = new QWidget(this);
    auto* bottomLayout = new QHBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    bottomLayout->addWidget(findBox, 1);
    bottomLayout->addWidget(sinceBox, 1);

    auto* upper = new QWidget(this);
    auto* upperLayout = new QVBoxLayout(upper);
    upperLayout->setContentsMargins(0, 0, 0, 0);
    upperLayout->addLayout(top);
    upperLayout->addWidget(m_table, 1);
    upperLayout->addWidget(m_status);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(upper);
    splitter->addWidget(bottom);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    connect(m_refresh, &QPushButton::clicked, this, &FleetView::refresh);
    connect(m_watch, &QPushButton::clicked, this, &FleetView::editWatchList);
    connect(m_open, &QPushButton::clicked, this, &FleetView::openCurrentHost);
    connect(m_export, &QPushButton::clicked, this, &FleetView::exportReport);
    connect(m_findButton, &QPushButton::clicked, this, &FleetView::findFromForm);
    connect(m_table, &QTableView::doubleClicked, this, &FleetView::openCurrentHost);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this] { m_open->setEnabled(!currentHost().isEmpty()); });
    m_open->setEnabled(false);
    retranslate();
    refresh();
}

FleetView::~FleetView()
{
    m_pool->clear();
    m_pool->waitForDone();
}

void FleetView::inBackground(std::function<std::function<void()>()> work)
{
    QPointer<FleetView> self(this);
    m_pool->start([self, work = std::move(work)] {
        std::function<void()> done = work();
        if (self)
            QMetaObject::invokeMethod(
                self.data(),
                [self, done] {
                    if (self)
                        done();
                },
                Qt::QueuedConnection);
    });
}

void FleetView::refresh()
{
    Store* store = &m_store;
    const QString host = m_localHost;
    inBackground([this, store, host]() -> std::function<void()> {
        auto hosts = store->snapshots().hosts();
        auto since = SinceBootReader::read(store->snapshots(), host);
        const QDateTime now = store->database().now();
        return [this, hosts, since, now] {
            m_error.clear();
            if (hosts)
                m_model->setHosts(hosts.value(), now);
            else
                m_error = Explanations::errorLine(hosts.error());
            if (since)
                m_sinceBoot = since.value();
            else
                m_error = Explanations::errorLine(since.error());
            m_sinceLoaded = true;
            retranslate();
            emit hostsLoaded();
            emit sinceBootLoaded();
        };
    });
}

void FleetView::find(Protocol protocol, int port)
{
    m_protocol->setCurrentIndex(m_protocol->findData(int(protocol)));
    m_port->setValue(port);
    Store* store = &m_store;
    inBackground([this, store, protocol, port]() -> std::function<void()> {
        QElapsedTimer timer;
        timer.start();
        auto found = store->snapshots().find(protocol, port);
        const qint64 us = timer.nsecsElapsed() / 1000;
        return [this, found, protocol, port, us] {
            m_searched = true;
            m_foundProtocol = protocol;
            m_foundPort = port;
            m_findUs = us;
            m_found = found ? found.value() : QList<PortHolder>();
            if (!found)
                m_error = Explanations::errorLine(found.error());
            showFound();
            emit findFinished();
        };
    });
}

void FleetView::findFromForm()
{
    find(Protocol(m_protocol->currentData().toInt()), m_port->value());
}

QString FleetView::currentHost() const
{
    const QModelIndex index = m_table->currentIndex();
    if (!index.isValid())
        return {};
    return m_proxy->index(index.row(), FleetModel::Host).data().toString();
}

void FleetView::openCurrentHost()
{
    const QModelIndex index = m_table->currentIndex();
    if (!index.isValid())
        return;
    const qint64 id = m_proxy->index(index.row(), 0).data(RecordIdRole).toLongLong();
    Store* store = &m_store;
    inBackground([this, store, id]() -> std::function<void()> {
        auto record = store->snapshots().snapshot(id);
        return [this, record] {
            if (record)
                emit hostOpened(record.value());
            else
                m_status->setText(Explanations::errorLine(record.error()));
        };
    });
}

void FleetView::exportReport()
{
    // Window-modal (open(), not exec()): the event loop keeps running meanwhile.
    auto* dialog =
        new QFileDialog(this, tr("Export the fleet report"), QStringLiteral("fleet-report.html"),
                        tr("Reports (*.html *.pdf *.csv *.json)"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, &FleetView::exportReportTo);
    dialog->open();
}

void FleetView::exportReportTo(const QString& path)
{
    const std::optional<ReportFormat> format = reportFormatForPath(path);
    if (!format) {
        const QString error = tr("%1 does not end in .csv, .json, .html or .pdf").arg(path);
        m_status->setText(error);
        emit reportWritten(path, error);
        return;
    }
    Store* store = &m_store;
    const QString title = tr("Fleet report");
    inBackground([this, store, path, format, title]() -> std::function<void()> {
        auto data = FleetReport::gather(store->snapshots(), title, store->database().now());
        Result<void> written =
            data ? exportFleetReport(data.value(), *format, path) : Result<void>(data.error());
        const QString error = written ? QString() : Explanations::errorLine(written.error());
        return [this, path, error] {
            m_status->setText(error.isEmpty() ? tr("Fleet report written to %1.").arg(path)
                                              : error);
            emit reportWritten(path, error);
        };
    });
}

void FleetView::editWatchList()
{
    auto* dialog = new WatchListDialog(m_sinceBoot.watched, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &WatchListDialog::accepted, this, [this, dialog] {
        const QList<WatchedPort> ports = dialog->ports();
        Store* store = &m_store;
        inBackground([this, store, ports]() -> std::function<void()> {
            auto saved = store->snapshots().setWatchedPorts(ports);
            return [this, saved] {
                if (!saved)
                    m_status->setText(Explanations::errorLine(saved.error()));
                refresh();
            };
        });
    });
    dialog->open();
}

QString FleetView::findSummary() const
{
    if (!m_searched)
        return tr("Which hosts forbid a port, and why: from each host's newest snapshot.");
    const QString port =
        QStringLiteral("%1 %2").arg(Explanations::protocolName(m_foundProtocol)).arg(m_foundPort);
    QStringList hosts;
    for (const PortHolder& h : m_found) {
        if (!hosts.contains(h.host))
            hosts << h.host;
    }
    return hosts.isEmpty() ? tr("No host forbids %1.").arg(port)
                           : tr("%n host(s) forbid %1.", nullptr, int(hosts.size())).arg(port);
}

void FleetView::showFound()
{
    m_results->setRowCount(int(m_found.size()));
    for (qsizetype i = 0; i < m_found.size(); ++i) {
        const PortHolder& h = m_found.at(i);
        m_results->setItem(int(i), 0, new QTableWidgetItem(h.host));
        m_results->setItem(int(i), 1, new QTableWidgetItem(holderWhy(h)));
    }
    m_results->resizeColumnToContents(0);
    m_findStatus->setText(findSummary());
}

void FleetView::showSinceBoot()
{
    m_sinceTitle->setText(tr("Since the last boot — %1").arg(m_localHost));
    m_sinceList->clear();
    if (!m_sinceLoaded) {
        m_sinceNote->setText(tr("Reading…"));
        return;
    }
    const SinceBoot& s = m_sinceBoot;
    QString note;
    if (!s.current)
        note = tr("No boot of this host is recorded yet: the console records one at each start.");
    else if (!s.before)
        note =
            tr("This boot (%1) is the first one recorded; the next boot is compared with it.")
                .arg(QLocale().toString(s.current->bootTime.toLocalTime(), QLocale::ShortFormat));
    else
        note = tr("This boot (%1) against the one before (%2).")
                   .arg(QLocale().toString(s.current->bootTime.toLocalTime(), QLocale::ShortFormat),
                        QLocale().toString(s.before->bootTime.toLocalTime(), QLocale::ShortFormat));
    if (s.watched.isEmpty())
        note += QLatin1Char(' ') + tr("No port is watched yet: Watch list… chooses them.");
    m_sinceNote->setText(note);
    const QStringList lines = s.lines();
    for (const QString& line : lines)
        m_sinceList->addItem(line);
    if (lines.isEmpty() && s.before)
        m_sinceList->addItem(tr("Nothing changed."));
}

void FleetView::retranslate()
{
    const int hosts = m_model->rowCount();
    m_heading->setText(tr("Fleet: %n host(s)", nullptr, hosts));
    m_refresh->setText(tr("&Reload"));
    m_watch->setText(tr("&Watch list…"));
    m_watch->setToolTip(tr("The ports you care about: the panel says when one becomes forbidden"));
    m_open->setText(tr("&Open host"));
    m_export->setText(tr("&Export report…"));
    m_export->setToolTip(tr("A summary table and one section per host, as HTML, PDF, CSV or "
                            "JSON"));
    m_open->setToolTip(tr("The host's inventory and port map from its newest snapshot, "
                          "read-only"));
    m_findTitle->setText(tr("Find a port:"));
    m_findButton->setText(tr("&Find"));
    m_results->setHorizontalHeaderLabels({tr("Host"), tr("Why")});
    if (!m_error.isEmpty())
        m_status->setText(m_error);
    else if (hosts == 0)
        m_status->setText(tr("No host snapshot yet. Gather them with portolan-cli snapshot "
                             "(or the Ansible collection) and open them with "
                             "portolan --import FOLDER."));
    else
        m_status->clear();
    if (m_searched)
        showFound();
    else
        m_findStatus->setText(findSummary());
    showSinceBoot();
}

void FleetView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

bool FleetView::prepareScreenshot(const QString& state)
{
    if (state != QLatin1String("find-8080"))
        return false;
    connect(this, &FleetView::findFinished, this, &FleetView::screenshotReady,
            Qt::SingleShotConnection);
    connect(
        this, &FleetView::hostsLoaded, this, [this] { find(Protocol::Tcp, 8080); },
        Qt::SingleShotConnection);
    refresh();
    return true;
}

} // namespace portolan::ui
