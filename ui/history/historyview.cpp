// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/history/historyview.h"

#include "ui/history/pagedhistoryproxy.h"
#include "ui/toneitemdelegate.h"

#include "model/itemmodels/auditlogmodel.h"
#include "model/itemmodels/proberunmodel.h"
#include "model/itemmodels/probestepmodel.h"
#include "model/services/explanations.h"
#include "model/services/probeservice.h"
#include "model/services/reservationservice.h"
#include "model/store/store.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace portolan::ui {
namespace {

constexpr int kFilterDelayMs = 250; // typing pauses this long before the database is asked

QTableView* historyTable(QWidget* parent, const QString& name)
{
    auto* table = new QTableView(parent);
    table->setObjectName(name);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->setSortingEnabled(false); // newest first is the order; the rows are a window of it
    table->verticalHeader()->hide();
    // Fixed row heights: the view never measures rows it does not show.
    table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 8);
    table->horizontalHeader()->setStretchLastSection(true);
    table->horizontalHeader()->setHighlightSections(false);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    return table;
}

// Shows the columns in the given order (the model's order stays) with these widths.
void arrangeColumns(QTableView* table, std::initializer_list<std::pair<int, int>> columns)
{
    QHeaderView* header = table->horizontalHeader();
    int visual = 0;
    for (const auto& [column, width] : columns) {
        header->moveSection(header->visualIndex(column), visual++);
        table->setColumnWidth(column, width);
    }
}

QLabel* buddyLabel(const QString& text, QWidget* buddy, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setBuddy(buddy);
    return label;
}

QComboBox* protocolFilter(QWidget* parent)
{
    auto* combo = new QComboBox(parent);
    combo->addItem(HistoryView::tr("All protocols"));
    combo->addItem(QStringLiteral("TCP"), int(Protocol::Tcp));
    combo->addItem(QStringLiteral("UDP"), int(Protocol::Udp));
    return combo;
}

std::optional<Protocol> protocolOf(const QComboBox* combo)
{
    const QVariant data = combo->currentData();
    if (!data.isValid())
        return std::nullopt;
    return Protocol(data.toInt());
}

QLabel* mutedLabel(QWidget* parent)
{
    auto* label = new QLabel(parent);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, palette.color(QPalette::PlaceholderText));
    label->setPalette(palette);
    return label;
}

} // namespace

HistoryView::HistoryView(Store& store, ProbeService& probes, ReservationService& reservations,
                         QWidget* parent)
    : QWidget(parent), m_store(store), m_probes(probes), m_reservations(reservations),
      m_runs(new ProbeRunModel(store, this)), m_steps(new ProbeStepModel(store, this)),
      m_audit(new AuditLogModel(store, this)), m_runProxy(new PagedHistoryProxy(this)),
      m_auditProxy(new PagedHistoryProxy(this))
{
    m_runs->attach(&probes);
    m_audit->attach(&reservations);
    m_runProxy->setSourceModel(m_runs);
    m_auditProxy->setSourceModel(m_audit);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("historyTabs"));
    m_tabs->addTab(buildRunsPage(), tr("&Probe runs"));
    m_tabs->addTab(buildAuditPage(), tr("A&udit log"));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);

    // The search keeps room to type; its choices go on a row of their own, so that both fit
    // a remote desktop's 1024 px in any language.
    for (QLineEdit* search : {m_runText, m_auditText})
        search->setMinimumWidth(search->fontMetrics().averageCharWidth() * 22);

    auto* refresh = new QShortcut(QKeySequence(Qt::Key_F5), this);
    refresh->setContext(Qt::WidgetWithChildrenShortcut);
    connect(refresh, &QShortcut::activated, this, &HistoryView::reload);

    updateCounts();
}

HistoryView::~HistoryView() = default;

