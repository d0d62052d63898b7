// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/fleet/fleetmodel.h"

#include "model/itemmodels/languagefollower.h"
#include "model/itemmodels/modelroles.h"

#include <QLocale>

namespace portolan {
namespace {

QString protocolName(Protocol protocol)
{
    return protocol == Protocol::Tcp ? QStringLiteral("TCP") : QStringLiteral("UDP");
}

} // namespace

FleetModel::FleetModel(QObject* parent) : QAbstractTableModel(parent)
{
    new LanguageFollower(this);
}

void FleetModel::setHosts(const QList<FleetHost>& hosts, const QDateTime& now)
{
    beginResetModel();
    m_hosts = hosts;
    m_now = now;
    endResetModel();
}

int FleetModel::rowOf(const QString& host) const
{
    for (qsizetype i = 0; i < m_hosts.size(); ++i) {
        if (m_hosts[i].latest.host == host)
            return int(i);
    }
    return -1;
}

QString FleetModel::rangeText(const PortRange& range)
{
    return range.count <= 1 ? QString::number(range.start)
                            : QStringLiteral("%1–%2").arg(range.start).arg(range.end());
}

QStringList FleetModel::problems(const HostSnapshotRecord& latest)
{
    QStringList list;
    if (dynamicRangeLow(latest)) {
        const PortRange& low =
            latest.tcpDynamic.count != 0 && latest.tcpDynamic.start < kWindowsDynamicStart
                ? latest.tcpDynamic
                : latest.udpDynamic;
        list << tr("dynamic range starts at %1 (Windows' default: %2)")
                    .arg(low.start)
                    .arg(kWindowsDynamicStart);
    }
    for (const SnapshotChanges::Moved& m : latest.changes.moved)
        list << tr("%1 %2 of %3 moved to %4")
                    .arg(protocolName(m.protocol), rangeText(m.from),
                         m.owner.isEmpty() ? tr("an unknown owner") : m.owner, rangeText(m.to));
    for (const SnapshotBlock& b : latest.changes.vanished) {
        if (b.persistent)
            list << tr("persistent reservation %1 %2 missing")
                        .arg(protocolName(b.protocol), rangeText(b.range));
    }
    return list;
}

QString FleetModel::age(const QDateTime& then, const QDateTime& now)
{
    if (!then.isValid() || !now.isValid())
        return {};
    const qint64 seconds = qMax<qint64>(0, then.secsTo(now));
    if (seconds < 60)
        return tr("%1 s").arg(seconds);
    if (seconds < 3600)
        return tr("%1 min").arg(seconds / 60);
    if (seconds < 2 * 86400)
        return tr("%1 h").arg(seconds / 3600);
    return tr("%1 d").arg(seconds / 86400);
}

int FleetModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_hosts.size());
}

int FleetModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FleetModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const FleetHost& host = m_hosts.at(index.row());
    const HostSnapshotRecord& r = host.latest;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Host:
            return r.host;
        case Os:
            return r.osName.isEmpty() ? r.osFamily : r.osName;
        case Gathered:
            return QLocale().toString(r.gatheredAt.toLocalTime(), QLocale::ShortFormat);
        case Age:
            return age(r.gatheredAt, m_now);
        case Persistent:
            return r.persistentCount;
        case Runtime:
            return r.runtimeCount;
        case Snapshots:
            return host.snapshotCount;
        case Problems: {
            const QStringList list = problems(r);
            return list.isEmpty() ? tr("none") : list.join(QStringLiteral("; "));
        }
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == Problems)
            return problems(r).join(QLatin1Char('\n'));
        if (index.column() == Os)
            return QStringLiteral("%1 %2").arg(r.osName, r.osVersion).trimmed();
        break;
    case SortRole:
        if (index.column() == Gathered || index.column() == Age)
            return r.gatheredAt;
        if (index.column() == Problems)
            return int(problems(r).size());
        return data(index, Qt::DisplayRole); // the counts are numbers already
    case RecordIdRole:
        return r.id;
    case ToneRole:
        return problems(r).isEmpty() ? QStringLiteral("ok") : QStringLiteral("warning");
    case Qt::TextAlignmentRole:
        if (index.column() == Persistent || index.column() == Runtime ||
            index.column() == Snapshots)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    default:
        break;
    }
    return {};
}

QVariant FleetModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Host:
        return tr("Host");
    case Os:
        return tr("OS");
    case Gathered:
        return tr("Last gathered");
    case Age:
        return tr("Age");
    case Persistent:
        return tr("Persistent");
    case Runtime:
        return tr("Runtime");
    case Snapshots:
        return tr("Snapshots");
    case Problems:
        return tr("Problems");
    }
    return {};
}

} // namespace portolan
