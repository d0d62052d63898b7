// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/fleet/fleetwindow.h"

#include "ui/fleet/fleetview.h"

namespace portolan::ui {

QWidget* makeFleetView(Store& store, const QString& localHost, QWidget* parent)
{
    auto* view = new FleetView(store, localHost, parent);
    view->setObjectName(QStringLiteral("fleetView"));
    return view;
}

} // namespace portolan::ui
