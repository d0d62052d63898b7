// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/reservations/reservationsview.h"

#include "model/services/explanations.h"
#include "model/itemmodels/filterproxies.h"
#include "model/itemmodels/inventorymodel.h"
#include "model/itemmodels/modelroles.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QDateTime>
#include <QLocale>
#include <QMenu>
#include <QEvent>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

namespace portolan::ui {

ReservationsView::ReservationsView(InventoryModel& model, QWidget* parent)
    : QWidget(parent), m_model(model)
{
    setObjectName(QStringLiteral("reservationsView"));
    auto* layout = new QVBoxLayout(this);

    auto* filters = new QHBoxLayout;
    auto* filterLabel = new QLabel(tr("&Filter:"), this);
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("filter"));
    m_filter->setPlaceholderText(tr("note, host or a port such as 5037 (Ctrl+F)"));
    // The clear button's icon is looked up in the icon themes (some 9 ms of the start on
    // Linux), so the button is made when there is first something to clear.
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString& text) {
        if (!text.isEmpty() && !m_filter->isClearButtonEnabled())
            m_filter->setClearButtonEnabled(true);
    });
    filterLabel->setBuddy(m_filter);
    auto* protocolLabel = new QLabel(tr("P&rotocol:"), this);
    m_protocolFilter = new QComboBox(this);
    m_protocolFilter->setObjectName(QStringLiteral("protocolFilter"));
    m_protocolFilter->addItem(tr("All"), -1);
    m_protocolFilter->addItem(tr("TCP"), int(Protocol::Tcp));
    m_protocolFilter->addItem(tr("UDP"), int(Protocol::Udp));
    protocolLabel->setBuddy(m_protocolFilter);
    auto* stateLabel = new QLabel(tr("S&tate:"), this);
    m_stateFilter = new QComboBox(this);
    m_stateFilter->setObjectName(QStringLiteral("stateFilter"));
    m_stateFilter->addItem(tr("All"), -1);
    for (ReservationState state :
         {ReservationState::Present, ReservationState::Missing, ReservationState::Unverified})
        m_stateFilter->addItem(Explanations::stateName(state), int(state));
    m_stateFilter->addItem(tr("deleted"), InventoryModel::kDeletedState);
    m_stateFilter->setItemData(m_stateFilter->count() - 1,
                               tr("Blocks deleted through this console, from the audit log"),
                               Qt::ToolTipRole);
    stateLabel->setBuddy(m_stateFilter);
    m_counts = new QLabel(this);
    m_counts->setObjectName(QStringLiteral("counts"));
    filters->addWidget(filterLabel);
    filters->addWidget(m_filter, 1);
    filters->addSpacing(12);
    filters->addWidget(protocolLabel);
    filters->addWidget(m_protocolFilter);
    filters->addSpacing(12);
    filters->addWidget(stateLabel);
    filters->addWidget(m_stateFilter);
    filters->addSpacing(12);
    filters->addWidget(m_counts);
    layout->addLayout(filters);

    m_proxy = new InventoryFilterProxy(this);
    m_proxy->setSourceModel(&m_model);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("inventoryTable"));
    m_table->setModel(m_proxy);
    // Enabling sorting sorts by the indicator: set first, the rows are sorted once.
    m_table->horizontalHeader()->setSortIndicator(InventoryModel::StartColumn, Qt::AscendingOrder);
    m_table->setSortingEnabled(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers); // notes: F2 / double-click dialog
    m_table->setAlternatingRowColors(true);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->setWordWrap(false);
    QHeaderView* header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setStretchLastSection(true);
    header->setHighlightSections(false);
    const QFontMetrics fm = m_table->fontMetrics();
    auto width = [&fm](const QString& sample) { return fm.horizontalAdvance(sample) + 24; };
    m_table->setColumnWidth(InventoryModel::HostColumn, width(QStringLiteral("DEV-WORKSTATION")));
    m_table->setColumnWidth(InventoryModel::ProtocolColumn, width(tr("Protocol")));
    m_table->setColumnWidth(InventoryModel::StartColumn, width(QStringLiteral("65535")));
    m_table->setColumnWidth(InventoryModel::EndColumn, width(QStringLiteral("65535")));
    m_table->setColumnWidth(InventoryModel::CountColumn, width(QStringLiteral("Ports")));
    m_table->setColumnWidth(InventoryModel::TokenColumn, width(QStringLiteral("0x0000000000000000")) - 8);
    m_table->setColumnWidth(InventoryModel::SourceColumn, width(tr("discovered")));
    m_table->setColumnWidth(InventoryModel::StateColumn, width(tr("unverified")));
    // As wide as the locale writes a date and time (the model uses the short format).
    const QString sampleTime =
        QLocale().toString(QDateTime(QDate(2026, 12, 28), QTime(23, 59)), QLocale::ShortFormat);
    m_table->setColumnWidth(InventoryModel::CreatedColumn, width(sampleTime));
    m_table->setColumnWidth(InventoryModel::VerifiedColumn, width(sampleTime));
    layout->addWidget(m_table, 1);
    // Rarely needed, and the note deserves the room: shown again from the header's menu.
    m_table->setColumnHidden(InventoryModel::CreatedColumn, true);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header, &QHeaderView::customContextMenuRequested, this, [this, header](const QPoint& pos) {
        QMenu menu(this);
        for (int column = 0; column < m_model.columnCount(); ++column) {
            QAction* toggle = menu.addAction(m_model.headerData(column, Qt::Horizontal).toString());
            toggle->setCheckable(true);
            toggle->setChecked(!m_table->isColumnHidden(column));
            toggle->setEnabled(column != InventoryModel::StartColumn);
            connect(toggle, &QAction::toggled, this,
                    [this, column](bool shown) { m_table->setColumnHidden(column, !shown); });
        }
        menu.exec(header->mapToGlobal(pos));
    });

    // Over the empty table, not under it.
    m_empty = new QLabel(tr("The inventory is empty. Create a reservation with Reservation ▸ "
                            "New… (Ctrl+N), find the existing ones with Reservation ▸ Discover, "
                            "or import a netsh report with File ▸ Import…"),
                         this);
    m_empty->setObjectName(QStringLiteral("emptyHint"));
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setMargin(16);
    m_empty->setParent(m_table->viewport());
    m_empty->setAttribute(Qt::WA_TransparentForMouseEvents);
    m_table->viewport()->installEventFilter(this);

    m_details = new QLabel(this);
    m_details->setObjectName(QStringLiteral("details"));
    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::RichText);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setFrameShape(QFrame::StyledPanel);
    m_details->setMargin(6);
    m_details->setMinimumHeight(fm.height() * 3 + 16);
    m_details->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    layout->addWidget(m_details);

    connect(m_filter, &QLineEdit::textChanged, m_proxy, &InventoryFilterProxy::setText);
    connect(m_protocolFilter, &QComboBox::currentIndexChanged, this, [this] {
        const int value = m_protocolFilter->currentData().toInt();
        m_proxy->setProtocol(value < 0 ? std::nullopt : std::optional(Protocol(value)));
    });
    connect(m_stateFilter, &QComboBox::currentIndexChanged, this, [this] {
        const int value = m_stateFilter->currentData().toInt();
        m_proxy->setStateValue(value < 0 ? std::nullopt : std::optional(value));
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ReservationsView::onCurrentChanged);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ReservationsView::onCurrentChanged);
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
        if (index.isValid())
            emit editNoteRequested();
    });
    // The source too: a row the filter hides still changes the total.
    for (auto* signalSource : {static_cast<QAbstractItemModel*>(m_proxy),
                               static_cast<QAbstractItemModel*>(&m_model)}) {
        connect(signalSource, &QAbstractItemModel::rowsInserted, this, &ReservationsView::updateCounts);
        connect(signalSource, &QAbstractItemModel::rowsRemoved, this, &ReservationsView::updateCounts);
        connect(signalSource, &QAbstractItemModel::modelReset, this, &ReservationsView::updateCounts);
        connect(signalSource, &QAbstractItemModel::layoutChanged, this, &ReservationsView::updateCounts);
    }
    // A row that changes (note, state, token) changes the details shown.
    connect(m_proxy, &QAbstractItemModel::dataChanged, this, &ReservationsView::onCurrentChanged);

    setTabOrder(m_filter, m_protocolFilter);
    setTabOrder(m_protocolFilter, m_stateFilter);
    setTabOrder(m_stateFilter, m_table);
    setFocusProxy(m_table);
    updateCounts();
    updateDetails(std::nullopt);
}

