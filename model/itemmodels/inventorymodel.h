// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/itemmodels/modelroles.h"
#include "model/store/records.h"

#include "platform/error.h"

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>
#include <QString>

#include <optional>

namespace portolan {

class ReservationService;
class Store;

// The inventory as a table, one row per (host, protocol, start, count), ordered like
// InventoryStore::list. Small, so it is held whole; it follows the service's signals row by
// row (insert/remove/dataChanged, never a reset for a single change), and refresh() brings it
// in line with the database by the same fine-grained signals.
class InventoryModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column : int {
        HostColumn,
        ProtocolColumn,
        StartColumn,
        EndColumn,
        CountColumn,
        TokenColumn,
        SourceColumn,
        StateColumn,
        CreatedColumn,
        VerifiedColumn,
        NoteColumn, // editable: goes through ReservationService::setNote
        ColumnCount
    };
    Q_ENUM(Column)

    // `service` may be null (read-only, e.g. a report of imported hosts); the model then
    // refuses edits. `host` limits the rows to one host; empty = every host.
    explicit InventoryModel(Store& store, ReservationService* service = nullptr,
                            const QString& host = {}, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    // NoteColumn + EditRole: asks the service to change the note; the cell shows the new text
    // once the service has recorded it. Returns false without a service or for other cells.
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

    // StateRole of a row for a block deleted (or removed from the inventory) through this
    // console: not a ReservationState, since the block is no longer anywhere on the system.
    static constexpr int kDeletedState = 100;

    QString host() const { return m_host; }
    // Rows past records() are the deleted blocks (their ids are negative: the audit entry's).
    const ReservationRecord& record(int row) const
    {
        return row < m_rows.size() ? m_rows.at(row) : m_deleted.at(row - m_rows.size());
    }
    bool isDeleted(int row) const { return row >= m_rows.size(); }
    int rowOf(qint64 id) const; // -1 when not shown
    // The inventory's rows, without the deleted blocks.
    const QList<ReservationRecord>& records() const { return m_rows; }
    int deletedCount() const { return int(m_deleted.size()); }

    // Re-reads the database and applies the difference.
    Result<void> refresh();
    // Applies one row as the service reports it (also usable without a service).
    void applyRecord(const ReservationRecord& record);
    void removeRecord(qint64 id);

signals:
    void loadFailed(const portolan::Error& error);

private:
    bool accepts(const ReservationRecord& record) const;
    // The newest successful deletion of each block that is not in the inventory again, from
    // the audit log (deleted rows leave the inventory table; the log keeps what happened).
    void reloadDeleted();
    int insertPosition(const ReservationRecord& record) const;

    Store& m_store;
    QPointer<ReservationService> m_service;
    QString m_host;
    QList<ReservationRecord> m_rows;
    QList<ReservationRecord> m_deleted; // shown after m_rows
};

} // namespace portolan