QWidget* HistoryView::buildRunsPage()
{
    auto* page = new QWidget(this);
    m_runText = new QLineEdit(page);
    m_runText->setObjectName(QStringLiteral("runFilterText"));
    m_runText->setPlaceholderText(tr("Summary or address contains…"));
    m_runText->setClearButtonEnabled(true);
    m_runKind = new QComboBox(page);
    m_runKind->setObjectName(QStringLiteral("runFilterKind"));
    m_runKind->addItem(tr("All probes"));
    for (ProbeKind kind : {ProbeKind::AcquireRelease, ProbeKind::LookupAssociate,
                           ProbeKind::AcquireAssociateBind, ProbeKind::BindProbe, ProbeKind::Scan})
        m_runKind->addItem(Explanations::probeKindName(kind), int(kind));
    m_runProtocol = protocolFilter(page);
    m_runProtocol->setObjectName(QStringLiteral("runFilterProtocol"));
    m_runResult = new QComboBox(page);
    m_runResult->setObjectName(QStringLiteral("runFilterResult"));
    m_runResult->addItem(tr("Any result"));
    m_runResult->addItem(tr("ok"), int(HistoryOutcome::Ok));
    m_runResult->addItem(tr("failed"), int(HistoryOutcome::Failed));
    m_runResult->addItem(tr("cancelled"), int(HistoryOutcome::Cancelled));

    auto* filters = new QHBoxLayout;
    filters->addWidget(buddyLabel(tr("&Search"), m_runText, page));
    filters->addWidget(m_runText, 2);
    auto* choices = new QHBoxLayout;
    choices->addWidget(buddyLabel(tr("Pro&be"), m_runKind, page));
    choices->addWidget(m_runKind);
    choices->addWidget(buddyLabel(tr("Pro&tocol"), m_runProtocol, page));
    choices->addWidget(m_runProtocol);
    choices->addWidget(buddyLabel(tr("&Result"), m_runResult, page));
    choices->addWidget(m_runResult);
    choices->addStretch(1);

    m_runTable = historyTable(page, QStringLiteral("runTable"));
    m_runTable->setModel(m_runProxy);
    m_runTable->setItemDelegate(new ToneItemDelegate(m_runTable, ProbeRunModel::ResultColumn));
    // What a run was and how it ended first; the summary gets the room; who ran it last.
    arrangeColumns(m_runTable, {{ProbeRunModel::RunColumn, 70},
                                {ProbeRunModel::StartedColumn, 135},
                                {ProbeRunModel::KindColumn, 215},
                                {ProbeRunModel::ProtocolColumn, 60},
                                {ProbeRunModel::RequestedColumn, 165},
                                {ProbeRunModel::ResultColumn, 80},
                                {ProbeRunModel::GrantedColumn, 100},
                                {ProbeRunModel::SummaryColumn, 520},
                                {ProbeRunModel::TokenColumn, 140},
                                {ProbeRunModel::DurationColumn, 75},
                                {ProbeRunModel::StepsColumn, 50},
                                {ProbeRunModel::HostColumn, 130}});

    m_runCount = mutedLabel(page);
    m_runCount->setObjectName(QStringLiteral("runCount"));
    m_runMore = new QPushButton(tr("Search &older runs"), page);
    m_runMore->setObjectName(QStringLiteral("runMore"));
    m_runMore->setVisible(false);
    auto* countRow = new QHBoxLayout;
    countRow->addWidget(m_runCount, 1);
    countRow->addWidget(m_runMore);

    auto* top = new QWidget(page);
    auto* topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(m_runTable, 1);
    topLayout->addLayout(countRow);

    auto* bottom = new QWidget(page);
    m_stepTitle = new QLabel(tr("Select a run to see its steps."), bottom);
    m_stepTitle->setObjectName(QStringLiteral("stepTitle"));
    m_stepTitle->setTextFormat(Qt::PlainText);
    m_stepTable = historyTable(bottom, QStringLiteral("stepTable"));
    m_stepTable->setModel(m_steps);
    m_stepTable->setItemDelegate(new ToneItemDelegate(m_stepTable, ProbeStepModel::ResultColumn));
    arrangeColumns(m_stepTable, {{ProbeStepModel::SeqColumn, 40},
                                 {ProbeStepModel::StepColumn, 120},
                                 {ProbeStepModel::ResultColumn, 95},
                                 {ProbeStepModel::PortsColumn, 110},
                                 {ProbeStepModel::CodeColumn, 170},
                                 {ProbeStepModel::DurationColumn, 75},
                                 {ProbeStepModel::DetailColumn, 260},
                                 {ProbeStepModel::ExplanationColumn, 300}});
    m_stepTitle->setBuddy(m_stepTable);
    auto* bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 4, 0, 0);
    bottomLayout->addWidget(m_stepTitle);
    bottomLayout->addWidget(m_stepTable, 1);

    m_runSplitter = new QSplitter(Qt::Vertical, page);
    m_runSplitter->setObjectName(QStringLiteral("runSplitter"));
    m_runSplitter->addWidget(top);
    m_runSplitter->addWidget(bottom);
    m_runSplitter->setStretchFactor(0, 3);
    m_runSplitter->setStretchFactor(1, 2);
    m_runSplitter->setChildrenCollapsible(false);

    auto* layout = new QVBoxLayout(page);
    layout->addLayout(filters);
    layout->addLayout(choices);
    layout->addWidget(m_runSplitter, 1);

    m_runTextTimer = new QTimer(this);
    m_runTextTimer->setSingleShot(true);
    m_runTextTimer->setInterval(kFilterDelayMs);
    connect(m_runTextTimer, &QTimer::timeout, this, &HistoryView::applyRunFilter);
    connect(m_runText, &QLineEdit::textChanged, m_runTextTimer, qOverload<>(&QTimer::start));
    connect(m_runText, &QLineEdit::returnPressed, this, &HistoryView::applyRunFilter);
    for (QComboBox* combo : {m_runKind, m_runProtocol, m_runResult})
        connect(combo, &QComboBox::currentIndexChanged, this, &HistoryView::applyRunFilter);
    connect(m_runTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &HistoryView::showSelectedRun);
    connect(m_runMore, &QPushButton::clicked, this, [this] {
        m_runProxy->searchOlder();
        updateCounts();
    });
    connect(m_runProxy, &PagedHistoryProxy::pausedChanged, this, &HistoryView::updateCounts);
    for (QAbstractItemModel* model : {static_cast<QAbstractItemModel*>(m_runProxy)}) {
        connect(model, &QAbstractItemModel::rowsInserted, this, &HistoryView::updateCounts);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &HistoryView::updateCounts);
        connect(model, &QAbstractItemModel::modelReset, this, &HistoryView::updateCounts);
        connect(model, &QAbstractItemModel::layoutChanged, this, &HistoryView::updateCounts);
    }
    // A reset loses the selection: the steps pane must not show a run no longer listed.
    connect(m_runProxy, &QAbstractItemModel::modelReset, this, &HistoryView::showSelectedRun);
    connect(m_runs, &ProbeRunModel::backgroundFilterFinished, this, &HistoryView::updateCounts);
    connect(m_runs, &ProbeRunModel::loadFailed, this, [this](const Error& error) {
        m_runCount->setText(
            tr("Could not read the history: %1").arg(Explanations::errorLine(error)));
    });
    return page;
}

