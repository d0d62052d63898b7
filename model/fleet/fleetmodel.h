// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/store/hostsnapshotstore.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>
#include <QStringList>

namespace portolan {

// The Fleet view's table: one row per host, from its newest snapshot. Words are made when
// asked, so a change of language shows at once; ages are counted from `now` (setHosts), so
// that a screenshot or a test is stable.
class FleetModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column : int
    {
        Host,
        Os,
        Gathered,
        Age,
        Persistent,
        Runtime,
        Snapshots,
        Problems,
        ColumnCount
    };

    explicit FleetModel(QObject* parent = nullptr);

    void setHosts(const QList<FleetHost>& hosts, const QDateTime& now);
    const QList<FleetHost>& hosts() const { return m_hosts; }
    int rowOf(const QString& host) const; // -1 when not listed

    // What is wrong with a host, one sentence each, in the console's language: a dynamic range
    // that starts low, blocks that moved and persistent reservations missing since the
    // snapshot before.
    static QStringList problems(const HostSnapshotRecord& latest);
    // "45 s", "3 min", "5 h", "2 d".
    static QString age(const QDateTime& then, const QDateTime& now);
    static QString rangeText(const PortRange& range); // "2869–3368" or "5037"

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<FleetHost> m_hosts;
    QDateTime m_now;
};

} // namespace portolan