bool ReservationsView::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_table->viewport() && event->type() == QEvent::Resize)
        m_empty->setGeometry(m_table->viewport()->rect().adjusted(40, 40, -40, -40));
    return QWidget::eventFilter(watched, event);
}

void ReservationsView::setContextActions(const QList<QAction*>& actions)
{
    for (QAction* action : m_table->actions())
        m_table->removeAction(action);
    m_table->addActions(actions);
}

void ReservationsView::focusFilter()
{
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

std::optional<ReservationRecord> ReservationsView::currentRecord() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return std::nullopt;
    const QModelIndex source = m_proxy->mapToSource(rows.first());
    if (!source.isValid() || m_model.isDeleted(source.row()))
        return std::nullopt; // a deleted block is no reservation to act on
    return m_model.record(source.row());
}

bool ReservationsView::selectRecord(qint64 id)
{
    const int sourceRow = m_model.rowOf(id);
    if (sourceRow < 0)
        return false;
    QModelIndex index = m_proxy->mapFromSource(m_model.index(sourceRow, 0));
    if (!index.isValid()) {
        // Hidden by a filter: show everything rather than pretend the row does not exist.
        m_filter->clear();
        m_protocolFilter->setCurrentIndex(0);
        m_stateFilter->setCurrentIndex(0);
        index = m_proxy->mapFromSource(m_model.index(sourceRow, 0));
    }
    if (!index.isValid())
        return false;
    m_table->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(index);
    return true;
}