QWidget* HistoryView::buildAuditPage()
{
    auto* page = new QWidget(this);
    m_auditText = new QLineEdit(page);
    m_auditText->setObjectName(QStringLiteral("auditFilterText"));
    m_auditText->setPlaceholderText(tr("Request, detail or error contains…"));
    m_auditText->setClearButtonEnabled(true);
    m_auditAction = new QComboBox(page);
    m_auditAction->setObjectName(QStringLiteral("auditFilterAction"));
    m_auditAction->addItem(tr("All actions"));
    for (AuditAction action : {AuditAction::Create, AuditAction::Delete, AuditAction::Lookup,
                               AuditAction::Note, AuditAction::DynamicRange,
                               AuditAction::Protect})
        m_auditAction->addItem(Explanations::actionName(action), int(action));
    m_auditProtocol = protocolFilter(page);
    m_auditProtocol->setObjectName(QStringLiteral("auditFilterProtocol"));
    m_auditResult = new QComboBox(page);
    m_auditResult->setObjectName(QStringLiteral("auditFilterResult"));
    m_auditResult->addItem(tr("Any result"));
    m_auditResult->addItem(tr("ok"), true);
    m_auditResult->addItem(tr("failed"), false);

    auto* filters = new QHBoxLayout;
    filters->addWidget(buddyLabel(tr("S&earch"), m_auditText, page));
    filters->addWidget(m_auditText, 2);
    auto* choices = new QHBoxLayout;
    choices->addWidget(buddyLabel(tr("A&ction"), m_auditAction, page));
    choices->addWidget(m_auditAction);
    choices->addWidget(buddyLabel(tr("Protoc&ol"), m_auditProtocol, page));
    choices->addWidget(m_auditProtocol);
    choices->addWidget(buddyLabel(tr("Resu&lt"), m_auditResult, page));
    choices->addWidget(m_auditResult);
    choices->addStretch(1);

    m_auditTable = historyTable(page, QStringLiteral("auditTable"));
    m_auditTable->setModel(m_auditProxy);
    m_auditTable->setItemDelegate(new ToneItemDelegate(m_auditTable, AuditLogModel::ResultColumn));
    arrangeColumns(m_auditTable, {{AuditLogModel::TimeColumn, 135},
                                  {AuditLogModel::ActionColumn, 65},
                                  {AuditLogModel::ProtocolColumn, 60},
                                  {AuditLogModel::RangeColumn, 100},
                                  {AuditLogModel::ResultColumn, 75},
                                  {AuditLogModel::TokenColumn, 140},
                                  {AuditLogModel::ErrorColumn, 170},
                                  {AuditLogModel::MessageColumn, 480},
                                  {AuditLogModel::RequestColumn, 330},
                                  {AuditLogModel::HostColumn, 130},
                                  {AuditLogModel::UserColumn, 90}});

    m_auditCount = mutedLabel(page);
    m_auditCount->setObjectName(QStringLiteral("auditCount"));
    m_auditMore = new QPushButton(tr("Search older &entries"), page);
    m_auditMore->setObjectName(QStringLiteral("auditMore"));
    m_auditMore->setVisible(false);
    auto* countRow = new QHBoxLayout;
    countRow->addWidget(m_auditCount, 1);
    countRow->addWidget(m_auditMore);

    auto* layout = new QVBoxLayout(page);
    layout->addLayout(filters);
    layout->addLayout(choices);
    layout->addWidget(m_auditTable, 1);
    layout->addLayout(countRow);

    m_auditTextTimer = new QTimer(this);
    m_auditTextTimer->setSingleShot(true);
    m_auditTextTimer->setInterval(kFilterDelayMs);
    connect(m_auditTextTimer, &QTimer::timeout, this, &HistoryView::applyAuditFilter);
    connect(m_auditText, &QLineEdit::textChanged, m_auditTextTimer, qOverload<>(&QTimer::start));
    connect(m_auditText, &QLineEdit::returnPressed, this, &HistoryView::applyAuditFilter);
    for (QComboBox* combo : {m_auditAction, m_auditProtocol, m_auditResult})
        connect(combo, &QComboBox::currentIndexChanged, this, &HistoryView::applyAuditFilter);
    connect(m_auditMore, &QPushButton::clicked, this, [this] {
        m_auditProxy->searchOlder();
        updateCounts();
    });
    connect(m_auditProxy, &PagedHistoryProxy::pausedChanged, this, &HistoryView::updateCounts);
    connect(m_audit, &AuditLogModel::backgroundFilterFinished, this, &HistoryView::updateCounts);
    connect(m_auditProxy, &QAbstractItemModel::rowsInserted, this, &HistoryView::updateCounts);
    connect(m_auditProxy, &QAbstractItemModel::rowsRemoved, this, &HistoryView::updateCounts);
    connect(m_auditProxy, &QAbstractItemModel::modelReset, this, &HistoryView::updateCounts);
    connect(m_auditProxy, &QAbstractItemModel::layoutChanged, this, &HistoryView::updateCounts);
    connect(m_audit, &AuditLogModel::loadFailed, this, [this](const Error& error) {
        m_auditCount->setText(
            tr("Could not read the audit log: %1").arg(Explanations::errorLine(error)));
    });
    return page;
}

