// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/fleet/fleetrecords.h"

#include <QWidget>

class QLabel;
class QTableWidget;

namespace portolan::ui {

class PortMapWidget;

// One host of the fleet as its snapshot saw it: the reservations (the inventory), the
// listeners and the port map, read-only. Nothing here calls a backend: live actions stay with
// the console on that host, or with the playbook.
class HostSnapshotWindow : public QWidget
{
    Q_OBJECT

public:
    explicit HostSnapshotWindow(const HostSnapshotRecord& record, QWidget* parent = nullptr);

    QTableWidget* inventory() const { return m_inventory; }
    QTableWidget* listeners() const { return m_listeners; }
    PortMapWidget* portMap() const { return m_map; }
    QString bannerText() const;

private:
    HostSnapshotRecord m_record;
    QLabel* m_banner = nullptr;
    QTableWidget* m_inventory = nullptr;
    QTableWidget* m_listeners = nullptr;
    PortMapWidget* m_map = nullptr;
};

} // namespace portolan::ui
