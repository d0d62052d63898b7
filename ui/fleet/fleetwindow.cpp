// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/fleet/fleetwindow.h"

#include "ui/fleet/fleetview.h"
#include "ui/fleet/hostsnapshotwindow.h"

#include "model/services/reservationservice.h"

namespace portolan::ui {

QWidget* makeFleetView(Store& store, ReservationService& service, QWidget* parent)
{
    auto* view = new FleetView(store, service.host(), parent);
    view->setObjectName(QStringLiteral("fleetView"));
    QObject::connect(&service, &ReservationService::bootSnapshotRecorded, view,
                     [view](OperationId, qint64, bool added) {
                         if (added)
                             view->refresh();
                     });
    QObject::connect(view, &FleetView::hostOpened, view, [view](const HostSnapshotRecord& record) {
        auto* window = new HostSnapshotWindow(record, view);
        window->show();
    });
    return view;
}

} // namespace portolan::ui