void HistoryView::showRuns()
{
    m_tabs->setCurrentIndex(0);
}

void HistoryView::showAudit()
{
    m_tabs->setCurrentIndex(1);
}

void HistoryView::applyRunFilter()
{
    m_runTextTimer->stop();
    // What the database can narrow goes into the query (so paging finds matches far down a
    // big history); the protocol and "cancelled vs failed" are filtered among loaded rows.
    ProbeRunFilter filter = m_runs->filter();
    filter.text = m_runText->text().trimmed();
    const QVariant kind = m_runKind->currentData();
    filter.kind = kind.isValid() ? std::optional<ProbeKind>(ProbeKind(kind.toInt())) : std::nullopt;
    const QVariant result = m_runResult->currentData();
    std::optional<HistoryOutcome> outcome;
    if (result.isValid())
        outcome = HistoryOutcome(result.toInt());
    filter.ok = outcome ? std::optional<bool>(*outcome == HistoryOutcome::Ok) : std::nullopt;

    const bool queryChanged = filter.text != m_runs->filter().text ||
                              filter.kind != m_runs->filter().kind ||
                              filter.ok != m_runs->filter().ok;
    m_runProxy->setProtocol(protocolOf(m_runProtocol));
    // "ok" is exact in the database; "failed" and "cancelled" are both !ok there.
    m_runProxy->setOutcome(outcome == HistoryOutcome::Ok ? std::nullopt : outcome);
    m_runProxy->resetFetchGuard();
    if (queryChanged)
        m_runs->setFilterInBackground(filter);
    updateCounts();
}

