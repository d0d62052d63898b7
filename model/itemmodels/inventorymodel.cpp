// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/itemmodels/inventorymodel.h"

#include "model/services/explanations.h"
#include "model/services/reservationservice.h"
#include "model/store/auditlog.h"
#include "model/store/store.h"

#include <QLocale>
#include <QSet>

#include <algorithm>
#include <iterator>
#include <set>
#include <tuple>

namespace portolan {
namespace {

// The order of InventoryStore::list: host, protocol, start, count.
auto sortKey(const ReservationRecord& r)
{
    return std::make_tuple(r.host, int(r.protocol), r.start, r.count);
}

QString timeText(const QDateTime& time)
{
    if (!time.isValid())
        return InventoryModel::tr("never");
    return QLocale().toString(time.toLocalTime(), QLocale::ShortFormat);
}

QString toneOf(ReservationState state)
{
    switch (state) {
    case ReservationState::Present: return QStringLiteral("ok");
    case ReservationState::Missing: return QStringLiteral("error");
    case ReservationState::Unverified: return QStringLiteral("warning");
    }
    return {};
}

// A deleted block's cells that differ from a reservation's: when and by what it went (the time
// is in createdAt). Invalid: as for any row.
QVariant deletedData(const ReservationRecord& r, int column, int role)
{
    switch (role) {
    case Qt::DisplayRole:
        if (column == InventoryModel::StateColumn)
            return InventoryModel::tr("deleted");
        if (column == InventoryModel::NoteColumn)
            return InventoryModel::tr("deleted %1").arg(timeText(r.createdAt));
        if (column == InventoryModel::CreatedColumn)
            return timeText({});
        return {};
    case Qt::ToolTipRole:
        return InventoryModel::tr("%1 %2 was deleted through this console on %3; it is kept "
                                  "here from the audit log.")
            .arg(Explanations::protocolName(r.protocol), Explanations::rangeText(r.range()),
                 timeText(r.createdAt));
    case SortRole:
        return column == InventoryModel::StateColumn ? QVariant(InventoryModel::kDeletedState)
                                                     : QVariant();
    case StateRole: return InventoryModel::kDeletedState;
    case ToneRole: return QStringLiteral("muted");
    default: return {};
    }
}

} // namespace

InventoryModel::InventoryModel(Store& store, ReservationService* service, const QString& host,
                               QObject* parent)
    : QAbstractTableModel(parent), m_store(store), m_service(service), m_host(host)
{
    if (service) {
        connect(service, &ReservationService::inventoryRowChanged, this, &InventoryModel::applyRecord);
        connect(service, &ReservationService::inventoryRowRemoved, this, &InventoryModel::removeRecord);
        connect(service, &ReservationService::inventoryReset, this, [this] { (void)refresh(); });
        // The audit entry of a deletion is written before the operation reports its end.
        connect(service, &ReservationService::operationFinished, this,
                [this](const ReservationOutcome& outcome) {
                    if (outcome.ok && (outcome.operation == ReservationOperation::Delete
                                       || outcome.operation == ReservationOperation::Forget))
                        reloadDeleted();
                });
    }
    (void)refresh();
}

int InventoryModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size() + m_deleted.size());
}

int InventoryModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant InventoryModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ReservationRecord& r = record(index.row());
    const int column = index.column();
    if (isDeleted(index.row())) {
        if (QVariant deleted = deletedData(r, column, role); deleted.isValid())
            return deleted;
    }
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        switch (column) {
        case HostColumn: return r.host;
        case ProtocolColumn: return Explanations::protocolName(r.protocol);
        case StartColumn: return int(r.start);
        case EndColumn: return int(r.range().end());
        case CountColumn: return int(r.count);
        case TokenColumn: return Explanations::tokenText(r.token);
        case SourceColumn: return Explanations::sourceName(r.source);
        case StateColumn: return Explanations::stateName(r.state);
        case CreatedColumn: return timeText(r.createdAt);
        case VerifiedColumn: return timeText(r.verifiedAt);
        case NoteColumn: return r.note;
        }
        return {};
    case Qt::ToolTipRole:
        switch (column) {
        case TokenColumn:
            return tr("The token Windows gave this reservation when it was last seen. Tokens may "
                      "change at every restart; the block is identified by protocol, start and "
                      "count.");
        case StateColumn:
            switch (r.state) {
            case ReservationState::Present:
                return tr("Found by the last lookup (%1).").arg(timeText(r.verifiedAt));
            case ReservationState::Missing:
                return tr("The last lookup did not find this block: it was deleted outside the "
                          "console, or the machine was reinstalled.");
            case ReservationState::Unverified:
                return tr("Not looked up since the machine last restarted (or never): its token "
                          "may have changed.");
            }
            return {};
        case SourceColumn:
            switch (r.source) {
            case ReservationSource::Created: return tr("Created by this console.");
            case ReservationSource::LookedUp: return tr("Made elsewhere and looked up here.");
            case ReservationSource::Discovered: return tr("Found on the system by a discovery.");
            case ReservationSource::Imported: return tr("Imported from a report (netsh or portolan-cli).");
            }
            return {};
        case NoteColumn:
            return r.note.isEmpty() ? tr("Double-click to add a note: owner, purpose…") : r.note;
        default:
            return tr("%1 %2 on %3").arg(Explanations::protocolName(r.protocol),
                                        Explanations::rangeText(r.range()), r.host);
        }
    case Qt::TextAlignmentRole:
        switch (column) {
        case StartColumn:
        case EndColumn:
        case CountColumn:
        case TokenColumn:
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        default:
            return QVariant::fromValue(Qt::Alignment(Qt::AlignLeft | Qt::AlignVCenter));
        }
    case RecordIdRole: return r.id;
    case RecordRole: return QVariant::fromValue(r);
    case SortRole:
        switch (column) {
        case HostColumn: return r.host;
        case ProtocolColumn: return int(r.protocol);
        case StartColumn: return int(r.start);
        case EndColumn: return int(r.range().end());
        case CountColumn: return int(r.count);
        case TokenColumn: return r.token;
        case SourceColumn: return int(r.source);
        case StateColumn: return int(r.state);
        case CreatedColumn: return r.createdAt;
        case VerifiedColumn: return r.verifiedAt;
        case NoteColumn: return r.note.toLower();
        }
        return {};
    case ProtocolRole: return int(r.protocol);
    case StateRole: return int(r.state);
    case FilterTextRole:
        return QStringList{r.host, Explanations::rangeText(r.range()),
                           QStringLiteral("%1-%2").arg(r.start).arg(r.range().end()), r.note}
            .join(QLatin1Char(' '))
            .toLower();
    case ToneRole: return toneOf(r.state);
    default:
        return {};
    }
}

QVariant InventoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case HostColumn: return tr("Host");
        case ProtocolColumn: return tr("Protocol");
        case StartColumn: return tr("Start");
        case EndColumn: return tr("End");
        case CountColumn: return tr("Ports");
        case TokenColumn: return tr("Token");
        case SourceColumn: return tr("Source");
        case StateColumn: return tr("State");
        case CreatedColumn: return tr("Created");
        case VerifiedColumn: return tr("Verified");
        case NoteColumn: return tr("Note");
        }
    }
    if (role == Qt::ToolTipRole && section == NoteColumn)
        return tr("Free text: who needs this block and why. Every change is in the audit log.");
    return {};
}

Qt::ItemFlags InventoryModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemNeverHasChildren;
    if (index.column() == NoteColumn && m_service && !isDeleted(index.row()))
        f |= Qt::ItemIsEditable;
    return f;
}

bool InventoryModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (!m_service || role != Qt::EditRole || index.column() != NoteColumn
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    if (isDeleted(index.row()))
        return false;
    const ReservationRecord& r = m_rows.at(index.row());
    const QString note = value.toString();
    if (note == r.note)
        return true;
    m_service->setNote(r.id, note); // the cell follows when the service has recorded it
    return true;
}

int InventoryModel::rowOf(qint64 id) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).id == id)
            return i;
    }
    return -1;
}

bool InventoryModel::accepts(const ReservationRecord& record) const
{
    return m_host.isEmpty() || record.host == m_host;
}

int InventoryModel::insertPosition(const ReservationRecord& record) const
{
    auto it = std::lower_bound(m_rows.begin(), m_rows.end(), record,
                               [](const ReservationRecord& a, const ReservationRecord& b) {
                                   return sortKey(a) < sortKey(b);
                               });
    return int(it - m_rows.begin());
}

