#pragma once

#include "modelroles.h"
#include "proberunstore.h"
#include "records.h"

#include "platform/error.h"

#include <QAbstractTableModel>
#include <QList>
#include <QString>

namespace portolan {

class ProbeService;
class Store;

// The history of probe runs, newest first, lazy like AuditLogModel: the first screen of a
// million-run database is one windowed query (ProbeRunStore::runs with a limit); rowCount
// grows by fetchMore(). Runs are held without their steps (ProbeStepModel loads those).
class ProbeRunModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    static constexpr int kDefaultPageSize = 200;

    enum Column : int {
        StartedColumn,
        HostColumn,
        KindColumn,
        ProtocolColumn,
        RequestedColumn, // block or scan span
        ResultColumn,    // "ok" / "failed" / "cancelled"
        GrantedColumn,   // block granted, or the allocated port
        TokenColumn,
        DurationColumn,
        StepsColumn,
        SummaryColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    explicit ProbeRunModel(Store& store, QObject* parent = nullptr);

    // Follows the service's finished signal (recorded runs matching the filter go on top).
    void attach(ProbeService* service);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

    int pageSize() const { return m_pageSize; }
    void setPageSize(int rows);
    const ProbeRunFilter& filter() const { return m_filter; }
    void setFilter(const ProbeRunFilter& filter);
    void reload();

    const ProbeRunRecord& record(int row) const { return m_rows.at(row); }
    int rowOf(qint64 id) const;
    void prepend(const ProbeRunRecord& run); // steps are dropped; stepCount kept
    bool matches(const ProbeRunRecord& run) const;

signals:
    void loadFailed(const portolan::Error& error);

private:
    void loadPage(bool reset);

    Store& m_store;
    ProbeRunFilter m_filter;
    int m_pageSize = kDefaultPageSize;
    QList<ProbeRunRecord> m_rows;
    bool m_atEnd = false;
    // Set while rows are being inserted or reset: a fetchMore() called from a slot connected to
    // those signals (QAbstractItemModelTester does this) must not start a nested change.
    bool m_changing = false;
};

} // namespace portolan
