#pragma once

#include "auditlog.h"
#include "modelroles.h"
#include "records.h"

#include "platform/error.h"

#include <QAbstractTableModel>
#include <QList>
#include <QString>

#include <optional>

namespace portolan {

class ReservationService;
class Store;

// The audit log, newest first, loaded lazily: the first page when the filter is set, then one
// page per fetchMore() (a keyset window, never a count or the whole table). New entries the
// service records appear at the top.
class AuditLogModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    static constexpr int kDefaultPageSize = 200;

    enum Column : int {
        TimeColumn,
        HostColumn,
        UserColumn,
        ActionColumn,
        ProtocolColumn,
        RangeColumn,
        ResultColumn, // "ok" / "failed"
        TokenColumn,
        ErrorColumn,  // ERROR_SHARING_VIOLATION (32)
        MessageColumn, // the error's sentence, or the detail
        RequestColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    explicit AuditLogModel(Store& store, QObject* parent = nullptr);

    // Follows the service's auditRecorded signal (rows matching the filter go on top).
    void attach(ReservationService* service);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

    int pageSize() const { return m_pageSize; }
    void setPageSize(int rows);
    const AuditFilter& filter() const { return m_filter; }
    // Resets the model and loads the first page of the new filter.
    void setFilter(const AuditFilter& filter);
    // Resets and loads the first page again.
    void reload();

    const AuditRecord& record(int row) const { return m_rows.at(row); }
    // Puts a newly recorded entry on top when it matches the filter and is not shown yet.
    void prepend(const AuditRecord& record);
    bool matches(const AuditRecord& record) const;

signals:
    void loadFailed(const portolan::Error& error);

private:
    void loadPage(bool reset);

    Store& m_store;
    AuditFilter m_filter;
    int m_pageSize = kDefaultPageSize;
    QList<AuditRecord> m_rows;
    bool m_atEnd = false;
    // Set while rows are being inserted or reset: a fetchMore() called from a slot connected to
    // those signals (QAbstractItemModelTester does this) must not start a nested change.
    bool m_changing = false;
};

} // namespace portolan
