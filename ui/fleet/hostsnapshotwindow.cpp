// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/fleet/hostsnapshotwindow.h"

#include "ui/portmap/portmapdata.h"
#include "ui/portmap/portmapwidget.h"

#include "model/fleet/fleetmodel.h"
#include "model/fleet/snapshotimport.h"
#include "model/services/explanations.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace portolan::ui {
namespace {

QTableWidget* makeTable(const QStringList& headers, QWidget* parent)
{
    auto* table = new QTableWidget(0, int(headers.size()), parent);
    table->setHorizontalHeaderLabels(headers);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    return table;
}

void addRow(QTableWidget* table, const QStringList& cells)
{
    const int row = table->rowCount();
    table->insertRow(row);
    for (int c = 0; c < cells.size(); ++c)
        table->setItem(row, c, new QTableWidgetItem(cells.at(c)));
}

} // namespace

HostSnapshotWindow::HostSnapshotWindow(const HostSnapshotRecord& record, QWidget* parent)
    : QWidget(parent, Qt::Window), m_record(record)
{
    setObjectName(QStringLiteral("hostSnapshotWindow"));
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(tr("%1 — read-only snapshot").arg(record.host));
    m_banner = new QLabel(bannerText(), this);
    m_banner->setWordWrap(true);
    m_banner->setObjectName(QStringLiteral("readOnlyBanner"));

    m_inventory = makeTable(
        {tr("Protocol"), tr("Ports"), tr("Kind"), tr("Token"), tr("Owner"), tr("Evidence")}, this);
    for (const SnapshotBlock& b : record.blocks)
        addRow(m_inventory, {Explanations::protocolName(b.protocol), FleetModel::rangeText(b.range),
                             b.persistent ? tr("persistent") : tr("runtime"),
                             b.token ? QString::number(b.token) : QString(), b.owner, b.evidence});
    m_listeners =
        makeTable({tr("Protocol"), tr("Address"), tr("Port"), tr("Process"), tr("PID")}, this);
    PortMapData data;
    data.codeStyle =
        record.osFamily == QLatin1String("linux") ? ErrorCodeStyle::Posix : ErrorCodeStyle::Windows;
    auto snapshot = snapshotOfRecord(record);
    if (snapshot) {
        std::vector<ReservedBlock> blocks = snapshot->persistent;
        blocks.insert(blocks.end(), snapshot->runtime.begin(), snapshot->runtime.end());
        data.setReservations(blocks);
        data.setListeners(snapshot->listeners);
        data.tcp.dynamicRange = snapshot->dynamicTcp;
        data.udp.dynamicRange = snapshot->dynamicUdp;
        for (const Listener& l : snapshot->listeners)
            addRow(m_listeners,
                   {Explanations::protocolName(l.protocol), QString::fromStdString(l.address),
                    QString::number(l.port), QString::fromStdString(l.process),
                    l.pid >= 0 ? QString::number(l.pid) : QString()});
    } else {
        m_banner->setText(bannerText() + QLatin1Char(' ') +
                          Explanations::errorLine(snapshot.error()));
    }
    m_map = new PortMapWidget(this);
    m_map->setData(data);

    auto* tabs = new QTabWidget(this);
    tabs->addTab(m_inventory, tr("Reservations (%1)").arg(record.blocks.size()));
    tabs->addTab(m_listeners, tr("Listeners (%1)").arg(m_listeners->rowCount()));
    tabs->addTab(m_map, tr("Port map"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addWidget(tabs, 1);
    resize(1000, 700);
}

QString HostSnapshotWindow::bannerText() const
{
    return tr("Read-only snapshot of %1 gathered at %2. Live actions (create, delete, probes) "
              "stay with the console on that host, or with the playbook.")
        .arg(m_record.host,
             QLocale().toString(m_record.gatheredAt.toLocalTime(), QLocale::ShortFormat));
}

} // namespace portolan::ui