bool ReservationsView::selectBlock(Protocol protocol, PortRange range, const QString& preferredHost)
{
    qint64 found = 0;
    for (const ReservationRecord& r : m_model.records()) {
        if (r.protocol != protocol || r.start != range.start || r.count != range.count)
            continue;
        if (found == 0 || r.host == preferredHost)
            found = r.id;
        if (r.host == preferredHost)
            break;
    }
    if (found != 0 && selectRecord(found))
        return true;
    m_table->clearSelection();
    return false;
}

void ReservationsView::onCurrentChanged()
{
    const std::optional<ReservationRecord> record = currentRecord();
    updateDetails(record);
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (!record && !rows.isEmpty())
        m_details->setText(rows.first().data(Qt::ToolTipRole).toString().toHtmlEscaped());
    emit currentRecordChanged(record);
}

void ReservationsView::updateCounts()
{
    const int shown = m_proxy->rowCount();
    const int total = m_model.rowCount();
    const int deleted = m_model.deletedCount();
    QString text = shown == total ? tr("%n reservation(s)", nullptr, total - deleted)
                                  : tr("%1 of %n row(s)", nullptr, total).arg(shown);
    if (shown == total && deleted > 0)
        text += tr(", %n deleted", nullptr, deleted);
    m_counts->setText(text);
    m_empty->setVisible(shown == 0 && total == deleted);
    emit countsChanged(shown, total);
}

void ReservationsView::updateDetails(const std::optional<ReservationRecord>& record)
{
    if (!record) {
        m_details->setText(tr("Select a reservation to see its details; it is also highlighted "
                              "on the port map (Ctrl+2)."));
        return;
    }
    const ReservationRecord& r = *record;
    auto time = [](const QDateTime& t) {
        return t.isValid() ? QLocale().toString(t.toLocalTime(), QLocale::ShortFormat)
                           : tr("never");
    };
    QString html = QStringLiteral("<b>%1 %2</b> &nbsp; %3 &nbsp;·&nbsp; %4 &nbsp;·&nbsp; %5")
                       .arg(Explanations::protocolName(r.protocol).toHtmlEscaped(),
                            Explanations::rangeText(r.range()).toHtmlEscaped(),
                            tr("%n port(s)", nullptr, r.count).toHtmlEscaped(),
                            tr("host %1").arg(r.host).toHtmlEscaped(),
                            Explanations::stateName(r.state).toHtmlEscaped());
    html += QStringLiteral("<br>%1").arg(
        tr("Token %1 · %2 · created %3 · verified %4")
            .arg(Explanations::tokenText(r.token), Explanations::sourceName(r.source),
                 time(r.createdAt), time(r.verifiedAt))
            .toHtmlEscaped());
    html += QStringLiteral("<br>%1").arg(
        (r.note.isEmpty() ? tr("No note (F2 to add one).") : tr("Note: %1").arg(r.note))
            .toHtmlEscaped());
    m_details->setText(html);
}

} // namespace portolan::ui