void HistoryView::applyAuditFilter()
{
    m_auditTextTimer->stop();
    AuditFilter filter = m_audit->filter();
    filter.text = m_auditText->text().trimmed();
    const QVariant action = m_auditAction->currentData();
    filter.action =
        action.isValid() ? std::optional<AuditAction>(AuditAction(action.toInt())) : std::nullopt;
    const QVariant result = m_auditResult->currentData();
    filter.ok = result.isValid() ? std::optional<bool>(result.toBool()) : std::nullopt;

    const bool queryChanged = filter.text != m_audit->filter().text ||
                              filter.action != m_audit->filter().action ||
                              filter.ok != m_audit->filter().ok;
    m_auditProxy->setProtocol(protocolOf(m_auditProtocol));
    m_auditProxy->resetFetchGuard();
    if (queryChanged)
        m_audit->setFilterInBackground(filter);
    updateCounts();
}

void HistoryView::showSelectedRun()
{
    const QModelIndex current = m_runTable->selectionModel()->currentIndex();
    if (!current.isValid()) {
        m_steps->clear();
        m_stepTitle->setText(tr("Select a run to see its steps."));
        return;
    }
    const qint64 id = current.data(RecordIdRole).toLongLong();
    if (id == m_steps->runId() && id != 0)
        return;
    const QString summary = current.siblingAtColumn(ProbeRunModel::SummaryColumn).data().toString();
    if (auto loaded = m_steps->load(id); !loaded) {
        m_stepTitle->setText(tr("The steps of run %1 could not be read: %2")
                                 .arg(id)
                                 .arg(Explanations::errorLine(loaded.error())));
        return;
    }
    m_stepTitle->setText(tr("Steps of run %1: %2").arg(id).arg(summary));
}

void HistoryView::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() != QEvent::LanguageChange || m_steps->runId() == 0)
        return;
    const QModelIndex current = m_runTable->selectionModel()->currentIndex();
    if (current.isValid())
        m_stepTitle->setText(
            tr("Steps of run %1: %2")
                .arg(m_steps->runId())
                .arg(current.siblingAtColumn(ProbeRunModel::SummaryColumn).data().toString()));
}

bool HistoryView::selectRun(qint64 runId)
{
    const int sourceRow = m_runs->rowOf(runId);
    if (sourceRow < 0)
        return false;
    const QModelIndex index = m_runProxy->mapFromSource(m_runs->index(sourceRow, 0));
    if (!index.isValid())
        return false;
    m_runTable->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                             QItemSelectionModel::Rows);
    m_runTable->scrollTo(index);
    showSelectedRun();
    return true;
}