void InventoryModel::applyRecord(const ReservationRecord& record)
{
    const int row = rowOf(record.id);
    if (!accepts(record)) {
        if (row >= 0)
            removeRecord(record.id);
        return;
    }
    if (row >= 0) {
        if (m_rows.at(row) == record)
            return;
        if (sortKey(m_rows.at(row)) == sortKey(record)) {
            m_rows[row] = record;
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
            return;
        }
        // The id now names another block (SQLite reuses the highest id after a delete).
        removeRecord(record.id);
    }
    const int at = insertPosition(record);
    beginInsertRows({}, at, at);
    m_rows.insert(at, record);
    endInsertRows();
    // Made again: no longer a deleted block.
    for (int i = 0; i < m_deleted.size(); ++i) {
        if (sortKey(m_deleted.at(i)) == sortKey(record)) {
            const int row = int(m_rows.size()) + i;
            beginRemoveRows({}, row, row);
            m_deleted.removeAt(i);
            endRemoveRows();
            break;
        }
    }
}

void InventoryModel::removeRecord(qint64 id)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
}

Result<void> InventoryModel::refresh()
{
    InventoryFilter filter;
    filter.host = m_host;
    auto listed = m_store.inventory().list(filter);
    if (!listed) {
        emit loadFailed(listed.error());
        return listed.error();
    }
    const QList<ReservationRecord>& fresh = listed.value();
    if (m_rows.isEmpty() && m_deleted.isEmpty()) {
        // The first load, at start-up before the window shows: the rows sorted and inserted
        // at once, instead of a search and an insertion per row.
        QList<ReservationRecord> rows;
        rows.reserve(fresh.size());
        std::copy_if(fresh.cbegin(), fresh.cend(), std::back_inserter(rows),
                     [this](const ReservationRecord& r) { return accepts(r); });
        std::stable_sort(rows.begin(), rows.end(),
                         [](const ReservationRecord& a, const ReservationRecord& b) {
                             return sortKey(a) < sortKey(b);
                         });
        if (!rows.isEmpty()) {
            beginInsertRows({}, 0, int(rows.size()) - 1);
            m_rows = std::move(rows);
            endInsertRows();
        }
        reloadDeleted();
        return {};
    }
    // A row is the same when its id still names the same block.
    QSet<QString> fresher;
    auto identity = [](const ReservationRecord& r) {
        return QStringLiteral("%1|%2|%3|%4|%5").arg(r.id).arg(r.host).arg(int(r.protocol)).arg(r.start).arg(r.count);
    };
    for (const ReservationRecord& r : fresh)
        fresher.insert(identity(r));
    // Rows gone, from the bottom up so the positions stay valid.
    for (int i = int(m_rows.size()) - 1; i >= 0; --i) {
        if (!fresher.contains(identity(m_rows.at(i)))) {
            beginRemoveRows({}, i, i);
            m_rows.removeAt(i);
            endRemoveRows();
        }
    }
    for (const ReservationRecord& r : fresh)
        applyRecord(r);
    reloadDeleted();
    return {};
}

void InventoryModel::reloadDeleted()
{
    AuditFilter filter;
    filter.host = m_host;
    filter.action = AuditAction::Delete;
    filter.ok = true;
    // The newest few hundred deletions are what a person looks for; older ones stay in History.
    auto entries = m_store.audit().entries(filter, 500);
    QList<ReservationRecord> fresh;
    if (entries) {
        std::set<decltype(sortKey(ReservationRecord{}))> seen;
        for (const ReservationRecord& r : std::as_const(m_rows))
            seen.insert(sortKey(r));
        for (const AuditRecord& entry : entries.value()) { // newest first
            ReservationRecord gone;
            gone.id = -entry.id;
            gone.host = entry.actor.host;
            gone.protocol = entry.protocol;
            gone.start = entry.start;
            gone.count = entry.count;
            gone.token = entry.token;
            gone.createdAt = entry.at; // when it was deleted
            gone.verifiedAt = entry.at;
            if (entry.count == 0 || seen.count(sortKey(gone)) != 0)
                continue;
            seen.insert(sortKey(gone));
            fresh.append(gone);
        }
        std::sort(fresh.begin(), fresh.end(),
                  [](const ReservationRecord& a, const ReservationRecord& b) {
                      return sortKey(a) < sortKey(b);
                  });
    }
    if (fresh == m_deleted)
        return;
    const int first = int(m_rows.size());
    if (!m_deleted.isEmpty()) {
        beginRemoveRows({}, first, first + int(m_deleted.size()) - 1);
        m_deleted.clear();
        endRemoveRows();
    }
    if (!fresh.isEmpty()) {
        beginInsertRows({}, first, first + int(fresh.size()) - 1);
        m_deleted = fresh;
        endInsertRows();
    }
}

} // namespace portolan