bool HistoryView::prepareScreenshot(const QString& state)
{
    if (m_shotConnection || m_probes.busy())
        return false;
    m_shotSteps.clear();
    if (state == QLatin1String("runs")) {
        auto bindId = std::make_shared<qint64>(0);
        m_shotSteps << [this] {
            BindTarget target;
            target.port = 3000;
            m_probes.runBindProbe(target);
            return true;
        };
        m_shotSteps << [this] {
            m_probes.runAcquireRelease(SocketSpec{}, PortRange{0, 10});
            return true;
        };
        m_shotSteps << [this] {
            ScanRequest request;
            request.first = 2800;
            request.last = 3400;
            m_probes.runScan(request);
            return true;
        };
        m_shotConnection = connect(&m_probes, &ProbeService::finished, this,
                                   [this, bindId](OperationId, const ProbeRunRecord& run) {
                                       if (run.kind == ProbeKind::BindProbe)
                                           *bindId = run.id;
                                       // The service is still busy while it reports the
                                       // result: start the next probe afterwards.
                                       QTimer::singleShot(0, this, &HistoryView::runScreenshotStep);
                                   });
        m_shotDone = [this, bindId] {
            showRuns();
            selectRun(*bindId);
            m_runTable->setFocus(Qt::OtherFocusReason);
        };
    } else if (state == QLatin1String("audit")) {
        m_shotSteps << [this] {
            m_reservations.lookup(Protocol::Tcp, PortRange{5037, 1});
            return true;
        };
        m_shotSteps << [this] {
            m_reservations.create(Protocol::Tcp, PortRange{3000, 1}, tr("npm dev server"));
            return true;
        };
        m_shotSteps << [this] {
            m_reservations.create(Protocol::Tcp, PortRange{40000, 20}, tr("build agents"));
            return true;
        };
        m_shotConnection = connect(&m_reservations, &ReservationService::operationFinished, this,
                                   [this](const ReservationOutcome&) {
                                       QTimer::singleShot(0, this, &HistoryView::runScreenshotStep);
                                   });
        m_shotDone = [this] {
            showAudit();
            m_auditTable->setFocus(Qt::OtherFocusReason);
        };
    } else {
        return false;
    }
    runScreenshotStep();
    return true;
}

void HistoryView::runScreenshotStep()
{
    if (m_shotSteps.isEmpty()) {
        disconnect(m_shotConnection);
        m_shotConnection = {};
        if (m_shotDone)
            m_shotDone();
        m_shotDone = nullptr;
        emit screenshotReady();
        return;
    }
    const auto step = m_shotSteps.takeFirst();
    step();
}

void HistoryView::reload()
{
    m_runs->reload();
    m_audit->reload();
}

namespace {

// Counts of what is loaded: counting a million rows is exactly what the history avoids.
QString countText(const PagedHistoryProxy& proxy, int loaded, bool runs, bool searching)
{
    if (searching)
        return HistoryView::tr("Searching\u2026");
    const int shown = proxy.rowCount();
    const bool more = proxy.sourceHasMore();
    QString text = runs ? HistoryView::tr("%n run(s) shown", nullptr, shown)
                        : HistoryView::tr("%n entry(s) shown", nullptr, shown);
    if (proxy.isFiltering())
        text += HistoryView::tr(" of %n read from the database", nullptr, loaded);
    if (more)
        text += proxy.isFiltering() ? HistoryView::tr("; older ones are searched on request.")
                                    : HistoryView::tr("; older ones load as you scroll.");
    else
        text += QLatin1Char('.');
    return text;
}

} // namespace

void HistoryView::updateCounts()
{
    m_runCount->setText(countText(*m_runProxy, m_runs->rowCount(), true, m_runs->isSearching()));
    // With rows hidden by the proxy the view may not fill up, so scrolling cannot ask for
    // older rows: the button does, a bounded number of pages at a time.
    m_runMore->setVisible(m_runProxy->isFiltering() && m_runProxy->sourceHasMore());
    m_auditCount->setText(
        countText(*m_auditProxy, m_audit->rowCount(), false, m_audit->isSearching()));
    m_auditMore->setVisible(m_auditProxy->isFiltering() && m_auditProxy->sourceHasMore());
}

} // namespace portolan::ui
